// Who has done the training, by section, for the DIO to chase those who have not (active staff only;
// a practice step is never anything else than a row in tx.training, so this reads nothing real).
import type { Tx } from '../ports.ts';
import type { Employee, Section } from '../types.ts';
import { TRAINING_STEPS, type TrainingProgress } from './types.ts';

export type TrainingStatus = 'completed' | 'started' | 'not_started';

export interface TrainingReportRow {
  employee: Employee;
  status: TrainingStatus;
  /** Steps done, of TRAINING_STEPS.length. */
  stepsDone: number;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface TrainingSectionReport {
  section: Section;
  staff: number;
  completed: number;
  started: number;
  notStarted: number;
  /** Everyone in the section, by employee code. */
  rows: TrainingReportRow[];
}

export interface TrainingReport {
  sections: TrainingSectionReport[];
  totals: { staff: number; completed: number; started: number; notStarted: number };
  steps: number;
}

function rowOf(employee: Employee, progress: TrainingProgress | undefined): TrainingReportRow {
  if (progress === undefined) return { employee, status: 'not_started', stepsDone: 0, startedAt: null, completedAt: null };
  const stepsDone = TRAINING_STEPS.filter((s) => progress.steps.includes(s)).length;
  return { employee, status: progress.completedAt !== null ? 'completed' : 'started', stepsDone, startedAt: progress.startedAt, completedAt: progress.completedAt };
}

export async function trainingReport(tx: Tx): Promise<TrainingReport> {
  const sections = await tx.sections.list();
  const staff = await tx.employees.list({ activeOnly: true });
  const progress = await tx.training.list();
  const byEmployee = new Map(progress.map((p) => [p.employeeId, p]));
  const report: TrainingReport = { sections: [], totals: { staff: 0, completed: 0, started: 0, notStarted: 0 }, steps: TRAINING_STEPS.length };
  for (const section of [...sections].sort((a, b) => a.code.localeCompare(b.code))) {
    const rows = staff.filter((e) => e.sectionId === section.id).sort((a, b) => a.code.localeCompare(b.code)).map((e) => rowOf(e, byEmployee.get(e.id)));
    if (rows.length === 0) continue;
    const count = (status: TrainingStatus) => rows.filter((r) => r.status === status).length;
    const entry = { section, staff: rows.length, completed: count('completed'), started: count('started'), notStarted: count('not_started'), rows };
    report.sections.push(entry);
    report.totals.staff += entry.staff;
    report.totals.completed += entry.completed;
    report.totals.started += entry.started;
    report.totals.notStarted += entry.notStarted;
  }
  return report;
}
