// An Employee row mapped to the core's Employee, shared by the staff register and the staff list.
import type { Selectable } from 'kysely';
import type { Employee } from '../../../core/types.ts';
import type * as Row from '../generated/db.ts';
import { flag, oneOf } from '../rows.ts';

export const toEmployee = (r: Pick<Selectable<Row.Employee>, (typeof EMPLOYEE_COLUMNS)[number]>): Employee => ({
  id: r.id, code: r.code, name: r.name, dob: r.dob, post: r.post, postKey: r.postKey, mobile: r.mobile,
  email: r.email, sectionId: r.sectionId, reportingOfficerId: r.reportingOfficerId, active: flag(r.active),
  language: oneOf('Employee', 'language', r.language, ['hi', 'en']),
  preferredChannel: r.preferredChannel, remindersMuted: flag(r.remindersMuted),
});

// Only the columns the record has: listing the whole staff at state scale (50,000) spends its time
// turning columns into values.
export const EMPLOYEE_COLUMNS = [
  'id', 'code', 'name', 'dob', 'post', 'postKey', 'mobile', 'email', 'sectionId', 'reportingOfficerId', 'active',
  'language', 'preferredChannel', 'remindersMuted',
] as const;
