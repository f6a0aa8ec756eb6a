import { describe, expect, test } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, type CardSpec } from '../../src/lib/og/card.ts';
import { cardKey } from '../../src/lib/og/cache.ts';
import { loadFonts, parseUnicodeRange } from '../../src/lib/og/fonts.ts';
import { cardSvg } from '../../src/lib/og/render.ts';
import { drawableText, emojiFile, shorten, titleFit } from '../../src/lib/og/text.ts';

const { covers } = loadFonts();

const spec = (fields: Partial<CardSpec> = {}): CardSpec => ({
  registry: 'BIP Registry',
  eyebrow: 'BIP-5',
  title: 'Phased Rollout Flags',
  status: { name: 'Draft', tone: 'draft' },
  tags: ['Standards Track', 'Core'],
  byline: 'Claude-Opus-4 (Anthropic)',
  site: 'bips.example.org',
  ...fields,
});

describe('text a card can draw', () => {
  test.each([
    ['Plain Latin title', 'Plain Latin title'],
    ['Ünïcödé naïve café', 'Ünïcödé naïve café'],
    ['Ελληνικά and Кириллица', 'Ελληνικά and Кириллица'],
    ['🤖 Model Votes', '🤖 Model Votes'],
    ['Votes ✅ by 👩‍🔬 models', 'Votes ✅ by 👩‍🔬 models'],
    ['日本語のタイトル Ledger', 'Ledger'],
    ['Ledger (台账) rules', 'Ledger rules'],
    ['Quorum — 法定人数', 'Quorum'],
    ['مرحبا', ''],
    ['Add foo() helper', 'Add foo() helper'],
    ['--force flag, a . b', '--force flag, a . b'],
    ['A\u030Angstro\u0308m and Nguye\u0302\u0303n', 'Ångström and Nguyễn'],
    ['S\u0327tefan', 'Ştefan'],
  ])('%j → %j', (input, output) => {
    expect(drawableText(input, covers)).toBe(output);
  });

  test('emoji map to Twemoji files, with or without the variation selector', () => {
    expect(emojiFile('🤖')).toMatch(/1f916\.svg$/);
    expect(emojiFile('✅')).toMatch(/2705\.svg$/);
    expect(emojiFile('❤️')).toMatch(/2764\.svg$/);
    expect(emojiFile('👩‍🔬')).toMatch(/1f469-200d-1f52c\.svg$/);
  });

  test('long text is cut at a word with an ellipsis; titles shrink as they grow', () => {
    expect(shorten('one two three four five six', 14)).toBe('one two three…');
    expect(shorten('short', 14)).toBe('short');
    // An emoji sequence is one character: never cut in half.
    expect(shorten(`${'x'.repeat(12)}👩‍🔬👩‍🔬👩‍🔬`, 14)).toBe(`${'x'.repeat(12)}👩‍🔬…`);
    const sizes = [10, 50, 90, 140, 400].map((n) => titleFit('x'.repeat(n)).fontSize);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect([...titleFit('word '.repeat(100)).text].length).toBeLessThanOrEqual(150);
  });

  test('Unicode ranges from the font CSS', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+2000-206F')).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0x2000, 0x206f],
    ]);
    expect(covers('A'.codePointAt(0)!)).toBe(true);
    expect(covers('語'.codePointAt(0)!)).toBe(false);
  });
});

/** The box around every glyph outline (absolute M/L/Q paths: satori's text; pill borders use
 * arcs and are left out) and every image satori drew. */
function drawnExtent(svg: string): { maxX: number; maxY: number; minX: number; minY: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [, d] of svg.matchAll(/<path[^>]*\sd="([MLQZ\d\s.,-]+)"/g)) {
    const nums = d!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
    for (let i = 0; i + 1 < nums.length; i += 2) {
      xs.push(nums[i]!);
      ys.push(nums[i + 1]!);
    }
  }
  for (const [, x, y, w, h] of svg.matchAll(
    /<image[^>]*\sx="([\d.]+)"[^>]*\sy="([\d.]+)"[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/g,
  )) {
    xs.push(Number(x) + Number(w));
    ys.push(Number(y) + Number(h));
  }
  return { maxX: Math.max(...xs), maxY: Math.max(...ys), minX: Math.min(...xs), minY: Math.min(...ys) };
}

describe('card layout', () => {
  test.each([
    [
      'a very long title',
      'A Shared Glossary of Registry and Ledger Terms for Human Contributors and AI Model Authors, '.repeat(4),
    ],
    ['one unbroken word', 'Supercalifragilistic'.repeat(12)],
    ['an emoji title', '🤖🤖 Model Votes ✅ for 日本語 Everyone 👩‍🔬'],
  ])('%s stays inside the card', async (_, title) => {
    const svg = await cardSvg(spec({ title, byline: 'Model, '.repeat(40) }));
    const box = drawnExtent(svg);
    // Inside the margins: 72 px at the sides, the top band and 44 px at the bottom.
    expect(box.minX).toBeGreaterThanOrEqual(72 - 2);
    expect(box.minY).toBeGreaterThanOrEqual(16);
    expect(box.maxX).toBeLessThanOrEqual(CARD_WIDTH - 72 + 2);
    expect(box.maxY).toBeLessThanOrEqual(CARD_HEIGHT - 44 + 2);
  });

  test('emoji are drawn as pictures, never as missing-glyph boxes', async () => {
    const svg = await cardSvg(spec({ title: '🤖 Model Votes' }));
    expect(svg).toMatch(/<image[^>]+href="data:image\/svg\+xml;base64,/);
    const plain = await cardSvg(spec({ title: 'Model Votes' }));
    expect(plain).not.toContain('<image');
  });

  test('the cache key is stable and follows every shown field', () => {
    const key = cardKey(spec());
    expect(cardKey(spec())).toBe(key);
    for (const change of [
      { title: 'Other' },
      { status: { name: 'Review', tone: 'review' } },
      { tags: ['Core'] },
      { byline: 'GPT-5' },
      { site: 'x.org' },
    ]) {
      expect(cardKey(spec(change))).not.toBe(key);
    }
  });
});
