// routeCircular runs first for every employee message: one that is not about circulars must cost
// it no storage call at all. The transaction here throws on any use.
import { describe, expect, it } from 'vitest';
import { routeCircular } from '../../bots/commands/circular.ts';
import type { AssistantDeps, CommandContext } from '../../bots/context.ts';
import type { EfileTx } from '../../core/efile/efile-tx.ts';
import type { Employee } from '../../core/types.ts';
import { FakeClock } from '../helpers/clock.ts';

const ddc: Employee = {
  id: 2, code: 'SAH0002', name: 'Rakesh Kumar', dob: '1980-01-15', post: 'उप विकास आयुक्त', postKey: 'DDC', mobile: '9000000002',
  email: null, sectionId: 1, reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false,
};
const clerk: Employee = { ...ddc, id: 20, code: 'SAH0020', post: 'लिपिक', postKey: 'CLERK' };

function context(text: string, extra: Partial<CommandContext['inbound']> = {}): { ctx: CommandContext; calls: string[] } {
  const calls: string[] = [];
  const tx = new Proxy({}, { get: (_t, repo) => { calls.push(String(repo)); throw new Error(`storage touched: ${String(repo)}`); } }) as EfileTx;
  const deps = { clock: new FakeClock() } as unknown as AssistantDeps;
  const ctx = {
    tx, deps, inbound: { channel: 'test', chatId: 'x', messageId: 'm', text, ...extra }, account: { id: 1 }, employee: ddc, lang: 'hi',
    parse: { intent: 'unknown', confidence: 0, entities: {}, alternatives: [], language: 'hi' }, today: '2026-11-25',
  } as unknown as CommandContext;
  return { ctx, calls };
}

describe('routeCircular on messages that are not about circulars', () => {
  const others = [
    'note: put up for orders', 'DDC को भेजें', 'status EST-12/2026', 'स्वीकृत', 'ok', 'ठीक है', 'मेरी फाइलें',
    'msg DDC: सूचना भेज दी है', 'leave 2 days from tomorrow', 'सूचना का अधिकार आवेदन संचिका में रखें', 'circular wali file bhejo',
    'status', 'मदद',
  ];
  for (const text of others) {
    it(`passes "${text}" on without touching storage`, async () => {
      const { ctx, calls } = context(text);
      expect(await routeCircular(ctx, ddc, text)).toBeNull();
      expect(calls).toEqual([]);
    });
  }

  it('passes an upload with an ordinary caption on without touching storage', async () => {
    const { ctx, calls } = context('बिजली विभाग का पत्र', { attachments: [{ filename: 'a.pdf', mime: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70, 45]) }] });
    expect(await routeCircular(ctx, ddc, 'बिजली विभाग का पत्र')).toBeNull();
    expect(calls).toEqual([]);
  });

  it('refuses a circular from a post that may not send one before touching storage', async () => {
    const { ctx, calls } = context('circular to all: x');
    const out = await routeCircular(ctx, clerk, 'circular to all: x');
    expect(out?.replies[0]?.text).toContain('केवल अधिकृत पदाधिकारी');
    expect(calls).toEqual([]);
  });

  it('leaves "circular: …" from someone who cannot send circulars to the rest of the router', async () => {
    const { ctx, calls } = context('सूचना: बिजली का बिल');
    expect(await routeCircular(ctx, clerk, 'सूचना: बिजली का बिल')).toBeNull();
    expect(calls).toEqual([]);
  });
});
