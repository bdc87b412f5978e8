// The composition root: reads configuration, opens storage, loads the language model, picks the
// OTP transports, and wires the assistant and the outbox dispatcher. Nothing else builds adapters.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock, OtpSender, Store } from '../core/ports.ts';
import { istDate, systemClock } from '../core/time.ts';
import { openStore } from '../adapters/storage/open-store.ts';
import type { ExclusiveHold, SqlStore } from '../adapters/storage/sql-store.ts';
import { ConsoleOtpSender } from '../adapters/otp/console-sender.ts';
import { SmtpOtpSender } from '../adapters/otp/smtp-sender.ts';
import { SmsGatewayOtpSender } from '../adapters/otp/sms-gateway-sender.ts';
import { AnyOtpSender } from '../adapters/otp/any-sender.ts';
import { readRoll } from '../adapters/roll/read-roll.ts';
import { workerRenderer } from '../adapters/pdf/worker-renderer.ts';
import { FileBlobStore } from '../adapters/blobs/file-blob-store.ts';
import type { BlobStore, DocumentRenderer, DocumentSigner } from '../core/ports.ts';
import { loadOrCreateOfficeCa } from '../adapters/signing/office-ca.ts';
import { PdfSigner } from '../adapters/signing/pdf-signer.ts';
import { importRoll } from '../core/staff/import-roll.ts';
import type { Config } from './config.ts';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.ts';
import { DEFAULT_LEAVE_RULES, parseLeaveRules } from '../core/leave/rules.ts';
import { DEFAULT_CALENDAR, parseHolidays } from '../core/calendar/holidays.ts';
import type { LeavePolicy } from '../core/leave/common.ts';
import { DEFAULT_TOUR_RULES, parseTourRules, type TourRules } from '../core/tour/ta-rates.ts';
import type { Logger } from './context.ts';
import { createAssistant, type Assistant } from './assistant.ts';
import { Dispatcher, type ChannelSender } from './outbox/dispatcher.ts';
import { createChannelHost, type ChannelAdapter, type ChannelHost } from './channel.ts';
import { BotFrameworkAdapter } from '../adapters/botframework/botframework-adapter.ts';
import { findByCode, linkAccount } from '../core/staff/link-account.ts';
import { canonicalPost, loadLanguage, type LanguageModel } from './language/index.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_ROLL = path.join(REPO_ROOT, 'prisma', 'demo', 'saharsa-roll.csv');

export interface Daftar {
  config: Config;
  store: Store;
  clock: Clock;
  language: LanguageModel;
  assistant: Assistant;
  dispatcher: Dispatcher;
  otpSender: OtpSender;
  renderer: DocumentRenderer;
  blobs: BlobStore;
  signer: DocumentSigner;
  /** Set by the background scan reader once OCR works; the assistant reads it. */
  scanSearch: { available: boolean };
  /** The chat channels configured (Telegram, WhatsApp, Bot Framework / web chat). */
  channels: ChannelAdapter[];
  /** Starts every configured channel; one that fails is named in one line and the others run. */
  startChannels(): Promise<{ live: string[]; failed: string[] }>;
  close(): Promise<void>;
}

export interface OpenOptions {
  log: Logger;
  clock?: Clock;
  /** Replaces the configured OTP transports (tests read codes from a recording sender). */
  otpSender?: OtpSender;
  senders?: ChannelSender[];
  channelOptions?: ChannelOptions;
}

export interface ChannelOptions {
  /** Start no chat channel at all (command-line tools that only need the store and the assistant). */
  none?: boolean;
}

/**
 * Builds the adapters the configuration switches on. Telegram and WhatsApp (whatsapp-web.js and
 * puppeteer) are loaded only when configured, so a server without them starts faster and smaller.
 */
