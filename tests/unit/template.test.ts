import { describe, expect, test } from 'vitest';
import { readTemplate } from '../../src/lib/bip/template.ts';
import { bipText, bundledTemplate, check, rulesFrom } from '../helpers.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';

describe('the template drives the schema', () => {
  test('the bundled template names the eight fields and their choice lists', () => {
    const spec = readTemplate(bundledTemplate, DEFAULT_PROFILE);
    expect(spec.fields.map((f) => f.label)).toEqual([
      'BIP',
      'Title',
      'Author',
      'Status',
      'Type',
      'Category',
      'Created',
      'License',
    ]);
    expect(spec.fields.find((f) => f.name === 'type')?.choices).toEqual(['Standards Track', 'Informational', 'Process']);
    expect(spec.fields.find((f) => f.name === 'category')?.choices).toEqual(['Core', 'Process', 'Interface']);
    expect(spec.sections).toContain('Review Process');
  });

  test('removing a type from the template makes BIPs of that type fail', () => {
    const text = bipText({ Type: 'Informational' });
    expect(check(text).messages).toEqual([]);
    const edited = rulesFrom(
      bundledTemplate.replace('[Standards Track | Informational | Process]', '[Standards Track | Process]'),
    );
    expect(check(text, undefined, undefined, edited).messages).toEqual([
      `bip-0005.md:8:11: error: type "Informational" is not one of the template's choices (Standards Track, Process) [type/unlisted]`,
    ]);
  });

  test('adding a category to the template makes it validate without a warning', () => {
    const text = bipText({ Category: 'Security' });
    expect(check(text).messages).toEqual([
      `bip-0005.md:9:15: warning: category "Security" is not one of the template's choices (Core, Process, Interface); it is kept as written [category/unlisted]`,
    ]);
    const edited = rulesFrom(bundledTemplate.replace('[Core | Process | Interface]', '[Core | Process | Interface | Security]'));
    expect(check(text, undefined, undefined, edited).messages).toEqual([]);
  });

  test('a field added to the template is expected in every BIP and kept as a typed field', () => {
    const edited = rulesFrom(bundledTemplate.replace('**License**: MIT', '**License**: MIT\n**Discussion**: [URL]'));
    expect(check(bipText(), undefined, undefined, edited).messages).toEqual([
      'bip-0005.md:3:1: warning: the header has no "Discussion" field [field/missing]',
    ]);
    const withIt = check(bipText({ Discussion: 'https://example.org/1' }), undefined, undefined, edited);
    expect(withIt.messages).toEqual([]);
    expect((withIt.data as Record<string, unknown> | undefined)?.discussion).toBe('https://example.org/1');
    expect(withIt.data?.extra).toEqual([]);
    expect(check(bipText({ Discussion: 'https://example.org/1' })).data?.extra).toEqual([
      { key: 'Discussion', value: 'https://example.org/1' },
    ]);
  });

  test('a choice field removed from the template stops being checked', () => {
    const edited = rulesFrom(bundledTemplate.replace('**Category**: [Core | Process | Interface]\n', ''));
    const r = check(bipText({ Category: 'Anything' }), undefined, undefined, edited);
    expect(r.messages).toEqual([]);
    expect(r.data?.extra).toEqual([{ key: 'Category', value: 'Anything' }]);
  });

  test('a template without a header block is refused with a clear message', () => {
    expect(() => readTemplate('# Template\n\nNo header here.\n', DEFAULT_PROFILE)).toThrow(/no header block/);
  });
});
