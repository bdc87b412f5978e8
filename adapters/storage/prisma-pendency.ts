// Office-wide pendency reads over Prisma: aggregate queries (see core/pendency/pendency-port.ts).
import type { Tx } from '../../core/ports.ts';
import type { Db } from './prisma-common.ts';

export function pendencyRepository(_db: Db): Pick<Tx, 'pendency'> {
  return { pendency: {} };
}