async function channelAdapters(
  config: Config, host: ChannelHost, store: Store, clock: Clock, options: ChannelOptions, holds: Holds, log: Logger,
): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [];
  if (options.none) return adapters;
  if (config.web !== null) {
    const { web } = config;
    // The demo picker links a browser tab without an OTP: only in development with the demo office.
    const demo = config.env === 'development' && config.demo;
    adapters.push(new BotFrameworkAdapter(host, {
      host: web.host, port: web.port, webChat: web.webChat, maxUploadBytes: config.uploads.maxBytes + 5 * 1024 * 1024,
      allowGroups: web.allowGroups, webChatSessionsPerHour: web.webChatSessionsPerHour,
      ...(config.ephemeralSecret ? {} : { webChatSecret: config.otp.key }),
      ...(web.botframework ?? {}),
      ...(demo ? { demoStaff: () => demoStaff(store), demoAutoLink: (chatId: string, code: string) => demoLink(store, clock, chatId, code) } : {}),
    }));
  }
  if (config.telegram !== null && config.telegram.webhook === undefined) {
    // Telegram serves one long-polling client per bot: a second process polling would take updates
    // from the first at random. Several processes on one database need webhook mode.
    const hold = await holds.take('telegram-polling');
    if (hold === null) {
      log.error('Telegram is not started here: another Daftar process on this database is already polling the bot. Several processes need webhook mode (TELEGRAM_WEBHOOK_URL).');
    }
  }
  if (config.telegram !== null && (config.telegram.webhook !== undefined || holds.has('telegram-polling'))) {
    const { TelegramAdapter } = await import('../adapters/telegram/telegram-adapter.ts');
    adapters.push(new TelegramAdapter({
      token: config.telegram.token, host, maxDownloadBytes: config.uploads.maxBytes, allowGroups: config.telegram.allowGroups,
      ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
      ...(config.telegram.webhook ? { webhook: config.telegram.webhook } : {}),
    }));
  }
  if (config.whatsapp !== null) {
    const { chromiumPath, allowGroups } = config.whatsapp;
    const { WhatsAppAdapter } = await import('../adapters/whatsapp/whatsapp-adapter.ts');
    const { createWhatsAppClient } = await import('../adapters/whatsapp/wwebjs-client.ts');
    adapters.push(new WhatsAppAdapter({
      host, allowGroups, createClient: () => createWhatsAppClient({ dataDir: config.dataDir, executablePath: chromiumPath }),
    }));
  }
  return adapters;
}

export function otpSenderFor(config: Config, log: Logger): OtpSender {
  const senders: OtpSender[] = [];
  if (config.sms !== null) senders.push(new SmsGatewayOtpSender(config.sms.urlTemplate, config.sms.method));
  if (config.smtp !== null) senders.push(new SmtpOtpSender(config.smtp.url, config.smtp.from));
  if (config.consoleOtp) {
    log.warn('OTPs are printed on this console (development sender). Configure SMTP_URL or SMS_GATEWAY_URL for real use.');
    senders.push(new ConsoleOtpSender());
  }
  return new AnyOtpSender(senders);
}

/** How often every process looks for albums left open by a process that died. */
const ALBUM_SWEEP_MS = 10_000;

