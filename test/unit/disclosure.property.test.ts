/**
 * The one disclosure rule (contract, "Disclosure control"), tried against an intruder written
 * apart from it (test/support/disclosure-oracle.ts): for any responses and any sample, the
 * published summary shows no count under 3 of people, and no held-back figure or small group
 * can be worked out from what it shows. The server tests read the same files through report
 * links and releases (test/integration/report-disclosure.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getQuestionnaire } from '#questionnaires/index';
import { isAsked } from '#questionnaires/routing';
import type { Audience, QuestionnaireDefinition } from '#schemas/questionnaire';
import type { CaseProfile } from '#schemas/case';
import type { PublishedSummary, Summary } from '#schemas/summary';
import { describeSample } from '#scoring/index';
import { breakdownByLanguage, breakdownBySentencerKind, summariseServiceUsers, type ResponseRecord } from '#summaries/index';
import { publishedSummary, SUPPRESSED } from '#summaries/disclosure';
import { summariseMeetings } from '#summaries/meetings';
import type { MeetingInput } from '#schemas/meeting';
import { meetingLeaks, questionLeaks, sampleLeaks, type MetTruth } from '#support/disclosure-oracle';

const AUDIENCES: Audience[] = ['offender', 'victim', 'sentencer'];
const MAX = 5;

/** A response from a list of choices: each question asked picks its option by the next number. */
function respond(def: QuestionnaireDefinition, picks: readonly number[], language: 'en' | 'cy'): ResponseRecord {
  const answers: Record<string, unknown> = {};
  let k = 0;
  for (const q of def.questions) {
    if (q.type === 'text' || !isAsked(def, q.id, answers)) continue;
    const options = (q.options ?? []).map((o) => o.value);
    const pick = picks[k++ % picks.length]!;
    answers[q.id] = q.type === 'multi-choice' ? [options[pick % (options.length - 1)]!] : options[pick % options.length]!;
  }
  return { answers, language };
}

const responsesArb = fc.array(
  fc.record({ language: fc.constantFrom('en' as const, 'cy' as const), picks: fc.array(fc.nat(11), { minLength: 5, maxLength: 5 }) }),
  { maxLength: MAX },
);

const profileArb: fc.Arbitrary<Partial<CaseProfile> & Pick<CaseProfile, 'caseType'>> = fc.record(
  {
    caseType: fc.constantFrom('community' as const, 'licence' as const, 'custody' as const),
    gender: fc.constantFrom('male' as const, 'female' as const),
    ethnicity: fc.constantFrom('white' as const, 'black' as const, 'asian' as const, 'mixed' as const, 'other' as const),
    roh: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
    ppo: fc.boolean(),
    tier: fc.constantFrom(1, 2, 3, 4),
  },
  { requiredKeys: ['caseType'] },
);

type MeetingFacts = Pick<MeetingInput, 'kind' | 'audience' | 'people' | 'individually'>;

const meetingsArb: fc.Arbitrary<MeetingFacts[]> = fc.array(
  fc
    .record({
      kind: fc.constantFrom('interview' as const, 'group' as const),
      audience: fc.constantFrom('offender' as const, 'victim' as const, 'sentencer' as const, 'partner' as const, 'key-worker' as const),
      people: fc.integer({ min: 1, max: 5 }),
      individually: fc.option(fc.nat(5), { nil: undefined }),
    })
    .map((m) =>
      m.individually === undefined
        ? { kind: m.kind, audience: m.audience, people: m.people }
        : { ...m, individually: Math.min(m.individually, m.people) },
    ),
  { maxLength: 6 },
);

