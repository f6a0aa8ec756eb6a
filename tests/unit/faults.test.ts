/**
 * One-fault registries: each folder under tests/fixtures/faults is a tiny registry whose BIP is
 * valid except for one deliberate mistake. The table pins the exact lint output for each, so a
 * change to a message, a rule id, a line or a column shows up here, and so does any diagnostic
 * the fault should not have caused.
 *
 * Line and column are 1-based. A header field is reported where its value starts; a whole-header
 * problem at the first line of the header block; a title-heading problem at column 1 of the H1;
 * a folder problem at 1:1 of the folder.
 *
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { configFor, fixture } from '../helpers.ts';
import { lintPaths } from '../../src/lib/registry/lint.ts';
import { compareDiagnostics, formatDiagnostic, type Diagnostic } from '../../src/lib/bip/diagnostics.ts';

const faultsDir = fixture('faults');

/** Lints one case folder as a registry; paths print relative to the faults folder. */
function lintCase(name: string): Diagnostic[] {
  const dir = join(faultsDir, name);
  return [...lintPaths([dir], configFor(dir), faultsDir).diagnostics].sort(compareDiagnostics);
}

// Long message tails shared by several rows.
const NO_HEADER =
  'no header block found: expected YAML frontmatter, a fenced (or <pre>) "Key: value" preamble, a "## BIP Information" section, or "**Key**: value" lines after a closing "---"';
const TYPES = "is not one of the template's choices (Standards Track, Informational, Process)";
const LIFECYCLE =
  'is not in the lifecycle (Draft, Proposed, Review, Approved, Implementation, Implemented, Rejected, Withdrawn); it is kept as written (add it to "statusAliases" or "statuses" in the registry config)';
const NO_NUMBER = 'no BIP number: add a "BIP" field or name the file bip-<number>.md';
const SAME_DAY =
  " both were created 2025-01-02, and only the other has the registry's own file name for it (bip-0005.md); give this file a free number [number/duplicate]";

type FaultCase = [name: string, rule: string, expected: string[]];

