import type { BankStructure } from '#schemas/bank';
import { omi2008_1Criteria } from './omi-2008.1.criteria';

/**
 * Bank omi-2008.1 without its question texts (./omi-2008.1.ts adds them): the criteria, each
 * question's id, criterion and flags. Functions read it from
 * shared/texts/bank/omi-2008.1.questions.json (written from here by `npm run texts`; see
 * ./structure.ts), so code that never shows a question (checking ids, scoring) gets no texts.
 * See ./omi-2008.1.ts for what the questions are; frozen once published, like the texts.
 */
export const omi2008_1Structure: BankStructure = {
  version: 'omi-2008.1',
  criteria: omi2008_1Criteria,
  questions: [
    // 1.1 Preparing for sentence: the community and custody sample only (no court report was assessed for licence cases).
    { id: '1.1.1', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.2', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.3', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.4', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.5', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.6', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.7', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.8', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.9', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.10', criterion: '1.1', summary: false, roh: false, appliesTo: ['community', 'custody'] },
    { id: '1.1.11', criterion: '1.1', summary: false, roh: true, appliesTo: ['community', 'custody'] },
    { id: '1.1.12', criterion: '1.1', summary: true, roh: false, appliesTo: ['community', 'custody'] },

    // 1.2 Assessment of Risk of Harm: all Risk of Harm.
    { id: '1.2.1', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.2', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.3', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.4', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.5', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.6', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.7', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.8', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.9', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.10', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.11', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.12', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.13', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.14', criterion: '1.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.2.15', criterion: '1.2', summary: true, roh: true, appliesTo: ['community', 'licence', 'custody'] },

    // 1.3 Assessment of likelihood of reoffending.
    { id: '1.3.1', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.3.2', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.3.3', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.3.4', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.3.5', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.3.6', criterion: '1.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.3.7', criterion: '1.3', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 1.4 Assessment of offender engagement.
    { id: '1.4.1', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.4.2', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.4.3', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.4.4', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.4.5', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.4.6', criterion: '1.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.4.7', criterion: '1.4', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 1.5 Sentence planning.
    { id: '1.5.1', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.2', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.3', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.4', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.5', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.6', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.7', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.8', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.9', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.10', criterion: '1.5', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.11', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.12', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.13', criterion: '1.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '1.5.14', criterion: '1.5', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 2.1 Delivering the sentence plan.
    { id: '2.1.1', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.2', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.3', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.4', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.5', criterion: '2.1', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.6', criterion: '2.1', summary: false, roh: false, appliesTo: ['licence'] },
    { id: '2.1.7', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.8', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.9', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.10', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.11', criterion: '2.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.1.12', criterion: '2.1', summary: false, roh: false, appliesTo: ['licence', 'custody'] },
    { id: '2.1.13', criterion: '2.1', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 2.2 Protecting the public by minimising Risk of Harm: Risk of Harm, except explaining a recall.
    { id: '2.2.1', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.2.2', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence'] },
    { id: '2.2.3', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.2.4', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.2.5', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.2.6', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.2.7', criterion: '2.2', summary: false, roh: true, appliesTo: ['custody'] },
    { id: '2.2.8', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence'] },
    { id: '2.2.9', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence'] },
    { id: '2.2.10', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.2.11', criterion: '2.2', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.2.12', criterion: '2.2', summary: false, roh: true, appliesTo: ['licence'] },
    { id: '2.2.13', criterion: '2.2', summary: false, roh: false, appliesTo: ['licence'] },
    { id: '2.2.14', criterion: '2.2', summary: true, roh: true, appliesTo: ['community', 'licence', 'custody'] },

    // 2.3 Victims: victim safety is Risk of Harm; the victim contact scheme concerns custodial sentences.
    { id: '2.3.1', criterion: '2.3', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.3.2', criterion: '2.3', summary: false, roh: true, appliesTo: ['custody'] },
    { id: '2.3.3', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence', 'custody'] },
    { id: '2.3.4', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence', 'custody'] },
    { id: '2.3.5', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence', 'custody'] },
    { id: '2.3.6', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence', 'custody'] },
    { id: '2.3.7', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence'] },
    { id: '2.3.8', criterion: '2.3', summary: false, roh: false, appliesTo: ['licence'] },
    { id: '2.3.9', criterion: '2.3', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.3.10', criterion: '2.3', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 2.4 Ensuring containment and promoting compliance (Punish).
    { id: '2.4.1', criterion: '2.4', summary: false, roh: false, appliesTo: ['custody'] },
    { id: '2.4.2', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'] },
    { id: '2.4.3', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'] },
    { id: '2.4.4', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'] },
    { id: '2.4.5', criterion: '2.4', summary: false, roh: false, appliesTo: ['community'] },
    { id: '2.4.6', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'] },
    { id: '2.4.7', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'] },
    { id: '2.4.8', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'] },
    { id: '2.4.9', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.4.10', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.4.11', criterion: '2.4', summary: false, roh: false, appliesTo: ['community'] },
    { id: '2.4.12', criterion: '2.4', summary: false, roh: false, appliesTo: ['licence', 'custody'] },
    { id: '2.4.13', criterion: '2.4', summary: false, roh: false, appliesTo: ['community', 'licence'] },
    { id: '2.4.14', criterion: '2.4', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 2.5 Constructive interventions (Help and Change).
    { id: '2.5.1', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.5.2', criterion: '2.5', summary: false, roh: false, appliesTo: ['custody'] },
    { id: '2.5.3', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.5.4', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.5.5', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence'] },
    { id: '2.5.6', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.5.7', criterion: '2.5', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.5.8', criterion: '2.5', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 2.6 Restrictive interventions (Control).
    { id: '2.6.1', criterion: '2.6', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.6.2', criterion: '2.6', summary: false, roh: true, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.6.3', criterion: '2.6', summary: false, roh: true, appliesTo: ['community', 'licence'] },
    { id: '2.6.4', criterion: '2.6', summary: false, roh: false, appliesTo: ['licence'] },
    { id: '2.6.5', criterion: '2.6', summary: false, roh: false, appliesTo: ['licence'] },
    { id: '2.6.6', criterion: '2.6', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 2.7 Diversity issues.
    { id: '2.7.1', criterion: '2.7', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.7.2', criterion: '2.7', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.7.3', criterion: '2.7', summary: false, roh: false, appliesTo: ['community', 'licence'] },
    { id: '2.7.4', criterion: '2.7', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '2.7.5', criterion: '2.7', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 3.1 Achievement of initial outcomes: outcomes are never counted in the Risk of Harm thread.
    { id: '3.1.1', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.2', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.3', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.4', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.5', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.6', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.7', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.8', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.9', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.10', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.11', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.12', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.13', criterion: '3.1', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.1.14', criterion: '3.1', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },

    // 3.2 Sustainability of progress.
    { id: '3.2.1', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.2.2', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.2.3', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.2.4', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.2.5', criterion: '3.2', summary: false, roh: false, appliesTo: ['community', 'licence', 'custody'] },
    { id: '3.2.6', criterion: '3.2', summary: true, roh: false, appliesTo: ['community', 'licence', 'custody'] },
  ],
};
