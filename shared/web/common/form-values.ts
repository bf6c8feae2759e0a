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

/**
 * The rows a form of repeated fields sent (`quote.0.text`, `quote.3.consent` for `quote`), in
 * order: a row the page added or a browser left out is read as it came, never by a count.
 */
export function rowsOf(values: Record<string, string>, row: string): number[] {
  const numbers = Object.keys(values)
    .filter((k) => k.startsWith(`${row}.`))
    .map((k) => Number(k.split('.')[1]));
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** A GOV.UK date input's parts, in the order its fields are shown. */
export const DATE_PARTS = ['day', 'month', 'year'] as const;

const capitalised = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/**
 * A date from a GOV.UK date input's day, month and year fields (`<field>-day` and so on; or,
 * from a script that posts the old single field, year-month-day as it is): the ISO date, or
 * what is wrong in words naming the field (`name`, for example "the first day of fieldwork").
 * `parts` collects what was typed, so a page with errors shows it again. All three empty is
 * `{ value: '', problem: 'Enter …' }`; a caller whose date is optional reads `empty`.
 */
export function dateFromForm(
  body: URLSearchParams,
  field: string,
  name: string,
  parts: Record<string, string>,
): { value: string; problem?: string; empty?: true } {
  const single = body.get(field)?.trim();
  if (single !== undefined && single !== '') {
    return /^\d{4}-\d{2}-\d{2}$/.test(single)
      ? { value: single }
      : { value: single, problem: `Enter ${name} as a day, month and year, for example 5 11 2007` };
  }
  const [day, month, year] = DATE_PARTS.map((part) => {
    const typed = body.get(`${field}-${part}`) ?? '';
    parts[`${field}-${part}`] = typed;
    return typed.trim();
  });
  const missing = DATE_PARTS.filter((_, i) => ![day, month, year][i]);
  if (missing.length === 3) return { value: '', problem: `Enter ${name}`, empty: true };
  if (missing.length) return { value: '', problem: `${capitalised(name)} must include a ${missing.join(' and a ')}` };
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!))
    return { value: '', problem: `${capitalised(name)} must be a real date` };
  return { value: `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` };
}
