// The eSign settings, checked once when the ASP is built, with one message saying what to fix.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { SigningSetupError } from '../office-ca.ts';
import type { EsignSettings } from './types.ts';

/** The settings checked once, with errors that say what to fix; the ASP key as PEM. */
export function checkSettings(settings: EsignSettings): string {
  const problems: string[] = [];
  if (settings.aspId.trim() === '') problems.push('the ASP id is empty');
  for (const [name, value] of [['ESP request URL', settings.espRequestUrl], ['ESP authentication URL', settings.espAuthUrl], ['response URL', settings.responseUrl]] as const) {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      problems.push(`the ${name} is not a URL`);
    }
    if (url !== null && url.protocol !== 'https:' && !(settings.allowInsecureUrls === true && url.protocol === 'http:')) {
      problems.push(`the ${name} must be https`);
    }
  }
  if (settings.espCertificatesPem.length === 0) problems.push('no ESP certificate to check responses with');
  for (const pem of settings.espCertificatesPem) {
    try {
      new X509Certificate(pem);
    } catch {
      problems.push('an ESP certificate is not a PEM certificate');
    }
  }
  try {
    const key = createPrivateKey(settings.aspKeyPem);
    if (!new X509Certificate(settings.aspCertificatePem).checkPrivateKey(key)) problems.push('the ASP key does not belong to the ASP certificate');
  } catch {
    problems.push('the ASP key or certificate cannot be read (PEM, unencrypted key)');
  }
  if (problems.length > 0) throw new SigningSetupError(`eSign is not set up right: ${problems.join('; ')}.`);
  return settings.aspKeyPem;
}
