/**
 * Appendix 2 in full and Appendices 3 and 5 (issue 28), through the local server: the area
 * context's new parts round-trip into the summary and the report, a part not given is "Not
 * known" (never 0) in English and Welsh, bad parts are refused naming each with nothing stored,
 * and the fixed appendices are in every report (staff, report link, frozen release) and its
 * contents, in the seed's words and in Welsh. The oracle is the seed's text
 * (test/support/kent-appendices.ts), not the demo or the code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recomputedSummary, staffReport } from '#support/ready-report';
import { call, expectProblem } from '#support/api';
import { createInspection, makeCase, makeRelease } from '#support/fixtures';
import { kentAppendix2, kentFixedAppendixLines } from '#support/kent-appendices';
import { textOf } from '#support/workbench';

const put = (path: string, json: unknown) => call(path, { method: 'PUT', as: 'inspector', json });

/** The Appendix 2 table's rows, label to figure, as a reader sees them. */
function contextRows(html: string): Record<string, string> {
  const table = /<table[^>]*id="area-context"[\s\S]*?<\/table>/.exec(html)?.[0];
  expect(table, 'the area context table').toBeDefined();
  return Object.fromEntries(
    [...table!.matchAll(/<tr class="govuk-table__row"><th scope="row"[^>]*>([^<]*)<\/th><td[^>]*>([^<]*)<\/td><\/tr>/g)].map((m) => [
      textOf(m[1]!).trim(),
      textOf(m[2]!).trim(),
    ]),
  );
}

const seed = kentAppendix2();
/** The seed's shares as counts of its caseload (the seed gives only shares; 93.3% of 5,559 is 5,187). */
const countOf = (percent: number) => Math.round((percent * seed.caseload) / 100);

/** The whole of Appendix 2 as the seed gives it, with the Welsh definition beside it. */
const seedContext = {
  caseload: seed.caseload,
  byGender: { male: countOf(seed.male), female: seed.caseload - countOf(seed.male) },
  byEthnicity: { white: countOf(seed.white), 'minority-ethnic': seed.caseload - countOf(seed.white) },
  caseloadAt: seed.caseloadAt,
  mappaPercent: seed.mappa,
  ppoPercent: seed.ppo,
  ppoDefinition: { text: seed.ppoDefinition, textCy: 'Y diffiniad lleol o achos PPO.' },
  revenueBudgets: seed.budgets.map(({ year, pounds }) => ({ year, pounds })),
  approvedPremises: seed.premises,
};

