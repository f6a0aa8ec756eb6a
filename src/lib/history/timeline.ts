/**
 * What happened to each proposal, from every version of every file in the history: when it
 * appeared and each change of its status. Proposals are followed by number, not path, so a file
 * that moves keeps its history. For the feed of status changes.
 */
import type { Commit, Touch } from './git-log.ts';

export type ProposalEvent =
  | { kind: 'added'; number: number; title: string; status: string; commit: Commit }
  | { kind: 'status'; number: number; title: string; from: string; to: string; commit: Commit };

export interface ProposalVersion {
  number: number;
  status: string;
  title: string;
}

/** Reads one version of a file; undefined for a text that is not a proposal (or not parsable). */
export type ReadProposal = (text: string, relPath: string) => ProposalVersion | undefined;

function versionOf(touch: Touch, texts: ReadonlyMap<string, string>, read: ReadProposal): ProposalVersion | undefined {
  if (touch.status === 'removed' || touch.blob === undefined) return undefined;
  const text = texts.get(touch.blob);
  if (text === undefined) return undefined;
  try {
    return read(text, touch.relPath);
  } catch {
    return undefined;
  }
}

/** Touches oldest first, texts by blob id; the events come back newest first. A version whose
 * text is missing or unreadable is skipped, and the last status known stays. */
export function proposalEvents(touches: Touch[], texts: ReadonlyMap<string, string>, read: ReadProposal): ProposalEvent[] {
  return eventsOf(touches, (touch) => versionOf(touch, texts, read));
}

/** The same, with each touch's version read by the caller (who may read the texts in batches
 * and keep only the versions, not every text at once). */
export function eventsOf(touches: Touch[], versionFor: (touch: Touch) => ProposalVersion | undefined): ProposalEvent[] {
  const lastStatus = new Map<number, string>();
  const events: ProposalEvent[] = [];
  for (const touch of touches) {
    const version = versionFor(touch);
    if (!version) continue;
    const { number, status, title } = version;
    const from = lastStatus.get(number);
    lastStatus.set(number, status);
    const { commit } = touch;
    if (from === undefined) events.push({ kind: 'added', number, title, status, commit });
    else if (from !== status) events.push({ kind: 'status', number, title, from, to: status, commit });
  }
  return events.reverse();
}
