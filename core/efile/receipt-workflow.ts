// The receipt (dak) as a state machine: diarised into its sender's hands, moved from table to table
// while loose, and once put into a file it travels with the file.
//
//   from     action        to       who       audit event
//   none     diarise       open     anyone    receipt.diarised
//   none     digitise      filed    office    file.digitised        (a scan of an imported paper file)
//   open     set_subject   open     holder    receipt.subject_set
//   filed    set_subject   filed    holder    receipt.subject_set
//   open     forward       open     holder    receipt.forwarded
//   open     attach        filed    holder    receipt.attached      (the file must be held too: FILE_WORKFLOW)
//   open     pull_back     open     sender    receipt.pulled_back   (back from a wrong addressee who has not acted: pull-back.ts)
//
// Anything else is RECEIPT.ALREADY_FILED.
import type { Employee } from '../types.ts';
import { anyone, defineWorkflow, theOffice, type Row, type Rule } from '../workflow.ts';
import { holderLabel } from './file-workflow.ts';
import type { Movement, Receipt, ReceiptStatus } from './types.ts';

export type ReceiptAction = 'diarise' | 'digitise' | 'set_subject' | 'forward' | 'attach' | 'pull_back';

export interface ReceiptSubject {
  actor: Employee | null;
  receipt: Receipt | null;
  /** For a pull back: the actor's latest forward of the receipt; null: they never sent it. */
  sent?: Movement | null;
}

export type ReceiptRow = Row<ReceiptStatus, ReceiptAction, ReceiptSubject>;

/** The receipt is in the actor's hands. */
export const RECEIPT_HOLDER: Rule<ReceiptSubject> = {
  name: 'holder',
  allows: ({ actor, receipt }) => actor !== null && receipt !== null && receipt.holderId === actor.id,
  refusal: async ({ receipt }, tx) => ({
    code: 'FILE.NOT_IN_YOUR_HANDS', params: { number: receipt?.diaryNumber ?? '', holder: receipt === null ? '' : await holderLabel(tx, receipt.holderId) },
  }),
};

/** The actor sent the receipt on (a pull back); whether its recipient acted since is the use case's check. */
export const RECEIPT_SENDER: Rule<ReceiptSubject> = {
  name: 'sender',
  allows: ({ actor, sent }) => actor !== null && sent != null && sent.fromId === actor.id,
  refusal: async ({ receipt }, tx) => ({
    code: 'PULLBACK.NOT_SENDER', params: { number: receipt?.diaryNumber ?? '', holder: receipt === null ? '' : await holderLabel(tx, receipt.holderId) },
  }),
};

const ANYONE = anyone<ReceiptSubject>();

export const RECEIPT_WORKFLOW = defineWorkflow<ReceiptStatus, ReceiptAction, ReceiptSubject>({
  name: 'receipt',
  order: 'who-first',
  stateOf: ({ receipt }) => receipt?.status ?? 'none',
  notInTable: async ({ receipt }, _action, tx) => {
    const file = receipt?.fileId == null ? null : await tx.files.byId(receipt.fileId);
    return { code: 'RECEIPT.ALREADY_FILED', params: { number: receipt?.diaryNumber ?? '', file: file?.fileNumber ?? '' } };
  },
  rows: [
    { from: 'none', action: 'diarise', to: 'open', who: ANYONE, event: 'receipt.diarised' },
    { from: 'none', action: 'digitise', to: 'filed', who: theOffice<ReceiptSubject>(), event: 'file.digitised' },
    { from: 'open', action: 'set_subject', to: 'open', who: RECEIPT_HOLDER, event: 'receipt.subject_set' },
    { from: 'filed', action: 'set_subject', to: 'filed', who: RECEIPT_HOLDER, event: 'receipt.subject_set' },
    { from: 'open', action: 'forward', to: 'open', who: RECEIPT_HOLDER, event: 'receipt.forwarded' },
    { from: 'open', action: 'attach', to: 'filed', who: RECEIPT_HOLDER, event: 'receipt.attached' },
    { from: 'open', action: 'pull_back', to: 'open', who: RECEIPT_SENDER, event: 'receipt.pulled_back' },
  ],
});
