/**
 * Bulk entry that explains itself (issue 27): the case form's own words are read as the form
 * would save them; every problem names its row and its column in words, never a validator's;
 * a problem repeated over rows is named once for its column; two columns never share a
 * message; the templates say what each column takes and parse back to what they show.
 *
 * The form's words are taken from the rendered case form (the page people use), not from the
 * parser's own word list, so the test is not the code under test checking itself.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casesTemplate, parseCasesCsv, PROFILE_COLUMNS } from '#cases/csv';
import { unansweredQuestions } from '#cases/validate';
import { caseFormPage } from '#web/workbench/case-pages';
import { bank } from '#support/fixtures';

const b = bank();
const questionOf = (type: 'community' | 'licence' | 'custody') => b.questions.find((q) => q.appliesTo.includes(type))!;
const fromHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** The case form as inspectors see it: each field's choices, value and words, read off its HTML. */
function formChoices(caseType: 'community' | 'licence' | 'custody') {
  const html = caseFormPage({
    session: { roles: ['inspector'] },
    csrf: 'x',
    owner: 'x',
    inspectionId: 'i-1',
    area: 'Kent',
    bank: b,
    mode: 'new',
    values: { caseRef: '', caseType, profile: {}, answers: {}, version: '0' },
  });
  const selects = new Map<string, [string, string][]>();
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    selects.set(
      m[1]!,
      [...m[2]!.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].filter((o) => o[1] !== '').map((o) => [o[1]!, fromHtml(o[2]!)]),
    );
  }
  const radios = new Map<string, [string, string][]>();
  for (const m of html.matchAll(
    /<input class="govuk-radios__input" id="([^"]+)" name="([^"]+)" type="radio" value="([^"]*)"[^>]*><label[^>]*for="\1">([^<]*)<\/label>/g,
  )) {
    radios.set(m[2]!, [...(radios.get(m[2]!) ?? []), [m[3]!, fromHtml(m[4]!)]]);
  }
  return { selects, radios };
}

