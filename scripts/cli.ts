/**
 * bip-registry <command> [options]: the generator used from a registry's own repository. Every
 * command runs this package's own Astro project and scripts on the caller's registry: the
 * registry folder (with its `registry.config.json`, or a preset) comes from the arguments, and
 * what a command writes (the site, a new proposal) goes to the caller's folders. Paths in
 * messages are relative to where the command was run (REGISTRY_CWD).
 *
 * Exit codes: 0 done; 1 the registry, its settings or the site has problems (lint errors, a
 * failed build, broken links); 2 the command line is wrong.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CONFIG_FILE } from '../src/lib/config.ts';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const NAME = 'bip-registry';
const version = (JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;

type Options = NonNullable<ParseArgsConfig['options']>;
interface Command {
  summary: string;
  usage: string;
  options: Options;
  /** Lines of help for the options, in the order shown. */
  help: string[];
  /** `extra`: what follows a `--` (files, for lint). */
  run: (values: Record<string, string | boolean | undefined>, positionals: string[], extra: string[]) => number;
  /** Takes files after `--`. */
  files?: boolean;
  /** How many arguments it takes before the options. */
  arguments: number;
}

// --- Where things are: the registry the caller names, and the environment the steps read. ---

const REGISTRY_OPTIONS: Options = {
  config: { type: 'string' },
  preset: { type: 'string' },
};
const REGISTRY_HELP = [
  '[registry]           the folder holding registry.config.json, or the folder of proposals (default: .)',
  '--config <file>      the settings file, when it is not <registry>/registry.config.json',
  '--preset <name>      start from a named profile (bitcoin, ethereum) when there is no settings file',
];
const SITE_OPTIONS: Options = {
  out: { type: 'string' },
  site: { type: 'string' },
  base: { type: 'string' },
};
const SITE_HELP = [
  '--out <folder>       where the site is written (default: ./dist)',
  '--site <url>         the address the site is published at (SITE), for canonical links and cards',
  '--base <path>        a sub-path the site is published under (BASE), e.g. /bips/',
];

class UsageError extends Error {}

/** Settings read from the environment that name files or folders (README, settings table). */
const PATH_VARIABLES = ['REGISTRY_CONFIG', 'BIPS_DIR', 'URL_BASELINE', 'ASTRO_CACHE_DIR', 'OG_CACHE_DIR'];

