// `daftar verify <file.pdf>` against the office CA under the data directory.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import PDFDocument from 'pdfkit';
import { loadConfig } from '../../bots/config.ts';
import { officeSigner } from '../../app/main.ts';
import { silentLogger } from '../../bots/log.ts';
import { systemClock } from '../../core/time.ts';

function smallPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Leave sanction order No. 12/2026');
    doc.end();
  });
}

function verify(dataDir: string, file: string) {
  return spawnSync(process.execPath, ['app/cli/daftar.mjs', 'verify', file], { env: { ...process.env, DAFTAR_DATA_DIR: dataDir }, encoding: 'utf8' });
}

describe('daftar verify', () => {
  it('says who signed a good PDF, and exits 1 for a changed or unsigned one', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'daftar-verify-'));
    const signer = await officeSigner(loadConfig({ DAFTAR_DATA_DIR: dataDir }), systemClock, silentLogger);
    const signed = Buffer.from(await signer.sign(await smallPdf(), { name: 'आनंद शर्मा', code: 'SAH0001', post: 'जिलाधिकारी', reason: 'Sanction of leave' }));
    const good = path.join(dataDir, 'good.pdf');
    writeFileSync(good, signed);
    const ok = verify(dataDir, good);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('The signature is valid');
    expect(ok.stdout).toContain('आनंद शर्मा, जिलाधिकारी (SAH0001)');
    expect(ok.stdout).toContain('Sanction of leave');

    const bad = Buffer.from(signed);
    bad[300] = (bad[300] ?? 0) ^ 0x01;
    writeFileSync(path.join(dataDir, 'bad.pdf'), bad);
    const changed = verify(dataDir, path.join(dataDir, 'bad.pdf'));
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain('changed after it was signed');

    writeFileSync(path.join(dataDir, 'plain.pdf'), await smallPdf());
    const plain = verify(dataDir, path.join(dataDir, 'plain.pdf'));
    expect(plain.status).toBe(1);
    expect(plain.stdout).toContain('carries no digital signature');
  }, 60_000);
});