describe("the case form's words in a CSV", () => {
  it('reads every word the form shows as the value the form would save', () => {
    const { selects, radios } = formChoices('community');
    expect([...selects.keys()].sort()).toEqual(PROFILE_COLUMNS.filter((c) => c !== 'caseType').sort());
    const caseTypes = radios.get('caseType')!;
    expect(caseTypes.map(([, words]) => words).sort()).toEqual(['Community', 'Custody', 'Licence']);
    const answerWords = radios.get(`q-${questionOf('community').id}`)!;
    expect(answerWords.map(([, w]) => w)).toEqual(['Yes', 'No', 'Not relevant']);

    // One row per choice of the longest select; every other column cycles through its own choices.
    const longest = Math.max(...[...selects.values()].map((c) => c.length), caseTypes.length, answerWords.length);
    const questions = b.questions.filter((q) => q.appliesTo.length === 3).slice(0, 5);
    const header = ['caseRef', 'caseType', ...selects.keys(), ...questions.map((q) => q.id)];
    const expected: { profile: Record<string, string>; answers: Record<string, string> }[] = [];
    const rows = Array.from({ length: longest }, (_, i) => {
      const pick = (choices: [string, string][]) => choices[i % choices.length]!;
      const [typeCode, typeWords] = pick(caseTypes);
      const profile: Record<string, string> = { caseType: typeCode };
      const cells = [`W-${i}`, typeWords];
      for (const [name, choices] of selects) {
        const [code, words] = pick(choices);
        profile[name] = code;
        cells.push(words);
      }
      const answers: Record<string, string> = {};
      for (const q of questions) {
        const [code, words] = pick(answerWords);
        answers[q.id] = code;
        cells.push(words);
      }
      expected.push({ profile, answers });
      return cells.map((c) => `"${c}"`).join(',');
    });
    const parsed = parseCasesCsv(b, [header.join(','), ...rows].join('\n'));
    expect(parsed.problems).toEqual([]);
    // What the form would save for the same choices: its select values (yes/no as booleans, numbers as numbers).
    const asSaved = (name: string, code: string): unknown =>
      ['tier', 'mappaLevel'].includes(name)
        ? Number(code)
        : ['ppo', 'approvedPremises', 'statutoryVictimContact', 'transferred'].includes(name)
          ? code === 'yes'
          : code;
    expect(parsed.cases.map((c) => c.input)).toEqual(
      expected.map(({ profile, answers }) => ({ profile: Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, asSaved(k, v)])), answers })),
    );
  });

  it('takes the words in any case, with spaces or dashes', () => {
    const parsed = parseCasesCsv(
      b,
      'caseRef,caseType,tier,roh,assessor,ethnicity\nK-1,COMMUNITY,tier 2,very high,hmi inspector,Not-Recorded\nK-2,licence,TIER_4,Very-High,Area Assessor,not recorded by the area',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.cases.map((c) => c.input.profile)).toEqual([
      { caseType: 'community', tier: 2, roh: 'very-high', assessor: 'hmi', ethnicity: 'not-recorded' },
      { caseType: 'licence', tier: 4, roh: 'very-high', assessor: 'area', ethnicity: 'not-recorded' },
    ]);
  });

  it('refuses a word the form does not use, with the codes and words to use instead', () => {
    const parsed = parseCasesCsv(b, 'caseRef,caseType,tier,assessor\nK-1,Borstal,Tier two,Inspector');
    expect(parsed.cases).toEqual([]);
    const messages = parsed.problems.map((p) => p.message);
    expect(messages).toContain('Row 2, column caseType (Case type): not one of the allowed values ("Borstal"): use community, licence or custody');
    expect(messages).toContain(
      'Row 2, column tier (Tier): not one of the allowed values ("Tier two"): use 1, 2, 3 or 4 (or the form\'s words: Tier 1, Tier 2, Tier 3, Tier 4)',
    );
    expect(messages).toContain(
      'Row 2, column assessor (Assessor): not one of the allowed values ("Inspector"): use hmi or area (or the form\'s words: HMI inspector, Area assessor)',
    );
  });
});

/** A bad value for a column, and a good row to put it in. */
const GOOD = { caseRef: 'K-1', caseType: 'community' } as const;
const BAD_VALUE: Record<string, string> = { caseRef: 'Jo Bloggs', caseType: 'borstal' };
const community = b.questions.filter((q) => q.appliesTo.includes('community'));
const COLUMNS = [...PROFILE_COLUMNS.filter((c) => c !== 'caseType'), ...community.slice(0, 12).map((q) => q.id)];
const VALIDATOR_WORDS = /invalid|expected|too small|too big|received|>=|<=|nan\b/i;

