// The command families compose without two of them claiming the same button, question or intent,
// and every understood intent has somewhere to go.
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../bots/language/intents.ts';
import { FAMILIES, ROUTES } from '../../bots/router.ts';
import { compose, type CommandFamily } from '../../bots/routing/family.ts';

/** Answered before the families (the door: anyone may ask) or by a phase that reads the words itself. */
const ANSWERED_ELSEWHERE = new Set(['help', 'link', 'otp', 'training', 'circular', 'ack', 'verify', 'report']);

describe('command families', () => {
  it('refuses two families claiming the same button verb', () => {
    const a: CommandFamily = { name: 'a', takes: '', buttons: { '/x.go': async () => null } };
    const b: CommandFamily = { name: 'b', takes: '', buttons: { '/x.go': async () => null } };
    expect(() => compose([a, b])).toThrow('button /x.go is claimed by both a and b');
  });

  it('refuses two families claiming the same intent or question', () => {
    const a: CommandFamily = { name: 'a', takes: '', intents: { note: async () => ({ replies: [] }) } };
    const b: CommandFamily = { name: 'b', takes: '', intents: { note: async () => ({ replies: [] }) } };
    expect(() => compose([a, b])).toThrow('intent note');
    const c: CommandFamily = { name: 'c', takes: '', answers: { forward: async () => null } };
    expect(() => compose([c, { ...c, name: 'd' }])).toThrow('answer forward');
  });

  it('finds a button by its exact verb before a family\'s verb prefix', async () => {
    const seen: string[] = [];
    const routes = compose([
      { name: 'p', takes: '', buttons: { '/x.': async (_c, _m, _a, verb) => { seen.push(`prefix ${verb}`); return null; } } },
      { name: 'e', takes: '', buttons: { '/x.exact': async () => { seen.push('exact'); return null; } } },
    ]);
    await routes.button('/x.exact')?.({} as never, {} as never, [], '/x.exact');
    await routes.button('/x.other')?.({} as never, {} as never, [], '/x.other');
    expect(seen).toEqual(['exact', 'prefix /x.other']);
    expect(routes.button('/y.other')).toBeNull();
  });

  it('gives every intent the language model knows one place to go', () => {
    const unrouted = INTENTS.filter((i) => !ANSWERED_ELSEWHERE.has(i) && ROUTES.intent(i) === null);
    expect(unrouted).toEqual([]);
    for (const family of FAMILIES) expect(family.takes.length, family.name).toBeGreaterThan(10);
  });

  it('answers every question the chat can be asked', () => {
    const kinds = ['receipt.subject', 'receipt.attach', 'forward', 'file.return', 'decision', 'sign.consent', 'sign.otp',
      'leave.confirm', 'leave.reason', 'circular', 'letter', 'tour.confirm'] as const;
    expect(kinds.filter((k) => ROUTES.answer(k) === null)).toEqual([]);
  });
});
