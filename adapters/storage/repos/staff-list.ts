// The staff list between transactions. Listing everyone is what name matching, circulars and the
// daily jobs do, and at state scale (50,000 staff) reading the rows costs ≈200 ms however it is done,
// while the roll changes a few times a year. The copy is used only while nothing can have changed it:
// every change to the Employee table, by any process or by hand, moves the `staff.version` counter
// row in the same transaction (a trigger does it: prisma/migrations/*_staff_version_trigger), so
// another process's import-staff or a second Daftar process on PostgreSQL is seen at the next list;
// and this store's own writes also move `generation` — once when written and
// again when their transaction ends, so a list read inside a transaction that then rolled back is
// never served. Callers get copies, as from every other read.
import type { Employee } from '../../../core/types.ts';
import type { Db } from '../rows.ts';
import { EMPLOYEE_COLUMNS, toEmployee } from './employee-row.ts';

const VERSION_KEY = 'staff.version';

export class StaffList {
  private rows: Employee[] | null = null;
  private version = -1;
  private readAt = -1;
  private generation = 0;
  private written = false;

  changed(): void {
    this.generation += 1;
    this.written = true;
  }

  /** At the end of every transaction: one that wrote employees invalidates what it may have cached. */
  settle(): void {
    if (this.written) this.generation += 1;
    this.written = false;
  }

  async list(db: Db, activeOnly: boolean): Promise<Employee[]> {
    const version = (await db.selectFrom('Counter').select('value').where('key', '=', VERSION_KEY).executeTakeFirst())?.value ?? 0;
    if (this.rows === null || version !== this.version || this.readAt !== this.generation) {
      this.rows = (await db.selectFrom('Employee').select(EMPLOYEE_COLUMNS).orderBy('id', 'asc').execute()).map(toEmployee);
      this.version = version;
      this.readAt = this.generation;
    }
    return this.rows.filter((e) => !activeOnly || e.active).map((e) => ({ ...e }));
  }
}
