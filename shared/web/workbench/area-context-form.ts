/**
 * The part of the workbench's caseload form for the rest of Appendix 2 (issue 28), and the
 * sample's minimums, which the form used to drop on every save: the month
 * the caseload was counted, the MAPPA and PPO shares, the local definition of a PPO in English
 * and Welsh, the revenue budgets and the approved premises. The form replaces the whole
 * context, as PUT /inspections/{id}/context does, so every part the JSON route takes is here,
 * else a save from the page would drop what was sent another way. A field left empty is not
 * given, and the report then says "Not known". Pure functions from form to context and back.
 */
import type { AreaContext } from '#schemas/evidence';
import { MAPPA_LEVELS, MINIMUM_KINDS } from '#schemas/vocabulary';
import { errorMessage, esc } from '#web/common/layout';
import type { FieldError } from './frame';

type AreaFigures = Pick<
  AreaContext,
  'minimums' | 'caseloadAt' | 'mappaPercent' | 'ppoPercent' | 'ppoDefinition' | 'revenueBudgets' | 'approvedPremises'
>;

/** Rows offered for budgets and approved premises: those given, and one more, up to the schema's limits. */
const BUDGET_ROWS_MAX = 10;
const PREMISES_ROWS_MAX = 50;

/** The form's names for the rows given (`revenueBudgets.0.year`), so a row typed in and refused comes back. */
function rowsTyped(form: URLSearchParams, prefix: string): number {
  let n = 0;
  for (const name of form.keys()) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,2})\\.`).exec(name);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

/** Reads the figures typed, adding to `values` (what to show again) and `errors` (one for each field it cannot read). */
export function readAreaFiguresForm(form: URLSearchParams, values: Record<string, string>, errors: FieldError[]): AreaFigures {
  const typed = (name: string) => {
    values[name] = form.get(name) ?? '';
    return values[name].trim();
  };
  const figures: AreaFigures = {};
  const percent = (name: string, id: string, label: string): number | undefined => {
    const text = typed(name).replace(/%$/, '').trim();
    if (!text) return undefined;
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || Number(text) > 100) {
      errors.push({ field: id, message: `Enter ${label} as a percentage from 0 to 100 with at most two decimal places, like 0.89` });
      return undefined;
    }
    return Number(text);
  };

  const minimums: NonNullable<AreaFigures['minimums']> = {};
  for (const kind of MINIMUM_KINDS) {
    const text = typed(`minimums.${kind}`).replaceAll(',', '');
    if (!text) continue;
    if (!/^\d{1,4}$/.test(text) || Number(text) > 1000)
      errors.push({
        field: `minimums-${kind}`,
        message: `Enter the fewest ${MINIMUM_WORDS[kind]} the sample must hold as a whole number up to 1,000`,
      });
    else minimums[kind] = Number(text);
  }
  if (Object.keys(minimums).length) figures.minimums = minimums;

  const month = typed('caseloadAt.month');
  const year = typed('caseloadAt.year');
  if (month || year) {
    if (!/^(0?[1-9]|1[0-2])$/.test(month) || !/^\d{4}$/.test(year))
      errors.push({ field: 'caseloadAt', message: 'Enter the month the caseload was counted as a month and a year, like 12 and 2006' });
    else figures.caseloadAt = `${year}-${month.padStart(2, '0')}`;
  }

  const mappa: Partial<Record<(typeof MAPPA_LEVELS)[number], number>> = {};
  for (const level of MAPPA_LEVELS) {
    const n = percent(`mappaPercent.${level}`, `mappaPercent-${level}`, `the share at MAPPA level ${level}`);
    if (n !== undefined) mappa[level] = n;
  }
  if (Object.keys(mappa).length) figures.mappaPercent = mappa;
  const ppo = percent('ppoPercent', 'ppoPercent', 'the share of PPO cases');
  if (ppo !== undefined) figures.ppoPercent = ppo;

  const definition = typed('ppoDefinition.text');
  const definitionCy = typed('ppoDefinition.textCy');
  if (definition.length > 2000) errors.push({ field: 'ppoDefinition', message: 'The definition of a PPO case must be 2,000 characters or fewer' });
  if (definitionCy.length > 2000)
    errors.push({ field: 'ppoDefinition-cy', message: 'The Welsh definition of a PPO case must be 2,000 characters or fewer' });
  if (definitionCy && !definition)
    errors.push({ field: 'ppoDefinition', message: 'Enter the definition of a PPO case in English as well as in Welsh' });
  else if (definition) figures.ppoDefinition = definitionCy ? { text: definition, textCy: definitionCy } : { text: definition };

  const budgets: NonNullable<AreaFigures['revenueBudgets']> = [];
  for (let i = 0; i < Math.min(rowsTyped(form, 'revenueBudgets'), BUDGET_ROWS_MAX); i++) {
    const y = typed(`revenueBudgets.${i}.year`);
    const amount = typed(`revenueBudgets.${i}.pounds`).replace(/^£/, '').replaceAll(',', '');
    if (!y && !amount) continue;
    const row = budgets.length;
    if (!/^\d{4}\/\d{4}$/.test(y))
      errors.push({ field: `revenueBudgets-${i}-year`, message: `Enter budget ${row + 1}’s financial year like 2006/2007` });
    if (!/^\d{1,10}$/.test(amount))
      errors.push({ field: `revenueBudgets-${i}-pounds`, message: `Enter budget ${row + 1}’s amount in whole pounds, like 19,817,000` });
    budgets.push({ year: y, pounds: Number(amount) });
  }
  if (budgets.length) figures.revenueBudgets = budgets;

  const premises: NonNullable<AreaFigures['approvedPremises']> = [];
  for (let i = 0; i < Math.min(rowsTyped(form, 'approvedPremises'), PREMISES_ROWS_MAX); i++) {
    const name = typed(`approvedPremises.${i}.name`);
    const capacity = typed(`approvedPremises.${i}.capacity`);
    if (!name && !capacity) continue;
    if (!name || name.length > 120)
      errors.push({ field: `approvedPremises-${i}-name`, message: 'Enter the approved premises’ name, in 120 characters or fewer' });
    if (!/^\d{1,4}$/.test(capacity) || Number(capacity) > 1000)
      errors.push({
        field: `approvedPremises-${i}-capacity`,
        message: `Enter how many residents ${name || 'the approved premises'} can hold, as a whole number`,
      });
    premises.push({ name, capacity: Number(capacity) });
  }
  if (premises.length) figures.approvedPremises = premises;
  return figures;
}

/** The use case's problems with these parts (`revenueBudgets.1.year`) on the form's fields; undefined for another part. */
export function areaFigureField(path: string | undefined): string | undefined {
  if (!path) return undefined;
  if (path === 'mappaPercent') return 'mappaPercent-1';
  if (/^(revenueBudgets|approvedPremises)\.\d+\.\w+$/.test(path)) return path.replaceAll('.', '-');
  if (['caseloadAt', 'ppoPercent'].includes(path)) return path;
  if (path.startsWith('ppoDefinition')) return 'ppoDefinition';
  return undefined;
}

/** The form's values for a stored context. */
export function valuesOfAreaFigures(context: AreaContext): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [kind, n] of Object.entries(context.minimums ?? {})) values[`minimums.${kind}`] = String(n);
  if (context.caseloadAt) [values['caseloadAt.year'], values['caseloadAt.month']] = context.caseloadAt.split('-') as [string, string];
  for (const [level, n] of Object.entries(context.mappaPercent ?? {})) values[`mappaPercent.${level}`] = String(n);
  if (context.ppoPercent !== undefined) values.ppoPercent = String(context.ppoPercent);
  if (context.ppoDefinition) {
    values['ppoDefinition.text'] = context.ppoDefinition.text;
    if (context.ppoDefinition.textCy) values['ppoDefinition.textCy'] = context.ppoDefinition.textCy;
  }
  context.revenueBudgets?.forEach((b, i) => {
    values[`revenueBudgets.${i}.year`] = b.year;
    values[`revenueBudgets.${i}.pounds`] = b.pounds.toLocaleString('en-GB');
  });
  context.approvedPremises?.forEach((p, i) => {
    values[`approvedPremises.${i}.name`] = p.name;
    values[`approvedPremises.${i}.capacity`] = String(p.capacity);
  });
  return values;
}

/** The kinds of case a sample must hold enough of, in the form's words. */
const MINIMUM_WORDS: Record<(typeof MINIMUM_KINDS)[number], string> = {
  female: 'women’s cases',
  minorityEthnic: 'minority ethnic cases',
  highRoh: 'high or very high Risk of Harm cases',
  ppo: 'PPO cases',
  approvedPremises: 'approved premises cases',
  statutoryVictimContact: 'statutory victim contact cases',
};

const rowCount = (values: Record<string, string>, prefix: string) =>
  Object.keys(values).reduce((n, name) => {
    const m = new RegExp(`^${prefix}\\.(\\d{1,2})\\.`).exec(name);
    return m && values[name]?.trim() ? Math.max(n, Number(m[1]) + 1) : n;
  }, 0);

function input(
  name: string,
  id: string,
  label: string,
  value: string,
  error: FieldError | undefined,
  options: { width?: number; hint?: string; suffix?: string; inputmode?: string; lang?: string } = {},
): string {
  const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const field = `<input class="govuk-input govuk-input--width-${options.width ?? 10}${error ? ' govuk-input--error' : ''}" id="${esc(id)}" name="${esc(name)}" type="text"${options.inputmode ? ` inputmode="${options.inputmode}"` : ''} spellcheck="false" value="${esc(value)}"${describedBy ? ` aria-describedby="${esc(describedBy)}"` : ''}>`;
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label" for="${esc(id)}">${esc(label)}</label>
  ${options.hint ? `<div id="${esc(id)}-hint" class="govuk-hint">${esc(options.hint)}</div>` : ''}
  ${error ? errorMessage('en', `${id}-error`, error.message) : ''}
  ${options.suffix ? `<div class="govuk-input__wrapper">${field}<div class="govuk-input__suffix" aria-hidden="true">${esc(options.suffix)}</div></div>` : field}
</div>`;
}

