// Configuration comes only from the environment (see .env.example). Anything invalid stops
// start-up with one line naming the variable and what it expects.
import { SAHARSA, type Bilingual } from '../core/office/profile.ts';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../core/errors.ts';
import { DEFAULT_OTP_POLICY, type OtpPolicy } from '../core/otp/otp-policy.ts';
import { DEFAULT_NUMBER_FORMATS, type NumberFormats } from '../core/efile/numbering.ts';
import { DEFAULT_INTAKE_LIMITS } from '../core/intake/limits.ts';
import { DEFAULT_SIGN_POLICY, SIGNABLE, type Signable, type SignPolicy } from '../core/signing/sign-policy.ts';

/** The default of WEBCHAT_SESSIONS_PER_HOUR: an office's worth of tabs from one address, far below a flood. */
const DEFAULT_SESSIONS_PER_HOUR = 30;
/** SMTP_FROM when it is not set. */
const DEFAULT_SMTP_FROM = 'Daftar <daftar@localhost>';

/**
 * Every environment variable the configuration reads, with its default as `.env.example` writes it:
 * the value that, set, behaves exactly as leaving it unset. '' where unset means "none" (no Telegram
 * token, no SMTP) or where the default follows from another setting (DAFTAR_DEMO, OTP_CONSOLE,
 * OTP_LINK_CEILING_PER_HOUR). loadConfig reads the environment only through these names (`read`), so
 * this is the whole list; test/bots/env-example.test.ts holds `.env.example` to it.
 */
export const CONFIG_VARIABLES = {
  DAFTAR_ENV: 'development',
  DAFTAR_DATA_DIR: 'data',
  DAFTAR_DB_FILE: 'daftar.db',
  DATABASE_URL: '',
  DAFTAR_BLOB_DIR: 'blobs',
  DAFTAR_CA_DIR: 'ca',
  DAFTAR_DEMO: '',
  DAFTAR_SECRET: '',
  OTP_TTL_MINUTES: String(DEFAULT_OTP_POLICY.ttlMinutes),
  OTP_MAX_ATTEMPTS: String(DEFAULT_OTP_POLICY.maxAttempts),
  OTP_LINK_PER_HOUR: String(DEFAULT_OTP_POLICY.perHour.link),
  OTP_LINK_CEILING_PER_HOUR: '',
  OTP_SIGN_PER_HOUR: String(DEFAULT_OTP_POLICY.perHour.sign),
  OTP_CONSOLE: '',
  SMTP_URL: '',
  SMTP_FROM: DEFAULT_SMTP_FROM,
  SMS_GATEWAY_URL: '',
  SMS_GATEWAY_METHOD: 'GET',
  LOG_LEVEL: 'info',
  OFFICE_CODE: DEFAULT_NUMBER_FORMATS.office,
  OFFICE_NAME_EN: SAHARSA.name.en,
  OFFICE_NAME_HI: SAHARSA.name.hi,
  OFFICE_PLACE_EN: SAHARSA.place.en,
  OFFICE_PLACE_HI: SAHARSA.place.hi,
  DIARY_NUMBER_FORMAT: DEFAULT_NUMBER_FORMATS.diary,
  FILE_NUMBER_FORMAT: DEFAULT_NUMBER_FORMATS.file,
  UPLOAD_MAX_MB: '15',
  UPLOAD_ALBUM_WINDOW_MS: '5000',
  MAX_IMAGE_MEGAPIXELS: String(DEFAULT_INTAKE_LIMITS.maxImageMegapixels),
  MAX_TEXT_CHARS: String(DEFAULT_INTAKE_LIMITS.maxTextChars),
  DECISION_MIN_CONFIDENCE_PERCENT: '60',
  SIGN_POSTS: DEFAULT_SIGN_POLICY.posts.join(','),
  SIGN_DECISIONS: DEFAULT_SIGN_POLICY.decisions.join(','),
  TELEGRAM_BOT_TOKEN: '',
  TELEGRAM_API_ROOT: '',
  TELEGRAM_WEBHOOK_URL: '',
  TELEGRAM_WEBHOOK_SECRET: '',
  TELEGRAM_WEBHOOK_PORT: '',
  TELEGRAM_WEBHOOK_HOST: '',
  TELEGRAM_ALLOW_GROUPS: 'false',
  WHATSAPP_ENABLED: 'false',
  WHATSAPP_CHROMIUM_PATH: '/usr/bin/chromium',
  WHATSAPP_ALLOW_GROUPS: 'false',
  WEB_ENABLED: 'true',
  WEB_HOST: '127.0.0.1',
  WEB_PORT: '3978',
  WEB_CHAT: 'true',
  BOTFRAMEWORK_APP_ID: '',
  BOTFRAMEWORK_APP_PASSWORD: '',
  BOTFRAMEWORK_APP_TYPE: 'MultiTenant',
  BOTFRAMEWORK_TENANT_ID: '',
  BOTFRAMEWORK_ALLOW_GROUPS: 'false',
  WEBCHAT_SESSIONS_PER_HOUR: String(DEFAULT_SESSIONS_PER_HOUR),
  LEAVE_RULES_FILE: '',
  HOLIDAYS_FILE: '',
  TOUR_RULES_FILE: '',
  DEADLINE_RULES_FILE: '',
  REMINDER_TIME: '10:00',
  REMINDER_SLA_FILES_DAYS: '7',
  REMINDER_SLA_ABSENCE_DAYS: '2',
  REPORT_RECIPIENTS: '',
  CIRCULAR_POSTS: 'COLLECTOR,DDC,ADM,SDC,EST_DC,DIO',
  CIRCULAR_ACK_HOURS: '24',
  OCR_ENABLED: 'true',
  OCR_COMMAND: 'tesseract',
  OCR_LANGUAGES: 'hin+eng',
} as const satisfies Record<string, string>;

