/**
 * The report's front and back matter (issue 27, "done when": a whole report written in the
 * browser alone): the cover, the foreword, the acknowledgements, the inspection team, the
 * abbreviations and the next-steps decision. Each part is its own form and its own write-up
 * section, saved on the version it was shown at (PUT .../write-up/sections/{sectionId}'s use
 * case), so two people writing different parts never collide.
 *
 * The page writes English. A paragraph (or a role, or a meaning) whose English comes back as it
 * was shown keeps its Welsh; one whose English changed loses it, as its translation no longer fits.
 */
import type { Inspection } from '#schemas/inspection';
import { NEXT_STEPS_DECISIONS, type Paragraph, type WriteUp } from '#schemas/write-up';
import { errorMessage, errorSummary, esc } from '#web/common/layout';
import { dateTime, type FieldError, page, pageUrls, type Viewer } from './frame';

export const DOCUMENT_SECTIONS = ['cover', 'foreword', 'acknowledgements', 'inspection-team', 'abbreviations', 'next-steps'] as const;
export type DocumentSection = (typeof DOCUMENT_SECTIONS)[number];

const TITLES: Record<DocumentSection, string> = {
  cover: 'Cover',
  foreword: 'Foreword',
  acknowledgements: 'Acknowledgements',
  'inspection-team': 'The inspection team',
  abbreviations: 'Abbreviations',
  'next-steps': 'Next steps',
};

const DECISION_WORDS: Record<(typeof NEXT_STEPS_DECISIONS)[number], string> = {
  'no-further-inspection': 'No further inspection',
  'further-inspection': 'A further inspection',
};

export const documentUrl = (id: string) => `${pageUrls.writeUp(id)}/document`;

/** What a part's fields say, as typed: every field a string. */
export type DocumentValues = Record<string, string>;

const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
/** A "role: names" or "term: meaning" line cut at its first colon; complete when both sides are there. */
function atColon(line: string) {
  const at = line.indexOf(':');
  const after = line.slice(at + 1).trim();
  return { at, before: line.slice(0, Math.max(0, at)).trim(), after, complete: at > 0 && after !== '' };
}

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The fields of each part as the write-up holds it. */
export function documentValues(writeUp: WriteUp): Record<DocumentSection, DocumentValues> {
  return {
    cover: { publicationMonth: writeUp.cover?.publicationMonth ?? '', inspectionDates: writeUp.cover?.inspectionDates?.text ?? '' },
    foreword: { paragraphs: (writeUp.foreword?.paragraphs ?? []).map((p) => p.text).join('\n\n'), signedBy: writeUp.foreword?.signedBy?.text ?? '' },
    acknowledgements: { paragraphs: (writeUp.acknowledgements ?? []).map((p) => p.text).join('\n\n') },
    'inspection-team': { team: (writeUp.inspectionTeam ?? []).map((t) => `${t.role.text}: ${t.names}`).join('\n') },
    abbreviations: { abbreviations: (writeUp.abbreviations ?? []).map((a) => `${a.term}: ${a.meaning.text}`).join('\n') },
    'next-steps': { decision: writeUp.nextSteps?.decision ?? '', text: writeUp.nextSteps?.text?.text ?? '' },
  };
}

/** English back in a paragraph, its Welsh kept when the English is the one it was written for. */
const keepWelsh = (text: string, before: Paragraph | undefined): Paragraph =>
  before && before.text === text && before.textCy ? { text, textCy: before.textCy } : { text };

/**
 * A part's content from its posted fields, or the problems in plain words (each naming its
 * field). An empty part is `null`: the section taken out of the report.
 */
