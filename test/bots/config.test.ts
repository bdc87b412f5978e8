import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ConfigError } from '../../core/errors.ts';
import { loadConfig } from '../../bots/config.ts';
import { leavePolicyFrom, tourRulesFrom } from '../../app/office-rules.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('configuration from the environment', () => {
  it('uses the SQLite file unless DATABASE_URL names PostgreSQL, and refuses any other URL without echoing it', () => {
    const embedded = loadConfig({}, '/srv/daftar');
    expect(embedded.database).toEqual({ file: '/srv/daftar/data/daftar.db' });
    expect(embedded.blobDir).toBe('/srv/daftar/data/blobs');
    expect(embedded.caDir).toBe('/srv/daftar/data/ca');
    const shared = loadConfig({ DATABASE_URL: 'postgres://daftar:pw@db:5432/daftar', DAFTAR_BLOB_DIR: '/mnt/shared/blobs', DAFTAR_CA_DIR: '/mnt/shared/ca' }, '/srv/daftar');
    expect(shared.database).toEqual({ url: 'postgres://daftar:pw@db:5432/daftar' });
    expect([shared.blobDir, shared.caDir]).toEqual(['/mnt/shared/blobs', '/mnt/shared/ca']);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:secret@db/daftar' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:secret@db/daftar' })).not.toThrow(/secret/);
  });

  it('has working defaults for the embedded demo', () => {
    const config = loadConfig({}, '/srv/daftar');
    expect(config.dbFile).toBe('/srv/daftar/data/daftar.db');
    expect(config.demo).toBe(true);
    expect(config.consoleOtp).toBe(true);
    expect(config.otp).toMatchObject({ ttlMinutes: 5, maxAttempts: 5, perHour: { link: 3 }, linkCeilingPerHour: 10 });
    expect(config.ephemeralSecret).toBe(true);
    // Teams groups are refused and anonymous web chat sessions limited unless configured otherwise.
    expect(config.web).toMatchObject({ allowGroups: false, webChatSessionsPerHour: 30 });
    expect(loadConfig({ BOTFRAMEWORK_ALLOW_GROUPS: 'true', WEBCHAT_SESSIONS_PER_HOUR: '120' }).web).toMatchObject({ allowGroups: true, webChatSessionsPerHour: 120 });
  });

  it('limits texts to 4096 characters and images to 40 megapixels unless MAX_TEXT_CHARS or MAX_IMAGE_MEGAPIXELS say otherwise', () => {
    const defaults = loadConfig({});
    expect([defaults.maxTextChars, defaults.uploads.maxImageMegapixels]).toEqual([4096, 40]);
    const set = loadConfig({ MAX_TEXT_CHARS: '20000', MAX_IMAGE_MEGAPIXELS: '60' });
    expect([set.maxTextChars, set.uploads.maxImageMegapixels]).toEqual([20000, 60]);
  });

  it.each([
    [{ OTP_TTL_MINUTES: 'five' }, 'OTP_TTL_MINUTES: expected a whole number from 1 to 30, got "five"'],
    [{ DAFTAR_DEMO: 'maybe' }, 'DAFTAR_DEMO: expected true or false, got "maybe"'],
    [{ MAX_TEXT_CHARS: '10' }, 'MAX_TEXT_CHARS: expected a whole number from 256 to 1000000, got "10"'],
    [{ MAX_TEXT_CHARS: '4k' }, 'MAX_TEXT_CHARS: expected a whole number from 256 to 1000000, got "4k"'],
    [{ MAX_IMAGE_MEGAPIXELS: '0' }, 'MAX_IMAGE_MEGAPIXELS: expected a whole number from 1 to 1000, got "0"'],
    [{ SIGN_DECISIONS: 'file.approve,file.sign' }, 'SIGN_DECISIONS: expected a comma-separated list of file.approve, file.return, leave.sanction, tour.approve, ta.approve, letter.dispatch'],
    [{ DAFTAR_SECRET: 'short' }, 'DAFTAR_SECRET: expected at least 32 characters'],
    [{ DAFTAR_ENV: 'production' }, 'DAFTAR_SECRET: expected a secret of at least 32 characters when DAFTAR_ENV=production'],
    [{ SMTP_URL: 'mail.nic.in' }, 'SMTP_URL: expected smtp://user:pass@host:port or smtps://…'],
    [{ SMS_GATEWAY_URL: 'https://sms.example/send' }, 'SMS_GATEWAY_URL: expected an http(s) URL containing {mobile} and {message}'],
    [{ DAFTAR_ENV: 'production', DAFTAR_SECRET: 'x'.repeat(40) }, 'SMTP_URL: expected an SMTP URL or SMS_GATEWAY_URL'],
    [{ OTP_LINK_PER_HOUR: '5', OTP_LINK_CEILING_PER_HOUR: '4' }, 'OTP_LINK_CEILING_PER_HOUR: expected at least OTP_LINK_PER_HOUR (5), got "4"'],
    [{ BOTFRAMEWORK_ALLOW_GROUPS: 'sometimes' }, 'BOTFRAMEWORK_ALLOW_GROUPS: expected true or false, got "sometimes"'],
    [{ WEBCHAT_SESSIONS_PER_HOUR: '0' }, 'WEBCHAT_SESSIONS_PER_HOUR: expected a whole number from 1 to 100000, got "0"'],
  ])('rejects %j with a line naming the variable', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it('keeps a secret out of the error message', () => {
    try {
      loadConfig({ DAFTAR_SECRET: 'hunter2' });
      expect.fail('should have thrown');
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });

  it('names LEAVE_RULES_FILE, HOLIDAYS_FILE or TOUR_RULES_FILE when its JSON is wrong', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'daftar-rules-'));
    const bad = path.join(dir, 'rules.json');
    writeFileSync(bad, JSON.stringify({ types: [{ code: 'CL' }] }));
    expect(() => leavePolicyFrom(loadConfig({ LEAVE_RULES_FILE: bad }))).toThrow(/^LEAVE_RULES_FILE: expected valid content: /);
    writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    expect(() => leavePolicyFrom(loadConfig({ HOLIDAYS_FILE: path.join(dir, 'broken.json') }))).toThrow(/^HOLIDAYS_FILE: expected a readable JSON file/);
    expect(() => tourRulesFrom(loadConfig({ TOUR_RULES_FILE: path.join(dir, 'missing.json') }))).toThrow(/^TOUR_RULES_FILE: expected a readable JSON file/);
    writeFileSync(path.join(dir, 'holidays.json'), JSON.stringify({ holidays: [{ date: '2026-11-26', name: 'छठ पूजा' }] }));
    expect(leavePolicyFrom(loadConfig({ HOLIDAYS_FILE: path.join(dir, 'holidays.json') })).calendar.holidays).toHaveLength(1);
  });

  it('stops the command line with one clear line and exit code 2', () => {
    const run = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'audit', 'verify'], {
      env: { ...process.env, OTP_MAX_ATTEMPTS: '0' }, encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('Configuration error: OTP_MAX_ATTEMPTS: expected a whole number from 1 to 10, got "0"');
  });
});
