// The training record in core: started once, steps counted once, completed (and audited) once,
// and the report's counts per section.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../core/store/memory-store.ts';
import { startTraining } from '../../../core/training/start-training.ts';
import { recordTrainingStep } from '../../../core/training/record-training-step.ts';
import { trainingReport } from '../../../core/training/training-report.ts';
import { TRAINING_STEPS } from '../../../core/training/types.ts';
import { seedSmallOffice } from '../../helpers/office.ts';
import { FakeClock } from '../../helpers/clock.ts';

async function office() {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const staff = await seedSmallOffice(store);
  const run = <T>(work: Parameters<typeof store.transaction<T>>[0]) => store.transaction(work);
  const events = () => run(async (tx) => (await tx.audit.page(1, 1000)).map((e) => `${e.type} ${e.subjectId}`));
  return { store, clock, staff, run, events };
}

describe('training progress', () => {
  it('starts once: a second start resumes the same progress without another audit event', async () => {
    const o = await office();
    const first = await o.run((tx) => startTraining(tx, o.clock, { employee: o.staff.clerk }));
    expect(first.firstTime).toBe(true);
    o.clock.advanceMinutes(10);
    const again = await o.run((tx) => startTraining(tx, o.clock, { employee: o.staff.clerk }));
    expect(again.firstTime).toBe(false);
    expect(again.progress.startedAt).toEqual(first.progress.startedAt);
    expect(await o.events()).toEqual(['training.started SAH0020']);
  });

  it('a step before starting is refused with TRAINING.NOT_STARTED and writes nothing', async () => {
    const o = await office();
    const result = await o.run((tx) => recordTrainingStep(tx, o.clock, { employee: o.staff.clerk, step: 'scan' }));
    expect(result).toEqual({ ok: false, failure: { code: 'TRAINING.NOT_STARTED', params: {} } });
    expect(await o.run((tx) => tx.training.list())).toEqual([]);
  });

  it('counts each step once, in the order done, and completes on the last one with one audit event', async () => {
    const o = await office();
    await o.run((tx) => startTraining(tx, o.clock, { employee: o.staff.clerk }));
    const order = ['note', 'scan', 'scan', 'move', 'leave', 'approve'] as const;
    for (const step of order) {
      const r = await o.run((tx) => recordTrainingStep(tx, o.clock, { employee: o.staff.clerk, step }));
      expect(r.ok && r.value.justCompleted).toBe(false);
    }
    o.clock.advanceMinutes(5);
    const last = await o.run((tx) => recordTrainingStep(tx, o.clock, { employee: o.staff.clerk, step: 'sign' }));
    expect(last.ok && last.value.justCompleted).toBe(true);
    const progress = await o.run((tx) => tx.training.get(o.staff.clerk.id));
    expect(progress?.steps).toEqual(['note', 'scan', 'move', 'leave', 'approve', 'sign']);
    expect(progress?.completedAt).toEqual(o.clock.now());
    // Practising again after completing changes nothing.
    const again = await o.run((tx) => recordTrainingStep(tx, o.clock, { employee: o.staff.clerk, step: 'sign' }));
    expect(again.ok && again.value.justCompleted).toBe(false);
    expect(await o.events()).toEqual(['training.started SAH0020', 'training.completed SAH0020']);
  });

  it('reports per section the staff, completed, started and not started, active staff only', async () => {
    const o = await office();
    await o.run(async (tx) => {
      await startTraining(tx, o.clock, { employee: o.staff.so });
      for (const step of TRAINING_STEPS) await recordTrainingStep(tx, o.clock, { employee: o.staff.so, step });
      await startTraining(tx, o.clock, { employee: o.staff.clerkEn });
      await tx.employees.update(o.staff.collector.id, { active: false });
    });
    const report = await o.run((tx) => trainingReport(tx));
    const counts = report.sections.map((s) => [s.section.code, s.staff, s.completed, s.started, s.notStarted]);
    expect(counts).toEqual([['EST', 3, 1, 1, 1], ['GOP', 1, 0, 0, 1]]);
    expect(report.totals).toEqual({ staff: 4, completed: 1, started: 1, notStarted: 2 });
    const est = report.sections[0]?.rows.map((r) => [r.employee.code, r.status, r.stepsDone]);
    expect(est).toEqual([['SAH0010', 'completed', 6], ['SAH0020', 'not_started', 0], ['SAH0021', 'started', 0]]);
  });
});
