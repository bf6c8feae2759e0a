import type { Criterion } from '#schemas/bank';

/**
 * The criteria of bank omi-2008.1 (sections 1-3 scored from cases, section 4 graded), read
 * by functions from shared/texts/bank/omi-2008.1.criteria.json (written from here by
 * `npm run texts`; see ./criteria.ts), so one needing only the criteria reads no questions.
 */
export const omi2008_1Criteria: Criterion[] = [
  {
    id: '1.1',
    section: 1,
    title: 'Preparing for sentence',
    statement: 'Activity in the phase leading up to sentence is timely, purposeful and effective.',
  },
  {
    id: '1.2',
    section: 1,
    title: 'Assessment of risk of harm',
    statement:
      'Risk of Harm is comprehensively and accurately assessed using OASys in each case and additional specialist assessment tools where relevant.',
  },
  {
    id: '1.3',
    section: 1,
    title: 'Assessment of likelihood of reoffending',
    statement: 'Likelihood of reoffending is comprehensively and accurately assessed using OASys as applicable.',
  },
  {
    id: '1.4',
    section: 1,
    title: 'Assessment of offender engagement',
    statement: 'Potential obstacles or challenges to positive engagement are identified and plans made to minimise their possible impact.',
  },
  {
    id: '1.5',
    section: 1,
    title: 'Sentence planning',
    statement:
      'The offender manager plans interventions in custody and the community with a view to addressing criminogenic factors and managing any Risk of Harm to others. The initial sentence plan or unpaid work assessment is designed to describe a structured and coherent plan of work for each offender.',
  },
  {
    id: '2.1',
    section: 2,
    title: 'Delivering the sentence plan',
    statement: 'The offender manager facilitates the structured delivery of all relevant elements of the sentence.',
  },
  {
    id: '2.2',
    section: 2,
    title: 'Protecting the public by minimising risk of harm',
    statement: "All reasonable actions have been taken to protect the public by keeping to a minimum the offender's Risk of Harm to others.",
  },
  { id: '2.3', section: 2, title: 'Victims', statement: 'Consistent attention is given to issues concerning victims.' },
  {
    id: '2.4',
    section: 2,
    title: 'Ensuring containment and promoting compliance (Punish)',
    statement:
      'Contact with the offender and enforcement of the sentence is planned and implemented to meet the requirements of national standards and to encourage engagement with the sentence process.',
  },
  {
    id: '2.5',
    section: 2,
    title: 'Constructive interventions (Help and Change)',
    statement: 'Interventions are delivered to identified ends and to meet the requirements of the sentence: help and change.',
  },
  {
    id: '2.6',
    section: 2,
    title: 'Restrictive interventions (Control)',
    statement: 'Interventions are delivered to identified ends and to meet the requirements of the sentence: control.',
  },
  { id: '2.7', section: 2, title: 'Diversity issues', statement: 'Full and proper attention is paid to diversity issues.' },
  { id: '3.1', section: 3, title: 'Achievement of initial outcomes', statement: 'Planned objectives are efficiently achieved.' },
  {
    id: '3.2',
    section: 3,
    title: 'Sustainability of progress',
    statement: 'Results are capable of being sustained between different phases of a sentence and beyond the end of supervision.',
  },
  {
    id: '4.1',
    section: 4,
    title: 'Leadership and planning',
    statement:
      'There is active leadership in the implementation of national policies via local policies and procedures which are regularly monitored and reviewed, through proactive planning with other key agencies, and by promoting the diversity agenda.',
  },
  {
    id: '4.2',
    section: 4,
    title: 'Performance against national and regional targets',
    statement: 'Key performance targets are consistently met, with careful attention to diversity issues throughout.',
  },
  {
    id: '4.3',
    section: 4,
    title: 'Resource deployment',
    statement:
      'There is a strategic approach to deploying resources to deliver effective performance and support diversity initiatives and there are positive indications in relation to value for money.',
  },
  {
    id: '4.4',
    section: 4,
    title: 'Workforce planning and development',
    statement:
      'Workforce planning and development leads to a good match between staff profile and service delivery requirements. Relevant diversity legislation is observed in staff recruitment and deployment.',
  },
  { id: '4.5', section: 4, title: 'Review and evaluation', statement: 'Outcomes of interventions are assessed and reviewed using available data.' },
  {
    id: '4.6',
    section: 4,
    title: 'Commissioning of services',
    statement:
      'There is efficient provision of effective services to support offender management outcomes and to ensure equal access to provision for offenders.',
  },
];
