// The applicant's copy of the order on their leave, tour or TA claim: queued to them, on their
// channel, with the PDF (the signed copy when the decision was signed), in the decision's transaction.
import { notify } from '../outbox/notify.ts';
import type { Clock, Tx } from '../ports.ts';

export type OrderKind = 'leave' | 'tour' | 'ta';

export async function sendOrderToApplicant(
  tx: Tx, clock: Clock,
  options: { kind: OrderKind; number: string; applicantId: number; blob: string; signed: boolean },
): Promise<void> {
  const { kind, number, blob, signed } = options;
  const name = { leave: 'order', tour: 'order', ta: 'bill' }[kind];
  await notify(tx, clock, {
    employeeId: options.applicantId,
    notification: {
      kind: `${kind}.order`,
      params: { number, kind, signed: signed ? 1 : 0 },
      // A signed copy is remembered as such, so "verify" in reply to it checks it.
      subject: signed ? { type: 'signed', id: blob } : { type: kind, id: number },
      document: { blob, filename: `${number.replace(/\//g, '-')}-${name}${signed ? '-signed' : ''}.pdf`, mime: 'application/pdf' },
    },
  });
}

/** Who applied for the leave, tour or TA claim numbered so (null when there is none). */
export async function applicantOf(tx: Tx, kind: OrderKind, number: string): Promise<number | null> {
  const item = kind === 'leave' ? await tx.leave.byNumber(number) : kind === 'tour' ? await tx.tours.byNumber(number) : await tx.taClaims.byNumber(number);
  return item?.employeeId ?? null;
}
