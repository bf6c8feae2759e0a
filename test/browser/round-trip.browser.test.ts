/**
 * Open and save unchanged stores exactly what was there (issue 26, finding 3), in Chromium:
 * every workbench form that edits what the API stores (the write-up, a leadership grade, a
 * conclusion, a case) is filled by the API with line breaks, blank lines inside a finding,
 * Welsh text and the longest values allowed, then opened and saved without a change, and
 * what is stored afterwards is compared with what was stored before. (The evidence has no
 * form in the workbench: its moderation page only shows.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, call } from '#support/api';
import { launchChromium } from '#support/browser';
import { createInspection, makeCase } from '#support/fixtures';
import { tableAt } from '#support/hostile';
import { signIn } from '#support/workbench';
import { WRITE_UP_TEXT_MAX } from '#schemas/write-up';

let browser: Browser;
let page: Page;
let id: string;

const WELSH = 'Mae’r gŵr yn ŷd a’r â ê î ô û ŵ ŷ';
/** `length` characters of Welsh and English words, with line breaks, never starting or ending with a space. */
const long = (seed: string, length: number) => {
  let out = `${seed}:`;
  while (out.length < length) out += ` ${WELSH} and the plan.\nLine ${out.length}`;
  return (
    out
      .slice(0, length - 1)
      .trimEnd()
      .padEnd(length - 1, 'x') + '.'
  );
};

