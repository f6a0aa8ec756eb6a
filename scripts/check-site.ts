/**
 * npm run check:site -- [site-folder] [--base /pr-42/]
 * After a build: every internal link, anchor and asset of every page must resolve. Exits 1 and
 * names each page and link that does not. The base defaults to BASE, else `/`.
 */
import { resolve } from 'node:path';
import { checkSiteLinks, formatBrokenLinks } from '../src/lib/site/link-check.ts';
import { callerDir } from '../src/lib/config.ts';

let base = process.env.BASE || '/';
const rest: string[] = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--base' || arg.startsWith('--base=')) {
    const value = arg.includes('=') ? arg.slice('--base='.length) : args[++i];
    if (!value) {
      console.error('usage: npm run check:site -- [site-folder] [--base /sub-path/]');
      process.exit(2);
    }
    base = value;
  } else rest.push(arg);
}
const dir = resolve(callerDir(), rest[0] ?? 'dist');
// Links to the site's own address (SITE) are checked too.
const report = checkSiteLinks(dir, base, process.env.SITE || undefined);
if (report.broken.length > 0) {
  console.error(formatBrokenLinks(report));
  console.error(`${report.broken.length} broken of ${report.links} links in ${report.pages} pages`);
  process.exit(1);
}
console.log(`${report.links} links in ${report.pages} pages: all resolve (base ${base})`);
