// A loopback stand-in for the Bot Framework connector service (what Teams' smba.trafficmanager.net
// is to a bot): it takes the bot's activities on the Connector REST paths and answers `{ id }` as the
// real one does, serves attachment bytes at the serviceUrl, and can publish OpenID metadata and
// signing keys so a test can hand the bot JWTs the SDK validates for real.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  conversationId: string;
  /** Present when the bot replied to an activity (POST …/activities/{replyToId}). */
  replyToId: string | undefined;
  id: string;
  activity: Record<string, unknown> & { text?: string; replyToId?: string };
  authorization: string | undefined;
}

export interface FetchedFile {
  path: string;
  authorization: string | undefined;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class ConnectorPeer {
  readonly received: ReceivedActivity[] = [];
  readonly fetched: FetchedFile[] = [];
  private readonly files = new Map<string, { bytes: Uint8Array; mime: string }>();
  private jwks: unknown = { keys: [] };
  private waiters: (() => void)[] = [];
  private constructor(private readonly server: Server, readonly url: string) {}

  /** Starts on 127.0.0.1 (or the given address) on a free port. `url` is the serviceUrl, ending in '/'. */
  static async start(host = '127.0.0.1'): Promise<ConnectorPeer> {
    let peer: ConnectorPeer | null = null;
    const server = createServer((req, res) => {
      void (async () => {
        if (peer === null) return;
        const path = new URL(req.url ?? '/', 'http://peer').pathname;
        const activityPath = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
        if (req.method === 'POST' && activityPath?.[1] !== undefined) {
          const id = `peer-${peer.received.length + 1}`;
          peer.received.push({
            conversationId: decodeURIComponent(activityPath[1]),
            replyToId: activityPath[2] === undefined ? undefined : decodeURIComponent(activityPath[2]),
            id, activity: JSON.parse(await body(req)) as ReceivedActivity['activity'], authorization: req.headers.authorization,
          });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
          for (const wake of peer.waiters.splice(0)) wake();
          return;
        }
        if (req.method === 'GET' && path === '/.well-known/openidconfiguration') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${peer.url}keys` }));
          return;
        }
        if (req.method === 'GET' && path === '/keys') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(peer.jwks));
          return;
        }
        const file = peer.files.get(path);
        if (req.method === 'GET' && file !== undefined) {
          peer.fetched.push({ path, authorization: req.headers.authorization });
          res.writeHead(200, { 'content-type': file.mime }).end(file.bytes);
          return;
        }
        res.writeHead(404).end();
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const port = (server.address() as AddressInfo).port;
    peer = new ConnectorPeer(server, `http://${host}:${port}/`);
    return peer;
  }

  /** Serves bytes at a path (as the connector serves an uploaded attachment); returns its URL. */
  serve(path: string, bytes: Uint8Array, mime: string): string {
    this.files.set(path, { bytes, mime });
    return new URL(path, this.url).toString();
  }

  /** The JSON Web Key Set published at `${url}keys` (OpenID metadata at `${url}.well-known/openidconfiguration`). */
  publishKeys(jwks: unknown): void {
    this.jwks = jwks;
  }

  get openIdMetadataUrl(): string {
    return `${this.url}.well-known/openidconfiguration`;
  }

  to(conversationId: string): ReceivedActivity[] {
    return this.received.filter((r) => r.conversationId === conversationId);
  }

  /** Resolves once at least `count` activities have arrived. */
  async waitFor(count: number, timeoutMs = 5_000): Promise<ReceivedActivity[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the connector peer got ${this.received.length} activities, expected ${count}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
