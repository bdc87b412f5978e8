// Failpoints: named instants on the message path where the reliability suite (test/reliability)
// makes the process die as a power cut or `kill -9` would, to show that nothing acknowledged is lost
// and nothing is done twice. The technique of FreeBSD's fail(9), etcd's gofail and TiKV's fail-rs:
// the names live in the product code, and nothing happens unless the operator's environment names
// one, which no deployment does (the variable is read once, at start).
//
//   DAFTAR_FAILPOINT=<name>        dies the first time <name> is reached
//   DAFTAR_FAILPOINT=<name>@<n>    dies the n-th time (1-based)
//
// Dying is SIGKILL to ourselves: no exit handlers, no flushing, no graceful close, exactly a crash.

/** Every failpoint, where it sits. The reliability suite kills at each of these. */
export const FAILPOINTS = {
  /** The inbound message's transaction did its work and is about to COMMIT. */
  'inbound.before-commit': 'inside the message transaction, after the command ran, before COMMIT',
  /** The message's transaction committed; its replies have not been handed to the channel yet. */
  'inbound.after-commit': 'after the message transaction committed, before its replies leave',
  /** Work that runs after the commit (an OTP being sent) has not started yet. */
  'inbound.after-commit-work': 'after commit, before the after-commit work (OTP send)',
  /** Scans checked and stored as blobs; the message transaction has not started. */
  'upload.blobs-stored': 'after an upload\'s blobs were written, before its message transaction',
  /** A channel adapter sent some of a message's replies and not the rest. */
  'reply.between-sends': 'after the first reply of a message was sent, before the next',
  /** A channel adapter sent every reply; the channel has not been told the update was handled. */
  'reply.before-ack': 'after the replies were sent, before the update is acknowledged to the channel',
  /** An album page's transaction committed (page stored durably). */
  'album.page-stored': 'after a page of an album was stored, before any later page',
  /** The album closer is about to make the receipt's PDF. */
  'album.before-close': 'album due, before its PDF is made',
  /** The receipt's PDF was made and stored; the closing transaction has not run. */
  'album.pdf-made': 'after the album PDF was stored, before the receipt is diarised',
  /** The album's receipt was diarised and its reply queued; nothing delivered yet. */
  'album.closed': 'after the closing transaction committed, before the outbox is kicked',
  /** The dispatcher claimed a batch. */
  'outbox.claimed': 'after the dispatcher claimed due items, before sending',
  /** A queued message was sent; it is not yet marked delivered. */
  'outbox.sent': 'after an outbox item was sent, before it is marked delivered',
  /** A queued message was marked delivered. */
  'outbox.marked': 'after an outbox item was marked delivered',
} as const;

export type FailpointName = keyof typeof FAILPOINTS;

const armed = parse(process.env.DAFTAR_FAILPOINT);
let hits = 0;

function parse(value: string | undefined): { name: string; at: number } | null {
  if (value === undefined || value.trim() === '') return null;
  const [name = '', count] = value.trim().split('@');
  if (!(name in FAILPOINTS)) {
    // A typo would make a reliability run pass without ever crashing: refuse loudly instead.
    throw new Error(`DAFTAR_FAILPOINT names no failpoint: ${name} (known: ${Object.keys(FAILPOINTS).join(', ')})`);
  }
  const at = count === undefined ? 1 : Number(count);
  if (!Number.isInteger(at) || at < 1) throw new Error(`DAFTAR_FAILPOINT: the count after @ must be a whole number from 1: ${value}`);
  return { name, at };
}

/** Dies here if the environment armed this failpoint (and this is its n-th hit). Otherwise nothing. */
export function failpoint(name: FailpointName): void {
  if (armed === null || armed.name !== name) return;
  hits += 1;
  if (hits < armed.at) return;
  process.stderr.write(`failpoint ${name}@${hits}: dying now\n`);
  process.kill(process.pid, 'SIGKILL');
}
