/**
 * The caseload page's Appendix 2 fields and the sample's minimums (issue 28) through the real
 * local server, signed in:
 * what the JSON route stored comes back in the form, and saving the form as shown keeps every
 * part (the form replaces the whole context, so a part it lacked would be lost); a field it
 * cannot read, and a rule the use case refuses, are each named in the error summary and linked
 * to their field, with what was typed kept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '#support/api';
import { createInspection, makeCase } from '#support/fixtures';
import { kentAppendix2 } from '#support/kent-appendices';
import { csrfOf, form, page, signIn } from '#support/workbench';

let id: string;
let inspector: string;
const areaPage = () => `/workbench/inspections/${id}/area`;
const seed = kentAppendix2();

const decode = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The fields of the caseload form as the page fills them in, as a browser would send them. */
function fieldsOf(html: string): Record<string, string> {
  const formHtml = /<form method="post" action="[^"]*\/area" novalidate>([\s\S]*?)<\/form>/.exec(html)?.[1];
  expect(formHtml, 'the caseload form').toBeDefined();
  const fields: Record<string, string> = {};
  for (const m of formHtml!.matchAll(/<input[^>]*\bname="([^"]+)"[^>]*\bvalue="([^"]*)"/g)) fields[decode(m[1]!)] = decode(m[2]!);
  for (const m of formHtml!.matchAll(/<textarea[^>]*\bname="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[decode(m[1]!)] = decode(m[2]!);
  return fields;
}

async function post(fields: Record<string, string>) {
  const csrf = csrfOf((await page(areaPage(), { cookie: inspector })).text);
  return page(areaPage(), { cookie: inspector, ...form({ ...fields, csrf }) });
}

const balanceOf = async () => (await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' })).json.sample.balance;

beforeAll(async () => {
  id = await createInspection('Appendix two page');
  inspector = (await signIn('inspector')).cookie;
  expect((await call(`/inspections/${id}/cases/W-1`, { method: 'PUT', as: 'inspector', json: makeCase('community', 1) })).status).toBe(201);
});

describe('the caseload page’s Appendix 2 fields', () => {
  it('show what the JSON route stored, and a save of the form as shown keeps every part', async () => {
    const context = {
      caseload: seed.caseload,
      minimums: { female: 9, ppo: 8 },
      caseloadAt: seed.caseloadAt,
      mappaPercent: seed.mappa,
      ppoPercent: seed.ppo,
      ppoDefinition: { text: seed.ppoDefinition, textCy: 'Y diffiniad lleol – “PPO” & eraill.' },
      revenueBudgets: seed.budgets.map(({ year, pounds }) => ({ year, pounds })),
      approvedPremises: seed.premises,
    };
    expect((await call(`/inspections/${id}/context`, { method: 'PUT', as: 'inspector', json: context })).status).toBe(200);
    const before = await balanceOf();
    const shown = await page(areaPage(), { cookie: inspector });
    expect(shown.status).toBe(200);
    const fields = fieldsOf(shown.text);
    expect(fields).toMatchObject({
      'minimums.female': '9',
      'minimums.ppo': '8',
      'caseloadAt.month': '12',
      'caseloadAt.year': '2006',
      'mappaPercent.1': '0.89',
      ppoPercent: '1.34',
      'revenueBudgets.0.pounds': '19,817,000',
      'approvedPremises.0.name': 'Fleming House',
    });
    // A blank row for one more of each.
    expect(fields['revenueBudgets.2.year']).toBe('');
    expect(fields['approvedPremises.1.name']).toBe('');
    const { csrf: _csrf, ...asShown } = fields;
    const saved = await post(asShown);
    expect(saved.status, saved.text.slice(0, 300)).toBe(303);
    expect(await balanceOf()).toEqual(before);
  });

  it('takes parts typed in, the empty ones not given', async () => {
    const saved = await post({
      caseload: '200',
      'mappaPercent.2': '4.5%',
      'revenueBudgets.0.year': '2007/2008',
      'revenueBudgets.0.pounds': '£20,136,000',
      'approvedPremises.0.name': '',
      'approvedPremises.0.capacity': '',
    });
    expect(saved.status, saved.text.slice(0, 300)).toBe(303);
    const balance = await balanceOf();
    expect(balance).toMatchObject({ caseload: 200, mappaPercent: { '2': 4.5 }, revenueBudgets: [{ year: '2007/2008', pounds: 20_136_000 }] });
    for (const key of ['caseloadAt', 'ppoPercent', 'ppoDefinition', 'approvedPremises']) expect(balance[key], key).toBeUndefined();
  });

  it('names each field it cannot read, links to it, and keeps what was typed', async () => {
    const before = await balanceOf();
    const bad = await post({
      caseload: '200',
      'minimums.ppo': 'eight',
      'caseloadAt.month': '13',
      'caseloadAt.year': '2006',
      'mappaPercent.1': '0.891',
      ppoPercent: 'lots',
      'ppoDefinition.textCy': 'Cymraeg yn unig',
      'revenueBudgets.0.year': '2006-07',
      'revenueBudgets.0.pounds': '£19.8m',
      'approvedPremises.0.name': 'Fleming House',
      'approvedPremises.0.capacity': 'many',
    });
    expect(bad.status).toBe(400);
    for (const field of [
      'minimums-ppo',
      'caseloadAt',
      'mappaPercent-1',
      'ppoPercent',
      'ppoDefinition',
      'revenueBudgets-0-year',
      'revenueBudgets-0-pounds',
      'approvedPremises-0-capacity',
    ]) {
      expect(bad.text, field).toContain(`href="#${field}"`);
      expect(bad.text, field).toContain(`id="${field}"`);
    }
    expect(bad.text).toContain('value="0.891"');
    expect(bad.text).toContain('value="£19.8m"');
    expect(bad.text).toContain('>Cymraeg yn unig</textarea>');
    expect(await balanceOf()).toEqual(before);
  });

  it('names the use case’s refusals on their fields', async () => {
    const before = await balanceOf();
    const refused = await post({
      caseload: '200',
      'mappaPercent.1': '60',
      'mappaPercent.2': '50',
      'revenueBudgets.0.year': '2006/2008',
      'revenueBudgets.0.pounds': '1',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/href="#mappaPercent-1">The MAPPA levels add up to 110%, more than the whole caseload</);
    expect(refused.text).toMatch(/href="#revenueBudgets-0-year">2006\/2008 is not one financial year: give it as 2006\/2007</);
    expect(await balanceOf()).toEqual(before);
  });
});
