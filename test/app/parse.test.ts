// `daftar parse` prints the assistant's understanding as JSON, one line per utterance with `-`.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const env = { ...process.env, DAFTAR_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'daftar-parse-')) };

describe('daftar parse', () => {
  it('answers one utterance as JSON', () => {
    const run = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'parse', 'isko DDC ko bhej do'], { env, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({ intent: 'forward', entities: { addressee: { post: 'DDC' } }, language: 'mixed' });
  });

  it('reads one utterance per line from standard input with -', () => {
    const input = ['approved', 'वापस, जाँच रिपोर्ट लगाएँ', 'link SAH0042', 'status EST-12/2026', ''].join('\n');
    const run = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'parse', '-'], { env, input, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { intent: string; entities: Record<string, unknown>; language: string });
    expect(lines.map((l) => l.intent)).toEqual(['approve', 'return', 'link', 'status']);
    expect(lines[1]).toMatchObject({ language: 'hi', entities: { remark: 'जाँच रिपोर्ट लगाएँ' } });
    expect(lines[2]?.entities).toEqual({ employeeCode: 'SAH0042' });
    expect(lines[3]?.entities).toEqual({ fileNumber: 'EST-12/2026' });
  });
});

describe('admin commands', () => {
  it('deactivates and reactivates an employee, and refuses an unknown code', () => {
    const admin = { ...process.env, DAFTAR_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'daftar-admin-')) };
    // The first chat seeds the demo office into the empty database.
    const chat = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'chat', '--as', 'SAH0027'], { env: admin, input: '/quit\n', encoding: 'utf8' });
    expect(chat.stdout).toContain('संजीव कुमार');
    const off = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'staff', 'deactivate', 'SAH0027'], { env: admin, encoding: 'utf8' });
    expect(off.status).toBe(0);
    expect(off.stdout).toContain('deactivated');
    const again = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'chat', '--as', 'SAH0027'], { env: admin, input: '/quit\n', encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('SAH0027 is not active');
    const unknown = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'staff', 'activate', 'SAH9999'], { env: admin, encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toContain('"SAH9999" is not on the master roll');
    const unlink = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'unlink', 'terminal', 'console:SAH0027'], { env: admin, encoding: 'utf8' });
    expect(unlink.stdout).toContain('unlinked');
  }, 60_000);
});

describe('the terminal chat', () => {
  it('does not call scan text search off when this machine reads scans (tesseract with hin and eng)', () => {
    const env = { ...process.env, DAFTAR_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'daftar-chat-ocr-')) };
    const chat = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'chat', '--as', 'SAH0027'], { env, input: 'find sonbarsa\n/quit\n', encoding: 'utf8' });
    expect(chat.status).toBe(0);
    expect(chat.stdout).toMatch(/sonbarsa/i);
    expect(chat.stdout).not.toContain('tesseract-ocr (hin, eng)');
  }, 60_000);
});

