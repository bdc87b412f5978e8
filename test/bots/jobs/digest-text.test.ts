// A digest stays one chat message however much is pending: long lists are cut, with the count said.
import { describe, expect, it } from 'vitest';
import { digestDataOf, digestParams, MAX_OWN_LINES } from '../../../bots/jobs/digest-params.ts';
import { renderNotification } from '../../../bots/messages/notifications.ts';
import type { Digest, DigestItem } from '../../../core/pendency/build-digests.ts';
import type { Employee } from '../../../core/types.ts';

const person = (i: number): Employee => ({
  id: i, code: `SAH${i}`, name: `कर्मचारी संख्या ${i} कुमार सिन्हा`, dob: '1980-01-01', post: 'प्रशाखा पदाधिकारी (स्थापना)', postKey: null, mobile: '9000000000',
  email: null, sectionId: 1, reportingOfficerId: null, active: true, language: 'hi', preferredChannel: null, remindersMuted: false,
});
const item = (i: number): DigestItem => ({
  kind: 'file', number: `EST-${i}/2026`, subject: 'भूमि अधिग्रहण के मुआवज़े के भुगतान हेतु अधियाचना एवं संबंधित पत्राचार का विस्तृत विवरण', holderId: 1,
  since: new Date('2026-01-01'), age: 200 - i, parked: i % 3 === 0, returned: false, fileSectionId: 1, applicantId: null, overdue: true,
});

describe('digest size', () => {
  it('fits one Telegram message (4,096 characters) with 60 own items and 15 team members of 20 each', () => {
    const digest: Digest = {
      employee: person(1),
      own: Array.from({ length: 60 }, (_, i) => item(i)),
      team: Array.from({ length: 15 }, (_, m) => ({ member: person(m + 2), items: Array.from({ length: 20 }, (_, i) => item(i)) })),
    };
    const data = digestDataOf(digest, '2026-11-25');
    expect(data.own).toHaveLength(MAX_OWN_LINES);
    for (const lang of ['hi', 'en'] as const) {
      const { text } = renderNotification({ kind: 'pendency.digest', params: digestParams(data) }, lang);
      expect(text.length, text).toBeLessThan(4096);
      expect(text).toContain(lang === 'hi' ? '…और 45। पूरी सूची' : '…and 45 more. Full list');
      expect(text).toContain(lang === 'hi' ? 'आपकी टीम के पास समय-सीमा पार लंबित: 300' : 'Overdue with your team: 300');
      // Fifteen people overdue, ten listed at most, fewer when the message is full: the rest counted.
      const listed = text.split('\n').filter((l) => l.startsWith('• ')).length;
      expect(listed).toBeGreaterThan(0);
      expect(text).toContain(lang === 'hi' ? `…और ${15 - listed} कर्मी` : `…and ${15 - listed} more people`);
    }
  });
});
