/**
 * The JSON API's documents (lib/api/): every proposal's record with its relations, companion
 * documents, files, history and review, and the JSON Schema they are checked against. Each
 * record is validated with the published schema as it is written: a mismatch fails the build.
 */
import { bips, companionsOf, type BipEntry } from './bips.ts';
import { config, fieldsOf, labelOf, profile, sourceLink, state, urls } from './site.ts';
import { relationsOf } from './relations.ts';
import { historyRecord } from './history.ts';
import { reportOf, reviewOf } from './reviews.ts';
import { apiJsonSchema, apiSchemas, type ApiList, type ApiRecord } from '../lib/api/schema.ts';
import { apiRecord } from '../lib/api/record.ts';
import { slugify } from '../lib/bip/slug.ts';

export const schemas = apiSchemas(state.setup.schema);
/** The path segment of the API's documents: `bips` in `api/bips.json`. */
export const apiName = slugify(profile.plural);

export const jsonSchema = () => apiJsonSchema(schemas, urls.absolute(urls.apiSchema()));

const published = new Set(state.registry.assets);

function record(entry: BipEntry): ApiRecord {
  const d = entry.data;
  const n = d.bip;
  const review = reviewOf(n);
  const companionUrl = (slug: string) => urls.absolute(urls.companion(n, slug));
  const history = historyRecord(d.relPath);
  return checked(
    d.relPath,
    apiRecord({
      data: d,
      fields: fieldsOf(d),
      label: labelOf(n),
      url: urls.absolute(urls.bip(n)),
      relations: relationsOf(n),
      companions: companionsOf(n).map((c) => {
        const report = reportOf(n, c.data.relPath);
        return {
          title: c.data.title,
          url: companionUrl(c.data.slug),
          source: c.data.relPath,
          ...(report
            ? {
                review: {
                  kind: report.kind,
                  reviewers: report.reviewers,
                  ...(report.date ? { date: report.date } : {}),
                  ...(report.decision ? { decision: report.decision } : {}),
                  url: companionUrl(c.data.slug),
                },
              }
            : {}),
        };
      }),
      files: d.attachments.map((path) => ({
        path,
        ...(published.has(path) ? { url: urls.absolute(urls.file(path)) } : {}),
      })),
      sourceUrl: sourceLink(d.relPath),
      ...(history ? { history } : {}),
      ...(review
        ? {
            review: {
              state: review.state,
              label: review.label,
              peerApprovals: review.peerApprovals,
              reports: review.timeline.map((r) => ({
                kind: r.kind,
                reviewers: r.reviewers,
                ...(r.date ? { date: r.date } : {}),
                ...(r.decision ? { decision: r.decision } : {}),
                url: companionUrl(review.slugs.get(r.relPath)!),
              })),
            },
          }
        : {}),
    }),
  );
}

/** A record as the schema has it; one it refuses is a bug here, named with its file. */
function checked(relPath: string, value: ApiRecord): ApiRecord {
  const parsed = schemas.record.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`API record of ${relPath} does not match its schema: ${issue.path.join('.')}: ${issue.message}`);
}

const records = state.derive('api-records', () => new Map(bips.map((b) => [b.data.bip, record(b)])));

export function proposalDocument(n: number): ApiRecord {
  return { $schema: `${urls.absolute(urls.apiSchema())}#/$defs/proposal`, ...records.get(n)! };
}

export function listDocument(): ApiList {
  return schemas.list.parse({
    $schema: urls.absolute(urls.apiSchema()),
    registry: { name: config.name, description: config.description, term: profile.term, url: urls.absolute(urls.home()) },
    count: records.size,
    proposals: [...records.values()],
  });
}
