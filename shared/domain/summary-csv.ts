/**
 * The summary as one long CSV table (part, id, name, measure, value): every figure on its
 * own row, so it opens in any spreadsheet and filters by part. Breakdowns by language carry
 * the suppressed "[c]" cells exactly as the JSON does.
 */
import { toCsv } from '#core/csv-out';
import type { PublishedSummary as Summary } from '#schemas/summary';

type Row = [part: string, id: string, name: string, measure: string, value: string | number | null];

export function summaryToCsv(summary: Summary): string {
  const rows: Row[] = [];
  const push = (...row: Row) => rows.push(row);
  if (summary.notice) push('inspection', summary.inspectionId, summary.area, 'notice', summary.notice);
  push('inspection', summary.inspectionId, summary.area, 'computedAt', summary.computedAt);
  push('inspection', summary.inspectionId, summary.area, 'questionBankVersion', summary.questionBankVersion);
  for (const s of summary.sections) {
    push('section', String(s.id), `Section ${s.id}`, 'score', s.score);
    push('section', String(s.id), `Section ${s.id}`, 'percent', s.percent);
  }
  push('roh-thread', 'roh', 'Risk of Harm thread', 'score', summary.rohThread.score);
  push('roh-thread', 'roh', 'Risk of Harm thread', 'percent', summary.rohThread.percent);
  for (const c of summary.criteria) {
    push('criterion', c.id, c.title, 'score', c.score);
    push('criterion', c.id, c.title, 'percent', c.percent);
    push('criterion', c.id, c.title, 'cases', c.cases);
    push('criterion', c.id, c.title, 'suggestedBand', c.suggestedBand?.label ?? null);
    push('criterion', c.id, c.title, 'conclusion', c.conclusion?.band ?? null);
  }
  for (const q of summary.questions) {
    for (const measure of ['yes', 'no', 'na', 'proportion', 'percent'] as const) push('question', q.id, q.criterion, measure, q[measure]);
  }
  for (const l of summary.leadership) push('leadership', l.id, l.title, 'grade', l.grade);
  const { balance, ...sample } = summary.sample as unknown as Record<string, unknown> & { balance?: typeof summary.sample.balance };
  for (const [measure, value] of Object.entries(sample)) {
    if (value && typeof value === 'object') {
      for (const [key, count] of Object.entries(value as Record<string, number>)) push('sample', measure, key, 'cases', count);
    } else push('sample', measure, measure, 'cases', value as number);
  }
  // The caseload beside the sample, a row per figure (a nested object would print "[object Object]").
  if (balance) {
    push('sample-balance', 'caseload', 'caseload', 'cases', balance.caseload);
    for (const part of ['byGender', 'byEthnicity', 'byCaseType'] as const) {
      for (const row of balance[part] ?? []) {
        for (const measure of ['caseload', 'caseloadPercent', 'sample', 'samplePercent'] as const)
          push('sample-balance', `${part}:${row.key}`, row.key, measure, row[measure]);
      }
    }
    // The rest of Appendix 2, only what the area gave (a part left out is not known, so has no row).
    if (balance.caseloadAt) push('sample-balance', 'caseloadAt', 'caseload counted at the end of', 'month', balance.caseloadAt);
    for (const [level, share] of Object.entries(balance.mappaPercent ?? {}))
      push('sample-balance', `mappa:${level}`, `MAPPA level ${level}`, 'caseloadPercent', share ?? null);
    if (balance.ppoPercent !== undefined) push('sample-balance', 'ppo', 'PPO cases', 'caseloadPercent', balance.ppoPercent);
    for (const b of balance.revenueBudgets ?? [])
      push('sample-balance', `revenueBudget:${b.year}`, `total revenue budget ${b.year}`, 'pounds', b.pounds);
    for (const p of balance.approvedPremises ?? []) push('sample-balance', `approvedPremises:${p.name}`, p.name, 'capacity', p.capacity);
  }
  for (const [audience, s] of Object.entries(summary.serviceUsers)) {
    push('service-users', audience, s.returnedSentence, 'invited', s.invited);
    push('service-users', audience, s.returnedSentence, 'returned', s.returned);
    push('service-users', audience, s.returnedSentence, 'responseRate', s.responseRate);
    for (const q of s.questions) {
      if (q.type === 'text') {
        push('service-users-question', `${audience}.${q.id}`, q.text, 'comments', q.answered);
        continue;
      }
      push('service-users-question', `${audience}.${q.id}`, q.text, 'answered', q.answered);
      push('service-users-question', `${audience}.${q.id}`, q.text, 'positive', q.positive);
      push('service-users-question', `${audience}.${q.id}`, q.text, 'percent', q.percent);
      for (const [value, count] of Object.entries(q.counts)) push('service-users-question', `${audience}.${q.id}`, q.text, `count:${value}`, count);
      push('service-users-question', `${audience}.${q.id}`, q.text, 'sentence', q.sentence);
    }
  }
  // Every audience asked, answered or met in person (issue 29): the counts, "[c]" as the JSON has them; findings and quotes are text, in the report.
  // (Not the count of quotes withheld for want of consent: the report keeps that for staff.)
  for (const m of summary.meetings ?? []) {
    push('meetings', m.audience, m.audience, 'asked', m.asked);
    push('meetings', m.audience, m.audience, 'answered', m.answered);
    push('meetings', m.audience, m.audience, 'met:individually', m.met.individually);
    push('meetings', m.audience, m.audience, 'met:inGroups', m.met.inGroups);
    if (m.met.total !== undefined) push('meetings', m.audience, m.audience, 'met:total', m.met.total);
    push('meetings', m.audience, m.audience, 'interviews', m.interviews);
    push('meetings', m.audience, m.audience, 'groups', m.groups);
  }
  for (const b of summary.breakdowns ?? []) {
    for (const g of b.groups) {
      push('breakdown', `${b.by}:${g.value}`, g.value, 'cases', g.cases);
      for (const [criterion, value] of Object.entries(g.criteria)) push('breakdown', `${b.by}:${g.value}`, g.value, `percent:${criterion}`, value);
    }
  }
  for (const r of summary.serviceUsersByLanguage.returned) {
    for (const lang of ['en', 'cy', 'total'] as const) push('returned-by-language', r.audience, lang, 'returned', r[lang]);
  }
  for (const q of summary.serviceUsersByLanguage.questions) {
    for (const lang of ['en', 'cy', 'total'] as const) {
      push('question-by-language', `${q.audience}.${q.id}`, lang, 'answered', q.answered[lang]);
      push('question-by-language', `${q.audience}.${q.id}`, lang, 'positive', q.positive[lang]);
    }
  }
  // A BOM so spreadsheet programs read the file as UTF-8 (Welsh diacritics, en dashes).
  return '\uFEFF' + toCsv([['part', 'id', 'name', 'measure', 'value'], ...rows.map((r) => r.map((v) => (v === null ? '' : String(v))))]);
}
