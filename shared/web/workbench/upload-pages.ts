/**
 * The cases upload's confirmation page (issue 27): an upload that would replace cases already
 * entered lists them, by reference, with who saved each last and when, and asks before anything
 * is replaced. Its button sends the same file back (the page carries it), so nobody has to find
 * and choose the file again; a file too big to carry is chosen again beside the same confirmation.
 */
import type { CaseToReplace } from '#domain/cases';
import { esc } from '#web/common/layout';
import { csrfField, dateTime, pageUrls, table, workbenchFrame, type Viewer } from './frame';

/** Past this the page does not carry the file back (its form would near Lambda's 6 MB request): it is chosen again. */
export const CARRIED_CSV_MAX_CHARS = 1_500_000;

export const replaceUrl = (id: string) => `${pageUrls.upload(id)}/replace`;

export interface ReplaceCasesInput {
  session: Viewer;
  csrf: string;
  inspectionId: string;
  area: string;
  /** Each case with who saved it last by name (`savedBy`), never their account id. */
  cases: readonly (Omit<CaseToReplace, 'updatedBy' | 'updatedByName'> & { savedBy: string })[];
  /** How many cases the file holds in all. */
  uploaded: number;
  confirmation: string;
  /** The file as uploaded, when small enough to carry back. */
  csv?: string;
  /** The person had confirmed an earlier list, which changed before their confirmation arrived. */
  changedSinceAsked?: boolean;
}

const cases = (n: number) => (n === 1 ? '1 case' : `${n} cases`);

export function replaceCasesPage(input: ReplaceCasesInput): string {
  const { session, csrf, inspectionId: id, area, uploaded, confirmation, csv, changedSinceAsked } = input;
  const n = input.cases.length;
  const created = uploaded - n;
  const button = `Replace ${n === 1 ? 'this case' : `these ${n} cases`}`;
  const rows = input.cases.map((c) => [
    `<a class="govuk-link" href="${esc(pageUrls.case(id, c.caseRef))}">${esc(c.caseRef)}</a>`,
    c.row,
    esc(c.savedBy),
    esc(dateTime(c.updatedAt)),
    c.finished ? '<strong class="govuk-tag govuk-tag--green">Finished</strong>' : '<strong class="govuk-tag govuk-tag--yellow">Unfinished</strong>',
  ]);
  const form =
    csv !== undefined
      ? `<form method="post" action="${esc(replaceUrl(id))}" novalidate>
  ${csrfField(csrf)}
  <input type="hidden" name="confirmation" value="${esc(confirmation)}">
  <input type="hidden" name="csv" value="${esc(csv)}">
  <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">${esc(button)}</button>
</form>`
      : `<form method="post" action="${esc(pageUrls.upload(id))}" enctype="multipart/form-data" novalidate>
  ${csrfField(csrf)}
  <input type="hidden" name="confirmation" value="${esc(confirmation)}">
  <div class="govuk-form-group">
    <label class="govuk-label govuk-label--s" for="file">The same file again</label>
    <div id="file-hint" class="govuk-hint">The file is too big for this page to keep: choose it again to replace the cases listed.</div>
    <input class="govuk-file-upload" id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint">
  </div>
  <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">${esc(button)}</button>
</form>`;
  const changed = changedSinceAsked
    ? `<div class="govuk-inset-text">The cases to replace changed after you were asked: somebody saved one of them again, or the file now replaces another. Nothing was uploaded. Check the list again.</div>`
    : '';
  return workbenchFrame({
    session,
    csrf,
    title: `Replace ${cases(n)} already entered?`,
    backHref: pageUrls.dashboard(id),
    content: `<span class="govuk-caption-l">${esc(area)}</span>
<h1 class="govuk-heading-l">Replace ${esc(cases(n))} already entered?</h1>
${changed}
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Nothing has been uploaded yet. The file's rows would replace ${n === 1 ? 'this case' : 'these cases'} whole, including answers entered by hand. ${n === 1 ? 'Its earlier version stays' : 'Their earlier versions stay'} in ${n === 1 ? 'its' : 'their'} history.</strong></div>
<p class="govuk-body">The file has ${esc(cases(uploaded))}: ${esc(cases(n))} to replace${created ? ` and ${esc(cases(created))} to create` : ''}.</p>
${table(`${n === 1 ? 'The case' : 'The cases'} the file would replace`, ['Case', 'Row in the file', 'Last saved by', 'Saved at', 'Status'], rows, 5)}
${form}
<p class="govuk-body"><a class="govuk-link" href="${esc(pageUrls.dashboard(id))}">Cancel: upload nothing and go back to the inspection</a></p>`,
  });
}
