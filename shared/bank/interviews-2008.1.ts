import type { InterviewQuestionSet } from '#schemas/evidence';

/**
 * The offender-manager interview "interviews-2008.1", derived from the findings of section 4
 * of HM Inspectorate of Probation's report on Kent Probation Area (February 2008): "We
 * interviewed 87 individual offender managers, 70% of whom felt well informed about policies
 * and procedures in their area" (4.2 b), "67% ... said that managers demonstrated a
 * professional management approach, and 65% felt they modelled positive leadership
 * behaviour" (4.3 d), "(91%) were clear about their role" (4.5 a), "(81%) had had an
 * appraisal ... (92%) confirmed that it was linked to the Area Business Plan" (4.5 d) and
 * "(53%) recalled having completed an ethnic monitoring questionnaire" (4.6 d).
 *
 * `finding` ends the summary's sentence in the report's words. The appraisal's link to the
 * business plan is asked only of those who had one (the others answer na), so its percentage
 * is "of those", as the report gives it, and its sentence names that `group`. Frozen once published: add a new version instead.
 * Functions read it from shared/texts/bank/omi-2008.1.interviews.json (`npm run texts`).
 */
export const interviews2008_1: InterviewQuestionSet = {
  version: 'interviews-2008.1',
  questions: [
    {
      id: 'om.informed',
      text: 'Do you feel well informed about policies and procedures in the area?',
      finding: 'felt well informed about policies and procedures in their area',
    },
    {
      id: 'om.professional',
      text: 'Do managers demonstrate a professional management approach?',
      finding: 'said that managers demonstrated a professional management approach',
    },
    {
      id: 'om.leadership',
      text: 'Do managers model positive leadership behaviour?',
      finding: 'felt that managers modelled positive leadership behaviour',
    },
    {
      id: 'om.role',
      text: 'Are you clear about your role within the offender management model?',
      finding: 'were clear about their role within the offender management model',
    },
    { id: 'om.appraisal', text: 'Have you had an appraisal within the last 12 months?', finding: 'had had an appraisal within the last 12 months' },
    {
      id: 'om.appraisal-linked',
      text: 'If you had an appraisal, was it linked to the Area Business Plan?',
      finding: 'confirmed that it was linked to the Area Business Plan',
      group: 'offender managers who had had an appraisal',
    },
    {
      id: 'om.ethnic-monitoring',
      text: 'Do you recall completing an ethnic monitoring questionnaire?',
      finding: 'recalled having completed an ethnic monitoring questionnaire',
    },
  ],
};
