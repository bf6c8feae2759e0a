/**
 * The task list's rules (domain/tasks.ts), each from a hand-made inspection: what cannot start
 * until something else is done, and when a task is complete. An oracle apart from the code:
 * the expected statuses are written out, not computed.
 */
import { describe, expect, it } from 'vitest';
import { tasksOf, type TaskInput, type TaskStatus } from '#domain/tasks';

const audience = (name: 'offender' | 'victim' | 'sentencer', invited: number, returned: number) => ({ audience: name, invited, returned });

function input(
  over: Partial<{
    cases: number;
    unfinished: number;
    invited: number;
    returned: number;
    interviewed: number;
    secondMarked: number;
    flagged: number;
    decided: number;
    graded: number;
    concluded: number;
    closed: boolean;
    releases: string[];
    written: boolean;
    caseload: boolean;
    figures: number;
  }> = {},
): TaskInput {
  const o = {
    cases: 0,
    unfinished: 0,
    invited: 0,
    returned: 0,
    interviewed: 0,
    secondMarked: 0,
    flagged: 0,
    decided: 0,
    graded: 0,
    concluded: 0,
    closed: false,
    releases: [],
    written: false,
    caseload: false,
    figures: 0,
    ...over,
  };
  const criteria = ['1.1', '1.2', '2.1', '3.1', '4.1', '4.2'].map((id, i) => ({
    id,
    conclusion: !id.startsWith('4.') && i < o.concluded ? { band: 'good' } : null,
  }));
  return {
    closed: o.closed,
    cases: Array.from({ length: o.cases }, (_, i) => ({ caseType: 'community', finished: i >= o.unfinished })),
    summary: {
      serviceUsers: {
        offender: audience('offender', o.invited, o.returned),
        victim: audience('victim', 0, 0),
        sentencer: audience('sentencer', 0, 0),
      },
      sample: o.caseload ? { balance: { caseload: 5559 } } : {},
      criteria,
      leadership: ['4.1', '4.2'].map((id, i) => ({ id, grade: i < o.graded ? 'well-met' : null })),
      moderation: o.secondMarked
        ? { cases: o.secondMarked, agreement: 0.9, kappa: 0.8, flagged: Array.from({ length: o.flagged }, (_, i) => `F-${i}`) }
        : undefined,
      interviews: o.interviewed ? { count: o.interviewed } : undefined,
      performanceFigures: Array.from({ length: o.figures }, () => ({})),
    } as unknown as TaskInput['summary'],
    writeUp: o.written
      ? {
          summary: [{ section: '1', text: 'x' }],
          criteria: Object.fromEntries(['1.1', '1.2', '2.1', '3.1'].map((id) => [id, { strengths: ['s'], improvements: [] }])),
          recommendations: [{ text: 'r', criteria: ['1.1'] }],
          goodPractice: [],
        }
      : { summary: [], criteria: {}, recommendations: [], goodPractice: [] },
    releases: o.releases.map((kind) => ({ kind })),
    moderationDecided: o.decided,
  } as TaskInput;
}

const statuses = (i: TaskInput): Record<string, TaskStatus> =>
  Object.fromEntries(
    tasksOf(i)
      .flatMap((s) => s.tasks)
      .map((t) => [t.id, t.status]),
  );

