/**
 * The workbench's meetings (issue 29): the list of an inspection's meetings, and one
 * meeting's form, which saves through the same use case as PUT /inspections/{id}/meetings/{meetingId}.
 * Pure functions from data to HTML, GOV.UK Frontend markup, working without JavaScript: a
 * finding per paragraph, quotes in fixed rows (two spare), consent a checkbox.
 */
import type { Inspection } from '#schemas/inspection';
import { MEETING_AUDIENCES, RESERVED_MEETING_ID, type Meeting } from '#schemas/meeting';
import type { WrittenText } from '#schemas/write-up';
import { errorMessage, errorSummary, esc, type ErrorItem } from '#web/common/layout';
import { rowsOf } from '#web/common/form-values';
import { paragraphsOr, summaryList, textOr } from './read-only';
import { closedNotice, csrfField, has, pageUrls, table, workbenchFrame, type Viewer } from './frame';

const enc = encodeURIComponent;
export const meetingUrls = {
  list: (id: string) => `/workbench/inspections/${enc(id)}/meetings`,
  one: (id: string, meetingId: string) => `/workbench/inspections/${enc(id)}/meetings/${enc(meetingId)}`,
};
/** The form for a meeting not yet recorded: its id is typed on the form (the use case refuses it as an id). */
export const NEW_MEETING = RESERVED_MEETING_ID;
/** Blank quote rows offered below the recorded ones (no JavaScript to add more). */
const SPARE_QUOTES = 2;

export const AUDIENCE_LABELS: Record<string, string> = {
  offender: 'Offenders',
  victim: 'Victims',
  sentencer: 'Sentencers',
  'offender-manager': 'Offender managers',
  'key-worker': 'Key workers',
  partner: 'Partners',
  other: 'Others',
};

export type MeetingFormValues = Record<string, string>;

const words = (t: WrittenText) => (typeof t === 'string' ? t : t.text);
const welsh = (t: WrittenText) => (typeof t === 'string' ? '' : (t.textCy ?? ''));
const splitParagraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

export function meetingFormValues(meeting: Meeting): MeetingFormValues {
  const v: MeetingFormValues = {
    meetingId: meeting.meetingId,
    kind: meeting.kind,
    audience: meeting.audience,
    people: String(meeting.people),
    individually: meeting.individually === undefined ? '' : String(meeting.individually),
    date: meeting.date,
    place: meeting.place ?? '',
    criteria: meeting.criteria.join(', '),
    notes: meeting.notes ?? '',
    findings: meeting.findings.map(words).join('\n\n'),
  };
  // Welsh paragraphs pair with the English ones by position: a dash keeps the place of one not translated.
  if (meeting.findings.some((f) => welsh(f))) v['findings.cy'] = meeting.findings.map((f) => welsh(f) || '-').join('\n\n');
  meeting.quotes.forEach((q, i) => {
    v[`quote.${i}.text`] = q.text;
    v[`quote.${i}.cy`] = q.textCy ?? '';
    if (q.consent) v[`quote.${i}.consent`] = 'yes';
  });
  return v;
}

/** The meeting a posted form describes, for the schema and the use case to check. */
export function meetingFromForm(form: URLSearchParams): { candidate: unknown; values: MeetingFormValues } {
  const values: MeetingFormValues = {};
  for (const [k, val] of form) if (k !== 'csrf' && k !== 'action') values[k] = val;
  const get = (name: string) => (values[name] ?? '').trim();
  const count = (name: string) => (get(name) === '' ? undefined : /^\d{1,6}$/.test(get(name)) ? Number(get(name)) : get(name));
  const en = splitParagraphs(values.findings ?? '');
  const cy = splitParagraphs(values['findings.cy'] ?? '');
  const findings = en.map((text, i) => (cy[i] && cy[i] !== '-' ? { text, textCy: cy[i]! } : text));
  const quotes = rowsOf(values, 'quote').flatMap((i) => {
    const text = get(`quote.${i}.text`);
    const textCy = get(`quote.${i}.cy`);
    if (!text && !textCy) return [];
    return [{ text, ...(textCy ? { textCy } : {}), consent: values[`quote.${i}.consent`] === 'yes' }];
  });
  const people = count('people');
  const individually = count('individually');
  const candidate = {
    kind: get('kind') || undefined,
    audience: get('audience') || undefined,
    people,
    ...(individually === undefined ? {} : { individually }),
    date: get('date'),
    ...(get('place') ? { place: get('place') } : {}),
    criteria: get('criteria')
      .split(/[\s,;]+/)
      .filter(Boolean),
    ...(get('notes') ? { notes: values.notes } : {}),
    findings,
    quotes,
  };
  return { candidate, values };
}

