/**
 * The card fonts: Inter from @fontsource (WOFF, which satori reads; it cannot read WOFF2), every
 * script subset it ships, regular and bold. Loaded once per process. `covers` says which
 * characters they can draw, from the subsets' declared Unicode ranges, so text can drop what
 * would otherwise be drawn as empty boxes.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

export interface CardFonts {
  fonts: CardFont[];
  /** The CSS font list naming every subset, Latin first. */
  family: string;
  covers: (codePoint: number) => boolean;
  /** Changes when any font file changes: part of every image's cache key. */
  hash: string;
}

const FAMILY = 'Inter';
const WEIGHTS = [400, 700] as const;

/** `U+0000-00FF,U+0131` → [[0, 255], [305, 305]]. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to!, 16)];
  });
}

/** `files/inter-greek-ext-400-normal.woff` → `Inter greek-ext`: one family per subset, since
 * satori draws each glyph from the first family of the CSS font list that has it. */
function subsetName(file: string): string {
  return `${FAMILY} ${/-([a-z-]+)-\d{3}-/.exec(file)?.[1] ?? file}`;
}

/** The characters of Inter's Latin subset (the site's web font), as @fontsource declares them. */
export function latinUnicodeRange(): string {
  const css = readFileSync(createRequire(import.meta.url).resolve('@fontsource/inter/400.css'), 'utf8');
  const block = css.split('@font-face').find((b) => b.includes('-latin-400-normal.'));
  const range = block && /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
  if (!range) throw new Error('@fontsource/inter/400.css declares no range for its Latin subset');
  return range;
}

let loaded: CardFonts | undefined;

export function loadFonts(): CardFonts {
  if (loaded) return loaded;
  const css400 = createRequire(import.meta.url).resolve('@fontsource/inter/400.css');
  const dir = dirname(css400);
  const ranges: [number, number][] = [];
  const fonts: CardFont[] = [];
  const hash = createHash('sha256');
  for (const weight of WEIGHTS) {
    const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
    hash.update(css);
    // Each @font-face block names one subset's WOFF file and its Unicode range.
    // Each @font-face block names one subset's WOFF file and its Unicode range; Latin first.
    const blocks = css
      .split('@font-face')
      .slice(1)
      .map((block) => ({
        file: /url\(\.\/(files\/[^)]+\.woff)\)/.exec(block)?.[1],
        range: /unicode-range:\s*([^;]+);/.exec(block)?.[1],
      }))
      .filter((b): b is { file: string; range: string | undefined } => !!b.file)
      .sort((a, b) => Number(!/-latin-\d/.test(a.file)) - Number(!/-latin-\d/.test(b.file)));
    for (const { file, range } of blocks) {
      const data = readFileSync(join(dir, file));
      hash.update(file).update(data);
      fonts.push({ name: subsetName(file), data, weight, style: 'normal' });
      if (weight === 400 && range) ranges.push(...parseUnicodeRange(range));
    }
  }
  if (fonts.length === 0) throw new Error('no WOFF files found in @fontsource/inter');
  loaded = {
    fonts,
    family: [...new Set(fonts.map((f) => `'${f.name}'`))].join(', '),
    covers: (cp) => ranges.some(([from, to]) => cp >= from && cp <= to),
    hash: hash.digest('hex').slice(0, 16),
  };
  return loaded;
}