describe('Appendix 2 in full', () => {
  let id: string;
  beforeAll(async () => {
    id = await createInspection('Appendix two');
    for (let i = 1; i <= 3; i++) {
      const input = makeCase('licence', i);
      // One case whose ethnicity was not recorded: the caseload's count of those stays unknown.
      if (i === 3) delete input.profile.ethnicity;
      else input.profile.ethnicity = 'white';
      expect((await put(`/inspections/${id}/cases/A2-${i}`, input)).status).toBe(201);
    }
    const res = await put(`/inspections/${id}/context`, seedContext);
    expect(res.status, res.text).toBe(200);
  });

  it('carries every part given into the summary as given', async () => {
    const balance = (await recomputedSummary(id)).sample.balance;
    expect(balance).toMatchObject({
      caseload: seed.caseload,
      caseloadAt: seed.caseloadAt,
      mappaPercent: seed.mappa,
      ppoPercent: seed.ppo,
      ppoDefinition: seedContext.ppoDefinition,
      revenueBudgets: seedContext.revenueBudgets,
      approvedPremises: seed.premises,
    });
    expect(balance.byEthnicity.find((r: { key: string }) => r.key === 'not-recorded')).toEqual({
      key: 'not-recorded',
      caseload: null,
      caseloadPercent: null,
      sample: 1,
      samplePercent: 33.3,
    });
    // The CSV: a row per figure, the unknown caseload an empty cell, never 0.
    const csv = (await call(`/inspections/${id}/summary?format=csv`, { as: 'staff' })).text;
    expect(csv).toContain('sample-balance,byEthnicity:not-recorded,not-recorded,caseload,\n');
    expect(csv).toContain(`sample-balance,mappa:1,MAPPA level 1,caseloadPercent,${seed.mappa['1']}\n`);
    expect(csv).toContain(`sample-balance,ppo,PPO cases,caseloadPercent,${seed.ppo}\n`);
    expect(csv).toContain(
      `sample-balance,revenueBudget:${seed.budgets[0]!.year},total revenue budget ${seed.budgets[0]!.year},pounds,${seed.budgets[0]!.pounds}\n`,
    );
    expect(csv).toContain('sample-balance,approvedPremises:Fleming House,Fleming House,capacity,25\n');
    expect(csv).not.toContain('[object Object]');
  });

  it('prints the seed’s figures as the seed prints them', async () => {
    const html = await staffReport(id);
    const rows = contextRows(html);
    expect(rows).toEqual({
      'Total caseload': seed.caseloadPrinted,
      '% White': `${seed.white}%`,
      '% Minority ethnic*': `${seed.minorityEthnic}%`,
      '% Male': `${seed.male}%`,
      '% Female': `${seed.female}%`,
      '% subject to MAPPA at level 1': `${seed.mappa['1']}%`,
      '% subject to MAPPA at level 2': `${seed.mappa['2']}%`,
      '% subject to MAPPA at level 3': `${seed.mappa['3']}%`,
      '% PPO cases': `${seed.ppo}%`,
    });
    const text = textOf(html);
    expect(text).toContain(`Caseload at end of ${seed.caseloadAtWords}`);
    expect(text).toContain(seed.ethnicityFootnote);
    expect(text).toContain(textOf(seed.ppoDefinition));
    for (const b of seed.budgets) expect(text).toContain(`Total revenue budget in ${b.year}: ${b.printed}.`);
    for (const p of seed.premises) expect(text).toContain(`${p.name}: capacity ${p.capacity}.`);
    // The cases whose ethnicity is not recorded: one in the sample, how many in the caseload not known.
    expect(html).toMatch(
      /id="balance-byEthnicity"[\s\S]*?Not recorded<\/th>\s*<td[^>]*>Not known<\/td>\s*<td[^>]*>Not known<\/td>\s*<td[^>]*>1<\/td>/,
    );
    expect(html).toMatch(/Appendix 2: Contextual information/);
  });

  it('prints them in Welsh, the area’s Welsh definition beside its figures', async () => {
    const html = await staffReport(id, 'cy');
    const rows = contextRows(html);
    expect(rows['Cyfanswm y llwyth achosion']).toBe(seed.caseloadPrinted);
    expect(rows['% yn destun MAPPA ar lefel 1']).toBe(`${seed.mappa['1']}%`);
    expect(rows['% Achosion PPO']).toBe(`${seed.ppo}%`);
    const text = textOf(html);
    expect(text).toContain('Llwyth achosion ar ddiwedd Rhagfyr 2006');
    expect(text).toContain('Y diffiniad lleol o achos PPO.');
    expect(text).not.toContain(textOf(seed.ppoDefinition));
    expect(text).toContain(`Cyfanswm y gyllideb refeniw yn ${seed.budgets[0]!.year}: ${seed.budgets[0]!.printed}.`);
    expect(text).toContain('Fleming House: lle i 25 o breswylwyr.');
    expect(html).toMatch(/id="balance-byEthnicity"[\s\S]*?Heb ei gofnodi<\/th>\s*<td[^>]*>Anhysbys<\/td>/);
  });

  it('says "Not known" for every part the area did not give, never 0, in English and Welsh', async () => {
    const partial = await createInspection('Appendix two partial');
    expect((await put(`/inspections/${partial}/cases/P-1`, makeCase('community', 1))).status).toBe(201);
    expect(
      (await put(`/inspections/${partial}/context`, { caseload: 200, byEthnicity: { white: 180, black: 20 }, mappaPercent: { '2': 4.5 } })).status,
    ).toBe(200);
    const balance = (await recomputedSummary(partial)).sample.balance;
    for (const key of ['caseloadAt', 'ppoPercent', 'ppoDefinition', 'revenueBudgets', 'approvedPremises']) expect(balance[key], key).toBeUndefined();
    expect(balance.mappaPercent).toEqual({ '2': 4.5 });
    const rows = contextRows(await staffReport(partial));
    expect(rows).toEqual({
      'Total caseload': '200',
      '% White': '90%',
      '% Minority ethnic*': '10%',
      '% Male': 'Not known',
      '% Female': 'Not known',
      '% subject to MAPPA at level 1': 'Not known',
      '% subject to MAPPA at level 2': '4.5%',
      '% subject to MAPPA at level 3': 'Not known',
      '% PPO cases': 'Not known',
    });
    const cy = contextRows(await staffReport(partial, 'cy'));
    expect(Object.values(cy).filter((v) => v === 'Anhysbys')).toHaveLength(5);
    expect(Object.values(cy).filter((v) => /^0%?$/.test(v))).toEqual([]);
    const html = await staffReport(partial);
    expect(html).not.toMatch(/id="revenue-budgets"|id="approved-premises"|id="ppo-definition"/);
    expect(textOf(html)).toContain('The area’s caseload');
  });

  it('refuses bad parts naming each, and keeps what was stored', async () => {
    const before = (await recomputedSummary(id)).sample.balance;
    const shape = expectProblem(
      await put(`/inspections/${id}/context`, {
        caseload: 5559,
        caseloadAt: '2006-13',
        mappaPercent: { '1': 0.891, '4': 1 },
        ppoPercent: 101,
        revenueBudgets: [{ year: '2006-07', pounds: 1.5 }],
        approvedPremises: [{ name: '', capacity: -1 }],
      }),
      400,
    );
    const paths = shape.errors.map((e: { path: string }) => e.path);
    for (const path of [
      'caseloadAt',
      'mappaPercent.1',
      'ppoPercent',
      'revenueBudgets.0.year',
      'revenueBudgets.0.pounds',
      'approvedPremises.0.name',
      'approvedPremises.0.capacity',
    ]) {
      expect(
        paths.some((p: string) => p === path || p.startsWith(`${path}`)),
        `${path} in ${paths.join(', ')}`,
      ).toBe(true);
    }
    const rules = expectProblem(
      await put(`/inspections/${id}/context`, {
        caseload: 5559,
        mappaPercent: { '1': 60, '2': 50 },
        revenueBudgets: [
          { year: '2006/2008', pounds: 1 },
          { year: '2007/2008', pounds: 1 },
          { year: '2007/2008', pounds: 1 },
        ],
        approvedPremises: [
          { name: 'Fleming House', capacity: 25 },
          { name: 'Fleming House', capacity: 25 },
        ],
      }),
      400,
    );
    expect(rules.errors.map((e: { path: string }) => e.path)).toEqual([
      'mappaPercent',
      'revenueBudgets.0.year',
      'revenueBudgets.2.year',
      'approvedPremises.1.name',
    ]);
    expect((await recomputedSummary(id)).sample.balance).toEqual(before);
  });
});

