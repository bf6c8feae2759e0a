/**
 * The translator's glossary: one Welsh word per probation term, as the Welsh of the bank's
 * questions (./omi-2008.1.cy.ts), the interview set (./interviews-2008.1.cy.ts), the service
 * users' sentences (../questionnaires/phrases-cy.ts) and the report's fixed text
 * (shared/web/report/text-cy.ts) use it. test/unit/welsh-texts.test.ts holds the bank's Welsh and
 * the sentences' Welsh to it: a question whose English has the term has its Welsh (under any
 * initial mutation, "dedfryd" / "ddedfryd"). `stem` is what every form shares where the
 * plural changes the word ("dioddefwr" / "dioddefwyr").
 */
export interface GlossaryEntry {
  en: string;
  cy: string;
  stem?: string;
}

export const GLOSSARY_CY: readonly GlossaryEntry[] = [
  { en: 'Risk of Harm', cy: 'Risg o Niwed' },
  { en: 'likelihood of reoffending', cy: 'tebygolrwydd o aildroseddu' },
  { en: 'offender manager', cy: 'rheolwr troseddwyr', stem: 'rheolwr troseddwyr' },
  { en: 'offender', cy: 'troseddwr', stem: 'troseddw' },
  { en: 'victim', cy: 'dioddefwr', stem: 'dioddefw' },
  { en: 'sentence plan', cy: 'cynllun dedfryd' },
  { en: 'sentence', cy: 'dedfryd' },
  { en: 'court report', cy: 'adroddiad llys' },
  { en: 'risk management plan', cy: 'cynllun rheoli risg' },
  { en: 'national standards', cy: 'safonau cenedlaethol' },
  { en: 'victim liaison officer', cy: 'swyddog cyswllt dioddefwyr' },
  { en: 'unpaid work', cy: 'gwaith di-dâl' },
  { en: 'approved premises', cy: 'eiddo cymeradwy' },
  { en: 'prolific and other priority offender', cy: 'troseddwr mynych a throseddwr blaenoriaeth arall' },
  { en: 'skills for life', cy: 'sgiliau bywyd' },
  { en: 'intervention', cy: 'ymyriad', stem: 'ymyriad' },
  { en: 'diversity', cy: 'amrywiaeth' },
  { en: 'custody', cy: 'dalfa' },
  { en: 'licence', cy: 'trwydded' },
  { en: 'safeguarding', cy: 'diogelu' },
  { en: 'criminogenic', cy: 'troseddogenig' },
  { en: 'home visit', cy: 'ymweliad cartref', stem: 'ymweliad' },
  // Recall to custody (not "recall" as remembering, which is "cofio").
  { en: 'recall was', cy: 'adalw' },
  { en: 'was recalled', cy: 'adalw' },
  { en: 'screening', cy: 'sgrinio' },
  { en: 'assessment', cy: 'asesiad', stem: 'asesiad' },
  { en: 'supervision', cy: 'goruchwylio' },
  { en: 'induction', cy: 'cyfnod sefydlu' },
  { en: 'accredited programme', cy: 'rhaglen achrededig' },
  { en: 'appraisal', cy: 'arfarniad' },
  { en: 'sentencer', cy: 'dedfrydwr', stem: 'dedfrydw' },
];
