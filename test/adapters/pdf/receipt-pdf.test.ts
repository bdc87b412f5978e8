// A receipt's PDF in one pass: each page checked and opened once, a JPEG embedded as it came, an
// opaque PNG's image data as it came, a PNG with alpha decoded once (from the check's inflate) and
// laid on white; what poppler reads back is the picture that was sent.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import { officeFonts } from '../../../adapters/pdf/fonts.ts';
import { readPng } from '../../../adapters/pdf/image-check.ts';
import { flattened, unfilter } from '../../../adapters/pdf/png-embed.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfPages, qpdfCheck } from '../../helpers/pdf-tools.ts';

// Counts every inflate, so that "decoded at most once" is checked, not assumed.
const inflates = vi.hoisted(() => ({ sync: 0, async: 0 }));
vi.mock('node:zlib', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:zlib')>();
  return {
    ...actual,
    inflateSync: (...args: Parameters<typeof actual.inflateSync>) => { inflates.sync += 1; return actual.inflateSync(...args); },
    inflate: (...args: Parameters<typeof actual.inflate>) => { inflates.async += 1; return (actual.inflate as (...a: unknown[]) => unknown)(...args); },
  };
});

const run = promisify(execFile);
const renderer = new PdfRenderer(new FakeClock());
const jpeg = new Uint8Array(readFileSync(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url)));

type Pixel = [number, number, number, number];

/** Forward PNG filters (the encoder's side), to make rows that use each of them. */
function filterRow(kind: number, row: Uint8Array, above: Uint8Array | null, bpp: number): Uint8Array {
  const out = new Uint8Array(row.length);
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? (row[i - bpp] as number) : 0;
    const b = above === null ? 0 : (above[i] as number);
    const c = above === null || i < bpp ? 0 : (above[i - bpp] as number);
    const p = a + b - c;
    const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
    const predicted = [0, a, b, (a + b) >> 1, paeth][kind] as number;
    out[i] = ((row[i] as number) - predicted) & 0xff;
  }
  return out;
}

/** A PNG of the given pixels (RGBA or RGB, 8-bit), each row with filter `y % 5` (so all five are used). */
function png(width: number, height: number, pixel: (x: number, y: number) => Pixel, alpha: boolean): Uint8Array {
  const channels = alpha ? 4 : 3;
  const rows: Uint8Array[] = [];
  let above: Uint8Array | null = null;
  for (let y = 0; y < height; y++) {
    const row = new Uint8Array(width * channels);
    for (let x = 0; x < width; x++) row.set(pixel(x, y).slice(0, channels), x * channels);
    rows.push(Uint8Array.of(y % 5), filterRow(y % 5, row, above, channels));
    above = row;
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = alpha ? 6 : 2;
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]));
}

const gradient = (x: number, y: number): Pixel => [(x * 7) & 0xff, (y * 11) & 0xff, (x * y) & 0xff, (x + y * 3) & 0xff];

/** The images poppler finds in a PDF: `pdfimages -list`, one row per image. */
async function imagesIn(pdf: Uint8Array): Promise<Array<{ width: number; height: number; color: string; enc: string }>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daftar-receipt-'));
  const file = path.join(dir, 'r.pdf');
  writeFileSync(file, pdf);
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout.split('\n').slice(2).filter((l) => l.trim() !== '').map((line) => {
    const f = line.trim().split(/\s+/);
    return { width: Number(f[3]), height: Number(f[4]), color: String(f[5]), enc: String(f[8]) };
  });
}

beforeAll(() => {
  officeFonts(); // the fonts' own inflates happen once per process, before anything is counted
});
beforeEach(() => {
  inflates.sync = 0;
  inflates.async = 0;
});

describe('unfilter and flattened', () => {
  it('undo all five PNG filters, and lay alpha on white', () => {
    const image = png(37, 23, gradient, true);
    const read = readPng(image, { keepRows: true });
    expect(read).not.toBeNull();
    const pixels = unfilter(read?.rows ?? new Uint8Array(0), 23, 37 * 4, 4);
    for (const [x, y] of [[0, 0], [36, 22], [5, 9], [20, 4]] as const) {
      expect([...pixels.subarray((y * 37 + x) * 4, (y * 37 + x) * 4 + 4)]).toEqual(gradient(x, y));
    }
    const { samples, colours } = flattened(read!);
    expect(colours).toBe(3);
    const [r, g, b, a] = gradient(5, 9);
    const over = (c: number) => Math.floor((c * a + 255 * (255 - a) + 127) / 255);
    expect([...samples.subarray((9 * 37 + 5) * 3, (9 * 37 + 5) * 3 + 3)]).toEqual([over(r), over(g), over(b)]);
  });
});

describe('receipt pages, opened and embedded once', () => {
  it('embeds a JPEG as it came, without inflating or decoding anything', async () => {
    const pdf = await renderer.receiptFromImages([{ bytes: jpeg, mime: 'image/jpeg' }], 'SAH/R/2026/000001');
    expect(inflates).toEqual({ sync: 0, async: 0 });
    expect(Buffer.from(pdf).includes(Buffer.from(jpeg))).toBe(true);
    expect(await imagesIn(pdf)).toMatchObject([{ enc: 'jpeg' }]);
  });

  it('embeds an opaque PNG\'s image data as it came, inflated once (the check)', async () => {
    const image = png(64, 48, gradient, false);
    const pdf = await renderer.receiptFromImages([{ bytes: image, mime: 'image/png' }], 'SAH/R/2026/000002');
    expect(inflates).toEqual({ sync: 1, async: 0 });
    const data = readPng(image)?.data ?? Buffer.alloc(0);
    expect(Buffer.from(pdf).includes(data)).toBe(true);
    expect(await imagesIn(pdf)).toMatchObject([{ width: 64, height: 48, color: 'rgb', enc: 'image' }]);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
  });

  it('decodes a PNG with alpha once, from the check\'s inflate, into one opaque image', async () => {
    const image = png(64, 48, gradient, true);
    const pdf = await renderer.receiptFromImages([{ bytes: image, mime: 'image/png' }, { bytes: jpeg, mime: 'image/jpeg' }], 'SAH/R/2026/000003');
    expect(inflates).toEqual({ sync: 1, async: 0 });
    // No soft mask: the page is white, so the image is laid on white.
    expect(await imagesIn(pdf)).toMatchObject([{ width: 64, height: 48, color: 'rgb' }, { enc: 'jpeg' }]);
    expect(await pdfPages(pdf)).toBe(2);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
  });

  it('checks without keeping anything, and a check and a receipt agree on a bad page', async () => {
    const good = png(16, 16, gradient, true);
    expect(await renderer.checkImages([{ bytes: good, mime: 'image/png' }, { bytes: jpeg, mime: 'image/jpeg' }])).toEqual({ ok: true });
    expect(readPng(good)?.rows).toBeNull();
    const cut = good.subarray(0, good.length - 20);
    expect(await renderer.checkImages([{ bytes: jpeg, mime: 'image/jpeg' }, { bytes: cut, mime: 'image/png' }])).toEqual({ ok: false, reason: 'corrupt_image', index: 1 });
    await expect(renderer.receiptFromImages([{ bytes: jpeg, mime: 'image/jpeg' }, { bytes: cut, mime: 'image/png' }], 'x'))
      .rejects.toThrow('receiptFromImages: image 1 is corrupt_image; call checkImages first');
  });
});
