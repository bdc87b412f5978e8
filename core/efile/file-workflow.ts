// The file (संचिका) as a state machine. Only its holder acts on an open or parked file; a closed
// file is closed to everyone until someone of its own section reopens it into their hands.
//
//   from     action     to       who       audit event
//   none     create     open     anyone    file.created
//   none     digitise   open     office    file.digitised     (import-files: a running paper file)
//   open     note       open     holder    file.noted
//   parked   note       parked   holder    file.noted
//   open     forward    open     holder    file.forwarded
//   parked   forward    open     holder    file.forwarded
//   open     approve    open     holder    file.approved      (back to whoever sent it up)
//   parked   approve    open     holder    file.approved
//   open     return     open     holder    file.returned
//   parked   return     open     holder    file.returned
//   open     park       parked   holder    file.parked
//   parked   park       parked   holder    file.parked
//   open     close      closed   holder    file.closed
//   parked   close      closed   holder    file.closed
//   closed   reopen     open     section   file.reopened
//   open     attach     open     holder    receipt.attached   (a receipt put into the file)
//   parked   attach     parked   holder    receipt.attached
//   open     pull_back  open     sender    file.pulled_back   (back from a wrong addressee who has not acted: pull-back.ts)
//
// Anything else is FILE.CLOSED (an action on a closed file) or FILE.NOT_CLOSED (reopening one that is not);
// a pull back of a parked or closed file is PULLBACK.ALREADY_ACTED (the recipient parked or closed it).
import type { Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { anyone, defineWorkflow, theOffice, type Row, type Rule } from '../workflow.ts';
import type { EFile, FileStatus, Movement } from './types.ts';
import { firstActSince } from './acted.ts';
import { actedFailure } from './pull-back-failure.ts';

export type FileAction = 'create' | 'digitise' | 'note' | 'forward' | 'approve' | 'return' | 'park' | 'close' | 'reopen' | 'attach' | 'pull_back';

/** Who acts (null: the office itself, e.g. import-files) on which file (null: not yet made). */
export interface FileSubject {
  actor: Employee | null;
  file: EFile | null;
  /** For a pull back: the actor's latest forward of the file (acted.ts lastSentBy); null: they never sent it. */
  sent?: Movement | null;
}

export type FileRow = Row<FileStatus, FileAction, FileSubject>;

export async function holderLabel(tx: Tx, holderId: number): Promise<string> {
  const holder = await tx.employees.byId(holderId);
  return holder === null ? `#${holderId}` : `${holder.name} (${holder.post})`;
}

function fileOf(subject: FileSubject): EFile {
  if (subject.file === null) throw new Error('this rule needs the file');
  return subject.file;
}

/** The file is in the actor's hands. */
export const FILE_HOLDER: Rule<FileSubject> = {
  name: 'holder',
  allows: ({ actor, file }) => actor !== null && file !== null && file.holderId === actor.id,
  refusal: async (s, tx) => {
    const file = fileOf(s);
    return { code: 'FILE.NOT_IN_YOUR_HANDS', params: { number: file.fileNumber, holder: await holderLabel(tx, file.holderId) } };
  },
};

/** Anyone of the file's own section. */
export const FILE_SECTION: Rule<FileSubject> = {
  name: 'section',
  allows: ({ actor, file }) => actor !== null && file !== null && actor.sectionId === file.sectionId,
  refusal: async (s, tx) => {
    const file = fileOf(s);
    const section = await tx.sections.byId(file.sectionId);
    return { code: 'FILE.NOT_YOUR_SECTION', params: { number: file.fileNumber, section: section?.name ?? '' } };
  },
};

/** The actor sent the file on (a pull back): whether the recipient acted since is the use case's check. */
export const FILE_SENDER: Rule<FileSubject> = {
  name: 'sender',
  allows: ({ actor, sent }) => actor !== null && sent != null && sent.fromId === actor.id,
  refusal: async (s, tx) => {
    const file = fileOf(s);
    return { code: 'PULLBACK.NOT_SENDER', params: { number: file.fileNumber, holder: await holderLabel(tx, file.holderId) } };
  },
};

const ANYONE = anyone<FileSubject>();
const OFFICE = theOffice<FileSubject>();

/** The same action from open and from parked, by the holder. */
const held = (action: FileAction, event: string, to: (from: 'open' | 'parked') => FileStatus): FileRow[] =>
  (['open', 'parked'] as const).map((from) => ({ from, action, to: to(from), who: FILE_HOLDER, event }));

export const FILE_WORKFLOW = defineWorkflow<FileStatus, FileAction, FileSubject>({
  name: 'file',
  order: 'state-first',
  stateOf: ({ file }) => file?.status ?? 'none',
  notInTable: async ({ file, sent }, action, tx) => {
    // A parked or closed file was parked or closed by whoever it was sent to: they have acted.
    if (action === 'pull_back' && file !== null && sent != null) {
      const act = await firstActSince(tx, sent);
      if (act !== null) return actedFailure(tx, file.fileNumber, act);
    }
    return { code: action === 'reopen' ? 'FILE.NOT_CLOSED' : 'FILE.CLOSED', params: { number: file?.fileNumber ?? '' } };
  },
  rows: [
    { from: 'none', action: 'create', to: 'open', who: ANYONE, event: 'file.created' },
    { from: 'none', action: 'digitise', to: 'open', who: OFFICE, event: 'file.digitised' },
    ...held('note', 'file.noted', (from) => from),
    ...held('forward', 'file.forwarded', () => 'open'),
    ...held('approve', 'file.approved', () => 'open'),
    ...held('return', 'file.returned', () => 'open'),
    ...held('park', 'file.parked', () => 'parked'),
    ...held('close', 'file.closed', () => 'closed'),
    { from: 'closed', action: 'reopen', to: 'open', who: FILE_SECTION, event: 'file.reopened' },
    ...held('attach', 'receipt.attached', (from) => from),
    { from: 'open', action: 'pull_back', to: 'open', who: FILE_SENDER, event: 'file.pulled_back' },
  ],
});