/** The lint command for the same registry, as `new` tells the author to run it next. */
function lintCommand(values: Record<string, string | boolean | undefined>, folder: string | undefined): string {
  const quote = (s: string) => (/^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const parts = [NAME, 'lint', ...(folder ? [quote(folder)] : [])];
  if (typeof values.config === 'string') parts.push('--config', quote(values.config));
  if (typeof values.preset === 'string') parts.push('--preset', quote(values.preset));
  return `${parts.join(' ')} --`;
}

const cwd = process.cwd();

/** The environment for the package's steps, for the registry named on the command line. */
function registryEnv(values: Record<string, string | boolean | undefined>, folder: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, REGISTRY_CWD: cwd, REGISTRY_LINT: lintCommand(values, folder) };
  // Paths the caller set are the caller's: the steps run in this package's folder.
  for (const name of PATH_VARIABLES) if (env[name]) env[name] = resolve(cwd, env[name]);
  const dir = resolve(cwd, folder ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such folder: ${folder ?? '.'}`);
  const config = typeof values.config === 'string' ? resolve(cwd, values.config) : join(dir, CONFIG_FILE);
  if (typeof values.config === 'string' && !existsSync(config)) throw new UsageError(`no such file: ${values.config}`);
  if (existsSync(config)) env.REGISTRY_CONFIG = config;
  else env.BIPS_DIR = dir;
  if (typeof values.preset === 'string') env.REGISTRY_PRESET = values.preset;
  // Caches in the caller's node_modules (not this package's), as Astro and npm keep theirs.
  const cache = join(cwd, 'node_modules', '.cache', NAME);
  env.ASTRO_CACHE_DIR ??= join(cache, 'astro');
  env.OG_CACHE_DIR ??= join(cache, 'og');
  if (typeof values.site === 'string') env.SITE = values.site;
  if (typeof values.base === 'string') env.BASE = values.base;
  return env;
}

const outDir = (values: Record<string, string | boolean | undefined>) =>
  resolve(cwd, typeof values.out === 'string' ? values.out : 'dist');

/** Runs a step of this package (Astro or one of its scripts) in the package, on this Node. */
function step(args: string[], env: NodeJS.ProcessEnv): number {
  // With the flags this process got (the type-stripping hook of an installed copy).
  const run = spawnSync(process.execPath, [...process.execArgv, ...args], { cwd: PACKAGE, env, stdio: 'inherit' });
  if (run.error) throw run.error;
  return run.status ?? 1;
}

const astro = (args: string[], env: NodeJS.ProcessEnv) => {
  const bin = join(dirname(createRequire(join(PACKAGE, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
  // Astro's own exit code is 1 for a failed build; the generator's errors are that too.
  return step([bin, ...args], { ASTRO_TELEMETRY_DISABLED: '1', ...env });
};
const script = (name: string, args: string[], env: NodeJS.ProcessEnv) => step([join(PACKAGE, 'scripts', name), ...args], env);

/** Flags passed through to a script as they were written. */
const passed = (values: Record<string, string | boolean | undefined>, names: string[]) =>
  names.flatMap((n) => (values[n] === undefined ? [] : values[n] === true ? [`--${n}`] : [`--${n}`, String(values[n])]));

// --- The commands. ---

export const COMMANDS: Record<string, Command> = {
  build: {
    summary: 'build the site of a registry',
    usage: 'build [registry] [options]',
    arguments: 1,
    options: { ...REGISTRY_OPTIONS, ...SITE_OPTIONS, force: { type: 'boolean' } },
    help: [...REGISTRY_HELP, ...SITE_HELP, '--force              render every page again (ignore the caches)'],
    run: (values, [folder]) =>
      astro(['build', '--outDir', outDir(values), ...(values.force ? ['--force'] : [])], registryEnv(values, folder)),
  },
  dev: {
    summary: 'serve the site while you edit the registry',
    usage: 'dev [registry] [options]',
    arguments: 1,
    options: { ...REGISTRY_OPTIONS, port: { type: 'string' }, host: { type: 'boolean' } },
    help: [...REGISTRY_HELP, '--port <n>           the port (default 4321)', '--host               listen on every address'],
    run: (values, [folder]) => astro(['dev', ...passed(values, ['port', 'host'])], registryEnv(values, folder)),
  },
  preview: {
    summary: 'serve a built site',
    usage: 'preview [registry] [options]',
    arguments: 1,
    options: {
      ...REGISTRY_OPTIONS,
      out: { type: 'string' },
      base: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'boolean' },
    },
    help: [
      ...REGISTRY_HELP,
      '--out <folder>       the built site (default: ./dist)',
      '--base <path>        the sub-path it was built for (default: BASE, else /)',
      '--port <n>           the port (default 4321)',
      '--host               listen on every address',
    ],
    run: (values, [folder]) =>
      astro(['preview', '--outDir', outDir(values), ...passed(values, ['port', 'host'])], registryEnv(values, folder)),
  },
  lint: {
    summary: "check a registry's proposals, or some of its files",
    usage: 'lint [registry] [options] [-- file…]',
    arguments: 1,
    options: { ...REGISTRY_OPTIONS, strict: { type: 'boolean' }, format: { type: 'string' } },
    help: [
      ...REGISTRY_HELP,
      '--strict             warnings count as errors',
      '--format <f>         text, or github for annotations (the default when GITHUB_ACTIONS=true)',
      '-- file…             check only these files or folders',
    ],
    files: true,
    run: (values, [folder], files) =>
      script(
        'lint-bips.ts',
        // No files: the registry the settings name (its proposals folder, not the repository).
        [...passed(values, ['strict', 'format']), ...files],
        registryEnv(values, folder),
      ),
  },
  new: {
    summary: 'write a new proposal from the template, with the next free number',
    usage: 'new "Title" [registry] [options]',
    arguments: 2,
    options: { ...REGISTRY_OPTIONS },
    help: ['"Title"              the title of the proposal', ...REGISTRY_HELP],
    run: (values, [title, folder]) => {
      if (!title) throw new UsageError('new needs a title');
      return script('new-bip.ts', [title], registryEnv(values, folder));
    },
  },
  check: {
    summary: "check a built site's internal links, anchors and assets",
    usage: 'check [site] [options]',
    arguments: 1,
    options: { base: { type: 'string' } },
    help: [
      '[site]               the built site (default: ./dist)',
      '--base <path>        the sub-path it was built for (default: BASE, else /)',
    ],
    run: (values, [site]) =>
      script('check-site.ts', [resolve(cwd, site ?? 'dist'), ...passed(values, ['base'])], { ...process.env, REGISTRY_CWD: cwd }),
  },
};

function helpOf(name: string, command: Command): string {
  return [
    `usage: ${NAME} ${command.usage}`,
    '',
    `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
    '',
    ...command.help.map((h) => `  ${h}`),
    '  --help               this text',
  ].join('\n');
}

const OVERVIEW = [
  `usage: ${NAME} <command> [options]     (${NAME} <command> --help for its options)`,
  '',
  ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)}${c.summary}`),
  '',
  'Exit codes: 0 done; 1 problems in the registry, its settings or the site; 2 a wrong command line.',
  `${NAME} ${version}`,
].join('\n');

export function main(argv: string[]): number {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const about = rest[0] && COMMANDS[rest[0]];
    console.log(about ? helpOf(rest[0]!, about) : OVERVIEW);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`error: no command "${name}"\n\n${OVERVIEW}`);
    return 2;
  }
  const dash = rest.indexOf('--');
  const extra = dash >= 0 ? rest.slice(dash + 1) : [];
  try {
    if (extra.length > 0 && !command.files) throw new UsageError(`${name} takes no files after --`);
    const { values, positionals } = parseArgs({
      args: dash >= 0 ? rest.slice(0, dash) : rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(helpOf(name, command));
      return 0;
    }
    if (positionals.length > command.arguments) throw new UsageError(`unexpected argument "${positionals[command.arguments]}"`);
    return command.run(values, positionals, extra);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`error: ${(e as Error).message}\n\n${helpOf(name, command)}`);
      return 2;
    }
    throw e;
  }
}

// Run as a program, not when a test reads the command table.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
