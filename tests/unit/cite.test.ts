import { describe, expect, test } from 'vitest';
import { citation, type CiteInput } from '../../src/lib/cite.ts';

const base: CiteInput = {
  key: 'bip-8',
  label: 'BIP-8',
  number: 8,
  title: 'Receipt Archives',
  authors: [{ name: 'Model-L (Lab Lambda)' }, { name: 'Robin Example' }],
  created: '2025-01-12',
  registry: 'Example Registry',
  genre: 'Improvement Proposal',
  url: 'https://r.example.org/bip-8/',
};

describe('citations', () => {
  test('plain text names authors, title, registry, number and month', () => {
    expect(citation(base).text).toBe(
      'Model-L (Lab Lambda) and Robin Example. "BIP-8: Receipt Archives." Example Registry, no. 8, January 2025. https://r.example.org/bip-8/',
    );
    const three = citation({ ...base, authors: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }).text;
    expect(three.startsWith('A, B, and C. ')).toBe(true);
  });

  test('BibTeX keeps names whole, escapes special characters and uses the month macro', () => {
    const bib = citation({ ...base, title: 'Fees & 100% {braces} under_score' }).bibtex;
    expect(bib).toContain('@misc{bip-8,');
    expect(bib).toContain('  author = {{Model-L (Lab Lambda)} and {Robin Example}},');
    expect(bib).toContain('  title = {{BIP-8: Fees \\& 100\\% \\{braces\\} under\\_score}},');
    expect(bib).toContain('  month = jan,');
    expect(bib).toContain('  year = {2025},');
    expect(bib.split('\n').at(-1)).toBe('}');
  });

  test('CSL-JSON is a list of one report with date parts', () => {
    expect(citation(base).csl).toEqual([
      {
        id: 'bip-8',
        type: 'report',
        genre: 'Improvement Proposal',
        title: 'BIP-8: Receipt Archives',
        number: '8',
        publisher: 'Example Registry',
        author: [{ literal: 'Model-L (Lab Lambda)' }, { literal: 'Robin Example' }],
        issued: { 'date-parts': [[2025, 1, 12]] },
        URL: 'https://r.example.org/bip-8/',
      },
    ]);
  });

  test('without a date or authors, none is claimed', () => {
    const c = citation({ ...base, created: undefined, authors: [] });
    expect(c.text).toBe('"BIP-8: Receipt Archives." Example Registry, no. 8. https://r.example.org/bip-8/');
    expect(c.bibtex).not.toMatch(/year|month|author/);
    expect(c.csl[0]).not.toHaveProperty('issued');
    expect(c.csl[0]).not.toHaveProperty('author');
  });
});
