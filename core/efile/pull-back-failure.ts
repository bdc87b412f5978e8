// The refusal of a pull back after the recipient acted: what they did, who, and when (IST).
import type { Failure } from '../errors.ts';
import type { Tx } from '../ports.ts';
import { istDateTime } from '../time.ts';
import type { Act } from './acted.ts';

export async function actedFailure(tx: Tx, number: string, act: Act): Promise<Failure> {
  const by = await tx.employees.byId(act.byId);
  return {
    code: 'PULLBACK.ALREADY_ACTED',
    params: { number, act: act.act, by: by === null ? `#${act.byId}` : `${by.name} (${by.post})`, at: istDateTime(act.at) },
  };
}
