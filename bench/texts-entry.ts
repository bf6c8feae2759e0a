/** Bundled alone by bench/run.ts (cold) and test/infra/texts-bundle.test.ts: the texts' readers as a function's bundle has them. */
export { bankTextsCy, getBank } from '../shared/bank';
export { interviewSetCyFor, interviewSetFor } from '../shared/bank/interviews';
export { getQuestionnaire, getQuestionnaireVersion, summaryPhrasesCyFor, summaryPhrasesFor } from '../shared/questionnaires/index';
export { fixedAppendicesFor } from '../shared/bank/appendices';
