// Anchors of the audit chain kept outside the database: one line per anchor, "<ISO time> <seq>
// <head hash>", appended to a file beside the database (adapters/audit/anchor-file.ts) and sent to
// the DIO each morning. The chain's own head row lives in the database: someone who can delete the
// newest events can rewrite it to match. An anchor written earlier cannot be rewritten that way, so
// a chain shorter than an anchored seq, or whose event at that seq has another hash, is tampered.

export interface AuditAnchor {
  /** When the anchor was taken (ISO instant). */
  at: string;
  seq: number;
  hash: string;
}

export function anchorLine(anchor: AuditAnchor): string {
  return `${anchor.at} ${anchor.seq} ${anchor.hash}\n`;
}

const LINE = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z) (\d+) ([0-9a-f]{64})$/;

/** The anchors in a file's text, and the numbers of lines that are not anchors (e.g. a write cut short). */
export function parseAnchors(text: string): { anchors: AuditAnchor[]; badLines: number[] } {
  const anchors: AuditAnchor[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const m = LINE.exec(line);
    if (m === null) badLines.push(index + 1);
    else anchors.push({ at: m[1] ?? '', seq: Number(m[2]), hash: m[3] ?? '' });
  });
  return { anchors, badLines };
}

/** "1234:<64 hex>" as given on the command line (from the DIO's morning message). */
export function parseAnchorArgument(value: string, at: string): AuditAnchor | null {
  const m = /^#?(\d+):([0-9a-f]{64})$/i.exec(value.trim());
  return m === null ? null : { at, seq: Number(m[1]), hash: (m[2] ?? '').toLowerCase() };
}
