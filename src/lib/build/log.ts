/**
 * The build log, one line per phase. Astro writes a line for every page it renders (at 1,000
 * proposals, 4,400 of 4,500 lines); this logger folds them into a progress line every few
 * seconds and one summary line (`routes: 1,029 (1,000 rendered, 29 unchanged) in 9.8 s`) and
 * passes everything else to Astro's own terminal logger. `BUILD_LOG=pages` keeps every line.
 *
 * astro.config.mjs names this module as the `logger` entrypoint; it runs in Node without Vite.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLogger from 'astro/logger/node';

// Escape sequences for colours; a fixed shape, matched without backtracking.
const ANSI = /\u001b\[[0-9;]*m/g;
const plain = (text: string) => text.replace(ANSI, '');

/** `  ├─ /bip-1/index.html` (not followed by a newline: its time comes next). */
const isPageLine = (m: AstroLoggerMessage) => m.label === null && !m.newLine && /^\s*[├└]─ /.test(plain(m.message));
/** `▶ src/pages/[...proposal].astro`, the route a run of page lines belongs to. */
const isRouteLine = (m: AstroLoggerMessage) => m.label === null && /^\s*▶ /.test(plain(m.message));
/** ` (+12ms)`, ` (cached)`, ` (restored)`: the end of a page line. */
const pageEnd = (m: AstroLoggerMessage) =>
  m.label === 'SKIP_FORMAT' ? /^\s*\((\+|cached|restored)/.exec(plain(m.message)) : null;
/** `✓ Completed in 4.2s.`: the end of a phase. */
const isCompleted = (m: AstroLoggerMessage) => m.label === null && /^\s*✓ Completed in/.test(plain(m.message));

export interface PageFold {
  /** The messages to write instead of `m` (none, `m` itself, or a summary line before it). */
  take: (m: AstroLoggerMessage, now: number) => AstroLoggerMessage[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');

/** Folds page lines into progress and summary lines; `every` is the progress interval in ms. */
export function foldPages(every = 3000): PageFold {
  let rendered = 0;
  let unchanged = 0;
  let started: number | undefined;
  let lastProgress = 0;
  /** Page lines whose time has not come yet: pages render several at a time. */
  let open = 0;
  const line = (message: string): AstroLoggerMessage => ({ label: 'build', level: 'info', message, newLine: true });
  return {
    take(m, now) {
      if (isPageLine(m)) {
        started ??= now;
        open++;
        return [];
      }
      if (open > 0) {
        const end = pageEnd(m);
        if (end) {
          open--;
          if (end[1] === '+') rendered++;
          else unchanged++;
          if (now - lastProgress >= every && now - started! >= every) {
            lastProgress = now;
            return [line(`routes: ${count(rendered + unchanged)} so far (${seconds(now - started!)})`)];
          }
          return [];
        }
      }
      if (isRouteLine(m)) return [];
      if (isCompleted(m) && started !== undefined) {
        const total = rendered + unchanged;
        const summary = line(
          `routes: ${count(total)} (${count(rendered)} rendered${unchanged ? `, ${count(unchanged)} unchanged` : ''}) in ${seconds(now - started)}`,
        );
        started = undefined;
        rendered = unchanged = open = 0;
        return [summary, m];
      }
      return [m];
    },
  };
}

/** The logger Astro loads: Astro's terminal logger, with page lines folded unless asked for. */
export default function buildLog(
  config: { level?: 'debug' | 'info' | 'warn' | 'error' | 'silent' } = {},
): AstroLoggerDestination {
  const terminal = nodeLogger(config);
  if (process.env.BUILD_LOG === 'pages') return terminal;
  const fold = foldPages();
  return {
    write: (m) => {
      for (const out of fold.take(m, performance.now())) terminal.write(out);
    },
    flush: () => terminal.flush?.(),
    close: () => terminal.close?.(),
  };
}
