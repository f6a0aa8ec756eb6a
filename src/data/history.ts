/**
 * The registry's git history (lib/history/), read once per build: when each document was created
 * and last changed, links to its commits, and the proposals' events over time (added, status
 * changes) for the changes feed. A build outside git, or from a shallow clone, still works: what
 * could not be known is left out and said once.
 */
import { readBlobs, readGitHistory, type FileHistory, type GitHistory, type Touch } from '../lib/history/git-log.ts';
import { eventsOf, type ProposalEvent, type ProposalVersion } from '../lib/history/timeline.ts';
import { repositoryLinks } from '../lib/history/links.ts';
import { checkBip, sourceName } from '../lib/bip/check.ts';
import type { ApiRecord } from '../lib/api/schema.ts';
import { config, state } from './site.ts';

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const history: GitHistory = state.derive('history', () => {
  const started = performance.now();
  const h = readGitHistory(config.bipsDir);
  if (!h.ok) state.log.warn(`history: no page history: ${h.reason}`);
  else if (h.shallow) state.log.warn('history: a shallow clone: creation dates older than its first commit are not known');
  else state.log.info(`history: ${h.commits.length} commits, ${h.files.size} files (${seconds(started)})`);
  return h;
});

/** What the history could not tell, for the pages to say (undefined when it is complete). */
export const historyGap: string | undefined = !history.ok
  ? // The reason (in the build log) may name folders of the build machine; the page does not.
    'Page history is not available: this site was built without the git history of its registry.'
  : history.shallow
    ? 'Dates before the first commit of the shallow clone this site was built from are not known.'
    : undefined;

export const repository = repositoryLinks(config.sourceUrl, config.repository);

/** A file's history; at a shallow clone's boundary a commit shows the whole tree as added, so
 * there it tells neither when a file was created nor when it last changed. */
export function fileHistory(
  relPath: string,
): (Omit<FileHistory, 'modified'> & { modified?: FileHistory['modified'] }) | undefined {
  const h = history.ok ? history.files.get(relPath) : undefined;
  if (!h || !history.ok || !history.boundaries.has(h.modified.sha)) return h;
  const { modified: _unknown, ...rest } = h;
  return rest;
}

export function isUncommitted(relPath: string): boolean {
  return history.ok && history.uncommitted.has(relPath);
}

/** A document's history as the API and the page show it. */
export function historyRecord(relPath: string): ApiRecord['history'] {
  const h = fileHistory(relPath);
  if (!h) return undefined;
  const commit = (c: { sha: string; date: string }) => ({
    sha: c.sha,
    date: c.date,
    ...(repository ? { url: repository.commit(c.sha) } : {}),
  });
  return {
    ...(h.created ? { created: commit(h.created) } : {}),
    ...(h.modified ? { modified: commit(h.modified) } : {}),
    commits: h.commits,
    uncommitted: isUncommitted(relPath),
    ...(repository ? { url: repository.history(relPath) } : {}),
  };
}

/** Latest change of any of a proposal's documents (its page shows them all), as an ISO date-time. */
export function lastModified(relPaths: readonly string[]): string | undefined {
  const dates = relPaths.map((p) => fileHistory(p)?.modified?.date).filter((d): d is string => d !== undefined);
  return dates.length ? dates.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : undefined;
}

const DOCUMENT = /\.(?:md|mdx|markdown|mediawiki|wiki)$/i;
/** Old versions read per `git cat-file` call. */
const BLOB_BATCH = 500;

/** Every proposal's events, newest first: each version of each main document (a path that is a
 * proposal now, or a document path that is gone) read with the registry's own rules. Read on
 * first use (the changes feed), once per build: a build without feeds never reads old versions. */
export const events = (): ProposalEvent[] => state.derive('history-events', readEvents);

function readEvents(): ProposalEvent[] {
  if (!history.ok) return [];
  const started = performance.now();
  const registry = state.registry;
  // Companion documents and the files the registry leaves out (its template, a README) are
  // not proposals; a path that is gone may have been one.
  const notProposals = new Set([
    ...registry.bips.flatMap((b) => b.companions.map((c) => c.relPath)),
    ...registry.skipped.map((s) => s.relPath),
  ]);
  const touches = history.touches.filter((t) => DOCUMENT.test(t.relPath) && !notProposals.has(t.relPath));
  const { rules, schema } = state.setup;
  const read = (text: string, relPath: string): ProposalVersion | undefined => {
    const r = checkBip(text, sourceName(relPath), rules, schema);
    return r.data ? { number: r.data.bip, status: r.data.status, title: r.data.title } : undefined;
  };
  // Texts are read a batch at a time and only each version's number, status and title kept, so
  // a long history never holds every old text at once.
  const versions = new Map<string, ProposalVersion | undefined>();
  const key = (t: Touch) => `${t.blob}\0${t.relPath}`;
  const wanted = touches.filter((t) => t.blob !== undefined);
  for (let i = 0; i < wanted.length; i += BLOB_BATCH) {
    const batch = wanted.slice(i, i + BLOB_BATCH);
    const texts = readBlobs(
      history.top,
      batch.map((t) => t.blob!),
    );
    for (const t of batch) {
      if (versions.has(key(t))) continue;
      const text = texts.get(t.blob!);
      let version: ProposalVersion | undefined;
      try {
        version = text === undefined ? undefined : read(text, t.relPath);
      } catch {
        version = undefined;
      }
      versions.set(key(t), version);
    }
  }
  const found = eventsOf(touches, (t) => (t.status === 'removed' ? undefined : versions.get(key(t))));
  // A shallow clone's first commit shows every file added; those proposals are older than it.
  const events = found.filter((e) => e.kind !== 'added' || !history.boundaries.has(e.commit.sha));
  state.log.info(`history: ${events.length} events from ${versions.size} versions of proposals (${seconds(started)})`);
  return events;
}
