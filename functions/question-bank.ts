import { CURRENT_BANK_VERSION, getBank } from '../shared/bank';
import { NotFound } from '../shared/http/errors';
import { httpHandler, json } from '../shared/http/handler';

export const handler = httpHandler('GET /question-bank', async ({ query }) => {
  const version = query.version ?? CURRENT_BANK_VERSION;
  const bank = getBank(version);
  if (!bank) throw new NotFound(`No question bank has version ${version}.`);
  return json(200, bank);
});
