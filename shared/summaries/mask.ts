/**
 * Masks the personal details a respondent most often types into a free-text answer, before the
 * comment reaches a summary, download or report.
 *
 * - e-mail addresses                                  -> "[email]"
 * - UK postcodes, with or without the space           -> "[postcode]"   (ME14 1XX, CT1 2AB, SW1A1AA)
 * - UK phone numbers: 0 + 9 or 10 digits, or +44/0044 (optionally "(0)") + 9 or 10 digits,
 *   digits grouped by spaces, hyphens or brackets     -> "[phone]"      (07700 900123, +44 20 7946 0000,
 *                                                                        (01622) 123456, 020-7946-0000)
 * - a name after a title (Mr, Mrs, Ms, Mx, Miss, Dr, Prof, Rev, Revd; with or without a dot):
 *   up to three capitalised words or initials, with Welsh and other particles between them
 *   ("ap", "ferch", "van", "de", ...)                 -> "Mr [name]"    (Mr John Smith, Mrs. O'Brien,
 *                                                                        Dr J. Smith, Mr Rhys ap Gwilym)
 *
 * It is a safety net, not a guarantee: a bare name ("Sarah told me") is not found. The
 * questions' hints ask respondents to leave such details out.
 */

/**
 * The lookbehind anchors the local part at the start of a run of its characters: without it the
 * engine retried from every position of a long run with no "@" (quadratic: 2,000 digits cost
 * 100 times an English comment).
 */
const EMAIL = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** Outward code (A9, A99, AA9, AA99, A9A, AA9A), optional space, inward code (9AA). */
const POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]?\d[A-Z]{2}\b/gi;

/**
 * National: "0" then 9 or 10 more digits; international: +44 / 0044, an optional "(0)", then
 * 9 or 10 digits. Single spaces, hyphens and brackets may group the digits. Not inside a longer
 * run of digits or a word.
 */
const PHONE = /(?<![\w+])(?:(?:\+|00)[ \t]?44[ \t-]?(?:\(0\)[ \t-]?)?|\(?0)\d(?:[ \t-]?\)?[ \t-]?\d){8,9}(?!\d)/g;

const TITLE = String.raw`(?:[Mm][Rr][Ss]?|[Mm][Ss]|[Mm][Xx]|[Mm][Ii][Ss][Ss]|[Dd][Rr]|Prof|PROF|Revd|Rev|REVD|REV)`;
/** An initial ("J.") or a capitalised word ("O'Brien", "Smith-Jones", not the "'s" of "Smith's"). */
const NAME_WORD = String.raw`(?:\p{Lu}\.|\p{Lu}\p{L}*(?:['’-](?!s\b)\p{L}+)*)`;
const PARTICLE = String.raw`(?:ap|ab|ferch|verch|van|von|de|der|den|du|da|di|le|la|bin|ibn)`;
const NOT_A_TITLE = String.raw`(?!${TITLE}\.?(?![\p{L}]))`;
const NAME = /* @__PURE__ */ new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${TITLE})(\.?)([ \t]+)${NOT_A_TITLE}${NAME_WORD}` +
    String.raw`(?:[ \t]+(?:${PARTICLE}[ \t]+)?${NOT_A_TITLE}${NAME_WORD}){0,2}`,
  'gu',
);

export function maskFreeText(s: string): string {
  return (s.includes('@') ? s.replace(EMAIL, '[email]') : s)
    .replace(POSTCODE, '[postcode]')
    .replace(PHONE, '[phone]')
    .replace(NAME, (_m, title: string, dot: string, space: string) => `${title}${dot}${space}[name]`);
}
