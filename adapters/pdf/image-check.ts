// Checks on uploaded page images before anything is stored or embedded: JPEG and PNG only, whole.
// A JPEG is never decoded (its segments are walked; a PDF embeds it as it is); a PNG's image data is
// inflated once, to see that the whole picture is there (readPng, which png-embed.ts reuses).
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

/** A PNG's header and image data as read (and checked) by readPng. */
export interface PngImage {
  width: number;
  height: number;
  /** Bits per sample: 1, 2, 4, 8 or 16. */
  depth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha. */
  colour: number;
  interlaced: boolean;
  /** Samples per pixel (1–4). */
  channels: number;
  palette: Uint8Array | null;
  /** The tRNS chunk's data, if any. */
  transparency: Uint8Array | null;
  /** The IDAT chunks' data, joined: the zlib stream of filtered rows (what a PDF's FlateDecode with the PNG predictor reads). */
  data: Buffer;
  /** The inflated, still filtered rows: kept only when readPng was asked to (keepRows), for an image that must be decoded anyway. */
  rows: Buffer | null;
}

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ALLOWED_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Whether embedding the PNG in a PDF needs its pixels (an alpha channel, or alpha per palette entry). */
export const pngNeedsPixels = (png: Pick<PngImage, 'colour' | 'transparency'>): boolean =>
  png.colour === 4 || png.colour === 6 || (png.colour === 3 && png.transparency !== null);

/**
 * Chunk structure and CRCs, a sane IHDR, and image data that inflates to the full picture; null
 * when any of it fails. The image data is inflated once, here, to see that it is all there: up to
 * the picture's size and no further (a huge scan is not inflated past what we need to know) —
 * unless `keepRows`, when the inflated rows are kept for the caller, so that an image that must be
 * decoded to be embedded is still inflated only once.
 */
export function readPng(bytes: Uint8Array, options: { keepRows?: boolean | ((png: PngImage) => boolean) } = {}): PngImage | null {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  for (let at = 8; ; ) {
    if (at + 12 > bytes.length) return null; // cut off before IEND
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) return null;
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return null;
    if (header === undefined && (type !== 'IHDR' || length !== 13)) return null;
    if (type === 'IHDR') {
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: data[8] ?? 0, colour: data[9] ?? 0, interlace: data[12] ?? 0 };
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') transparency = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (header === undefined || header.width === 0 || header.height === 0 || header.interlace > 1 || idat.length === 0) return null;
  const channels = CHANNELS[header.colour];
  if (channels === undefined || !(ALLOWED_DEPTHS[header.colour] ?? []).includes(header.depth)) return null;
  if (header.colour === 3 && palette === null) return null;
  const png: PngImage = {
    width: header.width, height: header.height, depth: header.depth, colour: header.colour, interlaced: header.interlace === 1,
    channels, palette, transparency, data: idat.length === 1 ? asBuffer(idat[0] as Uint8Array) : Buffer.concat(idat), rows: null,
  };
  const expected = pngRawSize(header.width, header.height, channels * header.depth, png.interlaced);
  const keep = typeof options.keepRows === 'function' ? options.keepRows(png) : options.keepRows === true;
  try {
    const rows = inflateSync(png.data, { maxOutputLength: expected });
    if (rows.length < expected) return null;
    if (keep) png.rows = rows;
    return png;
  } catch (error) {
    // More data than the picture needs: whole (the rest is ignored, as readers do), but not kept.
    if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') return null;
    if (keep) {
      try {
        png.rows = inflateSync(png.data).subarray(0, expected);
      } catch {
        return null;
      }
    }
    return png;
  }
}

/** Chunk structure and CRCs, a sane IHDR, and image data that inflates to the full picture. */
function pngIsWhole(bytes: Uint8Array): boolean {
  return readPng(bytes) !== null;
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
  // A view, not a copy: a JPEG is embedded as the bytes it came as.
  return (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(asBuffer(bytes));
}
