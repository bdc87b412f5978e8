import { describe, expect, it } from 'vitest';
import { canonicalPost, POSTS } from '../../../bots/language/index.ts';

describe('canonicalPost', () => {
  it('reads the DDC in every register', () => {
    for (const p of ['DDC', 'ddc', 'D.D.C.', 'उप विकास आयुक्त', 'up vikas ayukt', 'Up Vikas Aayukt', 'डीडीसी',
      'Deputy Development Commissioner', 'DDC sahab', 'up vikas aayuktt']) {
      expect(canonicalPost(p), p).toBe('DDC');
    }
  });
  it('reads the Collector, ADM, SDO and others', () => {
    expect(canonicalPost('जिलाधिकारी')).toBe('COLLECTOR');
    expect(canonicalPost('समाहर्ता')).toBe('COLLECTOR');
    expect(canonicalPost('DM sir')).toBe('COLLECTOR');
    expect(canonicalPost('अपर समाहर्ता')).toBe('ADM');
    expect(canonicalPost('Addl. Collector')).toBe('ADM');
    expect(canonicalPost('अनुमंडल पदाधिकारी')).toBe('SDO');
    expect(canonicalPost('जिला सूचना विज्ञान पदाधिकारी')).toBe('DIO');
    expect(canonicalPost('प्रशाखा पदाधिकारी')).toBe('SO');
    expect(canonicalPost('bada babu')).toBe('HEAD_CLERK');
    expect(canonicalPost('लेखापाल')).toBe('ACCOUNTANT');
    expect(canonicalPost('नाज़िर')).toBe('NAZIR');
    expect(canonicalPost('Data Entry Operator')).toBe('DEO');
    expect(canonicalPost('dealing assistant')).toBe('CLERK');
  });
  it('tells the deputy collectors apart', () => {
    expect(canonicalPost('उप समाहर्ता')).toBe('DC');
    expect(canonicalPost('स्थापना उप समाहर्ता')).toBe('EST_DC');
    expect(canonicalPost('Deputy Collector (Establishment)')).toBe('EST_DC');
    expect(canonicalPost('Senior Deputy Collector')).toBe('SDC');
    expect(canonicalPost('भूमि सुधार उप समाहर्ता')).toBe('DCLR');
  });
  it('reads the post column of a staff roll (place, section, plural)', () => {
    expect(canonicalPost('Deputy Development Commissioner, Saharsa')).toBe('DDC');
    expect(canonicalPost('SDO, Sadar')).toBe('SDO');
    expect(canonicalPost('प्रधान लिपिक, स्थापना शाखा')).toBe('HEAD_CLERK');
    expect(canonicalPost('SDOs')).toBe('SDO');
    expect(canonicalPost('सभी अनुमंडल पदाधिकारियों')).toBe('SDO');
  });
  it('returns null for what is not a post', () => {
    expect(canonicalPost('Amit Anand')).toBeNull();
    expect(canonicalPost('establishment section')).toBeNull();
    expect(canonicalPost('')).toBeNull();
    expect(canonicalPost('Rakesh babu')).toBeNull();
  });
  it('covers a collectorate with English and Hindi titles', () => {
    for (const key of ['COLLECTOR', 'DDC', 'ADM', 'DIO', 'SDO', 'DC', 'EST_DC', 'DPRO', 'DPO', 'SO', 'HEAD_CLERK',
      'CLERK', 'DEO', 'OS', 'NAZIR', 'ACCOUNTANT']) {
      const post = POSTS[key];
      expect(post, key).toBeDefined();
      expect(post?.en.length).toBeGreaterThan(1);
      expect(post?.hi).toMatch(/[\u0900-\u097F]/);
    }
    // every alias reads back as its own post
    for (const [key, post] of Object.entries(POSTS)) {
      for (const alias of [post.hi, ...post.aliases]) expect(canonicalPost(alias), alias).toBe(key);
    }
  });
});
