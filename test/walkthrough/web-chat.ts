// The local web chat page driven the way a person uses it: pick a name in the demo picker, type and
// press Enter, attach a scan with the 📎 button, press a message's buttons, download a PDF, reply to
// a message with its Reply button. Nothing reaches the server except through the page.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** A label exactly (an icon drawn before it aside): "स्वीकृत" is not "अस्वीकृत". */
export const exactly = (label: string) => new RegExp(`^[^\\p{L}\\p{N}]*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'u');

export const CHROMIUM = '/usr/bin/chromium';

/** Screenshots of each step and the PDFs downloaded go under here (data/ is not tracked). */
export const OUTPUT = path.join(process.cwd(), 'data', 'test-output');

export async function launchChromium(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 420, height: 860 },
  });
}

/** One browser tab, chatting as one demo employee. */
export class WebChat {
  /** Errors thrown by the page's own script (there should be none). */
  readonly pageErrors: string[] = [];
  private shots = 0;

  private constructor(readonly page: Page, readonly who: string, private readonly shotsDir: string) {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  /** Opens the page, searches the picker for `query` and picks the one person it finds. */
  static async pick(context: BrowserContext, url: string, query: string, shotsDir: string): Promise<WebChat> {
    const page = await context.newPage();
    const chat = new WebChat(page, query, shotsDir);
    await page.goto(url);
    await page.fill('#filter', query);
    const found = page.locator('#staff button');
    await found.first().waitFor();
    if ((await found.count()) !== 1) throw new Error(`the picker found ${await found.count()} people for ${query}`);
    await found.first().click();
    await page.locator('#demo-banner').waitFor();
    return chat;
  }

  /** Every bot message on the page. */
  get botMessages(): Locator {
    return this.page.locator('.msg.bot');
  }

  /** The last bot message showing `text`. */
  bot(text: string | RegExp): Locator {
    return this.page.locator('.msg.bot', { hasText: text }).last();
  }

  /** How many bot messages the page shows now (to wait for the ones after it). */
  async count(): Promise<number> {
    return this.botMessages.count();
  }

  /** The text of bot messages from index `from` on, joined. */
  async textsFrom(from: number): Promise<string> {
    const all = await this.botMessages.allInnerTexts();
    return all.slice(from).join('\n---\n');
  }

  /**
   * Waits for a bot message after index `from` that shows `text`, and returns it. On timeout the
   * error names what the page showed instead.
   */
  async waitForBot(text: string | RegExp, from: number, timeoutMs = 20_000): Promise<Locator> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const all = await this.botMessages.allInnerTexts();
      const index = all.findIndex((t, i) => i >= from && (typeof text === 'string' ? t.includes(text) : text.test(t)));
      if (index >= 0) return this.botMessages.nth(index);
      if (Date.now() > deadline) {
        throw new Error(`${this.who}: no message showing ${String(text)} came; the page showed:\n${all.slice(from).join('\n---\n') || '(nothing new)'}`);
      }
      await this.page.waitForTimeout(100);
    }
  }

  /** Types `text` and presses Enter; waits for the reply that shows `expect` and returns it. */
  async say(text: string, expect: string | RegExp): Promise<Locator> {
    const from = await this.count();
    await this.page.fill('#text', text);
    await this.page.press('#text', 'Enter');
    return this.waitForBot(expect, from);
  }

  /** Types and sends, waiting only for the page to have posted it; returns the bot count before. */
  async send(text: string): Promise<number> {
    const from = await this.count();
    await this.page.fill('#text', text);
    await this.page.press('#text', 'Enter');
    await this.page.locator('.msg.user.pending').waitFor({ state: 'detached' });
    return from;
  }

  /** Attaches a file with the 📎 button (the file input behind it). */
  async attach(file: string, expect: string | RegExp): Promise<Locator> {
    const from = await this.count();
    await this.page.setInputFiles('#file', file);
    return this.waitForBot(expect, from);
  }

  /** Presses the button labelled `label` (exactly, if a string) on `message`; waits for the answer showing `expect`. */
  async press(message: Locator, label: string | RegExp, expect: string | RegExp): Promise<Locator> {
    const button = message.locator('.actions button', { hasText: typeof label === 'string' ? exactly(label) : label });
    if (!(await button.isEnabled())) throw new Error(`${this.who}: the button ${String(label)} is not usable`);
    const from = await this.count();
    await button.click();
    return this.waitForBot(expect, from);
  }

  /** Presses Reply on `message`, types `text`, sends; waits for the answer showing `expect`. */
  async reply(message: Locator, text: string, expect: string | RegExp): Promise<Locator> {
    await message.locator('button.reply').click();
    await this.page.locator('#replying').waitFor();
    return this.say(text, expect);
  }

  /** Clicks the download button on `message` and returns the file's name and bytes (a copy is kept beside the screenshots). */
  async download(message: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), message.locator('button.file').click()]);
    const name = download.suggestedFilename();
    await mkdir(this.shotsDir, { recursive: true });
    await download.saveAs(path.join(this.shotsDir, `${this.who}-${path.basename(name)}`));
    return { name, bytes: await readFile(await download.path()) };
  }

  async screenshot(step: string): Promise<void> {
    await mkdir(this.shotsDir, { recursive: true });
    this.shots += 1;
    const name = `${this.who}-${String(this.shots).padStart(2, '0')}-${step.replace(/[^A-Za-z0-9]+/g, '-')}.png`;
    await this.page.screenshot({ path: path.join(this.shotsDir, name), fullPage: false });
  }
}
