// Signed PDFs are judged by poppler's pdfsig against a fresh NSS store and by qpdf, not only by
// our own verify; verify is then held to the same answers on the same files.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignerIdentity } from '../../../core/ports.ts';
import { loadOrCreateOfficeCa, type IssuingAuthority } from '../../../adapters/signing/office-ca.ts';
import { PdfSigner } from '../../../adapters/signing/pdf-signer.ts';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import { nssDatabase, pdfsig, type NssDatabase } from '../../helpers/nss.ts';
import { pdfText, qpdfCheck } from '../../helpers/pdf-tools.ts';
import { smallPdf } from './small-pdf.ts';

const run = promisify(execFile);
// pdfsig and NSS check certificates against the real time, so these signatures use it too.
const systemClock = { now: () => new Date() };
const ANAND: SignerIdentity = { name: 'आनंद शर्मा', code: 'SHS0042', post: 'अपर समाहर्ता', reason: 'Approval of EST-12/2026 note 7 / स्वीकृत' };

/** The signature dictionary's strings as qpdf reads them (qpdf decodes PDF text strings itself). */
async function signatureDictionary(pdf: Uint8Array): Promise<Record<string, string>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-qpdf-'));
  try {
    const file = path.join(dir, 'signed.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('qpdf', ['--json=2', '--json-key=qpdf', file], { maxBuffer: 64 * 1024 * 1024 });
    const objects = (JSON.parse(stdout) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] }).qpdf[1];
    const sig = Object.values(objects).map((o) => o.value).find((v) => v?.['/Type'] === '/Sig') ?? {};
    return Object.fromEntries(Object.entries(sig).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v).replace(/^u:/, '')]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An honest incremental update, as a PDF editor would append one: a new Info dictionary. */
