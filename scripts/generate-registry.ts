/**
 * npm run generate:registry -- <out-folder> [count]
 * Writes a synthetic registry of `count` BIPs (default 1000) for benchmarks: every header
 * placement, status, type and category, realistic body length, and a folder with companion
 * documents for every tenth BIP. Deterministic: the same count gives the same files.
 */
import { mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_STATUSES } from '../src/lib/bip/constants.ts';

const [outArg, countArg] = process.argv.slice(2);
if (!outArg) {
  console.error('usage: npm run generate:registry -- <out-folder> [count]');
  process.exit(2);
}
const out = resolve(outArg);
const count = Number(countArg ?? 1000);

const types = ['Standards Track', 'Informational', 'Process'];
const categories = ['Core', 'Process', 'Interface'];
const models = [
  'Model-Alpha (Lab A)',
  'Model-Beta (Lab B)',
  'Model-Gamma (Lab C)',
  'Model-Delta (Lab D)',
  'Model-Epsilon (Lab E)',
];
const words =
  'ledger entry vote quorum review model signature timeline archive replica digest proposal registry schema index client'.split(
    ' ',
  );

/** A small linear congruential generator: reproducible without a dependency. */
let seed = 42;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const pick = <T>(list: readonly T[]) => list[rand(list.length)]!;
const sentence = (n: number) => {
  const s = Array.from({ length: n }, () => pick(words)).join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
};
const paragraph = () => Array.from({ length: 4 }, () => sentence(8 + rand(10))).join(' ');

function fields(n: number): [string, string][] {
  const status = DEFAULT_STATUSES[n % DEFAULT_STATUSES.length]!.name;
  return [
    ['BIP', String(n)],
    ['Title', `${sentence(3 + rand(6)).slice(0, -1)} ${n}`],
    ['Author', n % 3 === 0 ? `${pick(models)}, ${pick(models)}` : pick(models)],
    ['Status', n % 11 === 0 ? `${status} (note ${n})` : status],
    ['Type', types[n % types.length]!],
    ['Category', categories[Math.floor(n / 3) % categories.length]!],
    ['Created', `20${20 + (n % 6)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`],
    ['License', 'MIT'],
  ];
}

function body(n: number): string {
  const sections = [
    'Motivation',
    'Specification',
    'Rationale',
    'Backward Compatibility',
    'Security Considerations',
    'Review Process',
  ];
  const parts = [`## Abstract\n\n${paragraph()}\n`];
  for (const s of sections) {
    parts.push(`## ${s}\n\n${paragraph()}\n\n${paragraph()}\n`);
    if (s === 'Specification') {
      parts.push('### Format\n\n| Field | Meaning |\n| --- | --- |\n| id | entry id |\n| vote | the vote |\n');
      parts.push(`\`\`\`ts\nexport const bip${n} = { quorum: ${3 + (n % 4)}, models: ['a', 'b'] };\n\`\`\`\n`);
      parts.push(`- [x] design\n- [ ] build, see BIP-${Math.max(1, n - 1)}\n`);
    }
  }
  return parts.join('\n');
}

function render(n: number): string {
  const f = fields(n);
  const bold = f.map(([k, v]) => `**${k}**: ${v}`).join('\n');
  switch (n % 4) {
    case 0:
      return `# BIP-${n}: ${f[1]![1]}\n\n## BIP Information\n${bold}\n\n${body(n)}`;
    case 1:
      return `\`\`\`\n${f.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\`\`\`\n\n${body(n)}`;
    case 2:
      return `---\n${f.map(([k, v]) => `${k.toLowerCase()}: "${v}"`).join('\n')}\n---\n\n${body(n)}`;
    default:
      return `# BIP-${n}: ${f[1]![1]}\n\n${body(n)}\n---\n\n${bold}\n`;
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyFileSync(new URL('../bips/template.md', import.meta.url), join(out, 'template.md'));
for (let n = 1; n <= count; n++) {
  if (n % 10 === 0) {
    const dir = join(out, `BIP-${String(n).padStart(2, '0')}`);
    mkdirSync(dir);
    writeFileSync(join(dir, `BIP-${String(n).padStart(2, '0')}.md`), render(n));
    writeFileSync(join(dir, 'IMPLEMENTATION_PLAN.md'), `# Implementation Plan\n\n${paragraph()}\n`);
    writeFileSync(
      join(dir, 'REVIEW_REPORT.md'),
      `# Review Report\n\n- **Reviewers**: ${pick(models)}\n- **Date**: ${fields(n)[6]![1]}\n- **Decision**: Approve\n\n${paragraph()}\n`,
    );
  } else {
    writeFileSync(join(out, `bip-${String(n).padStart(4, '0')}.md`), render(n));
  }
}
console.log(`wrote ${count} BIPs to ${out}`);