export function documentContent(
  section: DocumentSection,
  form: URLSearchParams,
  writeUp: WriteUp,
): { content: unknown; values: DocumentValues; problems: FieldError[] } {
  const get = (name: string) => (form.get(name) ?? '').trim();
  const problems: FieldError[] = [];
  switch (section) {
    case 'cover': {
      const values = { publicationMonth: get('publicationMonth'), inspectionDates: get('inspectionDates') };
      if (values.publicationMonth && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.publicationMonth)) {
        problems.push({ field: 'publicationMonth', message: 'Enter the month of publication as a year and month, for example 2008-02' });
      }
      const content =
        values.publicationMonth || values.inspectionDates
          ? {
              ...(values.publicationMonth ? { publicationMonth: values.publicationMonth } : {}),
              ...(values.inspectionDates ? { inspectionDates: keepWelsh(values.inspectionDates, writeUp.cover?.inspectionDates) } : {}),
            }
          : null;
      return { content, values, problems };
    }
    case 'foreword': {
      const values = { paragraphs: get('paragraphs'), signedBy: get('signedBy') };
      const before = writeUp.foreword?.paragraphs ?? [];
      const paragraphs = paragraphsOf(values.paragraphs).map((text, i) => keepWelsh(text, before[i]));
      const content =
        paragraphs.length || values.signedBy
          ? { paragraphs, ...(values.signedBy ? { signedBy: keepWelsh(values.signedBy, writeUp.foreword?.signedBy) } : {}) }
          : null;
      return { content, values, problems };
    }
    case 'acknowledgements': {
      const values = { paragraphs: get('paragraphs') };
      const before = writeUp.acknowledgements ?? [];
      const paragraphs = paragraphsOf(values.paragraphs).map((text, i) => keepWelsh(text, before[i]));
      return { content: paragraphs.length ? paragraphs : null, values, problems };
    }
    case 'inspection-team': {
      const values = { team: get('team') };
      const before = writeUp.inspectionTeam ?? [];
      const team = linesOf(values.team).map((line, i) => {
        const { before: role, after: names, complete } = atColon(line);
        const example = 'for example "HM Inspectors: Lisa Cox, Melva Burton"';
        if (!complete) problems.push({ field: 'team', message: `Line ${i + 1}: write the role, a colon, then the names, ${example}` });
        return { role: keepWelsh(role, before.find((t) => t.role.text === role)?.role), names };
      });
      return { content: team.length ? team : null, values, problems };
    }
    case 'abbreviations': {
      const values = { abbreviations: get('abbreviations') };
      const before = writeUp.abbreviations ?? [];
      const list = linesOf(values.abbreviations).map((line, i) => {
        const { at, before: term, after: meaning, complete } = atColon(line);
        const wanted = 'write the abbreviation, a colon, then what it stands for, for example "OM: Offender manager"';
        if (!complete) problems.push({ field: 'abbreviations', message: `Line ${i + 1}: ${wanted}` });
        else if (at > 40) problems.push({ field: 'abbreviations', message: `Line ${i + 1}: an abbreviation is at most 40 characters` });
        return { term, meaning: keepWelsh(meaning, before.find((a) => a.term === term)?.meaning) };
      });
      return { content: list.length ? list : null, values, problems };
    }
    case 'next-steps': {
      const values = { decision: get('decision'), text: get('text') };
      if (values.decision && !(NEXT_STEPS_DECISIONS as readonly string[]).includes(values.decision))
        problems.push({ field: 'decision', message: 'Choose the decision on further inspection' });
      if (!values.decision && values.text) problems.push({ field: 'decision', message: 'Choose the decision the words explain' });
      const content = values.decision
        ? { decision: values.decision, ...(values.text ? { text: keepWelsh(values.text, writeUp.nextSteps?.text) } : {}) }
        : null;
      return { content, values, problems };
    }
  }
}

export interface DocumentPageInput {
  session: Viewer;
  csrf: string;
  inspection: Inspection;
  values: Record<DocumentSection, DocumentValues>;
  versions: Record<DocumentSection, { version: number; updatedAt?: string; updatedByName?: string }>;
  canEdit: boolean;
  /** The part a post came back to, with what went wrong. */
  errors?: { section: DocumentSection; items: FieldError[]; conflict?: string };
  saved?: DocumentSection;
}

const FIELDS: Record<DocumentSection, { name: string; label: string; hint?: string; kind: 'input' | 'textarea' | 'radios'; rows?: number }[]> = {
  cover: [
    {
      name: 'publicationMonth',
      label: 'Month of publication',
      hint: 'As a year and month, for example 2008-02. The cover shows the month, never the day a release was made.',
      kind: 'input',
    },
    {
      name: 'inspectionDates',
      label: 'The inspection dates, as the cover words them',
      hint: 'For example "Fieldwork: 5-9 November 2007"',
      kind: 'input',
    },
  ],
  foreword: [
    { name: 'paragraphs', label: 'The foreword', hint: 'Leave a blank line between paragraphs.', kind: 'textarea', rows: 10 },
    { name: 'signedBy', label: 'Signed by', hint: 'For example "Andrew Bridges, HM Chief Inspector of Probation"', kind: 'input' },
  ],
  acknowledgements: [
    { name: 'paragraphs', label: 'The acknowledgements', hint: 'Leave a blank line between paragraphs.', kind: 'textarea', rows: 6 },
  ],
  'inspection-team': [
    {
      name: 'team',
      label: 'The inspection team',
      hint: 'One role a line: the role, a colon, then the names. For example "HM Inspectors: Lisa Cox, Melva Burton".',
      kind: 'textarea',
      rows: 8,
    },
  ],
  abbreviations: [
    {
      name: 'abbreviations',
      label: 'Abbreviations',
      hint: 'One a line: the abbreviation, a colon, then what it stands for. For example "OM: Offender manager".',
      kind: 'textarea',
      rows: 12,
    },
  ],
  'next-steps': [
    { name: 'decision', label: 'The decision on further inspection', kind: 'radios' },
    { name: 'text', label: 'What the report says of it', hint: 'Optional.', kind: 'textarea', rows: 4 },
  ],
};

