// Sections as staff write them, against the demo roll's Hindi section names.
import { describe, expect, it } from 'vitest';
import { matchSection } from '../../../bots/language/match-sections.ts';
import type { Section } from '../../../core/types.ts';

const SECTIONS: Section[] = [
  ['EST', 'स्थापना'], ['ACC', 'लेखा'], ['NAZ', 'नज़ारत'], ['DEV', 'विकास'], ['REV', 'राजस्व'], ['ELE', 'निर्वाचन'],
  ['LAW', 'विधि'], ['DMG', 'आपदा प्रबंधन'], ['GOP', 'जिला गोपनीय प्रशाखा'], ['NIC', 'जिला सूचना विज्ञान केंद्र'],
].map(([code, name], i) => ({ id: i + 1, code: code ?? '', name: name ?? '' }));
const code = (phrase: string) => matchSection(phrase, SECTIONS)?.code ?? null;

describe('matchSection', () => {
  it('matches codes and the roll names with or without शाखा/कोषांग/प्रशाखा and the nukta', () => {
    expect(code('est')).toBe('EST');
    expect(code('स्थापना शाखा')).toBe('EST');
    expect(code('लेखा कोषांग')).toBe('ACC');
    expect(code('नजारत')).toBe('NAZ');
    expect(code('गोपनीय प्रशाखा')).toBe('GOP');
    expect(code('जिला गोपनीय शाखा')).toBe('GOP');
    expect(code('सूचना विज्ञान')).toBe('NIC');
    expect(code('आपदा')).toBe('DMG');
  });

  it('matches English and Roman Hindi names, one letter off included', () => {
    expect(code('establishment section')).toBe('EST');
    expect(code('Establishmant')).toBe('EST');
    expect(code('sthapna shakha')).toBe('EST');
    expect(code('accounts')).toBe('ACC');
    expect(code('Nazarat Section')).toBe('NAZ');
    expect(code('disaster management cell')).toBe('DMG');
    expect(code('election')).toBe('ELE');
  });

  it('matches nothing it does not know, and nothing ambiguous', () => {
    expect(code('भंडार शाखा')).toBeNull();
    expect(code('store section')).toBeNull();
    expect(code('शाखा')).toBeNull();
    expect(matchSection('विकास', [...SECTIONS, { id: 99, code: 'DEV2', name: 'विकास' }])).toBeNull();
  });
});
