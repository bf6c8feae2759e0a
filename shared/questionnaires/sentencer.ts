/**
 * The sentencer questionnaire, from the Kent report's "Service users' perspective" (Courts):
 * quality and timeliness of SDRs and FDRs, clarity about which report to order, breach and
 * liaison arrangements, information about probation policy, engagement with the LCJB, court
 * staffing, the skills of court staff, and monitoring of report proposals against outcomes.
 * Every closed question offers "I do not know" (a sentencer may never see an FDR, say).
 */
import type { BilingualQuestionnaire } from '#schemas/questionnaire';
import { choiceOf, comments, editionsOf, no, questionOf, satisfaction, yes, yesNo, type Closed } from './blocks';
import { questionnaireVersions } from './versions';

/** Yes / in part / no: only a full "yes" is positive (Kent: "five ... worked well in part"). */
const inPart = (): Closed => choiceOf([yes, { value: 'in-part', en: 'In part', cy: 'Yn rhannol' }, no], ['yes']);

/** Version 1 (sentencer-2008.1): kept as issued, so links issued with it keep their questions. */
export const sourceV1: BilingualQuestionnaire = {
  audience: 'sentencer',
  version: 'sentencer-2008.1',
  noun: { singular: 'sentencer', plural: 'sentencers' },
  title: {
    en: "Sentencers' views of the probation service",
    cy: 'Barn dedfrydwyr am y gwasanaeth prawf',
  },
  intro: {
    en:
      'We are inspecting the probation service in this area. Please tell us about the service the ' +
      'probation area gives to your court. Your answers are confidential and we will not name you in ' +
      'our report.',
    cy:
      "Rydym yn arolygu'r gwasanaeth prawf yn yr ardal hon. Dywedwch wrthym am y gwasanaeth y mae'r " +
      "ardal brawf yn ei roi i'ch llys. Mae eich atebion yn gyfrinachol ac ni fyddwn yn eich enwi yn " +
      'ein hadroddiad.',
  },
  questions: [
    {
      id: 'sdr-quality',
      ...satisfaction(),
      text: {
        en: 'How satisfied are you with the quality of standard delivery reports (SDRs)?',
        cy: 'Pa mor fodlon ydych chi ag ansawdd adroddiadau cyflwyno safonol (SDRs)?',
      },
      finding: 'were satisfied with the quality of SDRs',
    },
    {
      id: 'fdr-quality',
      ...satisfaction(),
      text: {
        en: 'How satisfied are you with the quality of fast delivery reports (FDRs)?',
        cy: 'Pa mor fodlon ydych chi ag ansawdd adroddiadau cyflwyno cyflym (FDRs)?',
      },
      finding: 'were satisfied with the quality of FDRs',
    },
    {
      id: 'sdr-timeliness',
      ...satisfaction(),
      text: {
        en: 'How satisfied are you with the timeliness of SDRs?',
        cy: 'Pa mor fodlon ydych chi ag amseroldeb SDRs?',
      },
      finding: 'were satisfied with the timeliness of SDRs',
    },
    {
      id: 'fdr-timeliness',
      ...satisfaction(),
      text: {
        en: 'How satisfied are you with the timeliness of FDRs?',
        cy: 'Pa mor fodlon ydych chi ag amseroldeb FDRs?',
      },
      finding: 'were satisfied with the timeliness of FDRs',
    },
    {
      id: 'report-type-clear',
      ...choiceOf(
        [{ value: 'yes', en: 'Yes, always', cy: 'Ie, bob amser' }, { value: 'not-always', en: 'Not always', cy: 'Ddim bob amser' }, no],
        ['yes'],
      ),
      text: {
        en: 'Is it clear to you what type of report to order?',
        cy: "A yw'n glir i chi pa fath o adroddiad i'w archebu?",
      },
      finding: 'were always clear what type of report to order',
    },
    {
      id: 'breach-effective',
      ...inPart(),
      text: {
        en: 'Do the arrangements for dealing with breach of sentences work effectively?',
        cy: "A yw'r trefniadau ar gyfer delio â thorri dedfrydau yn gweithio'n effeithiol?",
      },
      finding: 'felt the arrangements to resolve breach of sentences worked effectively',
    },
    {
      id: 'liaison-effective',
      ...inPart(),
      text: {
        en: 'Are the liaison arrangements between the probation area and the courts effective?',
        cy: "A yw'r trefniadau cyswllt rhwng yr ardal brawf a'r llysoedd yn effeithiol?",
      },
      finding: 'felt the liaison arrangements between the probation area and the courts were effective',
    },
    {
      id: 'policy-information',
      ...yesNo(),
      text: {
        en: 'Do you receive information about current probation policy and practice?',
        cy: "A ydych chi'n cael gwybodaeth am bolisi ac arferion cyfredol y gwasanaeth prawf?",
      },
      finding: 'received information about current probation policy and practice',
    },
    {
      id: 'lcjb-engagement',
      ...yesNo(),
      text: {
        en: 'Does the probation area work effectively with the local criminal justice board (LCJB)?',
        cy: "A yw'r ardal brawf yn gweithio'n effeithiol gyda'r bwrdd cyfiawnder troseddol lleol (LCJB)?",
      },
      finding: 'thought the area engaged effectively with the LCJB',
    },
    {
      id: 'court-staffing',
      ...yesNo(),
      text: {
        en: 'Are there enough probation staff in your court?',
        cy: 'A oes digon o staff prawf yn eich llys?',
      },
      finding: 'felt there were enough probation staff in their court',
    },
    {
      id: 'court-staff-skills',
      ...satisfaction(),
      text: {
        en: 'How satisfied are you with the skills and knowledge of probation staff in court?',
        cy: 'Pa mor fodlon ydych chi â sgiliau a gwybodaeth staff prawf yn y llys?',
      },
      finding: 'were satisfied with the skills and knowledge of court staff',
    },
    {
      id: 'proposal-monitoring',
      ...yesNo(),
      text: {
        en: 'Are you aware of any monitoring of report proposals against sentencing outcomes?',
        cy: "A ydych chi'n ymwybodol o unrhyw waith monitro sy'n cymharu cynigion adroddiadau â chanlyniadau dedfrydu?",
      },
      hint: {
        en: 'For example, comparing the sentences proposed in reports with the sentences passed, and whether they were completed.',
        cy: "Er enghraifft, cymharu'r dedfrydau a gynigiwyd mewn adroddiadau â'r dedfrydau a roddwyd, ac a gawsant eu cwblhau.",
      },
      finding: 'were aware of any monitoring of report proposals against outcomes',
    },
    comments({
      en: 'Is there anything else you would like to tell us about the probation service in your court?',
      cy: 'A oes unrhyw beth arall yr hoffech ei ddweud wrthym am y gwasanaeth prawf yn eich llys?',
    }),
  ],
};

