/**
 * What a card shows (CardSpec) and how it is laid out (a satori element tree, 1200×630). The
 * spec holds everything that changes the picture, so it is also the cache key's content.
 */
import { drawableText, shorten, titleFit } from './text.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the layout changes: every cached image is made again. */
export const DESIGN_VERSION = 1;

export interface CardSpec {
  registry: string;
  /** `BIP-5`, `BIP-5 · companion document`, `Status`… shown above the title. */
  eyebrow: string;
  title: string;
  status?: { name: string; tone: string };
  /** Type and category, or a listing's count. */
  tags: string[];
  /** Authors line: `Claude-Opus-4 (Anthropic), GPT-5 (OpenAI)`. */
  byline?: string;
  /** Where the registry lives (`bips.example.org`), shown at the bottom. */
  site?: string;
}

/** Badge colours per status tone, as on the site's light theme. */
const TONES: Record<string, string> = {
  neutral: '#59636e',
  info: '#0969da',
  attention: '#9a6700',
  accepted: '#007a6c',
  progress: '#8250df',
  success: '#1a7f37',
  paused: '#bc4c00',
  danger: '#cf222e',
  retired: '#7d4e57',
  moved: '#4c5bab',
  other: '#57606a',
};

const INK = '#1f2328';
const MUTED = '#59636e';
const ACCENT = '#8250df';

interface Node {
  type: string;
  props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string; [k: string]: unknown };
}

const h = (type: string, style: Record<string, unknown>, children?: Node['props']['children']): Node => ({
  type,
  props: { style, ...(children === undefined ? {} : { children }) },
});

const BAND = 16;
const PAD_X = 72;
const PAD_Y = 44;

/** The card's element tree for satori; `fonts` are the family list and what it can draw. */
export function cardTree(spec: CardSpec, fonts: { family: string; covers: (cp: number) => boolean }): Node {
  const { covers } = fonts;
  const clean = (s: string) => drawableText(s, covers);
  const title = titleFit(clean(spec.title) || spec.eyebrow);
  const tone = spec.status ? (TONES[spec.status.tone] ?? TONES.other!) : undefined;
  const pill = (text: string, colour: string, filled: boolean) =>
    h(
      'div',
      {
        display: 'flex',
        fontSize: 28,
        fontWeight: 700,
        padding: '6px 22px',
        whiteSpace: 'nowrap',
        flexShrink: 0,
        borderRadius: 999,
        border: `3px solid ${colour}`,
        color: filled ? '#ffffff' : colour,
        backgroundColor: filled ? colour : '#ffffff',
      },
      text,
    );
  // A value nothing of which can be drawn leaves no empty pill behind.
  const status = spec.status && tone ? shorten(clean(spec.status.name), 28) : '';
  // Pills on one row: as many as fit (about 17 px a character at 28 px bold, plus padding).
  let room = CARD_WIDTH - 2 * PAD_X;
  const fits = (text: string) => (room -= [...text].length * 17 + 66) >= 0;
  const tags = [
    ...(status && fits(status) ? [pill(status, tone!, true)] : []),
    ...spec.tags
      .map((t) => shorten(clean(t), 28))
      .filter((t) => t && fits(t))
      .map((t) => pill(t, MUTED, false)),
  ];
  return h(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: '#ffffff',
      fontFamily: fonts.family,
      color: INK,
    },
    [
      h('div', { display: 'flex', width: CARD_WIDTH, height: BAND, backgroundColor: tone ?? ACCENT }),
      h(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          width: CARD_WIDTH - 2 * PAD_X,
          height: CARD_HEIGHT - BAND - 2 * PAD_Y,
          margin: `${PAD_Y}px ${PAD_X}px`,
        },
        [
          h('div', { display: 'flex', justifyContent: 'space-between', fontSize: 30, color: MUTED }, [
            h('div', { display: 'flex', fontWeight: 700, color: ACCENT }, shorten(clean(spec.registry), 40)),
            h('div', { display: 'flex' }, shorten(clean(spec.eyebrow), 36)),
          ]),
          h(
            'div',
            { display: 'flex', flexGrow: 1, alignItems: 'center', overflow: 'hidden' },
            h(
              'div',
              {
                display: 'block',
                // Wide letters or many emoji can outgrow the size chosen by length: the title
                // then ends with an ellipsis at the last line instead of leaving the card.
                lineClamp: title.lines,
                fontSize: title.fontSize,
                fontWeight: 700,
                lineHeight: 1.15,
                letterSpacing: '-0.01em',
                // Long words (hashes, identifiers) wrap rather than run off the card.
                wordBreak: 'break-word',
              },
              title.text,
            ),
          ),
          h('div', { display: 'flex', gap: 16, marginBottom: 24, overflow: 'hidden' }, tags),
          h('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 28, color: MUTED }, [
            h(
              'div',
              {
                display: 'block',
                maxWidth: spec.site ? 700 : CARD_WIDTH - 2 * PAD_X,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              },
              shorten(clean(spec.byline ?? ''), 80),
            ),
            ...(spec.site ? [h('div', { display: 'flex' }, shorten(spec.site, 28))] : []),
          ]),
        ],
      ),
    ],
  );
}
