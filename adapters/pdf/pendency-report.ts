// लंबित संचिकाओं का प्रतिवेदन: the Collector's pendency report. The counting is done in the core
// (a million files arrive here as a few hundred rows); this file only lays the rows out: the
// section table, a stacked bar chart of the same figures drawn with pdfkit's own lines and
// rectangles (no chart library, no raster image, so it prints sharp and stays small), the ten
// oldest files, disposals, and the per-employee table last because it runs to many pages.
import type { PendencyReport, PendencyRow } from '../../core/leave/documents.ts';
import type { OfficeFonts } from './fonts.ts';
import type { StatutoryReport, StatutoryRow } from '../../core/deadlines/report.ts';
import { BODY, BOLD_SMALL, finish, MARGIN, footers, indianNumber, newDocument, PageFlow, SMALL, type Column, type Doc } from './layout.ts';
import { drawLine, drawText, layoutText, lineHeight, type Line, type TextStyle } from './text-runs.ts';

export const BUCKETS = ['0–3', '4–7', '8–15', '16–30', '>30'] as const;
/** Green for fresh files through to red for the oldest: the colour says how worried to be. */
const COLOURS = ['#4caf50', '#9ccc65', '#ffca28', '#fb8c00', '#e53935'] as const;

const AGE_NOTE = 'आयु कार्य दिवसों में / Age in working days';

function bucketColumns(first: string): Column[] {
  return [
    { title: first, share: 0.31 },
    ...BUCKETS.map((b) => ({ title: b, share: 0.1, align: 'right' as const })),
    { title: 'योग / Total', share: 0.19, align: 'right' },
  ];
}

function cells(row: PendencyRow): string[] {
  return [row.label, ...row.buckets.map((n) => indianNumber(n)), indianNumber(row.total)];
}

function sumRows(rows: readonly PendencyRow[]): PendencyRow {
  const buckets: PendencyRow['buckets'] = [0, 0, 0, 0, 0];
  let total = 0;
  for (const row of rows) {
    row.buckets.forEach((n, i) => (buckets[i] = (buckets[i] ?? 0) + n));
    total += row.total;
  }
  return { label: 'योग / Total', buckets, total };
}

/** The smallest round axis step (1, 2 or 5 times a power of ten) that covers `max` in at most `ticks` steps. */
export function axisStep(max: number, ticks = 6): number {
  if (max <= ticks) return 1;
  for (let power = 10 ** Math.floor(Math.log10(max / ticks)); ; power *= 10) {
    const step = [1, 2, 5].map((m) => m * power).find((s) => Math.ceil(max / s) <= ticks);
    if (step !== undefined) return Math.max(1, step);
  }
}

/** `text` on one line of at most `width`, cut with an ellipsis when it is longer. */
function oneLine(doc: Doc, fonts: OfficeFonts, text: string, style: TextStyle, width: number): Line | undefined {
  const lines = layoutText(doc, fonts, text, style, width);
  if (lines.length <= 1) return lines[0];
  const cut = layoutText(doc, fonts, text, style, width - style.size)[0];
  const shortened = (cut?.runs ?? []).map((r) => r.text).join('').trimEnd();
  return layoutText(doc, fonts, `${shortened}…`, style, width + style.size)[0];
}

const LEGEND_HEIGHT = lineHeight(SMALL) + 6;
const AXIS_HEIGHT = lineHeight(SMALL) * 2 + 10;
const HEADING_HEIGHT = 40;
/** Distance between bars: as roomy as 14.5 pt, squeezed to 9 pt so that up to ~65 sections fit one page. */
const PITCH = { max: 14.5, min: 9 } as const;

/** The bar pitch that fits `rows` bars under a heading on an empty page, within PITCH. */
function barPitch(page: PageFlow, rows: number): number {
  const room = page.bottom - MARGIN - HEADING_HEIGHT - LEGEND_HEIGHT - AXIS_HEIGHT - 6;
  return Math.min(PITCH.max, Math.max(PITCH.min, room / Math.max(1, rows)));
}

/** The height of the whole chart on one page, to decide where it starts. */
function chartHeight(rows: number, pitch: number): number {
  return LEGEND_HEIGHT + rows * pitch + pitch * 0.3 + AXIS_HEIGHT;
}