describe('the task list', () => {
  it('has the six stages in order', () => {
    expect(tasksOf(input()).map((s) => s.id)).toEqual(['set-up', 'fieldwork', 'moderation', 'drafting', 'factual-accuracy', 'publication']);
  });

  it('says what cannot start on a new inspection, and why', () => {
    const s = statuses(input());
    expect(s).toMatchObject({
      cases: 'not-started',
      interviews: 'cannot-start',
      returns: 'cannot-start',
      'second-marking': 'cannot-start',
      moderation: 'cannot-start',
      'factual-accuracy': 'cannot-start',
      final: 'cannot-start',
    });
    const final = tasksOf(input())
      .flatMap((t) => t.tasks)
      .find((t) => t.id === 'final')!;
    expect(final.page).toBeUndefined();
    expect(final.hint).toMatch(/until cases are entered/);
  });

  it('counts the sample against the usual 110, and interviews against the cases entered', () => {
    expect(statuses(input({ cases: 96, interviewed: 40 }))).toMatchObject({ cases: 'in-progress', interviews: 'in-progress' });
    expect(statuses(input({ cases: 110, interviewed: 110 }))).toMatchObject({ cases: 'completed', interviews: 'completed' });
    const hint = tasksOf(input({ cases: 96 }))
      .flatMap((t) => t.tasks)
      .find((t) => t.id === 'cases')!.hint;
    expect(hint).toBe('96 of the usual 110 cases finished');
    expect(statuses(input({ cases: 112, unfinished: 4 })).cases).toBe('in-progress');
    expect(
      tasksOf(input({ cases: 100, unfinished: 4 }))
        .flatMap((t) => t.tasks)
        .find((t) => t.id === 'cases')!.hint,
    ).toBe('96 of the usual 110 cases finished, 4 unfinished');
  });

  it('completes moderation when every flagged case is decided, or none is flagged', () => {
    expect(statuses(input({ cases: 10, secondMarked: 3, flagged: 2 })).moderation).toBe('not-started');
    expect(statuses(input({ cases: 10, secondMarked: 3, flagged: 2, decided: 1 })).moderation).toBe('in-progress');
    expect(statuses(input({ cases: 10, secondMarked: 3, flagged: 2, decided: 2 })).moderation).toBe('completed');
    expect(statuses(input({ cases: 10, secondMarked: 3, flagged: 0 })).moderation).toBe('completed');
  });

  it('counts grades and conclusions together, and the write-up by what is still unwritten', () => {
    expect(statuses(input({ cases: 1 })).grades).toBe('not-started');
    expect(statuses(input({ cases: 1, graded: 2, concluded: 1 })).grades).toBe('in-progress');
    expect(statuses(input({ cases: 1, graded: 2, concluded: 4 })).grades).toBe('completed');
    expect(statuses(input({ cases: 1 }))['write-up']).toBe('not-started');
    expect(statuses(input({ cases: 1, written: true }))['write-up']).toBe('completed');
  });

  it('follows the releases: factual accuracy, then the final one that closes', () => {
    expect(statuses(input({ cases: 5 }))).toMatchObject({ 'factual-accuracy': 'not-started', final: 'not-started' });
    expect(statuses(input({ cases: 5, releases: ['factual-accuracy'] }))['factual-accuracy']).toBe('completed');
    expect(statuses(input({ cases: 5, releases: ['factual-accuracy', 'final'], closed: true })).final).toBe('completed');
  });

  it('sets up with the caseload and the figures, and the invitations', () => {
    expect(statuses(input())).toMatchObject({ area: 'not-started', invitations: 'not-started' });
    expect(statuses(input({ caseload: true }))).toMatchObject({ area: 'in-progress' });
    expect(statuses(input({ caseload: true, figures: 3, invited: 21, returned: 7 }))).toMatchObject({
      area: 'completed',
      invitations: 'completed',
      returns: 'in-progress',
    });
  });
});

describe('the Welsh report task', () => {
  const welshTask = (i: TaskInput) =>
    tasksOf(i)
      .flatMap((s) => s.tasks)
      .find((t) => t.id === 'welsh')!;
  const translated = (i: TaskInput, keepEnglish = 0): TaskInput => {
    let left = keepEnglish;
    const cy = (t: string | { text: string }) => {
      const text = typeof t === 'string' ? t : t.text;
      return left-- > 0 ? text : { text, textCy: 'Cymraeg' };
    };
    const w = i.writeUp;
    return {
      ...i,
      writeUp: {
        ...w,
        summary: w.summary.map((s) => ({ ...s, textCy: 'Cymraeg' })),
        criteria: Object.fromEntries(
          Object.entries(w.criteria).map(([id, c]) => [id, { strengths: c.strengths.map(cy), improvements: c.improvements.map(cy) }]),
        ),
        recommendations: w.recommendations.map((r) => ({ ...r, textCy: 'Cymraeg' })),
      },
    } as TaskInput;
  };

  it('cannot start before anything is written', () => {
    expect(welshTask(input({ cases: 1 }))).toMatchObject({ status: 'cannot-start', hint: 'Write the report first' });
  });

  it('counts the findings and the other blocks still without Welsh', () => {
    expect(welshTask(input({ cases: 1, written: true }))).toMatchObject({
      status: 'not-started',
      page: 'writeUp',
      hint: '4 findings and 2 other blocks still without Welsh',
    });
    expect(welshTask(translated(input({ cases: 1, written: true }), 1))).toMatchObject({
      status: 'in-progress',
      hint: '1 finding and 0 other blocks still without Welsh',
    });
    expect(welshTask(translated(input({ cases: 1, written: true })))).toMatchObject({
      status: 'completed',
      hint: 'Every written block has its Welsh',
    });
  });

  it('counts a conclusion’s words and the leadership points, which have no Welsh field, as blocks to translate', () => {
    const i = translated(input({ cases: 1, written: true }));
    const summary = {
      ...i.summary,
      criteria: [{ id: '1.1', conclusion: { band: 'good', text: 'Words.' } }],
      leadership: [{ id: '4.1', grade: 'well-met', strengths: ['A point.'], improvements: [] }],
    };
    expect(welshTask({ ...i, summary } as unknown as TaskInput)).toMatchObject({
      status: 'in-progress',
      hint: '1 finding and 1 other block still without Welsh',
    });
  });
});
