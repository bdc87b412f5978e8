// The XML of eSign 2.1: the `<Esign>` request the ASP signs (an enveloped XML signature over the
// whole document, RSA-SHA256, inclusive Canonical XML 1.0), and the checks on what the ESP signs
// back. xml-crypto computes and checks the signatures; @xmldom/xmldom parses. What is read from a
// verified document is read only from the bytes the signature covers (getSignedReferences), so an
// unsigned element slipped in beside the signed ones is never looked at.
import { DOMParser, XMLSerializer, onErrorStopParsing, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
/** An eSign response carries one certificate and one signature: far below this. */
export const MAX_XML_BYTES = 256 * 1024;

/** What goes into an eSign 2.1 `<Esign>` request. */
export interface EsignRequestFields {
  ts: string;
  txn: string;
  aspId: string;
  responseUrl: string;
  inputHash: string;
  docInfo: string;
}

/**
 * The unsigned request, attributes in the specification's order: signer consent given (`sc="Y"`),
 * Aadhaar as the e-KYC id type with the number left for the ESP to ask (Daftar never sees it),
 * OTP authentication (`AuthMode="1"`), and a PKCS#7 signature back.
 */
export function esignRequestXml(fields: EsignRequestFields): string {
  const attributes: Array<[string, string]> = [
    ['ver', '2.1'],
    ['sc', 'Y'],
    ['ts', fields.ts],
    ['txn', fields.txn],
    ['ekycIdType', 'A'],
    ['aspId', fields.aspId],
    ['AuthMode', '1'],
    ['responseSigType', 'pkcs7'],
    ['responseUrl', fields.responseUrl],
  ];
  const hash = `<InputHash id="1" hashAlgorithm="SHA256" docInfo="${escapeAttribute(fields.docInfo)}">${fields.inputHash}</InputHash>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Esign ${attributes.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ')}><Docs>${hash}</Docs></Esign>`;
}

/** The document signed by `keyPem` as an enveloped signature over the whole of it (Reference URI=""). */
export function signEnveloped(xml: string, keyPem: string, certificatePem: string): string {
  const signer = new SignedXml({
    privateKey: keyPem,
    publicCert: certificatePem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: C14N,
  });
  signer.addReference({ xpath: '/*', isEmptyUri: true, transforms: [ENVELOPED, C14N], digestAlgorithm: SHA256 });
  signer.computeSignature(xml, { location: { reference: '/*', action: 'append' } });
  return signer.getSignedXml();
}

export type VerifiedXml =
  | { ok: true; root: Element; certificateIndex: number }
  | { ok: false; kind: 'malformed' | 'tampered'; detail: string };

/**
 * Checks that `xml` is a `<rootName>` whose one XML signature, a child of the root, covers the whole
 * document (Reference URI="") and verifies with one of `certificatesPem` (never with a certificate
 * the document itself carries). On success, the root element parsed from the signed bytes.
 */
export function verifyEnveloped(xml: string, rootName: string, certificatesPem: string[]): VerifiedXml {
  let document: Document;
  try {
    document = parseXml(xml);
  } catch (error) {
    return { ok: false, kind: 'malformed', detail: (error as Error).message };
  }
  const root = document.documentElement;
  if (root === null || root.localName !== rootName || root.namespaceURI !== null) {
    return { ok: false, kind: 'malformed', detail: `not an ${rootName} document` };
  }
  const signatures = Array.from(document.getElementsByTagNameNS(XMLDSIG_NS, 'Signature'));
  const signature = signatures[0];
  if (signature === undefined) return { ok: false, kind: 'tampered', detail: 'the document is not signed' };
  if (signatures.length > 1 || signature.parentNode !== root) {
    return { ok: false, kind: 'tampered', detail: 'exactly one signature, as a child of the root, is accepted' };
  }
  const references = Array.from(signature.getElementsByTagNameNS(XMLDSIG_NS, 'Reference'));
  if (references.length !== 1 || references[0]?.getAttribute('URI') !== '') {
    return { ok: false, kind: 'tampered', detail: 'the signature must cover the whole document (one Reference, URI="")' };
  }
  const signatureXml = new XMLSerializer().serializeToString(signature);
  for (const [index, certificatePem] of certificatesPem.entries()) {
    const checker = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
    let valid = false;
    try {
      checker.loadSignature(signatureXml);
      valid = checker.checkSignature(xml);
    } catch {
      valid = false;
    }
    if (!valid) continue;
    const signed = checker.getSignedReferences();
    if (signed.length !== 1 || signed[0] === undefined) continue;
    let signedRoot: Element | null;
    try {
      signedRoot = parseXml(signed[0]).documentElement;
    } catch {
      continue;
    }
    if (signedRoot === null || signedRoot.localName !== rootName || signedRoot.namespaceURI !== null) continue;
    return { ok: true, root: signedRoot, certificateIndex: index };
  }
  return { ok: false, kind: 'tampered', detail: 'the XML signature does not verify with the expected certificate' };
}

/** A strict parse: no DOCTYPE (no entities to expand), and any error stops it. */
export function parseXml(xml: string): Document {
  if (Buffer.byteLength(xml, 'utf8') > MAX_XML_BYTES) throw new Error(`larger than ${MAX_XML_BYTES} bytes`);
  if (/<!DOCTYPE/i.test(xml)) throw new Error('a DOCTYPE is not accepted');
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml');
}

/** The element's child elements (no text, comments or processing instructions). */
export function childElements(element: Element, localName?: string): Element[] {
  return Array.from(element.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && (localName === undefined || (node as Element).localName === localName),
  );
}

/** The element's text (its text and CDATA children, joined). */
export function textOf(element: Element): string {
  return Array.from(element.childNodes)
    .filter((node) => node.nodeType === 3 || node.nodeType === 4)
    .map((node) => node.nodeValue ?? '')
    .join('');
}

/** An attribute's value, or null when it is absent. */
export function attribute(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}