const CASES: FaultCase[] = [
  // The file has an H1 and an abstract but no header block of any kind.
  ['header-missing', 'header/missing', [`header-missing/bip-0005.md:1:1: error: ${NO_HEADER} [header/missing]`]],
  // `**BIP**: five`: a word where the number goes.
  [
    'number-invalid',
    'number/invalid',
    ['number-invalid/bip-0005.md:5:10: error: "five" is not a BIP number (write 5, 05 or BIP-05) [number/invalid]'],
  ],
  // `**BIP #**: five`: the same fault under a key alias; the column follows the longer key.
  [
    'bip-hash-alias-invalid',
    'number/invalid',
    ['bip-hash-alias-invalid/bip-0005.md:5:12: error: "five" is not a BIP number (write 5, 05 or BIP-05) [number/invalid]'],
  ],
  // bip-0005.md says `BIP: 6` (the H1 carries no number): a tie, which the file name wins.
  [
    'number-mismatch-file-name',
    'number/mismatch',
    [
      'number-mismatch-file-name/bip-0005.md:5:10: error: BIP number 6 from the BIP field disagrees with 5 from the file name "bip-0005.md" [number/mismatch]',
    ],
  ],
  // `BIP: 6` under `# BIP-5: …` in bip-0005.md: the field is the odd one out and is pointed at.
  [
    'number-mismatch-field',
    'number/mismatch',
    [
      'number-mismatch-field/bip-0005.md:5:10: error: BIP number 6 from the BIP field disagrees with 5 from the title heading and the file name "bip-0005.md" [number/mismatch]',
    ],
  ],
  // `# BIP-6: …` over a header and file name that both say 5; reported at the H1.
  [
    'number-mismatch-h1',
    'number/mismatch',
    [
      'number-mismatch-h1/bip-0005.md:1:1: error: BIP number 6 from the title heading disagrees with 5 from the BIP field and the file name "bip-0005.md" [number/mismatch]',
    ],
  ],
  // BIP-05/BIP-05.md says `BIP: 6` (the H1 carries no number).
  [
    'number-mismatch-folder',
    'number/mismatch',
    [
      'number-mismatch-folder/BIP-05/BIP-05.md:5:10: error: BIP number 6 from the BIP field disagrees with 5 from the file name "BIP-05.md" and the folder name "BIP-05" [number/mismatch]',
    ],
  ],
  // Footer key `**BIP-06 Status**` in bip-0005.md (the H1 carries no number); reported at the key's line.
  [
    'numbered-key-footer-mismatch',
    'number/mismatch',
    [
      'numbered-key-footer-mismatch/bip-0005.md:9:7: error: BIP number 6 from the key "BIP-06 Status" disagrees with 5 from the file name "bip-0005.md" [number/mismatch]',
    ],
  ],
  // The same footer key under `# BIP-5: …`: the key, not the agreeing H1, is pointed at.
  [
    'numbered-key-footer-mismatch-h1',
    'number/mismatch',
    [
      'numbered-key-footer-mismatch-h1/bip-0005.md:9:7: error: BIP number 6 from the key "BIP-06 Status" disagrees with 5 from the title heading and the file name "bip-0005.md" [number/mismatch]',
    ],
  ],
  // proposal.md (no number in its name or H1) with `BIP: XXX`: the placeholder, and no number at all.
  [
    'number-missing-placeholder',
    'number/missing',
    [
      `number-missing-placeholder/proposal.md:3:1: error: ${NO_NUMBER} [number/missing]`,
      'number-missing-placeholder/proposal.md:5:10: error: field "BIP" still holds the template placeholder "XXX" [field/placeholder]',
    ],
  ],
  // proposal.md with an empty `**BIP**:`: the empty field, and no number at all.
  [
    'number-missing-empty',
    'number/missing',
    [
      `number-missing-empty/proposal.md:3:1: error: ${NO_NUMBER} [number/missing]`,
      'number-missing-empty/proposal.md:5:9: error: field "BIP" is empty [field/empty]',
    ],
  ],
  // bip-0005.md and BIP-05/BIP-05.md (no BIP field; number from its names) are both BIP 5.
  [
    'number-duplicate-from-names',
    'number/duplicate',
    [
      `number-duplicate-from-names/BIP-05/BIP-05.md:3:1: error: this file also claims BIP 5, first taken by number-duplicate-from-names/bip-0005.md (line 5):${SAME_DAY}`,
    ],
  ],
  // Folder BIP-07 holds only notes.md.
  [
    'registry-no-main-document',
    'registry/no-main-document',
    [
      'registry-no-main-document/BIP-07:1:1: error: folder BIP-07 has no document named after its number (expected e.g. BIP-07.md) [registry/no-main-document]',
    ],
  ],
  // Folder BIP-07 holds BIP-07-a.md and BIP-07-b.md, both with a BIP header.
  [
    'registry-ambiguous-main-document',
    'registry/ambiguous-main-document',
    [
      'registry-ambiguous-main-document/BIP-07:1:1: error: folder BIP-07 has several documents that could be the BIP: BIP-07-a.md, BIP-07-b.md; name it BIP-07.md [registry/ambiguous-main-document]',
    ],
  ],
  // `**BIP**: XXX` left from the template (file name and H1 still give the number).
  [
    'placeholder-bip',
    'field/placeholder',
    ['placeholder-bip/bip-0005.md:5:10: error: field "BIP" still holds the template placeholder "XXX" [field/placeholder]'],
  ],
  // `**Title**: [Descriptive Title]` left from the template.
  [
    'placeholder-title',
    'field/placeholder',
    [
      'placeholder-title/bip-0005.md:6:12: error: field "Title" still holds the template placeholder "[Descriptive Title]" [field/placeholder]',
    ],
  ],
  // `**Author**: [Your Model Name] ([Provider])` left from the template.
  [
    'placeholder-author',
    'field/placeholder',
    [
      'placeholder-author/bip-0005.md:7:13: error: field "Author" still holds the template placeholder "[Your Model Name] ([Provider])" [field/placeholder]',
    ],
  ],
  // `**Created**: YYYY-MM-DD` left from the template.
  [
    'placeholder-created',
    'field/placeholder',
    [
      'placeholder-created/bip-0005.md:11:14: error: field "Created" still holds the template placeholder "YYYY-MM-DD" [field/placeholder]',
    ],
  ],
  // `**Category**: [Core | Process | Interface]`: the choice list itself, copied.
  [
    'placeholder-category',
    'field/placeholder',
    [
      'placeholder-category/bip-0005.md:10:15: error: field "Category" still holds the template placeholder "[Core | Process | Interface]" [field/placeholder]',
    ],
  ],
  // `**Type**: TBD`.
  [
    'placeholder-type',
    'field/placeholder',
    ['placeholder-type/bip-0005.md:9:11: error: field "Type" still holds the template placeholder "TBD" [field/placeholder]'],
  ],
  // No Title field, and the H1 is `# BIP-5: [Descriptive Title]`.
  [
    'placeholder-h1-title',
    'field/placeholder',
    [
      'placeholder-h1-title/bip-0005.md:1:1: error: the title heading still holds the template placeholder "[Descriptive Title]" [field/placeholder]',
    ],
  ],
  // `**Status**:` with nothing after it; reported just past the colon.
  ['field-empty-status', 'field/empty', ['field-empty-status/bip-0005.md:8:12: error: field "Status" is empty [field/empty]']],
  // YAML frontmatter `status:` with no value.
  [
    'frontmatter-empty-status',
    'field/empty',
    ['frontmatter-empty-status/bip-0005.md:7:8: error: field "status" is empty [field/empty]'],
  ],
  // No Author line: a required field, so an error at the header block.
  [
    'field-missing-author',
    'field/missing',
    ['field-missing-author/bip-0005.md:3:1: error: the header has no "Author" field [field/missing]'],
  ],
  // No License line: an optional field, so only a warning.
  [
    'field-missing-license',
    'field/missing',
    ['field-missing-license/bip-0005.md:3:1: warning: the header has no "License" field [field/missing]'],
  ],
  // `**Created**: 2025-13-01`: there is no month 13.
  [
    'created-invalid-month',
    'created/invalid',
    ['created-invalid-month/bip-0005.md:11:14: error: "2025-13-01" is not an ISO date (YYYY-MM-DD) [created/invalid]'],
  ],
  // `**Created**: 09/08/2025`: not ISO order.
  [
    'created-invalid-us-format',
    'created/invalid',
    ['created-invalid-us-format/bip-0005.md:11:14: error: "09/08/2025" is not an ISO date (YYYY-MM-DD) [created/invalid]'],
  ],
  // `**Created**: \`2025-02-30\``: the column is inside the backticks.
  [
    'backtick-value-created-invalid',
    'created/invalid',
    ['backtick-value-created-invalid/bip-0005.md:11:15: error: "2025-02-30" is not an ISO date (YYYY-MM-DD) [created/invalid]'],
  ],
  // CRLF line endings, `Created: 2025-02-30`: same line and column as with LF.
  [
    'crlf-created-invalid',
    'created/invalid',
    ['crlf-created-invalid/bip-0005.md:11:14: error: "2025-02-30" is not an ISO date (YYYY-MM-DD) [created/invalid]'],
  ],
  // YAML frontmatter `created: 2025-02-30`.
  [
    'frontmatter-created-invalid',
    'created/invalid',
    ['frontmatter-created-invalid/bip-0005.md:10:10: error: "2025-02-30" is not an ISO date (YYYY-MM-DD) [created/invalid]'],
  ],
  // Byte-order mark before the frontmatter, `created: 2025-02-30`: the BOM takes no column.
  [
    'bom-frontmatter-created-invalid',
    'created/invalid',
    ['bom-frontmatter-created-invalid/bip-0005.md:10:10: error: "2025-02-30" is not an ISO date (YYYY-MM-DD) [created/invalid]'],
  ],
  // `**Type**: Experimental`: a closed choice list, so an error.
  ['type-unlisted', 'type/unlisted', [`type-unlisted/bip-0005.md:9:11: error: type "Experimental" ${TYPES} [type/unlisted]`]],
  // Fenced `Key: value` preamble (with a continuation Author line), `Type:       Experimental`.
  [
    'fenced-preamble-type-unlisted',
    'type/unlisted',
    [`fenced-preamble-type-unlisted/bip-0005.md:7:13: error: type "Experimental" ${TYPES} [type/unlisted]`],
  ],
  // Indented `<pre>` preamble, `  Type: Experimental`.
  [
    'pre-block-type-unlisted',
    'type/unlisted',
    [`pre-block-type-unlisted/bip-0005.md:6:9: error: type "Experimental" ${TYPES} [type/unlisted]`],
  ],
  // Bold key lines right under the H1 (no section heading), `**Type**: Experimental`.
  [
    'top-block-type-unlisted',
    'type/unlisted',
    [`top-block-type-unlisted/bip-0005.md:7:11: error: type "Experimental" ${TYPES} [type/unlisted]`],
  ],
  // Header written as a list (`- **Type**: Experimental`); the column counts the bullet.
  [
    'list-item-keys-type-unlisted',
    'type/unlisted',
    [`list-item-keys-type-unlisted/bip-0005.md:9:13: error: type "Experimental" ${TYPES} [type/unlisted]`],
  ],
  // `**Category**: Security`: categories are an open list, so only a warning.
  [
    'category-unlisted',
    'category/unlisted',
    [
      'category-unlisted/bip-0005.md:10:15: warning: category "Security" is not one of the template\'s choices (Core, Process, Interface); it is kept as written [category/unlisted]',
    ],
  ],
  // `**Status**: Pending Vote`: kept as written, with a warning.
  [
    'status-unknown',
    'status/unknown',
    [`status-unknown/bip-0005.md:8:13: warning: status "Pending Vote" ${LIFECYCLE} [status/unknown]`],
  ],
  // A .mdx file with frontmatter and an export, `status: Pending Vote`.
  [
    'mdx-status-unknown',
    'status/unknown',
    [`mdx-status-unknown/bip-0005.mdx:7:9: warning: status "Pending Vote" ${LIFECYCLE} [status/unknown]`],
  ],
  // BIP-05/BIP-05.mdx (a folder BIP written in MDX, header in frontmatter), `status: Pending Vote`.
  [
    'folder-mdx-status-unknown',
    'status/unknown',
    [`folder-mdx-status-unknown/BIP-05/BIP-05.mdx:5:9: warning: status "Pending Vote" ${LIFECYCLE} [status/unknown]`],
  ],
  // Two Status lines; the second is reported and ignored.
  [
    'field-duplicate-status',
    'field/duplicate',
    [
      'field-duplicate-status/bip-0005.md:9:13: warning: field "Status" appears more than once; the first value is used [field/duplicate]',
    ],
  ],
  // Two Discussion lines: a field the template does not name, repeated.
  [
    'field-duplicate-extra',
    'field/duplicate',
    [
      'field-duplicate-extra/bip-0005.md:14:17: warning: field "Discussion" appears more than once; the first value is used [field/duplicate]',
    ],
  ],
  // A `## BIP Information` section and a `**Key**: value` footer after `---`.
  [
    'header-extra-block-footer',
    'header/extra-block',
    [
      'header-extra-block-footer/bip-0005.md:18:1: warning: a second header block (footer) is ignored; the fields at line 3 are used [header/extra-block]',
    ],
  ],
  // `**Author**: GPT-5 (OpenAI), (Anthropic)`: the second author is only a provider.
  [
    'author-invalid-provider-only',
    'author/invalid',
    [
      'author-invalid-provider-only/bip-0005.md:7:13: error: an author in "GPT-5 (OpenAI), (Anthropic)" has no name [author/invalid]',
    ],
  ],
  // `**Author**: , ,`: separators and no names.
  ['author-empty-list', 'author/invalid', ['author-empty-list/bip-0005.md:7:13: error: ", ," names no author [author/invalid]']],
  // `Author(s):` (a listed alias) in a fenced preamble that also has `Type: Experimental`.
  [
    'fence-author-alias',
    'type/unlisted',
    [`fence-author-alias/bip-0005.md:6:13: error: type "Experimental" ${TYPES} [type/unlisted]`],
  ],
  // A fenced preamble with one line that is neither `Key: value` nor an indented continuation.
  [
    'fence-unreadable-line',
    'header/unreadable-line',
    [
      'fence-unreadable-line/bip-0005.md:10:1: error: this line of the preamble is not a "Key: value" line (indent it to continue the previous value) [header/unreadable-line]',
    ],
  ],
  // `**Author**` and later `**Authors**`: the alias repeats the field.
  [
    'field-duplicate-alias',
    'field/duplicate',
    [
      'field-duplicate-alias/bip-0005.md:13:14: warning: field "Authors" repeats "Author"; the first value is used [field/duplicate]',
    ],
  ],
  // A YAML author list whose second entry is only `(Anthropic)`: located at the list.
  [
    'frontmatter-author-list-invalid',
    'author/invalid',
    [
      'frontmatter-author-list-invalid/bip-0005.md:5:3: error: an author in "GPT-5 (OpenAI), (Anthropic)" has no name [author/invalid]',
    ],
  ],
  // `created: "2025-02-30"`: located inside the quotes.
  [
    'frontmatter-quoted-created-invalid',
    'created/invalid',
    [
      'frontmatter-quoted-created-invalid/bip-0005.md:10:11: error: "2025-02-30" is not an ISO date (YYYY-MM-DD) [created/invalid]',
    ],
  ],
  // An H1, then a fenced preamble with `Type: Experimental`: the preamble is still found.
  [
    'h1-then-fenced-preamble',
    'type/unlisted',
    [`h1-then-fenced-preamble/bip-0005.md:8:13: error: type "Experimental" ${TYPES} [type/unlisted]`],
  ],
  // bip-0005.md and bip-5.md both say `BIP: 5`, with one date: the one not named bip-0005.md is blamed.
  [
    'number-duplicate',
    'number/duplicate',
    [
      `number-duplicate/bip-5.md:5:10: error: this file also claims BIP 5, first taken by number-duplicate/bip-0005.md (line 5):${SAME_DAY}`,
    ],
  ],
  // proposal.md: a header without a BIP field, no number in the H1 or the name.
  ['number-missing', 'number/missing', [`number-missing/proposal.md:3:1: error: ${NO_NUMBER} [number/missing]`]],
  // `# BIP-XXX: [Descriptive Title]` left in place although the Title field is filled.
  [
    'placeholder-h1-with-title-field',
    'field/placeholder',
    [
      'placeholder-h1-with-title-field/bip-0005.md:1:1: error: the title heading still holds the template placeholder "BIP-XXX: [Descriptive Title]" [field/placeholder]',
    ],
  ],
  // An MDX body with an unclosed `<br>`: reported with everything else instead of stopping the build.
  [
    'mdx-syntax',
    'mdx/syntax',
    [
      'mdx-syntax/bip-0005.mdx:14:22: error: MDX does not compile: Expected a closing tag for `<br>` (14:22) before the end of `paragraph` [mdx/syntax]',
    ],
  ],
  // An .mdx BIP whose header is a `## BIP Information` section: MDX would show it on the page.
  [
    'mdx-header-in-body',
    'mdx/header',
    [
      'mdx-header-in-body/bip-0005.mdx:3:1: error: an .mdx BIP keeps its header in YAML frontmatter: MDX shows the body as written, so this header would appear on the page [mdx/header]',
    ],
  ],
  // An .mdx BIP importing a file and a package that are not there (one import over three lines);
  // a node built-in loads, and an import inside a code block is code.
  [
    'mdx-missing-import',
    'mdx/import',
    [
      'mdx-missing-import/bip-0005.mdx:12:20: error: the import "./chart.js" cannot be loaded (no such file); MDX cannot build a page that imports it [mdx/import]',
      'mdx-missing-import/bip-0005.mdx:15:9: error: the import "no-such-gauge-package" cannot be loaded (no package "no-such-gauge-package" is installed); MDX cannot build a page that imports it [mdx/import]',
    ],
  ],
  // An .mdx BIP whose image file is missing: MDX imports it and the build would stop.
  [
    'mdx-missing-image',
    'mdx/missing-image',
    [
      'mdx-missing-image/bip-0005.mdx:14:26: error: the image "flow.png" does not exist; MDX cannot build a page that imports it [mdx/missing-image]',
    ],
  ],
  // A companion notes.mdx with an unclosed `<section>`: companions are compiled too.
  [
    'mdx-companion-syntax',
    'mdx/syntax',
    [
      'mdx-companion-syntax/BIP-05/notes.mdx:3:22: error: MDX does not compile: Expected a closing tag for `<section>` (3:22) before the end of `paragraph` [mdx/syntax]',
    ],
  ],
  // bip-0005.MDX: the MDX compiler only reads the lower-case extension.
  [
    'mdx-upper-case-extension',
    'registry/extension',
    [
      'mdx-upper-case-extension/bip-0005.MDX:1:1: error: rename the file to end in ".mdx": the MDX compiler reads lower-case .mdx files only [registry/extension]',
    ],
  ],
  // A relative link to a file the registry does not have (the one in inline code is not a link).
  [
    'link-unresolved',
    'link/unresolved',
    ['link-unresolved/bip-0005.md:18:24: warning: the link "notes/design.md" leads to no file [link/unresolved]'],
  ],
  // No Title field and no H1.
  [
    'title-missing',
    'title/missing',
    ['title-missing/bip-0005.md:1:1: error: no title: add a "Title" field or a "# BIP-<n>: Title" heading [title/missing]'],
  ],
];

describe('one-fault fixtures', () => {
  test.each(CASES)('%s reports %s', (name, rule, expected) => {
    const diagnostics = lintCase(name);
    expect(diagnostics.map(formatDiagnostic)).toEqual(expected);
    expect(diagnostics.filter((d) => d.rule === rule).length).toBeGreaterThan(0);
  });

  test('every fixture folder is in the table, once', () => {
    const names = CASES.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    const folders = readdirSync(faultsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...folders].sort()).toEqual([...names].sort());
  });

  test('the table covers at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });
});
