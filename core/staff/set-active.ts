import { fail, ok, type Result } from '../errors.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { recordEvent } from '../audit/record-event.ts';
import { findByCode } from './link-account.ts';

/** An admin's switch: an inactive employee's linked accounts can no longer act. */
export async function setEmployeeActive(
  tx: Tx, clock: Clock, options: { code: string; active: boolean; actor: string | null },
): Promise<Result<Employee>> {
  const employee = await findByCode(tx, options.code);
  if (employee === null) return fail('STAFF.UNKNOWN_CODE', { code: options.code });
  if (employee.active === options.active) return ok(employee);
  const updated = await tx.employees.update(employee.id, { active: options.active });
  await recordEvent(tx, clock, {
    actor: options.actor, type: options.active ? 'staff.reactivated' : 'staff.deactivated',
    subjectType: 'employee', subjectId: employee.code,
  });
  return ok(updated);
}
