// `daftar audit verify`: the hash chain, the anchors beside the database (and any given with
// --anchor, e.g. from the DIO's morning message), and the notes and movements the events vouch for.
// Exit 0 when everything holds — and then a new anchor is appended — or 1 naming what does not.
import { parseAnchorArgument, type AuditAnchor } from '../../core/audit/anchors.ts';
import type { AnchorProblem, ChainProblem } from '../../core/audit/verify-chain.ts';
import { verifyAudit } from '../../core/audit/verify-audit.ts';
import type { RecordProblem } from '../../core/audit/verify-records.ts';
import { openStore } from '../../adapters/storage/open-store.ts';
import { anchorFileFor, appendAnchor, readAnchors } from '../../adapters/audit/anchor-file.ts';
import type { Config } from '../../bots/config.ts';

const PROBLEM: Record<ChainProblem['kind'], (seq: number) => string> = {
  edited: (seq) => `event #${seq} was edited (its content no longer matches the chain)`,
  missing: (seq) => `event #${seq} was deleted (the chain skips from #${seq - 1})`,
  inserted: (seq) => `event #${seq} was inserted after the recorded end of the chain`,
  truncated: (seq) => `events from #${seq} on were deleted (the chain ends before its recorded head)`,
};

/** Anchors given on the command line are named so; those from the file by when they were taken. */
const COMMAND_LINE = '--anchor';

function anchorText(problem: AnchorProblem, file: string): string {
  const anchor = problem.at === COMMAND_LINE ? `the --anchor given for #${problem.seq}` : `the anchor of ${problem.at} in ${file}`;
  return problem.kind === 'anchor_beyond_end'
    ? `the chain ends at #${problem.count}, but ${anchor} shows it reached #${problem.seq}: events were deleted from its end (and its head rewritten to match)`
    : `event #${problem.seq} is not the event recorded by ${anchor}: the chain was rewritten from there on`;
}

function recordText(p: RecordProblem): string {
  switch (p.kind) {
    case 'file_missing': return `file ${p.file} is missing (recorded by audit event #${p.seq})`;
    case 'note_missing': return `file ${p.file} note ${p.note} is missing (recorded by audit event #${p.seq})`;
    case 'note_text': return `file ${p.file} note ${p.note}: its text was changed (it no longer matches audit event #${p.seq})`;
    case 'note_decision': return `file ${p.file} note ${p.note}: its decision reads "${p.found}", audit event #${p.seq} recorded "${p.recorded}"`;
    case 'note_unrecorded': return `file ${p.file} note ${p.note} has no audit event (written into the database directly)`;
    case 'movement': return p.recorded === null
      ? `file ${p.file} movement ${p.position} (${p.found ?? ''}) has no audit event (written into the database directly)`
      : `file ${p.file} movement ${p.position} ${p.found === null ? 'is missing' : `reads "${p.found}"`}; audit event #${p.seq ?? 0} recorded "${p.recorded}"`;
  }
}

export async function runAuditVerify(config: Config, out: NodeJS.WritableStream, options: { anchors?: string[] } = {}): Promise<number> {
  const given: AuditAnchor[] = [];
  for (const raw of options.anchors ?? []) {
    const anchor = parseAnchorArgument(raw, COMMAND_LINE);
    if (anchor === null) {
      out.write(`--anchor expects <seq>:<head hash> (64 hex digits), as in the DIO's morning message; got "${raw}"\n`);
      return 2;
    }
    given.push(anchor);
  }
  const file = anchorFileFor(config.database, config.dataDir);
  const stored = await readAnchors(file);
  const store = await openStore(config.database);
  let verified;
  try {
    verified = await verifyAudit(store, { anchors: [...stored.anchors, ...given] });
  } finally {
    await store.close();
  }
  const { chain, records } = verified;
  const lines: string[] = [];
  const report = chain.report;
  lines.push(report.ok
    ? `OK: ${report.count} audit events, hash chain intact`
    : `TAMPERED: ${PROBLEM[report.problem.kind](report.problem.seq)}; ${report.count} events before it are intact`);
  if (chain.anchorProblem !== null) lines.push(`TAMPERED: ${anchorText(chain.anchorProblem, file)}`);
  else if (chain.anchorsChecked > 0) lines.push(`OK: the chain agrees with ${chain.anchorsChecked} anchor${chain.anchorsChecked === 1 ? '' : 's'} (${file}${given.length > 0 ? ' and --anchor' : ''})`);
  else lines.push(`No anchors yet in ${file}: this run writes the first`);
  if (stored.badLines.length > 0) lines.push(`Note: line ${stored.badLines.join(', ')} of ${file} is not an anchor and was ignored`);
  for (const problem of records.problems) lines.push(`TAMPERED: ${recordText(problem)}`);
  if (records.problems.length === 0) lines.push(`OK: the notes and movements of ${records.files} file${records.files === 1 ? '' : 's'} match their audit events`);
  const intact = report.ok && chain.anchorProblem === null && records.problems.length === 0;
  // Only an intact chain is anchored: anchoring a tampered one would vouch for it.
  if (intact) {
    try {
      await appendAnchor(file, { at: new Date().toISOString(), seq: chain.end.seq, hash: chain.end.hash });
      lines.push(`Anchored #${chain.end.seq} ${chain.end.hash} in ${file}`);
    } catch (error) {
      lines.push(`Could not append the anchor to ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  out.write(`${lines.join('\n')}\n`);
  return intact ? 0 : 1;
}
