/**
 * Issue 18, item 1: respondents and inspectors cannot make a summary impossible to store.
 * 5,000 responses, each with a comment of random 4-byte characters (gzip cannot shrink them):
 * 500 at the maximum 2,000 characters, the rest at 100 (about 6 MB of text, fifteen times the
 * item limit; all 5,000 at full length is 40 MB, which DynamoDB Local alone takes over 30 s to
 * read back on a shared machine). Written straight into DynamoDB Local, then the summary is
 * computed, stored and served by every route through the local server.
 */
import { createHash } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#store/keys';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { getQuestionnaire } from '#questionnaires/index';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { pool, tableAt, validAnswers } from '#support/hostile';

const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
afterAll(() => table.destroy());

/** `n` random characters from CJK Extension B: four bytes each in UTF-8, incompressible. */
function rareText(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCodePoint(0x20000 + Math.floor(Math.random() * 0xa6d0));
  return s;
}

async function snapshotBytes(id: string): Promise<number> {
  const [item] = await table.partition(`INSP#${id}`, 'SUMMARY');
  return (item!.body as Uint8Array).byteLength;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const out = await fn();
  return [out, performance.now() - started];
}

async function reportLink(id: string): Promise<string> {
  const link = await call(`/inspections/${id}/report-links`, { method: 'POST', as: 'admin', json: { draft: true } });
  expect(link.status).toBe(201);
  return /\/reports\/([^/?#]+)/.exec(link.json.url)![1]!;
}

describe('a summary always fits its item', () => {
  it('5,000 comments of 4-byte characters, 500 of maximum length', { timeout: 120_000 }, async () => {
    const id = await createInspection('Item size');
    const def = getQuestionnaire('victim', 'en');
    const text = def.questions.find((q) => q.type === 'text')!;
    const closed = validAnswers(def, 'x');
    delete closed[text.id];
    const submittedAt = new Date().toISOString();
    const items = Array.from({ length: 5000 }, (_, i) => ({
      ...keys.slot(id, createHash('sha256').update(`size-${i}`).digest('hex')),
      entity: 'response',
      invitationId: `size-${i}`,
      audience: 'victim',
      language: 'en',
      questionnaireVersion: def.version,
      answers: { ...closed, [text.id]: rareText(i < 500 ? text.maxLength! : 100) },
      submittedAt,
    }));
    const batches = Array.from({ length: items.length / 25 }, (_, b) => items.slice(b * 25, b * 25 + 25));
    await pool(batches, 6, async (batch) => {
      let pending: unknown[] = batch.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length) {
        const out = await table.db.send(new BatchWriteCommand({ RequestItems: { [inject('tableName')]: pending as never } }));
        pending = out.UnprocessedItems?.[inject('tableName')] ?? [];
      }
    });

    const [agg, aggMs] = await timed(() => call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' }));
    expect(agg.status, agg.text.slice(0, 300)).toBe(200);
    const victims = agg.json.serviceUsers.victim;
    expect(victims.returned).toBe(5000);
    const q = victims.questions.find((x: { id: string }) => x.id === text.id);
    expect(q.answered).toBe(5000);
    expect(q.comments.length).toBeGreaterThan(0);
    expect(q.comments.length + q.commentsOmitted).toBe(5000);
    expect(agg.json.commentsOmitted).toBe(q.commentsOmitted);
    const bytes = await snapshotBytes(id);
    expect(bytes).toBeLessThanOrEqual(350 * 1024);
    console.info(
      `5,000 comments: aggregate ${Math.round(aggMs)} ms, snapshot ${bytes} bytes gzipped, ${q.comments.length} comments kept, ${q.commentsOmitted} left out`,
    );

    const summary = await call(`/inspections/${id}/summary`, { as: 'staff' });
    expect(summary.status).toBe(200);
    expect(summary.json.commentsOmitted).toBe(q.commentsOmitted);
    const report = await call(`/inspections/${id}/report`, { as: 'staff' });
    expect(report.status).toBe(200);
    expect(report.text).toContain(`${q.commentsOmitted} comments are not shown because there was more text than a summary can hold`);
    // Every comment is kept, in pages: none is lost to the item limit, and no item is near it.
    const first = await call(`/inspections/${id}/summary/comments`, { as: 'staff' });
    expect(first.status, first.text.slice(0, 200)).toBe(200);
    expect(first.json.pages).toBe(agg.json.commentPages);
    expect(first.json.pages).toBeGreaterThan(1);
    let all = 0;
    for (let page = 1; page <= first.json.pages; page++) {
      const res = await call(`/inspections/${id}/summary/comments?page=${page}`, { as: 'inspector' });
      expect(res.status).toBe(200);
      all += res.json.comments.length;
      for (const c of res.json.comments) expect(c).toMatchObject({ audience: 'victim', questionId: text.id, language: 'en' });
    }
    expect(all).toBe(5000);
    expect((await call(`/inspections/${id}/summary/comments?page=${first.json.pages + 1}`, { as: 'staff' })).status).toBe(404);
    const pageItems = await table.partition(`INSP#${id}`, keys.commentPagePrefix);
    expect(pageItems).toHaveLength(first.json.pages);
    const largest = Math.max(bytes, ...pageItems.map((i) => (i.body as Uint8Array).byteLength));
    expect(largest).toBeLessThanOrEqual(350 * 1024);
    console.info(`5,000 comments in ${pageItems.length} pages; the largest item written is ${largest} bytes (limit 400 KB)`);
    // Erasure takes the pages too.
    expect((await call(`/inspections/${id}/responses`, { method: 'DELETE', as: 'admin' })).status).toBe(200);
    expect(await table.partition(`INSP#${id}`, keys.commentPagePrefix)).toHaveLength(0);
    expect((await call(`/inspections/${id}/summary/comments`, { as: 'staff' })).json).toMatchObject({ pages: 1, comments: [] });

    const token = await reportLink(id);
    for (const path of [`/reports/${token}`, `/reports/${token}/summary.json`, `/reports/${token}/summary.csv`]) {
      const [res, ms] = await timed(() => call(path));
      expect(res.status, path).toBe(200);
      expect(ms, `${path}: ${Math.round(ms)} ms`).toBeLessThan(5_000);
    }
  });

  it('six leadership grades with 30 long points each', async () => {
    const id = await createInspection('Long points');
    for (const criterion of ['4.1', '4.2', '4.3', '4.4', '4.5', '4.6']) {
      const points = () => Array.from({ length: 30 }, () => rareText(1000));
      const put = await call(`/inspections/${id}/leadership/${criterion}`, {
        method: 'PUT',
        as: 'inspector',
        json: { grade: 'partly-met', strengths: points(), improvements: points() },
      });
      expect(put.status, put.text.slice(0, 200)).toBeLessThan(300);
    }
    const agg = await call(`/inspections/${id}/aggregate`, { method: 'POST', as: 'staff' });
    expect(agg.status, agg.text.slice(0, 300)).toBe(200);
    const kept = agg.json.leadership.reduce(
      (n: number, l: { strengths: string[]; improvements: string[] }) => n + l.strengths.length + l.improvements.length,
      0,
    );
    expect(kept).toBeGreaterThan(0);
    expect(kept + agg.json.leadershipPointsOmitted).toBe(360);
    expect(agg.json.leadership.every((l: { grade: string }) => l.grade === 'partly-met')).toBe(true);
    expect(await snapshotBytes(id)).toBeLessThanOrEqual(350 * 1024);
    const token = await reportLink(id);
    const page = await call(`/reports/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${agg.json.leadershipPointsOmitted} recorded points are not shown`);
  });
});
