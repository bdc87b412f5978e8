// Teams (and any Bot Framework channel, and the Bot Framework Emulator) through botbuilder's
// CloudAdapter, and the embedded web chat, which talks to the bot the same way Teams does.
// One HTTP server: POST /api/messages for activities, the web chat's page and endpoints beside it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, TurnContext, type ConversationReference } from 'botbuilder';
import type { ChatAccount } from '../../core/types.ts';
import type { ChannelAdapter, ChannelHost } from '../../bots/channel.ts';
import type { Reply } from '../../bots/reply.ts';
import { text } from '../../bots/messages/texts.ts';
import { CHANNEL, chatAddress, isGroupConversation, toActivity, toInbound, type AttachmentPolicy } from './activities.ts';
import { DaftarAuthentication, isLoopback, proxyHeaderIn, requestScope, WebChatTokens, type SdkSettings } from './authentication.ts';
import { HttpError, readJson, sdkRequest, sdkResponse, sendError } from './http.ts';
import { activityProblem } from './validate.ts';
import { DEFAULT_SESSIONS_PER_HOUR, WebChat, type DemoEmployee } from './webchat-routes.ts';

export type { DemoEmployee } from './webchat-routes.ts';

export interface BotFrameworkOptions {
  /** Listening address (default 127.0.0.1; 0.0.0.0 to reach the web chat from phones on the LAN). */
  host?: string;
  /** Default 3978, the Bot Framework's customary port; 0 picks a free one. */
  port?: number;
  /** The Azure Bot registration. Without an app id only this machine may post activities (Emulator). */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /**
   * More ConfigurationBotFrameworkAuthentication settings (other clouds; tests point OpenID metadata at a
   * peer). Beware: the SDK takes any one of its endpoint settings as meaning all are given.
   */
  sdkSettings?: SdkSettings;
  /** Serve the embedded web chat (default true). */
  webChat?: boolean;
  /** Keeps web chat tabs valid across restarts; without it they last as long as the process. */
  webChatSecret?: string;
  /** Employees offered on the web chat's demo picker. */
  demoStaff?: () => Promise<DemoEmployee[]>;
  /** Links a web chat conversation to an employee without an OTP: development with the demo office ONLY. */
  demoAutoLink?: (chatId: string, code: string) => Promise<boolean>;
  /** Largest attachment fetched or accepted; keep it above the office's upload limit so the assistant can refuse in words. */
  maxUploadBytes?: number;
  /**
   * Answer in group conversations (Teams group chats and channels), each member as their own chat.
   * Off by default, as for Telegram and WhatsApp: a linked chat is one person's identity.
   */
  allowGroups?: boolean;
  /** New web chat sessions one client address may open per hour (WEBCHAT_SESSIONS_PER_HOUR). */
  webChatSessionsPerHour?: number;
}

/** Chat addresses remembered per process (a few hundred bytes each); past this many, start over. */
const MAX_KNOWN_ADDRESSES = 50_000;

/** A CloudAdapter that lends its claims identities to the web chat's authentication. */
class Cloud extends CloudAdapter {
  constructor(readonly auth: DaftarAuthentication) {
    super(auth);
    auth.identity = () => this.createClaimsIdentity(auth.appId);
  }
}

export class BotFrameworkAdapter implements ChannelAdapter {
  readonly channel = CHANNEL;
  private readonly cloud: Cloud;
  private readonly webChat: WebChat | null;
  private readonly maxUploadBytes: number;
  private server: Server | null = null;
  private base = '';
  /** Each conversation and sender's chat address, as chatIdOf found it. */
  private readonly addresses = new Map<string, string>();

