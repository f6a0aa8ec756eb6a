/**
 * npm run lint:bips [paths…]
 * Checks BIP files or registry folders without building the site; exits 1 when there are errors.
 */
import { lintPaths } from '../src/lib/registry/lint.ts';
import { loadRegistryConfig } from '../src/lib/config.ts';
import { countBySeverity, formatReport } from '../src/lib/bip/diagnostics.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    'usage: npm run lint:bips -- [file-or-folder…]\nWithout arguments checks the configured registry folder (BIPS_DIR or registry.config.json).',
  );
  process.exit(0);
}
const { diagnostics, files, notes } = lintPaths(args, loadRegistryConfig(process.cwd()));
for (const note of notes) console.log(`note: ${note}`);
console.log(formatReport(diagnostics));
console.log(`${files} BIP file${files === 1 ? '' : 's'} checked`);
process.exit(countBySeverity(diagnostics).errors > 0 ? 1 : 0);