beforeAll(async () => {
  browser = await launchChromium();
  id = await createInspection('Round trip');
  const { cookie } = await signIn('admin');
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext();
  await context.addCookies([{ name, value, url: baseUrl() }]);
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a page, presses its save button, and waits for the post/redirect/get to land. */
async function openAndSave(path: string, button: string) {
  await page.goto(`${baseUrl()}${path}`);
  // The case form has a Save button in every section ("Save case and return to 1.2 ..."): any of them saves the whole form.
  const save = page.getByRole('button', { name: new RegExp(`^${button}( and return to .*)?$`) }).first();
  await Promise.all([page.waitForNavigation(), save.click()]);
  // A save lands on another page (the list, or the form with ?saved=1); a refusal stays on the form with its reasons.
  const landed = new URL(page.url());
  expect(`${landed.pathname}${landed.search}`, `${path}: ${(await page.locator('main').innerText()).slice(0, 600)}`).not.toBe(path);
}

describe('open and save unchanged, in Chromium', () => {
  it('the write-up: blank lines inside a finding, Welsh on the right findings, line breaks, the longest texts, the RoH setting', async () => {
    const writeUp = {
      summary: [
        { section: 'roh', text: 'Risk of Harm first,\nthen the rest.', textCy: `${WELSH}\n\n${WELSH}` },
        { section: '1', text: long('summary', WRITE_UP_TEXT_MAX), textCy: long('crynodeb', WRITE_UP_TEXT_MAX) },
      ],
      criteria: {
        '1.1': {
          strengths: [
            'First finding.\n\nStill the first finding, after a blank line.',
            { text: 'Second finding, not translated.', drafted: { question: '1.1.1', percent: 80 } },
            { text: 'Third finding.', textCy: `Trydydd canfyddiad.\n\n${WELSH}` },
          ],
          improvements: [{ text: long('improvement', WRITE_UP_TEXT_MAX), textCy: long('gwella', WRITE_UP_TEXT_MAX) }],
        },
        '1.2': { strengths: [], improvements: ['One line\nand another.'] },
        '4.1': { strengths: ['Leadership has no findings fields on the page.'], improvements: [] },
      },
      recommendations: [
        { text: 'Review plans\n\nevery 16 weeks.', textCy: WELSH, criteria: ['2.2', '1.2', '1.2'] },
        { text: 'A second one.', criteria: ['3.1'] },
      ],
      goodPractice: [{ title: 'T'.repeat(200), titleCy: 'Ŵ'.repeat(200), text: 'What was done,\nline by line.', textCy: WELSH, criteria: ['2.1'] }],
      rohTablesInternal: true,
    };
    const first = await call(`/inspections/${id}/write-up`, { as: 'admin' });
    const put = await call(`/inspections/${id}/write-up`, {
      method: 'PUT',
      as: 'admin',
      headers: { 'if-match': first.headers.get('etag')! },
      json: writeUp,
    });
    expect(put.status, put.text).toBe(200);
    const before = (await call(`/inspections/${id}/write-up`, { as: 'admin' })).json;

    await openAndSave(`/workbench/inspections/${id}/write-up`, 'Save the write-up');

    const after = (await call(`/inspections/${id}/write-up`, { as: 'admin' })).json;
    expect(after).toEqual(before);
    expect(after.rohTablesInternal).toBe(true);
  }, 60_000);

  // 30 points, four of the longest (two with Welsh as long), within the form's 256 KB body.
  it('a leadership grade: points with line breaks, Welsh beside some, 30 of them, some of the longest', async () => {
    const grade = {
      grade: 'well-met',
      strengths: [
        'A point\nwith a line break.',
        { text: `${WELSH}\r\nand more.`, textCy: WELSH },
        ...Array.from({ length: 28 }, (_, i) =>
          i >= 4
            ? long(`point ${i}`, 1000)
            : i % 2
              ? long(`point ${i}`, WRITE_UP_TEXT_MAX)
              : { text: long(`point ${i}`, WRITE_UP_TEXT_MAX), textCy: long(`pwynt ${i}`, WRITE_UP_TEXT_MAX) },
        ),
      ],
      improvements: ['One.', 'Two\n\nparagraphs.'],
    };
    const put = await call(`/inspections/${id}/leadership/4.1`, { method: 'PUT', as: 'admin', json: grade });
    expect(put.status, put.text).toBeLessThan(300);
    const before = await stored('GRADE#4.1');

    await openAndSave(`/workbench/inspections/${id}/grades/4.1`, 'Save grade');

    const after = await stored('GRADE#4.1');
    expect(pick(after, 'grade', 'strengths', 'improvements')).toEqual(pick(before, 'grade', 'strengths', 'improvements'));
  }, 60_000);

  it('a conclusion: its own spacing and line breaks, the longest text', async () => {
    for (const [criterion, conclusion] of [
      ['1.1', { band: 'priority', text: `  Indented,\n\nthen ${WELSH}.  ` }],
      ['1.2', { band: 'good', text: long('conclusion', 2000) }],
      ['1.3', { band: 'urgent-priority', text: '' }],
      ['2.1', { band: 'good' }],
    ] as const) {
      const put = await call(`/inspections/${id}/conclusions/${criterion}`, { method: 'PUT', as: 'admin', json: conclusion });
      expect(put.status, put.text).toBeLessThan(300);
      const before = await stored(`CONCL#${criterion}`);
      await openAndSave(`/workbench/inspections/${id}/grades/${criterion}`, 'Save conclusion');
      const after = await stored(`CONCL#${criterion}`);
      expect(pick(after, 'band', 'text'), criterion).toEqual(pick(before, 'band', 'text'));
    }
  }, 90_000);

  it('a case: its profile and every answer', async () => {
    for (const [ref, type] of [
      ['RT-001', 'licence'],
      ['RT-002', 'custody'],
    ] as const) {
      const put = await call(`/inspections/${id}/cases/${ref}`, { method: 'PUT', as: 'admin', json: makeCase(type, 7) });
      expect(put.status, put.text).toBeLessThan(300);
      const before = (await call(`/inspections/${id}/cases/${ref}`, { as: 'admin' })).json;
      await openAndSave(`/workbench/inspections/${id}/cases/${ref}`, 'Save case');
      const after = (await call(`/inspections/${id}/cases/${ref}`, { as: 'admin' })).json;
      expect(pick(after, 'profile', 'answers'), ref).toEqual(pick(before, 'profile', 'answers'));
      expect(after.version).toBe(before.version + 1);
    }
  }, 60_000);
});

async function stored(sk: string): Promise<Record<string, unknown>> {
  const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
  try {
    const items = await table.partition(`INSP#${id}`, sk);
    expect(items.length, sk).toBe(1);
    return items[0]!;
  } finally {
    table.destroy();
  }
}

const pick = (o: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
