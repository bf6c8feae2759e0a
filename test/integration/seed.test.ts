/**
 * `npm start`'s demo data, seeded through the real API of the test server: the Kent counts,
 * scores as the report's (demo-fidelity.test.ts holds every figure to the seed), leadership
 * grades as in Table 1, and a second run that finds the demo instead of making another.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KENT_DEMO_AREA, TRY_IT_AREA, seedDemo } from '#infra/local/seed';
import { kentCriterionPercents, kentLeadershipGrades } from '#infra/local/kent-reference';
import { kentInterviewMisses, kentInterviewPercents } from '#infra/local/demo-evidence';
import { KENT_CRITERION_MISSES, kentDemoCases } from '#infra/local/demo-data';
import { baseUrl, call, tokenFor } from '#support/api';

async function inspectionsCalled(area: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await call(`/inspections${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { as: 'staff' });
    ids.push(...res.json.inspections.filter((i: { area: string }) => i.area === area).map((i: { inspectionId: string }) => i.inspectionId));
    cursor = res.json.nextCursor;
  } while (cursor);
  return ids;
}

const field = (lines: string[], prefix: string) => lines.find((l) => l.startsWith(prefix))?.slice(prefix.length);

describe('the demo seed', () => {
  let first: string[];
  let kentId: string;
  let summary: any;
  let seconds: number;

  beforeAll(async () => {
    const started = Date.now();
    first = await seedDemo(baseUrl(), await tokenFor('admin'), await tokenFor('inspector'));
    seconds = (Date.now() - started) / 1000;
    kentId = /^demo (\S+) (seeded|found) /.exec(first[0]!)![1]!;
    summary = (await call(`/inspections/${kentId}/summary`, { as: 'staff' })).json;
  }, 120_000);

  it('prints the report link, its expiry and three questionnaire links', () => {
    expect(first[0]).toMatch(/^demo \S+ (seeded|found) in \d+ ms: Kent \(demo\), 110 cases/);
    expect(field(first, 'report ')).toMatch(new RegExp(`^${baseUrl().replace(/[.]/g, '\\.')}/reports/[A-Za-z0-9_-]{22}$`));
    expect(Date.parse(field(first, 'report-expires ')!)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    for (const which of ['victim en', 'sentencer cy', 'offender en']) {
      expect(field(first, `questionnaire ${which} `), which).toMatch(/\/q\/[A-Za-z0-9_-]{22}\.[a-z0-9-]+\.(en|cy)\.[a-z]+-[0-9]{4}\.[0-9]+$/);
    }
    console.info(`seedDemo took ${seconds.toFixed(1)} s`);
  });

  it('has the Kent counts: 110 cases (40/60/10), 21 victims with 7 returned, 11 sentencer responses, 110 offenders with none', () => {
    expect(summary.area).toBe(KENT_DEMO_AREA);
    expect(summary.fieldworkStart).toBe('2007-11-05');
    expect(summary.fieldworkEnd).toBe('2007-11-09');
    expect(summary.sample.cases).toBe(110);
    expect(summary.sample.byCaseType).toMatchObject({ licence: 40, community: 60, custody: 10 });
    expect(summary.serviceUsers.victim).toMatchObject({ invited: 21, returned: 7 });
    expect(summary.serviceUsers.sentencer.returned).toBe(11);
    expect(summary.serviceUsers.offender).toMatchObject({ invited: 110, returned: 0 });
    expect(summary.serviceUsers.victim.returnedSentence).toBe('Seven of the 21 questionnaires sent to victims were returned.');
    expect(summary.serviceUsers.offender.returnedSentence).toBe('None of the 110 questionnaires sent to offenders were returned.');
  });

  it('has profiles like Appendix 2: about 10% women, about 7% minority ethnic, PPO, MAPPA, approved premises, victim contact, a third by area assessors', () => {
    const s = summary.sample;
    expect(s.byGender.female).toBeGreaterThanOrEqual(9);
    expect(s.byGender.female).toBeLessThanOrEqual(13);
    const minority = s.byEthnicity.black + s.byEthnicity.asian + s.byEthnicity.mixed + s.byEthnicity.other;
    expect(minority).toBeGreaterThanOrEqual(6);
    expect(minority).toBeLessThanOrEqual(10);
    expect(s.ppo).toBe(9);
    expect(110 - s.byMappaLevel['0']).toBe(25);
    expect(s.approvedPremises).toBe(3);
    expect(s.statutoryVictimContact).toBe(23);
    expect(s.byAssessor.area).toBeGreaterThanOrEqual(33);
    expect(s.byAssessor.area).toBeLessThanOrEqual(40);
  });

  it("scores every criterion within a point of the Kent report's but for the misses the demo documents (2.1, 2.5: the seed's own figures give 58% and 61%), with the leadership grades of Table 1", () => {
    for (const c of summary.criteria) {
      const kent = kentCriterionPercents[c.id]!;
      const miss = KENT_CRITERION_MISSES[c.id];
      if (miss && Math.abs(miss.demo - kent) > 1) expect(c.percent, `${c.id}: documented miss`).toBe(miss.demo);
      else expect(Math.abs(c.percent - kent), `${c.id}: ${c.percent}% against Kent's ${kent}%`).toBeLessThanOrEqual(1);
    }
    for (const l of summary.leadership) expect(l.grade, l.id).toBe(kentLeadershipGrades[l.id]);
    expect(summary.criteria.find((c: { id: string }) => c.id === '3.2').conclusion.band).toBe('priority');
  });

  it("reads like the Kent findings in the service users' sentences", () => {
    const sentence = (audience: string, id: string) => summary.serviceUsers[audience].questions.find((q: { id: string }) => q.id === id).sentence;
    // Routed (victim-2008.2): put only to the five who had agreed to contact, and said so.
    expect(sentence('victim', 'satisfaction')).toBe(
      'All five victims who had agreed to contact and who answered were satisfied with the services provided.',
    );
    expect(sentence('victim', 'role-explained')).toBe(
      'All five victims who had agreed to contact and who answered were clear about the victim liaison role.',
    );
    // The report heard about MAPPA from the victims interviewed, not from the questionnaires (issue 29).
    expect(summary.serviceUsers.victim.questions.find((q: { id: string }) => q.id === 'mappa-aware').answered).toBe(0);
    expect(summary.serviceUsers.victim.questions.find((q: { id: string }) => q.id === 'satisfaction').asked).toBe(5);
    expect(sentence('victim', 'offender-information')).toMatch(/^All but one of the five victims/);
    expect(sentence('victim', 'safety')).toMatch(/^All but one of the five victims/);
    expect(sentence('sentencer', 'sdr-quality')).toMatch(/^The vast majority of the 11 sentencers/);
    expect(sentence('sentencer', 'liaison-effective')).toMatch(/^Half of the 10 sentencers/);
    expect(sentence('sentencer', 'policy-information')).toMatch(/^Just over half of the 11 sentencers/);
    expect(summary.serviceUsers.sentencer.questions.find((q: { id: string }) => q.id === 'lcjb-engagement').percent).toBe(67);
    expect(sentence('sentencer', 'proposal-monitoring')).toMatch(/^None of the nine sentencers/);
  });

  it('holds the evidence beyond the case file: the 87 interviews as section 4 gives them, Appendix 1, the caseload, a third of the cases second-marked', () => {
    expect(summary.interviews.count).toBe(87);
    const q = Object.fromEntries(summary.interviews.questions.map((x: { id: string }) => [x.id, x]));
    for (const [id, percent] of Object.entries(kentInterviewPercents)) expect(q[id].percent, id).toBe(kentInterviewMisses[id] ?? percent);
    expect(q['om.informed'].sentence).toBe(
      'Most of the 87 offender managers interviewed (70%) felt well informed about policies and procedures in their area.',
    );
    expect(q['om.role'].sentence).toBe(
      'The vast majority of the 87 offender managers interviewed (91%) were clear about their role within the offender management model.',
    );
    expect(q['om.ethnic-monitoring'].sentence).toBe(
      'Just over half of the 87 offender managers interviewed (53%) recalled having completed an ethnic monitoring questionnaire.',
    );
    // The 34 rows of the seed's Appendix 1 and the five scores of its 4.2 table (test/unit/appendix1-seed.test.ts holds them to the seed).
    expect(summary.performanceFigures).toHaveLength(39);
    const missed = summary.performanceFigures.filter((f: { missedTarget: boolean }) => f.missedTarget).map((f: { measure: string }) => f.measure);
    expect(missed).toEqual(expect.arrayContaining(['NS Public Protection', '% Orders / Licences Successfully Completed', 'Sickness Absence']));
    expect(missed).not.toContain('Victim Contact');
    expect(summary.sample.balance.caseload).toBe(5559);
    expect(summary.sample.balance.minimums).toHaveLength(6);
    for (const m of summary.sample.balance.minimums) expect(m.met, `${m.id}: ${m.entered} of ${m.wanted}`).toBe(true);
    expect(summary.sample.balance.byEthnicity.find((r: { key: string }) => r.key === 'white').caseloadPercent).toBe(93.3);
    expect(summary.sample.balance.byGender.find((r: { key: string }) => r.key === 'female').caseloadPercent).toBe(9.6);
    const m = summary.moderation;
    expect(m.cases).toBe(37);
    const by = Object.fromEntries(m.byAssessor.map((a: { assessor: string }) => [a.assessor, a]));
    expect(by.area.cases + by.hmi.cases).toBe(37);
    expect(by.area.cases).toBeGreaterThan(by.hmi.cases);
    // Realistic: good but imperfect agreement, a little lower with area assessors, a few cases for a moderator.
    expect(m.kappa).toBeGreaterThan(0.6);
    expect(m.kappa).toBeLessThan(0.95);
    expect(by.area.agreement).toBeLessThan(by.hmi.agreement);
    expect(m.flagged.length).toBeGreaterThan(0);
    expect(m.flagged.length).toBeLessThan(37);
  });

  it('opens the printed report link in a browser (no bearer token)', async () => {
    const res = await fetch(field(first, 'report ')!);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Kent (demo)');
    expect(html).toContain('Chart 1: Scoring of sections 1 to 3');
    expect(html).toContain('We interviewed 87 individual offender managers.');
    expect(html).toContain('Appendix 1: Performance figures');
    expect(html).toContain('The area’s caseload was 5,559 cases (93.3% white, 9.6% women)');
    // The agreement between markers names cases: staff see it, a report link does not.
    expect(html).not.toContain('id="moderation-summary"');
    const staff = (await call(`/inspections/${kentId}/report`, { as: 'staff' })).text;
    expect(staff).toMatch(/id="moderation-summary"[\s\S]*First marked by HMI Probation[\s\S]*First marked by area assessors/);
  });

  it('reads like the Kent report section by section: the summaries, each criterion’s findings and conclusion, the eight recommendations, next steps, good practice', async () => {
    const html = await (await fetch(field(first, 'report ')!)).text();
    const text = html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Summary Assessment and sentence planning Work in relation to preparing for sentence was a strong feature for the area.');
    expect(text).toContain('Risk of Harm The area had made a significant contribution to Multi-Agency Public Protection Arrangements.');
    expect(text).toContain('Improvements are necessary as follows: accurate Risk of Harm screenings are undertaken in all cases.');
    expect((/<ol class="govuk-list govuk-list--number" id="recommendations-list">([\s\S]*?)<\/ol>/.exec(html)![1]!.match(/<li>/g) ?? []).length).toBe(
      8,
    );
    expect(text).toContain('An improvement plan addressing the recommendations above is needed four weeks after publication.');
    expect(text).toContain('There will not be a further inspection in Kent (demo).');
    expect(text).toContain(
      'Motivating the offender OMI criterion: 2.1 Delivering the sentence plan Jean was subject to a two-year suspended sentence order',
    );
    expect(text).toMatch(
      /1\.3 General Criterion: Assessment of likelihood of reoffending .* Strengths \(a\) In 79% of cases an OASys was completed as required at the start of sentence\./,
    );
    expect(text).toMatch(
      /2\.3 General Criterion: Victims .* Areas for improvement \(a\) Victim safety was given appropriate priority in 65% of cases \(31 out of 48\)\..* Conclusion This criterion represents an urgent priority for improvement\./,
    );
    expect(text).toContain('3.2 General Criterion: Sustainability of progress');
    expect(text).toContain('This criterion represents a priority for improvement.');
    const welsh = await (await fetch(`${field(first, 'report ')!}?lang=cy`)).text();
    expect(welsh).toMatch(/<html lang="cy"/);
  });

  it("gives the service users' perspective source by source, as the Kent report does: asked, answered, met, then each source's findings", async () => {
    expect(summary.serviceUsers.offender).toMatchObject({ asked: 110, answered: 0, met: { individually: 12, inGroups: 8 } });
    expect(summary.serviceUsers.victim).toMatchObject({ asked: 21, answered: 7, met: { individually: 3, inGroups: 0 } });
    expect(summary.serviceUsers.sentencer).toMatchObject({ asked: 16, answered: 11, met: { individually: 0, inGroups: 0 } });
    const html = await (await fetch(field(first, 'report ')!)).text();
    const text = (from: string, to: string) =>
      html
        .slice(html.indexOf(`id="${from}"`), html.indexOf(`id="${to}"`))
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ');
    const offenders = text('service-users-offender', 'service-users-victim');
    // The Kent report's words, in its order: who was asked and met, then the three paragraphs, then the quote.
    const inOrder = (within: string, ...parts: string[]) => {
      const at = parts.map((p) => within.indexOf(p));
      for (const [i, p] of parts.entries()) expect(at[i], p).toBeGreaterThanOrEqual(0);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    };
    inOrder(
      offenders,
      'None of the 110 questionnaires sent to offenders were returned.',
      'We met 20 offenders in person: 12 individually and eight in two groups.',
      'All offenders across the different groups were positive regarding their contact with the probation area.',
      'All eight offenders who were on an accredited programme spoke positively about the programme',
      'Offenders on IDAP were particularly complimentary',
      'Involvement in sentence planning was more positive among the approved premises offenders.',
      '“offender managers made the transition easy and minimised the risk of getting stressed out”',
    );
    // Met in person, so never reported as silent.
    expect(offenders).not.toContain('there are no findings from offenders to report');
    const victims = text('service-users-victim', 'service-users-sentencer');
    inOrder(
      victims,
      'Seven of the 21 questionnaires sent to victims were returned.',
      // Met one by one and none in a group: disclosure control holds the split back (a zero is under 3, and the total would give it away).
      'We met three victims in person.',
      // (The questionnaires' own sentence, "All five victims ... were satisfied", is held back in a
      // published report by disclosure control: five of five leaves no one's answer private.)
      'A similarly high level of satisfaction was expressed. Two out of the three victims commented that contact with the VLO had been prompt after sentence.',
      'Interestingly none of the victims was aware of MAPPA',
    );
    // MAPPA came from the interviews: the questionnaires say nothing about it.
    expect(victims).not.toMatch(/victims who answered were aware of MAPPA/);
    const courts = text('service-users-sentencer', 'service-users-others');
    // Nobody met: a count under 3, so the published report does not say so (nor anything that would give it away).
    expect(courts).not.toMatch(/meet sentencers|met sentencers/);
    const others = text('service-users-others', 'by-language');
    inOrder(
      others,
      'Key workers',
      'Partners',
      'Strategic partners commented positively on the attendance of staff',
      '“one of the best areas, as they know how Kent prisons work”',
      'Our meetings with case administrators',
      'Programme tutors confirmed lengthy waiting lists',
    );
    const welsh = await (await fetch(`${field(first, 'report ')!}?lang=cy`)).text();
    expect(welsh).toContain('Gwnaethom gyfarfod â 20 o droseddwyr wyneb yn wyneb: 12 yn unigol ac wyth mewn dau grŵp.');
  });

  it('has the Risk of Harm thread the printed figures make (64%, against the printed 67%: documented), and 1.2.13 and 2.5.7 as the report says', () => {
    expect(summary.rohThread.percent).toBe(KENT_CRITERION_MISSES.roh!.demo);
    expect(KENT_CRITERION_MISSES.roh!.demo).toBe(64);
    const q = (id: string) => summary.questions.find((x: { id: string }) => x.id === id).percent;
    // 87% of the high Risk of Harm cases, 92% of the MAPPA cases (every high one among them).
    expect(q('1.2.13')).toBe(92);
    // "good access" to ETE advice.
    expect(q('2.5.7')).toBeGreaterThanOrEqual(65);
  });

  it('finds the demo on the next start instead of making another, and hands out fresh questionnaire links from "Try it"', async () => {
    const before = await call(`/inspections/${kentId}/write-up`, { as: 'inspector' });
    const edited = { ...before.json, recommendations: before.json.recommendations.slice(0, 7) };
    expect(
      (
        await call(`/inspections/${kentId}/write-up`, {
          method: 'PUT',
          as: 'inspector',
          json: edited,
          headers: { 'if-match': before.headers.get('etag')! },
        })
      ).status,
    ).toBe(200);
    const second = await seedDemo(baseUrl(), await tokenFor('admin'), await tokenFor('inspector'));
    expect(second[0]).toMatch(new RegExp(`^demo ${kentId} found in `));
    expect(await inspectionsCalled(KENT_DEMO_AREA)).toEqual([kentId]);
    expect(await inspectionsCalled(TRY_IT_AREA)).toHaveLength(1);
    // The write-up is seeded once: an edit made since is kept on the next start.
    const read = await call(`/inspections/${kentId}/write-up`, { as: 'inspector' });
    expect(read.json.recommendations).toHaveLength(7);
    expect(field(second, 'report ')).not.toBe(field(first, 'report '));
    expect(field(second, 'questionnaire victim en ')).not.toBe(field(first, 'questionnaire victim en '));
    const again = (await call(`/inspections/${kentId}/aggregate`, { method: 'POST', as: 'admin' })).json;
    expect(again.serviceUsers.victim).toMatchObject({ invited: 21, returned: 7 });
    expect(again.serviceUsers.sentencer.returned).toBe(11);
    expect(again.sample.cases).toBe(110);

    const link = await (await fetch(field(second, 'questionnaire sentencer cy ')!.replace('/q/', '/questionnaires/'))).json();
    expect(link).toMatchObject({ audience: 'sentencer', language: 'cy' });
  });

  it('leaves a demo calibrated before issue 28 as it was and makes a new one', async () => {
    // Before the recalibration 2.1.1 read 76%, not the seed's 83%: one case turned from yes to no is such a demo.
    const ref = kentDemoCases().find((c) => c.answers['2.1.1'] === 'yes')!.caseRef;
    const c = await call(`/inspections/${kentId}/cases/${ref}`, { as: 'inspector' });
    const put = await call(`/inspections/${kentId}/cases/${ref}`, {
      method: 'PUT',
      as: 'inspector',
      json: { profile: c.json.profile, answers: { ...c.json.answers, '2.1.1': 'no' } },
    });
    expect(put.status, put.text).toBe(200);
    expect((await call(`/inspections/${kentId}/aggregate`, { method: 'POST', as: 'admin' })).status).toBe(200);
    const third = await seedDemo(baseUrl(), await tokenFor('admin'), await tokenFor('inspector'));
    const [, madeId, how] = /^demo (\S+) (\S+) /.exec(third[0]!)!;
    expect(how).toBe('seeded');
    expect(madeId).not.toBe(kentId);
    expect(await inspectionsCalled(KENT_DEMO_AREA)).toEqual(expect.arrayContaining([kentId, madeId]));
    const made = (await call(`/inspections/${madeId}/summary`, { as: 'staff' })).json;
    expect(made.questions.find((q: { id: string }) => q.id === '2.1.1').percent).toBe(83);
  }, 240_000);
});
