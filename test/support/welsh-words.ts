/**
 * The oracle of the Welsh report's word count (issue 28, "Welsh throughout"): which words of a
 * Welsh page are English. Independent of the code under test: a word is English when the
 * English page of the same inspection uses it, unless this file lists it as a Welsh word that
 * English spells the same, or as a name; it never looks at the page's own lang="en" marks.
 */

/** Welsh words that are also English spellings ("a" and, "i" to, "o" of, "am" about, "all" can...), judged one by one. */
export const WELSH_HOMOGRAPHS: ReadonlySet<string> = new Set([
  // Function words: a (and), i (to), o (of, from), am (about), ar (on), at (towards), all (can), dim (no), un (one), dan (under), pan (when), na (nor).
  'a',
  'i',
  'o',
  'am',
  'ar',
  'at',
  'all',
  'dim',
  'un',
  'dan',
  'pan',
  'na',
  // do (yes, to a past question: "Do/Ydw"), offer (tools: "offer asesu"), well (better: "mae’n well").
  'do',
  'offer',
  'well',
  // Loanwords Welsh spells as English does.
  'staff',
  'mentor',
  'model',
  'data',
  'post',
  'bar',
  'band',
  'agenda',
  'alcohol',
  'system',
  'sector',
  // draw ("drwyddi draw": throughout), is ("is-gontractio": sub-contracting), ii (the roman numeral of "Cam II").
  'draw',
  'is',
  'ii',
]);

/** Names: of places, schemes, tools and people, and the acronyms the inspectorate uses in both languages. */
export const NAMES: ReadonlySet<string> = new Set([
  'kent',
  'oasys',
  'ogrs',
  'mappa',
  'ppo',
  'ppos',
  'sdr',
  'sdrs',
  'fdr',
  'fdrs',
  'lcjb',
  'csv',
  'json',
  'pdf',
  'hmi',
  'ef',
  'cohen',
  'english',
  'cymraeg',
  'oasys’',
  'nomis',
  'noms',
  'ippf',
  'kappa',
  'knt',
  // The programmes' and orders' acronyms in Appendix 1 (Drug Treatment and Testing Order, Drug Rehabilitation Requirement, offending behaviour programmes).
  'dtto',
  'drr',
  'obp',
  // Addresses: the approved premises and the inspectorate's own (Ashley House, 2 Monck Street, SW1P 2BQ).
  'fleming',
  'house',
  'ashley',
  'monck',
  'street',
  'sw',
  'bq',
]);

/**
 * The words of a text: letters with their apostrophes, lower-cased. The GSS mark "[c]" and
 * single letters (the lettered findings' "(b)", "e-OASys") are not words of either language.
 */
export function wordsOf(text: string): string[] {
  return (text.replace(/\[c\]/g, ' ').match(/[\p{L}][\p{L}’']*/gu) ?? [])
    .map((w) => w.toLowerCase().replace(/[’']$/, ''))
    .filter((w) => w.length > 1);
}

/** The visible text of an HTML page: scripts and styles dropped, tags removed, the entities our pages use decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|title)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Cuts each top-level part (an `<h2>` and all up to the next `<h2>`) whose heading id is listed. */
export function withoutParts(html: string, ids: readonly string[]): string {
  return html
    .split(/(?=<h2\b)/)
    .filter((part) => {
      const id = /^<h2\b[^>]*\bid="([^"]+)"/.exec(part)?.[1];
      return !id || !ids.includes(id);
    })
    .join('');
}

/** Quotations (what people said, in the language they said it) and respondents' comments are theirs, not the report's. */
export function withoutQuotations(html: string): string {
  return html.replace(/<p class="govuk-body app-quote"[^>]*>[\s\S]*?<\/p>/g, ' ').replace(/<li class="app-comment"[^>]*>[\s\S]*?<\/li>/g, ' ');
}

/** The English words of a Welsh page: words the English page uses, less homographs, names and the extra names given. */
export function englishWordsIn(welshHtml: string, englishHtml: string, extraNames: ReadonlySet<string> = new Set()): string[] {
  const english = new Set(wordsOf(visibleText(englishHtml)));
  return wordsOf(visibleText(welshHtml)).filter((w) => english.has(w) && !WELSH_HOMOGRAPHS.has(w) && !NAMES.has(w) && !extraNames.has(w));
}