/** A variable the configuration reads. */
export type ConfigVariable = keyof typeof CONFIG_VARIABLES;


export interface Config {
  env: 'development' | 'production';
  dataDir: string;
  /** The SQLite file of the embedded default (also the name `db copy` and messages use). */
  dbFile: string;
  /** Where the office's data lives: the SQLite file, or PostgreSQL when DATABASE_URL is set. */
  database: { file: string } | { url: string };
  /** Scans and generated PDFs, content-addressed: a folder every Daftar process on the database can read. */
  blobDir: string;
  /** The office CA's certificate and key: one folder for every process that signs for the office. */
  caDir: string;
  /** Seed the demo Saharsa office into an empty database on start. */
  demo: boolean;
  otp: OtpPolicy;
  /** True when DAFTAR_SECRET was not set and a per-process key is used (pending OTPs die on restart). */
  ephemeralSecret: boolean;
  smtp: { url: string; from: string } | null;
  sms: { urlTemplate: string; method: 'GET' | 'POST' } | null;
  /** Print OTPs on the server console: development only. */
  consoleOtp: boolean;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  formats: NumberFormats;
  /** The office's name and place as its letterhead prints them (OFFICE_NAME_EN/HI, OFFICE_PLACE_EN/HI). */
  office: { name: Bilingual; place: Bilingual };
  uploads: { maxBytes: number; albumWindowMs: number; maxImageMegapixels: number };
  /** A longer text is refused before it is parsed (Telegram's own limit by default). */
  maxTextChars: number;
  decisionConfidence: number;
  sign: SignPolicy;
  /** JSON files that replace the default leave rules and holiday list (validated at start). */
  leaveRulesFile: string | null;
  holidaysFile: string | null;
  tourRulesFile: string | null;
  /** JSON that replaces the default statutory deadline kinds (RTI, lok shikayat, court cases…; validated at start). */
  deadlineRulesFile: string | null;
  /** The morning pendency digest (bots/jobs): when, the service levels, who gets the Collector's report. */
  reminders: { time: string; slaFilesDays: number; slaAbsenceDays: number; reportRecipients: string[] };
  /** Circulars and notices: who may send them, and the default time allowed to acknowledge. */
  circulars: { senderPosts: string[]; ackHours: number };
  /** OCR of scans for text search (Debian tesseract-ocr with hin+eng); off when OCR_ENABLED=false. */
  ocr: { enabled: boolean; command: string; languages: string };
  telegram: { token: string; apiRoot?: string; webhook?: { url: string; secretToken?: string; port?: number; host?: string }; allowGroups: boolean } | null;
  whatsapp: { chromiumPath: string; allowGroups: boolean } | null;
  web: {
    host: string;
    port: number;
    /** Serve the local web chat page (the embedded default). */
    webChat: boolean;
    /** New web chat sessions one client address may open per hour (WEBCHAT_SESSIONS_PER_HOUR). */
    webChatSessionsPerHour: number;
    /** Answer in Teams group chats and channels, each member as their own chat (default false). */
    allowGroups: boolean;
    botframework: { appId: string; appPassword: string; tenantId?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI' } | null;
  } | null;
}

type Env = Record<string, string | undefined>;

/** The variable's value: the only way loadConfig looks at the environment. */
const read = (env: Env, name: ConfigVariable): string | undefined => env[name];

function listVar<T extends string>(env: Env, name: ConfigVariable, fallback: T[], allowed?: readonly T[]): T[] {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const items = raw.split(',').map((x) => x.trim()).filter((x) => x !== '');
  const bad = allowed === undefined ? [] : items.filter((x) => !(allowed as readonly string[]).includes(x));
  if (bad.length > 0) throw new ConfigError(name, `a comma-separated list of ${(allowed ?? []).join(', ')}`, raw);
  return items as T[];
}

function formatVar(env: Env, name: ConfigVariable, fallback: string, required: string[]): string {
  const raw = read(env, name);
  if (raw === undefined || raw === '') return fallback;
  const missing = required.filter((p) => !new RegExp(`\\{${p}(?::\\d+)?\\}`).test(raw));
  if (missing.length > 0) throw new ConfigError(name, `a pattern containing ${required.map((p) => `{${p}}`).join(' and ')}`, raw);
  return raw;
}

function intVar(env: Env, name: ConfigVariable, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw);
  return value;
}

