/**
 * Appendix 1 as the IPPF printed it and section 4.2's domain table (issue 28), through the
 * local server: the demo's upload of every Kent row, the report in English and Welsh, a bad
 * upload naming each cell and changing nothing, a replacement by the five original columns,
 * and the workbench page's upload and preview.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recomputedSummary, staffReport } from '#support/ready-report';
import { call, expectProblem } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { csrfOf, page, signIn } from '#support/workbench';
import { kentPerformanceCsv } from '#infra/local/demo-evidence';

const putCsv = (path: string, body: string) => call(path, { method: 'PUT', as: 'inspector', body, headers: { 'content-type': 'text/csv' } });
/** The report from Appendix 1's heading to the next appendix. */
const appendix1 = (report: string) =>
  report.slice(report.indexOf('id="performance"'), report.indexOf('<h2', report.indexOf('id="performance"') + 10));
/** A table's body row for a measure, as one string. */
const rowOf = (html: string, measure: string) => {
  const at = html.indexOf(`>${measure}</th>`);
  expect(at, measure).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf('</tr>', at));
};
const cells = (row: string) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

let id: string;
beforeAll(async () => {
  id = await createInspection('Appendix 1');
  expect((await call(`/inspections/${id}/cases/A1-1`, { method: 'PUT', as: 'inspector', json: makeCase('licence', 1) })).status).toBe(201);
});

