/**
 * Words against figures through the real local server (issue 28): a write-up whose drafted
 * findings give figures their question contradicts is flagged beside each finding in the staff
 * report (English and Welsh), on the workbench's findings page and by the final release's
 * check, never in what is published; corrected words clear every flag.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { makeRelease } from '#support/fixtures';
import { completeTheReport, settle } from '#support/ready-report';
import { inspectionWithScoredQuestion, type ScoredQuestion } from '#support/scored-question';
import { page, signIn, textOf } from '#support/workbench';

let id: string;
let q: ScoredQuestion;
let inspector: string;
let admin: string;

async function putCriterion(strengths: unknown[]): Promise<void> {
  const read = await call(`/inspections/${id}/write-up`, { as: 'staff' });
  const writeUp = {
    ...read.json,
    criteria: { ...read.json.criteria, [q.criterion]: { strengths, improvements: read.json.criteria[q.criterion]?.improvements ?? [] } },
  };
  const put = await call(`/inspections/${id}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    headers: { 'if-match': read.headers.get('etag')! },
    json: writeUp,
  });
  expect(put.status, put.text).toBe(200);
}

/** The list items of the staff report holding these words: the flag must sit beside the finding, in its own item. */
const itemWith = (html: string, words: string) => [...html.matchAll(/<li>[\s\S]*?<\/li>/g)].map((m) => m[0]).find((li) => li.includes(words));

beforeAll(async () => {
  ({ id, q } = await inspectionWithScoredQuestion('Figures and words (test)'));
  [inspector, admin] = await Promise.all([signIn('inspector'), signIn('admin')]).then((s) => s.map((x) => x.cookie));
});