function textarea(name: string, id: string, label: string, value: string, error: FieldError | undefined, hint: string, lang?: string): string {
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label" for="${esc(id)}">${esc(label)}</label>
  <div id="${esc(id)}-hint" class="govuk-hint">${esc(hint)}</div>
  ${error ? errorMessage('en', `${id}-error`, error.message) : ''}
  <textarea class="govuk-textarea${error ? ' govuk-textarea--error' : ''}" id="${esc(id)}" name="${esc(name)}" rows="3"${lang ? ` lang="${lang}"` : ''} aria-describedby="${esc(id)}-hint${error ? ` ${esc(id)}-error` : ''}">${esc(value)}</textarea>
</div>`;
}

const fieldset = (legend: string, body: string, hint?: string) =>
  `<fieldset class="govuk-fieldset govuk-!-margin-bottom-6"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(legend)}</legend>${hint ? `<div class="govuk-hint">${esc(hint)}</div>` : ''}${body}</fieldset>`;

/** The form's fields; as a summary list when the page is read only. */
export function areaFiguresFields(values: Record<string, string>, errorOf: (field: string) => FieldError | undefined, readOnly: boolean): string {
  const v = (name: string) => values[name] ?? '';
  const budgetRows = Math.min(rowCount(values, 'revenueBudgets') + 1, BUDGET_ROWS_MAX);
  const premisesRows = Math.min(rowCount(values, 'approvedPremises') + 1, PREMISES_ROWS_MAX);
  if (readOnly) {
    const row = (label: string, value: string) =>
      `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(label)}</dt><dd class="govuk-summary-list__value">${esc(value || 'Not given')}</dd></div>`;
    const rows = [
      ...MINIMUM_KINDS.map((kind) => row(`Fewest ${MINIMUM_WORDS[kind]} in the sample`, v(`minimums.${kind}`))),
      row('Caseload counted at the end of', v('caseloadAt.year') ? `${v('caseloadAt.month')}/${v('caseloadAt.year')}` : ''),
      ...MAPPA_LEVELS.map((level) => row(`MAPPA level ${level}`, v(`mappaPercent.${level}`) && `${v(`mappaPercent.${level}`)}%`)),
      row('PPO cases', v('ppoPercent') && `${v('ppoPercent')}%`),
      row('The local definition of a PPO case', v('ppoDefinition.text')),
      row('The local definition of a PPO case, in Welsh', v('ppoDefinition.textCy')),
      ...Array.from({ length: budgetRows - 1 }, (_, i) =>
        row(`Revenue budget ${v(`revenueBudgets.${i}.year`)}`, `£${v(`revenueBudgets.${i}.pounds`)}`),
      ),
      ...Array.from({ length: premisesRows - 1 }, (_, i) =>
        row(`Approved premises: ${v(`approvedPremises.${i}.name`)}`, `capacity ${v(`approvedPremises.${i}.capacity`)}`),
      ),
    ];
    return `<h3 class="govuk-heading-s">The rest of Appendix 2</h3><dl class="govuk-summary-list">${rows.join('')}</dl>`;
  }
  const when = errorOf('caseloadAt');
  const caseloadAt = `<div class="govuk-form-group${when ? ' govuk-form-group--error' : ''}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="caseloadAt-hint${when ? ' caseloadAt-error' : ''}">
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">When the caseload was counted</legend>
  <div id="caseloadAt-hint" class="govuk-hint">The month it was counted at the end of, as the report says: “Caseload at end of December 2006”. For example, 12 2006</div>
  ${when ? errorMessage('en', 'caseloadAt-error', when.message) : ''}
  <div class="govuk-date-input" id="caseloadAt">
    <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="caseloadAt-month">Month</label><input class="govuk-input govuk-date-input__input govuk-input--width-2${when ? ' govuk-input--error' : ''}" id="caseloadAt-month" name="caseloadAt.month" type="text" inputmode="numeric" value="${esc(v('caseloadAt.month'))}"></div></div>
    <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="caseloadAt-year">Year</label><input class="govuk-input govuk-date-input__input govuk-input--width-4${when ? ' govuk-input--error' : ''}" id="caseloadAt-year" name="caseloadAt.year" type="text" inputmode="numeric" value="${esc(v('caseloadAt.year'))}"></div></div>
  </div>
