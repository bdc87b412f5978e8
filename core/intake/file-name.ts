// The one place an uploaded file's name is made safe to keep: names come from the sender's phone
// or a folder on disk and are shown again later (in chat, in a download, on someone's PC), so what
// is stored is a plain base name that cannot climb out of a folder, hide its real extension or
// carry terminal control codes.

/** Longest name kept, in characters; the extension survives the cut. */
export const MAX_FILE_NAME = 120;

const DEFAULT_EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

// Control characters (C0, DEL, C1), line and paragraph separators, and invisible format characters
// such as the right-to-left override that makes "scan‮fdp.exe" look like "scanexe.pdf". The zero-width
// joiner and non-joiner stay: Hindi spelling uses them.
const INVISIBLE = /[\p{Cc}\p{Zl}\p{Zp}]|(?![\u200c\u200d])\p{Cf}/gu;
// Not allowed in a Windows file name, where an office PC may save the original.
const RESERVED = /[<>:"|?*]/g;

/**
 * A safe base name: the last part of any path (`../../../../tmp/x.pdf` is `x.pdf`; both / and \
 * separate), without control or invisible characters, Windows-reserved characters as `_`,
 * whitespace collapsed, no leading or trailing dots or spaces, at most MAX_FILE_NAME characters.
 * Nothing left gives `scan.<extension of the mime type>`. Applying it twice changes nothing.
 */
export function safeFileName(name: string, mime?: string): string {
  const cleaned = name.normalize('NFC').replace(INVISIBLE, '');
  const base = (cleaned.split(/[/\\]/).at(-1) ?? '').replace(RESERVED, '_').replace(/\s+/g, ' ');
  const trimmed = capped(trimEnds(base));
  if (trimmed !== '') return trimmed;
  const extension = mime === undefined ? undefined : DEFAULT_EXTENSION[mime.toLowerCase()];
  return extension === undefined ? 'scan' : `scan.${extension}`;
}

const trimEnds = (text: string): string => text.replace(/^[\s.]+|[\s.]+$/gu, '');

/** Cut by characters (code points, so no half of a pair is left), keeping a short extension. */
function capped(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME) return name;
  const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(name)?.[0] ?? '';
  const stem = chars.slice(0, MAX_FILE_NAME - Array.from(extension).length).join('');
  return `${trimEnds(stem)}${extension}`;
}
