// The pendency report, judged by qpdf and poppler: read back with its layout kept, every row of
// every table carries the figures it was given, the totals are the input's, and a report of 45
// sections and hundreds of employees runs over pages.
import { describe, expect, it } from 'vitest';
import { axisStep } from '../../../adapters/pdf/pendency-report.ts';
import { PdfRenderer } from '../../../adapters/pdf/pdf-renderer.ts';
import type { PendencyReport, PendencyRow } from '../../../core/leave/documents.ts';
import { FakeClock } from '../../helpers/clock.ts';
import { pdfPages, pdfText, qpdfCheck } from '../../helpers/pdf-tools.ts';

const renderer = new PdfRenderer(new FakeClock());

/** Counts that differ from row to row and bucket to bucket, some of them zero, some in thousands. */
function row(label: string, seed: number): PendencyRow {
  const buckets = [0, 1, 2, 3, 4].map((b) => ((seed * 37 + b * 11) % 23) * (b === 0 && seed % 9 === 0 ? 100 : 1)) as PendencyRow['buckets'];
  return { label, buckets, total: buckets.reduce((a, n) => a + n, 0) };
}

function sum(rows: readonly PendencyRow[], label: string): PendencyRow {
  const buckets = [0, 1, 2, 3, 4].map((b) => rows.reduce((a, r) => a + (r.buckets[b] ?? 0), 0)) as PendencyRow['buckets'];
  return { label, buckets, total: rows.reduce((a, r) => a + r.total, 0) };
}

function report(sections: number, employees: number): PendencyReport {
  const bySection = Array.from({ length: sections }, (_, i) => row(`Section ${i + 1} / शाखा ${i + 1}`, i + 1));
  return {
    office: { hi: 'समाहरणालय, सहरसा', en: 'Collectorate, Saharsa' },
    asOn: '25-11-2026',
    bySection,
    byEmployee: Array.from({ length: employees }, (_, i) => row(`कर्मचारी ${i + 1} / Employee ${i + 1}`, i + 5)),
    oldestFiles: Array.from({ length: 10 }, (_, i) => ({
      number: `REV-${i + 1}/2024`, subject: `भूमि विवाद ${i + 1} / Land dispute`, holder: 'Rakesh Kumar', section: 'राजस्व / Revenue', days: 412 - 9 * i,
    })),
    disposedLast7Days: bySection.map((s, i) => ({ label: s.label, count: (i * 7) % 17 })),
    totals: sum(bySection, 'Total'),
  };
}

const numbers = (cells: string) => cells.trim().split(/\s+/).map((n) => Number(n.replace(/,/g, '')));

/** Rows of a table read with -layout: the label, then exactly `count` figures, on one line. */
function tableRows(text: string, label: RegExp, count: number): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  const figures = `((?:\\s+[\\d,]+){${count}})\\s*$`;
  for (const line of text.split('\n')) {
    const match = new RegExp(`(${label.source})${figures}`).exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) rows.set(match[1], numbers(match[2]));
  }
  return rows;
}

/** The text between two headings (the first heading after `from`). */
function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  expect(start, from).toBeGreaterThanOrEqual(0);
  expect(end, to).toBeGreaterThan(start);
  return text.slice(start, end);
}

