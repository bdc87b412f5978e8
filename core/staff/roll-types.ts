// The shapes of a master-roll import (the प्रपत्र each कोषांग sends in): rows as read from the
// file, the reasons a row is refused, and the report. Reasons are codes with parameters, never prose,
// so the terminal, the chat bots and tests each say them their own way.
import type { Section } from '../types.ts';

/** One data row of the roll, as the file reader hands it over. */
export interface RollRow {
  /** 1-based line of the source where this row starts (the header row is line 1 in a plain roll). */
  line: number;
  /** Cell text keyed by the header text as written in the file (trimmed); a blank cell is ''. */
  cells: Readonly<Record<string, string>>;
}

/** What a column of the roll means. 'serial' (क्रम सं.) is recognised only so it is not reported as unknown. */
export type RollField =
  | 'serial' | 'name' | 'code' | 'dob' | 'post' | 'mobile' | 'email' | 'section' | 'sectionCode'
  | 'officerCode' | 'officerName' | 'officerPost' | 'officerNameAndPost' | 'language';

export const REQUIRED_FIELDS: readonly RollField[] = ['name', 'code', 'dob', 'post', 'mobile', 'section'];

export const ROLL_REASON_CODES = [
  /** The file lacks required columns: {columns: 'mobile, dob'}. Every row gets it. */
  'ROLL.MISSING_COLUMNS',
  /** Two columns mean the same thing: {columns: '"Mobile", "संपर्क नंबर"'}. Every row gets it. */
  'ROLL.DUPLICATE_COLUMNS',
  /** A required cell is blank: {field}. */
  'ROLL.MISSING_VALUE',
  /** {value}: not a usable employee code (letters, digits, - / _; 2–20 characters). */
  'ROLL.BAD_CODE',
  /** {value}: not a 10-digit Indian mobile starting 6–9 once +91/0, spaces and dashes are removed. */
  'ROLL.BAD_MOBILE',
  /** {value}: not a real calendar date in DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or YYYY-MM-DD. */
  'ROLL.BAD_DATE',
  /** {age}: the date of birth gives an age under 18 or over 75 today. The date itself is not echoed. */
  'ROLL.IMPLAUSIBLE_AGE',
  /** {value} */
  'ROLL.BAD_EMAIL',
  /** {value}: the language cell is neither Hindi nor English. */
  'ROLL.BAD_LANGUAGE',
  /** {value}: a section code must be 2–10 Latin letters or digits. */
  'ROLL.BAD_SECTION_CODE',
  /** {line}: an earlier row of this file has the same employee code. */
  'ROLL.DUPLICATE_CODE',
  /** {line}: an earlier row of this file has the same mobile. */
  'ROLL.DUPLICATE_MOBILE',
  /** {code}: another employee on the roll keeps this mobile. */
  'ROLL.MOBILE_TAKEN',
  /** {section, code, line?}: the section already has another code (stored, or given on an earlier line). */
  'ROLL.SECTION_CODE_MISMATCH',
  /** {code, section}: the code belongs to another section. */
  'ROLL.SECTION_CODE_TAKEN',
  /** {missing: 'officerName' | 'officerPost'}: a reporting officer given by name needs the post too, and vice versa. */
  'ROLL.OFFICER_INCOMPLETE',
  /** {code} or {name, post}: no such employee on the roll or in this file. */
  'ROLL.OFFICER_UNKNOWN',
  /** {name, post, codes}: several employees have this name and post. */
  'ROLL.OFFICER_AMBIGUOUS',
  /** The row names itself as its reporting officer. */
  'ROLL.OFFICER_SELF',
  /** {code}: the reporting officer has been deactivated. */
  'ROLL.OFFICER_INACTIVE',
  /** {path: 'SAH0010 → SAH0011 → SAH0010'}: the reporting chain comes back to this employee. */
  'ROLL.OFFICER_CYCLE',
  /** {code, line}: the reporting officer's own row was rejected. */
  'ROLL.OFFICER_REJECTED',
  /** {key}: the store refused a unique key while saving (the roll changed during the import); run it again. */
  'ROLL.CONFLICT',
] as const;

export type RollReasonCode = (typeof ROLL_REASON_CODES)[number];

export interface RollReason {
  code: RollReasonCode;
  /**
   * Values the message may mention. A cell value is echoed only when it is malformed (so not a
   * working mobile, date or address); valid mobiles, dates of birth and e-mails never appear here.
   */
  params: Record<string, string | number>;
}

/** Employee fields an update can change, named as the report prints them. */
export type EmployeeField =
  | 'name' | 'dob' | 'post' | 'postKey' | 'mobile' | 'email' | 'section' | 'reportingOfficer' | 'language';

interface OutcomeBase {
  line: number;
  /** The employee code as normalised (upper case), or as written when it could not be read. */
  code: string | null;
}

export type RowOutcome =
  | (OutcomeBase & { status: 'created' })
  /** `inactive`: the employee stays deactivated; an import never reactivates anyone. */
  | (OutcomeBase & { status: 'updated'; changed: EmployeeField[]; inactive: boolean })
  | (OutcomeBase & { status: 'unchanged'; inactive: boolean })
  | (OutcomeBase & { status: 'rejected'; reasons: RollReason[] });

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Data rows in the file. */
  total: number;
  /**
   * Employees already on the roll whose code is not in this file. They were left exactly as they
   * were: leaving the file is not leaving the office, and deactivation is an explicit admin action.
   */
  notInFile: number;
}

export interface ImportReport {
  /** One per row, in file order. */
  rows: RowOutcome[];
  summary: ImportSummary;
  sectionsCreated: Section[];
  /** Headers that mean nothing to the import; their cells were ignored. */
  unknownColumns: string[];
}
