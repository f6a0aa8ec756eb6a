/**
 * npm run new -- "Title"
 * Writes a new BIP from the registry's template with the next free number, today's date and the
 * title filled in, and prints its path. Refuses to overwrite a file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { callerDir, ConfigError, loadRegistryConfig } from '../src/lib/config.ts';
import { loadRegistry, TemplateError } from '../src/lib/registry/load.ts';
import { fillTemplate, newFileName, nextNumber } from '../src/lib/registry/scaffold.ts';

const title = process.argv.slice(2).join(' ').trim();
if (!title || title === '--help' || title === '-h') {
  console.error('usage: npm run new -- "Title of the proposal"');
  process.exit(title ? 0 : 2);
}
try {
  const config = loadRegistryConfig(process.cwd());
  const bip = nextNumber(loadRegistry(config));
  // Today where the author is, not in UTC.
  const now = new Date();
  const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const created = process.env.BIP_DATE || local;
  const text = fillTemplate(readFileSync(config.templatePath, 'utf8'), { bip, title, created }, config.profile);
  const file = join(config.bipsDir, newFileName(bip, config.profile));
  if (existsSync(file)) throw new ConfigError(`${relative(callerDir(), file)} exists already`);
  writeFileSync(file, text, { flag: 'wx' });
  const shown = relative(callerDir(), file) || file;
  // As the author ran this: the installed command (which says how, for the same registry), or
  // the project's script.
  const lint = process.env.REGISTRY_LINT || 'npm run lint:bips --';
  console.log(shown);
  console.error(
    `${config.profile.term}-${bip} written. Fill in the fields that still hold template text, then: ${lint} ${shown}`,
  );
} catch (e) {
  if (e instanceof ConfigError || e instanceof TemplateError || e instanceof Error) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
