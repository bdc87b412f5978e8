// Image sizes read from headers alone (no decoding), as the upload checks use them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../core/intake/image-size.ts';
import { hugeJpeg, hugePng } from '../../helpers/hostile-files.ts';

const portrait = new Uint8Array(readFileSync(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url)));

describe('imageSize', () => {
  it('reads a PNG\'s IHDR and a JPEG\'s frame header', () => {
    expect(imageSize(hugePng(30000, 30000))).toEqual({ width: 30000, height: 30000 });
    expect(imageSize(portrait)).toEqual({ width: 234, height: 331 });
    expect(imageSize(hugeJpeg(65535, 40000))).toEqual({ width: 65535, height: 40000 });
  });

  it('steps over an EXIF thumbnail, whose own frame header is not the picture\'s', () => {
    // SOI, an APP1 segment holding a 16 × 16 thumbnail's SOI and SOF0, then the picture's SOF0.
    const thumbnail = [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 8, 0, 16, 0, 16, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1];
    const app1 = [0xff, 0xe1, 0x00, 2 + 6 + thumbnail.length, ...Buffer.from('Exif\0\0'), ...thumbnail];
    const jpeg = new Uint8Array([0xff, 0xd8, ...app1, ...hugeJpeg(30000, 20000).subarray(2)]);
    expect(imageSize(jpeg)).toEqual({ width: 30000, height: 20000 });
  });

  it('is null for what is neither, or is cut off before the size', () => {
    expect(imageSize(new Uint8Array(Buffer.from('%PDF-1.7')))).toBeNull();
    expect(imageSize(hugePng(10, 10).subarray(0, 20))).toBeNull();
    expect(imageSize(portrait.subarray(0, 100))).toBeNull();
    expect(imageSize(new Uint8Array(0))).toBeNull();
  });
});
