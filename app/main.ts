// The composition root: reads configuration, opens storage, loads the language model, picks the
// OTP transports, and wires the assistant and the outbox dispatcher. Nothing else builds adapters.
import { officeProfile } from '../core/office/profile.ts';
import type { Clock, OtpSender, Store } from '../core/ports.ts';
import { systemClock } from '../core/time.ts';
import { openStore } from '../adapters/storage/open-store.ts';
import { ConsoleOtpSender } from '../adapters/otp/console-sender.ts';
import { SmtpOtpSender } from '../adapters/otp/smtp-sender.ts';
import { SmsGatewayOtpSender } from '../adapters/otp/sms-gateway-sender.ts';
import { AnyOtpSender } from '../adapters/otp/any-sender.ts';
import { workerRenderer } from '../adapters/pdf/worker-renderer.ts';
import { FileBlobStore } from '../adapters/blobs/file-blob-store.ts';
import type { BlobStore, DocumentRenderer, DocumentSigner } from '../core/ports.ts';
import { loadOrCreateOfficeCa } from '../adapters/signing/office-ca.ts';
import { PdfSigner } from '../adapters/signing/pdf-signer.ts';
import { WorkerSigner } from '../adapters/signing/worker-signer.ts';
import type { Config } from '../bots/config.ts';
import type { Logger } from '../bots/context.ts';
import { Holds } from './holds.ts';
import { demoLink, demoStaff, seedDemoOffice } from './demo.ts';
import { deadlineRulesFrom, leavePolicyFrom, tourRulesFrom } from './office-rules.ts';
import { createAssistant, type Assistant } from '../bots/assistant.ts';
import { Dispatcher, type ChannelSender } from '../bots/outbox/dispatcher.ts';
import { createChannelHost, type ChannelAdapter, type ChannelHost } from '../bots/channel.ts';
import { BotFrameworkAdapter } from '../adapters/botframework/botframework-adapter.ts';
import { loadLanguage, type LanguageModel } from '../bots/language/index.ts';


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
/** The first sweep after a start waits at least this long (see startChannels). */
const RESTART_ALBUM_GRACE_MS = 5_000;

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
    // Signatures are made on a worker thread of their own, with signer keys made ahead of need.
    const signer = await officeSignerOnWorker(config, clock, log);
    let kick = () => {};
    const scanSearch = { available: false };
    const assistant = createAssistant({
      store, clock, language, otpSender, otpPolicy: config.otp, log,
      onNotificationsQueued: () => kick(),
      renderer, blobs, formats: config.formats, office: officeProfile({ ...config.office, formats: config.formats }), uploads: config.uploads, maxTextChars: config.maxTextChars, decisionConfidence: config.decisionConfidence,
      signer, signPolicy: config.sign, leavePolicy: leavePolicyFrom(config),
      reportRecipients: config.reminders.reportRecipients, tourRules: tourRulesFrom(config),
      circulars: config.circulars, scanSearch,
      // Read and checked at start like the other rule files: a bad DEADLINE_RULES_FILE stops start-up.
      deadlineRules: deadlineRulesFrom(config), otpOnConsole: config.consoleOtp,
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
        // The first scan after a (re)start is checked at once, not after a worker boots.
        pdf.warm('intake');
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
        // After a crash the channel redelivers what was unanswered, then sends what it held back, and
        // each page is checked before it joins its album: a few seconds' grace, never less than the window.
        setTimeout(() => void assistant.closeAlbums().catch(() => undefined), Math.max(config.uploads.albumWindowMs + 100, RESTART_ALBUM_GRACE_MS)).unref();
        return { live, failed };
      },
      close: async () => {
        if (albumSweep !== null) clearInterval(albumSweep);
        await assistant.stop();
        await dispatcher.stop();
        for (const channel of started) await channel.stop().catch((error: unknown) => log.warn(`${channel.channel} stop: ${String(error)}`));
        await pdf.close();
        await signer.close();
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

/** The office signer (below) on its own worker thread, as the server runs it (adapters/signing/worker-signer.ts). */
export async function officeSignerOnWorker(config: Config, clock: Clock, log: Logger): Promise<WorkerSigner> {
  const { authority, created } = await loadOrCreateOfficeCa(config.caDir, clock.now(), config.office.name.en);
  if (created) log.info(`Office CA created in ${config.caDir} (add office-ca.crt.pem to readers' trust stores).`);
  return new WorkerSigner({ authority, clock, location: config.office.name.en });
}

/** The office CA lives in DAFTAR_CA_DIR (the data directory's ca/), created on first start (see adapters/signing). */
export async function officeSigner(config: Config, clock: Clock, log: Logger): Promise<PdfSigner> {
  const { authority, created } = await loadOrCreateOfficeCa(config.caDir, clock.now(), config.office.name.en);
  if (created) log.info(`Office CA created in ${config.caDir} (add office-ca.crt.pem to readers' trust stores).`);
  return new PdfSigner({ authority, clock, location: config.office.name.en });
}