/** The form field a problem's path names ("quotes.1.text" -> "quote.1.text", "criteria.0" -> "criteria"). */
export function fieldOfMeetingProblem(path: string): string {
  const [head, n, rest] = path.split('.');
  if (head === 'quotes') return `quote.${n ?? 0}.${rest === 'textCy' ? 'cy' : 'text'}`;
  if (head === 'findings') return 'findings';
  if (head === 'meetingId') return 'meetingId';
  return head ?? 'kind';
}

/** A meeting as text, for those who may not edit it (staff, or anyone once the inspection is closed). */
function meetingReadOnly(values: MeetingFormValues): string {
  const quotes = rowsOf(values, 'quote').map(
    (i) => `<h3 class="govuk-heading-s">Quote ${i + 1}</h3>
${summaryList(
  [
    ['In the speaker’s words', textOr(values[`quote.${i}.text`], 'None recorded')],
    ['In Welsh', textOr(values[`quote.${i}.cy`], 'Not translated')],
    ['Published', values[`quote.${i}.consent`] === 'yes' ? 'Yes: the speaker agreed' : 'No: the speaker did not agree'],
  ],
  ` id="quote-${i + 1}"`,
)}`,
  );
  return `${summaryList(
    [
      ['Kind of meeting', values.kind === 'group' ? 'Group' : 'Interview'],
      ['Who took part', textOr(AUDIENCE_LABELS[values.audience ?? ''] ?? values.audience, 'Not recorded')],
      ['How many people took part', textOr(values.people, 'Not recorded')],
      ['Met one by one', textOr(values.individually, values.kind === 'group' ? 'Nobody' : 'Everyone')],
      ['Date', textOr(values.date, 'Not recorded')],
      ['Where', textOr(values.place, 'Not recorded')],
      ['Criteria it bears on', textOr(values.criteria, 'None')],
      ['Findings for the report', paragraphsOr(values.findings, 'None recorded')],
      ['Findings in Welsh', paragraphsOr(values['findings.cy'], 'Not translated')],
      ['Notes (staff only)', paragraphsOr(values.notes, 'None')],
    ],
    ' id="meeting"',
  )}
<h2 class="govuk-heading-m">Quotes</h2>
${quotes.length ? quotes.join('\n') : '<p class="govuk-body">No quotes recorded.</p>'}`;
}

/** The counts here are every person met: the published report holds back a count under 3 ([c]) by the disclosure rule. */
const NOT_FOR_PUBLICATION = `<div class="govuk-warning-text" id="not-for-publication"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Not for publication: the numbers of people here are every person met. The published report and its downloads show a count under 3 people as [c], and hold back how they were met wherever the total would give it away.</strong></div>`;

export function meetingsListPage(input: {
  session: Viewer;
  csrf: string;
  inspection: Inspection;
  meetings: readonly Meeting[];
  saved?: string;
  deleted?: string;
}): string {
  const { session, csrf, inspection, meetings } = input;
  const id = inspection.inspectionId;
  const canEdit = has(session, 'inspector', 'admin') && inspection.status === 'open';
  const rows = meetings.map((m) => [
    `<a class="govuk-link" href="${esc(meetingUrls.one(id, m.meetingId))}">${esc(m.meetingId)}</a>`,
    esc(AUDIENCE_LABELS[m.audience] ?? m.audience),
    m.kind === 'group' ? 'Group' : 'Interview',
    esc(m.date),
    m.people,
    m.findings.length,
    `${m.quotes.filter((q) => q.consent).length} of ${m.quotes.length}`,
  ]);
  const done = input.saved ? `Meeting ${input.saved} saved.` : input.deleted ? `Meeting ${input.deleted} deleted.` : '';
  const banner = done
    ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="meeting-done-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="meeting-done-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(done)} The report shows it from the next recompute.</p></div>
