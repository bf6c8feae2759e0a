/** The admin's page of who is signed in (issue 25): one row a session, one button a person. */
import { roleAsPerson } from '#core/roles';
import { esc } from '#web/common/layout';
import { csrfField, dateTime, table, workbenchFrame, type Viewer } from './frame';

/** The count of sessions is short; right-aligning it beside text columns reads worse. */
const NO_NUMERIC_COLUMNS = 99;

export const sessionsPageUrl = '/workbench/sessions';
export const endSessionsUrl = '/workbench/sessions/end';

export interface SignedInPerson {
  sub: string;
  displayName: string;
  roles: readonly string[];
  createdAt: string;
  expiresAt: string;
}

export function sessionsPage(viewer: Viewer, csrf: string, sessions: readonly SignedInPerson[], ended?: number): string {
  // Somebody whose provider gave neither a name nor an email is shown by role, never by account id.
  const nameOf = (p: SignedInPerson) => p.displayName || roleAsPerson(p.roles);
  const people = new Map<string, SignedInPerson[]>();
  for (const s of sessions) people.set(s.sub, [...(people.get(s.sub) ?? []), s]);
  const rows = [...people.values()]
    .sort((a, b) => nameOf(a[0]!).localeCompare(nameOf(b[0]!)))
    .map((own) => {
      const who = own[0]!;
      const latest = own.reduce((a, b) => (a.createdAt > b.createdAt ? a : b));
      return [
        esc(nameOf(who)),
        esc(who.roles.join(', ') || 'no role'),
        String(own.length),
        esc(dateTime(latest.createdAt)),
        `<form method="post" action="${endSessionsUrl}" novalidate>${csrfField(csrf)}<input type="hidden" name="sub" value="${esc(who.sub)}">` +
          `<button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">End sessions<span class="govuk-visually-hidden"> of ${esc(nameOf(who))}</span></button></form>`,
      ];
    });
  const banner =
    ended === undefined
      ? ''
      : `<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="sessions-ended-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="sessions-ended-title">Success</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${ended === 1 ? '1 session ended' : `${ended} sessions ended`}. Their next page asks them to sign in again.</p></div>
</div>`;
  return workbenchFrame({
    session: viewer,
    csrf,
    title: 'Who is signed in',
    backHref: '/',
    content: `${banner}<h1 class="govuk-heading-l">Who is signed in</h1>
<p class="govuk-body">Ending a person's sessions signs them out everywhere at once. To keep them out, also disable them or take them out of their group at the identity provider.</p>
${rows.length ? table('Signed in now', ['Name', 'Roles', 'Sessions', 'Latest sign-in', 'Action'], rows, NO_NUMERIC_COLUMNS) : '<p class="govuk-body">Nobody is signed in.</p>'}`,
  });
}
