// A page "scan" of a chosen size for the receipt messages: a PNG (RGB, 8 bits) of a page with
// seeded noise, which deflate cannot shrink much, so its size is close to the pixels' size.
import { crc32, deflateSync } from 'node:zlib';
import { prng } from './generate.ts';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid PNG of about `bytes` bytes (within a few percent). */
export function pageImage(bytes: number): Uint8Array {
  const rnd = prng(200);
  const width = 400;
  const height = Math.max(1, Math.round(bytes / (width * 3 + 1)));
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width * 3; x++) raw[row + 1 + x] = Math.floor(rnd() * 256);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A real page JPEG (the repo's test scan) padded to about `bytes` with comment segments: a phone scan's
 * size, and what the receipt path does with a JPEG (check its segments, hash, store, embed it as is in
 * the PDF; pdfkit does not decode JPEGs, so the padding costs what real image data would).
 */
export function pageJpeg(source: Uint8Array, bytes: number): Uint8Array {
  if (source[0] !== 0xff || source[1] !== 0xd8) throw new Error('not a JPEG');
  const pad: Buffer[] = [];
  let missing = bytes - source.length;
  const rnd = prng(201);
  while (missing > 4) {
    const length = Math.min(65_533, missing - 4);
    const segment = Buffer.alloc(length + 4);
    segment[0] = 0xff;
    segment[1] = 0xfe; // COM
    segment.writeUInt16BE(length + 2, 2);
    for (let i = 4; i < segment.length; i++) segment[i] = 32 + Math.floor(rnd() * 94);
    pad.push(segment);
    missing -= segment.length;
  }
  return Buffer.concat([Buffer.from(source.subarray(0, 2)), ...pad, Buffer.from(source.subarray(2))]);
}