function boolVar(env: Env, name: ConfigVariable, fallback: boolean): boolean {
  const raw = read(env, name)?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, 'true or false', read(env, name));
}

/** A file named relative to the working folder, or null when unset. */
function fileVar(env: Env, name: ConfigVariable, cwd: string): string | null {
  const raw = read(env, name);
  return raw ? path.resolve(cwd, raw) : null;
}

function oneOf<T extends string>(env: Env, name: ConfigVariable, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `one of ${allowed.join(', ')}`, raw);
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const mode = oneOf(env, 'DAFTAR_ENV', ['development', 'production'] as const, 'development');
  const dataDir = path.resolve(cwd, read(env, 'DAFTAR_DATA_DIR') || 'data');
  const dbFile = path.resolve(dataDir, read(env, 'DAFTAR_DB_FILE') || 'daftar.db');
  const databaseUrl = read(env, 'DATABASE_URL')?.trim() || '';
  if (databaseUrl !== '' && !/^postgres(ql)?:\/\/\S+$/i.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'a PostgreSQL URL such as postgres://daftar@db.example:5432/daftar (leave it unset for the embedded SQLite file)', '(invalid)');
  }
  const blobDir = path.resolve(dataDir, read(env, 'DAFTAR_BLOB_DIR') || 'blobs');
  const caDir = path.resolve(dataDir, read(env, 'DAFTAR_CA_DIR') || 'ca');

  const secret = read(env, 'DAFTAR_SECRET');
  if (secret !== undefined && secret !== '' && secret.length < 32) {
    throw new ConfigError('DAFTAR_SECRET', 'at least 32 characters (e.g. `openssl rand -hex 32`)', '(too short)');
  }
  if (mode === 'production' && (secret === undefined || secret === '')) {
    throw new ConfigError('DAFTAR_SECRET', 'a secret of at least 32 characters when DAFTAR_ENV=production');
  }

  let smtp: Config['smtp'] = null;
  const smtpUrl = read(env, 'SMTP_URL');
  if (smtpUrl) {
    if (!/^smtps?:\/\/[^\s]+$/i.test(smtpUrl)) throw new ConfigError('SMTP_URL', 'smtp://user:pass@host:port or smtps://…', '(invalid)');
    const from = read(env, 'SMTP_FROM') || DEFAULT_SMTP_FROM;
    if (!/@/.test(from)) throw new ConfigError('SMTP_FROM', 'a sender address such as "Daftar <daftar@saharsa.nic.in>"', from);
    smtp = { url: smtpUrl, from };
  }

  let sms: Config['sms'] = null;
  const template = read(env, 'SMS_GATEWAY_URL');
  if (template) {
    if (!/^https?:\/\//i.test(template) || !template.includes('{mobile}') || (!template.includes('{message}') && !read(env, 'SMS_GATEWAY_METHOD'))) {
      throw new ConfigError('SMS_GATEWAY_URL', 'an http(s) URL containing {mobile} and {message} placeholders', '(invalid)');
    }
    sms = { urlTemplate: template, method: oneOf(env, 'SMS_GATEWAY_METHOD', ['GET', 'POST'] as const, 'GET') };
  }

  const consoleOtp = boolVar(env, 'OTP_CONSOLE', mode === 'development' && smtp === null && sms === null);
  if (consoleOtp && mode === 'production') throw new ConfigError('OTP_CONSOLE', 'false when DAFTAR_ENV=production (OTPs must go out of band)', 'true');
  if (!consoleOtp && smtp === null && sms === null) {
    throw new ConfigError('SMTP_URL', 'an SMTP URL or SMS_GATEWAY_URL, so that OTPs can be sent (or OTP_CONSOLE=true in development)');
  }

  const otp = otpPolicy(env, secret);

  return {
    env: mode,
    dataDir,
    dbFile,
    database: databaseUrl === '' ? { file: dbFile } : { url: databaseUrl },
    blobDir,
    caDir,
    demo: boolVar(env, 'DAFTAR_DEMO', mode === 'development'),
    otp,
    ephemeralSecret: !secret,
    smtp,
    sms,
    consoleOtp,
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'info', 'debug'] as const, 'info'),
    office: {
      name: { en: read(env, 'OFFICE_NAME_EN') || SAHARSA.name.en, hi: read(env, 'OFFICE_NAME_HI') || SAHARSA.name.hi },
      place: { en: read(env, 'OFFICE_PLACE_EN') || SAHARSA.place.en, hi: read(env, 'OFFICE_PLACE_HI') || SAHARSA.place.hi },
    },
    formats: {
      office: officeCode(env),
      diary: formatVar(env, 'DIARY_NUMBER_FORMAT', DEFAULT_NUMBER_FORMATS.diary, ['year', 'serial']),
      file: formatVar(env, 'FILE_NUMBER_FORMAT', DEFAULT_NUMBER_FORMATS.file, ['section', 'serial', 'year']),
    },
    uploads: {
      maxBytes: intVar(env, 'UPLOAD_MAX_MB', 15, 1, 100) * 1024 * 1024,
      albumWindowMs: intVar(env, 'UPLOAD_ALBUM_WINDOW_MS', 5000, 0, 60_000),
      maxImageMegapixels: intVar(env, 'MAX_IMAGE_MEGAPIXELS', DEFAULT_INTAKE_LIMITS.maxImageMegapixels, 1, 1000),
    },
    maxTextChars: intVar(env, 'MAX_TEXT_CHARS', DEFAULT_INTAKE_LIMITS.maxTextChars, 256, 1_000_000),
    decisionConfidence: intVar(env, 'DECISION_MIN_CONFIDENCE_PERCENT', 60, 0, 100) / 100,
    leaveRulesFile: fileVar(env, 'LEAVE_RULES_FILE', cwd),
    holidaysFile: fileVar(env, 'HOLIDAYS_FILE', cwd),
    tourRulesFile: fileVar(env, 'TOUR_RULES_FILE', cwd),
    deadlineRulesFile: fileVar(env, 'DEADLINE_RULES_FILE', cwd),
    reminders: remindersConfig(env),
    circulars: {
      senderPosts: listVar(env, 'CIRCULAR_POSTS', ['COLLECTOR', 'DDC', 'ADM', 'SDC', 'EST_DC', 'DIO']).map((p) => p.toUpperCase()),
      ackHours: intVar(env, 'CIRCULAR_ACK_HOURS', 24, 1, 24 * 30),
    },
    ocr: {
      enabled: boolVar(env, 'OCR_ENABLED', true),
      command: read(env, 'OCR_COMMAND') || 'tesseract',
      languages: ocrLanguages(env),
    },
    telegram: telegramConfig(env),
    whatsapp: boolVar(env, 'WHATSAPP_ENABLED', false)
      ? { chromiumPath: read(env, 'WHATSAPP_CHROMIUM_PATH') || '/usr/bin/chromium', allowGroups: boolVar(env, 'WHATSAPP_ALLOW_GROUPS', false) }
      : null,
    web: webConfig(env),
    sign: {
      posts: listVar(env, 'SIGN_POSTS', DEFAULT_SIGN_POLICY.posts).map((p) => p.toUpperCase()),
      decisions: listVar<Signable>(env, 'SIGN_DECISIONS', DEFAULT_SIGN_POLICY.decisions, SIGNABLE),
    },
  };
}

