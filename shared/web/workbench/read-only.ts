/**
 * What a person who may not edit reads instead of a form (issue 27, item 8): a GOV.UK summary
 * list of what was recorded, in words, with nothing greyed out to puzzle over. Pure.
 */
import { esc } from '#web/common/layout';

/** A summary list; each value is HTML already escaped by its caller. */
export function summaryList(rows: readonly (readonly [key: string, valueHtml: string])[], attributes = ''): string {
  return `<dl class="govuk-summary-list"${attributes}>
${rows.map(([key, value]) => `  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(key)}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`).join('\n')}
</dl>`;
}

/** Typed text as paragraphs (a blank line between them, as it was typed), or a word for nothing. */
export function paragraphsOr(text: string | undefined, none: string): string {
  const paragraphs = (text ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!paragraphs.length) return esc(none);
  return paragraphs.map((p) => `<p class="govuk-body">${esc(p).replace(/\r?\n/g, '<br>')}</p>`).join('');
}

/** One line of text, or a word for nothing. */
export const textOr = (text: string | undefined, none: string): string => esc(text?.trim() ? text.trim() : none);
