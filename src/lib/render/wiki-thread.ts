/**
 * MediaWiki rendering with a deadline. The parser (wikiparser-node) takes time far beyond linear
 * on some hostile input (a table row of 600 cells: seconds; of 1,400: a minute and more), and a
 * library's inner loops cannot be cut short from the same thread. So bodies are rendered in a
 * worker thread; the caller waits for the answer on a shared flag (the checks stay synchronous)
 * and, past the deadline, ends the thread and reports the document as not read. The next body
 * gets a fresh thread.
 *
 * Where the thread's script cannot be found (a bundle that moved this module), bodies are
 * rendered in this thread, without a deadline.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { renderMediaWiki, type MediaWikiResult } from './mediawiki.ts';
import { escapeHtml } from './escape.ts';

let script = fileURLToPath(new URL('./wiki-worker.ts', import.meta.url));
/** The default deadline per document; Bitcoin's largest MediaWiki BIPs render in well under one. */
export const DEFAULT_DEADLINE_SECONDS = 10;
/** How long a new thread may take to load the parser. */
const START_MS = 60_000;
/** The flag's value when the thread could not load the parser (wiki-worker.ts). */
const FAILED = 2;

/** The deadline per document: `MEDIAWIKI_DEADLINE_SECONDS`, else the default. */
export function deadlineSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.MEDIAWIKI_DEADLINE_SECONDS);
  return Number.isFinite(asked) && asked > 0 ? asked : DEFAULT_DEADLINE_SECONDS;
}

interface Thread {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

let thread: Thread | undefined;
/** The thread could not be started: bodies are rendered here from then on. */
let unavailable = false;

function waitFor(flag: Int32Array, ms: number): boolean {
  return Atomics.wait(flag, 0, 0, ms) !== 'timed-out' || Atomics.load(flag, 0) !== 0;
}

function start(): Thread | undefined {
  if (!existsSync(script)) return undefined;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(script, { workerData: { flag, port: port2 }, transferList: [port2] });
  // A finished run does not wait for an idle thread.
  worker.unref();
  port1.unref();
  const started: Thread = { worker, port: port1, flag };
  // A thread that fails (it could not load, or ran out of memory on a body) reports it here, once
  // this thread is free again: it is let go, and the next body gets a new one. Without a
  // listener, the error would end the whole process.
  worker.on('error', () => {
    if (thread === started) thread = undefined;
  });
  if (!waitFor(flag, START_MS) || Atomics.load(flag, 0) === FAILED) {
    void worker.terminate();
    unavailable = true;
    return undefined;
  }
  return started;
}

/** Ends the thread and forgets a failed start; with a path, later threads run that script
 * (tests swap in threads that fail). */
export function resetThread(worker?: string): void {
  stop();
  unavailable = false;
  if (worker) script = worker;
}

function stop(): void {
  if (thread) void thread.worker.terminate();
  thread = undefined;
}

// As the parser's own failure does: the text as written, and why.
const notRead = (source: string, message: string): MediaWikiResult => ({
  html: `<pre><code>${escapeHtml(source)}</code></pre>`,
  headings: [],
  problems: [{ line: 1, column: 1, message, fatal: true }],
});

/** Renders a MediaWiki body, giving up after `seconds`: the result then holds one fatal problem. */
export function renderWithDeadline(source: string, seconds = deadlineSeconds()): MediaWikiResult {
  if (!unavailable) thread ??= start();
  if (!thread) return renderMediaWiki(source);
  const { port, flag } = thread;
  Atomics.store(flag, 0, 0);
  port.postMessage(source);
  if (!waitFor(flag, seconds * 1000)) {
    stop();
    return notRead(
      source,
      `The MediaWiki parser did not finish this document within ${seconds} s (it is slow on some markup, such as a table row of hundreds of cells); simplify the markup or raise MEDIAWIKI_DEADLINE_SECONDS.`,
    );
  }
  const answer = receiveMessageOnPort(port)?.message as { result?: MediaWikiResult; error?: string } | undefined;
  if (answer?.result) return answer.result;
  // The thread died or answered nothing: start afresh next time, and say why here.
  stop();
  return notRead(source, `The MediaWiki parser failed: ${answer?.error ?? 'its thread stopped'}`);
}
