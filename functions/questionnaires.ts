import { findInvitation, requireOpen, sendResponse } from '../shared/domain/invitations';
import { Conflict, InvalidInput } from '../shared/http/errors';
import { httpHandler, json } from '../shared/http/handler';
import { validateAnswers } from '../shared/questionnaires/validate';

export const handler = httpHandler(
  ['GET /questionnaires/{token}', 'POST /questionnaires/{token}/responses'],
  async ({ route, body, params }) => {
    const found = requireOpen(await findInvitation(params.token ?? '', { readSlot: route.method === 'GET' }));
    if (route.method === 'GET') return json(200, found.definition);

    const checked = validateAnswers(found.definition, (body as { answers: unknown }).answers);
    if (!checked.ok) throw new InvalidInput(checked.errors);
    const { outcome, submittedAt } = await sendResponse(found, checked.answers);
    if (outcome === 'duplicate') throw new Conflict('This questionnaire has already been sent. Each link can be used once.');
    return json(201, { status: 'received', questionnaireVersion: found.definition.version, submittedAt });
  },
);
