// How eSign 2.1 messages travel, as far as the ASP reads them: the ESP's acknowledgement of a
// request, the signer's link made from it, the response as it arrives at the response URL, and the
// specification's timestamps (India time, no zone).
import type { EsignAcknowledgement } from './types.ts';
import { attribute, parseXml } from './xml.ts';

const IST_OFFSET_MS = 330 * 60_000;

/** The ESP's authentication page with `txnref` = base64("<txn>|<resCode>"). */
export function defaultSignerUrl(ack: EsignAcknowledgement, espAuthUrl: string): string {
  const url = new URL(espAuthUrl);
  url.searchParams.set('txnref', Buffer.from(`${ack.txn}|${ack.resCode}`, 'utf8').toString('base64'));
  return url.toString();
}

/** The ESP's acknowledgement (an `<EsignResp>` with a status and no signature yet), or null. */
export function readAcknowledgement(xml: string): EsignAcknowledgement | null {
  try {
    const root = parseXml(xml).documentElement;
    const status = root === null ? null : attribute(root, 'status');
    if (root === null || status === null) return null;
    const errCode = attribute(root, 'errCode');
    const errMsg = attribute(root, 'errMsg');
    return {
      status,
      txn: attribute(root, 'txn') ?? '',
      resCode: attribute(root, 'resCode') ?? '',
      errCode: errCode === null || errCode === 'NA' || errCode === '' ? null : errCode,
      errMsg: errMsg === null || errMsg === 'NA' || errMsg === '' ? null : errMsg,
      ts: attribute(root, 'ts'),
    };
  } catch {
    return null;
  }
}

/**
 * The response XML from the HTTP request that carried it to the response URL: the body itself
 * (application/xml, text/xml), or the form field ESPs post it in through the signer's browser.
 */
export function esignResponseFromHttp(contentType: string | undefined, body: Buffer): string | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') {
    // URLSearchParams decodes the percent-escapes as UTF-8, as browsers encode a form.
    const form = new URLSearchParams(body.toString('utf8'));
    for (const field of ['eSignResponse', 'EsignResp', 'msg']) {
      const value = form.get(field);
      if (value !== null) return value;
    }
    return null;
  }
  if (type === 'application/xml' || type === 'text/xml' || type === '') return body.toString('utf8');
  return null;
}

/** eSign timestamps: ISO local time in India, "YYYY-MM-DDThh:mm:ss". */
export function istTimestamp(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 19);
}

/** An eSign `ts` read back: India time when it names no zone; null when it is no time at all. */
export function parseIstTimestamp(ts: string | null): Date | null {
  if (ts === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(ts.trim());
  if (m === null) return null;
  const zone = m[3] === undefined ? '+05:30' : m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  const date = new Date(`${m[1]}${m[2] ?? ''}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
