/**
 * The "done when": the Kent demo's final release reads like the Kent report, section
 * by section, in English and in Welsh, and a case changed afterwards changes nothing in it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKentDemo } from '#infra/local/seed';
import { baseUrl, call, tokenFor } from '#support/api';
import { textOf } from '#support/workbench';

let id: string;
let releaseId: string;
let en: string;
let cy: string;
let releaseMs: number;

beforeAll(async () => {
  id = await createKentDemo(baseUrl(), await tokenFor('admin'), 'Kent (release)', await tokenFor('inspector'));
  const started = performance.now();
  // The demo's 110 offender questionnaires are still open (none answered): published despite them.
  const made = await call(`/inspections/${id}/releases`, { as: 'admin', json: { kind: 'final', confirm: 'Kent (release)' } });
  releaseMs = performance.now() - started;
  expect(made.status, made.text).toBe(201);
  releaseId = made.json.releaseId;
  en = (await call(`/inspections/${id}/releases/${releaseId}/report`, { as: 'staff' })).text;
  cy = (await call(`/inspections/${id}/releases/${releaseId}/report?lang=cy`, { as: 'staff' })).text;
}, 180_000);

describe("the Kent demo's final release", () => {
  it('reads like the Kent report, section by section, with nothing for staff only', () => {
    const text = textOf(en);
    console.info(`final release of the 110-case demo: ${releaseMs.toFixed(0)} ms`);
    const order = [
      'Summary Assessment and sentence planning Work in relation to preparing for sentence was a strong feature for the area.',
      'Summary of scores',
      'Table 2: Risk of Harm thread',
      'Improvements are necessary as follows: accurate Risk of Harm screenings are undertaken in all cases.',
      'An improvement plan addressing the recommendations above is needed four weeks after publication.',
      'There will not be a further inspection in Kent (release).',
      'Below are examples of good practice we found in Kent (release).',
      'Seven of the 21 questionnaires sent to victims were returned.',
      '1.1 General Criterion: Preparing for sentence',
      '(a) Court reports were prepared for 61 out of the 69 cases',
      'Performance against this criterion was good.',
      '1.2 General Criterion: Assessment of risk of harm',
      'This criterion represents an urgent priority for improvement.',
      '3.2 General Criterion: Sustainability of progress',
      'This criterion represents a priority for improvement.',
      '4.1 General Criterion: Leadership and planning',
      'Satisfactorily met',
      'Appendix 1: Performance figures',
      'Appendix 2: Contextual information',
      // The seed's Appendix 2 figures as the seed prints them, and its Appendices 3 and 5.
      'Caseload at end of December 2006',
      '% subject to MAPPA at level 1 0.89%',
      '% PPO cases 1.34%',
      'is any offender who is assessed as being a prolific and other priority offender.',
      'Total revenue budget in 2007/2008: £20.136m.',
      'Fleming House: capacity 25.',
      'Appendix 3: Inspection model, methodology and publication arrangements',
      'Appendix 4: Scoring approach',
      'Appendix 5: Role of HMI Probation',
      'London SW1P 2BQ',
    ];
    let at = 0;
    for (const words of order) {
      const found = text.indexOf(words, at);
      expect(found, words).toBeGreaterThanOrEqual(0);
      at = found;
    }
    expect(text).toContain('Status Final report Published');
    expect(en).not.toContain('Suggested band');
    expect(en).not.toContain('For inspection staff only');
    expect(en).not.toContain('id="moderation"');
  });

  it('has a Welsh version that opens with lang="cy" and links to the English', () => {
    expect(cy).toMatch(/<html lang="cy" class="govuk-template">/);
    expect(textOf(cy)).toContain('Statws Adroddiad terfynol Cyhoeddwyd');
    expect(textOf(cy)).toContain('Argymhellion ar gyfer gwella Mae angen gwelliannau fel a ganlyn:');
    expect(textOf(cy)).toContain('Ni fydd arolygiad pellach yn Kent (release).');
    expect(cy).toContain('href="?lang=en"');
  });

  it('stays the same after a case, a grade and the write-up change (reopened to change them)', async () => {
    expect((await call(`/inspections/${id}/reopen`, { method: 'POST', as: 'admin' })).status).toBeLessThan(300);
    const c = await call(`/inspections/${id}/cases/KNT07-001`, { as: 'inspector' });
    const answers = Object.fromEntries(Object.entries(c.json.answers as Record<string, string>).map(([k, v]) => [k, v === 'yes' ? 'no' : v]));
    expect(
      (await call(`/inspections/${id}/cases/KNT07-001`, { method: 'PUT', as: 'inspector', json: { profile: c.json.profile, answers } })).status,
    ).toBe(200);
    const grade = await call(`/inspections/${id}/leadership/4.1`, {
      method: 'PUT',
      as: 'inspector',
      json: { grade: 'well-met', strengths: ['Changed after the release.'], improvements: [] },
    });
    expect(grade.status).toBeLessThan(300);
    const w = await call(`/inspections/${id}/write-up`, { as: 'inspector' });
    const changed = { ...w.json, recommendations: w.json.recommendations.slice(1) };
    expect(
      (await call(`/inspections/${id}/write-up`, { method: 'PUT', as: 'inspector', json: changed, headers: { 'if-match': w.headers.get('etag')! } }))
        .status,
    ).toBe(200);
    expect((await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
    expect((await call(`/inspections/${id}/releases/${releaseId}/report`, { as: 'staff' })).text).toBe(en);
    expect((await call(`/inspections/${id}/releases/${releaseId}/report?lang=cy`, { as: 'staff' })).text).toBe(cy);
    const live = (await call(`/inspections/${id}/report`, { as: 'staff' })).text;
    expect(live).not.toContain('accurate Risk of Harm screenings are undertaken in all cases');
    expect(live).toContain('Changed after the release.');
    expect(en).not.toContain('Changed after the release.');
  });
});
