// The real WhatsApp Web client: Chromium driven by whatsapp-web.js, its session kept on disk so a
// restart does not need a new QR scan.
import path from 'node:path';
import wwebjs from 'whatsapp-web.js';
import type { WhatsAppClientLike } from './client-like.ts';

export interface WhatsAppClientOptions {
  /** The app's data directory; the session goes in <dataDir>/whatsapp. */
  dataDir: string;
  executablePath?: string;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function createWhatsAppClient(options: WhatsAppClientOptions): WhatsAppClientLike {
  return new wwebjs.Client({
    authStrategy: new wwebjs.LocalAuth({ dataPath: path.join(options.dataDir, 'whatsapp') }),
    puppeteer: {
      executablePath: options.executablePath ?? DEFAULT_CHROMIUM,
      headless: true,
      // Servers and containers usually run as root, where Chromium's sandbox cannot start;
      // /dev/shm is small in containers, so shared memory goes to /tmp instead.
      args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage'],
    },
  });
}
