/**
 * The workbench's improvement plan (issue 29): followed, recorded, exported and published
 * through the same use cases as the JSON routes.
 */
import * as z from 'zod/mini';
import { Conflict, InvalidInput, PreconditionFailed } from '#core/errors';
import { requireInspection } from '#domain/inspections';
import { improvementPlanCsv, improvementPlanForPage, publishPlanAnnex, replaceImprovementPlan } from '#domain/improvement-plan';
import { download, html, httpHandler, issuesToProblems, type RouteHandler } from '#http/handler';
import { pageOptions, seeOther } from '#http/pages';
import { csrfToken, type Session } from '#http/session';
import { workbenchPlanRoutes } from '#route-table/workbench-plan';
import { ImprovementPlanInput } from '#schemas/improvement-plan';
import { fieldOfPlanProblem, planFormValues, planFromForm, planPage, planUrls, type PlanFormValues } from '#web/workbench/plan-pages';

async function planReply(
  id: string,
  session: Session,
  status: number,
  extra: {
    values?: PlanFormValues;
    errors?: { field: string; message: string }[];
    stale?: boolean;
    saved?: boolean;
    published?: boolean;
    etag?: string;
  } = {},
) {
  const inspection = await requireInspection(id);
  const { followed, recommendations } = await improvementPlanForPage(inspection.inspectionId);
  const plan = followed?.plan ?? null;
  return html(
    status,
    planPage({
      session,
      csrf: csrfToken(session),
      inspection,
      plan,
      etag: extra.etag ?? followed?.etag ?? '',
      recommendations,
      values: extra.values ?? (plan ? planFormValues(plan) : {}),
      ...(extra.errors ? { errors: extra.errors } : {}),
      stale: extra.stale ?? false,
      saved: extra.saved ?? false,
      published: extra.published ?? false,
    }),
  );
}

const show: RouteHandler<'GET /workbench/inspections/{id}/improvement-plan'> = async ({ params, query, session }) =>
  planReply(params.id, session!, 200, { saved: query.saved === '1', published: query.published === '1' });

const save: RouteHandler<'POST /workbench/inspections/{id}/improvement-plan'> = async ({ params, body, session }) => {
  const etag = body.get('etag') ?? '';
  const { candidate, values, problems } = planFromForm(body);
  const parsed = z.safeParse(ImprovementPlanInput, candidate);
  const again = (status: number, extra: { errors?: { field: string; message: string }[]; stale?: boolean }) =>
    planReply(params.id, session!, status, { values, etag, ...extra });
  if (problems.length || !parsed.success) {
    const schema = parsed.success
      ? []
      : issuesToProblems(parsed.error.issues, []).map((p) => ({ field: fieldOfPlanProblem(p.path), message: p.message }));
    return again(400, { errors: [...problems, ...schema] });
  }
  try {
    await replaceImprovementPlan(params.id, parsed.data, etag, session!);
  } catch (error) {
    if (error instanceof PreconditionFailed) return again(409, { stale: true });
    if (error instanceof InvalidInput || (error instanceof Conflict && error.errors.length)) {
      return again(error instanceof Conflict ? 409 : 400, {
        errors: error.errors.map((p) => ({ field: fieldOfPlanProblem(p.path), message: p.message })),
      });
    }
    throw error;
  }
  return seeOther(`${planUrls.page(params.id)}?saved=1`);
};

const csv: RouteHandler<'GET /workbench/inspections/{id}/improvement-plan.csv'> = async ({ params }) => {
  const { csv: body, filename } = await improvementPlanCsv(params.id);
  return download(body, filename);
};

const publish: RouteHandler<'POST /workbench/inspections/{id}/improvement-plan/annex'> = async ({ params, session }) => {
  const { followed } = await improvementPlanForPage(params.id);
  if (!followed) throw new Conflict('There is no final release to publish the plan with.');
  await publishPlanAnnex(params.id, followed.plan.releaseId, session!);
  return seeOther(`${planUrls.page(params.id)}?published=1`);
};

export const handler = httpHandler(
  workbenchPlanRoutes,
  {
    'GET /workbench/inspections/{id}/improvement-plan': show,
    'POST /workbench/inspections/{id}/improvement-plan': save,
    'GET /workbench/inspections/{id}/improvement-plan.csv': csv,
    'POST /workbench/inspections/{id}/improvement-plan/annex': publish,
  },
  pageOptions,
);
