// .env.example is the office's list of settings: every variable the configuration reads is in it,
// set to its real default, and nothing else is. The list comes from the configuration code
// (CONFIG_VARIABLES in bots/config.ts, which loadConfig reads the environment through, and what
// loadConfig is seen to read), never from a list kept here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig, type Config } from '../../bots/config.ts';

const EXAMPLE = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

/** NAME=value lines of the file (comments and blank lines left out), in order. */
function assignments(text: string): [string, string][] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')).map((line) => {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match === null) throw new Error(`.env.example: not a NAME=value line: ${line}`);
    return [match[1] ?? '', match[2] ?? ''];
  });
}

/** A configuration without its per-process random OTP key, for comparing two loads. */
const comparable = (config: Config) => ({ ...config, otp: { ...config.otp, key: '' } });

/** loadConfig, noting every variable it looks at. */
function reads(env: Record<string, string>): Set<string> {
  const seen = new Set<string>();
  const watched = new Proxy(env, {
    get: (target, name) => {
      if (typeof name === 'string') seen.add(name);
      return target[name as string];
    },
  });
  loadConfig(watched as Record<string, string | undefined>, '/srv/daftar');
  return seen;
}

// Environments that take every branch of the configuration: the embedded demo, and a production
// office with every channel, SMTP and an SMS gateway.
const DEMO: Record<string, string> = {};
const PRODUCTION: Record<string, string> = {
  DAFTAR_ENV: 'production', DAFTAR_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example.gov.in:25',
  SMS_GATEWAY_URL: 'https://sms.example.gov.in/send?to={mobile}&text={message}',
  TELEGRAM_BOT_TOKEN: '123456789:AAbbccddeeffgghhiijjkkllmmnnoopp', TELEGRAM_WEBHOOK_URL: 'https://daftar.example.gov.in/telegram',
  TELEGRAM_WEBHOOK_PORT: '8443', WHATSAPP_ENABLED: 'true', BOTFRAMEWORK_APP_ID: 'app-id', BOTFRAMEWORK_APP_PASSWORD: 'app-secret',
};

describe('.env.example', () => {
  const example = assignments(EXAMPLE);

  it('names each variable once, and exactly the variables the configuration reads', () => {
    const names = example.map(([name]) => name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect([...names].sort()).toEqual(Object.keys(CONFIG_VARIABLES).sort());
  });

  it('loadConfig reads every variable of the table in some environment, and no other variable', () => {
    const seen = new Set([...reads(DEMO), ...reads(PRODUCTION)]);
    // Each variable set on its own, too (some are looked at only when set, like the webhook port).
    for (const [name, value] of Object.entries(CONFIG_VARIABLES)) {
      if (!(name in PRODUCTION)) for (const read of reads({ ...PRODUCTION, [name]: value })) seen.add(read);
    }
    expect([...seen].sort()).toEqual(Object.keys(CONFIG_VARIABLES).sort());
  });

  it('gives each variable its default as the configuration table has it', () => {
    expect(Object.fromEntries(example)).toEqual(CONFIG_VARIABLES);
  });

  it('each default is real: set to it, a variable configures what leaving it unset does', () => {
    for (const base of [DEMO, PRODUCTION]) {
      const unset = comparable(loadConfig(base, '/srv/daftar'));
      for (const [name, value] of Object.entries(CONFIG_VARIABLES)) {
        if (name in base) continue;
        expect(comparable(loadConfig({ ...base, [name]: value }, '/srv/daftar')), `${name}=${value}`).toEqual(unset);
      }
    }
  });

  it('as it stands, the whole file configures exactly what no file does', () => {
    expect(comparable(loadConfig(Object.fromEntries(example), '/srv/daftar'))).toEqual(comparable(loadConfig({}, '/srv/daftar')));
  });

  it('says what is signed by default: tour and TA approvals and letters too, as the README says', () => {
    const line = example.find(([name]) => name === 'SIGN_DECISIONS')?.[1];
    expect(line?.split(',')).toEqual(['file.approve', 'file.return', 'leave.sanction', 'tour.approve', 'ta.approve', 'letter.dispatch']);
    expect(EXAMPLE).not.toMatch(/not yet/i);
  });
});
