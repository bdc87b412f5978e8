// The embedded web chat's HTTP side: the page and its files, sessions, the long-poll the page
// reads the bot's activities from, the connector endpoints the bot posts them to, and the
// development-only demo login. The chat itself goes through /api/messages like Teams does.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../bots/context.ts';
import { WebChatTokens } from './authentication.ts';
import { HttpError, readJson, sendError, sendJson } from './http.ts';
import { WebChatHub } from './webchat-hub.ts';
import { chatAddress } from './activities.ts';
import { AddressRateLimiter } from './rate-limit.ts';
import { canonicalPost, POSTS } from '../../bots/language/posts.ts';
import { otherScriptSpellings } from '../../core/text/transliterate.ts';

export interface DemoEmployee {
  code: string;
  name: string;
  post: string;
  section: string;
}

export interface WebChatOptions {
  secret?: string;
  demoStaff?: () => Promise<DemoEmployee[]>;
  demoAutoLink?: (chatId: string, code: string) => Promise<boolean>;
  maxUploadBytes: number;
  log: Logger;
  /** New sessions one client address may open per hour (after a small burst). */
  sessionsPerHour: number;
}

/** Sessions per address per hour when the composition root gives no limit (it passes WEBCHAT_SESSIONS_PER_HOUR). */
export const DEFAULT_SESSIONS_PER_HOUR = 30;
/** At most this many sessions at once from one address, however high the hourly limit. */
const SESSION_BURST = 10;

const require = createRequire(import.meta.url);
const here = (name: string) => fileURLToPath(new URL(`./webchat/${name}`, import.meta.url));
const FONT = (weight: number) => require.resolve(`@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-${weight}-normal.woff2`);

const STATIC: Record<string, { file: () => string; type: string }> = {
  '/': { file: () => here('index.html'), type: 'text/html; charset=utf-8' },
  '/webchat.js': { file: () => here('webchat.js'), type: 'text/javascript; charset=utf-8' },
  '/webchat.css': { file: () => here('webchat.css'), type: 'text/css; charset=utf-8' },
  // The system's Devanagari font is asked for first (see webchat.css); this is for machines without one.
  '/fonts/devanagari-400.woff2': { file: () => FONT(400), type: 'font/woff2' },
  '/fonts/devanagari-700.woff2': { file: () => FONT(700), type: 'font/woff2' },
};

const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const POLL_WAIT_MS = 25_000;

/**
 * What the demo picker's search looks in for one person, in lower case: the code; the name as
 * written and in the other script (सुनीता देवी is found by "sunita", Priya Singh by "प्रिया"); the
 * post as the roll writes it and, when it is a known post, its English and Hindi titles and usual
 * short forms ("DDC" finds the उप विकास आयुक्त, "clerk" every लिपिक and सहायक, "लिपिक" the Dealing
 * Assistants); and the section.
 */
export function searchTerms(e: DemoEmployee): string {
  const key = canonicalPost(e.post);
  const title = key === null ? undefined : POSTS[key];
  const names = e.name.split(/[\s.]+/).filter((w) => w !== '').flatMap((w) => [w, ...otherScriptSpellings(w)]);
  const post = title === undefined || key === null ? [] : [key.replace(/_/g, ' '), title.en, title.hi, ...title.aliases];
  return [e.code, e.name, ...names, e.post, ...post, e.section].join(' · ').toLowerCase();
}

export class WebChat {
  readonly hub = new WebChatHub();
  readonly tokens: WebChatTokens;
  /** The connector's path carries a key only this process knows: only the bot can post the page's messages. */
  readonly connectorPath: string;
  private readonly files = new Map<string, Buffer>();
  /** Search terms by the person's code, name, post and section (worked out once per roll entry). */
  private readonly terms = new Map<string, string>();
  private readonly sessions: AddressRateLimiter;

  constructor(private readonly options: WebChatOptions) {
    this.tokens = new WebChatTokens(options.secret);
    this.connectorPath = `/webchat/connector/${this.tokens.derive('connector')}`;
    this.sessions = new AddressRateLimiter({ burst: Math.min(SESSION_BURST, options.sessionsPerHour), perHour: options.sessionsPerHour });
  }

  /**
   * The sender of a web chat tab is named by the server, not by the page: the token proves the
   * conversation, and one conversation is one tab, so it has one sender.
   */
  static userIdFor(conversationId: string): string {
    return `user.${conversationId.slice(-12)}`;
  }

  /** The chat address of a web chat tab (the conversation and its one sender). */
  static addressOf(conversationId: string): string {
    return chatAddress(conversationId, WebChat.userIdFor(conversationId));
  }

  get demo(): boolean {
    return this.options.demoAutoLink !== undefined;
  }

  async load(): Promise<void> {
    for (const [path, entry] of Object.entries(STATIC)) this.files.set(path, await readFile(entry.file()));
  }

