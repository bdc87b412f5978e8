import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { hashEvent, recordEvent } from '../../../core/audit/record-event.ts';
import { verifyChain } from '../../../core/audit/verify-chain.ts';
import { FakeClock } from '../../helpers/clock.ts';

async function chainOf(n: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  const clock = new FakeClock();
  for (let i = 1; i <= n; i += 1) {
    await store.transaction((tx) => recordEvent(tx, clock, { actor: 'SAH0001', type: 'test.event', subjectType: 'file', subjectId: i, data: { i, note: 'स्वीकृत' } }));
    clock.advance(1000);
  }
  return store;
}

describe('the audit hash chain', () => {
  it('verifies an untouched chain and counts it', async () => {
    expect(await verifyChain(await chainOf(5))).toEqual({ ok: true, count: 5 });
    expect(await verifyChain(new MemoryStore())).toEqual({ ok: true, count: 0 });
  });

  it('hashes the same content the same whatever the key order', async () => {
    const a = new MemoryStore();
    const b = new MemoryStore();
    const clock = new FakeClock();
    const ea = await a.transaction((tx) => recordEvent(tx, clock, { actor: null, type: 't', data: { x: 1, y: 2 } }));
    const eb = await b.transaction((tx) => recordEvent(tx, clock, { actor: null, type: 't', data: { y: 2, x: 1 } }));
    expect(ea.hash).toBe(eb.hash);
  });

  it('names an edited event', async () => {
    const store = await chainOf(5);
    const row = store.unsafeState().audit[2];
    if (row) row.data = row.data.replace('स्वीकृत', 'अस्वीकृत');
    expect(await verifyChain(store)).toEqual({ ok: false, count: 2, problem: { kind: 'edited', seq: 3 } });
  });

  it('names an event rewritten together with its own hash, by the link its successor holds', async () => {
    const store = await chainOf(5);
    const row = store.unsafeState().audit[1];
    if (row) {
      row.actor = 'SAH0099';
      const { hash: _old, ...rest } = row;
      row.hash = hashEvent(rest);
    }
    expect(await verifyChain(store)).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 2 } });
  });

  it('names a deleted event, events cut off the end, and an event added past the head', async () => {
    const deleted = await chainOf(5);
    deleted.unsafeState().audit.splice(1, 1);
    expect(await verifyChain(deleted)).toMatchObject({ ok: false, problem: { kind: 'missing', seq: 2 } });

    const truncated = await chainOf(5);
    truncated.unsafeState().audit.splice(3, 2);
    expect(await verifyChain(truncated)).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 4 } });

    const extended = await chainOf(3);
    const last = extended.unsafeState().audit[2];
    if (last) {
      // A forger who knows the scheme appends a well-formed event but cannot move the head.
      const forged = { ...last, seq: 4, prevHash: last.hash, type: 'file.approved' };
      extended.unsafeState().audit.push({ ...forged, hash: hashEvent(forged) });
    }
    expect(await verifyChain(extended)).toMatchObject({ ok: false, problem: { kind: 'inserted', seq: 4 } });
  });
});
