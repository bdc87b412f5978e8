// The tour diary: what the officer did each day, written by them during or after the tour.
import { recordEvent } from '../audit/record-event.ts';
import type { Clock, Tx } from '../ports.ts';
import type { Employee } from '../types.ts';
import { today } from '../leave/common.ts';
import { done, refuse, type AbsenceResult } from '../leave/failures.ts';
import type { TourDiaryEntry, TourProgramme } from './types.ts';

export async function addDiaryEntry(
  tx: Tx, clock: Clock, options: { actor: Employee; tour: TourProgramme; date: string; text: string },
): Promise<AbsenceResult<TourDiaryEntry>> {
  const { actor, tour, date } = options;
  if (tour.employeeId !== actor.id) return refuse('TOUR.NOT_YOURS', { number: tour.number });
  if (tour.status !== 'approved') return refuse('TOUR.WRONG_STATUS', { number: tour.number, status: tour.status });
  const now = today(clock);
  if (now < tour.startDate) return refuse('TOUR.NOT_STARTED', { number: tour.number, from: tour.startDate });
  // A day not yet lived cannot be written up, nor one outside the programme.
  if (date < tour.startDate || date > tour.endDate || date > now) {
    return refuse('TOUR.DIARY_DATE_OUTSIDE', { number: tour.number, date, from: tour.startDate, to: tour.endDate < now ? tour.endDate : now });
  }
  const text = options.text.trim();
  if (text === '') return refuse('TOUR.EMPTY_DIARY', { number: tour.number });
  const entry = await tx.tours.addDiaryEntry({ tourId: tour.id, date, text, createdAt: clock.now() });
  await recordEvent(tx, clock, { actor: actor.code, type: 'tour.diary', subjectType: 'tour', subjectId: tour.number, data: { date, chars: text.length } });
  return done(entry);
}
