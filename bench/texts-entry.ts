/** Bundled alone by bench/run.ts (cold) and test/infra/texts-bundle.test.ts: the texts' readers as a function's bundle has them. */
export { getBank } from '../shared/bank';
export { interviewSetFor } from '../shared/bank/interviews';
export { fixedAppendicesFor } from '../shared/bank/appendices';
export { getQuestionnaire, getQuestionnaireVersion, summaryPhrasesFor } from '../shared/questionnaires/index';
