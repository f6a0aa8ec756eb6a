/**
 * npm run check:site -- [site-folder] [--base /pr-42/]
 * After a build: every internal link, anchor and asset of every page must resolve. Exits 1 and
 * names each page and link that does not. The base defaults to BASE, else `/`.
 */
import { resolve } from 'node:path';
import { checkSiteLinks, formatBrokenLinks } from '../src/lib/site/link-check.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--base');
const base = at >= 0 ? args.splice(at, 2)[1]! : process.env.BASE || '/';
const dir = resolve(args[0] ?? 'dist');
const report = checkSiteLinks(dir, base);
if (report.broken.length > 0) {
  console.error(formatBrokenLinks(report));
  console.error(`${report.broken.length} broken of ${report.links} links in ${report.pages} pages`);
  process.exit(1);
}
console.log(`${report.links} links in ${report.pages} pages: all resolve (base ${base})`);
