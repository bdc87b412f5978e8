// A PNG page put into a pdfkit document without pdfkit's own PNG reader. That reader (png-js) copies
// the image data into a JavaScript array one byte at a time — about 110 ms for an A4 scan, and a
// receipt used to open each page three times — and decodes an image with alpha in JavaScript after
// our check had already inflated it. Here:
// - an opaque PNG (grey, RGB, palette; a colour-key tRNS as a /Mask) goes into the PDF as it came:
//   its image data is the FlateDecode stream, with the PNG predictor for the PDF reader to undo. The
//   check's inflate (readPng) is the only time its pixels are touched.
// - a PNG with alpha (grey or RGB + alpha, or a palette with alpha per entry) must be decoded to take
//   the alpha out. It is unfiltered from the rows readPng already inflated (kept for it) and laid on
//   white, which is what the white page under it would show: decoded once, one image, no soft mask.
// - an interlaced PNG is left to pdfkit's reader (rare for scans; it decodes it a second time).
// The object quacks as pdfkit's images do (width, height, label, obj, embed), so doc.image() places it.
import { deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';
import { pngNeedsPixels, type PngImage } from './image-check.ts';

type Doc = InstanceType<typeof PDFDocument>;
interface PdfRef {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array): void;
}
type RefMaker = { ref(data?: Record<string, unknown>): PdfRef };

/** Whether png-embed can put this PNG into a PDF itself (else pdfkit's reader does). */
export function embeddable(png: Pick<PngImage, 'interlaced' | 'colour' | 'depth' | 'transparency'>): boolean {
  if (png.interlaced) return false;
  // Alpha per palette entry is read from the pixels: only for one byte per pixel.
  if (png.colour === 3 && png.transparency !== null && png.depth !== 8) return false;
  return true;
}

/** Whether readPng should keep the inflated rows for this PNG: only when png-embed will decode it. */
export const keepRowsFor = (png: PngImage): boolean => embeddable(png) && pngNeedsPixels(png);

/** Deflate level for a flattened image: level 3 is about twice as fast as 6 on scans, a few % larger. */
const FLATTENED_LEVEL = 3;

export class PngPage {
  obj: PdfRef | null = null;
  readonly width: number;
  readonly height: number;
  private png: PngImage | null;

  constructor(png: PngImage, readonly label: string) {
    this.png = png;
    this.width = png.width;
    this.height = png.height;
  }

  embed(doc: Doc): void {
    if (this.obj !== null || this.png === null) return;
    const png = this.png;
    const maker = doc as unknown as RefMaker;
    if (pngNeedsPixels(png)) {
      const { samples, colours } = flattened(png);
      this.obj = maker.ref({
        Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, Width: png.width, Height: png.height,
        ColorSpace: colours === 1 ? 'DeviceGray' : 'DeviceRGB', Filter: 'FlateDecode',
      });
      this.obj.end(deflateSync(samples, { level: FLATTENED_LEVEL }));
    } else {
      const colours = png.colour === 2 ? 3 : 1;
      const obj = maker.ref({
        Type: 'XObject', Subtype: 'Image', BitsPerComponent: png.depth, Width: png.width, Height: png.height, Filter: 'FlateDecode',
        DecodeParms: { Predictor: 15, Colors: colours, BitsPerComponent: png.depth, Columns: png.width },
      });
      if (png.colour === 3 && png.palette !== null) {
        const palette = maker.ref();
        palette.end(png.palette);
        obj.data.ColorSpace = ['Indexed', 'DeviceRGB', png.palette.length / 3 - 1, palette];
      } else {
        obj.data.ColorSpace = colours === 3 ? 'DeviceRGB' : 'DeviceGray';
      }
      // A colour key (tRNS on grey or RGB): the pixels of that value are not painted, as pdfkit does.
      const key = colourKey(png);
      if (key !== null) obj.data.Mask = key;
      obj.end(png.data);
      this.obj = obj;
    }
    this.png = null; // the bytes are in the document now
  }
}

