// The web chat page in real headless Chromium, against the real assistant and the outbox dispatcher
// (issue 18, items 3, 4 and 5): every message keeps its buttons until used or offered again;
// notifications reach an open page at once, also for someone who has only picked their name; emoji
// are drawn, so no character on the page is the empty box of a missing glyph; and the picker finds
// people by English and Hindi post names, short forms, codes and names in either script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { BotFrameworkAdapter, type DemoEmployee } from '../../../adapters/botframework/botframework-adapter.ts';
import { createChannelHost } from '../../../bots/channel.ts';
import { silentLogger } from '../../../bots/log.ts';
import { Dispatcher } from '../../../bots/outbox/dispatcher.ts';
import { notify } from '../../../core/outbox/notify.ts';
import { findByCode, linkAccount } from '../../../core/staff/link-account.ts';
import type { Employee } from '../../../core/types.ts';
import { makeOffice, type TestOffice } from '../../helpers/office.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCAN = fileURLToPath(new URL('../../fixtures/images/scan-portrait.jpg', import.meta.url));
const ROLL = fileURLToPath(new URL('../../../prisma/demo/saharsa-roll.csv', import.meta.url));

let office: TestOffice;
let adapter: BotFrameworkAdapter;
let dispatcher: Dispatcher;
let context: BrowserContext;
let profile: string;

async function serve(demoStaff: () => Promise<DemoEmployee[]>): Promise<BotFrameworkAdapter> {
  const { store, clock } = office;
  const server = new BotFrameworkAdapter(createChannelHost(store, clock, office.assistant, silentLogger), {
    port: 0,
    demoStaff,
    demoAutoLink: (chatId, code) => store.transaction(async (tx) => {
      const employee = await findByCode(tx, code);
      if (employee === null || !employee.active) return false;
      const account = (await tx.accounts.find('botframework', chatId)) ?? (await tx.accounts.create({ channel: 'botframework', address: chatId, displayName: employee.name }));
      await linkAccount(tx, clock, { account, employee, via: 'console' });
      return true;
    }),
  });
  await server.start();
  return server;
}

beforeAll(async () => {
  office = await makeOffice();
  const { store } = office;
  adapter = await serve(() => store.transaction(async (tx) => {
    const sections = new Map((await tx.sections.list()).map((s) => [s.id, s.name]));
    return (await tx.employees.list({ activeOnly: true })).map((e) => ({ code: e.code, name: e.name, post: e.post, section: sections.get(e.sectionId) ?? '' }));
  }));
  dispatcher = new Dispatcher(store, office.clock, [adapter], silentLogger);
  profile = await mkdtemp(path.join(tmpdir(), 'daftar-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 360, height: 740 },
  });
}, 60_000);

