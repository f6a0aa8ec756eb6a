/**
 * Where a proposal's number is read from, built from the profile: the prefixes a registry writes
 * before a number (`BIP-5`, `EIP 1559`) and the patterns its file and folder names follow
 * (`bip-{n}`, `CIP-{n}`). Every pattern is anchored and has no nested repetition, so it runs in
 * linear time on any text.
 */

export interface NumberingSpec {
  /** Words written before a number: `bip` reads `BIP-5`, `bip 5`, `bip5`. The first one names
   * the registry's proposals in messages. */
  prefixes: readonly string[];
  /** File and folder name patterns without the extension; `{n}` is the number, other text is
   * literal (any case; `-`, `_` and a space are the same). */
  files: readonly string[];
}

export interface Numbering {
  spec: NumberingSpec;
  /** `5`, `05`, `BIP-05`, `bip 5` → 5. */
  parse: (text: string) => number | undefined;
  /** `bip-0005.md`, `BIP-05-title.md`, `BIP-05` (a folder) → 5. */
  fromName: (name: string) => number | undefined;
  /** `# 🤖 BIP-05: Title` → 5. */
  fromH1: (text: string) => number | undefined;
  /** `# 🤖 BIP-05: Title` → `Title`. */
  titleFromH1: (text: string) => string;
  /** Whether an H1 starts with an unfilled `BIP-XXX` placeholder. */
  h1Placeholder: (text: string) => boolean;
  /** The name with the numbered part removed (`BIP-05-implementation-plan` → `implementation-plan`). */
  stripName: (stem: string) => string;
  /** Source of a pattern matching one prefix (no groups), for mention scanners. */
  prefixSource: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `bip-{n}` → `bip[-_\s]?0*(\d{1,6})`: separators in a pattern match any separator. */
function patternSource(pattern: string): string {
  return pattern
    .split('{n}')
    .map((part) => escape(part).replace(/[-_ ]/g, '[-_\\s]?'))
    .join('0*(\\d{1,6})');
}

export function makeNumbering(spec: NumberingSpec): Numbering {
  const prefixes = spec.prefixes.length > 0 ? spec.prefixes : [''];
  const prefix = `(?:${prefixes.map((p) => escape(p)).join('|')})`;
  const value = new RegExp(`^(?:${prefix}[-\\s_#]?)?#?0*(\\d{1,6})$`, 'i');
  const names = spec.files.map((f) => new RegExp(`^${patternSource(f)}(?=$|[-_.\\s])`, 'i'));
  const h1 = new RegExp(`^(?:[^\\p{L}\\p{N}]*)${prefix}[-\\s]?(\\d{1,6}|x+)\\s*[:—–-]\\s*`, 'iu');
  const placeholder = new RegExp(`^\\W*${prefix}[-\\s]?x{2,}`, 'iu');
  const fromName = (name: string) => {
    for (const re of names) {
      const m = re.exec(name);
      if (m) return Number(m[1]);
    }
    return undefined;
  };
  return {
    spec,
    parse: (text) => {
      const m = value.exec(text.trim());
      return m ? Number(m[1]) : undefined;
    },
    fromName,
    fromH1: (text) => {
      const m = h1.exec(text);
      return m && /^\d+$/.test(m[1]!) ? Number(m[1]) : undefined;
    },
    titleFromH1: (text) =>
      text
        .replace(h1, '')
        .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u200d\uFE0F]/gu, '')
        .replace(/\s+/g, ' ')
        .trim(),
    h1Placeholder: (text) => placeholder.test(text),
    stripName: (stem) => {
      for (const re of names) {
        const m = re.exec(stem);
        if (m) return stem.slice(m[0].length).replace(/^[-_\s]+/, '');
      }
      return stem;
    },
    prefixSource: prefix,
  };
}