function staffSummary(
  responses: Record<Audience, ResponseRecord[]>,
  profiles: readonly (Partial<CaseProfile> & Pick<CaseProfile, 'caseType'>)[],
  meetings: readonly MeetingFacts[] = [],
): Summary {
  const definitions = Object.fromEntries(AUDIENCES.map((a) => [a, getQuestionnaire(a, 'en')])) as Record<Audience, QuestionnaireDefinition>;
  const input = Object.fromEntries(AUDIENCES.map((a) => [a, { invited: 10, responses: responses[a] }]));
  const serviceUsers = summariseServiceUsers(input, { definitions });
  const perspective = summariseMeetings(
    meetings.map((m, i) => ({ ...m, meetingId: `m-${i}`, date: '2007-11-06', findings: [], quotes: [] })),
    Object.fromEntries(AUDIENCES.map((a) => [a, { asked: 10, answered: responses[a].length }])),
  );
  // As the aggregation does: each questionnaire audience carries its met counts beside its returns.
  for (const p of perspective) if (p.audience in serviceUsers) Object.assign(serviceUsers[p.audience as Audience], { met: p.met });
  return {
    questions: [],
    sample: describeSample(profiles.map((profile) => ({ profile }))),
    serviceUsers,
    serviceUsersByLanguage: breakdownByLanguage(input, { definitions }),
    sentencersByKind: breakdownBySentencerKind(responses.sentencer, definitions.sentencer),
    meetings: perspective,
  } as unknown as Summary;
}

/** Who was really met: the contract's defaults (an interview's people one by one, a group's together), summed here, not by the code under test. */
function metTruth(meetings: readonly MeetingFacts[]): MetTruth {
  const out: MetTruth = {};
  for (const m of meetings) {
    const one = Math.min(m.people, m.individually ?? (m.kind === 'interview' ? m.people : 0));
    const t = (out[m.audience] ??= { individually: 0, inGroups: 0 });
    t.individually += one;
    t.inGroups += m.people - one;
  }
  return out;
}

/** The real per-language option counts of one question, for the oracle to know which groups are small. */
function truthOf(responses: Record<Audience, ResponseRecord[]>) {
  return (audience: string, id: string) => {
    const out = { en: {} as Record<string, number>, cy: {} as Record<string, number> };
    for (const r of responses[audience as Audience]) {
      const v = r.answers[id];
      if (typeof v === 'string') out[r.language][v] = (out[r.language][v] ?? 0) + 1;
    }
    return out;
  };
}

/** Every count of people's answers the published summary shows as a number (how many returned a questionnaire is public). */
function shownCounts(p: PublishedSummary): [string, number][] {
  const out: [string, number][] = [];
  for (const [a, s] of Object.entries(p.serviceUsers)) {
    for (const q of s.questions) {
      if (q.type === 'text') continue;
      if (typeof q.answered === 'number' && q.answered > 0) out.push([`${a}.${q.id}.answered`, q.answered]);
      if (typeof q.positive === 'number' && !q.distribution && typeof q.answered === 'number' && q.answered > 0)
        out.push([`${a}.${q.id}.positive`, q.positive]);
      for (const [o, n] of Object.entries(q.counts)) if (typeof n === 'number') out.push([`${a}.${q.id}.${o}`, n]);
    }
    for (const [k, n] of Object.entries(s.met ?? {})) if (typeof n === 'number') out.push([`${a}.met.${k}`, n]);
  }
  for (const m of p.meetings ?? [])
    for (const [k, n] of Object.entries(m.met)) if (typeof n === 'number') out.push([`meetings.${m.audience}.met.${k}`, n]);
  return out;
}