</fieldset>
</div>`;
  const shares = fieldset(
    'Shares of the caseload',
    [
      ...MAPPA_LEVELS.map((level) =>
        input(
          `mappaPercent.${level}`,
          `mappaPercent-${level}`,
          `Managed at MAPPA level ${level}`,
          v(`mappaPercent.${level}`),
          errorOf(`mappaPercent-${level}`),
          { width: 5, suffix: '%', inputmode: 'decimal' },
        ),
      ),
      input('ppoPercent', 'ppoPercent', 'PPO cases', v('ppoPercent'), errorOf('ppoPercent'), { width: 5, suffix: '%', inputmode: 'decimal' }),
    ].join('\n'),
    'As the area’s return gives them, like 0.89. Leave a share the area did not give empty: the report says “Not known”.',
  );
  const definition = fieldset(
    'The local definition of a PPO case',
    [
      textarea(
        'ppoDefinition.text',
        'ppoDefinition',
        'In English',
        v('ppoDefinition.text'),
        errorOf('ppoDefinition'),
        'Printed under the shares in Appendix 2, as written.',
      ),
      textarea(
        'ppoDefinition.textCy',
        'ppoDefinition-cy',
        'In Welsh',
        v('ppoDefinition.textCy'),
        errorOf('ppoDefinition-cy'),
        'Printed in the Welsh report; without it, the Welsh report prints the English.',
        'cy',
      ),
    ].join('\n'),
  );
  const budgets = fieldset(
    'Total revenue budgets',
    Array.from(
      { length: budgetRows },
      (
        _,
        i,
      ) => `<div>${input(`revenueBudgets.${i}.year`, `revenueBudgets-${i}-year`, `Budget ${i + 1}: financial year`, v(`revenueBudgets.${i}.year`), errorOf(`revenueBudgets-${i}-year`), { width: 10, hint: i === 0 ? 'Like 2006/2007' : undefined })}