</div>`
    : '';
  return workbenchFrame({
    session,
    csrf,
    title: 'Meetings',
    backHref: pageUrls.dashboard(id),
    content: `${banner}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">Meetings</h1>
<p class="govuk-body">The interviews and groups met in person. Their findings and the quotes with consent go into the service users’ perspective of the report; notes stay here, for staff only.</p>
${canEdit ? `<a href="${esc(meetingUrls.one(id, NEW_MEETING))}" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Record a meeting</a>` : ''}
${
  meetings.length
    ? `${NOT_FOR_PUBLICATION}
${table('Meetings recorded', ['Meeting', 'Who', 'Kind', 'Date', 'People', 'Findings', 'Quotes with consent'], rows, 4)}`
    : '<p class="govuk-body">No meetings recorded yet.</p>'
}`,
  });
}

export function meetingFormPage(input: {
  session: Viewer;
  csrf: string;
  inspection: Inspection;
  meetingId: string;
  values: MeetingFormValues;
  errors?: readonly { field: string; message: string }[];
}): string {
  const { session, csrf, inspection, values, errors = [] } = input;
  const id = inspection.inspectionId;
  const isNew = input.meetingId === NEW_MEETING;
  const canEdit = has(session, 'inspector', 'admin') && inspection.status === 'open';
  const errorOf = new Map<string, string>();
  for (const e of errors) if (!errorOf.has(e.field)) errorOf.set(e.field, e.message);
  const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const items: ErrorItem[] = [...errorOf].map(([field, message]) => ({ href: `#${idOf(field)}`, message }));
  const group = (name: string, inner: string) => {
    const err = errorOf.get(name);
    return `<div class="govuk-form-group${err ? ' govuk-form-group--error' : ''}">${err ? errorMessage('en', `${idOf(name)}-error`, err) : ''}${inner}</div>`;
  };
  const described = (name: string, hint?: string) => {
    const ids = [hint ? `${idOf(name)}-hint` : '', errorOf.has(name) ? `${idOf(name)}-error` : ''].filter(Boolean).join(' ');
    return ids ? ` aria-describedby="${ids}"` : '';
  };
  const hintOf = (name: string, hint?: string) => (hint ? `<div id="${idOf(name)}-hint" class="govuk-hint">${esc(hint)}</div>` : '');
  const text = (name: string, label: string, hint?: string, width = '') =>
    group(
      name,
      `<label class="govuk-label govuk-label--s" for="${idOf(name)}">${esc(label)}</label>${hintOf(name, hint)}
<input class="govuk-input${width}${errorOf.has(name) ? ' govuk-input--error' : ''}" id="${idOf(name)}" name="${esc(name)}" type="text" value="${esc(values[name] ?? '')}"${described(name, hint)}>`,
    );
  const area = (name: string, label: string, hint?: string, rows = 5) =>
    group(
      name,
      `<label class="govuk-label govuk-label--s" for="${idOf(name)}">${esc(label)}</label>${hintOf(name, hint)}
<textarea class="govuk-textarea${errorOf.has(name) ? ' govuk-textarea--error' : ''}" id="${idOf(name)}" name="${esc(name)}" rows="${rows}"${described(name, hint)}>${esc(values[name] ?? '')}</textarea>`,
    );
  const kind = group(
    'kind',
    `<fieldset class="govuk-fieldset"${described('kind')}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Kind of meeting</legend>
<div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
${[
  ['interview', 'Interview'],
  ['group', 'Group'],
]
  .map(
    (
      [value, label],
      i,
    ) => `<div class="govuk-radios__item"><input class="govuk-radios__input" id="${i === 0 ? idOf('kind') : `${idOf('kind')}-${i + 1}`}" name="kind" type="radio" value="${value}"${values.kind === value ? ' checked' : ''}>
<label class="govuk-label govuk-radios__label" for="${i === 0 ? idOf('kind') : `${idOf('kind')}-${i + 1}`}">${label}</label></div>`,
  )
  .join('\n')}
</div></fieldset>`,
  );
  const audience = group(
    'audience',
    `<label class="govuk-label govuk-label--s" for="${idOf('audience')}">Who took part</label>
<select class="govuk-select" id="${idOf('audience')}" name="audience"${described('audience')}>
<option value="">Choose who</option>
${MEETING_AUDIENCES.map((a) => `<option value="${a}"${values.audience === a ? ' selected' : ''}>${esc(AUDIENCE_LABELS[a]!)}</option>`).join('\n')}
</select>`,
  );
  const quoteRows = rowsOf(values, 'quote');
  const quoteCount = (quoteRows.length ? Math.max(...quoteRows) + 1 : 0) + SPARE_QUOTES;
  const quotes = Array.from(
    { length: quoteCount },
    (
      _,
      i,
    ) => `<fieldset class="govuk-fieldset govuk-!-margin-bottom-6"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Quote ${i + 1}</legend>
${area(`quote.${i}.text`, `Quote ${i + 1}, in the speaker’s words`, undefined, 2)}
${area(`quote.${i}.cy`, `Quote ${i + 1} in Welsh (optional)`, undefined, 2)}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="${idOf(`quote.${i}.consent`)}" name="quote.${i}.consent" type="checkbox" value="yes"${values[`quote.${i}.consent`] === 'yes' ? ' checked' : ''}>
<label class="govuk-label govuk-checkboxes__label" for="${idOf(`quote.${i}.consent`)}">The speaker agreed to this quote being published</label>
</div></div></fieldset>`,
  ).join('\n');
  const title = isNew ? 'Record a meeting' : `Meeting ${input.meetingId}`;
  const action = meetingUrls.one(id, input.meetingId);
  if (!canEdit) {
    return workbenchFrame({
      session,
      csrf,
      title,
      backHref: meetingUrls.list(id),
      content: `<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">${esc(title)}</h1>
${inspection.status === 'open' ? '' : closedNotice(id)}
${isNew ? `<p class="govuk-body">${inspection.status === 'open' ? 'Meetings are recorded by inspectors and admins.' : 'No meeting can be recorded while the inspection is closed.'}</p>` : meetingReadOnly(values)}`,
    });
  }
  return workbenchFrame({
    session,
    csrf,
    title,
    hasErrors: errors.length > 0,
    backHref: meetingUrls.list(id),
    content: `${errorSummary('en', items)}
<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">${esc(title)}</h1>
<form method="post" action="${esc(action)}" novalidate>
  ${csrfField(csrf)}
  ${isNew ? text('meetingId', 'Meeting reference', 'Lower-case letters, digits and dashes, with at least one digit or dash, for example offenders-idap', ' govuk-!-width-one-half') : ''}
  ${kind}
  ${audience}
  ${text('people', 'How many people took part', undefined, ' govuk-input--width-4')}
  ${text('individually', 'Of those, how many were met one by one (optional)', 'Left blank: everyone at an interview, nobody in a group', ' govuk-input--width-4')}
  ${text('date', 'Date', 'For example 2007-11-06', ' govuk-input--width-10')}
  ${text('place', 'Where (optional)', 'For example: the approved premises in Maidstone')}
  ${text('criteria', 'Criteria it bears on', 'For example 2.3, 2.5', ' govuk-!-width-one-half')}
  ${area('findings', 'Findings for the report', 'One paragraph each, separated by a blank line. They are published.', 8)}
  ${area('findings.cy', 'Findings in Welsh (optional)', 'The same paragraphs in the same order; a dash keeps the place of one not translated.', 4)}
  ${area('notes', 'Notes (staff only)', 'Never published, in any report, release or download.', 6)}
  <h2 class="govuk-heading-m">Quotes</h2>
  <p class="govuk-body">A quote is published only when its speaker agreed. Names, phone numbers and e-mail addresses in it are masked as respondents’ comments are.</p>
  ${quotes}
  <div class="govuk-button-group">
    <button type="submit" class="govuk-button" data-module="govuk-button" name="action" value="save">Save meeting</button>
    ${isNew ? '' : '<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button" name="action" value="delete">Delete meeting</button>'}
  </div>
</form>`,
  });
}
