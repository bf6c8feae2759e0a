/** Bundled alone by bench/run.ts (cold) and test/infra/texts-bundle.test.ts: the texts' readers as a function's bundle has them. */
export { bankTextsCy, getBank } from '#bank/index';
export { interviewSetCyFor, interviewSetFor } from '#bank/interviews';
export { getQuestionnaire, getQuestionnaireVersion, summaryPhrasesCyFor, summaryPhrasesFor } from '#questionnaires/index';
export { fixedAppendicesFor } from '#bank/appendices';
