// `daftar training report [--csv]`: who has completed the training walkthrough, by section — staff,
// completed, started but not completed, not started — then, section by section, the names of those
// not completed, for the DIO to chase. `--csv` gives one line per active employee instead.
import type { Clock } from '../../core/ports.ts';
import { istDate, systemClock } from '../../core/time.ts';
import { trainingReport, type TrainingReport, type TrainingStatus } from '../../core/training/training-report.ts';
import { openStore } from '../../adapters/storage/open-store.ts';
import type { Config } from '../../bots/config.ts';
import { silentLogger } from '../../bots/log.ts';
import { seedDemoOffice } from '../demo.ts';
import { csvText } from './csv.ts';

export async function runTrainingReport(config: Config, options: { csv?: boolean }, out: NodeJS.WritableStream, clock: Clock = systemClock): Promise<number> {
  const store = await openStore(config.database);
  try {
    if (config.demo) await seedDemoOffice(store, clock, silentLogger);
    const report = await store.transaction((tx) => trainingReport(tx));
    out.write(options.csv === true ? trainingCsv(report) : trainingText(report, istDate(clock.now())));
    return 0;
  } finally {
    await store.close();
  }
}

const STATUS_WORDS: Record<TrainingStatus, string> = { completed: 'completed', started: 'started, not completed', not_started: 'not started' };
const day = (d: Date | null) => (d === null ? '' : istDate(d));

export function trainingText(report: TrainingReport, asOn: string): string {
  const label = (name: string, code: string) => `${name} (${code})`;
  // Numbers first and the section name last: Hindi names take no fixed width in a terminal.
  const num = (n: number, w: number) => String(n).padStart(w);
  const line = (name: string, staff: number, completed: number, started: number, notStarted: number) =>
    `${num(staff, 5)}  ${num(completed, 9)}  ${num(started, 22)}  ${num(notStarted, 11)}  ${name}`;
  const lines = [
    `Training (प्रशिक्षण) as on ${asOn} — active staff, by section`,
    `${'Staff'.padStart(5)}  ${'Completed'.padStart(9)}  ${'Started, not completed'.padStart(22)}  ${'Not started'.padStart(11)}  Section`,
    ...report.sections.map((s) => line(label(s.section.name, s.section.code), s.staff, s.completed, s.started, s.notStarted)),
    line('Total', report.totals.staff, report.totals.completed, report.totals.started, report.totals.notStarted),
  ];
  const behind = report.sections.filter((s) => s.completed < s.staff);
  if (behind.length === 0) {
    lines.push('', report.totals.staff === 0 ? 'No active staff on the roll.' : 'Everyone has completed the training.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('', 'Not completed:');
  for (const s of behind) {
    lines.push(label(s.section.name, s.section.code));
    for (const r of s.rows.filter((row) => row.status !== 'completed')) {
      const detail = r.status === 'started' ? `started ${day(r.startedAt)}, ${r.stepsDone} of ${report.steps} steps done` : STATUS_WORDS[r.status];
      lines.push(`  ${r.employee.code}  ${r.employee.name}, ${r.employee.post} — ${detail}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function trainingCsv(report: TrainingReport): string {
  const rows = [['section_code', 'section', 'employee_code', 'name', 'post', 'status', 'steps_done', 'started_on', 'completed_on']];
  for (const s of report.sections) {
    for (const r of s.rows) {
      rows.push([s.section.code, s.section.name, r.employee.code, r.employee.name, r.employee.post, r.status, String(r.stepsDone), day(r.startedAt), day(r.completedAt)]);
    }
  }
  return csvText(rows);
}
