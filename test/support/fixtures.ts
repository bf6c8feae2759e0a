import { randomUUID } from 'node:crypto';
import { getBank, CURRENT_BANK_VERSION } from '#bank/index';
import type { CaseInput } from '#schemas/case';
import type { CaseType, QuestionBank } from '#schemas/bank';
import { casesCsv, makeCase } from '#infra/local/sample-cases';
import { call } from './api';

export { casesCsv, makeCase };

export const bank = (): QuestionBank => getBank(CURRENT_BANK_VERSION)!;

/**
 * A new inspection for one test. The suites share one server, and an area may have only one
 * inspection for the same weeks of fieldwork: when another suite took the area's name first,
 * this one gets the name with a suffix (no suite depends on the exact name it asked for).
 */
export async function createInspection(area = 'Kent'): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const named = attempt === 0 ? area : `${area} ${randomUUID().slice(0, 6)}`;
    const res = await call('/inspections', { as: 'admin', json: { area: named, fieldworkStart: '2007-11-05', fieldworkEnd: '2007-11-09' } });
    if (res.status === 201) return res.json.inspectionId;
    if (res.status !== 409 || res.json?.type !== 'urn:omi:problem:duplicate-inspection')
      throw new Error(`create inspection: ${res.status} ${res.text}`);
  }
  throw new Error(`create inspection: ${area} kept colliding`);
}

/** The Kent sample mix: 40 licence, 60 community, 10 custody. */
export function kentSample(b = bank()): { caseRef: string; input: CaseInput }[] {
  const types: CaseType[] = [...Array(40).fill('licence'), ...Array(60).fill('community'), ...Array(10).fill('custody')];
  return types.map((t, i) => ({ caseRef: `K-${String(i + 1).padStart(3, '0')}`, input: makeCase(t, i + 1, b) }));
}

/**
 * A factual-accuracy release of an inspection (it needs a case), for the suites that open a
 * release's routes. A final one is confirmed with the area's name: it publishes whatever the
 * readiness check finds missing.
 */
export async function makeRelease(inspectionId: string, kind: 'factual-accuracy' | 'final' = 'factual-accuracy'): Promise<string> {
  const confirm = kind === 'final' ? { confirm: (await call(`/inspections/${inspectionId}`, { as: 'admin' })).json.area as string } : {};
  const res = await call(`/inspections/${inspectionId}/releases`, { as: 'admin', json: { kind, ...confirm } });
  if (res.status !== 201) throw new Error(`release: ${res.status} ${res.text}`);
  return res.json.releaseId;
}

/** A meeting as the JSON route takes it: a group of four offenders, with findings, notes and a consented quote. */
export const meetingBody = (over: Record<string, unknown> = {}) => ({
  kind: 'group',
  audience: 'offender',
  people: 4,
  date: '2007-11-06',
  place: 'Think First',
  criteria: ['2.5'],
  notes: 'Staff only.',
  findings: ['All four offenders spoke positively about the programme.', 'None recalled seeing a sentence plan.'],
  quotes: [{ text: 'It made me think about what I did.', consent: true }],
  ...over,
});

/** Replaces an inspection's write-up whole, as an inspector, with the ETag just read: the response of the PUT. */
export async function replaceWriteUp(inspectionId: string, writeUp: Record<string, unknown>) {
  const read = await call(`/inspections/${inspectionId}/write-up`, { as: 'staff' });
  return call(`/inspections/${inspectionId}/write-up`, {
    method: 'PUT',
    as: 'inspector',
    headers: { 'if-match': read.headers.get('etag')! },
    json: writeUp,
  });
}
