// The checks every file sent to the bot gets before anything of it is kept (receipts, circulars,
// the training's practice scan): not empty, not too large, its real type by its bytes, an image not
// over the pixel limit (read from its header, before any decoder runs), a PDF that opens and carries
// nothing active. The name shown back is the safe one that would be stored. The first few are read
// on the message thread (precheckUpload); what needs more than a header runs on a renderer worker.
import type { FailureCode } from '../../core/errors.ts';
import type { PdfCheck } from '../../core/efile/documents.ts';
import { safeFileName } from '../../core/intake/file-name.ts';
import { imageSize } from '../../core/intake/image-size.ts';
import { DEFAULT_INTAKE_LIMITS, tooManyPixels } from '../../core/intake/limits.ts';
import type { AssistantDeps } from '../context.ts';
import type { InboundAttachment } from '../reply.ts';

export type UploadProblem = { code: FailureCode; params: Record<string, string | number> };
export type CheckedUpload = { ok: true; pdf: boolean; pages: number } | { ok: false; problem: UploadProblem };

export const isPdf = (bytes: Uint8Array): boolean => bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

const refused = (code: FailureCode, params: UploadProblem['params']): CheckedUpload => ({ ok: false, problem: { code, params } });

/**
 * What is judged on the message thread, decoding nothing: empty, too large, a PDF (by its first
 * bytes), or an image whose header declares more pixels than allowed. Whatever passes goes to a
 * worker for the rest (renderer.checkPdf, checkImages, or receiptFromImages, which checks as it
 * embeds).
 */
export type Precheck = { kind: 'refused'; checked: CheckedUpload } | { kind: 'pdf' } | { kind: 'image' };

export function precheckUpload(deps: Pick<AssistantDeps, 'uploads'>, file: InboundAttachment): Precheck {
  const { uploads } = deps;
  const name = safeFileName(file.filename, file.mime);
  if (file.bytes.length === 0) return { kind: 'refused', checked: refused('UPLOAD.EMPTY', { name }) };
  if (file.bytes.length > uploads.maxBytes) return { kind: 'refused', checked: refused('UPLOAD.TOO_LARGE', { name, maxMb: Math.floor(uploads.maxBytes / 1048576) }) };
  if (isPdf(file.bytes)) return { kind: 'pdf' };
  const size = imageSize(file.bytes);
  const max = uploads.maxImageMegapixels ?? DEFAULT_INTAKE_LIMITS.maxImageMegapixels;
  if (size !== null && tooManyPixels(size, max)) {
    return { kind: 'refused', checked: refused('UPLOAD.TOO_MANY_PIXELS', { name, width: size.width, height: size.height, megapixels: Math.round((size.width * size.height) / 1e6), max }) };
  }
  return { kind: 'image' };
}

export async function checkUpload(deps: AssistantDeps, file: InboundAttachment): Promise<CheckedUpload> {
  const { renderer } = deps;
  const name = safeFileName(file.filename, file.mime);
  const pre = precheckUpload(deps, file);
  if (pre.kind === 'refused') return pre.checked;
  if (pre.kind === 'pdf') {
    const checked = await renderer.checkPdf(file.bytes);
    return checked.ok ? { ok: true, pdf: true, pages: checked.pages } : { ok: false, problem: pdfProblem(checked, name) };
  }
  const checked = await renderer.checkImages([{ bytes: file.bytes, mime: file.mime }]);
  if (checked.ok) return { ok: true, pdf: false, pages: 1 };
  return refused(({ corrupt_image: 'UPLOAD.CORRUPT', unsupported_type: 'UPLOAD.UNSUPPORTED_TYPE', empty: 'UPLOAD.EMPTY' } as const)[checked.reason], { name });
}

/** Why a PDF that did not pass the renderer's check is refused. */
function pdfProblem(checked: Exclude<PdfCheck, { ok: true }>, name: string): UploadProblem {
  if (checked.reason === 'active_content') return { code: 'UPLOAD.ACTIVE_CONTENT', params: { name, found: checked.found } };
  return { code: ({ corrupt: 'UPLOAD.CORRUPT', encrypted: 'UPLOAD.ENCRYPTED', empty: 'UPLOAD.EMPTY' } as const)[checked.reason], params: { name } };
}
