// One process, several channels: one that cannot start is named, and the others keep running.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bots/config.ts';
import { openDaftar, type Daftar } from '../../app/main.ts';
import type { Logger } from '../../bots/context.ts';

let daftar: Daftar | null = null;
afterEach(async () => {
  await daftar?.close();
  daftar = null;
});

describe('starting the configured channels', () => {
  it('names a channel that fails to start in one line and keeps the web chat running', async () => {
    const lines: string[] = [];
    const log: Logger = { info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m, e) => lines.push(`error ${m}: ${e instanceof Error ? e.message : String(e)}`) };
    const config = loadConfig({
      DAFTAR_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'daftar-channels-')),
      // A Bot API that is not there: getMe cannot succeed.
      TELEGRAM_BOT_TOKEN: '123456789:AAFakeTokenForTheTestOnly_abcdefghij', TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      WEB_PORT: String(20000 + Math.floor(Math.random() * 20000)),
    });
    daftar = await openDaftar(config, { log });
    const { live, failed } = await daftar.startChannels();
    expect(failed).toEqual(['telegram']);
    expect(live).toEqual(['botframework']);
    const named = lines.filter((l) => l.startsWith('error telegram did not start'));
    expect(named).toHaveLength(1);
    const page = await fetch(`http://127.0.0.1:${config.web?.port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Daftar');
  }, 60_000);
});
