import { demoBank, kentDemoCases } from './infra/local/demo-data';
import { createScoreAccumulator } from './shared/scoring';
import { kentQuestionPercents, kentCriterionPercents } from './infra/local/kent-reference';
const bank = demoBank();
const cases = kentDemoCases(bank);
const acc = createScoreAccumulator(bank); acc.addAll(cases); const r = acc.result();
console.log('roh', r.rohThread.percent, r.rohThread.questions);
for (const c of r.criteria) console.log(c.id, c.percent, kentCriterionPercents[c.id]);
for (const q of r.questions) { const b = bank.questions.find(x=>x.id===q.id)!; console.log(q.id, b.roh?'R':' ', b.summary?'S':' ', q.percent, q.yes+q.no, kentQuestionPercents[q.id] ?? '-', b.text.slice(0,90)); }