afterAll(async () => {
  await dispatcher?.stop();
  await context?.close();
  await adapter?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

const botSays = (page: Page, text: string | RegExp) => page.locator('.msg.bot', { hasText: text }).last();

async function pickAs(name: string, server = adapter): Promise<Page> {
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`${server.url}/`);
  await page.fill('#filter', name);
  await page.locator('#staff button', { hasText: name }).first().click();
  await page.locator('#demo-banner').waitFor();
  (page as Page & { failures?: string[] }).failures = failures;
  return page;
}

const message = (to: Employee, text: string) => office.store.transaction((tx) => notify(tx, office.clock, {
  employeeId: to.id, notification: { kind: 'message.direct', params: { from: 'आनंद शर्मा', fromPost: 'जिलाधिकारी', text } },
}));

describe('buttons of every message', () => {
  it('stay usable after later messages, are spent once pressed, and give way to the same offer made again', async () => {
    const page = await pickAs('Priya Singh');
    // A scan without a caption: the receipt with its buttons, then the question for its subject.
    await page.setInputFiles('#file', SCAN);
    const diarised = botSays(page, /Receipt diarised: SAH\/R\/2026\/\d+/);
    await diarised.waitFor();
    await botSays(page, /Send the letter's subject/).waitFor();
    await page.fill('#text', 'Flood relief letter from CO Kahara');
    await page.press('#text', 'Enter');
    await botSays(page, 'Subject recorded').waitFor();
    // Two answers later, the receipt's buttons are still there and still work.
    const newFile = diarised.locator('.actions button', { hasText: 'Put in a new file' });
    expect(await newFile.isEnabled()).toBe(true);
    await newFile.click();
    const made = await botSays(page, /New file opened: EST-\d+\/2026/).textContent();
    const number = /EST-\d+\/2026/.exec(made ?? '')?.[0] ?? '';
    expect(number).not.toBe('');
    // Used: that message's buttons are spent, the pressed one shown as the choice.
    expect(await diarised.locator('.actions button:enabled').count()).toBe(0);
    expect(await diarised.locator('.actions button.chosen').textContent()).toContain('Put in a new file');

    // The same command offered again: the older button is out of date, the newer one works.
    for (let i = 0; i < 2; i++) {
      await page.fill('#text', `status ${number}`);
      await page.press('#text', 'Enter');
      await expect.poll(() => page.locator('.msg.bot', { hasText: `File ${number} —` }).count()).toBe(i + 1);
    }
    const statuses = page.locator('.msg.bot', { hasText: `File ${number} —` });
    expect(await statuses.nth(0).locator('.actions button', { hasText: 'Note sheet PDF' }).isDisabled()).toBe(true);
    expect(await statuses.nth(1).locator('.actions button', { hasText: 'Note sheet PDF' }).isEnabled()).toBe(true);

    // A reload replays the conversation with the same state of every button.
    await page.reload();
    const again = botSays(page, /Receipt diarised: SAH\/R\/2026\/\d+/);
    await again.waitFor();
    await expect.poll(() => again.locator('.actions button.chosen').count()).toBe(1);
    expect(await again.locator('.actions button:enabled').count()).toBe(0);
    await expect.poll(() => page.locator('.msg.bot', { hasText: `File ${number} —` }).nth(1).locator('.actions button:enabled').count()).toBe(1);
    expect((page as Page & { failures?: string[] }).failures).toEqual([]);
  });
});

describe('notifications on an open page', () => {
  it('reach someone who has only picked their name, at once, without their typing', async () => {
    const page = await pickAs('सुनीता देवी');
    // Give the page a moment to announce itself; nothing is typed.
    await expect.poll(() => office.store.transaction(async (tx) =>
      (await tx.accounts.byEmployee(office.staff.so.id)).some((a) => a.channel === 'botframework' && a.conversationRef !== null))).toBe(true);
    await message(office.staff.so, 'बैठक 11 बजे');
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 1, waiting: 0 });
    await botSays(page, 'बैठक 11 बजे').waitFor({ timeout: 5_000 });
  });

  it('queued before the page was opened, reach it as soon as the person is picked (not a minute later)', async () => {
    await message(office.staff.ddc, 'Survey report is ready');
    // Nobody to deliver to yet: it waits.
    expect(await dispatcher.runOnce()).toMatchObject({ delivered: 0, waiting: 1 });
    dispatcher.start(200);
    // The office clock does not move: only being picked can bring it now.
    const page = await pickAs('Rakesh Kumar');
    await botSays(page, 'Survey report is ready').waitFor({ timeout: 5_000 });
  });
});

/**
 * Characters on the page drawn as the missing-glyph box: each non-ASCII character of the chat is
 * drawn on a canvas in its element's font and compared with a code point no font has.
 */
const BOXES = `(() => {
  const canvas = document.createElement('canvas');
  canvas.width = 48; canvas.height = 48;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const draw = (ch, font) => {
    ctx.clearRect(0, 0, 48, 48);
    ctx.font = font; ctx.fillStyle = '#000'; ctx.textBaseline = 'top';
    ctx.fillText(ch, 4, 4);
    return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
  };
  const boxes = new Set();
  const walker = document.createTreeWalker(document.getElementById('log'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const style = getComputedStyle(node.parentElement);
    const font = style.fontWeight + ' 32px ' + style.fontFamily;
    const missing = draw('\\u{10FFFD}', font);
    for (const ch of node.textContent) {
      if (ch.codePointAt(0) < 0x80 || /\\s/.test(ch)) continue;
      if (draw(ch, font) === missing) boxes.add(ch);
    }
  }
  return [...boxes];
})()`;