describe('the Kent figures uploaded whole', () => {
  beforeAll(async () => {
    const res = await putCsv(`/inspections/${id}/performance-figures`, kentPerformanceCsv());
    expect(res.status, res.text.slice(0, 500)).toBe(200);
    expect(res.json).toEqual({ inspectionId: id, measures: 39 });
  });

  it('keeps every row in the summary, the re-offending difference worked out', async () => {
    const figures = (await recomputedSummary(id)).performanceFigures as {
      measure: string;
      kind?: string;
      difference?: number;
      significant?: boolean;
    }[];
    expect(figures).toHaveLength(39);
    expect(figures.filter((f) => f.kind === 'later')).toHaveLength(4);
    expect(figures.find((f) => f.measure === 'Reduce Re-offending')).toMatchObject({
      area: 8.6,
      predicted: 9.4,
      difference: -0.8,
      significant: false,
      grade: 2,
    });
  });

  it('shows 4.2’s domain table inside criterion 4.2, and Appendix 1 by domain, in English', async () => {
    const report = await staffReport(id);
    const table42 = report.indexOf('id="ippf-domains"');
    expect(table42).toBeGreaterThan(report.indexOf('id="criterion-4.2"'));
    expect(table42).toBeLessThan(report.indexOf('id="criterion-4.3"'));
    const domains = report.slice(table42, report.indexOf('</table>', table42));
    expect(domains).toContain('Summary of results for Appendix 1 from the NOMS Integrated Probation Performance Framework (IPPF)');
    expect(cells(rowOf(domains, 'Public Protection'))).toEqual(['Outstanding Performance']);
    expect(cells(rowOf(domains, 'Offender Management'))).toEqual(['Passable Performance']);
    expect(cells(rowOf(domains, 'Interventions'))).toEqual(['Passable Performance']);
    expect(cells(rowOf(domains, 'Operational Capability, Resource Use and Strategy'))).toEqual(['Poor Performance']);
    expect(cells(rowOf(domains, 'Area score'))).toEqual(['Passable Performance']);

    const a1 = appendix1(report);
    expect(a1).toContain('<p class="govuk-body">Figures for April-September 2007.</p>');
    expect(a1).toMatch(/id="ippf-area-score"><strong>Area score:<\/strong> 2: Passable Performance/);
    expect(a1).toContain('Public Protection (IPPF domain score 4: Outstanding Performance)');
    expect(a1).toContain('Operational Capability, Resource Use and Strategy (IPPF domain score 1: Poor Performance)');
    // Actual, target, national, previous year, grade, against target.
    expect(cells(rowOf(a1, 'Victim Contact'))).toEqual(['98%', '85%', '93%', '95%', '4', 'Met']);
    expect(cells(rowOf(a1, 'Tier 4 OASys Assess'))).toEqual(['94%', '90%', '96%', 'n/a', '3', 'Met']);
    expect(cells(rowOf(a1, 'NS Offender Management'))).toEqual(['8.1%', '90%', '77%', '79%', '3', 'Missed']);
    expect(cells(rowOf(a1, 'Budget Variance'))).toEqual(['10,339', '10,074', '414,618', '9,933', '1', 'Missed']);
    // Printed to the row's one decimal place, as the seed prints 9.0.
    expect(cells(rowOf(a1, 'Sickness Absence'))).toEqual(['12.7', '9.0', '11.7', '9.4', '1', 'Missed']);
    expect(cells(rowOf(a1, 'Ethnic Monitoring'))).toEqual(['not available', '95%', '97%', 'not available', '4', 'No target']);
    expect(cells(rowOf(a1, 'Tier 1, 2 &amp; 3 OASys Assess'))).toEqual(['Data available later: Data Available in Q3']);
    expect(cells(rowOf(a1, 'Sub-Contracting'))).toEqual(['Data available later: Data Availability Under Review']);
    // Re-offending: actual, predicted, difference, significant, grade.
    expect(cells(rowOf(a1, 'Reduce Re-offending'))).toEqual(['8.6%', '9.4%', '-0.8%', 'No', '2']);
    // Management information: actual, target, national, previous year, grade.
    expect(cells(rowOf(a1, 'Average Acceptable Absences'))).toEqual(['2.1', 'n/a', '2.6', '2.6', '4']);
    expect(cells(rowOf(a1, 'Employment Gained'))).toEqual(['350', 'n/a', '10,744', 'n/a', 'n/a']);
    expect(a1).toMatch(/Ethnic Monitoring<\/span>: <span>The source prints ####/);
    expect(a1).toContain('The area missed 11 targets of the 20 below.');
    expect(a1).toMatch(/id="ippf-grades"[\s\S]*Outstanding Performance<\/th><td[^>]*>4</);
    expect(a1).toContain(
      'IPPF is the performance framework operated by NOMS. Under this, for each probation area, a score is assigned for each of four ‘domains’ as indicated',
    );
  });

  it('shows them in Welsh: the Welsh name of every measure, the fixed text translated', async () => {
    const report = await staffReport(id, 'cy');
    const table42 = report.slice(report.indexOf('id="ippf-domains"'), report.indexOf('</table>', report.indexOf('id="ippf-domains"')));
    expect(cells(rowOf(table42, 'Diogelu’r Cyhoedd'))).toEqual(['Perfformiad Rhagorol']);
    expect(cells(rowOf(table42, 'Sgôr yr ardal'))).toEqual(['Perfformiad Derbyniol']);
    const a1 = appendix1(report);
    expect(cells(rowOf(a1, 'Cysylltu â dioddefwyr'))).toEqual(['98%', '85%', '93%', '95%', '4', 'Wedi’i gyrraedd']);
    expect(cells(rowOf(a1, 'Monitro ethnig'))).toEqual(['dim ar gael', '95%', '97%', 'dim ar gael', '4', 'Dim targed']);
    expect(cells(rowOf(a1, 'Asesiadau OASys Haenau 1, 2 a 3'))).toEqual(['Data ar gael yn nes ymlaen: Data ar gael yn Ch3']);
    expect(cells(rowOf(a1, 'Lleihau aildroseddu'))).toEqual(['8.6%', '9.4%', '-0.8%', 'Nac ydy', '2']);
    expect(cells(rowOf(a1, 'Cyflogaeth a gafwyd'))).toEqual(['350', 'amh.', '10,744', 'amh.', 'amh.']);
    expect(a1).toContain('IPPF yw’r fframwaith perfformiad a weithredir gan NOMS.');
    // Every measure has its Welsh name: none of the English ones is left, and nothing is marked English but the period.
    for (const english of [
      'Victim Contact',
      'Ethnic Monitoring',
      'Reduce Re-offending',
      'Employment Gained',
      'Sub-Contracting',
      'Data Available in Q3',
    ])
      expect(a1).not.toContain(english);
    // Nothing left in English: the period's months are Welsh too.
    expect([...a1.matchAll(/lang="en">([^<]*)</g)].map((m) => m[1])).toEqual([]);
    expect(a1).toContain('Ebrill-Medi 2007');
  });

  it('refuses a bad upload whole, naming each bad cell by row and column, and keeps the figures', async () => {
    const bad = [
      'measure,target,area,national,period,kind,domain,previous,grade,predicted,significant,note',
      'Ethnic Monitoring,95%,####,97%,Q2,,operational-capability,####,4,,,',
      'Reduce Re-offending,n/a,8.6%,n/a,Q2,,reoffending,n/a,2,9.4%,perhaps,',
      'Approved Premises,,,,Q2,later,public-protection,,,,,',
      'Area score,,,,Q2,area-score,,,7,,,',
    ].join('\r\n');
    const p = expectProblem(await putCsv(`/inspections/${id}/performance-figures`, bad), 400);
    expect(p.errors.map((e) => e.path).sort()).toEqual(['row 2.area', 'row 2.previous', 'row 3.significant', 'row 4.note', 'row 5.grade']);
    expect(p.errors.find((e) => e.path === 'row 5.grade')!.message).toBe(
      'Row 5, column grade: "7" is not an IPPF grade: use 1 (poor), 2 (passable), 3 (good) or 4 (outstanding), n/a, or leave it empty',
    );
    expect((await recomputedSummary(id)).performanceFigures).toHaveLength(39);
  });
});

describe('a replacement by the five original columns', () => {
  it('replaces the Kent rows whole and the report goes back to the one table, without the 4.2 table', async () => {
    const res = await putCsv(
      `/inspections/${id}/performance-figures`,
      'measure,target,area,national,period\r\nOrders successfully completed,75%,68%,63%,2007 Q2\r\n',
    );
    expect(res.status, res.text).toBe(200);
    expect((await recomputedSummary(id)).performanceFigures).toEqual([
      { measure: 'Orders successfully completed', target: 75, area: 68, national: 63, period: '2007 Q2', unit: 'percent', missedTarget: true },
    ]);
    const report = await staffReport(id);
    expect(report).not.toContain('id="ippf-domains"');
    expect(report).not.toContain('id="ippf-about"');
    expect(cells(rowOf(appendix1(report), 'Orders successfully completed'))).toEqual(['2007 Q2', '75%', '68%', '63%', 'Missed']);
  });
});

describe('the workbench page', () => {
  let inspector: string;
  beforeAll(async () => {
    inspector = (await signIn('inspector')).cookie;
  });
  const upload = async (csv: string) => {
    const csrf = csrfOf((await page(`/workbench/inspections/${id}/area`, { cookie: inspector })).text);
    const body = new FormData();
    body.set('csrf', csrf);
    body.set('file', new Blob([csv], { type: 'text/csv' }), 'figures.csv');
    return page(`/workbench/inspections/${id}/area/performance-figures`, { cookie: inspector, body });
  };

  it('uploads the Kent figures and previews every column; a bad file lists each cell in words and changes nothing', async () => {
    const good = await upload(kentPerformanceCsv());
    expect(good.status, good.text.slice(0, 300)).toBe(303);
    const shown = (await page(good.headers.get('location')!, { cookie: inspector })).text;
    // Measure, Welsh name, row, period, note, then actual, target, national, previous year, grade.
    expect(cells(rowOf(shown, 'Ethnic Monitoring'))).toEqual([
      'Monitro ethnig',
      'Operational Capability, Resource Use and Strategy',
      'April-September 2007',
      expect.stringMatching(/^The source prints ####.* Welsh: Mae’r ffynhonnell/),
      'not available',
      '95%',
      '97%',
      'not available',
      '4 (outstanding)',
    ]);
    expect(cells(rowOf(shown, 'Reduce Re-offending')).slice(2, 4)).toEqual([
      'April-September 2007',
      'Predicted 9.4%; the difference is not significant.',
    ]);
    expect(cells(rowOf(shown, 'Approved Premises'))[1]).toBe('Public Protection, data available later');
    expect(cells(rowOf(shown, 'Area score'))).toEqual(['', 'The area’s IPPF score', 'April-September 2007', '', '', '', '', '', '2 (passable)']);

    const bad = await upload('measure,target,area,national,period,grade\nVictim Contact,85%,98%,93%,Q2,5\nEthnic Monitoring,95%,####,97%,Q2,4\n');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('govuk-error-summary');
    expect(bad.text).toContain('Row 2, column grade: &quot;5&quot; is not an IPPF grade');
    expect(bad.text).toContain('Row 3, column area: &quot;####&quot; is what a spreadsheet shows when a figure is too wide for its column');
    expect((await page(`/workbench/inspections/${id}/area`, { cookie: inspector })).text).toContain('Monitro ethnig');
  });
});
