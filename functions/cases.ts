import { mapLimit } from '../shared/concurrency';
import { parseCasesCsv, casesTemplate } from '../shared/cases/csv';
import { caseProblems } from '../shared/cases/validate';
import { bankOf } from '../shared/domain/bank-of';
import { requireInspection } from '../shared/domain/inspections';
import { InvalidInput, NotFound } from '../shared/http/errors';
import { httpHandler, json } from '../shared/http/handler';
import type { CaseInput } from '../shared/schemas/case';
import { CaseRef } from '../shared/schemas/inspection';
import { getCase, listCases, putCase } from '../shared/store/cases';
import { markStale } from '../shared/store/inspections';
import * as z from 'zod/mini';

function checkCaseRef(caseRef: string): string {
  const parsed = z.safeParse(CaseRef, caseRef);
  if (!parsed.success) throw new InvalidInput(parsed.error.issues.map((i) => ({ path: 'caseRef', message: i.message })));
  return parsed.data;
}

export const handler = httpHandler(
  [
    'PUT /inspections/{id}/cases/{caseRef}',
    'GET /inspections/{id}/cases/{caseRef}',
    'GET /inspections/{id}/cases',
    'POST /inspections/{id}/cases',
    'GET /inspections/{id}/cases-template.csv',
  ],
  async ({ route, body, rawBody, params, query, user }) => {
    const inspection = await requireInspection(params.id!);
    const bank = bankOf(inspection);
    const id = inspection.inspectionId;

    switch (`${route.method} ${route.path}`) {
      case 'PUT /inspections/{id}/cases/{caseRef}': {
        const caseRef = checkCaseRef(params.caseRef!);
        const input = body as CaseInput;
        const problems = caseProblems(bank, input);
        if (problems.length) throw new InvalidInput(problems);
        const outcome = await putCase(bank, id, caseRef, input, user!.sub);
        await markStale(id);
        return json(outcome === 'created' ? 201 : 200, { inspectionId: id, caseRef, outcome });
      }
      case 'GET /inspections/{id}/cases/{caseRef}': {
        const found = await getCase(bank, id, checkCaseRef(params.caseRef!));
        if (!found) throw new NotFound(`No case ${params.caseRef} in inspection ${id}.`);
        return json(200, { ...found.current, earlierVersions: found.earlier });
      }
      case 'GET /inspections/{id}/cases':
        return json(200, await listCases(bank, id, query.cursor));
      case 'POST /inspections/{id}/cases': {
        const { cases, problems, problemCount } = parseCasesCsv(bank, rawBody);
        if (problems.length) throw new InvalidInput(problems, `The upload has ${problemCount} ${problemCount === 1 ? 'problem' : 'problems'}.`);
        const outcomes = await mapLimit(cases, 16, (c) => putCase(bank, id, c.caseRef, c.input, user!.sub));
        await markStale(id);
        return json(200, {
          imported: cases.length,
          created: outcomes.filter((o) => o === 'created').length,
          replaced: outcomes.filter((o) => o === 'replaced').length,
        });
      }
      default:
        return {
          status: 200,
          body: casesTemplate(bank),
          contentType: 'text/csv; charset=utf-8',
          headers: { 'content-disposition': `attachment; filename="${id}-cases-template.csv"` },
        };
    }
  },
);