function otpPolicy(env: Env, secret: string | undefined): OtpPolicy {
  const link = intVar(env, 'OTP_LINK_PER_HOUR', DEFAULT_OTP_POLICY.perHour.link, 1, 20);
  const ceiling = intVar(env, 'OTP_LINK_CEILING_PER_HOUR', Math.max(DEFAULT_OTP_POLICY.linkCeilingPerHour, link), 1, 100);
  // Below the per-chat limit, one stranger's chat could use up the owner's codes again.
  if (ceiling < link) throw new ConfigError('OTP_LINK_CEILING_PER_HOUR', `at least OTP_LINK_PER_HOUR (${link})`, String(ceiling));
  return {
    ttlMinutes: intVar(env, 'OTP_TTL_MINUTES', DEFAULT_OTP_POLICY.ttlMinutes, 1, 30),
    maxAttempts: intVar(env, 'OTP_MAX_ATTEMPTS', DEFAULT_OTP_POLICY.maxAttempts, 1, 10),
    perHour: { link, sign: intVar(env, 'OTP_SIGN_PER_HOUR', DEFAULT_OTP_POLICY.perHour.sign, 1, 100), practice: DEFAULT_OTP_POLICY.perHour.practice },
    linkCeilingPerHour: ceiling,
    key: secret || randomBytes(32).toString('hex'),
  };
}