const questionV1 = questionOf(sourceV1);

/**
 * Version 2 (sentencer-2008.2): which kind of sentencer answered (so the summary can be split
 * by kind, small numbers suppressed), and the professional leadership shown by managers (Kent:
 * "complimentary regarding the professional leadership shown by managers in the area").
 */
export const source: BilingualQuestionnaire = {
  ...sourceV1,
  version: questionnaireVersions.sentencer,
  questions: [
    {
      id: 'sentencer-kind',
      type: 'single-choice',
      optional: false,
      text: { en: 'Which of these are you?', cy: "Pa un o'r rhain ydych chi?" },
      options: [
        { value: 'magistrate', en: 'Magistrate', cy: 'Ynad' },
        { value: 'district-judge', en: 'District judge', cy: 'Barnwr rhanbarth' },
        { value: 'judge', en: 'Judge', cy: 'Barnwr' },
        { value: 'legal-adviser', en: 'Legal adviser', cy: 'Cynghorydd cyfreithiol' },
      ],
    },
    ...sourceV1.questions.filter((q) => q.id !== 'comments'),
    {
      id: 'manager-leadership',
      ...yesNo(),
      text: {
        en: "Do the probation area's managers show good professional leadership?",
        cy: 'A yw rheolwyr yr ardal brawf yn dangos arweinyddiaeth broffesiynol dda?',
      },
      finding: 'were complimentary about the professional leadership shown by managers in the area',
    },
    questionV1('comments'),
  ],
};

export const { en, cy, versions, phrases } = /* @__PURE__ */ editionsOf(sourceV1, source);
