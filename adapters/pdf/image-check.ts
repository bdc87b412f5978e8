// Checks on uploaded page images before anything is stored or embedded: JPEG and PNG only, whole.
import { crc32, inflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export type ImageProblem = 'corrupt_image' | 'unsupported_type' | 'empty';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * What is wrong with an uploaded page image, judged by its bytes: the declared mime type and file
 * name come from the sender's phone and are not trusted. Only JPEG and PNG are accepted.
 */
export function imageProblem(bytes: Uint8Array): ImageProblem | undefined {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegIsWhole(bytes) ? undefined : 'corrupt_image';
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngIsWhole(bytes) ? undefined : 'corrupt_image';
  return 'unsupported_type';
}

/** Bytes per row of each interlace pass (Adam7) or of the one pass, plus the filter byte. */
function pngRawSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const passes = interlaced
    ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]]
    : [[0, 0, 1, 1]];
  let size = 0;
  for (const [x0, y0, dx, dy] of passes as Array<[number, number, number, number]>) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w > 0 && h > 0) size += h * (1 + Math.ceil((w * bitsPerPixel) / 8));
  }
  return size;
}

/** Chunk structure and CRCs, a sane IHDR, and image data that inflates to the full picture. */
function pngIsWhole(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let palette = false;
  for (let at = 8; ; ) {
    if (at + 12 > bytes.length) return false; // cut off before IEND
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) return false;
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return false;
    if (header === undefined && (type !== 'IHDR' || length !== 13)) return false;
    if (type === 'IHDR') {
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: data[8] ?? 0, colour: data[9] ?? 0, interlace: data[12] ?? 0 };
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (header === undefined || header.width === 0 || header.height === 0 || header.interlace > 1 || idat.length === 0) return false;
  const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
  const allowedDepths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  const n = channels[header.colour];
  if (n === undefined || !(allowedDepths[header.colour] ?? []).includes(header.depth)) return false;
  if (header.colour === 3 && !palette) return false;
  const expected = pngRawSize(header.width, header.height, n * header.depth, header.interlace === 1);
  try {
    // Stop once the whole picture is there: a huge scan is not inflated past what we need to know.
    return inflateSync(Buffer.concat(idat), { maxOutputLength: expected }).length >= expected;
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
  }
}

/** Markers in order up to a frame header with a size, then scan data that reaches an end marker. */
function jpegIsWhole(bytes: Uint8Array): boolean {
  let frame = false;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return false;
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at++];
    if (marker === undefined) return false;
    if (marker === 0xd9) return frame; // end of image
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (at + 2 > bytes.length) return false;
    const length = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
    if (length < 2 || at + length > bytes.length) return false;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = ((bytes[at + 3] ?? 0) << 8) | (bytes[at + 4] ?? 0);
      const width = ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0);
      const components = bytes[at + 7] ?? 0;
      if (length < 8 || height === 0 || width === 0 || ![1, 3, 4].includes(components)) return false;
      frame = true;
    }
    at += length;
    if (marker === 0xda) {
      if (!frame) return false;
      // Entropy-coded data: 0xFF is followed by a stuffed 0x00 or a restart marker until the next marker.
      while (at < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !((bytes[at + 1] ?? 0) >= 0xd0 && (bytes[at + 1] ?? 0) <= 0xd7))) at++;
    }
  }
  return false; // ran out before the end-of-image marker: truncated
}

export interface OpenedImage {
  width: number;
  height: number;
  orientation?: number;
}

/** pdfkit's image parser; typed here because @types/pdfkit leaves openImage out. */
export function openImage(doc: Doc, bytes: Uint8Array): OpenedImage {
  return (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(Buffer.from(bytes));
}

/** pdfkit's own parser as a second opinion: what it cannot open it cannot embed either. */
export function pdfkitProblem(scratch: Doc, bytes: Uint8Array): 'corrupt_image' | undefined {
  try {
    openImage(scratch, bytes);
    return undefined;
  } catch {
    return 'corrupt_image';
  }
}