describe('figures in the words, checked against the figures', () => {
  const wrongPercent = () => q.percent + 7;
  const total = () => q.yes + q.no;
  const words = {
    wrong: () => `In ${wrongPercent()}% of cases the work was done well.`,
    right: () => `In ${q.percent}% of cases (${q.yes} out of ${total()}) the work was done.`,
    wrongCount: () => `In ${q.percent}% of cases (${q.yes + 1} out of ${total() + 1}) the plan was kept.`,
    rightButWelsh: () => `In ${q.percent}% of cases the review was timely.`,
    welsh: () => `Mewn ${wrongPercent()}% o achosion roedd yr adolygiad yn amserol.`,
  };

  beforeAll(async () => {
    // Each drafted from the figure as it is (so none is merely stale): only the words disagree.
    const drafted = { question: q.id, percent: q.percent };
    await putCriterion([
      { text: words.wrong(), drafted },
      { text: words.right(), drafted },
      { text: words.wrongCount(), drafted },
      { text: words.rightButWelsh(), textCy: words.welsh(), drafted },
    ]);
  });

  it('the staff report flags each contradicted finding beside it, with the figure, in English and Welsh', async () => {
    const report = await call(`/inspections/${id}/report`, { as: 'staff' });
    expect(report.status).toBe(200);
    const en = report.text;
    expect(en.match(/app-figure-mismatch/g)).toHaveLength(2);
    expect(en).toContain('id="figure-mismatches"');
    expect(textOf(itemWith(en, words.wrong())!)).toContain(
      `Check this finding: its words give ${wrongPercent()}% where question ${q.id} is ${q.percent}% (${q.yes} of ${total()}).`,
    );
    expect(textOf(itemWith(en, words.wrongCount())!)).toContain(
      `its words give ${q.percent}% (${q.yes + 1} out of ${total() + 1}) where question ${q.id}`,
    );
    expect(itemWith(en, words.right())).not.toContain('app-figure-mismatch');
    expect(itemWith(en, words.rightButWelsh())).not.toContain('app-figure-mismatch');
    // In Welsh, the words printed are checked: the Welsh where written (wrong here), the English otherwise.
    const cy = (await call(`/inspections/${id}/report?lang=cy`, { as: 'staff' })).text;
    expect(cy.match(/app-figure-mismatch/g)).toHaveLength(3);
    expect(textOf(itemWith(cy, words.welsh())!)).toContain(
      `Gwiriwch y canfyddiad hwn: mae ei eiriau’n rhoi ${wrongPercent()}% lle mae ffigur cwestiwn ${q.id} yn ${q.percent}% (${q.yes} o ${total()}).`,
    );
    expect(textOf(itemWith(cy, words.wrong())!)).toContain(`mae ei eiriau’n rhoi ${wrongPercent()}% lle mae ffigur cwestiwn ${q.id}`);
    expect(itemWith(cy, words.right())).not.toContain('app-figure-mismatch');
  });

  it('the workbench findings page flags them', async () => {
    const shown = await page(`/workbench/inspections/${id}/findings/${q.criterion}`, { cookie: inspector });
    expect(shown.status).toBe(200);
    const text = textOf(shown.text);
    expect(text.match(/Figure contradicted/g)).toHaveLength(3);
    expect(text).toContain(`The words give ${wrongPercent()}%; question ${q.id} is ${q.percent}% (${q.yes} of ${total()}).`);
    expect(text).toContain(`The Welsh words give ${wrongPercent()}%; question ${q.id} is ${q.percent}%`);
  });

  it('the final release’s check lists them, by place, on the page and in the refusal beside what blocks', async () => {
    const releases = await page(`/workbench/inspections/${id}/releases`, { cookie: admin });
    const text = textOf(releases.text);
    expect(text).toContain('Figures the words contradict');
    expect(text).toContain(`${q.criterion} strength (a) says ${wrongPercent()}% where question ${q.id} is ${q.percent}% (${q.yes} of ${total()})`);
    expect(text).toContain(`${q.criterion} strength (c) says ${q.percent}% (${q.yes + 1} out of ${total() + 1}) where question ${q.id}`);
    expect(text).toContain(`${q.criterion} strength (d) in Welsh says ${wrongPercent()}% where question ${q.id}`);
    expect(text).not.toContain(`${q.criterion} strength (b)`);
    const refused = expectProblem(await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final' } }), 409);
    const listed = refused.errors.find((e: { path: string }) => e.path === 'figure-mismatches');
    expect(listed?.message).toMatch(/^3 texts of the write-up contradict the figures they claim: /);
  });

  it('what is published carries no flag', async () => {
    const releaseId = await makeRelease(id);
    const published = await call(`/inspections/${id}/releases/${releaseId}/report`, { as: 'staff' });
    expect(published.status).toBe(200);
    expect(published.text).toContain(words.wrong());
    expect(published.text).not.toContain('app-figure-mismatch');
    expect(published.text).not.toContain('figure-mismatches');
  });

  it('corrected words clear every flag', async () => {
    const drafted = { question: q.id, percent: q.percent };
    await putCriterion([
      { text: `In ${q.percent}% of cases the work was done well.`, drafted },
      { text: words.right(), drafted },
    ]);
    expect((await call(`/inspections/${id}/report`, { as: 'staff' })).text).not.toContain('app-figure-mismatch');
    expect(textOf((await page(`/workbench/inspections/${id}/findings/${q.criterion}`, { cookie: inspector })).text)).not.toContain(
      'Figure contradicted',
    );
    expect(textOf((await page(`/workbench/inspections/${id}/releases`, { cookie: admin })).text)).not.toContain('Figures the words contradict');
  });

  it('a warning, not a bar: with nothing else missing, a final release goes ahead and publishes no flag', async () => {
    await completeTheReport(id);
    await putCriterion([{ text: words.wrong(), drafted: { question: q.id, percent: q.percent } }]);
    await settle(id);
    const releases = textOf((await page(`/workbench/inspections/${id}/releases`, { cookie: admin })).text);
    expect(releases).toContain(`${q.criterion} strength (a) says ${wrongPercent()}%`);
    const made = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final' } });
    expect(made.status, made.text).toBe(201);
    const published = (await call(`/inspections/${id}/releases/${made.json.releaseId}/report`, { as: 'staff' })).text;
    expect(published).toContain(words.wrong());
    expect(published).not.toContain('app-figure-mismatch');
  });
});
