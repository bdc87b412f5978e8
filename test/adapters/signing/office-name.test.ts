// The office CA and the signers it vouches for carry the office's own name (OFFICE_NAME_EN), not the
// demo office's: a Purnia collectorate's signatures say Purnia (issue 17: office facts in one place).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caOrganization, loadOrCreateOfficeCa } from '../../../adapters/signing/office-ca.ts';
import { PdfSigner } from '../../../adapters/signing/pdf-signer.ts';
import { nssDatabase, pdfsig } from '../../helpers/nss.ts';
import { smallPdf } from './small-pdf.ts';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

describe('the office CA named after the office', () => {
  it('names the CA and each signer after OFFICE_NAME_EN, and pdfsig shows it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'daftar-ca-'));
    dirs.push(dir);
    const { authority, created } = await loadOrCreateOfficeCa(dir, new Date(), 'Collectorate, Purnia');
    expect(created).toBe(true);
    expect(authority.certificate.subject.getField('O')?.value).toBe('Collectorate, Purnia');
    expect(authority.certificate.subject.getField('CN')?.value).toBe('Daftar Office CA - Collectorate, Purnia');
    const signed = await new PdfSigner({ authority, clock: { now: () => new Date() } }).sign(await smallPdf(), { name: 'Asha Rani', code: 'PUR0002', post: 'DDC', reason: 'approved' });
    const nss = await nssDatabase([authority.certificatePem]);
    try {
      const report = await pdfsig(signed, nss);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Certificate Validation: Certificate is Trusted.');
      expect(report).toContain('Signer Certificate Common Name: Asha Rani');
      expect(report).toContain('Signer full Distinguished Name: C=IN,O="Collectorate, Purnia",title=DDC,serialNumber=PUR0002,CN=Asha Rani');
    } finally {
      await nss.dispose();
    }
    // Made once: a later start with another name keeps the CA every signature names.
    const again = await loadOrCreateOfficeCa(dir, new Date(), 'Somewhere Else');
    expect(again.created).toBe(false);
    expect(again.authority.certificate.subject.getField('O')?.value).toBe('Collectorate, Purnia');
  });

  it('keeps a CA name in plain ASCII, as the signing library needs', () => {
    expect(caOrganization('Collectorate – Saharsa')).toBe('Collectorate - Saharsa');
    expect(caOrganization('समाहरणालय, सहरसा')).toBe('Collectorate Saharsa');
    expect(caOrganization('Samaharnalaya, Saharsā')).toBe('Samaharnalaya, Saharsa');
  });
});
