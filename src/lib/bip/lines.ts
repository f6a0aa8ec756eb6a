/** Splits text into lines, accepting LF, CRLF and a lone CR (old Mac files), and dropping a
 * byte-order mark. U+2028 and U+2029 are characters of a line here, as they are to git and to
 * markdown, not line ends. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
