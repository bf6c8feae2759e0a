/**
 * The inspection as a task list (issue 27): each job of each stage with its status, worked out
 * from what is stored, so the dashboard says what is done, what is next and what blocks
 * publication. Pure: dashboard.ts's `taskListOf` reads what it takes; web/workbench/task-list.ts draws it.
 */
import type { Summary } from '#schemas/summary';
import type { WriteUp } from '#schemas/write-up';
import type { SampleEntry } from './dashboard';
import { untranslatedOf } from './welsh';

/** The sample the inspectorate aims at: the Kent report looked at 110 cases. */
export const USUAL_SAMPLE_CASES = 110;

export type TaskStatus = 'not-started' | 'in-progress' | 'completed' | 'cannot-start';

export type TaskPage = 'area' | 'invitations' | 'cases' | 'interviews' | 'secondMarking' | 'moderation' | 'grades' | 'writeUp' | 'releases';

export interface Task {
  id: string;
  name: string;
  /** The page that does the job; none while it cannot start. */
  page?: TaskPage;
  status: TaskStatus;
  /** What the status rests on, in a few words: "96 of 110 cases entered". */
  hint: string;
}

export interface Stage {
  id: 'set-up' | 'fieldwork' | 'moderation' | 'drafting' | 'factual-accuracy' | 'publication';
  title: string;
  tasks: Task[];
}