export async function openDaftar(config: Config, options: OpenOptions): Promise<Daftar> {
  const { log } = options;
  const clock = options.clock ?? systemClock;
  const store = await openStore(config.database);
  const holds = new Holds(store);
  try {
    if (config.demo) await holds.while('demo-seed', () => seedDemoOffice(store, clock, log));
    const language = await loadLanguage({ cacheDir: config.dataDir });
    const otpSender = options.otpSender ?? otpSenderFor(config, log);
    if (config.ephemeralSecret) log.warn('DAFTAR_SECRET is not set: a per-process key is used, so OTPs pending at a restart stop working.');
    // PDFs are laid out on a worker thread, so a report or a scanned page does not hold up the chat.
    const pdf = workerRenderer({ clock });
    const renderer = pdf.renderer;
    const blobs = new FileBlobStore(config.blobDir);
    const signer = await officeSigner(config, clock, log);
    let kick = () => {};
    const scanSearch = { available: false };
    const assistant = createAssistant({
      store, clock, language, otpSender, otpPolicy: config.otp, log,
      onNotificationsQueued: () => kick(),
      renderer, blobs, formats: config.formats, uploads: config.uploads, maxTextChars: config.maxTextChars, decisionConfidence: config.decisionConfidence,
      signer, signPolicy: config.sign, leavePolicy: leavePolicyFrom(config),
      reportRecipients: config.reminders.reportRecipients, tourRules: tourRulesFrom(config),
      circulars: config.circulars, scanSearch,
    });
    const host = createChannelHost(store, clock, assistant, log);
    const channels = await channelAdapters(config, host, store, clock, options.channelOptions ?? {}, holds, log);
    const dispatcher = new Dispatcher(store, clock, [...(options.senders ?? []), ...channels], log, blobs);
    kick = () => dispatcher.kick();
    const started: ChannelAdapter[] = [];
    let albumSweep: NodeJS.Timeout | null = null;
    return {
      config, store, clock, language, assistant, dispatcher, otpSender, renderer, blobs, signer, channels, scanSearch,
      startChannels: async () => {
        // Before any message comes in: what a crashed run left. On the embedded database this is the
        // only process, so a message its predecessor held is taken up again when redelivered, and a
        // notification it had claimed goes out at once.
        await assistant.recover({ releaseHolds: 'file' in config.database });
        const live: string[] = [];
        const failed: string[] = [];
        for (const channel of channels) {
          try {
            await channel.start();
            started.push(channel);
            live.push(channel.channel);
          } catch (error) {
            failed.push(channel.channel);
            log.error(`${channel.channel} did not start`, error);
          }
        }
        // Albums are closed by the process that took their last page; this sweep closes those whose
        // process died (with several processes on PostgreSQL, any of them may). It starts only now,
        // with the channels live, and its first pass comes after the album window, so that pages the
        // channel redelivers after a crash join their album instead of starting a receipt of their own.
        albumSweep = setInterval(() => void assistant.closeAlbums().catch(() => undefined), ALBUM_SWEEP_MS);
        albumSweep.unref();
        setTimeout(() => void assistant.closeAlbums().catch(() => undefined), config.uploads.albumWindowMs + 100).unref();
        return { live, failed };
      },
      close: async () => {
        if (albumSweep !== null) clearInterval(albumSweep);
        await assistant.stop();
        await dispatcher.stop();
        for (const channel of started) await channel.stop().catch((error: unknown) => log.warn(`${channel.channel} stop: ${String(error)}`));
        await pdf.close();
        await holds.releaseAll();
        await store.close();
      },
    };
  } catch (error) {
    await holds.releaseAll();
    await store.close();
    throw error;
  }
}

/** This process's exclusive holds on the database (SqlStore.exclusive), released when it closes. */
class Holds {
  private readonly held = new Map<string, ExclusiveHold>();

  constructor(private readonly store: SqlStore) {}

  has(name: string): boolean {
    return this.held.has(name);
  }

  async take(name: string): Promise<ExclusiveHold | null> {
    const hold = await this.store.exclusive(name);
    if (hold !== null) this.held.set(name, hold);
    return hold;
  }

