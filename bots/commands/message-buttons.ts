import type { Employee } from '../../core/types.ts';
import type { Button } from '../reply.ts';

/** One button per possible recipient; the command carries the text so nothing has to be retyped. */
export function recipientButtons(candidates: Employee[], body: string): Button[] {
  return candidates.map((c) => ({ label: `${c.name}, ${c.post}`, command: `/msg ${c.code} ${body}` }));
}
