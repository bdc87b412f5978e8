// Who may post activities to /api/messages, and where the bot's answers may go.
//
// Three kinds of caller, told apart before botbuilder sees the request:
// - the Bot Framework service (Teams…): a Bearer JWT validated exactly as the SDK does it
//   (ConfigurationBotFrameworkAuthentication: OpenID keys, issuer, audience = our app id, serviceUrl claim);
// - the Bot Framework Emulator, when no app id is configured: unauthenticated, so accepted only from
//   this machine (loopback) and never through a proxy (a proxy on this machine makes everyone loopback);
// - the embedded web chat page: a token this server issued for one conversation (an HMAC of its id).
//   Its activities are answered only through this server's own connector, whatever serviceUrl the
//   page claims, so a page can never make the server post to another host.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIPv4 } from 'node:net';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';

type Sdk = ConfigurationBotFrameworkAuthentication;
type AuthResult = Awaited<ReturnType<Sdk['authenticateRequest']>>;
export type Identity = Parameters<Sdk['createConnectorFactory']>[0];
type Factory = ReturnType<Sdk['createConnectorFactory']>;
export type Connector = Awaited<ReturnType<Factory['create']>>;

/** The settings ConfigurationBotFrameworkAuthentication reads (MicrosoftAppId, …, ToBotFromChannelOpenIdMetadataUrl). */
export type SdkSettings = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0]>;

/** True for addresses of this machine's loopback interface: 127.0.0.0/8 and ::1, also IPv4-mapped. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(v4)) return v4.startsWith('127.');
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/**
 * Headers by which a proxy or CDN names the client it forwards for. Any one of them, whatever it
 * says, means the request came through something that makes everyone look local; they are all
 * treated alike (a proxy that sets only X-Real-IP must not pass where X-Forwarded-For is refused).
 */
const PROXY_CLIENT_HEADERS = new Set([
  'forwarded', 'x-forwarded-for', 'x-forwarded', 'forwarded-for', 'x-original-forwarded-for', 'x-real-ip', 'true-client-ip',
  'cf-connecting-ip', 'cf-connecting-ipv6', 'fastly-client-ip', 'fly-client-ip', 'akamai-client-ip', 'x-client-ip', 'x-cluster-client-ip',
  'x-azure-clientip', 'x-azure-socketip', 'x-appengine-user-ip', 'x-envoy-external-address', 'x-proxyuser-ip', 'x-remote-ip', 'x-remote-addr',
  'via',
]);

/** The first header in the request that shows it came through a proxy (any X-Forwarded-* too), or null. */
export function proxyHeaderIn(headers: Record<string, unknown>): string | null {
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (PROXY_CLIENT_HEADERS.has(lower) || lower.startsWith('x-forwarded-')) return lower;
  }
  return null;
}

const WEBCHAT_SCHEME = 'Bearer wc1.';

/** Tokens of the embedded web chat: one per conversation, checked without server-side state. */
export class WebChatTokens {
  private readonly key: Buffer;

  constructor(secret?: string) {
    // Without a configured secret, tokens (and so open web chat tabs) last as long as the process.
    this.key = secret ? createHmac('sha256', secret).update('daftar web chat').digest() : randomBytes(32);
  }

  /** An unguessable name derived from the key, e.g. for the connector's path. */
  derive(label: string): string {
    return createHmac('sha256', this.key).update(`label:${label}`).digest('base64url').slice(0, 22);
  }

  tokenFor(conversationId: string): string {
    return `wc1.${createHmac('sha256', this.key).update(`conversation:${conversationId}`).digest('base64url')}`;
  }

  static isWebChatHeader(header: string | undefined): boolean {
    return header?.startsWith(WEBCHAT_SCHEME) === true;
  }

  /** Checks an `Authorization: Bearer wc1.…` header against the conversation it is used for. */
  verifyHeader(header: string | undefined, conversationId: unknown): boolean {
    if (!WebChatTokens.isWebChatHeader(header) || typeof conversationId !== 'string' || conversationId === '') return false;
    const given = Buffer.from((header ?? '').slice('Bearer '.length));
    const expected = Buffer.from(this.tokenFor(conversationId));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** Per request: set when the SDK rejected a token in a way it reports as a server error. */
export const requestScope = new AsyncLocalStorage<{ tokenRejected: boolean }>();

// jsonwebtoken's errors for a bad signature or an unusable token; botbuilder passes them on as
// they are, which CloudAdapter answers with 500. They are the caller's fault: answered with 401.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

export interface WebChatRoute {
  tokens: WebChatTokens;
  /** This server's own connector for web chat conversations (with its unguessable path). */
  connectorUrl: () => string;
}

export class DaftarAuthentication extends ConfigurationBotFrameworkAuthentication {
  /** Set by the adapter once the CloudAdapter exists (it makes the SDK's claims identities). */
  identity: () => Identity = () => { throw new Error('DaftarAuthentication used before its adapter was built'); };
  private readonly local: Sdk;

  constructor(readonly settings: SdkSettings, private readonly webChat: WebChatRoute | null) {
    super(settings);
    // No app id: connector clients that sign nothing, for this server's own web chat connector.
    this.local = new ConfigurationBotFrameworkAuthentication({});
  }

  get appId(): string {
    return typeof this.settings.MicrosoftAppId === 'string' ? this.settings.MicrosoftAppId : '';
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthResult> {
    if (WebChatTokens.isWebChatHeader(authHeader)) {
      const webChat = this.webChat;
      // The HTTP layer already answered a bad token with 401; this is the second lock on the door.
      if (webChat === null || !webChat.tokens.verifyHeader(authHeader, activity.conversation?.id)) throw new Error('web chat token refused');
      activity.serviceUrl = webChat.connectorUrl();
      const claimsIdentity = this.identity();
      return { audience: '', claimsIdentity, connectorFactory: this.createConnectorFactory(claimsIdentity) };
    }
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) {
        const scope = requestScope.getStore();
        if (scope !== undefined) scope.tokenRejected = true;
      }
      throw error;
    }
  }

  override createConnectorFactory(claimsIdentity: Identity): Factory {
    const remote = super.createConnectorFactory(claimsIdentity);
    const local = this.local.createConnectorFactory(claimsIdentity);
    const own = this.webChat?.connectorUrl;
    return {
      create: (serviceUrl: string, audience?: string) =>
        own !== undefined && serviceUrl === own() ? local.create(serviceUrl) : remote.create(serviceUrl, audience),
    };
  }
}