describe('Appendices 3 and 5', () => {
  const lines = kentFixedAppendixLines();
  let id: string;
  beforeAll(async () => {
    id = await createInspection('Appendices three and five');
    expect((await put(`/inspections/${id}/cases/F-1`, makeCase('community', 1))).status).toBe(201);
  });

  const expectEnglish = (html: string) => {
    const text = textOf(html);
    for (const line of [...lines.appendix3, ...lines.appendix5]) expect(text, line).toContain(line);
    expect(html).toContain('Appendix 3: Inspection model, methodology and publication arrangements</h2>');
    expect(html).toContain('Appendix 5: Role of HMI Probation</h2>');
    expect(html).toMatch(
      /<a class="govuk-link" href="#inspection-model">Appendix 3: Inspection model, methodology and publication arrangements<\/a>/,
    );
    expect(html).toMatch(/<a class="govuk-link" href="#role-of-hmi-probation">Appendix 5: Role of HMI Probation<\/a>/);
    // In the report's order: 2, 3, 4, 5.
    const at = (s: string) => html.indexOf(s);
    expect(at('id="sample"')).toBeLessThan(at('id="inspection-model"'));
    expect(at('id="inspection-model"')).toBeLessThan(at('id="scoring-approach"'));
    expect(at('id="scoring-approach"')).toBeLessThan(at('id="role-of-hmi-probation"'));
  };
  const expectWelsh = (html: string) => {
    const text = textOf(html);
    expect(html).toContain('Atodiad 3: Model yr arolygiad, y fethodoleg a’r trefniadau cyhoeddi</h2>');
    expect(html).toContain('Atodiad 5: Rôl Arolygiaeth Prawf EF</h2>');
    expect(text).toContain('Cyhoeddir adroddiadau ar reoli troseddwyr yng Nghymru yn Gymraeg ac yn Saesneg.');
    expect(text).toContain('Prif Arolygydd Prawf EF');
    expect(html).toMatch(/href="#inspection-model">Atodiad 3:/);
    // None of the seed's English sentences is left in the Welsh appendices.
    const english = [...lines.appendix3, ...lines.appendix5].filter((l) => l.split(' ').length > 3);
    expect(english.filter((l) => text.includes(l))).toEqual([]);
  };

  it('are in the staff report, in the seed’s words and in Welsh', async () => {
    expectEnglish(await staffReport(id));
    expectWelsh(await staffReport(id, 'cy'));
  });

  it('are in a report link’s published report and in a frozen final release, in both languages', async () => {
    await recomputedSummary(id);
    const link = await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
    expect(link.status, link.text).toBe(201);
    const url = new URL(link.json.url);
    const published = await call(`${url.pathname}`, {});
    expect(published.status).toBe(200);
    expectEnglish(published.text);
    const releaseId = await makeRelease(id, 'final');
    for (const lang of ['en', 'cy'] as const) {
      const frozen = await call(`/inspections/${id}/releases/${releaseId}/report?lang=${lang}`, { as: 'staff' });
      expect(frozen.status).toBe(200);
      if (lang === 'en') expectEnglish(frozen.text);
      else expectWelsh(frozen.text);
    }
  });
});