  constructor(private readonly channelHost: ChannelHost, private readonly options: BotFrameworkOptions = {}) {
    this.maxUploadBytes = options.maxUploadBytes ?? 32 * 1024 * 1024;
    const webChatOn = options.webChat !== false;
    this.webChat = webChatOn
      ? new WebChat({
        secret: options.webChatSecret, demoStaff: options.demoStaff, demoAutoLink: options.demoAutoLink, maxUploadBytes: this.maxUploadBytes, log: channelHost.log,
        sessionsPerHour: options.webChatSessionsPerHour ?? DEFAULT_SESSIONS_PER_HOUR,
      })
      : null;
    const settings: SdkSettings = { ...options.sdkSettings };
    if (options.appId) {
      const type = options.appType ?? 'MultiTenant';
      // Caught here rather than at the first answer to Teams, where the SDK would fail to get a token.
      if (type !== 'UserAssignedMSI' && !options.appPassword) throw new Error('Bot Framework: the app id needs its client secret (BOTFRAMEWORK_APP_PASSWORD)');
      settings.MicrosoftAppId = options.appId;
      settings.MicrosoftAppPassword = options.appPassword ?? '';
      settings.MicrosoftAppTenantId = options.tenantId ?? '';
      settings.MicrosoftAppType = type;
    }
    const webChat = this.webChat;
    let auth: DaftarAuthentication;
    try {
      auth = new DaftarAuthentication(settings, webChat === null ? null : { tokens: webChat.tokens, connectorUrl: () => this.connectorUrl() });
    } catch (error) {
      // The SDK's own words name its settings (MicrosoftAppTenantId…): BOTFRAMEWORK_TENANT_ID and so on here.
      throw new Error(`Bot Framework app registration: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.cloud = new Cloud(auth);
    this.cloud.onTurnError = async (_context, error) => {
      channelHost.log.error('Bot Framework turn failed', error);
      // Answered 500: the channel may redeliver, and the assistant answers a repeat from its record.
      throw error;
    };
  }

  /** Where the server listens, e.g. http://127.0.0.1:3978 (after start). */
  get url(): string {
    return this.base;
  }

  async start(): Promise<void> {
    await this.webChat?.load();
    const server = createServer((req, res) => void this.route(req, res));
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(new Error(`Bot Framework / web chat could not listen on ${host}:${this.options.port ?? 3978}: ${error.code ?? error.message} (set WEB_HOST / WEB_PORT)`)));
      server.listen(this.options.port ?? 3978, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.base = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    const log = this.channelHost.log;
    log.info(`Bot Framework endpoint: POST ${this.base}/api/messages`);
    if (!this.cloud.auth.appId) {
      log.warn('Bot Framework: no app id (BOTFRAMEWORK_APP_ID) — unauthenticated activities are accepted from this machine only (loopback), as the Bot Framework Emulator expects; Teams needs an app id.');
    }
    if (this.webChat !== null) {
      log.info(`Web chat: open ${this.pageUrl()} in a browser`);
      if (this.webChat.demo) {
        log.warn(`Web chat demo mode: employees are linked WITHOUT an OTP${isLoopback(address.address) ? '' : ', and this server is reachable from other machines'}. Development with the demo office only.`);
      }
    }
  }

  async stop(): Promise<void> {
    this.webChat?.hub.close();
    const server = this.server;
    this.server = null;
    if (server === null) return;
    // Turns in progress get a moment to finish; kept-alive browser connections do not hold shutdown up.
    const force = setTimeout(() => server.closeAllConnections(), 3_000);
    force.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(force);
  }

  canReach(account: ChatAccount): boolean {
    if (account.channel !== CHANNEL || account.conversationRef === null) return false;
    const ref = parseRef(account.conversationRef);
    if (ref === null) return false;
    // A web chat tab lives in this process: one from an earlier run (or never seen since) is gone.
    if (ref.serviceUrl?.includes('/webchat/connector/')) {
      return this.webChat !== null && ref.serviceUrl === this.connectorUrl() && this.webChat.hub.knows(ref.conversation?.id ?? '');
    }
    return true;
  }

  /**
   * A notification, into the conversation the chat last wrote from. The dispatcher records the
   * returned id with the notification's subject in its own transaction, so it is not remembered here
   * as well (a second record of the same id would fail that transaction and resend the notification).
   */
  async send(account: ChatAccount, reply: Reply): Promise<{ messageId: string | null }> {
    const raw = account.conversationRef ?? (await this.channelHost.loadConversationRef(CHANNEL, account.address));
    const ref = raw === null ? null : parseRef(raw);
    if (ref === null) throw new Error(`no Bot Framework conversation reference for ${account.address}: the chat has to message the bot first`);
    let messageId = null as string | null;
    await this.cloud.continueConversationAsync(this.cloud.auth.appId, ref, async (context) => {
      messageId = (await context.sendActivity(toActivity(reply, ref.channelId)))?.id || null;
    });
    return { messageId };
  }

  private pageUrl(): string {
    return this.base.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:') + '/';
  }

  /** This server's own connector for the web chat, reached over loopback when listening on all interfaces. */
  private connectorUrl(): string {
    return this.pageUrl().slice(0, -1) + (this.webChat?.connectorPath ?? '');
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/api/messages') await this.messages(req, res);
      else if (this.webChat === null || !(await this.webChat.handle(req, res, url))) sendError(res, 404, 'not found');
    } catch (error) {
      if (error instanceof HttpError) sendError(res, error.status, error.message);
      else {
        this.channelHost.log.error(`Bot Framework HTTP ${req.method ?? ''} ${req.url ?? ''} failed`, error);
        sendError(res, 500, 'internal error');
      }
    }
  }

  private async messages(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'POST activities here');
    const body = await readJson(req, Math.ceil(this.maxUploadBytes * 1.4) + 1024 * 1024);
    const authorization = req.headers.authorization;
    const webChat = WebChatTokens.isWebChatHeader(authorization);
    if (webChat) {
      const conversationId = (body.conversation as { id?: unknown } | undefined)?.id;
      if (this.webChat === null || !this.webChat.tokens.verifyHeader(authorization, conversationId)) throw new HttpError(401, 'unknown or expired web chat session');
      // The token proves the conversation, and a tab has one sender: the server's name for it, not the page's.
      const from = body.from !== null && typeof body.from === 'object' ? body.from : {};
      body.from = { ...from, id: WebChat.userIdFor(conversationId as string) };
    } else if (!this.cloud.auth.appId) {
      const from = req.socket.remoteAddress;
      const proxy = proxyHeaderIn(req.headers);
      if (!isLoopback(from) || proxy !== null) {
        this.channelHost.log.warn(`Bot Framework: refused an unauthenticated activity from ${from ?? 'an unknown address'}${proxy === null ? '' : ` (through a proxy: ${proxy})`} (without an app id only this machine may post)`);
        throw new HttpError(401, 'unauthenticated activities are accepted from this machine only; configure the bot\'s app id for Teams');
      }
    }
    // The web chat's serviceUrl is replaced by this server's own connector (authentication.ts).
    const problem = activityProblem(body, { serviceUrlRequired: !webChat });
    if (problem !== null) throw new HttpError(400, `not a valid Bot Framework activity: ${problem}`);
    if (webChat) this.webChat?.echo(body);
    const scope = { tokenRejected: false };
    const response = sdkResponse(res, (status) => (status === 500 && scope.tokenRejected ? 401 : status));
    await requestScope.run(scope, () => this.cloud.process(sdkRequest(req, body), response, (context) => this.turn(context)));
  }

  private async turn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (isGroupConversation(activity) && this.options.allowGroups !== true) {
      // Nothing of a group is stored; a message to the bot there is told why it is not answered.
      if (activity.type === 'message') {
        await context.sendActivity(toActivity({ text: `${text('groupChatRefused', 'hi')}\n\n${text('groupChatRefused', 'en')}` }, activity.channelId));
      }
      return;
    }
    // Only a message must name its sender (validate.ts); other activities without one are not a chat.
    if (!activity.from?.id) return;
    const chatId = await this.chatIdOf(activity);
    const ref = TurnContext.getConversationReference(activity);
    // The id of the message it was taken from is no use later, and would make every message a write.
    delete ref.activityId;
    if (activity.type === 'message') {
      const inbound = await toInbound(activity, chatId, this.attachmentPolicy(context));
      const replies = await this.channelHost.assistant.handle(inbound);
      await this.channelHost.saveConversationRef(CHANNEL, chatId, JSON.stringify(ref));
      for (const reply of replies) {
        const sent = await context.sendActivity(toActivity(reply, activity.channelId));
        if (sent?.id) await this.channelHost.rememberSent(CHANNEL, chatId, sent.id, reply);
      }
    } else {
      await this.channelHost.saveConversationRef(CHANNEL, chatId, JSON.stringify(ref));
    }
  }

  /**
   * The sender's chat in this conversation (activities.ts: chatAddress). Accounts stored before the
   * address named the sender are under the bare conversation id; such an account stays the chat of
   * the person it was made for when the conversation is one-to-one and its saved conversation
   * reference — written at every message, naming who wrote — names this same sender. Anyone else
   * writing into that conversation is a chat of their own, unlinked until they link it. In a group
   * the old account cannot tell members apart, so it is never used there.
   */
  private async chatIdOf(activity: TurnContext['activity']): Promise<string> {
    const conversationId = activity.conversation.id;
    const current = chatAddress(conversationId, activity.from.id);
    if (isGroupConversation(activity)) return current;
    // The answer never changes for a conversation and sender (only the old account's own sender
    // re-saves its reference), so it is looked up once per process, not at every message.
    const known = this.addresses.get(current);
    if (known !== undefined) return known;
    const saved = await this.channelHost.loadConversationRef(CHANNEL, conversationId);
    const legacy = saved === null ? null : parseRef(saved);
    const address = legacy?.user?.id === activity.from.id ? conversationId : current;
    if (this.addresses.size >= MAX_KNOWN_ADDRESSES) this.addresses.clear();
    this.addresses.set(current, address);
    return address;
  }

  private attachmentPolicy(context: TurnContext): AttachmentPolicy {
    const serviceUrl = context.activity.serviceUrl;
    const webChat = this.webChat !== null && serviceUrl === this.connectorUrl();
    return {
      // The page sends its files inline; it has no attachment store to fetch from.
      serviceHost: webChat || !serviceUrl ? null : safeHost(serviceUrl),
      authorization: () => bearerFor(context.turnState.get(this.cloud.ConnectorClientKey)),
      allowTeamsDownloads: !webChat && this.cloud.auth.appId !== '',
      maxBytes: this.maxUploadBytes,
      warn: (message) => this.channelHost.log.warn(`Bot Framework: ${message}`),
    };
  }
}

function parseRef(raw: string): Partial<ConversationReference> | null {
  try {
    const ref = JSON.parse(raw) as Partial<ConversationReference>;
    return typeof ref.conversation?.id === 'string' && typeof ref.serviceUrl === 'string' ? ref : null;
  } catch {
    return null;
  }
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The Authorization header the bot's connector client would send (Teams' inline images need the bot's token). */
async function bearerFor(client: unknown): Promise<string | null> {
  const credentials = (client as { credentials?: { signRequest(resource: unknown): Promise<unknown> } } | undefined)?.credentials;
  if (credentials === undefined) return null;
  const headers = new Map<string, string>();
  await credentials.signRequest({ headers: { set: (name: string, value: string) => headers.set(name.toLowerCase(), value), get: (name: string) => headers.get(name.toLowerCase()) } });
  return headers.get('authorization') ?? null;
}
