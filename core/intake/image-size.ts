// The pixel size an image declares in its header, read from the first bytes without decoding
// anything: a page can then be refused for its size before any decoder allocates room for it.
// (A PNG of 30000 × 30000 pixels can be a few hundred bytes; decoded it is 2.7 GB.)

export interface ImageSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const u32 = (b: Uint8Array, at: number): number => (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);

/** PNG (the IHDR chunk, which must come first) or JPEG (the first frame header); null otherwise or when cut short. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngSize(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegSize(bytes);
  return null;
}

function pngSize(bytes: Uint8Array): ImageSize | null {
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: u32(bytes, 16), height: u32(bytes, 20) };
}

/**
 * Walks the marker segments by their lengths up to the first frame header (SOF0–SOF15 but DHT,
 * JPG and DAC, which share the range). An EXIF thumbnail's frame sits inside an APP1 segment and
 * is stepped over with it, so the size is the picture's own.
 */
function jpegSize(bytes: Uint8Array): ImageSize | null {
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at++];
    if (marker === undefined || marker === 0xd9 || marker === 0xda) return null; // end, or scan data before any frame
    if ((marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) continue; // markers without a length
    if (at + 2 > bytes.length) return null;
    const length = u16(bytes, at);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return at + 7 <= bytes.length ? { height: u16(bytes, at + 3), width: u16(bytes, at + 5) } : null;
    at += length;
  }
  return null;
}
