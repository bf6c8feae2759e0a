/**
 * The Welsh words of the service users' summary sentences, for each audience's current
 * questionnaire (the English are each question's `finding` and `askedOf`, see
 * summaryPhrasesOf): the noun in its radical and soft-mutated forms, and per closed question a
 * predicate that follows "Roedd <pwy>" (shared/summaries/sentences-cy.ts builds the
 * sentences). Written to shared/texts/questionnaires/<version>.phrases.cy.json by
 * `npm run texts`; test/unit/sentences-cy.test.ts fails when a question with an English
 * finding has no Welsh one. A first translation, for the translator to review.
 */
import type { SummaryPhrasesCy } from '#summaries/sentences-cy';
import type { Audience } from '#schemas/questionnaire';

export const summaryPhrasesCyByAudience: Readonly<Record<Audience, SummaryPhrasesCy>> = {
  offender: {
    audience: 'offender',
    noun: { singular: 'troseddwr', plural: 'troseddwyr', singularSoft: 'droseddwr', pluralSoft: 'droseddwyr' },
    findings: {
      induction: 'wedi cael cyfnod sefydlu yn fuan ar ôl i’w dedfryd ddechrau',
      'rules-clear': 'yn glir ynghylch rheolau eu dedfryd a beth fyddai’n digwydd pe baent yn eu torri',
      'sentence-plan-seen': 'wedi gweld eu cynllun dedfryd',
      'sentence-plan-involved': 'wedi helpu i osod y nodau yn eu cynllun dedfryd',
      'regular-contact': 'yn gweld eu rheolwr troseddwyr yn rheolaidd',
      'custody-contact': 'wedi cael cyswllt â’u rheolwr troseddwyr tra oeddent yn y ddalfa',
      'unpaid-work': 'yn gallu gweld budd eu gwaith di-dâl i’r gymuned leol',
      'unpaid-work-matched': 'yn teimlo bod eu sgiliau wedi’u paru â’u gwaith di-dâl',
      programme: 'yn teimlo bod y rhaglen wedi’u helpu i feddwl am eu hymddygiad',
      'programme-wait': 'wedi dechrau eu rhaglen o fewn tri mis',
      'skills-screening': 'yn cofio sgrinio sgiliau sylfaenol',
      'diversity-needs': 'yn teimlo bod eu hanghenion unigol wedi’u hystyried',
      'help-received': 'wedi cael help gyda thai, gwaith neu hyfforddiant, mentor neu anghenion eraill',
      supported: 'yn teimlo eu bod yn cael eu cefnogi',
    },
  },
  victim: {
    audience: 'victim',
    noun: { singular: 'dioddefwr', plural: 'dioddefwyr', singularSoft: 'ddioddefwr', pluralSoft: 'ddioddefwyr' },
    findings: {
      'agreed-contact': 'wedi cytuno i gael cyswllt â staff cyswllt dioddefwyr',
      'contact-prompt': 'wedi cael cyswllt yn brydlon ar ôl y ddedfryd',
      'role-explained': 'yn glir ynghylch rôl y swyddog cyswllt dioddefwyr',
      'needs-considered': 'yn teimlo bod y gwasanaethau a gawsant yn ystyried eu hanghenion unigol',
      'offender-information': 'yn teimlo eu bod wedi cael digon o wybodaeth am y troseddwr',
      'regular-updates': 'yn deall y byddent yn cael diweddariadau rheolaidd ar sut roedd y ddedfryd yn mynd rhagddi',
      'influence-licence': 'yn teimlo eu bod yn gallu dylanwadu ar amodau’r drwydded',
      'breach-know': 'yn gwybod beth i’w wneud pe bai’r troseddwr yn torri un o amodau’r drwydded',
      safety: 'yn teimlo bod sylw da wedi’i roi i’w diogelwch',
      satisfaction: 'yn fodlon ar y gwasanaethau a ddarparwyd',
      'mappa-aware': 'yn ymwybodol o MAPPA',
      'first-time-asked': 'yn dweud mai dyma’r tro cyntaf y gofynnwyd am eu barn ar y gwasanaeth cyswllt dioddefwyr',
    },
    askedOf: { 'agreed-contact': 'wedi cytuno i gael cyswllt' },
  },
  sentencer: {
    audience: 'sentencer',
    noun: { singular: 'dedfrydwr', plural: 'dedfrydwyr', singularSoft: 'ddedfrydwr', pluralSoft: 'ddedfrydwyr' },
    findings: {
      'sdr-quality': 'yn fodlon ar ansawdd adroddiadau safonol (SDR)',
      'fdr-quality': 'yn fodlon ar ansawdd adroddiadau cyflym (FDR)',
      'sdr-timeliness': 'yn fodlon ar amseroldeb adroddiadau safonol (SDR)',
      'fdr-timeliness': 'yn fodlon ar amseroldeb adroddiadau cyflym (FDR)',
      'report-type-clear': 'bob amser yn glir pa fath o adroddiad i’w orchymyn',
      'breach-effective': 'yn teimlo bod y trefniadau i ddatrys achosion o dorri dedfrydau yn gweithio’n effeithiol',
      'liaison-effective': 'yn teimlo bod y trefniadau cyswllt rhwng yr ardal prawf a’r llysoedd yn effeithiol',
      'policy-information': 'yn cael gwybodaeth am bolisi ac arfer prawf cyfredol',
      'lcjb-engagement': 'yn credu bod yr ardal yn ymgysylltu’n effeithiol â’r Bwrdd Cyfiawnder Troseddol Lleol (LCJB)',
      'court-staffing': 'yn teimlo bod digon o staff prawf yn eu llys',
      'court-staff-skills': 'yn fodlon ar sgiliau a gwybodaeth staff y llys',
      'proposal-monitoring': 'yn ymwybodol o unrhyw fonitro ar gynigion adroddiadau yn erbyn canlyniadau',
      'manager-leadership': 'yn canmol yr arweinyddiaeth broffesiynol a ddangoswyd gan reolwyr yn yr ardal',
    },
  },
};
