/** A card spec → PNG bytes: satori lays it out as SVG, resvg rasterizes it. */
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_WIDTH, cardTree, type CardSpec } from './card.ts';
import { loadFonts } from './fonts.ts';
import { emojiImage } from './text.ts';

export async function cardSvg(spec: CardSpec): Promise<string> {
  const loaded = loadFonts();
  const { fonts } = loaded;
  return satori(cardTree(spec, loaded) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    // Emoji come from Twemoji; other scripts were dropped from the text beforehand.
    loadAdditionalAsset: async (code, segment) => (code === 'emoji' ? (emojiImage(segment) ?? '') : []),
  });
}

export async function renderCard(spec: CardSpec): Promise<Buffer> {
  const svg = await cardSvg(spec);
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng();
}