/** Stacked horizontal bars, one per section, split by age bucket; continued on new pages as needed. */
function barChart(page: PageFlow, rows: readonly PendencyRow[], pitch: number): void {
  const { doc, fonts, left, width } = page;
  const bar = pitch * 0.7;
  const gap = pitch - bar;
  const labelWidth = 135;
  const x0 = left + labelWidth;
  const plotWidth = width - labelWidth - 36; // room for the total at the end of the longest bar
  const max = Math.max(0, ...rows.map((r) => r.buckets.reduce((a, b) => a + b, 0)));
  const step = axisStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const scale = plotWidth / top;
  let start = 0;
  while (start < rows.length) {
    page.ensure(chartHeight(5, pitch));
    // The legend: a swatch and the bucket for each colour.
    let lx = x0;
    drawText(doc, fonts, AGE_NOTE, { x: left, y: page.y, width: labelWidth - 6, style: { size: 7 } });
    BUCKETS.forEach((bucket, i) => {
      doc.rect(lx, page.y + 3, 9, 9).fillColor(COLOURS[i] ?? 'grey').fill();
      doc.fillColor('black');
      drawText(doc, fonts, bucket, { x: lx + 12, y: page.y, width: 45, style: SMALL });
      lx += 58;
    });
    page.y += LEGEND_HEIGHT;
    const fit = Math.max(5, Math.floor((page.bottom - page.y - AXIS_HEIGHT - gap) / pitch));
    const chunk = rows.slice(start, start + fit);
    const plotTop = page.y;
    const plotBottom = plotTop + chunk.length * pitch + gap;
    // Grid lines and tick labels first, so the bars are drawn over them.
    for (let v = 0; v <= top; v += step) {
      const x = x0 + v * scale;
      doc.moveTo(x, plotTop).lineTo(x, plotBottom).lineWidth(0.3).strokeColor('#c8c8c8').stroke();
      drawText(doc, fonts, indianNumber(v), { x: x - 25, y: plotBottom + 2, width: 50, style: { size: 7 }, align: 'center' });
    }
    chunk.forEach((row, i) => {
      const y = plotTop + gap + i * pitch;
      const label = oneLine(doc, fonts, row.label, { size: 7.5 }, labelWidth - 8);
      if (label !== undefined) drawLine(doc, fonts, label, left, y + bar / 2 - 6, { size: 7.5 }, 'right', labelWidth - 8);
      let x = x0;
      row.buckets.forEach((n, b) => {
        if (n <= 0) return;
        doc.rect(x, y, n * scale, bar).fillColor(COLOURS[b] ?? 'grey').fill();
        x += n * scale;
      });
      doc.fillColor('black');
      drawText(doc, fonts, indianNumber(row.buckets.reduce((a, c) => a + c, 0)), { x: x + 3, y: y + bar / 2 - 5.6, width: 40, style: { size: 7 } });
    });
    // Axes: the value axis along the bottom, the category axis at the left of the plot.
    doc.moveTo(x0, plotTop).lineTo(x0, plotBottom).lineTo(x0 + top * scale, plotBottom).lineWidth(0.8).strokeColor('#333333').stroke();
    drawText(doc, fonts, 'लंबित संचिकाएँ / Pending files', { x: x0, y: plotBottom + lineHeight({ size: 7 }) + 2, width: plotWidth, style: BOLD_SMALL, align: 'center' });
    drawText(doc, fonts, 'शाखा / Section', { x: left, y: plotBottom + 2, width: labelWidth - 8, style: BOLD_SMALL, align: 'right' });
    page.y = plotBottom + AXIS_HEIGHT;
    start += chunk.length;
  }
}

const dmy = (iso: string) => iso.split('-').reverse().join('-');

/** "3 days left" / "due today" / "overdue 2 days", in both languages for the table. */
function leftCell(row: StatutoryRow): string {
  if (row.daysLeft < 0) return `${-row.daysLeft} दिन पार / ${-row.daysLeft} overdue`;
  if (row.daysLeft === 0) return 'आज / today';
  return `${row.daysLeft} दिन / ${row.daysLeft} left`;
}

/** Statutory deadlines: overdue (longest first), due this week (earliest first), and by section. */
function statutorySection(page: PageFlow, report: StatutoryReport): void {
  const t = report.totals;
  page.heading('वैधानिक समय-सीमा / Statutory deadlines');
  page.flow(`कुल ${indianNumber(t.open)}; इस सप्ताह देय ${indianNumber(t.dueThisWeek)}; समय-सीमा पार ${indianNumber(t.overdue)} / `
    + `Open ${indianNumber(t.open)}; due this week ${indianNumber(t.dueThisWeek)}; overdue ${indianNumber(t.overdue)}`, SMALL);
  const columns: Column[] = [
    { title: 'संचिका सं. / File No.', share: 0.23 },
    { title: 'प्रकार / Kind', share: 0.18 },
    { title: 'विषय / Subject', share: 0.17 },
    { title: 'धारक / Held by', share: 0.15 },
    { title: 'अंतिम तिथि / Due', share: 0.12 },
    { title: 'शेष / Left', share: 0.15, align: 'right' },
  ];
  const rowCells = (r: StatutoryRow) => [r.fileNumber, `${r.serious ? '‼ ' : ''}${r.kindHi} / ${r.kindEn}`, r.subject, r.holder, dmy(r.dueDate), leftCell(r)];
  page.heading('समय-सीमा पार / Overdue');
  if (report.overdue.length === 0) page.flow('कोई नहीं / None', SMALL);
  else page.table(columns, report.overdue.map(rowCells), { caption: 'समय-सीमा पार (जारी) / Overdue (contd.)' });
  page.heading('इस सप्ताह देय / Due this week');
  if (report.dueThisWeek.length === 0) page.flow('कोई नहीं / None', SMALL);
  else page.table(columns, report.dueThisWeek.map(rowCells), { caption: 'इस सप्ताह देय (जारी) / Due this week (contd.)' });
  page.heading('शाखावार वैधानिक / Statutory by section');
  page.table(
    [
      { title: 'शाखा / Section', share: 0.46 }, { title: 'लंबित / Open', share: 0.18, align: 'right' },
      { title: 'इस सप्ताह / This week', share: 0.18, align: 'right' }, { title: 'पार / Overdue', share: 0.18, align: 'right' },
    ],
    report.bySection.map((r) => [r.section, indianNumber(r.open), indianNumber(r.dueThisWeek), indianNumber(r.overdue)]),
    { footer: ['योग / Total', indianNumber(t.open), indianNumber(t.dueThisWeek), indianNumber(t.overdue)], zebra: true },
  );
}

