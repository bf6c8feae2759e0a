/**
 * The free text a summary carries (respondents' comments, leadership points, conclusion
 * texts) is the only part of it that grows with what people type. Bounded here so the one
 * snapshot item always fits DynamoDB's 400 KB: a byte budget first, then, if the gzipped
 * snapshot is still too big, no free text at all. The figures are always kept, and the
 * summary says how much was left out.
 */
import type { Summary } from '#schemas/summary';

/** Free text kept in one summary, as JSON bytes (random 4-byte characters barely compress). */
export const FREE_TEXT_BUDGET_BYTES = 192 * 1024;

/** JSON bytes of one text (a leadership point may carry its Welsh) as it will sit in the snapshot (escapes included). */
const bytesOf = (s: unknown) => Buffer.byteLength(JSON.stringify(s), 'utf8');

/**
 * Keeps free text in order (conclusions, then leadership points, then comments, audience by
 * audience) while it fits the budget; counts what it leaves out. Returns a new summary.
 */
export function fitFreeText(summary: Summary, budget = FREE_TEXT_BUDGET_BYTES): Summary {
  let left = budget;
  const take = (s: unknown) => {
    const n = bytesOf(s);
    if (n > left) return false;
    left -= n;
    return true;
  };
  let pointsOmitted = 0;
  let commentsOmitted = 0;
  const criteria = summary.criteria.map((c) => {
    // Its Welsh goes with it: kept or left out together.
    if (!c.conclusion?.text || take(c.conclusion.text + (c.conclusion.textCy ?? ''))) return c;
    const { text: _dropped, textCy: _droppedCy, ...conclusion } = c.conclusion;
    return { ...c, conclusion: { ...conclusion, textOmitted: true as const } };
  });
  const keepPoints = <P>(points: P[]) =>
    points.filter((p) => {
      if (take(p)) return true;
      pointsOmitted++;
      return false;
    });
  const leadership = summary.leadership.map((l) => ({ ...l, strengths: keepPoints(l.strengths), improvements: keepPoints(l.improvements) }));
  const serviceUsers = mapTextQuestions(summary, (q) => {
    const comments = q.comments.filter((c) => take(c.text));
    const omitted = q.comments.length - comments.length;
    commentsOmitted += omitted;
    return { ...q, comments, commentsOmitted: (q.commentsOmitted ?? 0) + omitted };
  });
  return {
    ...summary,
    criteria,
    leadership,
    serviceUsers,
    commentsOmitted: (summary.commentsOmitted ?? 0) + commentsOmitted,
    leadershipPointsOmitted: (summary.leadershipPointsOmitted ?? 0) + pointsOmitted,
  };
}

/** The summary with no free text at all: what is stored when even the budgeted one is too big. */
export function withoutFreeText(summary: Summary): Summary {
  return fitFreeText(summary, 0);
}

/**
 * The summary without respondents' comments (the inspectors' own words stay): after the
 * responses are erased, or once the comments' retention has passed (the reason is kept), or
 * held back from the published audience (no reason: the comments still exist).
 */
export function withoutComments(summary: Summary, reason?: 'erased' | 'expired'): Summary {
  let removed = 0;
  const serviceUsers = mapTextQuestions(summary, (q) => {
    removed += q.comments.length;
    return { ...q, comments: [], commentsOmitted: (q.commentsOmitted ?? 0) + q.comments.length };
  });
  return {
    ...summary,
    serviceUsers,
    commentsOmitted: (summary.commentsOmitted ?? 0) + removed,
    commentsRemoved: reason ?? summary.commentsRemoved,
    commentsExpireAt: null,
  };
}

type TextQuestion = Extract<Summary['serviceUsers'][keyof Summary['serviceUsers']]['questions'][number], { type: 'text' }>;

function mapTextQuestions(summary: Summary, fn: (q: TextQuestion) => TextQuestion): Summary['serviceUsers'] {
  const out = {} as Summary['serviceUsers'];
  for (const [audience, s] of Object.entries(summary.serviceUsers) as [
    keyof Summary['serviceUsers'],
    Summary['serviceUsers'][keyof Summary['serviceUsers']],
  ][]) {
    out[audience] = { ...s, questions: s.questions.map((q) => (q.type === 'text' ? fn(q) : q)) };
  }
  return out;
}
