/**
 * The report's replies, shared by the live report (functions/report.ts) and releases
 * (functions/releases.ts): a person reads the HTML routes, so a problem is a GOV.UK page,
 * never problem+json; a frozen file goes out exactly as it was stored.
 */
import { DomainError, Gone, NotFound } from '#core/errors';
import { log, safeErrorFields } from '#core/log';
import type { RenderReport } from '#domain/releases';
import { ReportLinkWithdrawn } from '#domain/report-links';
import type { PublishedSummary as Summary } from '#schemas/summary';
import type { WriteUp } from '#schemas/write-up';
import { reportPage, reportProblemPage, type ReportDownloads } from '#web/report/report';
import { html, type HttpReply } from './handler';

/** Who the live report is for and in which language: signed-in staff get the draft with everything; a report link what is published. */
export interface ReportView {
  lang?: 'en' | 'cy';
  audience?: 'staff' | 'published';
  /** A report link to the live draft: marked "Draft, not published". */
  draft?: boolean;
}

/** Renders a report (or serves a frozen one), or the GOV.UK page for whatever stopped it. */
export async function reportHtml(
  correlationId: string,
  build: () => Promise<{ summary: Summary; downloads: ReportDownloads; writeUp?: WriteUp; draft?: boolean } | string>,
  view: ReportView = {},
): Promise<HttpReply> {
  const lang = view.lang ?? 'en';
  try {
    const built = await build();
    const page =
      typeof built === 'string'
        ? built
        : reportPage(built.summary, {
            downloads: built.downloads,
            writeUp: built.writeUp,
            lang,
            audience: view.audience ?? 'staff',
            draft: !!(built.draft ?? view.draft),
          });
    return html(200, page, { 'x-robots-tag': 'noindex, nofollow' });
  } catch (error) {
    if (error instanceof NotFound) return html(404, reportProblemPage('not-found', lang));
    if (error instanceof ReportLinkWithdrawn) return html(410, reportProblemPage('withdrawn', lang));
    if (error instanceof Gone) return html(410, reportProblemPage('expired', lang));
    if (error instanceof DomainError) return html(error.status, reportProblemPage('problem', lang));
    log('error', 'report page failed', { correlationId, ...safeErrorFields(error) });
    return html(500, reportProblemPage('problem', lang));
  }
}

/** What a release prints: the published report (no staff-only material), dated by the release. */
export const renderRelease: RenderReport = (summary, { writeUp, lang, release, downloads }) =>
  reportPage(summary, { downloads, writeUp, lang, audience: 'published', release });

/** A frozen summary: its bytes as stored, never parsed and serialised again. */
export const frozenJson = (body: string): HttpReply => ({ status: 200, body, contentType: 'application/json; charset=utf-8' });