function appendIncrementalUpdate(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1];
  const size = [...text.matchAll(/\/Size\s+(\d+)/g)].at(-1)?.[1];
  const root = [...text.matchAll(/\/Root\s+(\d+\s+\d+\s+R)/g)].at(-1)?.[1];
  if (prev === undefined || size === undefined || root === undefined) throw new Error('test PDF has no trailer');
  const object = `\n${size} 0 obj\n<< /Title (Changed after signing) >>\nendobj\n`;
  const xrefAt = pdf.length + object.length;
  const update = `${object}xref\n${size} 1\n${String(pdf.length + 1).padStart(10, '0')} 00000 n \n`
    + `trailer\n<< /Size ${Number(size) + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([pdf, Buffer.from(update, 'latin1')]));
}

let caDir: string;
let office: IssuingAuthority;
let signer: PdfSigner;
let trusting: NssDatabase;
let untrusting: NssDatabase;
let unsigned: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  caDir = await mkdtemp(path.join(os.tmpdir(), 'daftar-ca-'));
  office = (await loadOrCreateOfficeCa(caDir)).authority;
  signer = new PdfSigner({ authority: office, clock: systemClock });
  [trusting, untrusting] = await Promise.all([nssDatabase([office.certificatePem]), nssDatabase()]);
  unsigned = await smallPdf();
  signed = await signer.sign(unsigned, ANAND);
});

afterAll(async () => {
  await Promise.all([trusting?.dispose(), untrusting?.dispose(), rm(caDir, { recursive: true, force: true })]);
});

describe('a signed PDF, as outside tools see it', () => {
  it('pdfsig: valid, trusted once the office CA is trusted, the whole file signed, the Devanagari signer shown', async () => {
    const report = await pdfsig(signed, trusting);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signer Certificate Common Name: आनंद शर्मा');
    expect(report).toMatch(/Distinguished Name: .*title=अपर समाहर्ता,serialNumber=SHS0042,CN=आनंद शर्मा/);
  });

  it('pdfsig without the office CA: the signature is valid but its issuer is not trusted', async () => {
    const report = await pdfsig(signed, untrusting);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain("Certificate Validation: Certificate issuer isn't Trusted.");
  });

  it('qpdf finds no fault; the original bytes are untouched and the text reads as before', async () => {
    expect(await qpdfCheck(signed)).toMatchObject({ ok: true });
    const original = Buffer.from(unsigned).toString('latin1').replace(/[\r\n]+$/, '');
    expect(Buffer.from(signed).subarray(0, original.length).toString('latin1')).toBe(original);
    expect(await pdfText(signed)).toContain('Approved. File EST-12/2026, note 7.');
  });

  it('the signature dictionary carries the Hindi name and reason intact, as qpdf decodes them', async () => {
    const dictionary = await signatureDictionary(signed);
    // No location given: the office the CA is named after.
    expect(dictionary).toMatchObject({ '/Name': ANAND.name, '/Reason': ANAND.reason, '/Location': 'Collectorate Saharsa' });
  });
});

describe('verify', () => {
  it('reports an untouched signature: intact, whole document, trusted, signer, time and reason', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000; // the CMS keeps whole seconds
    const check = await signer.verify(await signer.sign(unsigned, ANAND));
    expect(check).toEqual({
      signed: true,
      intact: true,
      wholeDocument: true,
      trusted: true,
      signer: { name: 'आनंद शर्मा', code: 'SHS0042', post: 'अपर समाहर्ता' },
      signedAt: expect.any(Date),
      reason: ANAND.reason,
    });
    const at = check.signed ? check.signedAt?.getTime() ?? 0 : 0;
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('one byte changed inside the signed range: pdfsig and verify both call the signature broken', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('Daftar signing test');
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'd'.charCodeAt(0);
    const report = await pdfsig(tampered, trusting);
    expect(report).not.toContain('Signature is Valid.');
    expect(report).toMatch(/Signature Validation: (Signature is Invalid|Digest Mismatch)/);
    expect(await signer.verify(tampered)).toMatchObject({ signed: true, intact: false, wholeDocument: true });
  });

  it('an incremental update after signing: still intact, but no longer the whole document', async () => {
    const updated = appendIncrementalUpdate(signed);
    expect(await qpdfCheck(updated)).toMatchObject({ ok: true });
    expect(await pdfsig(updated, trusting)).toContain('Not total document signed');
    expect(await signer.verify(updated)).toMatchObject({ signed: true, intact: true, wholeDocument: false, trusted: true });
  });

  it('a signature from another CA, even one with the office CA\'s exact name, is intact but not trusted', async () => {
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'daftar-other-ca-'));
    try {
      const impostor = (await loadOrCreateOfficeCa(otherDir)).authority;
      expect(impostor.certificate.subject.getField('CN').value).toBe(office.certificate.subject.getField('CN').value);
      const forged = await new PdfSigner({ authority: impostor, clock: systemClock }).sign(unsigned, ANAND);
      expect(await signer.verify(forged)).toMatchObject({ signed: true, intact: true, wholeDocument: true, trusted: false });
      expect(await pdfsig(forged, trusting)).not.toContain('Certificate is Trusted.');
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('no signature, or no PDF at all, is "not signed" and never an exception', async () => {
    const truncated = Buffer.from(signed).subarray(0, Buffer.from(signed).indexOf('/Contents <') + 40);
    const notPdfs = [
      unsigned,
      new Uint8Array(),
      new Uint8Array(Buffer.from('definitely not a PDF')),
      new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      new Uint8Array(Buffer.from('%PDF-1.3\n1 0 obj << /ByteRange [0 10 20 5] /Contents <3082> >> endobj\n%%EOF')),
      new Uint8Array(truncated),
    ];
    for (const pdf of notPdfs) expect(await signer.verify(pdf)).toEqual({ signed: false });
  });
});

describe('documents Daftar makes', () => {
  it('a second officer countersigns: pdfsig validates both, verify reports the later signer', async () => {
    const dm: SignerIdentity = { name: 'Vaibhav Chaudhary', code: 'IAS-2016-BH', post: 'District Magistrate', reason: 'Approval of EST-12/2026 note 8' };
    const both = await signer.sign(signed, dm);
    const report = await pdfsig(both, trusting);
    expect(report.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(report).toContain('Signer Certificate Common Name: Vaibhav Chaudhary');
    expect(await qpdfCheck(both)).toMatchObject({ ok: true });
    expect(await signer.verify(both)).toMatchObject({
      intact: true, wholeDocument: true, trusted: true,
      signer: { name: 'Vaibhav Chaudhary', code: 'IAS-2016-BH', post: 'District Magistrate' }, reason: dm.reason,
    });
  });

  it('the note sheet from the PDF adapter signs and checks clean', async () => {
    const sheet = await new PdfRenderer(systemClock).noteSheet({
      office: { en: 'Collectorate, Saharsa', hi: 'समाहरणालय, सहरसा' },
      fileNumber: 'EST-12/2026',
      subject: 'कार्यालय भवन की मरम्मत / Repair of office building',
      section: 'स्थापना शाखा / Establishment',
      status: 'Approved / स्वीकृत',
      notes: [{ number: 7, author: 'आनंद शर्मा', post: 'अपर समाहर्ता', at: '25-11-2026 14:05 IST', text: 'प्रस्ताव स्वीकृत।', decision: 'Approved / स्वीकृत' }],
      annexures: [],
      movements: [],
      generatedAt: '25-11-2026 14:05 IST',
    });
    const signedSheet = await signer.sign(sheet, ANAND);
    expect(await pdfsig(signedSheet, trusting)).toContain('Certificate is Trusted.');
    expect(await qpdfCheck(signedSheet)).toMatchObject({ ok: true });
    expect(await signer.verify(signedSheet)).toMatchObject({ intact: true, wholeDocument: true, trusted: true });
  });
});