function remindersConfig(env: Env): Config['reminders'] {
  const time = read(env, 'REMINDER_TIME') || '10:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new ConfigError('REMINDER_TIME', 'a time of day HH:MM (24-hour, IST), e.g. 10:00', time);
  const codes = listVar<string>(env, 'REPORT_RECIPIENTS', []).map((c) => c.toUpperCase());
  const bad = codes.find((c) => !/^[A-Z0-9/-]{2,20}$/.test(c));
  if (bad !== undefined) throw new ConfigError('REPORT_RECIPIENTS', 'comma-separated employee codes, e.g. SAH0001,SAH0002', bad);
  return {
    time,
    slaFilesDays: intVar(env, 'REMINDER_SLA_FILES_DAYS', 7, 1, 365),
    slaAbsenceDays: intVar(env, 'REMINDER_SLA_ABSENCE_DAYS', 2, 1, 365),
    reportRecipients: codes,
  };
}

function ocrLanguages(env: Env): string {
  const raw = read(env, 'OCR_LANGUAGES') || 'hin+eng';
  if (!/^[a-z_]{3,8}(\+[a-z_]{3,8})*$/.test(raw)) throw new ConfigError('OCR_LANGUAGES', 'tesseract language codes joined by +, e.g. hin+eng', raw);
  return raw;
}

