/**
 * Reading a summary: the last snapshot (computed on the spot when there is none yet), with
 * respondents' comments taken out once their retention has passed; and taking them out at
 * once when the responses are erased. The figures stay either way.
 */
import { getSummarySnapshot, encodeSnapshot, putSummarySnapshot } from '../store/summaries';
import type { Summary } from '../schemas/summary';
import { computeSummary } from './aggregate';
import { withoutComments } from './summary-free-text';

export async function currentSummary(inspectionId: string, now = Date.now()): Promise<Summary> {
  const snapshot = await getSummarySnapshot<Summary>(inspectionId);
  if (!snapshot) return computeSummary(inspectionId);
  if (snapshot.commentsExpireAt && Date.parse(snapshot.commentsExpireAt) <= now) {
    const stripped = withoutComments(snapshot, 'expired');
    await putSummarySnapshot(inspectionId, new Date(now).toISOString(), encodeSnapshot(stripped));
    return stripped;
  }
  return snapshot;
}

/**
 * After DELETE .../responses: the snapshot keeps its figures and loses every comment. It is
 * written as if computed now, so an aggregation that read the responses before they were
 * erased (an earlier start) can no longer replace it.
 */
export async function eraseSummaryComments(inspectionId: string): Promise<void> {
  const erasedAt = new Date().toISOString();
  const snapshot = await getSummarySnapshot<Summary>(inspectionId);
  if (!snapshot) return;
  await putSummarySnapshot(inspectionId, erasedAt, encodeSnapshot(withoutComments(snapshot, 'erased')));
}

/** What a report link shows: the summary without who recorded each conclusion (a user id). */
export function summaryForLink(summary: Summary): Summary {
  return {
    ...summary,
    criteria: summary.criteria.map((c) => {
      if (!c.conclusion) return c;
      const { recordedBy: _who, ...conclusion } = c.conclusion;
      return { ...c, conclusion };
    }),
  };
}