  /** The page's own message, echoed to its queue as Direct Line does; bytes are left out (the page has them). */
  echo(activity: Record<string, unknown>): void {
    const conversation = (activity.conversation as { id?: unknown } | undefined)?.id;
    if (typeof conversation !== 'string') return;
    const attachments = Array.isArray(activity.attachments)
      ? activity.attachments.map((a: { contentType?: unknown; name?: unknown }) => ({ contentType: a.contentType, name: a.name }))
      : undefined;
    const { type, id, from, text, value, timestamp, replyToId, channelData } = activity;
    this.hub.push(conversation, { type, id, from, text, value, timestamp, replyToId, channelData, attachments });
  }

  /** Answers the request if it is one of the web chat's; false when it is not. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname === '/index.html' ? '/' : url.pathname;
    const file = this.files.get(path);
    if (file !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': STATIC[path]?.type ?? 'application/octet-stream', 'cache-control': 'no-cache', 'content-length': file.length, ...PAGE_HEADERS });
      res.end(req.method === 'HEAD' ? undefined : file);
      return true;
    }
    if (path.startsWith(`${this.connectorPath}/`)) return this.connector(req, res, path.slice(this.connectorPath.length));
    const route = `${req.method ?? ''} ${path}`;
    switch (route) {
      case 'POST /webchat/session': {
        // Anyone may open a session; one address may not open them without end (each is a chat that
        // may ask for link codes, and holds memory here).
        const wait = this.sessions.take(req.socket.remoteAddress);
        if (wait > 0) {
          res.setHeader('retry-after', String(wait));
          throw new HttpError(429, `too many new web chat sessions from this address; try again in ${wait} s`);
        }
        const conversationId = WebChatHub.newConversationId();
        this.hub.touch(conversationId);
        sendJson(res, 200, {
          conversationId, token: this.tokens.tokenFor(conversationId), userId: WebChat.userIdFor(conversationId),
          demo: this.demo, maxUploadBytes: this.options.maxUploadBytes,
        });
        return true;
      }
      case 'GET /webchat/activities': {
        const conversationId = url.searchParams.get('conversation');
        if (!this.tokens.verifyHeader(req.headers.authorization, conversationId)) throw new HttpError(401, 'unknown or expired web chat session');
        const after = Number(url.searchParams.get('after') ?? '0');
        sendJson(res, 200, await this.hub.poll(conversationId ?? '', Number.isFinite(after) ? after : 0, POLL_WAIT_MS));
        return true;
      }
      case 'GET /api/demo-staff': {
        if (this.options.demoStaff === undefined || !this.demo) throw new HttpError(404, 'demo mode is off');
        sendJson(res, 200, (await this.options.demoStaff()).map((e) => ({ ...e, search: this.termsOf(e) })));
        return true;
      }
      case 'POST /api/demo-login':
        await this.demoLogin(req, res);
        return true;
      default:
        return false;
    }
  }

  private termsOf(e: DemoEmployee): string {
    const key = `${e.code}\u0000${e.name}\u0000${e.post}\u0000${e.section}`;
    let terms = this.terms.get(key);
    if (terms === undefined) {
      if (this.terms.size > 10_000) this.terms.clear();
      terms = searchTerms(e);
      this.terms.set(key, terms);
    }
    return terms;
  }

  private async demoLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const link = this.options.demoAutoLink;
    // Linking without an OTP exists only where the composition root allows it: development, demo office.
    if (link === undefined) throw new HttpError(403, 'demo login is switched off: link with "link <employee code>" and the OTP');
    const body = await readJson(req, 4096);
    const { conversationId, code } = body;
    if (!this.tokens.verifyHeader(req.headers.authorization, conversationId)) throw new HttpError(401, 'unknown or expired web chat session');
    if (typeof code !== 'string' || code.trim() === '') throw new HttpError(400, 'expected {"code": "<employee code>"}');
    const linked = await link(WebChat.addressOf(conversationId as string), code.trim());
    if (linked) this.options.log.info(`web chat: a demo conversation was linked to ${code.trim()} without OTP (demo mode)`);
    sendJson(res, linked ? 200 : 404, { ok: linked });
  }

  /** The Connector REST calls the bot makes: send to a conversation, or reply to an activity in it. */
  private async connector(req: IncomingMessage, res: ServerResponse, rest: string): Promise<boolean> {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(rest);
    if (match?.[1] === undefined || req.method !== 'POST') {
      sendError(res, 404, 'this connector only takes new activities');
      return true;
    }
    const conversationId = decodeURIComponent(match[1]);
    const activity = await readJson(req, 64 * 1024 * 1024);
    const id = this.hub.push(conversationId, { ...activity, id: undefined });
    sendJson(res, 200, { id });
    return true;
  }
}
