import { describe, expect, it } from 'vitest';
import { CallbackCommands, inlineKeyboard, splitText } from '../../../adapters/telegram/render.ts';

describe('splitting text for Telegram', () => {
  it('leaves a short text whole', () => {
    expect(splitText('नमस्ते\nHello')).toEqual(['नमस्ते\nHello']);
  });

  it('splits at line breaks, each part within the limit, losing nothing', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${i + 1}. EST-${i + 1}/2026 — भूमि अधिग्रहण संबंधी पत्र`);
    const text = lines.join('\n');
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n')).toBe(text);
    // Every part ends at a whole line.
    for (const part of parts) expect(lines).toContain(part.split('\n').at(-1));
  });

  it('splits one very long line at spaces, and hard only when there is none', () => {
    const words = splitText('शब्द '.repeat(2000).trim(), 100);
    for (const part of words) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part).not.toMatch(/^\s|\s$/);
    }
    expect(splitText('x'.repeat(250), 100)).toEqual(['x'.repeat(100), 'x'.repeat(100), 'x'.repeat(50)]);
    // An emoji is two UTF-16 units and is never cut in half.
    const emoji = splitText(`${'a'.repeat(99)}📄b`, 100);
    expect(emoji).toEqual(['a'.repeat(99), '📄b']);
  });
});

describe('buttons as an inline keyboard', () => {
  it('uses the command as callback data when it fits in 64 bytes', () => {
    const commands = new CallbackCommands();
    const keyboard = inlineKeyboard([{ label: 'नई फाइल', command: '/receipt.newfile SAH/R/2026/000001' }], commands);
    expect(keyboard).toEqual({ inline_keyboard: [[{ text: 'नई फाइल', callback_data: '/receipt.newfile SAH/R/2026/000001' }]] });
    expect(inlineKeyboard([], commands)).toBeUndefined();
  });

  it('puts a longer command (counted in bytes) behind a short token that resolves back', () => {
    const commands = new CallbackCommands();
    const long = '/file.note EST-12/2026 स्वीकृत, भुगतान हेतु प्रस्तुत करें';
    expect(long.length).toBeLessThan(64);
    expect(Buffer.byteLength(long)).toBeGreaterThan(64);
    const token = commands.encode(long);
    expect(Buffer.byteLength(token)).toBeLessThanOrEqual(64);
    expect(token).toMatch(/^\/~/);
    expect(commands.decode(token)).toBe(long);
    // Another process (or this one after a restart) does not know it: the token stays as it is.
    expect(new CallbackCommands().decode(token)).toBe(token);
  });

  it('forgets the oldest long commands beyond its capacity', () => {
    const commands = new CallbackCommands(2);
    const tokens = ['a', 'b', 'c'].map((x) => commands.encode(`/file.note EST-1/2026 ${x.repeat(70)}`));
    expect(commands.decode(tokens[0] ?? '')).toBe(tokens[0]);
    expect(commands.decode(tokens[2] ?? '')).toContain('ccc');
  });
});
