/**
 * The area's summary: scores from the cases, grades and conclusions from the inspectors,
 * the service users' perspective from the questionnaires. Reads every input a page at a
 * time (memory stays flat), fingerprints what it read, and writes one snapshot.
 */
import { createHash } from 'node:crypto';
import type { PagedComment, Summary } from '#schemas/summary';
import { gradedCriteria } from '#bank/index';
import { getQuestionnaire } from '#questionnaires/index';
import type { Audience, Language } from '#schemas/invitation';
import { createBreakdownAccumulator, createSampleAccumulator, createScoreAccumulator, suggestBand } from '#scoring/index';
import { allCases } from '#store/cases';
import { isFinished } from '#cases/validate';
import { listConclusions, listGrades } from '#store/grades';
import { listInvitationBatches } from '#store/invitations';
import { allResponses } from '#store/responses';
import { COMMENT_PAGE_BYTES, deleteCommentPages, encodeSnapshot, putCommentPages, putSummarySnapshot, SNAPSHOT_MAX_BYTES } from '#store/summaries';
import { breakdownByLanguage, breakdownBySentencerKind, summariseServiceUsers, type ResponseRecord } from '#summaries/index';
import { bankOf } from './bank-of';
import { requireInspection } from './inspections';
import { RETENTION_DAYS } from './retention';
import { interviewSetFor } from '#bank/interviews';
import { moderationOf, type DoubleMarking } from '#scoring/agreement';
import { allInterviews, getAreaContext, getPerformanceFigures, listSecondMarkings } from '#store/evidence';
import { sampleBalance, summariseInterviews, summarisePerformance } from '#summaries/evidence';
import type { Judgement } from '#schemas/case';
import { fitFreeText, withoutFreeText } from './summary-free-text';
import { listMeetings } from '#store/meetings';
import { summariseMeetings } from '#summaries/meetings';

function withBalance(composition: Summary['sample'], context: Parameters<typeof sampleBalance>[0] | undefined): Summary['sample'] {
  return { ...composition, balance: context ? sampleBalance(context, composition) : null };
}

