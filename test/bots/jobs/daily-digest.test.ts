// The morning run over the assistant's test office: what arrives in each language, once per day
// however often (or however far) the run gets, and nothing on a closed day or a dry run.
import { beforeEach, describe, expect, it } from 'vitest';
import { runDailyDigest, type DigestJobDeps } from '../../../bots/jobs/daily-digest.ts';
import { makeOffice, type TestOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { PendingWriter, POLICY } from '../../core/pendency/pending-office.ts';

const DAY = '2026-11-25';

async function outboxKinds(office: TestOffice): Promise<Map<number, string[]>> {
  // Every queued notification is due now, so `due` lists the whole outbox.
  const items = await office.store.transaction((tx) => tx.outbox.due(new Date('2100-01-01'), 10_000));
  const by = new Map<number, string[]>();
  for (const item of items) {
    const kind = (JSON.parse(item.payload) as { kind: string }).kind;
    by.set(item.employeeId ?? -1, [...(by.get(item.employeeId ?? -1) ?? []), kind]);
  }
  return by;
}

describe('runDailyDigest', () => {
  let office: TestOffice;
  let deps: DigestJobDeps;

  beforeEach(async () => {
    office = await makeOffice({ clock: new FakeClock('2026-11-25T04:30:00.000Z') });
    await office.linkAll();
    const { so, clerk, clerkEn } = office.staff;
    const w = new PendingWriter(office.store);
    await w.file(clerk, 'EST-1/2026', '2026-11-13', { subject: 'भूमि अधिग्रहण — मुआवज़ा' });
    await w.receipt(clerk, 'SAH/R/2026/000007', '2026-11-24', 'आरटीआई आवेदन');
    await w.file(clerkEn, 'EST-2/2026', '2026-11-23', { status: 'parked', subject: 'Court case 12/2026' });
    await w.leave(clerk, so, 'LV/2026/000001', '2026-11-20');
    deps = { store: office.store, clock: office.clock, policy: POLICY, reportRecipients: [office.staff.collector.code] };
  });

  it('lets chat messages in while it runs, instead of holding the thread until it is done', async () => {
    const answered: string[] = [];
    let finished = false;
    const run = runDailyDigest(deps, { day: DAY, dryRun: false }).then(() => { finished = true; });
    // A message arriving now (a timer is how the next network event gets its turn).
    setTimeout(() => void office.text(office.staff.clerk.code, 'help').then((text) => { answered.push(finished ? 'after' : 'during'); return text; }), 0);
    await run;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toEqual(['during']);
  });

  it('sends each digest in the recipient\'s language, and the report note to the Collector', async () => {
    const result = await runDailyDigest(deps, { day: DAY, dryRun: false });
    expect(result).toMatchObject({ ran: true, resumed: false, sent: 5, alreadySent: 0 });
    await office.deliver();
    const { ddc, so, clerk, clerkEn, collector } = office.staff;

    const clerkText = office.channel.lastTo(clerk.code).reply.text;
    expect(clerkText).toContain('25-11-2026 — आपके पास लंबित: 2 (1 समय-सीमा पार)');
    expect(clerkText).toMatch(/1\. संचिका EST-1\/2026 — भूमि अधिग्रहण — मुआवज़ा — 8 कार्य दिवस \(⚠ समय-सीमा पार\)\n2\. प्राप्ति SAH\/R\/2026\/000007 — आरटीआई आवेदन — 1 कार्य दिवस/);

    const english = office.channel.lastTo(clerkEn.code).reply.text;
    expect(english).toContain('pending with you: 1, oldest first:');
    expect(english).toContain('1. File EST-2/2026 — Court case 12/2026 — 2 working days (parked)');
    expect(english).toContain('To stop these morning reminders, send: reminders off');

    const soText = office.channel.lastTo(so.code).reply.text;
    expect(soText).toContain('अवकाश आवेदन LV/2026/000001');
    expect(soText).toContain(`आपकी टीम के पास समय-सीमा पार लंबित: 1\n• ${clerk.name} (${clerk.post}): 1\n   – संचिका EST-1/2026`);
    expect(office.channel.lastTo(ddc.code).reply.text).toContain(`• ${so.name} (${so.post}): 1`);

    const collectorText = office.channel.lastTo(collector.code).reply.text;
    expect(collectorText).toContain('25-11-2026 का लंबित प्रतिवेदन तैयार है: 3 लंबित संचिकाएँ/प्राप्तियाँ');
    expect(collectorText).toContain('लंबित प्रतिवेदन');
    const run = await office.store.transaction((tx) => tx.jobs.find('pendency-digest', DAY));
    expect(run).toMatchObject({ status: 'done', sent: 4 });
  });

  it('sends nothing the second time the same day', async () => {
    await runDailyDigest(deps, { day: DAY, dryRun: false });
    const again = await runDailyDigest(deps, { day: DAY, dryRun: false });
    expect(again).toMatchObject({ resumed: true, sent: 0, alreadySent: 5 });
    const kinds = await outboxKinds(office);
    for (const [, list] of kinds) expect(list.filter((k) => k === 'pendency.digest').length).toBeLessThanOrEqual(1);
    expect([...kinds.values()].flat().filter((k) => k === 'pendency.digest')).toHaveLength(4);
  });

  it('finishes a run that stopped half way, each recipient exactly once', async () => {
    let sends = 0;
    const crashing: DigestJobDeps = { ...deps, afterSend: () => { if (++sends === 2) throw new Error('power cut'); } };
    await expect(runDailyDigest(crashing, { day: DAY, dryRun: false })).rejects.toThrow('power cut');
    expect((await office.store.transaction((tx) => tx.jobs.find('pendency-digest', DAY)))?.status).toBe('running');
    const resumed = await runDailyDigest(deps, { day: DAY, dryRun: false });
    expect(resumed).toMatchObject({ resumed: true, sent: 3, alreadySent: 2 });
    const kinds = await outboxKinds(office);
    const { ddc, so, clerk, clerkEn, collector } = office.staff;
    expect(Object.fromEntries([...kinds].map(([id, list]) => [id, list.sort()]))).toEqual({
      [ddc.id]: ['pendency.digest'], [so.id]: ['pendency.digest'], [clerk.id]: ['pendency.digest'], [clerkEn.id]: ['pendency.digest'],
      [collector.id]: ['pendency.report_ready'],
    });
    expect((await office.store.transaction((tx) => tx.jobs.find('pendency-digest', DAY)))?.status).toBe('done');
  });

  it('skips a closed day, and a dry run writes nothing', async () => {
    expect(await runDailyDigest(deps, { day: '2026-11-29', dryRun: false })).toEqual({ day: '2026-11-29', ran: false, reason: 'closed' });
    expect(await runDailyDigest(deps, { day: '2026-11-16', dryRun: false })).toMatchObject({ ran: false });
    const dry = await runDailyDigest(deps, { day: DAY, dryRun: true });
    if (!dry.ran) throw new Error('a working day');
    expect(dry.digests.map((d) => d.employee.code)).toEqual([office.staff.ddc.code, office.staff.so.code, office.staff.clerk.code, office.staff.clerkEn.code]);
    expect(dry.report.recipients.map((e) => e.code)).toEqual([office.staff.collector.code]);
    expect(await office.store.transaction((tx) => tx.outbox.pendingCount())).toBe(0);
    expect(await office.store.transaction((tx) => tx.jobs.find('pendency-digest', DAY))).toBeNull();
  });

  it('leaves out a muted employee but still tells their officer', async () => {
    await new PendingWriter(office.store).mute(office.staff.clerk);
    const dry = await runDailyDigest(deps, { day: DAY, dryRun: true });
    if (!dry.ran) throw new Error('a working day');
    expect(dry.digests.map((d) => d.employee.code)).not.toContain(office.staff.clerk.code);
    expect(dry.digests.find((d) => d.employee.id === office.staff.so.id)?.data.team.map((t) => t.name)).toEqual([office.staff.clerk.name]);
  });
});
