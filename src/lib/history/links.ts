/**
 * Links into the repository's web view for a commit and for the history of a file, derived from
 * the address where the registry folder is shown (GitHub, GitLab, Gitea / Forgejo / Codeberg),
 * or given as patterns with `{sha}` and `{path}`.
 */

export interface RepositoryLinks {
  commit: (sha: string) => string;
  /** The commits that touched a path inside the registry folder. */
  history: (relPath: string) => string;
}

export interface LinkPatterns {
  /** E.g. `https://git.example/r/commit/{sha}`. */
  commit?: string;
  /** E.g. `https://git.example/r/log/{path}`; `{path}` is relative to the registry folder. */
  history?: string;
}

interface Shape {
  /** `origin/owner/repo` (GitLab: with every namespace). */
  base: string;
  kind: 'github' | 'gitlab' | 'gitea';
  /** Gitea names what the ref is: `branch`, `tag` or `commit`. */
  refKind: string;
  ref: string;
  /** The registry folder's segments, as the address spells them (already encoded). */
  folder: string[];
}

const GITEA_REF_KINDS = new Set(['branch', 'tag', 'commit']);
const VIEWS = new Set(['blob', 'tree']);

/** Each segment encoded, the `/` between them kept. */
function encodePath(relPath: string): string[] {
  return relPath
    .split('/')
    .filter((segment) => segment !== '')
    .map(encodeURIComponent);
}

function parseSource(sourceUrl: string): Shape | undefined {
  let url: URL;
  try {
    url = new URL(sourceUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const at = (base: number, kind: Shape['kind'], refKind: string, refAt: number): Shape | undefined => {
    const ref = segments[refAt];
    if (!ref) return undefined;
    return { base: `${url.origin}/${segments.slice(0, base).join('/')}`, kind, refKind, ref, folder: segments.slice(refAt + 1) };
  };
  // GitHub: owner/repo/(blob|tree)/<ref>/<folder…>
  if (VIEWS.has(segments[2] ?? '')) return at(2, 'github', '', 3);
  // Gitea, Forgejo, Codeberg: owner/repo/src/(branch|tag|commit)/<ref>/<folder…>
  if (segments[2] === 'src' && GITEA_REF_KINDS.has(segments[3] ?? '')) return at(2, 'gitea', segments[3]!, 4);
  // GitLab: <namespaces…>/repo/-/(blob|tree)/<ref>/<folder…>
  const dash = segments.indexOf('-');
  if (dash >= 2 && VIEWS.has(segments[dash + 1] ?? '')) return at(dash, 'gitlab', '', dash + 2);
  return undefined;
}

function derivedLinks(shape: Shape): RepositoryLinks {
  const { base, kind, refKind, ref, folder } = shape;
  const path = (relPath: string) => [...folder, ...encodePath(relPath)].join('/');
  const sha = encodeURIComponent;
  switch (kind) {
    case 'gitlab':
      return { commit: (s) => `${base}/-/commit/${sha(s)}`, history: (p) => `${base}/-/commits/${ref}/${path(p)}` };
    case 'gitea':
      return { commit: (s) => `${base}/commit/${sha(s)}`, history: (p) => `${base}/commits/${refKind}/${ref}/${path(p)}` };
    case 'github':
      return { commit: (s) => `${base}/commit/${sha(s)}`, history: (p) => `${base}/commits/${ref}/${path(p)}` };
  }
}

/** The pattern with each placeholder replaced (by a function, so a `$` in a value stays literal). */
function fill(pattern: string, placeholder: string, text: string): string {
  return pattern.replaceAll(placeholder, () => text);
}

/** Undefined when neither the address nor the patterns give both links. */
export function repositoryLinks(sourceUrl: string | undefined, overrides: LinkPatterns = {}): RepositoryLinks | undefined {
  const shape = sourceUrl ? parseSource(sourceUrl.trim()) : undefined;
  const derived = shape ? derivedLinks(shape) : undefined;
  const { commit: commitPattern, history: historyPattern } = overrides;
  const commit = commitPattern ? (sha: string) => fill(commitPattern, '{sha}', encodeURIComponent(sha)) : derived?.commit;
  const history = historyPattern
    ? (relPath: string) => fill(historyPattern, '{path}', encodePath(relPath).join('/'))
    : derived?.history;
  return commit && history ? { commit, history } : undefined;
}
