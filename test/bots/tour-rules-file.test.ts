// TOUR_RULES_FILE reaches the assistant: an office's own DA rates are the ones a TA claim uses, in a
// chat with the assistant that `daftar start` builds (openDaftar), not one a test wires by hand.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bots/config.ts';
import { openDaftar, type Daftar } from '../../app/main.ts';
import { silentLogger } from '../../bots/log.ts';
import type { Inbound, Reply } from '../../bots/reply.ts';
import { FakeClock } from '../helpers/clock.ts';
import { RecordingChannel } from '../helpers/office.ts';

let daftar: Daftar | null = null;
afterEach(async () => {
  await daftar?.close();
  daftar = null;
});

const joined = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

describe('TOUR_RULES_FILE', () => {
  it('sets the DA rate a TA claim is computed with', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'daftar-tour-rules-'));
    const rules = path.join(dir, 'tour-rules.json');
    // Patna is a class Y city; this office pays ₹777 a day at every level there.
    writeFileSync(rules, JSON.stringify({
      bands: [{ name: 'All levels', minLevel: 1, maxLevel: null, rates: { X: 999, Y: 777, Z: 555 } }],
    }));
    const clock = new FakeClock('2026-11-25T05:30:00.000Z');
    const channel = new RecordingChannel();
    const config = loadConfig({ DAFTAR_DATA_DIR: path.join(dir, 'data'), TOUR_RULES_FILE: rules, WEB_ENABLED: 'false' });
    daftar = await openDaftar(config, { log: silentLogger, clock, senders: [channel], channelOptions: { none: true } });
    const d = daftar;

    // Nikhil Raj (SAH0029, English) and his reporting officer, linked on the test channel.
    const { clerk, officer } = await d.store.transaction(async (tx) => {
      const c = await tx.employees.byCode('SAH0029');
      const o = c?.reportingOfficerId == null ? null : await tx.employees.byId(c.reportingOfficerId);
      if (c === null || o === null) throw new Error('the demo roll has no SAH0029 with a reporting officer');
      for (const e of [c, o]) {
        const account = await tx.accounts.create({ channel: 'test', address: e.code, displayName: e.name });
        await tx.accounts.update(account.id, { employeeId: e.id, linkedAt: clock.now() });
      }
      return { clerk: c, officer: o };
    });
    const say = (who: string, text: string, extra: Partial<Inbound> = {}) =>
      d.assistant.handle({ channel: 'test', chatId: who, messageId: randomUUID(), text, ...extra });
    const deliver = () => d.dispatcher.runOnce();

    await say(clerk.code, 'tour to Patna 26-27 Nov for revenue meeting by bus');
    await say(clerk.code, 'yes');
    await deliver();
    await say(officer.code, 'approved', { replyToMessageId: channel.lastTo(officer.code).messageId });
    clock.advanceMinutes(3 * 24 * 60);
    const claim = joined(await say(clerk.code, 'TA claim 850 bus fare Patna'));
    expect(claim).toMatch(/DA 2 × ₹777\b/);
    expect(claim).not.toMatch(/₹450\b/);
  }, 60_000);
});