/** tRNS on a grey or RGB image: the [min max] pairs of a PDF colour-key mask. */
function colourKey(png: PngImage): number[] | null {
  const t = png.transparency;
  if (t === null || (png.colour !== 0 && png.colour !== 2)) return null;
  const values = png.colour === 0 ? [0] : [0, 2, 4];
  if (t.length < values.length * 2) return null;
  const max = 2 ** png.depth - 1;
  return values.flatMap((at) => {
    const v = Math.min(max, ((t[at] ?? 0) << 8) | (t[at + 1] ?? 0));
    return [v, v];
  });
}

/** The picture's rows with the PNG filters undone: `stride` bytes per row, no filter bytes. */
export function unfilter(rows: Uint8Array, height: number, stride: number, bytesPerPixel: number): Buffer {
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = rows[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    const up = dst - stride;
    switch (filter) {
      case 0:
        out.set(rows.subarray(src, src + stride), dst);
        break;
      case 1:
        for (let i = 0; i < stride; i++) out[dst + i] = ((rows[src + i] as number) + (i >= bytesPerPixel ? (out[dst + i - bytesPerPixel] as number) : 0)) & 0xff;
        break;
      case 2:
        if (y === 0) out.set(rows.subarray(src, src + stride), dst);
        else for (let i = 0; i < stride; i++) out[dst + i] = ((rows[src + i] as number) + (out[up + i] as number)) & 0xff;
        break;
      case 3:
        for (let i = 0; i < stride; i++) {
          const left = i >= bytesPerPixel ? (out[dst + i - bytesPerPixel] as number) : 0;
          const above = y > 0 ? (out[up + i] as number) : 0;
          out[dst + i] = ((rows[src + i] as number) + ((left + above) >> 1)) & 0xff;
        }
        break;
      case 4:
        for (let i = 0; i < stride; i++) {
          const a = i >= bytesPerPixel ? (out[dst + i - bytesPerPixel] as number) : 0;
          const b = y > 0 ? (out[up + i] as number) : 0;
          const c = y > 0 && i >= bytesPerPixel ? (out[up + i - bytesPerPixel] as number) : 0;
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          out[dst + i] = ((rows[src + i] as number) + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
        }
        break;
      default:
        throw new Error(`png-embed: row ${y} has an unknown filter ${String(filter)}`);
    }
  }
  return out;
}

/** A PNG with alpha as 8-bit grey or RGB samples laid on white. */
export function flattened(png: PngImage): { samples: Buffer; colours: 1 | 3 } {
  if (png.rows === null) throw new Error('png-embed: the rows of an image with alpha were not kept (readPng keepRows)');
  const bytesPerSample = png.depth === 16 ? 2 : 1;
  const bytesPerPixel = Math.max(1, (png.channels * png.depth) / 8);
  const stride = Math.ceil((png.width * png.channels * png.depth) / 8);
  const pixels = unfilter(png.rows, png.height, stride, bytesPerPixel);
  const count = png.width * png.height;
  // Over white: c·a + 255·(255 − a), divided by 255 and rounded.
  const over = (c: number, a: number) => Math.floor((c * a + 255 * (255 - a) + 127) / 255);
  if (png.colour === 3) {
    const palette = png.palette ?? new Uint8Array(0);
    const alpha = png.transparency ?? new Uint8Array(0);
    const samples = Buffer.alloc(count * 3);
    for (let i = 0; i < count; i++) {
      const index = pixels[i] as number;
      const a = index < alpha.length ? (alpha[index] as number) : 255;
      for (let k = 0; k < 3; k++) samples[i * 3 + k] = over(palette[index * 3 + k] ?? 0, a);
    }
    return { samples, colours: 3 };
  }
  const colours = png.colour === 4 ? 1 : 3;
  const samples = Buffer.alloc(count * colours);
  const step = png.channels * bytesPerSample;
  for (let i = 0, at = 0; i < count; i++, at += step) {
    const a = pixels[at + colours * bytesPerSample] as number; // the high byte when 16-bit
    for (let k = 0; k < colours; k++) samples[i * colours + k] = over(pixels[at + k * bytesPerSample] as number, a);
  }
  return { samples, colours };
}
