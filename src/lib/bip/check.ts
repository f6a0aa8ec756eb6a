/**
 * One BIP file's text → its validated record and every problem found. The single entry point the
 * build, the lint command and the tests share: file → header → normalize → zod.
 */
import { parseHeader, type ParsedHeader } from './header.ts';
import { normalizeBip, type BipSourceName, type RegistryRules } from './normalize.ts';
import { canonicalFieldName, isKnownField } from './constants.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import type { Profile } from '../profile/profile.ts';
import type { BipData, BipSchema } from './schema.ts';

export interface CheckedBip {
  data?: BipData;
  header: ParsedHeader;
  diagnostics: Diagnostic[];
}

/** Whether a key names a header field in this profile (decides what counts as a header block). */
export function headerKeyTest(profile: Pick<Profile, 'fieldAliases'>): (name: string) => boolean {
  return (name) => isKnownField(canonicalFieldName(name, profile.fieldAliases));
}

/** The names a registry path gives a file's checks: `BIP-05/BIP-05.md` → its file and folder. */
export function sourceName(relPath: string): BipSourceName {
  const slash = relPath.lastIndexOf('/');
  const fileName = relPath.slice(slash + 1);
  const folder = slash < 0 ? '' : relPath.slice(0, slash);
  const folderName = folder.slice(folder.lastIndexOf('/') + 1);
  return { file: relPath, fileName, ...(folderName ? { folderName } : {}) };
}

export function checkBip(text: string, src: BipSourceName, rules: RegistryRules, schema: BipSchema): CheckedBip {
  const header = parseHeader(text, {
    isHeaderKey: headerKeyTest(rules.profile),
    keyPrefix: rules.profile.numbering.prefixSource,
  });
  const { bip, diagnostics } = normalizeBip(header, src, rules);
  if (!bip || diagnostics.some((d) => d.severity === 'error')) return { header, diagnostics };
  const parsed = schema.safeParse(bip);
  if (parsed.success) return { header, diagnostics, data: parsed.data as BipData };
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const line = bip.lines[field] ?? header.block?.start ?? 1;
    diagnostics.push(
      diagnostic(src.file, { line, column: 1 }, 'error', 'schema/invalid', `${field || 'header'}: ${issue.message}`),
    );
  }
  return { header, diagnostics };
}
