/**
 * The inspection's task list on its dashboard (issue 27): GOV.UK's task list component, one list
 * a stage, each task linked to its page with its status and what the status rests on. A task
 * that cannot start yet has no link and says why. Pure: the stages come from domain/tasks.ts.
 */
import type { Stage, TaskPage, TaskStatus } from '#domain/tasks';
import { esc } from '#web/common/layout';
import { pageUrls } from './frame';

const enc = encodeURIComponent;
// Each a function of pageUrls, read when called: frame.ts imports this module too.
const PAGES: Record<TaskPage, (id: string) => string> = {
  area: (id) => `/workbench/inspections/${enc(id)}/area`,
  invitations: (id) => pageUrls.invitations(id),
  cases: (id) => pageUrls.cases(id),
  interviews: (id) => `/workbench/inspections/${enc(id)}/interviews`,
  secondMarking: (id) => `/workbench/inspections/${enc(id)}/second-marking`,
  moderation: (id) => pageUrls.moderation(id),
  grades: (id) => pageUrls.grades(id),
  writeUp: (id) => pageUrls.writeUp(id),
  releases: (id) => pageUrls.releases(id),
};

const STATUS: Record<TaskStatus, string> = {
  completed: 'Completed',
  'in-progress': '<strong class="govuk-tag govuk-tag--light-blue">In progress</strong>',
  'not-started': '<strong class="govuk-tag govuk-tag--blue">Not started</strong>',
  'cannot-start': 'Cannot start yet',
};

/** `canOpen`: whether the viewer may open a page (the invitations page is the admin's). */
export function taskListHtml(inspectionId: string, stages: readonly Stage[], canOpen: (page: TaskPage) => boolean): string {
  return stages
    .map((stage, n) => {
      const items = stage.tasks
        .map((task) => {
          const statusId = `task-${task.id}-status`;
          const hintId = `task-${task.id}-hint`;
          const linked = task.page && task.status !== 'cannot-start' && canOpen(task.page);
          const name = linked
            ? `<a class="govuk-link govuk-task-list__link" href="${esc(PAGES[task.page!](inspectionId))}" aria-describedby="${hintId} ${statusId}">${esc(task.name)}</a>`
            : `<div>${esc(task.name)}</div>`;
          return `    <li class="govuk-task-list__item${linked ? ' govuk-task-list__item--with-link' : ''}">
      <div class="govuk-task-list__name-and-hint">
        ${name}
        <div id="${hintId}" class="govuk-task-list__hint">${esc(task.hint)}</div>
      </div>
      <div class="govuk-task-list__status${task.status === 'cannot-start' ? ' govuk-task-list__status--cannot-start-yet' : ''}" id="${statusId}">${STATUS[task.status]}</div>
    </li>`;
        })
        .join('\n');
      return `<h2 class="govuk-heading-m" id="stage-${stage.id}">${n + 1}. ${esc(stage.title)}</h2>
<ul class="govuk-task-list">
${items}
</ul>`;
    })
    .join('\n');
}