describe('pendencyReport', () => {
  it('runs 45 sections and 300 employees over checked pages, every figure and total as given', async () => {
    const input = report(45, 300);
    const pdf = await renderer.pendencyReport(input);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    const pages = await pdfPages(pdf);
    expect(pages).toBeGreaterThan(5);
    const text = await pdfText(pdf, { layout: true });
    const flat = text.replace(/\s+/g, ' ');
    for (const phrase of [
      'समाहरणालय, सहरसा / Collectorate, Saharsa', 'लंबित संचिकाओं का प्रतिवेदन / Pendency report', 'As on 25-11-2026',
      'शाखावार / By section', 'आयु कार्य दिवसों में / Age in working days', 'सबसे पुरानी दस संचिकाएँ / Ten oldest files',
      'पिछले 7 दिनों में निष्पादन / Disposals in the last 7 days', 'कर्मचारीवार / By employee', 'कर्मचारीवार (जारी) / By employee (contd.)',
      `Page ${pages} of ${pages}`,
    ]) {
      expect(flat, phrase).toContain(phrase);
    }
    const t = input.totals;
    expect(flat).toContain(`Total pending files: ${t.total.toLocaleString('en-IN')}`);

    // Section table: every section's five buckets and total, then the totals row equal to the input's.
    const sectionTable = between(text, 'शाखावार / By section', 'शाखावार लंबित, आयु अनुसार');
    const sections = tableRows(sectionTable, /Section \d+ \/ शाखा \d+/, 6);
    expect(sections.size).toBe(45);
    for (const s of input.bySection) expect(sections.get(s.label), s.label).toEqual([...s.buckets, s.total]);
    expect(tableRows(sectionTable, /योग \/ Total/, 6).get('योग / Total')).toEqual([...t.buckets, t.total]);
    expect(t.total).toBe(input.bySection.reduce((a, s) => a + s.total, 0));

    // The chart labels every bar with its section and the bar's length in files.
    const chart = between(text, 'शाखावार लंबित, आयु अनुसार', 'सबसे पुरानी दस संचिकाएँ');
    for (const phrase of ['0–3', '4–7', '8–15', '16–30', '>30', 'लंबित संचिकाएँ / Pending files', 'शाखा / Section']) expect(chart, phrase).toContain(phrase);
    const bars = tableRows(chart, /Section \d+ \/ शाखा \d+/, 1);
    expect(bars.size).toBe(45);
    for (const s of input.bySection) expect(bars.get(s.label), s.label).toEqual([s.total]);

    // Ten oldest files, each on its row with its days in the last column.
    const oldest = between(text, 'सबसे पुरानी दस संचिकाएँ', 'पिछले 7 दिनों में निष्पादन');
    const found = input.oldestFiles.map((f) => oldest.split('\n').find((l) => l.includes(f.number + ' ')));
    found.forEach((line, i) => expect(line, input.oldestFiles[i]!.number).toMatch(new RegExp(`\\s${input.oldestFiles[i]!.days}\\s*$`)));

    // Disposals per section and their sum.
    const disposals = between(text, 'पिछले 7 दिनों में निष्पादन', 'कर्मचारीवार / By employee');
    const disposed = tableRows(disposals, /Section \d+ \/ शाखा \d+/, 1);
    expect(disposed.size).toBe(45);
    for (const d of input.disposedLast7Days) expect(disposed.get(d.label), d.label).toEqual([d.count]);
    const disposedTotal = input.disposedLast7Days.reduce((a, d) => a + d.count, 0);
    expect(tableRows(disposals, /योग \/ Total/, 1).get('योग / Total')).toEqual([disposedTotal]);

    // Employee table: all 300 rows over the pages, and a totals row that adds them up.
    const employeeTable = text.slice(text.indexOf('कर्मचारीवार / By employee'));
    const employees = tableRows(employeeTable, /Employee \d+/, 6);
    expect(employees.size).toBe(300);
    for (const e of input.byEmployee) expect(employees.get(e.label.split(' / ')[1]!), e.label).toEqual([...e.buckets, e.total]);
    const employeeSum = sum(input.byEmployee, '');
    expect(tableRows(employeeTable, /योग \/ Total/, 6).get('योग / Total')).toEqual([...employeeSum.buckets, employeeSum.total]);
  });

  it('renders 40 sections and 2,000 employee rows quickly', async () => {
    const input = report(40, 2000);
    await renderer.pendencyReport(report(3, 3)); // fonts opened and shaped once, as in a running office
    const started = performance.now();
    const pdf = await renderer.pendencyReport(input);
    const ms = performance.now() - started;
    console.info(`pendencyReport: 40 sections, 2,000 employees → ${await pdfPages(pdf)} pages, ${(pdf.length / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10_000);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    const employees = tableRows(await pdfText(pdf, { layout: true }), /Employee \d+/, 6);
    expect(employees.size).toBe(2000);
  });

  it('says so when nothing is pending, and still checks', async () => {
    const empty: PendencyReport = { ...report(0, 0), oldestFiles: [], disposedLast7Days: [], totals: { label: 'Total', buckets: [0, 0, 0, 0, 0], total: 0 } };
    const pdf = await renderer.pendencyReport(empty);
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    expect(await pdfPages(pdf)).toBe(1);
    const text = await pdfText(pdf);
    expect(text).toContain('Total pending files: 0');
    expect(text.match(/None \/ कोई नहीं/g)?.length).toBe(5);
  });

  it('picks round axis steps that cover the longest bar in at most six', () => {
    expect([0, 5, 7, 12, 106, 999, 98_765].map((max) => axisStep(max))).toEqual([1, 1, 2, 2, 20, 200, 20_000]);
  });
});