export async function computeSummary(inspectionId: string): Promise<Summary> {
  const startedAt = new Date().toISOString();
  const inspection = await requireInspection(inspectionId);
  const bank = bankOf(inspection);
  const fingerprint = createHash('sha256');

  // Second markings are read first (a third of the sample at most) so each meets its first marking as the cases stream past.
  const secondMarkings = new Map((await listSecondMarkings(bank, inspectionId)).map((m) => [m.caseRef, m]));
  const doubleMarkings: DoubleMarking[] = [];
  const scores = createScoreAccumulator(bank);
  const sample = createSampleAccumulator();
  const breakdowns = createBreakdownAccumulator(bank);
  let unfinished = 0;
  for await (const page of allCases(bank, inspectionId)) {
    for (const c of page) {
      fingerprint.update(`case ${c.caseRef} ${c.version}\n`);
      const second = secondMarkings.get(c.caseRef);
      if (second) fingerprint.update(`second ${c.caseRef} ${second.updatedAt}\n`);
      // An unfinished case would count its unanswered questions as not relevant: it waits instead.
      if (!isFinished(bank, c)) {
        unfinished++;
        continue;
      }
      scores.add(c);
      sample.add(c);
      breakdowns.add(c);
      if (second)
        doubleMarkings.push({
          caseRef: c.caseRef,
          ...(c.profile.assessor ? { assessor: c.profile.assessor } : {}),
          first: c.answers,
          second: second.answers,
        });
    }
  }

  const interviewSet = interviewSetFor(bank.version);
  const interviewAnswers: Record<string, Judgement>[] = [];
  for await (const page of allInterviews(inspectionId)) {
    for (const i of page) {
      interviewAnswers.push(i.answers);
      fingerprint.update(`interview ${i.caseRef} ${i.updatedAt}\n`);
    }
  }
  const [performance, context, meetings] = await Promise.all([
    getPerformanceFigures(inspectionId),
    getAreaContext(inspectionId),
    listMeetings(inspectionId),
  ]);
  for (const m of meetings) fingerprint.update(`meeting ${m.meetingId} ${m.updatedAt}\n`);
  if (performance) fingerprint.update(`performance ${performance.updatedAt}\n`);
  if (context) fingerprint.update(`context ${context.updatedAt}\n`);

  const [grades, conclusions, batches] = await Promise.all([
    listGrades(inspectionId),
    listConclusions(inspectionId),
    listInvitationBatches(inspectionId),
  ]);
  for (const g of grades) fingerprint.update(`grade ${g.criterionId} ${g.updatedAt}\n`);
  for (const c of conclusions) fingerprint.update(`conclusion ${c.criterionId} ${c.updatedAt}\n`);

  const invited: Record<Audience, number> = { offender: 0, victim: 0, sentencer: 0 };
  for (const b of batches) {
    invited[b.audience] += b.count;
    fingerprint.update(`invited ${b.audience} ${b.language} ${b.count}\n`);
  }
  const definitions = {
    offender: getQuestionnaire('offender', 'en'),
    victim: getQuestionnaire('victim', 'en'),
    sentencer: getQuestionnaire('sentencer', 'en'),
  };
  const textIds = (a: Audience) => definitions[a].questions.filter((q) => q.type === 'text').map((q) => q.id);
  const retentionMs = RETENTION_DAYS * 86_400_000;
  const now = Date.now();
  let commentsExpireAt = Infinity;
  const responses: Record<Audience, ResponseRecord[]> = { offender: [], victim: [], sentencer: [] };
  for await (const page of allResponses(inspectionId)) {
    for (const r of page) {
      const expires = Date.parse(r.submittedAt) + retentionMs;
      const texts = textIds(r.audience).filter((id) => typeof r.answers[id] === 'string' && (r.answers[id] as string).trim() !== '');
      let answers = r.answers;
      if (texts.length && !(expires > now)) {
        // Past retention (DynamoDB's TTL deletes within days, not at once): the figures count it, the words go.
        answers = Object.fromEntries(Object.entries(r.answers).filter(([id]) => !texts.includes(id)));
      } else if (texts.length) commentsExpireAt = Math.min(commentsExpireAt, expires);
      responses[r.audience].push({ answers, language: r.language as Language, channel: r.channel ?? 'online' });
      fingerprint.update(`response ${r.invitationId}\n`);
    }
  }
  const serviceUsersInput = {
    offender: { invited: invited.offender, responses: responses.offender },
    victim: { invited: invited.victim, responses: responses.victim },
    sentencer: { invited: invited.sentencer, responses: responses.sentencer },
  };

  const serviceUsers = summariseServiceUsers(serviceUsersInput, { definitions });
  const perspective = summariseMeetings(meetings, {
    offender: { asked: invited.offender, answered: responses.offender.length },
    victim: { asked: invited.victim, answered: responses.victim.length },
    sentencer: { asked: invited.sentencer, answered: responses.sentencer.length },
  });
  for (const p of perspective) {
    const s = p.audience === 'offender' || p.audience === 'victim' || p.audience === 'sentencer' ? serviceUsers[p.audience] : undefined;
    if (s) Object.assign(s, { asked: p.asked, answered: p.answered, met: p.met });
  }

  const scored = scores.result();
  const conclusionOf = new Map(conclusions.map((c) => [c.criterionId, c]));
  const gradeOf = new Map(grades.map((g) => [g.criterionId, g]));
  const computed: Summary = {
    inspectionId,
    area: inspection.area,
    fieldworkStart: inspection.fieldworkStart,
    fieldworkEnd: inspection.fieldworkEnd,
    computedAt: new Date().toISOString(),
    fingerprint: fingerprint.digest('hex'),
    questionBankVersion: bank.version,
    criteria: scored.criteria.map((c) => {
      const band = suggestBand(c.percent);
      const recorded = conclusionOf.get(c.id);
      return {
        id: c.id,
        section: c.section,
        title: c.title,
        score: c.score,
        percent: c.percent,
        cases: c.cases,
        exact: c.exact,
        questions: c.questions,
        suggestedBand: band ? { id: band.id, label: band.label, conclusion: band.conclusion } : null,
        conclusion: recorded
          ? {
              band: recorded.band,
              ...(recorded.text ? { text: recorded.text } : {}),
              ...(recorded.textCy ? { textCy: recorded.textCy } : {}),
              recordedBy: recorded.updatedBy,
              recordedAt: recorded.updatedAt,
            }
          : null,
      };
    }),
    sections: scored.sections,
    rohThread: scored.rohThread,
    questions: scored.questions,
    leadership: gradedCriteria(bank).map((criterion) => {
      const g = gradeOf.get(criterion.id);
      return {
        id: criterion.id,
        title: criterion.title,
        grade: g?.grade ?? null,
        strengths: g?.strengths ?? [],
        improvements: g?.improvements ?? [],
      };
    }),
    sample: withBalance({ ...sample.result(), unfinished }, context?.context),
    serviceUsers,
    serviceUsersByLanguage: breakdownByLanguage(serviceUsersInput, { definitions }),
    sentencersByKind: breakdownBySentencerKind(responses.sentencer, definitions.sentencer),
    commentsOmitted: 0,
    leadershipPointsOmitted: 0,
    commentsExpireAt: Number.isFinite(commentsExpireAt) ? new Date(commentsExpireAt).toISOString() : null,
    moderation: moderationOf(bank, doubleMarkings),
    ...(interviewSet ? { interviews: summariseInterviews(interviewSet, interviewAnswers) } : {}),
    performanceFigures: performance ? summarisePerformance(performance.figures) : null,
    breakdowns: breakdowns.result(),
    meetings: perspective,
  };
  // Every comment goes to the comment pages (any number fits); the snapshot keeps the figures
  // and as much free text as its budget allows, and says how many pages hold the rest.
  const pages = commentPages(computed);
  if (pages.length)
    await putCommentPages(inspectionId, startedAt, pages, Number.isFinite(commentsExpireAt) ? Math.ceil(commentsExpireAt / 1000) : undefined);
  let summary: Summary = { ...fitFreeText(computed), commentPages: pages.length };
  let body = encodeSnapshot(summary);
  if (body.byteLength > SNAPSHOT_MAX_BYTES) {
    summary = withoutFreeText(summary);
    body = encodeSnapshot(summary);
  }
  const stored = await putSummarySnapshot(inspectionId, startedAt, body);
  // Pages of a snapshot that lost the race, or of snapshots this one replaces, are not read again.
  await deleteCommentPages(inspectionId, stored ? { olderThan: startedAt } : { only: startedAt });
  return summary;
}

/** Every comment of a computed summary, in pages of at most COMMENT_PAGE_BYTES of JSON. */
export function commentPages(summary: Summary, pageBytes = COMMENT_PAGE_BYTES): PagedComment[][] {
  const pages: PagedComment[][] = [];
  let page: PagedComment[] = [];
  let bytes = 2;
  for (const [audience, s] of Object.entries(summary.serviceUsers) as [
    PagedComment['audience'],
    Summary['serviceUsers'][keyof Summary['serviceUsers']],
  ][]) {
    for (const q of s.questions) {
      if (q.type !== 'text') continue;
      for (const c of q.comments) {
        const comment: PagedComment = { audience, questionId: q.id, text: c.text, language: c.language };
        const size = Buffer.byteLength(JSON.stringify(comment), 'utf8') + 1;
        if (page.length && bytes + size > pageBytes) {
          pages.push(page);
          page = [];
          bytes = 2;
        }
        page.push(comment);
        bytes += size;
      }
    }
  }
  if (page.length) pages.push(page);
  return pages;
}
