// The tour diary: what the officer did each day, written by them during or after the tour (the
// `keep_diary` row of TOUR_WORKFLOW: their own approved tour, once it has started).
import { recordEvent } from '../audit/record-event.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { today } from '../leave/common.ts';
import { fail, ok, type Result } from '../errors.ts';
import { transition } from '../workflow.ts';
import { TOUR_WORKFLOW } from './tour-workflow.ts';
import type { TourDiaryEntry, TourProgramme } from './types.ts';

export async function addDiaryEntry(
  tx: Tx, clock: Clock, options: { actor: Employee; tour: TourProgramme; date: string; text: string },
): Promise<Result<TourDiaryEntry>> {
  const { actor, tour, date } = options;
  const now = today(clock);
  const step = await transition(tx, TOUR_WORKFLOW, 'keep_diary', { actor, tour, today: now });
  if (!step.ok) return step;
  // A day not yet lived cannot be written up, nor one outside the programme.
  if (date < tour.startDate || date > tour.endDate || date > now) {
    return fail('TOUR.DIARY_DATE_OUTSIDE', { number: tour.number, date, from: tour.startDate, to: tour.endDate < now ? tour.endDate : now });
  }
  const text = options.text.trim();
  if (text === '') return fail('TOUR.EMPTY_DIARY', { number: tour.number });
  const entry = await tx.tours.addDiaryEntry({ tourId: tour.id, date, text, createdAt: clock.now() });
  await recordEvent(tx, clock, { actor: actor.code, type: step.value.event, subjectType: 'tour', subjectId: tour.number, data: { date, chars: text.length } });
  return ok(entry);
}