export async function renderPendencyReport(fonts: OfficeFonts, created: Date, report: PendencyReport): Promise<Uint8Array> {
  const title = 'लंबित संचिकाओं का प्रतिवेदन / Pendency report';
  const doc = newDocument(fonts, `${title} — ${report.asOn}`, created);
  const page = new PageFlow(doc, fonts, `${title} — ${report.asOn} (contd.)`);

  page.block(`${report.office.hi} / ${report.office.en}`, { size: 15, weight: 'bold' }, 0, 'center');
  page.block(title, { size: 13, weight: 'bold' }, 0, 'center');
  page.block(`दिनांक ${report.asOn} की स्थिति / As on ${report.asOn}`, BODY, 0, 'center');
  page.y += 6;
  page.rule(1.2);
  page.y += 8;
  const t = report.totals;
  page.block(`कुल लंबित संचिकाएँ / Total pending files: ${indianNumber(t.total)}   (${BUCKETS.map((b, i) => `${b}: ${indianNumber(t.buckets[i] ?? 0)}`).join(',  ')})`, BODY);

  page.heading('शाखावार / By section');
  page.flow(AGE_NOTE, SMALL);
  page.table(bucketColumns('शाखा / Section'), report.bySection.map(cells), {
    footer: cells({ ...t, label: 'योग / Total' }), caption: 'शाखावार (जारी) / By section (contd.)',
  });

  // The chart starts on a new page when it would fit whole there but not in what is left of this one.
  const pitch = barPitch(page, report.bySection.length);
  const roomOnAPage = page.bottom - MARGIN - HEADING_HEIGHT;
  page.heading('शाखावार लंबित, आयु अनुसार / Pending by section and age', Math.min(chartHeight(report.bySection.length, pitch), roomOnAPage));
  if (report.bySection.length === 0) page.flow('None / कोई नहीं', SMALL);
  else barChart(page, report.bySection, pitch);

  page.heading('सबसे पुरानी दस संचिकाएँ / Ten oldest files');
  page.table(
    [
      { title: 'संचिका सं. / File No.', share: 0.2 },
      { title: 'विषय / Subject', share: 0.32 },
      { title: 'शाखा / Section', share: 0.17 },
      { title: 'धारक / Held by', share: 0.19 },
      { title: 'दिन / Days', share: 0.12, align: 'right' },
    ],
    report.oldestFiles.slice(0, 10).map((f) => [f.number, f.subject, f.section, f.holder, indianNumber(f.days)]),
  );

  // The report's data carries it (core/pendency/statutory-section.ts); an older caller's may not.
  const statutory = (report as PendencyReport & { statutory?: StatutoryReport }).statutory;
  if (statutory !== undefined) statutorySection(page, statutory);

  page.heading('पिछले 7 दिनों में निष्पादन / Disposals in the last 7 days');
  const disposed = report.disposedLast7Days.reduce((sum, d) => sum + d.count, 0);
  page.table(
    [{ title: 'शाखा / Section', share: 0.7 }, { title: 'निष्पादित / Disposed', share: 0.3, align: 'right' }],
    report.disposedLast7Days.map((d) => [d.label, indianNumber(d.count)]),
    { footer: ['योग / Total', indianNumber(disposed)], zebra: true },
  );

  page.heading('कर्मचारीवार / By employee');
  page.flow(AGE_NOTE, SMALL);
  page.table(bucketColumns('कर्मचारी / Employee'), report.byEmployee.map(cells), {
    footer: cells(sumRows(report.byEmployee)), zebra: true, caption: 'कर्मचारीवार (जारी) / By employee (contd.)',
  });

  footers(doc, fonts, `${title}   ·   ${report.asOn}`);
  return finish(doc);
}
