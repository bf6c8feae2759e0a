/**
 * Whether a field came back from the browser as the page showed it. A textarea's line breaks
 * come back as CRLF and its first newline is dropped; a text input loses its line breaks
 * altogether. Beyond that only the edges' whitespace is ignored, so a line break a person adds
 * or takes away is a change. A field sent back as shown keeps exactly what was stored: opening
 * a page and saving it unchanged must change nothing (issue 26, finding 3).
 */
export function sameAsShown(posted: string, shown: string, control: 'textarea' | 'input' = 'textarea'): boolean {
  const norm = (s: string) => (control === 'input' ? s.replace(/[\r\n]/g, '') : s.replace(/\r\n?/g, '\n')).trim();
  return norm(posted) === norm(shown);
}
