/** Splits text into lines, accepting LF, CRLF and a lone CR (old Mac files), and dropping a
 * byte-order mark. U+2028 and U+2029 are characters of a line here, as they are to git and to
 * markdown, not line ends. */
export function splitLines(text: string): string[] {
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting on a string is several times faster than on a pattern, and most files are LF-only.
  return bare.includes('\r') ? bare.split(/\r\n|\r|\n/) : bare.split('\n');
}
