/**
 * Reading a summary: the last snapshot (computed on the spot when there is none yet), with
 * respondents' comments taken out once their retention has passed; and taking them out at
 * once when the responses are erased. The figures stay either way.
 */
import {
  deleteCommentPages,
  getCommentPage,
  getSummarySnapshot,
  getSummarySnapshotWithSet,
  encodeSnapshot,
  putSummarySnapshot,
} from '#store/summaries';
import type { PagedComment, PublishedSummary, Summary, SummaryCommentPage } from '#schemas/summary';
import { publishedSummary } from '#summaries/disclosure';
import { NotFound } from '#core/errors';
import { computeSummary } from './aggregate';
import { withoutComments } from './summary-free-text';
import { rohQuestions } from '#bank/index';
import { getBankStructure } from '#bank/structure';
import type { WriteUp } from '#schemas/write-up';

/** The snapshot without its comments once the oldest is past retention, or undefined while they may stay. */
function withoutExpiredComments(snapshot: Summary, now: number): Summary | undefined {
  if (!(snapshot.commentsExpireAt && Date.parse(snapshot.commentsExpireAt) <= now)) return undefined;
  return { ...withoutComments(snapshot, 'expired'), commentPages: 0 };
}

export async function currentSummary(inspectionId: string, now = Date.now()): Promise<Summary> {
  const snapshot = await getSummarySnapshot<Summary>(inspectionId);
  if (!snapshot) return computeSummary(inspectionId);
  const stripped = withoutExpiredComments(snapshot, now);
  if (stripped) {
    await putSummarySnapshot(inspectionId, new Date(now).toISOString(), encodeSnapshot(stripped));
    await deleteCommentPages(inspectionId);
    return stripped;
  }
  return snapshot;
}

/**
 * The last snapshot, read and never written: for the read-only function that serves report
 * links. Comments past retention are left out of the answer (the next writer strips them from
 * the store); no snapshot yet is a 404, which making a link to the draft rules out by computing one.
 */
export async function summaryOnRecord(inspectionId: string, now = Date.now()): Promise<Summary> {
  const snapshot = await getSummarySnapshot<Summary>(inspectionId);
  if (!snapshot) throw new NotFound('The figures for this inspection have not been worked out yet. Try again in a few minutes.');
  return withoutExpiredComments(snapshot, now) ?? snapshot;
}

/**
 * One page of every comment of the last summary (1-based). A summary with no pages (none
 * yet, erased, past retention) has one empty page; a page past the last is NotFound.
 */
export async function summaryCommentPage(inspectionId: string, page: number, now = Date.now()): Promise<SummaryCommentPage> {
  const summary = await currentSummary(inspectionId, now);
  const pages = summary.commentPages ?? 0;
  if (page < 1 || page > Math.max(1, pages)) throw new NotFound(`Page ${page} of ${Math.max(1, pages)}.`);
  if (pages === 0) return { inspectionId, page, pages: 1, comments: [] };
  const found = await getSummarySnapshotWithSet<Summary>(inspectionId);
  const comments = found ? await getCommentPage<PagedComment>(inspectionId, found.pageSet, page - 1) : undefined;
  // Replaced between the two reads: the newer snapshot's pages are the ones to read.
  if (!comments) throw new NotFound('The summary changed while it was read; ask again.');
  return { inspectionId, page, pages, comments };
}

/**
 * What the published audience (a report link, a release) may download: the figures, without
 * what the published report leaves out for staff (shared/web/report/report.ts): who recorded each
 * conclusion (a user id), the suggested bands, respondents' comments (written to the
 * inspectorate, "do not publish as they stand") and the markers' agreement with its case
 * references; and, when the write-up marks them internal, the Risk of Harm questions' counts
 * (Table 2's question table). The counts stay: `commentsOmitted` says how many comments were
 * held back. Then the one disclosure rule (shared/summaries/disclosure.ts): small counts become "[c]".
 */
export function summaryForLink(summary: Summary, writeUp: Pick<WriteUp, 'rohTablesInternal'> | undefined): PublishedSummary {
  const { moderation: _agreement, commentPages: _pages, ...rest } = withoutComments(summary);
  return publishedSummary({
    ...rest,
    questions: writeUp?.rohTablesInternal === true ? withoutRohTable(summary) : summary.questions,
    criteria: summary.criteria.map((c) => {
      const withoutBand = { ...c, suggestedBand: null };
      if (!c.conclusion) return withoutBand;
      const { recordedBy: _who, ...conclusion } = c.conclusion;
      return { ...withoutBand, conclusion };
    }),
  });
}

/** The question scores but the Risk of Harm thread's; none at all when the bank is unknown (kept out rather than let out). */
function withoutRohTable(summary: Summary): Summary['questions'] {
  const bank = getBankStructure(summary.questionBankVersion);
  if (!bank) return [];
  const internal = new Set(rohQuestions(bank).map((q) => q.id));
  return summary.questions.filter((q) => !internal.has(q.id));
}