function officeCode(env: Env): string {
  const raw = read(env, 'OFFICE_CODE');
  if (raw === undefined || raw === '') return DEFAULT_NUMBER_FORMATS.office;
  if (!/^[A-Z0-9]{2,8}$/.test(raw)) throw new ConfigError('OFFICE_CODE', '2 to 8 capital letters or digits, e.g. SAH', raw);
  return raw;
}

function telegramConfig(env: Env): Config['telegram'] {
  const token = read(env, 'TELEGRAM_BOT_TOKEN');
  if (token === undefined || token === '') return null;
  if (!/^\d+:[A-Za-z0-9_-]{20,}$/.test(token)) throw new ConfigError('TELEGRAM_BOT_TOKEN', 'a BotFather token like 123456789:AA…', '(malformed)');
  const apiRoot = read(env, 'TELEGRAM_API_ROOT') || undefined;
  if (apiRoot !== undefined && !/^https?:\/\//.test(apiRoot)) throw new ConfigError('TELEGRAM_API_ROOT', 'an http(s) URL', apiRoot);
  const url = read(env, 'TELEGRAM_WEBHOOK_URL') || undefined;
  if (url !== undefined && !/^https:\/\//.test(url)) throw new ConfigError('TELEGRAM_WEBHOOK_URL', 'a public https URL', url);
  const secret = read(env, 'TELEGRAM_WEBHOOK_SECRET') || undefined;
  if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw new ConfigError('TELEGRAM_WEBHOOK_SECRET', '1 to 256 of A-Z a-z 0-9 _ -', '(invalid)');
  const hookHost = read(env, 'TELEGRAM_WEBHOOK_HOST');
  const port = read(env, 'TELEGRAM_WEBHOOK_PORT') ? intVar(env, 'TELEGRAM_WEBHOOK_PORT', 8443, 1, 65535) : undefined;
  return {
    token,
    ...(apiRoot ? { apiRoot } : {}),
    ...(url ? { webhook: { url, ...(secret ? { secretToken: secret } : {}), ...(port ? { port } : {}), ...(hookHost ? { host: hookHost } : {}) } } : {}),
    allowGroups: boolVar(env, 'TELEGRAM_ALLOW_GROUPS', false),
  };
}

function webConfig(env: Env): Config['web'] {
  if (!boolVar(env, 'WEB_ENABLED', true)) return null;
  const host = read(env, 'WEB_HOST') || '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('WEB_HOST', 'an address to listen on, e.g. 127.0.0.1 or 0.0.0.0', host);
  const appId = read(env, 'BOTFRAMEWORK_APP_ID') || '';
  const appType = oneOf(env, 'BOTFRAMEWORK_APP_TYPE', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant');
  let botframework: NonNullable<Config['web']>['botframework'] = null;
  if (appId !== '') {
    const appPassword = read(env, 'BOTFRAMEWORK_APP_PASSWORD') || '';
    if (appPassword === '' && appType !== 'UserAssignedMSI') throw new ConfigError('BOTFRAMEWORK_APP_PASSWORD', 'the Azure bot registration\'s client secret when BOTFRAMEWORK_APP_ID is set');
    const tenantId = read(env, 'BOTFRAMEWORK_TENANT_ID') || undefined;
    if (appType !== 'MultiTenant' && tenantId === undefined) throw new ConfigError('BOTFRAMEWORK_TENANT_ID', `the Azure tenant id when BOTFRAMEWORK_APP_TYPE=${appType}`);
    botframework = { appId, appPassword, appType, ...(tenantId ? { tenantId } : {}) };
  }
  return {
    host, port: intVar(env, 'WEB_PORT', 3978, 1, 65535), webChat: boolVar(env, 'WEB_CHAT', true), botframework,
    webChatSessionsPerHour: intVar(env, 'WEBCHAT_SESSIONS_PER_HOUR', DEFAULT_SESSIONS_PER_HOUR, 1, 100_000),
    allowGroups: boolVar(env, 'BOTFRAMEWORK_ALLOW_GROUPS', false),
  };
}