describe('problems in words', () => {
  it('names the row and the column, in words, for any set of bad cells, grouped by column, never in validator words', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.integer({ min: 0, max: 7 }),
            fc.constantFrom('caseRef', 'caseType', ...COLUMNS),
            fc.constantFrom('zz', '7', 'maybe', '-1', '2.5'),
          ),
          {
            minLength: 1,
            maxLength: 20,
            selector: ([row, column]) => `${row}/${column}`,
          },
        ),
        (bad) => {
          const header = ['caseRef', 'caseType', ...COLUMNS];
          const rows = Array.from({ length: 8 }, (_, r) =>
            header.map((c) => (c === 'caseRef' ? `K-${r + 1}` : c === 'caseType' ? GOOD.caseType : '')),
          );
          for (const [r, column, value] of bad) rows[r]![header.indexOf(column)] = BAD_VALUE[column] ?? value;
          const parsed = parseCasesCsv(b, [header, ...rows].map((r) => r.join(',')).join('\n'));
          expect(parsed.cases).toEqual([]);
          // Every bad cell is named, by row and column, and nothing else.
          const named = new Set<string>();
          for (const p of parsed.problems) {
            expect(p.message).not.toMatch(VALIDATOR_WORDS);
            const single = /^Row (\d+), column (\S+) \(([^)]+)\): .+: use .+/.exec(p.message);
            const grouped = /^Column (\S+) \(([^)]+)\): rows ([\d, ]+): .+: use .+/.exec(p.message);
            expect(single ?? grouped, p.message).not.toBeNull();
            if (single) named.add(`${Number(single[1]) - 2}/${single[2]}`);
            else for (const row of grouped![3]!.split(', ')) named.add(`${Number(row) - 2}/${grouped![1]}`);
            if (grouped) expect(p.path).toBe(`column ${grouped[1]}`);
          }
          expect([...named].sort()).toEqual(bad.map(([r, c]) => `${r}/${c}`).sort());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('names a problem repeated over rows once, for its column, with the rows', () => {
    const rows = Array.from(
      { length: 13 },
      (_, i) => `K-${i + 1},community,${[1, 5, 9].includes(i) ? '7' : '2'},${[1, 2].includes(i) ? 'Level 9' : ''}`,
    );
    const parsed = parseCasesCsv(b, ['caseRef,caseType,tier,mappaLevel', ...rows].join('\n'));
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Column tier (Tier): rows 3, 7, 11: not one of the allowed values ("7"): use 1, 2, 3 or 4 (or the form\'s words: Tier 1, Tier 2, Tier 3, Tier 4)',
      'Column mappaLevel (MAPPA level): rows 3, 4: not one of the allowed values ("Level 9"): use 0, 1, 2 or 3 (or the form\'s words: Not MAPPA, Level 1, Level 2, Level 3)',
    ]);
  });

  it('names at most ten rows of a group, and says how many more', () => {
    const rows = Array.from({ length: 14 }, (_, i) => `K-${i + 1},community,${i === 0 ? 'x' : `y${i % 5}`}`);
    const parsed = parseCasesCsv(b, ['caseRef,caseType,tier', ...rows].join('\n'));
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Column tier (Tier): rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 4 more: not one of the allowed values ("x", "y1", "y2", …): use 1, 2, 3 or 4 (or the form\'s words: Tier 1, Tier 2, Tier 3, Tier 4)',
    ]);
  });

  it('gives every column its own message for the same bad value', () => {
    const messages = ['caseRef', 'caseType', ...PROFILE_COLUMNS.filter((c) => c !== 'caseType'), questionOf('community').id, community[1]!.id].map(
      (column) => {
        const header = column === 'caseRef' || column === 'caseType' ? 'caseRef,caseType' : `caseRef,caseType,${column}`;
        const row = column === 'caseRef' ? 'x y,community' : column === 'caseType' ? 'K-1,x y' : 'K-1,community,x y';
        const parsed = parseCasesCsv(b, `${header}\n${row}`);
        expect(parsed.problems).toHaveLength(1);
        return parsed.problems[0]!.message;
      },
    );
    expect(new Set(messages).size).toBe(messages.length);
    // The numbers the issue saw two columns share ("expected number") each say their own range.
    expect(messages.find((m) => m.includes('column tier'))).toContain('use 1, 2, 3 or 4');
    expect(messages.find((m) => m.includes('column mappaLevel'))).toContain('use 0, 1, 2 or 3');
  });

  it('says in words what is wrong with a case reference, and with a question the case type does not take', () => {
    const custodyOnlyNot = b.questions.find((q) => !q.appliesTo.includes('custody'))!;
    const parsed = parseCasesCsv(b, `caseRef,caseType,${custodyOnlyNot.id}\n,community,\nSmith,custody,\nK-3,custody,yes\nK-3,community,`);
    const messages = parsed.problems.map((p) => p.message);
    expect(messages).toContain(
      "Row 2, column caseRef (Case reference): empty: every case needs the inspectorate's case reference, for example K-001",
    );
    expect(messages).toContain(
      'Row 3, column caseRef (Case reference): has no digit ("Smith"): a case reference must contain a digit (never use a name)',
    );
    expect(messages.find((m) => m.startsWith(`Row 4, column ${custodyOnlyNot.id} (question: `))).toMatch(
      /: custody cases do not take this question: leave it blank or answer na$/,
    );
    expect(messages).toContain('Row 5, column caseRef (Case reference): case K-3 is also on row 4: use one row per case');
    for (const m of messages) expect(m).not.toMatch(VALIDATOR_WORDS);
  });
});

