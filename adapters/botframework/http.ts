// Small HTTP helpers over node:http: a bounded JSON body, JSON answers, and the request/response
// shapes botbuilder's CloudAdapter.process() expects (it was written for express/restify, whose
// response has status()/header()/send()/end(); it only reads method, headers and a parsed body).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';

/** Thrown for a request that cannot be read; `status` is what to answer. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) throw new HttpError(413, `request body larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, `request body larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A JSON object body. The content type must say JSON: a cross-site form or a text/plain fetch
 * cannot then reach these endpoints from a browser without a CORS preflight, which is never granted.
 */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'expected Content-Type: application/json');
  const raw = await readBody(req, maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new HttpError(400, 'expected a JSON object');
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status, { error: message });
}

export function sdkRequest(req: IncomingMessage, body: Record<string, unknown>): Request {
  return { method: req.method ?? 'POST', headers: req.headers, body };
}

/**
 * The express-like response CloudAdapter writes to; `mapStatus` may rewrite its status on the way.
 * The SDK answers a failed turn with 500 and the exception's message as the body: that is the
 * server's business, so a 5xx goes out with a fixed body (the error itself is in the log).
 */
export function sdkResponse(res: ServerResponse, mapStatus: (status: number) => number = (s) => s): Response {
  let status = 200;
  let body: string | undefined;
  return {
    socket: res.socket,
    status: (code: number) => {
      status = code;
    },
    header: (name: string, value: unknown) => {
      res.setHeader(name, String(value));
    },
    send: (payload: unknown) => {
      body = typeof payload === 'string' ? payload : JSON.stringify(payload);
      if (typeof payload !== 'string') res.setHeader('content-type', 'application/json; charset=utf-8');
    },
    end: () => {
      if (res.headersSent) return;
      res.statusCode = mapStatus(status);
      if (res.statusCode >= 500) {
        body = JSON.stringify({ error: 'internal error' });
        res.setHeader('content-type', 'application/json; charset=utf-8');
      }
      res.end(body);
    },
  };
}
