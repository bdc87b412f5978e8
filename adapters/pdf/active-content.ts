// Finds what could act when a PDF is opened: JavaScript, Launch actions (start a program) and
// embedded files (anything at all, carried inside).
//
// Refuse, not sanitise: an office receipt is a letter to be read and kept as the record. Cleaning a
// PDF means rewriting it, so the stored copy would no longer be the bytes that were received, and a
// cleaner that misses one trick (there are many places an action can hang) keeps the danger while
// looking safe. Refusing is simple to get right, changes nothing that is kept, and the sender has an
// easy way out: print to a new PDF, or scan the paper.
//
// The check reads the document's objects as pdf-lib parsed them, never the raw bytes: objects in
// compressed object streams are seen like any other, and a word such as "/JavaScript" that is only
// text inside a page's (compressed or plain) content stream is not mistaken for an action.
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';
import type { PdfActiveContent } from '../../core/efile/documents.ts';

/**
 * A name as a reader understands it. pdf-lib decodes #XX escapes in names only with capital hex
 * digits, so `/#4aavaScript` would stay unrecognised; the rest are decoded here. (A name that
 * escapes its own # decodes once too often here: a stricter reading, never a laxer one.)
 */
const nameOf = (name: PDFName): string =>
  name.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** What a dictionary's own keys and values say, if anything. */
function inDict(dict: PDFDict): PdfActiveContent | null {
  for (const [key, value] of dict.entries()) {
    const k = nameOf(key);
    // /JS: an action's script; /JavaScript: the document-level scripts in the names tree.
    if (k === 'JS' || k === 'JavaScript') return 'javascript';
    // /EmbeddedFiles: the names tree of attachments; /EF: a file specification carrying one.
    if (k === 'EmbeddedFiles' || k === 'EF') return 'embedded_file';
    if (value instanceof PDFName) {
      const v = nameOf(value);
      // An action's type; an /OpenAction or an annotation's /A or /AA points at such a dictionary.
      if (k === 'S' && v === 'JavaScript') return 'javascript';
      if (k === 'S' && v === 'Launch') return 'launch';
      if (k === 'Type' && v === 'EmbeddedFile') return 'embedded_file';
    }
  }
  return null;
}

/**
 * The first kind of active content in any object of the document (reachable or not: a reader that
 * repairs a broken file may find what the cross-reference table does not name), or null. Direct
 * objects nested in dictionaries and arrays are walked with a stack, so deep nesting cannot
 * overflow it; references need no following, since every indirect object is visited in turn.
 */
export function activeContent(pdf: PDFDocument): PdfActiveContent | null {
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const stack: PDFObject[] = [object];
    while (stack.length > 0) {
      const next = stack.pop() as PDFObject;
      const dict = next instanceof PDFStream ? next.dict : next instanceof PDFDict ? next : null;
      if (dict !== null) {
        const found = inDict(dict);
        if (found !== null) return found;
        for (const [, value] of dict.entries()) stack.push(value);
      } else if (next instanceof PDFArray) {
        for (const item of next.asArray()) stack.push(item);
      }
    }
  }
  return null;
}
