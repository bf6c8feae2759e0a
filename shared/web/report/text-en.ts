/**
 * Every fixed text of the printable report in English. The Welsh dictionary
 * (text-cy.ts) has the type of this one, so a text added here without its Welsh fails
 * to compile; test/unit/report-text.test.ts checks that none is left empty or untranslated.
 *
 * Authored text (the write-up, grades' points, conclusions' own words) and the summary's
 * figures never come from here.
 *
 * Longer than 400 lines: it is a table of texts, not logic. Its type is the Welsh dictionary's,
 * entry for entry, so a translator's whole task is this file and text-cy.ts read side by
 * side; split by section, each part would need its Welsh twin and a type of its own.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBERS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** One to nine in words, numerals from 10 (grouped with a comma), as the Kent report writes them. */
function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 9 ? NUMBERS[n]! : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

export const reportTextEn = {
  lang: 'en' as 'en' | 'cy',
  serviceName: 'Probation inspection reports',
  months: MONTHS,
  numberWord,
  /** The contract's quantity words, keyed by themselves. */
  quantity: {
    all: 'all',
    'all but one': 'all but one',
    'the vast majority': 'the vast majority',
    most: 'most',
    'just over half': 'just over half',
    half: 'half',
    'just under half': 'just under half',
    'a significant minority': 'a significant minority',
    'a small number': 'a small number',
    none: 'none',
  } as Record<string, string>,
  sectionTitles: {
    1: 'Assessment and sentence planning',
    2: 'Implementation of interventions',
    3: 'Achievement and monitoring of outcomes',
    4: 'Leadership and strategic management',
  } as Record<number, string>,
  /** Criterion titles and statements: empty here, so the bank's English is used. */
  criteria: {} as Record<string, { title: string; statement: string }>,
  grades: {
    'well-met': 'Well met',
    'satisfactorily-met': 'Satisfactorily met',
    'partly-met': 'Partly met',
    'not-met': 'Not met',
  } as Record<string, string>,
  bands: {
    good: 'Good',
    priority: 'Priority for improvement',
    'urgent-priority': 'Urgent priority for improvement',
  } as Record<string, string>,
  /** The Kent report's "Conclusion:" sentences. */
  conclusions: {
    good: 'Performance against this criterion was good.',
    priority: 'This criterion represents a priority for improvement.',
    'urgent-priority': 'This criterion represents an urgent priority for improvement.',
  } as Record<string, string>,

  // The title block
  caption: 'Offender Management Inspection',
  lead: (area: string, fieldwork: string) =>
    `A report on offender management in ${area}: the scores from the case sample, the grades for leadership and strategic management, and what service users told us. Fieldwork ${fieldwork}.`,
  metaArea: 'Area',
  metaFieldwork: 'Fieldwork',
  metaCases: 'Cases in the sample',
  metaBank: 'Question bank',
  metaStatus: 'Status',
  metaPublished: 'Published',
  metaDraftDate: 'Draft of',
  statusFinal: 'Final report',
  statusFactualAccuracy: 'Draft sent to the area for a factual accuracy check',
  statusLive: 'Draft: the figures as last computed, not yet released',
  /** On a report link to the live draft: every page and file says it (contract, "An inspection's life cycle"). */
  draftNotPublished: 'Draft, not published',
  draftNotPublishedDetail:
    'This is the live draft of the report, shared for review. It changes as the inspection goes on and has not been published.',
  dateRange: (from: string, to: string) => `${from} to ${to}`,
  languageNav: 'Language',
  /** The other language's name, written in that language. */
  otherLanguageName: 'Cymraeg',
  thisLanguageName: 'English',

  // Downloads and contents
  downloadsHeading: 'Download the summary',
  downloadCsv: 'Summary of the figures (CSV, opens in a spreadsheet)',
  downloadJson: 'Summary of the figures (JSON)',
  printNote:
    'To print this report, or save it as a PDF, use your browser’s print option. The printed copy leaves out the page header, the contents and these links.',
  contents: 'Contents',

  // Summary
  summaryHeading: 'Summary',
  rohSummaryHeading: 'Risk of Harm',
  noSummary: 'No summary has been written yet.',

  // Summary of scores
  scoresHeading: 'Summary of scores',
  scoresIntro: 'Chart 1 gives the percentage score for each Offender Management Inspection criterion and for each of sections 1 to 3.',
  chartCaption: 'Chart 1: Scoring of sections 1 to 3',
  chartSubtitle: (area: string, when: string) => `Offender Management Inspection: ${area}${when ? ` (${when})` : ''}`,
  asATable: (caption: string) => `${caption}, as a table`,
  sectionOrCriterion: 'Section or criterion',
  score: 'Score',
  sectionLabel: (id: number, title: string) => `Section ${id}: ${title}`,
  sectionScoreLabel: (id: number) => `Section ${id} score`,
  chartLegendSection: 'Section score',
  chartLegendCriterion: 'Criterion score',
  chartDescription: (parts: string) =>
    `Horizontal bar chart of the percentage score for each criterion of sections 1 to 3, grouped by section, with each section's score. ${parts}. The same figures are in the table that follows.`,
  chartRange: (low: number, high: number) => `; criteria from ${low}% to ${high}%`,
  noScore: 'no score (no relevant cases)',
  scoresTableCaption: 'Summary of scores: criteria 1.1 to 3.2',
  headCriterion: 'Criterion',
  headTitle: 'Title',
  headCases: 'Cases',
  headSuggestedBand: 'Suggested band',
  headConclusion: 'Conclusion (lead inspector)',
  headConclusionPublished: 'Conclusion',
  sectionScoreNote: 'Section score: the mean of its criteria’s scores',
  suggestedNone: 'none (no score)',
  suggestedSuperseded: 'none: the inspectors’ conclusion stands',
  notYetRecorded: 'Not yet recorded: the suggested band',
  noConclusion: 'No conclusion (no score)',
  conclusionNotRecorded: 'Not yet concluded',
  scoresNoteStaff:
    'Cases: the cases with at least one relevant judgement for the criterion. Suggested band: the band the score falls in (good from 65%, a priority for improvement from 62%, otherwise an urgent priority). The report uses the lead inspector’s recorded conclusion where there is one, and the suggested band until there is.',
  scoresNotePublished: 'Cases: the cases with at least one relevant judgement for the criterion.',
  table1Caption: 'Table 1: Scoring of section 4',
  table1Head: 'Leadership and strategic management',
  headGrade: 'Grade',
  generalCriterion: (title: string) => `General Criterion: ${title}`,
  notYetGraded: 'Not yet graded',
  table1Note:
    'Each criterion of the leadership and strategic management section is graded on a four-point scale: well met, satisfactorily met, partly met or not met.',
  table2Caption: 'Table 2: Risk of Harm thread',
  table2Row: 'Score for Risk of Harm thread',
  table2Note:
    'Table 2 gives a score drawn from the questions about Risk of Harm work in the Assessment and sentence planning and Implementation of interventions sections: the mean of their scores. This score is significant in deciding whether a further focused inspection will be carried out.',
  rohQuestionsCaption: 'The Risk of Harm questions in sections 1 and 2',
  headQuestion: 'Question',
  headAsked: 'Asked about each case',
  headRelevant: 'Relevant cases',
  headSufficient: 'Sufficient',
  bankMissing: (version: string) => `The questions of question bank ${version} are not available in this release.`,
  compareWarning:
    'We advise readers against comparing scores area by area: the sizes of samples vary slightly, as does the profile of cases in each area’s sample. The scores are best seen as a simple summary of what we found in this area, alongside the full findings and recommendations.',

  // Recommendations, next steps, good practice
  recommendationsHeading: 'Recommendations for improvement',
  recommendationsIntro: 'Improvements are necessary as follows:',
  criteriaOf: (ids: readonly string[]) => `(${ids.length === 1 ? 'criterion' : 'criteria'} ${list([...ids])})`,
  noRecommendations: 'No recommendations have been written yet.',
  nextStepsHeading: 'Next steps',
  improvementPlan: 'An improvement plan addressing the recommendations above is needed four weeks after publication.',
  focusedInspections:
    'Further focused inspections will be carried out approximately 12 months after the original inspection when HMI Probation has a serious concern about an area’s Risk of Harm work.',
  noFurtherInspection: (area: string) => `There will not be a further inspection in ${area}.`,
  furtherInspection: (area: string, percent: number) =>
    `With a Risk of Harm thread score of ${percent}%, HMI Probation has a serious concern about Risk of Harm work in ${area}: a further focused inspection will be carried out approximately 12 months after this one.`,
  furtherInspectionDecided: (area: string) =>
    `HMI Probation will carry out a further focused inspection of Risk of Harm work in ${area} approximately 12 months after this one.`,
  furtherInspectionUndecided: 'The inspectorate has not yet recorded its decision on a further inspection.',
  nextStepsFigures: (roh: string, sections: string) =>
    `The decision is the inspectorate’s, taken beside the figures: the Risk of Harm thread ${roh}; ${sections}.`,
  sectionFigure: (id: number, percent: string) => `section ${id} ${percent}`,
  publicationNotSet: 'Not yet set by the inspectorate',
  forewordHeading: 'Foreword',
  acknowledgementsHeading: 'Acknowledgements',
  inspectionTeamHeading: 'The inspection team',
  abbreviationsHeading: 'List of abbreviations',
  headAbbreviation: 'Abbreviation',
  headMeaning: 'Meaning',
  responsesOnly: (returned: number, to: string) =>
    returned === 0
      ? `No questionnaires were returned by ${to}.`
      : `There ${returned === 1 ? 'was one response' : `were ${numberWord(returned)} responses`} to the questionnaires sent to ${to}.`,
  furtherInspectionUnknown: 'Whether a further focused inspection follows will be decided when the Risk of Harm thread has a score.',
  goodPracticeHeading: 'Sharing good practice',
  goodPracticeIntro: (area: string) => `Below are examples of good practice we found in ${area}.`,
  omiCriterion: 'OMI criterion:',
  noGoodPractice: 'No examples of good practice have been written yet.',

  // Sections 1 to 4, criterion by criterion
  strengths: 'Strengths',
  improvements: 'Areas for improvement',
  conclusion: 'Conclusion',
  noneWritten: 'None written yet.',
  noneRecorded: 'None recorded.',
  staleFinding: (was: number, now: number | null) =>
    now === null
      ? `Check this finding: it was written from a figure of ${was}%, and the question now has no score.`
      : `Check this finding: it was written from a figure of ${was}%, and the figure is now ${now}%.`,
  staleCount: (n: number) =>
    `${n === 1 ? 'One finding no longer matches its figure' : `${numberWord(n)} findings no longer match their figures`}: each is marked below.`,
  figureMismatch: (claims: string, question: string, percent: number | null, yes: number, total: number) =>
    percent === null
      ? `Check this finding: its words give ${claims}, and question ${question} has no figure.`
      : `Check this finding: its words give ${claims} where question ${question} is ${percent}% (${yes} of ${total}).`,
  figureMismatchCount: (n: number) =>
    `${n === 1 ? 'One finding gives a figure that its question contradicts' : `${numberWord(n)} findings give figures that their questions contradict`}: each is marked where it stands.`,
  leadershipIntro: 'The grades of Table 1, with the strengths and the areas for improvement the inspectors found.',
  pointsOmitted: (n: number) => `${n} recorded ${n === 1 ? 'point is' : 'points are'} not shown: there was more text than a summary can hold.`,
  inEnglish: '(in English)',

  // Interviews (section 4)
  interviewsHeading: 'Interviews with offender managers',
  noInterviews: 'No offender managers have been interviewed yet.',
  interviewsIntroSuppressed: 'We interviewed a small number of offender managers ([c]).',
  interviewsIntro: (n: number) => `We interviewed ${numberWord(n)} individual offender ${n === 1 ? 'manager' : 'managers'}.`,
  interviewsCaption: 'Interview findings',
  headAnswered: 'Answered',
  headYes: 'Yes',
  headPercentYes: '% yes',

  // Service users
  serviceUsersHeading: 'Service users’ perspective',
  serviceUsersIntro:
    'The findings below come from the questionnaires offenders, victims and sentencers returned, each worked out over the people who answered that question, and from the people we met in person during the inspection.',
  headMetIndividually: 'Met individually',
  headMetInGroups: 'Met in groups',
  fromQuestionnaires: 'From the questionnaires',
  inPerson: 'In person',
  /** "We met 20 offenders in person: 12 individually and eight in two groups." */
  metSentence: (individually: number, inGroups: number, groups: number, who: string) => {
    const total = individually + inGroups;
    if (total === 0) return `We did not meet ${who} in person.`;
    const inN = (n: number) => (n === 1 ? 'one group' : `${numberWord(n)} groups`);
    if (inGroups === 0) return `We met ${numberWord(individually)} ${who} individually.`;
    if (individually === 0) return `We met ${numberWord(inGroups)} ${who} in ${inN(groups)}.`;
    return `We met ${numberWord(total)} ${who} in person: ${numberWord(individually)} individually and ${numberWord(inGroups)} in ${inN(groups)}.`;
  },
  noQuestionnaireFindings: (who: string) =>
    `With no questionnaires returned there are no questionnaire findings from ${who}; what they told us in person follows.`,
  /** Published, when disclosure control holds back how they were met: "We met three victims in person." */
  metTotalOnly: (total: number, who: string) => (total === 0 ? `We did not meet ${who} in person.` : `We met ${numberWord(total)} ${who} in person.`),
  /** Published, when even how many were met is held back (fewer than three). */
  metNotPublished: (who: string) => `We met ${who} in person; how many is not published ([c]).`,
  noMeetingFindings: (who: string) => `We met ${who} in person but recorded no findings from those meetings for the report.`,
  quotesWithheld: (n: number) =>
    `${n === 1 ? 'One quote was' : `${numberWord(n).replace(/^./, (c) => c.toUpperCase())} quotes were`} recorded without consent to publish and ${n === 1 ? 'is' : 'are'} left out of the published report (staff only).`,
  othersHeading: 'Others we met',
  othersIntro: 'We also met people who work with offenders and victims. Their views inform the findings in sections 1 to 4.',
  /** The people met, in the middle of a sentence, for the audiences without a questionnaire. */
  meetingWho: {
    offender: 'offenders',
    victim: 'victims',
    sentencer: 'sentencers',
    'offender-manager': 'offender managers',
    'key-worker': 'key workers',
    partner: 'partners',
    other: 'other people',
  } as Record<string, string>,
  meetingHeadings: { 'offender-manager': 'Offender managers', 'key-worker': 'Key workers', partner: 'Partners', other: 'Others' } as Record<
    string,
    string
  >,
  responseRatesCaption: 'Response rates',
  headQuestionnairesTo: 'Questionnaires to',
  headSent: 'Sent',
  headReturned: 'Returned',
  headResponseRate: 'Response rate',
  noneSent: 'none sent',
  audienceHeadings: { offender: 'Offenders', victim: 'Victims', sentencer: 'Courts (sentencers)' } as Record<string, string>,
  audienceNames: { offender: 'Offenders', victim: 'Victims', sentencer: 'Sentencers', all: 'All respondents' } as Record<string, string>,
  /** The people sent a questionnaire, after "sent to". */
  audienceSentTo: { offender: 'offenders', victim: 'victims', sentencer: 'sentencers' } as Record<string, string>,
  questionSentence: (question: string, quantity: string, answered: number, percent: number) =>
    `${question} ${quantity.replace(/^./, (c) => c.toUpperCase())} of the ${numberWord(answered)} who answered said yes (${percent}%).`,
  responseRate: (percent: number) => ` The response rate was ${percent}%.`,
  notForPublication:
    'Not for publication: this staff copy shows every figure, small numbers included. The published report and its downloads show a count under 3 people, or a score over fewer than 5 cases, as [c].',
  /** Disclosure control: a figure held back ("[c]"), said in words. */
  returnedSuppressed: (invited: number, to: string) =>
    `The number of the ${numberWord(invited)} questionnaires sent to ${to} that were returned is not published ([c]).`,
  questionSuppressed: (question: string, answered: number | '[c]') =>
    answered === '[c]'
      ? `${question} The number who answered is not published ([c]).`
      : `${question} Of the ${numberWord(answered)} who answered, the number who said yes is not published ([c]).`,
  noFindings: (who: string) => `With no questionnaires returned there are no findings from ${who} to report.`,
  answersCaption: (who: string) => `${who}: answers to each question`,
  headPositive: 'Positive',
  headPositivePercent: 'Positive (%)',
  headAllAnswers: 'All answers, including “I do not know”',
  nobodyAnswered: 'nobody answered',
  answeredNote:
    'Answered: respondents who gave an answer other than “I do not know” or “this has not happened to me”. The sentences are worked out over those who answered.',
  byLanguageHeading: 'Questionnaires returned, by language',
  byLanguageCaption: 'Questionnaires returned, by the language they were answered in',
  byLanguageQuestionsCaption: 'Answers by the language of the questionnaire',
  headRespondents: 'Respondents',
  headEnglish: 'English',
  headWelsh: 'Welsh',
  headTotal: 'Total',
  suppressionNote: (mark: string) =>
    `${mark} marks a figure that is not shown because fewer than 3 people gave it (a zero included), or because it could otherwise be worked out from the other figures and totals. This is the Government Statistical Service’s mark for a suppressed figure; it stops anyone, a victim especially, from being picked out.`,
  commentsHeading: 'Comments from respondents',
  warning: 'Warning',
  commentsWarning:
    'For inspection staff only. E-mail addresses, phone numbers, postcodes and names after a title have been masked, but a comment may still identify someone: do not publish comments as they stand.',
  inWelsh: '(in Welsh)',
  noComments: 'No comments were written.',
  commentsOmitted: (n: number, why: 'erased' | 'expired' | 'size') =>
    `${n} ${n === 1 ? 'comment is' : 'comments are'} not shown because ${why === 'erased' ? 'the responses were erased' : why === 'expired' ? 'they passed the period answers are kept for' : 'there was more text than a summary can hold'}. The figures still count every response.`,

  // Appendices
  appendix1Heading: 'Appendix 1: Performance figures',
  noPerformance: 'No performance figures were provided for this inspection.',
  performanceAllMet: 'The area met every target below.',
  performanceMissed: (missed: number, of: number) =>
    `The area missed ${missed === 1 ? 'one target' : `${numberWord(missed)} targets`} of the ${numberWord(of)} below.`,
  performanceCaption: 'Performance against target',
  headMeasure: 'Measure',
  headPeriod: 'Period',
  headTarget: 'Target',
  headArea: 'Area',
  headNational: 'National',
  headAgainstTarget: 'Against target',
  missed: 'Missed',
  met: 'Met',
  // Appendix 1 as the IPPF printed it, and the 4.2 table (issue 28)
  ippfAbout:
    'IPPF is the performance framework operated by NOMS. Under this, for each probation area, a score is assigned for each of four ‘domains’ as indicated, based on results for the metrics specified. Using these scores, an overall score for the probation area is also assigned.',
  ippfDomains: {
    'public-protection': 'Public Protection',
    'offender-management': 'Offender Management',
    interventions: 'Interventions',
    'operational-capability': 'Operational Capability, Resource Use and Strategy',
    reoffending: 'Reduce Re-offending',
    'management-information': 'Management Information',
  },
  ippfGrades: { 4: 'Outstanding Performance', 3: 'Good Performance', 2: 'Passable Performance', 1: 'Poor Performance' } as Record<
    1 | 2 | 3 | 4,
    string
  >,
  ippfSummaryCaption: (area: string) => `Summary of results for ${area} from the NOMS Integrated Probation Performance Framework (IPPF)`,
  ippfFiguresFor: 'Figures for',
  headIppfDomain: 'IPPF domain',
  headIppfScore: 'Score',
  ippfAreaScore: 'Area score',
  ippfDomainScore: 'IPPF domain score',
  ippfGradesCaption: 'IPPF grades',
  otherMeasuresCaption: 'Other measures',
  headActual: 'Actual',
  headPrevious: 'Previous year',
  headIppfGrade: 'IPPF grade',
  headPredicted: 'Predicted',
  headDifference: 'Difference',
  headSignificant: 'Significant?',
  significantYes: 'Yes',
  significantNo: 'No',
  notApplicable: 'n/a',
  notAvailable: 'not available',
  noTarget: 'No target',
  dataLater: 'Data available later',
  notesCaption: 'Notes',
  appendix2Heading: 'Appendix 2: Contextual information',
  sampleIntro: (licence: number | string, community: number | string, custody: number | string, total: number) =>
    `The sample is made up of ${licence} licence cases, ${community} community order cases and ${custody} custody cases: ${total} in all.`,
  noCases: 'No cases have been recorded yet.',
  caseloadSentence: (caseload: string, parts: { white?: number; female?: number }) => {
    const bits = [parts.white !== undefined ? `${parts.white}% white` : '', parts.female !== undefined ? `${parts.female}% women` : ''].filter(
      Boolean,
    );
    return `The area’s caseload was ${caseload} cases${bits.length ? ` (${bits.join(', ')})` : ''}; the tables below set the sample beside it.`;
  },
  headPercentOfSample: '% of sample',
  sampleCaptions: {
    caseType: 'By case type',
    gender: 'By gender',
    ethnicity: 'By ethnicity',
    roh: 'By Risk of Harm',
    ppo: 'Prolific and other priority offenders (PPO)',
    mappa: 'By MAPPA level',
    approvedPremises: 'Resident in approved premises',
    victimContact: 'Statutory victim contact',
    assessor: 'Assessed by',
    tier: 'By tier',
  } as Record<string, string>,
  labels: {
    licence: 'Licence',
    community: 'Community order',
    custody: 'Custody',
    male: 'Male',
    female: 'Female',
    white: 'White',
    black: 'Black',
    asian: 'Asian',
    mixed: 'Mixed',
    other: 'Other',
    'minority-ethnic': 'Minority ethnic',
    low: 'Low',
    medium: 'Medium',
    high: 'High',
    'very-high': 'Very high',
    mappa0: 'Not managed under MAPPA',
    mappa1: 'Level 1',
    mappa2: 'Level 2',
    mappa3: 'Level 3',
    hmi: 'HMI Probation',
    area: 'Area assessor',
    tier1: 'Tier 1',
    tier2: 'Tier 2',
    tier3: 'Tier 3',
    tier4: 'Tier 4',
    yes: 'Yes',
    no: 'No',
    'not-recorded': 'Not recorded',
  } as Record<string, string>,
  caseloadHeading: 'The caseload beside the sample',
  caseloadTotals: (caseload: string, sample: number) => `Caseload: ${caseload} cases. Sample: ${sample} cases.`,
  balanceCaption: (by: string) => `Caseload and sample: ${by.toLowerCase()}`,
  headCaseload: 'Caseload',
  headPercentOfCaseload: '% of caseload',
  headSample: 'Sample',
  // The area's context in Appendix 2 (issue 28): what the area did not give is not known, never 0.
  notKnown: 'Not known',
  areaContextHeading: (month: string | undefined) => (month ? `Caseload at end of ${month}` : 'The area’s caseload'),
  headFigure: 'Figure',
  contextRows: {
    total: 'Total caseload',
    white: '% White',
    minorityEthnic: '% Minority ethnic*',
    male: '% Male',
    female: '% Female',
    ppo: '% PPO cases',
  } as Record<string, string>,
  mappaRow: (level: string) => `% subject to MAPPA at level ${level}`,
  ethnicityFootnote: '* Excluding cases for which ethnicity information is not available.',
  ppoDefinitionHeading: 'The local definition of a PPO case',
  budgetsHeading: 'Budgets',
  revenueBudget: (year: string, amount: string) => `Total revenue budget in ${year}: ${amount}.`,
  approvedPremisesHeading: 'Approved premises',
  approvedPremisesLine: (name: string, capacity: number) => `${name}: capacity ${capacity}.`,
  // Appendices 3 and 5 are fixed text published with the question bank (shared/bank/appendices-*.ts).
  appendixHeading: (n: number, title: string) => `Appendix ${n}: ${title}`,
  appendix4Heading: 'Appendix 4: Scoring approach',
  scoringApproach: [
    'For each question, the relevant cases are those where the work was judged sufficient (“above the line”) or insufficient; its score is the share judged sufficient. A question with no relevant case has no score and is left out.',
    'A criterion’s score in sections 1 to 3 weights the mean of its individual questions 80% and its summary question 20%. A section’s score is the mean of its criteria’s scores. The Risk of Harm thread is the mean of the scores of every question about Risk of Harm in sections 1 and 2. The criteria of section 4 are graded by the inspectors: well met, satisfactorily met, partly met or not met.',
    'Percentages are whole numbers, rounded half up.',
  ],

  // Agreement between markers (staff only)
  moderationHeading: 'Agreement between markers',
  noModeration: 'No case has been marked a second time.',
  moderationIntro: (cases: number) =>
    `${cases === 1 ? 'One case was' : `${numberWord(cases).replace(/^./, (c) => c.toUpperCase())} cases were`} marked a second time, independently. Agreement is the share of questions both markers answered yes or no on which they gave the same answer; Cohen’s kappa corrects it for the agreement expected by chance (1 is complete agreement, 0 no better than chance).`,
  moderationCaption: 'Agreement between first and second markers',
  moderationByCriterion: 'Agreement by criterion',
  headDoubleMarked: 'Double-marked',
  headAgreement: 'Agreement',
  headKappa: 'Kappa',
  allDoubleMarked: 'All double-marked cases',
  firstMarkedBy: {
    hmi: 'First marked by HMI Probation',
    area: 'First marked by area assessors',
    'not-recorded': 'First marker not recorded',
  } as Record<string, string>,
  flagged: (refs: readonly string[]) =>
    `${refs.length === 1 ? 'One case needs' : `${numberWord(refs.length).replace(/^./, (c) => c.toUpperCase())} cases need`} a moderator’s decision, the two markers differing on a criterion’s overall judgement: ${refs.join(', ')}.`,
  noneFlagged: 'The two markers agreed on every criterion’s overall judgement.',

  // The improvement plan annex (issue 29)
  annexLink: 'Annex: the area’s improvement plan',
  annexNotYet: 'Annex: no improvement plan received yet',
  annexTitle: 'Annex: improvement plan',
  annexLead: (area: string) => `What ${area} will do about each recommendation of this report, as the area sent it to us.`,
  annexBack: 'Back to the report',
  annexNone: 'No improvement plan received yet.',
  annexDue: (date: string) => `It is due by ${date}, four weeks after publication.`,
  metaPlanDue: 'Plan due',
  metaPlanState: 'Plan',
  metaAsAt: 'As at',
  planStates: { due: 'Not received yet', overdue: 'Overdue: not received yet', received: 'Received' } as Record<string, string>,
  planReceivedOn: (date: string) => `Received on ${date}`,
  actionStates: { open: 'Open', done: 'Done', overdue: 'Overdue' } as Record<string, string>,
  actionsCaption: (n: number) => (n === 1 ? 'The action' : `The ${numberWord(n)} actions`),
  headAction: 'Action',
  headOwner: 'Owner',
  headDueDate: 'Due',
  headActionStatus: 'Status',
  recommendationGone: 'A recommendation no longer in the report',

  // Problems
  problemNotFound: [
    'Page not found',
    'If you typed the web address, check it is correct. If you pasted it, check you copied the entire address. A report link works only as it was given to you.',
  ] as [string, string],
  problemExpired: [
    'This report link has expired',
    'Report links work for a limited time. Ask a colleague who can sign in to the service for a new link.',
  ] as [string, string],
  problemWithdrawn: [
    'This report link has been withdrawn',
    'Someone who can sign in to the service has withdrawn this link. Ask them for a new one if you still need the report.',
  ] as [string, string],
  problemOther: ['Sorry, there is a problem with the service', 'Try again later.'] as [string, string],
};

export type ReportText = typeof reportTextEn;
