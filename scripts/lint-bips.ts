/**
 * npm run lint:bips -- [--strict] [--format text|github] [paths…]
 * Checks BIP files or registry folders without building the site; exits 1 when there are errors.
 */
import { lintPaths } from '../src/lib/registry/lint.ts';
import { callerDir, ConfigError, loadRegistryConfig } from '../src/lib/config.ts';
import { TemplateError } from '../src/lib/registry/load.ts';
import { countBySeverity, escapeData, formatReport, strict, type ReportFormat } from '../src/lib/bip/diagnostics.ts';

const USAGE = `usage: npm run lint:bips -- [--strict] [--format text|github] [file-or-folder…]
Without paths checks the configured registry folder (BIPS_DIR or registry.config.json).
  --strict          warnings count as errors (the exit code is 1 if there is any problem)
  --format github   GitHub Actions annotations (the default when GITHUB_ACTIONS=true)`;

const paths: string[] = [];
let format: ReportFormat = process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
let isStrict = false;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (arg === '--strict') isStrict = true;
  else if (arg === '--format' || arg.startsWith('--format=')) {
    const value = arg.includes('=') ? arg.slice('--format='.length) : args[++i];
    if (value !== 'text' && value !== 'github') {
      console.error(`error: --format must be text or github, not ${value ?? 'nothing'}\n${USAGE}`);
      process.exit(2);
    }
    format = value;
  } else if (arg.startsWith('--')) {
    console.error(`error: unknown option ${arg}\n${USAGE}`);
    process.exit(2);
  } else paths.push(arg);
}

let result;
let term = '';
try {
  const config = loadRegistryConfig(process.cwd());
  term = config.profile.term;
  result = lintPaths(paths, config, callerDir());
} catch (e) {
  // Settings and template mistakes are the user's to fix, not crashes: one line, no stack.
  if (e instanceof ConfigError || e instanceof TemplateError) {
    console.error(format === 'github' ? `::error title=config::${escapeData(e.message)}` : `error: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
const { files, notes } = result;
const diagnostics = isStrict ? strict(result.diagnostics) : result.diagnostics;
for (const note of notes) console.log(`note: ${note}`);
console.log(formatReport(diagnostics, format));
console.log(`${files} ${term} file${files === 1 ? '' : 's'} checked${isStrict ? ' (strict: warnings count as errors)' : ''}`);
process.exit(countBySeverity(diagnostics).errors > 0 ? 1 : 0);
