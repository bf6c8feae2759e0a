/**
 * What the Welsh report still prints in English (issue 28): the authored blocks without their
 * Welsh, counted where the workbench can say so before anyone opens the Welsh report. Pure. The
 * Welsh report itself lists the same blocks for the translator, each where it stands
 * (shared/web/report/welsh.ts). Leadership points count as findings.
 */
import type { Summary } from '#schemas/summary';
import type { WriteUp, WrittenText } from '#schemas/write-up';

export interface Untranslated {
  /** Strengths and areas for improvement (sections 1 to 4), with the leadership points. */
  findings: number;
  /** Every other authored block: summaries, recommendations, good practice, conclusions, the front matter. */
  other: number;
  /** Authored blocks in all, with or without their Welsh. */
  written: number;
}

const missing = (t: WrittenText | { text: string; textCy?: string } | undefined) => t !== undefined && (typeof t === 'string' || !t.textCy);

export function untranslatedOf(writeUp: WriteUp, summary: Pick<Summary, 'criteria' | 'leadership'>): Untranslated {
  const findings = [...Object.values(writeUp.criteria).flatMap((c) => [...c.strengths, ...c.improvements])];
  const points = summary.leadership.flatMap((l) => [...(l.strengths ?? []), ...(l.improvements ?? [])]);
  const others: ({ text: string; textCy?: string } | undefined)[] = [
    ...writeUp.summary,
    ...writeUp.recommendations,
    ...writeUp.goodPractice.flatMap((g) => [g, { text: g.title, textCy: g.titleCy }]),
    ...summary.criteria.flatMap((c) => (c.conclusion?.text ? [{ text: c.conclusion.text, textCy: c.conclusion.textCy }] : [])),
    ...(writeUp.foreword?.paragraphs ?? []),
    writeUp.foreword?.signedBy,
    ...(writeUp.acknowledgements ?? []),
    ...(writeUp.inspectionTeam ?? []).map((m) => m.role),
    ...(writeUp.abbreviations ?? []).map((a) => a.meaning),
    writeUp.nextSteps?.text,
    writeUp.cover?.inspectionDates,
  ];
  const present = others.filter((o) => o !== undefined);
  return {
    findings: findings.filter(missing).length + points.filter(missing).length,
    other: present.filter(missing).length,
    written: findings.length + points.length + present.length,
  };
}
