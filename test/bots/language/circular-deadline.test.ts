// The acknowledgement deadline at the end of a circular, in English and Hindi, India time.
import { describe, expect, it } from 'vitest';
import { splitDeadline } from '../../../bots/language/circular-deadline.ts';

// 11:00 IST on 25-11-2026.
const NOW = new Date('2026-11-25T05:30:00.000Z');
const ist = (text: string) => {
  const split = splitDeadline(text, NOW);
  if (!split.ok) throw new Error(`not read: ${split.given}`);
  return { text: split.text, at: split.ackBy === null ? null : new Date(split.ackBy.getTime() + 330 * 60_000).toISOString().slice(0, 16) };
};

describe('splitDeadline', () => {
  it('reads the English forms', () => {
    expect(ist('Meeting at 11 ack by 17:00')).toEqual({ text: 'Meeting at 11', at: '2026-11-25T17:00' });
    expect(ist('Meeting at 11, ack by 5 pm')).toEqual({ text: 'Meeting at 11', at: '2026-11-25T17:00' });
    expect(ist('Meeting (ack by 27-11-2026 17:30)')).toEqual({ text: 'Meeting', at: '2026-11-27T17:30' });
    expect(ist('Meeting ack by tomorrow 10:00')).toEqual({ text: 'Meeting', at: '2026-11-26T10:00' });
    expect(ist('Meeting ack by 27-11-2026')).toEqual({ text: 'Meeting', at: '2026-11-27T17:00' });
    // A bare afternoon hour; a time already gone today means tomorrow.
    expect(ist('Meeting ack by 4')).toEqual({ text: 'Meeting', at: '2026-11-25T16:00' });
    expect(ist('Meeting ack by 10:30')).toEqual({ text: 'Meeting', at: '2026-11-26T10:30' });
  });

  it('reads the Hindi forms', () => {
    expect(ist('कल बैठक है देखा: शाम 5 बजे तक')).toEqual({ text: 'कल बैठक है', at: '2026-11-25T17:00' });
    expect(ist('कल बैठक है। देखा: कल सुबह 10 बजे तक')).toEqual({ text: 'कल बैठक है।', at: '2026-11-26T10:00' });
    expect(ist('बैठक देखा: 27-11-2026 11:30 बजे तक')).toEqual({ text: 'बैठक', at: '2026-11-27T11:30' });
  });

  it('leaves a circular without a deadline as it is', () => {
    expect(ist('Acknowledge receipt of the letter by hand')).toEqual({ text: 'Acknowledge receipt of the letter by hand', at: null });
    expect(ist('मैंने फाइल देखा है')).toEqual({ text: 'मैंने फाइल देखा है', at: null });
  });

  it('says back a deadline it cannot read instead of guessing', () => {
    expect(splitDeadline('Meeting ack by evening', NOW)).toEqual({ ok: false, given: 'ack by evening' });
    expect(splitDeadline('Meeting ack by 25:00', NOW)).toEqual({ ok: false, given: 'ack by 25:00' });
    expect(splitDeadline('Meeting ack by 31-02-2026 10:00', NOW)).toMatchObject({ ok: false });
    expect(splitDeadline('बैठक देखा: शाम तक', NOW)).toMatchObject({ ok: false });
  });
});
