/**
 * The Welsh of the offender-manager interview "interviews-2008.1" (./interviews-2008.1.ts),
 * by question id: the question as the Welsh report's table asks it, the finding as a
 * predicate after "Roedd <pwy>" (shared/summaries/sentences-cy.ts), and for a question put
 * to some only, who they were. Read from shared/texts/bank/omi-2008.1.interviews.cy.json
 * (`npm run texts`) by the Welsh report alone. A first translation, for the translator.
 */
export interface InterviewQuestionCy {
  text: string;
  finding: string;
  /** Who was asked, after "rheolwyr troseddwyr", when not everyone interviewed was. */
  group?: string;
}

export const interviews2008_1Cy: Readonly<Record<string, InterviewQuestionCy>> = {
  'om.informed': {
    text: 'Ydych chi’n teimlo’n wybodus am bolisïau a gweithdrefnau yn yr ardal?',
    finding: 'yn teimlo’n wybodus am bolisïau a gweithdrefnau yn eu hardal',
  },
  'om.professional': {
    text: 'A yw rheolwyr yn dangos dull rheoli proffesiynol?',
    finding: 'yn dweud bod rheolwyr yn dangos dull rheoli proffesiynol',
  },
  'om.leadership': {
    text: 'A yw rheolwyr yn arddangos ymddygiad arwain cadarnhaol?',
    finding: 'yn teimlo bod rheolwyr yn arddangos ymddygiad arwain cadarnhaol',
  },
  'om.role': {
    text: 'Ydych chi’n glir ynghylch eich rôl yn y model rheoli troseddwyr?',
    finding: 'yn glir ynghylch eu rôl yn y model rheoli troseddwyr',
  },
  'om.appraisal': { text: 'Ydych chi wedi cael arfarniad yn ystod y 12 mis diwethaf?', finding: 'wedi cael arfarniad yn ystod y 12 mis diwethaf' },
  'om.appraisal-linked': {
    text: 'Os cawsoch arfarniad, a oedd yn gysylltiedig â Chynllun Busnes yr Ardal?',
    finding: 'yn cadarnhau ei fod yn gysylltiedig â Chynllun Busnes yr Ardal',
    group: 'a oedd wedi cael arfarniad',
  },
  'om.ethnic-monitoring': {
    text: 'Ydych chi’n cofio cwblhau holiadur monitro ethnigrwydd?',
    finding: 'yn cofio cwblhau holiadur monitro ethnigrwydd',
  },
};
