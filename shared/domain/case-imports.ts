/**
 * Uploads of many cases (CSV): checked whole, then written all together under a writer's lease,
 * or handed to a job when there are more rows than a request may write (shared/domain/jobs.ts).
 * Apart from cases.ts so that the single-case functions carry no queue client.
 */
import { parseCasesCsv } from '#cases/csv';
import { isFinished } from '#cases/validate';
import { InvalidInput } from '#core/errors';
import type { User } from '#core/roles';
import { INLINE_LIMIT } from '#core/timeouts';
import type { QuestionBank } from '#schemas/bank';
import type { CaseInput } from '#schemas/case';
import type { Inspection } from '#schemas/inspection';
import type { JobAccepted } from '#schemas/job';
import { casesByRef, putCases, undoImportJob } from '#store/cases';
import { getJobParts, putJobParts } from '#store/jobs';
import { bankOf } from './bank-of';
import { CasesWouldBeReplaced, type ImportCasesOptions, replacementConfirmation } from './cases';
import { advanceStageAfterWrite, requireOpenInspection, withWriterLease } from './closing';
import { type JobRunner, startJob } from './jobs';
import { namesOf, ROLE_AS_PERSON } from './people';

export interface CasesImported {
  imported: number;
  created: number;
  replaced: number;
}

/** Rows of an upload handed to a job are kept in parts of this many (about 20 KB gzipped each). */
const ROWS_PER_PART = 100;

/**
 * An upload: checked whole first (every problem named, nothing written), then written, or, for
 * more than INLINE_LIMIT rows, handed to a job with its checked rows (202; the job's result is
 * what this would have answered).
 */
export async function importCases(
  inspectionId: string,
  csv: string,
  user: User,
  options: ImportCasesOptions = {},
): Promise<(CasesImported & { job?: undefined }) | { job: JobAccepted }> {
  const inspection = await requireOpenInspection(inspectionId);
  const bank = bankOf(inspection);
  const { cases, problems, problemCount } = parseCasesCsv(bank, csv);
  // The problems listed are capped; the count says how many there were in all.
  if (problems.length) throw new InvalidInput(problems, `The upload has ${problemCount} ${problemCount === 1 ? 'problem' : 'problems'}.`);
  if (options.existing === 'ask') await refuseUnconfirmedReplacements(bank, inspection.inspectionId, cases, options.confirmation);
  if (cases.length > INLINE_LIMIT) {
    const rows = cases.map(({ caseRef, input }) => ({ caseRef, input }));
    const parts = Array.from({ length: Math.ceil(rows.length / ROWS_PER_PART) }, (_, i) => rows.slice(i * ROWS_PER_PART, (i + 1) * ROWS_PER_PART));
    const job = await startJob(
      'import',
      inspection.inspectionId,
      user,
      `Importing ${rows.length} cases: waiting to start.`,
      { userSub: user.sub, rows: rows.length },
      (jobId, ttl) => putJobParts(jobId, parts, ttl),
    );
    return { job };
  }
  return writeImport(inspection, bank, cases, user.sub);
}

/** Writes checked rows in one go (exported for the bench's cost per row). */
export async function writeImport(
  inspection: Inspection,
  bank: QuestionBank,
  cases: readonly { caseRef: string; input: CaseInput }[],
  userSub: string,
  importJob?: string,
): Promise<CasesImported> {
  // Under a writer's lease (closing.ts): a final release waits for the whole upload, so all of it is in the release or none.
  const outcomes = await withWriterLease(inspection.inspectionId, (fence) =>
    putCases(bank, inspection.inspectionId, cases, userSub, fence, importJob),
  );
  await advanceStageAfterWrite(inspection, 'fieldwork');
  return {
    imported: cases.length,
    created: outcomes.filter((o) => o === 'created').length,
    replaced: outcomes.filter((o) => o === 'replaced').length,
  };
}

/**
 * The jobs worker's part: write the rows an upload handed over. Run again after a run that died,
 * it writes the same rows again (a case is replaced by the same answers, never doubled).
 */
export const importJob: JobRunner = {
  async run(job, doing) {
    const inspection = await requireOpenInspection(job.inspectionId);
    const rows = (await getJobParts<{ caseRef: string; input: CaseInput }[]>(job.jobId)).flat();
    await doing(`Importing ${rows.length} cases.`);
    const result = await writeImport(inspection, bankOf(inspection), rows, String(job.payload.userSub), job.jobId);
    return { result, doing: `Imported ${result.imported} cases: ${result.created} new, ${result.replaced} replaced.` };
  },
  async abandon(job) {
    // All or nothing: every case this job wrote goes back to what it was (one saved since by somebody else stays theirs).
    const rows = (await getJobParts<{ caseRef: string }[]>(job.jobId)).flat();
    await withWriterLease(job.inspectionId, (fence) =>
      undoImportJob(
        job.inspectionId,
        rows.map((r) => r.caseRef),
        job.jobId,
        fence,
      ),
    );
    return `The import of ${String(job.payload.rows)} cases could not finish, and was taken back: none of its cases were saved. Upload the file again.`;
  },
};

/**
 * The cases the upload would replace must be the ones the person confirmed, each at the version
 * stored now: one saved again since they were asked (or since they downloaded the template), or
 * one more, and they are asked again.
 */
async function refuseUnconfirmedReplacements(
  bank: QuestionBank,
  inspectionId: string,
  cases: readonly { caseRef: string; row: number }[],
  confirmation: string | undefined,
): Promise<void> {
  const stored = await casesByRef(
    bank,
    inspectionId,
    cases.map((c) => c.caseRef),
  );
  const nameOf = await namesOf([...stored.values()].map((c) => c.updatedBy));
  const replaced = cases.flatMap(({ caseRef, row }) => {
    const current = stored.get(caseRef);
    return current
      ? [
          {
            caseRef,
            row,
            version: current.version,
            updatedBy: current.updatedBy,
            updatedByName: nameOf(current.updatedBy, ROLE_AS_PERSON.inspector),
            updatedAt: current.updatedAt,
            finished: isFinished(bank, current),
          },
        ]
      : [];
  });
  if (replaced.length && replacementConfirmation(replaced) !== confirmation) throw new CasesWouldBeReplaced(replaced, cases.length);
}
