// Issue 18, item 8: `find sonbarsa` finds the letter whose subject was written in Devanagari, and
// `find सोनबरसा` the one written in Roman letters, through the assistant as a user types it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeOffice } from '../helpers/office.ts';

const scan = { filename: 'scan.jpg', mime: 'image/jpeg', bytes: readFileSync(new URL('../fixtures/images/scan-portrait.jpg', import.meta.url)) };

describe('find, across scripts', () => {
  it('finds by a Roman word what is written in Devanagari, and the other way round', async () => {
    const o = await makeOffice();
    await o.linkAll();
    await o.say('SAH0021', 'भूमि अधिग्रहण — अंचल अधिकारी सोनबरसा का पत्र', { attachments: [scan] });
    await o.say('SAH0021', 'Flood relief list from BDO Mahishi', { attachments: [scan] });
    const roman = await o.text('SAH0021', 'find sonbarsa');
    expect(roman).toContain('SAH/R/2026/000001 — भूमि अधिग्रहण — अंचल अधिकारी सोनबरसा का पत्र');
    expect(roman).not.toContain('SAH/R/2026/000002');
    const devanagari = await o.text('SAH0021', 'find महिषी');
    expect(devanagari).toContain('SAH/R/2026/000002 — Flood relief list from BDO Mahishi');
    expect(devanagari).not.toContain('SAH/R/2026/000001');
    // Both words must match, each in either script.
    expect(await o.text('SAH0021', 'find bhumi sonbarsa')).toContain('SAH/R/2026/000001');
    expect(await o.text('SAH0021', 'find sonbarsa mahishi')).toMatch(/Nothing found/);
  });
});