export interface TaskInput {
  /** A final release has closed the inspection (closing.ts says so). */
  closed: boolean;
  cases: readonly Pick<SampleEntry, 'caseType' | 'finished'>[];
  summary: Pick<Summary, 'serviceUsers' | 'sample' | 'criteria' | 'leadership' | 'moderation' | 'interviews' | 'performanceFigures'>;
  writeUp: WriteUp;
  releases: readonly { kind: string }[];
  /** Cases the moderators decided, of those flagged. */
  moderationDecided?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const progress = (done: number, of: number): TaskStatus => (done === 0 ? 'not-started' : done >= of ? 'completed' : 'in-progress');

/** A criterion of sections 1 to 3 with neither strengths nor areas for improvement written. */
export function unwrittenCriteria(writeUp: WriteUp, criteria: readonly { id: string }[]): string[] {
  return criteria
    .filter((c) => !c.id.startsWith('4.'))
    .filter((c) => {
      const written = writeUp.criteria[c.id];
      return !written || written.strengths.length + written.improvements.length === 0;
    })
    .map((c) => c.id);
}

export function tasksOf(input: TaskInput): Stage[] {
  const { summary, writeUp, releases } = input;
  const { closed } = input;
  const entered = input.cases.length;
  const unfinished = input.cases.filter((c) => !c.finished).length;
  const audiences = Object.values(summary.serviceUsers);
  // Only the audiences asked: "victims: 0 of 0 returned" says nothing a person needs.
  const asked = audiences.filter((a) => a.invited > 0);
  const invited = audiences.reduce((n, a) => n + a.invited, 0);
  const returned = audiences.reduce((n, a) => n + a.returned, 0);
  const interviewed = summary.interviews?.count ?? 0;
  const secondMarked = summary.moderation?.cases ?? 0;
  const flagged = summary.moderation?.flagged.length ?? 0;
  const decided = Math.min(input.moderationDecided ?? 0, flagged);
  const graded = summary.leadership.filter((l) => l.grade).length;
  const scored = summary.criteria.filter((c) => !c.id.startsWith('4.'));
  const concluded = scored.filter((c) => c.conclusion).length;
  const unwritten = unwrittenCriteria(writeUp, summary.criteria);
  const summariesWritten = writeUp.summary.length;
  const factualAccuracy = releases.filter((r) => r.kind === 'factual-accuracy').length;
  const figures = summary.performanceFigures?.length ?? 0;
  const welsh = untranslatedOf(writeUp, summary);
  const withoutWelsh = welsh.findings + welsh.other;

  const sampleHint = `${entered - unfinished} of the usual ${USUAL_SAMPLE_CASES} cases finished${unfinished ? `, ${unfinished} unfinished` : ''}`;
  const agreement =
    summary.moderation && summary.moderation.agreement !== null
      ? `, agreement ${Math.round(summary.moderation.agreement * 100)}%, kappa ${summary.moderation.kappa?.toFixed(2) ?? 'not measured'}`
      : '';
  const writeUpLeft = unwritten.length + (summariesWritten === 0 ? 1 : 0) + (writeUp.recommendations.length === 0 ? 1 : 0);

  return [
    {
      id: 'set-up',
      title: 'Set up',
      tasks: [
        {
          id: 'area',
          name: 'Caseload and performance figures',
          page: 'area',
          status: summary.sample.balance && figures > 0 ? 'completed' : summary.sample.balance || figures > 0 ? 'in-progress' : 'not-started',
          hint: `${summary.sample.balance ? `Caseload ${summary.sample.balance.caseload}` : 'No caseload yet'}; ${figures ? plural(figures, 'performance figure') : 'no performance figures'}`,
        },
        {
          id: 'invitations',
          name: 'Questionnaire invitations',
          page: 'invitations',
          status: invited === 0 ? 'not-started' : 'completed',
          hint: invited === 0 ? 'No one invited yet' : asked.map((a) => `${a.audience}s: ${a.invited} invited`).join(', '),
        },
      ],
    },
    {
      id: 'fieldwork',
      title: 'Fieldwork',
      tasks: [
        {
          id: 'cases',
          name: 'Cases',
          page: 'cases',
          status: unfinished && entered >= USUAL_SAMPLE_CASES ? 'in-progress' : progress(entered, USUAL_SAMPLE_CASES),
          hint: sampleHint,
        },
        {
          id: 'interviews',
          name: 'Offender manager interviews',
          page: 'interviews',
          status: entered === 0 ? 'cannot-start' : progress(interviewed, entered),
          hint: entered === 0 ? 'Enter the cases first' : `${interviewed} of ${plural(entered, 'case')} interviewed`,
        },
        {
          id: 'returns',
          name: 'Questionnaire returns',
          page: 'invitations',
          status: invited === 0 ? 'cannot-start' : returned === 0 ? 'not-started' : 'in-progress',
          hint: invited === 0 ? 'Invite people first' : asked.map((a) => `${a.audience}s: ${a.returned} of ${a.invited} returned`).join(', '),
        },
      ],
    },
    {
      id: 'moderation',
      title: 'Moderation',
      tasks: [
        {
          id: 'second-marking',
          name: 'Second marking',
          page: 'secondMarking',
          status: entered === 0 ? 'cannot-start' : secondMarked === 0 ? 'not-started' : 'in-progress',
          hint: entered === 0 ? 'Enter the cases first' : `${plural(secondMarked, 'case')} marked a second time${agreement}`,
        },
        {
          id: 'moderation',
          name: 'Second markings: the cases for a moderator',
          page: 'moderation',
          status:
            secondMarked === 0
              ? 'cannot-start'
              : flagged === 0
                ? 'completed'
                : decided >= flagged
                  ? 'completed'
                  : decided > 0
                    ? 'in-progress'
                    : 'not-started',
          hint:
            secondMarked === 0
              ? 'Mark some cases a second time first'
              : flagged === 0
                ? 'No case differs on an overall judgement'
                : `${decided} of ${plural(flagged, 'flagged case')} decided`,
        },
      ],
    },
    {
      id: 'drafting',
      title: 'Drafting',
      tasks: [
        {
          id: 'grades',
          name: 'Leadership grades and conclusions',
          page: 'grades',
          status: progress(graded + concluded, summary.leadership.length + scored.length),
          hint: `${graded} of ${summary.leadership.length} leadership criteria graded; ${concluded} of ${scored.length} conclusions`,
        },
        {
          id: 'write-up',
          name: 'The write-up: summaries, findings, recommendations',
          page: 'writeUp',
          status:
            writeUpLeft === 0
              ? 'completed'
              : summariesWritten + Object.keys(writeUp.criteria).length + writeUp.recommendations.length === 0
                ? 'not-started'
                : 'in-progress',
          hint:
            writeUpLeft === 0
              ? 'Every part written'
              : `${plural(writeUpLeft, 'part')} still to write${unwritten.length ? `: findings for ${unwritten.slice(0, 4).join(', ')}${unwritten.length > 4 ? ' and more' : ''}` : ''}`,
        },
      ],
    },
    {
      id: 'factual-accuracy',
      title: 'Factual accuracy',
      tasks: [
        {
          id: 'factual-accuracy',
          name: 'Factual accuracy release',
          page: entered === 0 ? undefined : 'releases',
          status: entered === 0 ? 'cannot-start' : factualAccuracy > 0 ? 'completed' : 'not-started',
          hint:
            entered === 0
              ? 'There is no report until cases are entered'
              : factualAccuracy > 0
                ? `${plural(factualAccuracy, 'release')} sent for checking`
                : 'Send the draft to the area to check its facts',
        },
      ],
    },
    {
      id: 'publication',
      title: 'Publication',
      tasks: [
        {
          id: 'final',
          name: 'Final release',
          page: entered === 0 ? undefined : 'releases',
          status: closed ? 'completed' : entered === 0 ? 'cannot-start' : 'not-started',
          hint: closed
            ? 'Released: the inspection is closed'
            : entered === 0
              ? 'There is no report until cases are entered'
              : 'Check what is missing, then release',
        },
        {
          // The Welsh report prints a block without its Welsh in English (marked, and listed there for the translator).
          id: 'welsh',
          name: 'The Welsh report: translations',
          page: welsh.written === 0 ? undefined : 'writeUp',
          status:
            welsh.written === 0 ? 'cannot-start' : withoutWelsh === 0 ? 'completed' : withoutWelsh === welsh.written ? 'not-started' : 'in-progress',
          hint:
            welsh.written === 0
              ? 'Write the report first'
              : withoutWelsh === 0
                ? 'Every written block has its Welsh'
                : `${plural(welsh.findings, 'finding')} and ${plural(welsh.other, 'other block')} still without Welsh`,
        },
      ],
    },
  ];
}
