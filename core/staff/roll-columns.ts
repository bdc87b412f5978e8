// Which column of a roll is which. Each कोषांग makes its own sheet from the Collector's प्रपत्र, so
// the same column arrives as "Employee Code", "Emp. Code", "कर्मी कोड" or "कर्मचारी कोड *"; headers
// are compared by textKey (case, spaces and punctuation ignored) against the aliases below.
import { REQUIRED_FIELDS, type RollField } from './roll-types.ts';
import { textKey } from './roll-values.ts';

const ALIASES: Record<RollField, readonly string[]> = {
  serial: ['S.No.', 'Sl. No.', 'Sr. No.', 'Serial', 'Serial No', 'क्रम सं.', 'क्रम संख्या', 'क्रमांक', 'क्र.सं.'],
  name: [
    'Name', 'Employee Name', 'Staff Name', 'Full Name', 'Name of Employee', 'Name of the Employee',
    'नाम', 'कर्मी का नाम', 'कर्मचारी का नाम', 'कर्मियों का नाम', 'पदाधिकारी/कर्मी का नाम', 'अधिकारी/कर्मचारी का नाम',
  ],
  code: [
    'Employee Code', 'Emp Code', 'Employee ID', 'Emp ID', 'Employee No', 'Emp No', 'Staff Code', 'Code', 'HRMS ID', 'HRMS Code',
    'कर्मी कोड', 'कर्मचारी कोड', 'कर्मी कोड संख्या', 'कर्मी संख्या', 'कोड',
  ],
  dob: ['DOB', 'Date of Birth', 'Birth Date', 'जन्मतिथि', 'जन्म तिथि', 'जन्म दिनांक', 'जन्म की तिथि'],
  post: ['Post', 'Designation', 'पद', 'पदनाम'],
  mobile: [
    'Mobile', 'Mobile No', 'Mobile Number', 'Phone', 'Phone No', 'Contact', 'Contact No', 'Contact Number',
    'मोबाइल', 'मोबाईल', 'मोबाइल नंबर', 'मोबाइल नं', 'मोबाईल नंबर', 'संपर्क नंबर', 'सम्पर्क नंबर', 'संपर्क नम्बर',
    'सम्पर्क नम्बर', 'संपर्क संख्या', 'संपर्क सूत्र', 'दूरभाष',
  ],
  email: [
    'Email', 'E-mail', 'Email ID', 'E-mail ID', 'Email Address', 'Mail ID',
    'इमेल', 'ईमेल', 'ई-मेल', 'इमेल आईडी', 'ईमेल आईडी', 'ई-मेल आईडी', 'इमेल आई डी', 'ई-मेल पता', 'ईमेल पता',
  ],
  section: [
    // Not a bare "Cell": in Indian English that can be a mobile ("Cell No.").
    'Section', 'Section Name', 'Branch', 'Cell Name', 'Section/Branch',
    'कोषांग', 'कोषांग का नाम', 'शाखा', 'शाखा का नाम', 'प्रशाखा', 'कोषांग/शाखा',
  ],
  sectionCode: ['Section Code', 'Branch Code', 'कोषांग कोड', 'शाखा कोड'],
  officerCode: [
    'Reporting Officer Code', 'Reporting Officer Employee Code', 'RO Code',
    'रिपोर्टिंग पदाधिकारी का कोड', 'रिपोर्टिंग पदाधिकारी कोड', 'रिपोर्टिंग पदाधिकारी का कर्मी कोड',
  ],
  officerName: [
    'Reporting Officer Name', "Reporting Officer's Name", 'RO Name',
    'रिपोर्टिंग पदाधिकारी का नाम', 'रिपोर्टिंग पदाधिकारी नाम', 'रिपोर्टिंग अधिकारी का नाम',
  ],
  officerPost: [
    'Reporting Officer Post', "Reporting Officer's Post", 'Reporting Officer Designation', 'RO Post', 'RO Designation',
    'रिपोर्टिंग पदाधिकारी का पद', 'रिपोर्टिंग पदाधिकारी पद', 'रिपोर्टिंग अधिकारी का पद',
  ],
  officerNameAndPost: [
    'Reporting Officer Name and Post', 'Reporting Officer Name & Post', 'Reporting Officer Name and Designation',
    'रिपोर्टिंग पदाधिकारी का नाम व पद', 'रिपोर्टिंग पदाधिकारी का नाम एवं पद', 'रिपोर्टिंग पदाधिकारी का नाम और पद',
  ],
  language: ['Language', 'Lang', 'Preferred Language', 'भाषा', 'पसंदीदा भाषा'],
};

const BY_KEY: ReadonlyMap<string, RollField> = new Map(
  (Object.entries(ALIASES) as Array<[RollField, readonly string[]]>).flatMap(([field, names]) =>
    names.map((name) => [textKey(name), field] as const)),
);

/**
 * The field a header means, or null. Tried in turn: the whole header; the header without
 * bracketed notes ("जन्मतिथि (DD-MM-YYYY)"); the halves of a bilingual header ("Language/भाषा",
 * "Name (नाम)"), accepted only when every half is recognised and they agree, so that
 * "Reporting Officer (Code)" is not mistaken for the employee's own code.
 */
export function fieldOf(header: string): RollField | null {
  const whole = BY_KEY.get(textKey(header));
  if (whole) return whole;
  const unbracketed = header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const plain = BY_KEY.get(textKey(unbracketed));
  if (plain) return plain;
  const parts = header.split(/[/|()[\]]/).map(textKey).filter((k) => k !== '');
  const fields = parts.map((k) => BY_KEY.get(k));
  const first = fields[0];
  return first !== undefined && fields.every((f) => f === first) ? first : null;
}

export interface ColumnMap {
  /** The header that carries each field found. */
  byField: Partial<Record<RollField, string>>;
  /** Required fields with no column, and halves of a reporting officer's name + post given alone. */
  missing: RollField[];
  /** Headers that mean nothing here; their cells are ignored. */
  unknown: string[];
  /** Fields claimed by more than one header: the import cannot know which to believe. */
  duplicates: Array<{ field: RollField; headers: string[] }>;
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const found = new Map<RollField, string[]>();
  const unknown: string[] = [];
  for (const header of headers) {
    const field = fieldOf(header);
    if (field === null) {
      if (header.trim() !== '') unknown.push(header);
      continue;
    }
    found.set(field, [...(found.get(field) ?? []), header]);
  }
  const byField: ColumnMap['byField'] = {};
  const duplicates: ColumnMap['duplicates'] = [];
  for (const [field, list] of found) {
    byField[field] = list[0];
    if (list.length > 1 && field !== 'serial') duplicates.push({ field, headers: list });
  }
  const missing = REQUIRED_FIELDS.filter((f) => !found.has(f));
  // A name without a post (or a post without a name) cannot find an officer; a code column alone is fine.
  if (found.has('officerName') && !found.has('officerPost')) missing.push('officerPost');
  if (found.has('officerPost') && !found.has('officerName')) missing.push('officerName');
  return { byField, missing, unknown, duplicates };
}

/** True when the import can run: every required column once. */
export function columnsUsable(map: ColumnMap): boolean {
  return map.missing.length === 0 && map.duplicates.length === 0;
}
