import { alreadySent, findInvitation, requireOpen, sendResponse } from '../shared/domain/invitations';
import { Conflict, InvalidInput } from '../shared/http/errors';
import { httpHandler, json } from '../shared/http/handler';
import { validateAnswers } from '../shared/questionnaires/validate';

const ALREADY_SENT = 'This questionnaire has already been sent. Each link can be used once.';

export const handler = httpHandler(
  ['GET /questionnaires/{token}', 'POST /questionnaires/{token}/responses'],
  async ({ route, body, params }) => {
    const found = requireOpen(await findInvitation(params.token ?? '', { readSlot: route.method === 'GET' }));
    if (route.method === 'GET') return json(200, found.definition);

    const checked = validateAnswers(found.definition, (body as { answers: unknown }).answers);
    if (!checked.ok) {
      // A used link answers 409 whatever is sent; only on this error path is it worth the read.
      if (await alreadySent(found)) throw new Conflict(ALREADY_SENT);
      throw new InvalidInput(checked.errors);
    }
    const { outcome, submittedAt } = await sendResponse(found, checked.answers);
    if (outcome === 'duplicate') throw new Conflict(ALREADY_SENT);
    return json(201, { status: 'received', questionnaireVersion: found.definition.version, submittedAt });
  },
);
