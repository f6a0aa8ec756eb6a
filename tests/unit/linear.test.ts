/**
 * Every pattern that sees file text runs in linear time: a megabyte of each adversarial run goes
 * through the same steps a build takes with one file (header, normalizer, schema, prose checks,
 * summary, link check, mention links), and must take about as long as a megabyte of plain text.
 * Each of these inputs took seconds to minutes (quadratic growth) before its pattern was fixed.
 * The bound is generous (a quadratic pattern on a megabyte takes hours), not a tight timer.
 */
import { describe, expect, test } from 'vitest';
import { check } from '../helpers.ts';
import { proseMentions, sectionProblems } from '../../src/lib/registry/content-checks.ts';
import { summarize } from '../../src/lib/bip/summary.ts';
import { checkLinks } from '../../src/lib/registry/check-links.ts';
import { linkMentions } from '../../src/lib/render/mentions.ts';
import { referencePattern } from '../../src/lib/registry/content-checks.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';
import type { LinkTargets } from '../../src/lib/render/links.ts';

const MB = 1 << 20;
const fill = (unit: string, bytes = MB) => unit.repeat(Math.ceil(bytes / unit.length));
const HEAD = '# BIP-5: Title\n\n**BIP**: 5\n**Title**: Title\n**Author**: A (B)\n**Status**: Draft\n\n## Abstract\n\n';

const targets: LinkTargets = { pages: new Map(), files: new Map(), fileUrl: (p) => `/files/${p}`, base: '/' };
const mention = referencePattern(DEFAULT_PROFILE);

/** What the build does with one file's text. */
function everyStep(text: string): void {
  const r = check(text);
  const body = r.header.body;
  proseMentions(body, DEFAULT_PROFILE);
  sectionProblems(body, ['Abstract', 'Specification'], 'bip-0005.md');
  summarize(body);
  checkLinks(body, 'bip-0005.md', 'bip-0005.md', targets, false, { url: '/bip-5/', urls: new Set() });
  linkMentions(`<p>${body.replace(/</g, '&lt;')}</p>`, mention, () => '/bip-2/');
}

function seconds(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

describe('a megabyte of adversarial text takes about as long as a megabyte of prose', () => {
  const baseline = seconds(() => everyStep(HEAD + fill('plain words in a sentence. ')));

  test.each([
    ['a bold key followed by spaces', '**a' + fill(' ')],
    ['a status of opening parentheses', HEAD.replace('Draft', `Draft ${fill('(')}`)],
    ['plain key lines between two bold keys', `**BIP**: 5\n${fill('a: b\n', MB / 4)}**Status**: Draft\n`],
    ['a run of a.', HEAD + fill('a.')],
    ['a run of <', HEAD + fill('<')],
    ['a run of ](', HEAD + fill('](')],
    ['unclosed comments', HEAD + fill('<!--')],
    ['backticks', HEAD + fill('`x')],
    ['bold markers', HEAD + fill('**')],
    ['number prefixes', HEAD + fill('BIP-')],
    ['scheme characters', HEAD + fill('ab+c-')],
    ['brackets', HEAD + fill('[')],
    ['link openers', HEAD + fill('[a](')],
    ['underscores and stars', HEAD + fill('_*')],
    ['spaces then a colon', `**Status${fill(' ', MB / 2)}**: Draft\n`],
    // Found by the fuzz test:
    ['an unknown status of repeated note separators', HEAD.replace('Draft', `Unheard ${fill('R**: ')}`)],
    ['a heading with a long run of # inside', `${HEAD}## a${fill('#')}b\n`],
    ['unclosed tags in the abstract', `${HEAD}${fill('<a')}\n`],
    ['unclosed footnote references', `${HEAD}${fill('[^a')}\n`],
    // Linear, but a step per line or per link added up past the fuzz bound:
    ['blank lines', HEAD + fill('\n')],
    ['blank lines ended by CR alone', HEAD + fill('\r')],
    ['one image tag, over and over', HEAD + fill('<img src="a.png">')],
  ])('%s', (_name, text) => {
    const took = seconds(() => everyStep(text));
    expect(took, `${took.toFixed(2)} s against ${baseline.toFixed(2)} s for prose`).toBeLessThan(Math.max(2, baseline * 20));
  });
});
