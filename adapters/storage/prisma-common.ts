// What every Prisma repository here shares: Prisma's errors turned into the core's, and the checks
// that keep a stored value the core's types do not allow from leaking into the core.
import { UniqueViolation } from '../../core/errors.ts';
import { Prisma } from './generated/client.ts';

export type Db = Prisma.TransactionClient;

/** A stored value the core's types do not allow: the database was edited by hand or by a newer build. */
export class CorruptRowError extends Error {
  constructor(readonly table: string, readonly column: string, readonly value: unknown) {
    super(`${table}.${column} holds ${JSON.stringify(value)}, which this build does not understand`);
    this.name = 'CorruptRowError';
  }
}

export function oneOf<T extends string>(table: string, column: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CorruptRowError(table, column, value);
}

// Named as the in-memory store names them; a composite primary key is the record's "id".
function uniqueName(error: Prisma.PrismaClientKnownRequestError): string {
  const meta = (error.meta ?? {}) as {
    modelName?: string;
    target?: string[] | string;
    driverAdapterError?: { cause?: { originalCode?: string; constraint?: { fields?: string[] } } };
  };
  const cause = meta.driverAdapterError?.cause;
  const fields = cause?.constraint?.fields ?? (Array.isArray(meta.target) ? meta.target : meta.target ? [meta.target] : []);
  const model = meta.modelName ?? 'unknown';
  if (cause?.originalCode === 'SQLITE_CONSTRAINT_PRIMARYKEY' && fields.length > 1) return `${model}.id`;
  return `${model}.${fields.join('_') || 'unknown'}`;
}

export const isKnown = (error: unknown, code: string): error is Prisma.PrismaClientKnownRequestError =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;

/** Runs one Prisma call, turning a unique-key failure into UniqueViolation and a missing row into `notFound`. */
export async function call<T>(query: () => Promise<T>, notFound?: string): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (isKnown(error, 'P2002')) throw new UniqueViolation(uniqueName(error));
    if (notFound !== undefined && isKnown(error, 'P2025')) throw new Error(`${notFound} not found`);
    throw error;
  }
}

export const orNull = <R, T>(row: R | null, map: (row: R) => T): T | null => (row === null ? null : map(row));

/** Only the listed keys, and of those only the ones given a value: a patch as the port means it. */
export function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
