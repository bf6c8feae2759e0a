/**
 * Section 4's findings through the real local server: points as long as a write-up's texts,
 * their Welsh beside them, lettered in the report in English and in Welsh, and written on the
 * workbench's grade page.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { WRITE_UP_TEXT_MAX } from '#schemas/write-up';
import { call, expectProblem } from '#support/api';
import { createInspection } from '#support/fixtures';
import { tableAt } from '#support/hostile';
import { form, page, signIn } from '#support/workbench';

/** A finding of exactly `length` characters that says where it came from. */
const finding = (label: string, length: number) => `${label} `.padEnd(length - 1, 'lorem ipsum ') + '.';

let id: string;
let inspector: string;
let staff: string;

const leadershipOf = async (criterion: string) => {
  const res = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
  expect(res.status, res.text).toBe(200);
  return (res.json.leadership as { id: string; strengths: unknown[]; improvements: unknown[] }[]).find((l) => l.id === criterion)!;
};

/** The lettered items of one criterion's block in a report: [letter, inner HTML]. */
function letteredIn(html: string, criterion: string): [string, string][] {
  const start = html.indexOf(`id="criterion-${criterion}"`);
  expect(start, `criterion ${criterion} in the report`).toBeGreaterThan(0);
  const block = html.slice(start, html.indexOf('<div class="app-criterion"', start + 1) >>> 0 || undefined);
  return [...block.matchAll(/<li><span class="app-letter">\(([a-z]+)\)<\/span> ([\s\S]*?)<\/li>/g)].map((m) => [m[1]!, m[2]!]);
}

/** The grade as stored, read from the table itself (the summary keeps only what fits its free-text budget). */
async function storedGrade(criterion: string): Promise<Record<string, unknown>> {
  const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
  try {
    const items = await table.partition(`INSP#${id}`, `GRADE#${criterion}`);
    expect(items).toHaveLength(1);
    return items[0]!;
  } finally {
    table.destroy();
  }
}

beforeAll(async () => {
  id = await createInspection('Leadership findings');
  [inspector, staff] = await Promise.all([signIn('inspector'), signIn('staff')]).then((s) => s.map((x) => x.cookie));
});

describe('a leadership point', () => {
  const long = finding('Strategic planning (a)', 3000);
  const welshOne = { text: 'Partnership work was strong.', textCy: 'Roedd gwaith partneriaeth yn gryf.' };
  const longest = { text: finding('Workforce planning', WRITE_UP_TEXT_MAX), textCy: finding('Cynllunio’r gweithlu', WRITE_UP_TEXT_MAX) };
  const body = { grade: 'satisfactorily-met', strengths: [long, welshOne, 'A plain third point.'], improvements: [longest] };

  it('of 3,000 characters, or with its Welsh beside it, round-trips exactly as sent', async () => {
    const put = await call(`/inspections/${id}/leadership/4.1`, { method: 'PUT', as: 'inspector', json: body });
    expect(put.status, put.text).toBe(201);
    expect(put.json).toMatchObject(body);
    const stored = await leadershipOf('4.1');
    expect(stored.strengths).toEqual(body.strengths);
    expect(stored.improvements).toEqual(body.improvements);
  });

  it('of 4,001 characters, in English or in Welsh, is refused naming the field, and nothing stored changes', async () => {
    const tooLong = 'x'.repeat(WRITE_UP_TEXT_MAX + 1);
    const english = await call(`/inspections/${id}/leadership/4.1`, { method: 'PUT', as: 'inspector', json: { ...body, strengths: [tooLong] } });
    expect(expectProblem(english, 400).errors.map((e) => e.path)).toEqual(['strengths.0']);
    const welsh = await call(`/inspections/${id}/leadership/4.1`, {
      method: 'PUT',
      as: 'inspector',
      json: { ...body, improvements: ['fine', { text: 'fine', textCy: tooLong }] },
    });
    expect(expectProblem(welsh, 400).errors.map((e) => e.path)).toEqual(['improvements.1.textCy']);
    const unknown = await call(`/inspections/${id}/leadership/4.1`, {
      method: 'PUT',
      as: 'inspector',
      json: { ...body, strengths: [{ text: 'fine', welsh: 'no' }, { textCy: 'only Welsh' }] },
    });
    expect(
      expectProblem(unknown, 400)
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['strengths.0.welsh', 'strengths.1']);
    const stored = await leadershipOf('4.1');
    expect(stored.strengths).toEqual(body.strengths);
    expect(stored.improvements).toEqual(body.improvements);
  });

  it('as many long points with their Welsh as one request carries (256 KB) are stored whole; a larger request is a 413, nothing stored changes', async () => {
    // 30 points of 4,000 characters, each with 4,000 of Welsh: about 241 KB of JSON.
    const full = Array.from({ length: 30 }, (_, i) => ({
      text: finding(`Point ${i}`, WRITE_UP_TEXT_MAX),
      textCy: finding(`Pwynt ${i}`, WRITE_UP_TEXT_MAX),
    }));
    const ok = await call(`/inspections/${id}/leadership/4.6`, {
      method: 'PUT',
      as: 'inspector',
      json: { grade: 'partly-met', strengths: full, improvements: [] },
    });
    expect(ok.status, ok.text.slice(0, 200)).toBe(201);
    expect((await storedGrade('4.6')).strengths).toEqual(full);
    const tooBig = await call(`/inspections/${id}/leadership/4.6`, {
      method: 'PUT',
      as: 'inspector',
      json: { grade: 'not-met', strengths: full, improvements: Array.from({ length: 10 }, (_, i) => finding(`More ${i}`, WRITE_UP_TEXT_MAX)) },
    });
    expectProblem(tooBig, 413);
    expect(await storedGrade('4.6')).toMatchObject({ grade: 'partly-met', strengths: full, improvements: [] });
    // The summary keeps as many as its free-text budget allows, in order, and says how many it left out.
    const aggregated = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'admin' });
    const kept = (aggregated.json.leadership as { id: string; strengths: unknown[] }[]).find((l) => l.id === '4.6')!.strengths;
    expect(kept).toEqual(full.slice(0, kept.length));
    expect(kept.length + aggregated.json.leadershipPointsOmitted).toBe(30);
  });

  it('is lettered in the report, in English, and in Welsh where its Welsh was written (English marked lang="en" elsewhere)', async () => {
    const en = await call(`/inspections/${id}/report`, { as: 'staff' });
    expect(en.status).toBe(200);
    const items = letteredIn(en.text, '4.1');
    expect(items.map(([letter]) => letter)).toEqual(['a', 'b', 'c', 'a']);
    expect(items.map(([, text]) => text)).toEqual([long, welshOne.text, 'A plain third point.', longest.text]);

    const cy = await call(`/inspections/${id}/report?lang=cy`, { as: 'staff' });
    expect(cy.status).toBe(200);
    const welsh = letteredIn(cy.text, '4.1');
    expect(welsh.map(([letter]) => letter)).toEqual(['a', 'b', 'c', 'a']);
    // An untranslated point is marked English where it stands (and numbered for the translator's list on this staff page).
    const unnumbered = welsh.map(([, text]) => text.replace(/ id="untranslated-\d+"/, ''));
    expect(unnumbered).toEqual([`<span lang="en">${long}</span>`, welshOne.textCy, '<span lang="en">A plain third point.</span>', longest.textCy]);
  });
});