${input(`revenueBudgets.${i}.pounds`, `revenueBudgets-${i}-pounds`, `Budget ${i + 1}: amount in pounds`, v(`revenueBudgets.${i}.pounds`), errorOf(`revenueBudgets-${i}-pounds`), { width: 10, inputmode: 'numeric', hint: i === 0 ? 'Whole pounds, like 19,817,000' : undefined })}</div>`,
    ).join('\n'),
    'Save to get a row for another year.',
  );
  const premises = fieldset(
    'Approved premises',
    Array.from(
      { length: premisesRows },
      (
        _,
        i,
      ) => `<div>${input(`approvedPremises.${i}.name`, `approvedPremises-${i}-name`, `Approved premises ${i + 1}: name`, v(`approvedPremises.${i}.name`), errorOf(`approvedPremises-${i}-name`), { width: 20 })}
${input(`approvedPremises.${i}.capacity`, `approvedPremises-${i}-capacity`, `Approved premises ${i + 1}: residents it can hold`, v(`approvedPremises.${i}.capacity`), errorOf(`approvedPremises-${i}-capacity`), { width: 4, inputmode: 'numeric' })}</div>`,
    ).join('\n'),
    'Save to get a row for another.',
  );
  const minimums = fieldset(
    'The fewest cases of each kind the sample must hold',
    MINIMUM_KINDS.map((kind) =>
      input(
        `minimums.${kind}`,
        `minimums-${kind}`,
        `${MINIMUM_WORDS[kind].replace(/^./, (c) => c.toUpperCase())}`,
        v(`minimums.${kind}`),
        errorOf(`minimums-${kind}`),
        { width: 4, inputmode: 'numeric' },
      ),
    ).join('\n'),
    'The dashboard warns while the sample is short of one. Not printed in the report.',
  );
  return [minimums, caseloadAt, shares, definition, budgets, premises].join('\n');
}