  /** Runs `work` holding the name, waiting (up to a minute) while another process holds it. */
  async while<T>(name: string, work: () => Promise<T>): Promise<T> {
    const until = Date.now() + 60_000;
    let hold = await this.store.exclusive(name);
    while (hold === null) {
      if (Date.now() > until) throw new Error(`another Daftar process has held "${name}" for over a minute`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      hold = await this.store.exclusive(name);
    }
    try {
      return await work();
    } finally {
      await hold.release();
    }
  }

  async releaseAll(): Promise<void> {
    for (const hold of this.held.values()) await hold.release().catch(() => undefined);
    this.held.clear();
  }
}

/** The demo office goes in once, into an empty database, through the same import as a real roll. */
export async function seedDemoOffice(store: Store, clock: Clock, log: Logger): Promise<boolean> {
  const count = await store.transaction((tx) => tx.employees.count());
  if (count > 0) return false;
  const table = await readRoll(DEMO_ROLL);
  if (!table.ok) throw new Error(`demo roll ${DEMO_ROLL} could not be read: ${table.failure.code}`);
  const report = await importRoll(store, clock, { rows: table.value.rows, actor: null, canonicalPost });
  // This year's entitlements as opening balances, so the demo staff can apply for leave at once.
  const year = Number(istDate(clock.now()).slice(0, 4));
  await store.transaction(async (tx) => {
    for (const employee of await tx.employees.list()) {
      for (const rule of DEFAULT_LEAVE_RULES.types.filter((t) => t.ledger && t.entitlement > 0)) {
        await tx.leaveLedger.add({ employeeId: employee.id, year, type: rule.code, days: rule.entitlement, kind: 'opening', refId: null, note: 'demo office', at: clock.now() });
      }
    }
  });
  log.info(`Demo office seeded: ${report.summary.created} staff of the Saharsa collectorate, with ${year} leave balances.`);
  return true;
}

/** The office CA lives in DAFTAR_CA_DIR (the data directory's ca/), created on first start (see adapters/signing). */
export async function officeSigner(config: Config, clock: Clock, log: Logger): Promise<PdfSigner> {
  const { authority, created } = await loadOrCreateOfficeCa(config.caDir, clock.now());
  if (created) log.info(`Office CA created in ${config.caDir} (add office-ca.crt.pem to readers' trust stores).`);
  return new PdfSigner({ authority, clock });
}

async function demoStaff(store: Store): Promise<{ code: string; name: string; post: string; section: string }[]> {
  return store.transaction(async (tx) => {
    const sections = new Map((await tx.sections.list()).map((x) => [x.id, x.name]));
    return (await tx.employees.list({ activeOnly: true })).map((e) => ({ code: e.code, name: e.name, post: e.post, section: sections.get(e.sectionId) ?? '' }));
  });
}

async function demoLink(store: Store, clock: Clock, chatId: string, code: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const employee = await findByCode(tx, code);
    if (employee === null || !employee.active) return false;
    const account = (await tx.accounts.find('botframework', chatId)) ?? (await tx.accounts.create({ channel: 'botframework', address: chatId, displayName: employee.name }));
    if (account.employeeId !== null && account.employeeId !== employee.id) await tx.accounts.update(account.id, { employeeId: null, linkedAt: null });
    if (account.employeeId !== employee.id) await linkAccount(tx, clock, { account: { ...account, employeeId: null }, employee, via: 'demo' });
    return true;
  });
}

function loadJson<T>(file: string | null, variable: string, fallback: T, parse: (json: unknown) => { ok: true; value: T } | { ok: false; problems: string[] }): T {
  if (file === null) return fallback;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(variable, `a readable JSON file (${error instanceof Error ? error.message : String(error)})`, file);
  }
  const parsed = parse(json);
  if (!parsed.ok) throw new ConfigError(variable, `valid content: ${parsed.problems.slice(0, 3).join('; ')}`, file);
  return parsed.value;
}

/** Tour sanction, DA rates by pay level and city class: documented defaults, or TOUR_RULES_FILE. */
export function tourRulesFrom(config: Config): TourRules {
  return loadJson(config.tourRulesFile, 'TOUR_RULES_FILE', DEFAULT_TOUR_RULES, parseTourRules);
}

/** The leave rules and holiday calendar: documented defaults, or the office's JSON files, checked. */
export function leavePolicyFrom(config: Config): LeavePolicy {
  const load = loadJson;
  return {
    rules: load(config.leaveRulesFile, 'LEAVE_RULES_FILE', DEFAULT_LEAVE_RULES, parseLeaveRules),
    calendar: load(config.holidaysFile, 'HOLIDAYS_FILE', DEFAULT_CALENDAR, parseHolidays),
  };
}