describe("the workbench's grade page", () => {
  const postGrade = async (criterion: string, cookie: string, fields: Record<string, string>) => {
    const shown = await page(`/workbench/inspections/${id}/grades/${criterion}`, { cookie });
    expect(shown.status).toBe(200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(shown.text)?.[1] ?? '';
    return page(`/workbench/inspections/${id}/grades/${criterion}`, { cookie, ...form({ csrf, ...fields }) });
  };

  it('takes long findings with their Welsh beside them, a dash keeping the place of one not translated', async () => {
    const long = finding('Resources were focused', 2500);
    const saved = await postGrade('4.3', inspector, {
      grade: 'partly-met',
      strengths: `${long}\nThe workload tool was fully implemented.\nA third.`,
      strengthsCy: 'Roedd adnoddau wedi’u canolbwyntio.\n-',
      improvements: 'Staffing in court.',
      improvementsCy: '',
    });
    expect(saved.status, saved.text.slice(0, 400)).toBe(303);
    const stored = await leadershipOf('4.3');
    expect(stored.strengths).toEqual([
      { text: long, textCy: 'Roedd adnoddau wedi’u canolbwyntio.' },
      'The workload tool was fully implemented.',
      'A third.',
    ]);
    expect(stored.improvements).toEqual(['Staffing in court.']);

    // Shown again, the Welsh box holds the Welsh in place; saved again unchanged, nothing moves.
    const again = await page(`/workbench/inspections/${id}/grades/4.3`, { cookie: inspector });
    expect(again.text).toContain('Roedd adnoddau wedi’u canolbwyntio.\n-\n-</textarea>');
    const csrf = /name="csrf" value="([^"]+)"/.exec(again.text)?.[1] ?? '';
    const fields = Object.fromEntries(
      [...again.text.matchAll(/<textarea[^>]* name="(\w+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [
        m[1]!,
        m[2]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&'),
      ]),
    );
    expect(
      (await page(`/workbench/inspections/${id}/grades/4.3`, { cookie: inspector, ...form({ csrf, grade: 'partly-met', ...fields }) })).status,
    ).toBe(303);
    expect((await leadershipOf('4.3')).strengths).toEqual(stored.strengths);

    // Staff read the findings lettered, each with its Welsh, as text.
    const read = await page(`/workbench/inspections/${id}/grades/4.3`, { cookie: staff });
    expect(read.text).not.toContain('<textarea');
    expect(read.text).toContain(`<span class="app-letter">(a)</span> ${long}`);
    expect(read.text).toMatch(/<p class="govuk-body[^"]*" lang="cy">.*Roedd adnoddau wedi’u canolbwyntio\.<\/p>/);
  });

  it('refuses more Welsh points than English ones, and a Welsh point too long, on the Welsh box, storing nothing', async () => {
    const before = await leadershipOf('4.3');
    const more = await postGrade('4.3', inspector, {
      grade: 'partly-met',
      strengths: 'One.',
      strengthsCy: 'Un.\nDau.',
      improvements: '',
      improvementsCy: '',
    });
    expect(more.status).toBe(400);
    expect(more.text).toContain('href="#strengthsCy"');
    const tooLong = await postGrade('4.3', inspector, {
      grade: 'partly-met',
      strengths: 'One.',
      strengthsCy: 'x'.repeat(WRITE_UP_TEXT_MAX + 1),
      improvements: '',
      improvementsCy: '',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('href="#strengthsCy"');
    expect(await leadershipOf('4.3')).toEqual(before);
  });
});
