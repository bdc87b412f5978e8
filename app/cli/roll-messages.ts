// The roll import's codes said in plain English for the admin at the terminal, with the प्रपत्र's
// Hindi term beside a field name where the sheet probably uses it. Records over the code lists make
// a new code without a sentence a compile error.
import type { RollFileFailure, RollFileFailureCode } from '../../adapters/roll/read-roll.ts';
import type { EmployeeField, RollField, RollReason, RollReasonCode } from '../../core/staff/roll-types.ts';

type P = RollReason['params'];

export const FIELD_LABEL: Record<RollField, string> = {
  serial: 'serial number (क्रम सं.)',
  name: 'name (नाम)',
  code: 'employee code (कर्मी कोड)',
  dob: 'date of birth (जन्मतिथि)',
  post: 'post (पद)',
  mobile: 'mobile (संपर्क नंबर)',
  email: 'e-mail (इमेल आईडी)',
  section: 'section (कोषांग का नाम)',
  sectionCode: 'section code',
  officerCode: 'reporting officer code',
  officerName: "reporting officer's name (रिपोर्टिंग पदाधिकारी का नाम)",
  officerPost: "reporting officer's post (रिपोर्टिंग पदाधिकारी का पद)",
  officerNameAndPost: "reporting officer's name and post (रिपोर्टिंग पदाधिकारी का नाम व पद)",
  language: 'language (भाषा)',
};

const CHANGED_LABEL: Record<EmployeeField, string> = {
  name: 'name', dob: 'date of birth', post: 'post', postKey: 'post key', mobile: 'mobile', email: 'e-mail',
  section: 'section', reportingOfficer: 'reporting officer', language: 'language',
};

const label = (field: string | number | undefined): string => FIELD_LABEL[field as RollField] ?? String(field);

export const fieldList = (fields: readonly string[]): string => fields.map(label).join(', ');

const REASON_TEXT: Record<RollReasonCode, (p: P) => string> = {
  'ROLL.MISSING_COLUMNS': (p) => `the file has no column for ${fieldList(String(p.columns).split(', '))}`,
  'ROLL.DUPLICATE_COLUMNS': (p) => `columns ${p.columns} mean the same thing; keep one`,
  'ROLL.MISSING_VALUE': (p) => `${label(p.field)} is blank`,
  'ROLL.BAD_CODE': (p) => `employee code "${p.value}" is not usable (letters and digits, like SAH0042)`,
  'ROLL.BAD_MOBILE': (p) => `mobile ${p.value} is not a 10-digit Indian mobile number`,
  'ROLL.BAD_DATE': (p) => `date of birth (जन्मतिथि) "${p.value}" is not a real date as DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD`,
  'ROLL.IMPLAUSIBLE_AGE': (p) => `date of birth (जन्मतिथि) gives an age of ${p.age}; staff are 18 to 75`,
  'ROLL.BAD_EMAIL': (p) => `e-mail (इमेल आईडी) "${p.value}" is not an e-mail address`,
  'ROLL.BAD_LANGUAGE': (p) => `language (भाषा) "${p.value}" is neither hi/हिंदी nor en/English`,
  'ROLL.BAD_SECTION_CODE': (p) => `section code "${p.value}" must be 2 to 10 Latin letters or digits`,
  'ROLL.DUPLICATE_CODE': (p) => `employee code (कर्मी कोड) already used on line ${p.line}`,
  'ROLL.DUPLICATE_MOBILE': (p) => `mobile already given on line ${p.line}`,
  'ROLL.MOBILE_TAKEN': (p) => `mobile is already on the roll for ${p.code}`,
  'ROLL.SECTION_CODE_MISMATCH': (p) =>
    `section "${p.section}" has code ${p.code} ${p.line === undefined ? 'on the roll' : `(given on line ${p.line})`}, not the code on this row`,
  'ROLL.SECTION_CODE_TAKEN': (p) => `section code ${p.code} already belongs to section "${p.section}"`,
  'ROLL.OFFICER_INCOMPLETE': (p) => `reporting officer needs both name and post; ${label(p.missing)} is blank`,
  'ROLL.OFFICER_UNKNOWN': (p) => p.code !== undefined
    ? `reporting officer ${p.code} is neither on the roll nor in this file`
    : `no one named "${p.name}" with post "${p.post}" to report to (रिपोर्टिंग पदाधिकारी)`,
  'ROLL.OFFICER_AMBIGUOUS': (p) => `several staff are "${p.name}", "${p.post}" (${p.codes}); give the reporting officer's code`,
  'ROLL.OFFICER_SELF': () => 'an employee cannot be their own reporting officer',
  'ROLL.OFFICER_INACTIVE': (p) => `reporting officer ${p.code} is deactivated`,
  'ROLL.OFFICER_CYCLE': (p) => `the reporting chain goes round in a circle: ${p.path}`,
  'ROLL.OFFICER_REJECTED': (p) => `the reporting officer's own row (${p.code}, line ${p.line}) was rejected`,
  'ROLL.CONFLICT': (p) => `the roll changed while importing (${p.key}); run the import again`,
};

export function reasonText(reason: RollReason): string {
  return REASON_TEXT[reason.code](reason.params);
}

export function changedText(fields: readonly EmployeeField[]): string {
  return fields.map((f) => CHANGED_LABEL[f]).join(', ');
}

const FILE_TEXT: Record<RollFileFailureCode, (p: P) => string> = {
  'ROLL_FILE.UNSUPPORTED_TYPE': (p) => `${p.extension} files are not read; save the roll as .xlsx or .csv`,
  'ROLL_FILE.UNREADABLE': (p) => String(p.reason),
  'ROLL_FILE.NOT_UTF8': () => 'the CSV is not UTF-8; in Excel use "Save As → CSV UTF-8" so that Hindi text survives',
  'ROLL_FILE.MALFORMED': (p) => `a quoted cell opened on line ${p.line} is never closed`,
  'ROLL_FILE.EMPTY': () => 'the file has no header row with staff rows under it',
  'ROLL_FILE.DUPLICATE_HEADER': (p) => `two columns are headed "${p.header}"`,
};

export function fileFailureText(failure: RollFileFailure): string {
  return FILE_TEXT[failure.code](failure.params);
}
