// Every symbol the bot writes shows on the web chat page of a machine without an emoji font: either
// the page draws it as an icon (webchat.js's EMOJI table) or a font this machine has covers it
// (fontconfig's own answer). A new message text with a new emoji fails here, not as a box on a
// clerk's screen (issue 18 item 5; 🔴 and ⏳ once showed as "○" and "▯").
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(repo, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

/** Pictographs and dingbats the bot's texts use (emoji, symbols); arrows and punctuation are left out. */
const SYMBOL = /[\u{1F000}-\u{1FAFF}\u{2300}-\u{23FF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/gu;

async function fontCovers(cp: number): Promise<boolean> {
  const { stdout } = await run('fc-list', [`:charset=${cp.toString(16)}`, 'family']);
  return stdout.trim() !== '';
}

describe('symbols in the bot\'s texts, on the web chat page', () => {
  it('each is drawn as an icon or covered by an installed font', async () => {
    const used = new Set<string>();
    for (const file of await sources('bots')) {
      if (file.includes(`${path.sep}language${path.sep}`)) continue; // what people write, not what the bot says
      for (const m of (await readFile(file, 'utf8')).matchAll(SYMBOL)) used.add(m[0]);
    }
    expect(used.size).toBeGreaterThan(10);
    const page = await readFile(path.join(repo, 'adapters/botframework/webchat/webchat.js'), 'utf8');
    const table = page.slice(page.indexOf('var EMOJI = {'), page.indexOf('};', page.indexOf('var EMOJI = {')));
    const drawn = new Set([...table.matchAll(/'((?:\\u[0-9A-Fa-f]{4})+)'\s*:/g)].map((m) => JSON.parse(`"${m[1]}"`) as string));
    const boxes: string[] = [];
    for (const symbol of used) {
      if (drawn.has(symbol)) continue;
      if (!(await fontCovers(symbol.codePointAt(0) ?? 0))) boxes.push(`${symbol} U+${(symbol.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
    }
    expect(boxes).toEqual([]);
  });
});