describe('the templates', () => {
  it('keeps the bare header without a case type', () => {
    expect(casesTemplate(b).trim()).toBe(['caseRef', ...PROFILE_COLUMNS, ...b.questions.map((q) => q.id)].join(','));
  });

  it.each(['community', 'licence', 'custody'] as const)(
    'gives %s cases their questions only, the allowed values, and an example that parses to a finished case',
    (type) => {
      const lines = casesTemplate(b, type).trim().split('\n');
      const header = lines[0]!.split(',');
      expect(header.slice(1 + PROFILE_COLUMNS.length)).toEqual(b.questions.filter((q) => q.appliesTo.includes(type)).map((q) => q.id));
      expect(lines).toHaveLength(4);
      expect(lines[2]).toContain('# Allowed values');
      expect(lines[2]).toContain('community, licence or custody');
      expect(lines[2]).toContain("yes, no or na (or the form's words: Not relevant)");
      // As downloaded, only notes: no case is uploaded by accident.
      expect(parseCasesCsv(b, lines.join('\n')).problems.map((p) => p.message)).toEqual([expect.stringContaining('no cases')]);
      // The example row, made a real row, is a finished case of the type.
      const parsed = parseCasesCsv(b, [lines[0], lines[1], lines[2], lines[3]!.replace(/^# Example: /, '')].join('\n'));
      expect(parsed.problems).toEqual([]);
      expect(parsed.cases).toHaveLength(1);
      expect(parsed.cases[0]!.row).toBe(4);
      expect(parsed.cases[0]!.input.profile.caseType).toBe(type);
      expect(unansweredQuestions(b, parsed.cases[0]!.input)).toEqual([]);
    },
  );

  it('marks, in the template for every case type, the questions a type does not take', () => {
    const [header, , cells] = parse(casesTemplate(b, 'all')) as string[][];
    expect(header).toHaveLength(1 + PROFILE_COLUMNS.length + b.questions.length);
    const notCustody = b.questions.find((q) => !q.appliesTo.includes('custody'))!;
    const everyType = b.questions.find((q) => q.appliesTo.length === 3)!;
    expect(cells![header!.indexOf(notCustody.id)]).toMatch(/NOT ASKED of (\w+ or )?custody cases/);
    expect(cells![header!.indexOf(everyType.id)]).not.toContain('NOT ASKED');
  });

  it("skips a spreadsheet's blank rows, still counting them, and names a short row as such", () => {
    const blank = parseCasesCsv(b, 'caseRef,caseType,tier\n,,\nK-1,community,Tier 5\n,,\n');
    expect(blank.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Row 3, column tier \(Tier\): not one of the allowed values \("Tier 5"\)/),
    ]);
    const short = parseCasesCsv(b, 'caseRef,caseType,tier\n,,\nK-1,community,2\n,,\nK-2,community\n');
    expect(short.problems.map((p) => p.message)).toEqual(['Row 5: 2 columns where the header has 3: check for a stray comma or a missing cell']);
  });

  it('counts note rows in the row numbers a problem gives, as a spreadsheet does', () => {
    const template = casesTemplate(b, 'custody');
    const example = (parse(template) as string[][])[3]!;
    const row = ['K-9', 'custody', '9', ...example.slice(3)].join(',');
    const parsed = parseCasesCsv(b, `${template}${row}`);
    expect(parsed.problems.map((p) => p.path)).toEqual(['row 5.tier']);
  });
});
