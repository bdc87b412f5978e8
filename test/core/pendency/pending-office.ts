// Pending work written straight through the Store, dated by hand, for the pendency tests.
// November 2026: the 1st is a Sunday, so the 14th is the second Saturday (closed), the 21st the
// third (open); the test calendar also lists Monday the 16th (Chhath) as a holiday.
import type { HolidayCalendar } from '../../../core/calendar/holidays.ts';
import type { Store } from '../../../core/ports.ts';
import type { Employee } from '../../../core/types.ts';

export const CALENDAR: HolidayCalendar = { weeklyOff: [0], saturdaysOff: [2], holidays: [{ date: '2026-11-16', name: 'छठ पूजा / Chhath' }] };
export const POLICY = { calendar: CALENDAR, slaFilesDays: 7, slaAbsenceDays: 2 };

/** 11:30 IST on the day. */
export const on = (day: string): Date => new Date(`${day}T06:00:00.000Z`);

export class PendingWriter {
  private serial = 0;

  constructor(private readonly store: Store) {}

  async file(holder: Employee, number: string, day: string, options: { status?: 'open' | 'parked' | 'closed'; subject?: string; createdBy?: Employee } = {}) {
    return this.store.transaction(async (tx) => tx.files.create({
      fileNumber: number, sectionId: holder.sectionId, year: 2026, serial: ++this.serial, subject: options.subject ?? `Subject of ${number}`,
      createdById: (options.createdBy ?? holder).id, holderId: holder.id, status: options.status ?? 'open', createdAt: on(day), movedAt: on(day), closedRemark: null,
    }));
  }

  async receipt(holder: Employee, number: string, day: string, subject = `Letter ${number}`) {
    return this.store.transaction(async (tx) => tx.receipts.create({
      diaryNumber: number, year: 2026, serial: ++this.serial, subject, fromWhom: 'DM office', receivedOn: day, createdById: holder.id,
      holderId: holder.id, fileId: null, pdfBlob: 'a'.repeat(64), pages: 1, status: 'open', createdAt: on(day), movedAt: on(day),
    }));
  }

  async leave(applicant: Employee, holder: Employee, number: string, day: string, status: 'pending' | 'returned' = 'pending') {
    return this.store.transaction(async (tx) => tx.leave.create({
      number, employeeId: applicant.id, type: 'CL', startDate: '2026-12-01', endDate: '2026-12-02', halfDay: null, days: 2, reason: 'family',
      chargeToId: null, sanctionerId: holder.id, holderId: holder.id, status, remark: null, createdAt: on(day), decidedAt: null, movedAt: on(day),
    }));
  }

  async tour(applicant: Employee, holder: Employee, number: string, day: string) {
    return this.store.transaction(async (tx) => tx.tours.create({
      number, employeeId: applicant.id, destinations: ['Simri Bakhtiyarpur'], startDate: '2026-12-03', endDate: '2026-12-03', purpose: 'inspection',
      travelMode: null, chargeToId: null, sanctionerId: holder.id, holderId: holder.id, status: 'pending', remark: null, createdAt: on(day), decidedAt: null, movedAt: on(day),
    }));
  }

  async mute(employee: Employee) {
    return this.store.transaction(async (tx) => tx.employees.update(employee.id, { remindersMuted: true }));
  }
}
