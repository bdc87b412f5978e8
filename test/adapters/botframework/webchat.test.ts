// The embedded web chat in real headless Chromium, against the real assistant over a small office:
// the page posts Bot Framework activities to /api/messages and reads the bot's through the server's
// own connector, so this drives the same CloudAdapter path Teams uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { BotFrameworkAdapter } from '../../../adapters/botframework/botframework-adapter.ts';
import { chatAddress } from '../../../adapters/botframework/activities.ts';
import { createChannelHost } from '../../../bots/channel.ts';
import { silentLogger } from '../../../bots/log.ts';
import { Dispatcher } from '../../../bots/outbox/dispatcher.ts';
import { notify } from '../../../core/outbox/notify.ts';
import { findByCode, linkAccount } from '../../../core/staff/link-account.ts';
import { makeOffice, type TestOffice } from '../../helpers/office.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCAN = fileURLToPath(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url));
const SCREENSHOT = '/tmp/daftar-webchat-360.png';

// Chromium is always there: test/helpers/tools-global-setup.ts installs it or stops the run.
describe('local web chat in headless Chromium', () => {
  let office: TestOffice;
  let adapter: BotFrameworkAdapter;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    office = await makeOffice();
    const { store, clock } = office;
    const host = createChannelHost(store, clock, office.assistant, silentLogger);
    adapter = new BotFrameworkAdapter(host, {
      port: 0,
      demoStaff: () => store.transaction(async (tx) => {
        const sections = new Map((await tx.sections.list()).map((s) => [s.id, s.name]));
        return (await tx.employees.list({ activeOnly: true })).map((e) => ({ code: e.code, name: e.name, post: e.post, section: sections.get(e.sectionId) ?? '' }));
      }),
      // What the composition root provides in development with the demo office: link as the console does.
      demoAutoLink: (chatId, code) => store.transaction(async (tx) => {
        const employee = await findByCode(tx, code);
        if (employee === null || !employee.active) return false;
        const account = (await tx.accounts.find('botframework', chatId)) ?? (await tx.accounts.create({ channel: 'botframework', address: chatId, displayName: employee.name }));
        await linkAccount(tx, clock, { account, employee, via: 'console' });
        return true;
      }),
    });
    await adapter.start();
    profile = await mkdtemp(path.join(tmpdir(), 'daftar-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 360, height: 740 },
      acceptDownloads: true,
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await adapter?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const botSays = (page: Page, text: string | RegExp) => page.locator('.msg.bot', { hasText: text }).last();

  it('picks a demo employee, chats, diarises a scan, presses a button and downloads the note sheet', async () => {
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await page.goto(`${adapter.url}/`);

    // The picker lists the office from the host's demoStaff, in Hindi and English.
    await page.locator('#staff button', { hasText: 'सुनीता देवी' }).waitFor();
    // Hindi has a face: the system's, or (on this Debian machine, which has none) the one the server ships.
    expect(await page.evaluate(`document.fonts.check('16px "Daftar Devanagari"', 'डेमो')`)).toBe(true);
    await page.fill('#filter', 'priya');
    await page.locator('#staff button', { hasText: 'Priya Singh' }).click();
    await page.locator('#demo-banner', { hasText: 'Demo mode: linked without OTP' }).waitFor();
    const session = JSON.parse(await page.evaluate<string>(`sessionStorage.getItem('daftar.session')`)) as { conversationId: string; userId: string };
    // The tab's chat: its conversation and the sender the server named for it.
    const chatId = chatAddress(session.conversationId, session.userId);
    const account = await office.store.transaction((tx) => tx.accounts.find('botframework', chatId));
    expect(account?.employeeId).toBe(office.staff.clerkEn.id);

    await page.fill('#text', 'help');
    await page.press('#text', 'Enter');
    await botSays(page, 'Priya Singh, you can:').waitFor();

    // A scan with its caption in the box becomes a receipt with a diary number and next steps.
    await page.fill('#text', 'Flood relief letter from CO Kahara');
    await page.setInputFiles('#file', SCAN);
    await botSays(page, 'SAH/R/2026/000001').waitFor();
    await page.locator('.msg.user', { hasText: 'Flood relief letter from CO Kahara' }).waitFor();

    await page.locator('.msg.bot .actions button', { hasText: 'Put in a new file' }).click();
    // The help text shows an example file number too: wait for the answer to this press.
    const made = await botSays(page, /New file opened: EST-\d+\/2026/).textContent();
    const number = /EST-\d+\/2026/.exec(made ?? '')?.[0];
    expect(number).toBeDefined();

    await page.fill('#text', `file ${number ?? ''}`);
    await page.press('#text', 'Enter');
    const link = page.locator('.msg.bot .file').last();
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/notesheet\.pdf$/);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // A notification reaches the open tab unprompted, and a reply to it is tied to its file.
    await office.store.transaction((tx) => notify(tx, office.clock, {
      employeeId: office.staff.clerkEn.id,
      notification: { kind: 'file.received', params: { number: number ?? '', from: 'सुनीता देवी', fromPost: 'प्रशाखा पदाधिकारी', subject: 'Flood relief' }, subject: { type: 'file', id: number ?? '' } },
    }));
    expect(await new Dispatcher(office.store, office.clock, [adapter], silentLogger).runOnce()).toMatchObject({ delivered: 1 });
    const notice = botSays(page, `File ${number ?? ''} has come to you`);
    await notice.locator('.reply').click();
    await page.fill('#text', 'status');
    await page.press('#text', 'Enter');
    await page.locator('.msg.user', { hasText: 'status' }).locator('.quote', { hasText: `File ${number ?? ''} has come to you` }).waitFor();
    await botSays(page, /→/).waitFor();

    await page.screenshot({ path: SCREENSHOT });
    expect(failures).toEqual([]);
    // Every message the page sent was taken by /api/messages.
    expect(await page.locator('.msg.failed, .msg.pending').count()).toBe(0);

    // A reload replays the conversation from the server's queue, echoes included.
    await page.reload();
    await page.locator('.msg.user .body', { hasText: `file ${number ?? ''}` }).first().waitFor();
    await botSays(page, 'SAH/R/2026/000001').waitFor();
  });

  it('a message whose answer was lost on the way is sent again as the same activity, and acted on once', async () => {
    const page = await context.newPage();
    await page.goto(`${adapter.url}/`);
    await page.locator('#staff button', { hasText: 'Priya Singh' }).click();
    await page.locator('#demo-banner').waitFor();
    const posted: string[] = [];
    // The first post reaches the server, which acts on it; its answer is then lost (as when the
    // connection drops, or the server dies after its commit). The page must try again by itself.
    await page.route('**/api/messages', async (route) => {
      posted.push((JSON.parse(route.request().postData() ?? '{}') as { id: string }).id);
      if (posted.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    const subject = 'Survey report from Amin, Mahishi';
    await page.fill('#text', subject);
    await page.setInputFiles('#file', SCAN);
    await botSays(page, /SAH\/R\/2026\/\d+/).waitFor();
    await expect.poll(() => posted.length, { timeout: 10_000 }).toBe(2);
    expect(new Set(posted).size).toBe(1);
    await expect.poll(() => page.locator('.msg.user.pending, .msg.user.failed').count(), { timeout: 10_000 }).toBe(0);
    const receipts = await office.store.transaction(async (tx) => {
      const found = [];
      for (let n = 1; n <= 5; n++) {
        const r = await tx.receipts.byDiaryNumber(`SAH/R/2026/${String(n).padStart(6, '0')}`);
        if (r?.subject === subject) found.push(r.diaryNumber);
      }
      return found;
    });
    expect(receipts).toHaveLength(1);
  });
});
