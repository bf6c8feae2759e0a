/**
 * Issue 18, items 3 and 4: degenerate CSV uploads get a small 400 (or 413) quickly, never a
 * 500, never a reply near Lambda's 6 MB limit. Through the local server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem } from '#support/api';
import { bank, createInspection } from '#support/fixtures';

let id = '';
beforeAll(async () => {
  id = await createInspection('CSV bounds');
});

async function upload(body: string) {
  const started = performance.now();
  const res = await call(`/inspections/${id}/cases`, { as: 'inspector', body, headers: { 'content-type': 'text/csv' } });
  return { res, ms: performance.now() - started };
}

/** `budgetMs`: well within Lambda's timeout, with room for a machine shared by other test runs. */
function expectSmallRefusal({ res, ms }: Awaited<ReturnType<typeof upload>>, what: string, budgetMs = 5_000) {
  expect([400, 413], `${what}: ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
  const problem = expectProblem(res, res.status);
  expect(res.text.length, `${what}: body of ${res.text.length} bytes`).toBeLessThan(64 * 1024);
  expect(problem.errors.length, what).toBeLessThanOrEqual(101);
  expect(ms, `${what}: ${Math.round(ms)} ms`).toBeLessThan(budgetMs);
  return problem;
}

describe('degenerate CSV uploads', () => {
  it('a 5 MB line of commas', async () => {
    expectSmallRefusal(await upload(','.repeat(5 * 1024 * 1024 - 10)), '5 MB of commas');
  });

  it('5 MB of commas in lines of 1,000', async () => {
    const p = expectSmallRefusal(await upload((','.repeat(1000) + '\n').repeat(5200)), 'lines of commas');
    expect(p.errors[0]!.path).toBe('header');
  });

  it('a valid header, then 5 MB of rows of commas', async () => {
    const header = ['caseRef', 'caseType', ...bank().questions.map((q) => q.id)].join(',');
    const body = header + '\n' + (','.repeat(3000) + '\n').repeat(1700);
    // 5.1 million empty fields go through csv-parse (each row dropped as soon as it is read): ~3 s.
    const p = expectSmallRefusal(await upload(body), 'rows of commas', 10_000);
    expect(p.errors[0]).toMatchObject({
      path: 'rows',
      message: expect.stringMatching(
        /^Rows 2, 3, .* and 1690 more: 3001 columns where the header has \d+: check for a stray comma or a missing cell$/,
      ),
    });
  });

  it('a header of 100,000 unknown columns', async () => {
    expectSmallRefusal(await upload(Array.from({ length: 100_000 }, (_, i) => `x${i}`).join(',') + '\nA-1'), '100,000 columns');
  });

  it('a header of 5,000 unknown columns is reported alone, capped, before any row', async () => {
    const body = ['caseRef', 'caseType', ...Array.from({ length: 5000 }, (_, i) => `x${i}`)].join(',') + '\n' + 'A-1,community\n'.repeat(50);
    const p = expectSmallRefusal(await upload(body), '5,000 columns');
    expect(p.errors).toHaveLength(101);
    expect(p.errors.every((e) => e.path.startsWith('header') || e.path === 'body')).toBe(true);
    expect(p.errors.at(-1)).toEqual({ path: 'body', message: expect.stringMatching(/^and \d+ more problems$/) });
    expect(p.detail).toMatch(/5001 problems/);
  });

  it('1,000 rows answering Y: one problem per column, naming the rows', async () => {
    const questions = bank().questions.filter((q) => q.appliesTo.includes('community'));
    const header = ['caseRef', 'caseType', ...questions.map((q) => q.id)].join(',');
    const rows = Array.from({ length: 1000 }, (_, i) => [`Y-${i + 1}`, 'community', ...questions.map(() => 'Y')].join(','));
    const p = expectSmallRefusal(await upload([header, ...rows].join('\n')), '1,000 rows of Y');
    expect(p.errors[0]).toEqual({
      path: `column ${questions[0]!.id}`,
      message: expect.stringMatching(
        /^Column \S+ \(question: [^)]+\): rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 990 more: not an answer \("Y"\): use yes, no or na \(or the form's words: Not relevant\), or leave it blank while unanswered$/,
      ),
    });
    expect(p.detail).toBe(`The upload has ${1000 * questions.length} problems.`);
  });

  it('one bad cell is still named by row and column', async () => {
    const body = 'caseRef,caseType,1.1.1\nB-1,community,yes\nB-2,community,maybe\n';
    const p = expectProblem((await upload(body)).res, 400);
    expect(p.errors).toEqual([
      {
        path: 'row 3.1.1.1',
        message: expect.stringMatching(/^Row 3, column 1\.1\.1 \(question: [^)]+\): not an answer \("maybe"\): use yes, no or na/),
      },
    ]);
  });
});
