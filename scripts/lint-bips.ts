/**
 * npm run lint:bips [paths…]
 * Checks BIP files or registry folders without building the site; exits 1 when there are errors.
 */
import { lintPaths } from '../src/lib/registry/lint.ts';
import { ConfigError, loadRegistryConfig } from '../src/lib/config.ts';
import { TemplateError } from '../src/lib/registry/load.ts';
import { countBySeverity, formatReport } from '../src/lib/bip/diagnostics.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    'usage: npm run lint:bips -- [file-or-folder…]\nWithout arguments checks the configured registry folder (BIPS_DIR or registry.config.json).',
  );
  process.exit(0);
}
let result;
try {
  result = lintPaths(args, loadRegistryConfig(process.cwd()));
} catch (e) {
  // Settings and template mistakes are the user's to fix, not crashes: one line, no stack.
  if (e instanceof ConfigError || e instanceof TemplateError) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
const { diagnostics, files, notes } = result;
for (const note of notes) console.log(`note: ${note}`);
console.log(formatReport(diagnostics));
console.log(`${files} BIP file${files === 1 ? '' : 's'} checked`);
process.exit(countBySeverity(diagnostics).errors > 0 ? 1 : 0);