function fieldHtml(section: DocumentSection, field: (typeof FIELDS)[DocumentSection][number], value: string, error: FieldError | undefined): string {
  const id = `${section}-${field.name}`;
  const hintId = field.hint ? `${id}-hint` : '';
  const described = [hintId, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const hint = field.hint ? `<div id="${hintId}" class="govuk-hint">${esc(field.hint)}</div>` : '';
  const message = error ? errorMessage('en', id, error.message) : '';
  if (field.kind === 'radios') {
    const radios = NEXT_STEPS_DECISIONS.map(
      (d, i) =>
        `<div class="govuk-radios__item"><input class="govuk-radios__input" id="${i === 0 ? id : `${id}-${d}`}" name="${field.name}" type="radio" value="${d}"${value === d ? ' checked' : ''}><label class="govuk-label govuk-radios__label" for="${i === 0 ? id : `${id}-${d}`}">${esc(DECISION_WORDS[d])}</label></div>`,
    ).join('\n');
    return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><fieldset class="govuk-fieldset"${described ? ` aria-describedby="${described}"` : ''}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(field.label)}</legend>${message}<div class="govuk-radios" data-module="govuk-radios">${radios}</div></fieldset></div>`;
  }
  const attrs = `id="${id}" name="${field.name}"${described ? ` aria-describedby="${described}"` : ''}`;
  const control =
    field.kind === 'input'
      ? `<input class="govuk-input${error ? ' govuk-input--error' : ''}" ${attrs} type="text" value="${esc(value)}">`
      : `<textarea class="govuk-textarea${error ? ' govuk-textarea--error' : ''}" ${attrs} rows="${field.rows ?? 5}">${esc(value)}</textarea>`;
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><label class="govuk-label govuk-label--s" for="${id}">${esc(field.label)}</label>${hint}${message}${control}</div>`;
}

/** A part as text, for staff and a closed inspection. */
function readOnlyHtml(section: DocumentSection, values: DocumentValues): string {
  const rows = FIELDS[section].map((f) => {
    const value = f.kind === 'radios' ? (DECISION_WORDS[values[f.name] as keyof typeof DECISION_WORDS] ?? '') : (values[f.name] ?? '');
    const shown = value
      ? value
          .split(/\r?\n/)
          .map((l) => esc(l))
          .join('<br>')
      : '<span class="govuk-hint">Not written yet</span>';
    return `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(f.label)}</dt><dd class="govuk-summary-list__value">${shown}</dd></div>`;
  });
  return `<dl class="govuk-summary-list">${rows.join('')}</dl>`;
}

export function documentPage(input: DocumentPageInput): string {
  const { session, csrf, inspection, values, versions, canEdit, errors, saved } = input;
  const id = inspection.inspectionId;
  const summary = errors?.items.length
    ? errorSummary(
        'en',
        errors.items.map((e) => ({ href: `#${errors.section}-${e.field}`, message: e.message })),
      )
    : '';
  const parts = DOCUMENT_SECTIONS.map((section) => {
    const meta = versions[section];
    const last = meta.updatedAt
      ? `<p class="govuk-body-s">Last saved${meta.updatedByName ? ` by ${esc(meta.updatedByName)}` : ''} on ${esc(dateTime(meta.updatedAt))}.</p>`
      : '';
    const banner =
      saved === section
        ? `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="${section}-saved-title" data-module="govuk-notification-banner"><div class="govuk-notification-banner__header"><h3 class="govuk-notification-banner__title" id="${section}-saved-title">Success</h3></div><div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${esc(TITLES[section])} saved</p></div></div>`
        : '';
    const conflict =
      errors?.section === section && errors.conflict
        ? `<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${esc(errors.conflict)}</strong></div>`
        : '';
    const body = canEdit
      ? `<form method="post" action="${esc(documentUrl(id))}#${section}" novalidate>
  <input type="hidden" name="csrf" value="${esc(csrf)}">
  <input type="hidden" name="section" value="${section}">
  <input type="hidden" name="expectedVersion" value="${meta.version}">
  ${FIELDS[section].map((f) => fieldHtml(section, f, values[section][f.name] ?? '', errors?.section === section ? errors.items.find((e) => e.field === f.name) : undefined)).join('\n  ')}
  <button type="submit" class="govuk-button" data-module="govuk-button">Save ${esc(TITLES[section].toLowerCase())}</button>
</form>`
      : readOnlyHtml(section, values[section]);
    return `<section id="${section}" aria-labelledby="${section}-title"><h2 class="govuk-heading-m" id="${section}-title">${esc(TITLES[section])}</h2>${banner}${conflict}${last}${body}</section>`;
  });
  const closed =
    inspection.status !== 'open'
      ? '<p class="govuk-body">This inspection is closed: a final release was made. An admin can reopen it from the releases page.</p>'
      : '';
  return page({
    session,
    csrf,
    title: `${errors?.items.length ? 'Error: ' : ''}The report's front and back matter`,
    hasErrors: !!errors?.items.length,
    backHref: pageUrls.writeUp(id),
    content: `${summary}<span class="govuk-caption-l">${esc(inspection.area)}</span>
<h1 class="govuk-heading-l">The report's front and back matter</h1>
${closed}<p class="govuk-body">Each part is saved on its own: somebody writing another part at the same time changes nothing of yours.</p>
<ul class="govuk-list">${DOCUMENT_SECTIONS.map((s) => `<li><a class="govuk-link" href="#${s}">${esc(TITLES[s])}</a></li>`).join('')}</ul>
${parts.join('\n')}`,
  });
}
