import { CURRENT_BANK_VERSION, getBank } from '#bank/index';
import { interviewSetFor } from '#bank/interviews';
import { NotFound } from '#core/errors';
import { httpHandler, json, type RouteHandler } from '#http/handler';
import { questionBankRoutes } from '#route-table/question-bank';

const questionBank: RouteHandler<'GET /question-bank'> = async ({ query }) => {
  const version = query.version ?? CURRENT_BANK_VERSION;
  const bank = getBank(version);
  if (!bank) throw new NotFound(`No question bank has version ${version}.`);
  const interviewQuestions = interviewSetFor(bank.version);
  return json(200, interviewQuestions ? { ...bank, interviewQuestions } : bank);
};

export const handler = httpHandler(questionBankRoutes, { 'GET /question-bank': questionBank });