describe('emoji without an emoji font', () => {
  it('draws the icons, so nothing on the page is an empty box', async () => {
    // This machine has no emoji font (Debian with DejaVu and Liberation only).
    const page = await pickAs('मनोज कुमार');
    await message(office.staff.clerk, '📁 संचिका · 🎓 training · 🔔 notice · ✍️ signed · ✅ 📨 🗓️ 🚗 💰 📢 ⏰ 🎉 📄 ⚠ 👍 ✓ ✔ ❌');
    await dispatcher.runOnce();
    const shown = botSays(page, 'training');
    await shown.waitFor({ timeout: 5_000 });
    await page.evaluate('document.fonts.ready');
    expect(await page.evaluate(BOXES)).toEqual([]);
    for (const name of ['folder', 'cap', 'bell', 'pen', 'checkbox', 'mail']) expect(await shown.locator(`svg.icon-${name}`).count(), name).toBeGreaterThan(0);
    // Icons say what they are to a screen reader.
    expect(await shown.locator('svg.icon-folder').first().getAttribute('aria-label')).toBe('file · संचिका');
    // The page's own controls too (the reply arrow), and an answer after it.
    expect(await shown.locator('.reply svg.icon-reply').count()).toBe(1);
    await page.fill('#text', 'file EST-999/2026');
    await page.press('#text', 'Enter');
    await botSays(page, 'EST-999/2026').waitFor();
    expect(await page.evaluate(BOXES)).toEqual([]);
  });
});

/** The demo roll, as the composition root gives it to the picker (code, name, post, section). */
async function demoRoll(): Promise<DemoEmployee[]> {
  const lines = (await readFile(ROLL, 'utf8')).trim().split('\n').slice(1);
  return lines.map((line) => line.split(',')).map((c) => ({ code: c[2] ?? '', name: c[1] ?? '', post: c[4] ?? '', section: c[7] ?? '' }));
}

describe('the demo picker', () => {
  it('finds people by English and Hindi post names, short forms, codes, and names in either script', async () => {
    const roll = await demoRoll();
    const server = await serve(async () => roll);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.locator('#staff button').first().waitFor();
      const found = async (query: string) => {
        await page.fill('#filter', query);
        return page.locator('#staff button .name').allTextContents();
      };
      expect(await found('')).toHaveLength(roll.length);
      expect(await found('DDC')).toEqual(['राजेश कुमार सिंह']);
      expect(await found('deputy development')).toEqual(['राजेश कुमार सिंह']);
      expect(await found('उप विकास आयुक्त')).toEqual(['राजेश कुमार सिंह']);
      // Every clerk, however the roll writes the post: लिपिक, सहायक, Dealing Assistant, Head Clerk, प्रधान लिपिक.
      const clerks = roll.filter((e) => ['लिपिक', 'सहायक', 'Dealing Assistant', 'प्रधान लिपिक', 'Head Clerk'].includes(e.post)).map((e) => e.name);
      expect(clerks.length).toBeGreaterThanOrEqual(17);
      expect(await found('clerk')).toEqual(expect.arrayContaining(clerks));
      // In Hindi, the English-written posts are found too.
      expect(await found('लिपिक')).toEqual(expect.arrayContaining(roll.filter((e) => ['Dealing Assistant', 'Head Clerk'].includes(e.post)).map((e) => e.name)));
      expect(await found('section officer')).toHaveLength(roll.filter((e) => e.post === 'प्रशाखा पदाधिकारी').length);
      expect(await found('SAH0027')).toEqual([roll.find((e) => e.code === 'SAH0027')?.name]);
      expect(await found('sah0002')).toEqual(['राजेश कुमार सिंह']);
      // Names across scripts.
      expect(await found('sunita')).toEqual(expect.arrayContaining(['सुनीता देवी']));
      expect(await found('rajesh singh')).toEqual(['राजेश कुमार सिंह']);
      expect(await found('नोबडी')).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