describe('the published summary (shared/summaries/disclosure.ts)', () => {
  it('shows no count of fewer than 3 people, and no held-back figure or small group can be worked out from it', () => {
    fc.assert(
      fc.property(
        fc.record({ offender: responsesArb, victim: responsesArb, sentencer: responsesArb }),
        fc.array(profileArb, { maxLength: 9 }),
        meetingsArb,
        (raw, profiles, meetings) => {
          const responses = Object.fromEntries(
            AUDIENCES.map((a) => [a, raw[a].map((r) => respond(getQuestionnaire(a, 'en'), r.picks, r.language))]),
          ) as Record<Audience, ResponseRecord[]>;
          const published = publishedSummary(staffSummary(responses, profiles, meetings));
          expect(shownCounts(published).filter(([, n]) => n < 3)).toEqual([]);
          expect(questionLeaks(published, truthOf(responses), MAX)).toEqual([]);
          expect(meetingLeaks(published, metTruth(meetings), 30)).toEqual([]);
          const truth = describeSample(profiles.map((profile) => ({ profile }))) as unknown as Record<string, Record<string, number>>;
          expect(sampleLeaks(published, truth)).toEqual([]);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('shows no count of fewer than 3 people met in person, and none held back can be worked out, over any meetings', () => {
    const none = { offender: [], victim: [], sentencer: [] } as Record<Audience, ResponseRecord[]>;
    fc.assert(
      fc.property(meetingsArb, (meetings) => {
        const published = publishedSummary(staffSummary(none, [], meetings));
        expect(shownCounts(published).filter(([k, n]) => k.includes('.met.') && n < 3)).toEqual([]);
        expect(meetingLeaks(published, metTruth(meetings), 30)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('holds back the Kent victims met as the rule says: three met one by one, none in groups, so the split goes and the total stays', () => {
    const none = { offender: [], victim: [], sentencer: [] } as Record<Audience, ResponseRecord[]>;
    const published = publishedSummary(
      staffSummary(
        none,
        [],
        [
          { kind: 'interview', audience: 'victim', people: 3 },
          { kind: 'group', audience: 'offender', people: 8 },
          { kind: 'interview', audience: 'offender', people: 12 },
        ],
      ),
    );
    const of = (a: string) => published.meetings!.find((m) => m.audience === a)!;
    expect(of('victim')).toMatchObject({ met: { individually: '[c]', inGroups: '[c]', total: 3 }, interviews: '[c]', groups: '[c]' });
    expect(published.serviceUsers.victim.met).toEqual(of('victim').met);
    expect(of('offender')).toMatchObject({ met: { individually: 12, inGroups: 8, total: 20 }, interviews: 1, groups: 1 });
    expect(of('sentencer')).toMatchObject({ met: { individually: '[c]', inGroups: '[c]', total: '[c]' } });
  });

  it('leaves a summary with nothing small alone, and never touches the staff summary it is given', () => {
    const big = (n: number, language: 'en' | 'cy', picks: number[]) =>
      Array.from({ length: n }, () => respond(getQuestionnaire('victim', 'en'), picks, language));
    const staff = staffSummary({ offender: [], sentencer: [], victim: [...big(4, 'en', [0]), ...big(3, 'en', [1]), ...big(3, 'cy', [0])] }, []);
    const before = JSON.stringify(staff);
    const published = publishedSummary(staff);
    expect(JSON.stringify(staff)).toBe(before);
    const agreed = published.serviceUsers.victim.questions.find((q) => q.id === 'agreed-contact')!;
    expect(agreed).toMatchObject({
      answered: 10,
      positive: 7,
      percent: 70,
      sentence: 'Most of the 10 victims who answered had agreed to have contact with victim liaison staff.',
    });
    // Nobody said "I do not know": a zero is a count under 3, shown as [c].
    expect(agreed.type !== 'text' && agreed.counts['dont-know']).toBe(SUPPRESSED);
  });

  it('summarises a question with no positive answer by its distribution, never as "positive"', () => {
    const kinds = ['magistrate', 'magistrate', 'magistrate', 'magistrate', 'judge'].map((k) => ({
      answers: { 'sentencer-kind': k },
      language: 'en' as const,
    }));
    const staff = staffSummary({ offender: [], victim: [], sentencer: kinds }, []);
    const q = staff.serviceUsers.sentencer.questions.find((x) => x.id === 'sentencer-kind')!;
    expect(q).toMatchObject({ distribution: true, percent: null, quantity: null });
    expect(q.type !== 'text' && q.sentence).toBe('Of the five sentencers who answered: Magistrate 4, Judge 1.');
    expect(q.type !== 'text' && q.sentence).not.toMatch(/positive/);
    const published = publishedSummary(staff).serviceUsers.sentencer.questions.find((x) => x.id === 'sentencer-kind')!;
    expect(published.type !== 'text' && published.sentence).not.toMatch(/\b[12]\b/);
  });
});
