// `daftar training report` on a real SQLite file: counts by section and the names to chase.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createTestStore } from '../helpers/sqlite.ts';
import { seedSmallOffice } from '../helpers/office.ts';
import { FakeClock } from '../helpers/clock.ts';
import { startTraining } from '../../core/training/start-training.ts';
import { recordTrainingStep } from '../../core/training/record-training-step.ts';
import { TRAINING_STEPS } from '../../core/training/types.ts';

async function officeWithTraining(): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const { store, file, cleanup } = await createTestStore();
  const clock = new FakeClock();
  const staff = await seedSmallOffice(store);
  await store.transaction(async (tx) => {
    // The DDC completed it, the clerk is half-way, Priya has not begun, the SO has left the office.
    await startTraining(tx, clock, { employee: staff.ddc });
    for (const step of TRAINING_STEPS) await recordTrainingStep(tx, clock, { employee: staff.ddc, step });
    await startTraining(tx, clock, { employee: staff.clerk });
    await recordTrainingStep(tx, clock, { employee: staff.clerk, step: 'scan' });
    await recordTrainingStep(tx, clock, { employee: staff.clerk, step: 'note' });
    await tx.employees.update(staff.so.id, { active: false });
  });
  await store.close();
  return { file, cleanup };
}

function daftar(file: string, ...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['app/cli/daftar.mjs', 'training', 'report', ...args], {
    env: { ...process.env, DAFTAR_DB_FILE: file, DAFTAR_DEMO: 'false' }, encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('daftar training report', () => {
  it('counts completed, started and not started per section and names those not completed', async () => {
    const { file, cleanup } = await officeWithTraining();
    try {
      const { status, out } = daftar(file);
      expect(status).toBe(0);
      const lines = out.split('\n');
      // EST: clerk (started) and Priya (not started); the inactive SO is not counted. GOP: collector, DDC.
      expect(lines.find((l) => l.endsWith('स्थापना (EST)'))?.trim().split(/\s+/).slice(0, 4)).toEqual(['2', '0', '1', '1']);
      expect(lines.find((l) => l.endsWith('जिला गोपनीय प्रशाखा (GOP)'))?.trim().split(/\s+/).slice(0, 4)).toEqual(['2', '1', '0', '1']);
      expect(lines.find((l) => l.endsWith('Total'))?.trim().split(/\s+/).slice(0, 4)).toEqual(['4', '1', '1', '2']);
      const chase = out.slice(out.indexOf('Not completed:'));
      expect(chase).toContain('SAH0020  मनोज कुमार, लिपिक — started 2026-11-25, 2 of 6 steps done');
      expect(chase).toContain('SAH0021  Priya Singh, Clerk — not started');
      expect(chase).toContain('SAH0001  आनंद शर्मा, जिलाधिकारी — not started');
      expect(chase).not.toContain('Rakesh Kumar');
      expect(out).not.toContain('सुनीता देवी');

      const csv = daftar(file, '--csv');
      expect(csv.status).toBe(0);
      const rows = csv.out.trim().split('\n');
      expect(rows[0]).toBe('section_code,section,employee_code,name,post,status,steps_done,started_on,completed_on');
      expect(rows).toContain('GOP,जिला गोपनीय प्रशाखा,SAH0002,Rakesh Kumar,उप विकास आयुक्त,completed,6,2026-11-25,2026-11-25');
      expect(rows).toContain('EST,स्थापना,SAH0020,मनोज कुमार,लिपिक,started,2,2026-11-25,');
      expect(rows).toContain('EST,स्थापना,SAH0021,Priya Singh,Clerk,not_started,0,,');
      expect(rows).toHaveLength(5);
    } finally {
      await cleanup();
    }
  }, 60_000);
});

describe('daftar training report --csv', () => {
  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const { store, file, cleanup } = await createTestStore();
    try {
      const staff = await seedSmallOffice(store);
      await store.transaction(async (tx) => {
        await tx.employees.update(staff.clerk.id, { name: '=HYPERLINK("http://x","y")' });
        await tx.employees.update(staff.clerkEn.id, { name: '@SUM(1+1)', post: '-2+3' });
        await tx.employees.update(staff.ddc.id, { name: '+91 cmd', post: '\tClerk' });
      });
      await store.close();
      const csv = daftar(file, '--csv');
      expect(csv.status).toBe(0);
      const rows = csv.out.trim().split('\n');
      expect(rows).toContain(`EST,स्थापना,SAH0020,"'=HYPERLINK(""http://x"",""y"")",लिपिक,not_started,0,,`);
      expect(rows).toContain("EST,स्थापना,SAH0021,'@SUM(1+1),'-2+3,not_started,0,,");
      expect(rows).toContain("GOP,जिला गोपनीय प्रशाखा,SAH0002,'+91 cmd,'\tClerk,not_started,0,,");
      // No cell of any row starts a formula.
      expect(rows.flatMap((r) => r.split(',')).filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    } finally {
      await cleanup();
    }
  }, 60_000);
});
