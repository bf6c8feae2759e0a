/**
 * Leadership points through the JSON route and the grade page (issue 28): a fast-check
 * `commands` model through the real local server. Commands put a grade with points of chosen
 * lengths (plain strings or with their Welsh, some too long), or post the grade page's boxes
 * (English lines, Welsh lines with dashes, sometimes more Welsh than English). The model (the
 * limits written here, apart from the code: 1 to 4,000 characters a text, Welsh paired by
 * position) predicts each answer, and after each the grades stored must be the model's.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { call } from '#support/api';
import { createInspection } from '#support/fixtures';
import { tableAt } from '#support/hostile';
import { form, page, signIn } from '#support/workbench';

type Point = string | { text: string; textCy?: string };
interface Grade {
  grade: string;
  strengths: Point[];
  improvements: Point[];
}
interface Model {
  stored: Record<string, Grade>;
}
interface Real {
  inspectionId: string;
  cookie: string;
}

const LIMIT = 4000;
const CRITERIA = ['4.1', '4.2'] as const;
const GRADES = ['well-met', 'partly-met'] as const;
/** A text of exactly `length` characters, no space at either end, unique by `tag`. */
const textOf = (tag: string, length: number) => `${tag} ${'y'.repeat(Math.max(0, length - tag.length - 1))}`.slice(0, length);
const fits = (s: string) => s.length >= 1 && s.length <= LIMIT;

async function storedGrades(inspectionId: string): Promise<Record<string, Grade>> {
  const table = tableAt(inject('dynamoEndpoint'), inject('tableName'));
  try {
    const out: Record<string, Grade> = {};
    for (const c of CRITERIA) {
      const [item] = await table.partition(`INSP#${inspectionId}`, `GRADE#${c}`);
      if (item) out[c] = { grade: item.grade as string, strengths: item.strengths as Point[], improvements: item.improvements as Point[] };
    }
    return out;
  } finally {
    table.destroy();
  }
}

const check = async (model: Model, real: Real) => expect(await storedGrades(real.inspectionId)).toEqual(model.stored);

interface PointSpec {
  length: number;
  welsh?: number;
}
const pointOf = (tag: string, p: PointSpec): Point =>
  p.welsh === undefined ? textOf(tag, p.length) : { text: textOf(tag, p.length), textCy: textOf(`cy${tag}`, p.welsh) };
const pointFits = (p: PointSpec) => p.length >= 1 && p.length <= LIMIT && (p.welsh === undefined || (p.welsh >= 1 && p.welsh <= LIMIT));

class PutJson implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly criterion: number,
    readonly grade: number,
    readonly strengths: PointSpec[],
    readonly improvements: PointSpec[],
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = CRITERIA[this.criterion]!;
    const tag = randomUUID().slice(0, 4);
    const body: Grade = {
      grade: GRADES[this.grade]!,
      strengths: this.strengths.map((p, i) => pointOf(`s${i}${tag}`, p)),
      improvements: this.improvements.map((p, i) => pointOf(`i${i}${tag}`, p)),
    };
    const res = await call(`/inspections/${real.inspectionId}/leadership/${id}`, { method: 'PUT', as: 'inspector', json: body });
    if ([...this.strengths, ...this.improvements].every(pointFits)) {
      expect(res.status, res.text.slice(0, 200)).toBe(model.stored[id] ? 200 : 201);
      model.stored[id] = body;
    } else {
      expect(res.status, res.text.slice(0, 200)).toBe(400);
      const named = (res.json.errors as { path: string }[]).map((e) => e.path);
      const expected = (['strengths', 'improvements'] as const).flatMap((list) =>
        this[list].flatMap((p, i) =>
          (p.length < 1 || p.length > LIMIT ? [`${list}.${i}${p.welsh === undefined ? '' : '.text'}`] : []).concat(
            p.welsh !== undefined && (p.welsh < 1 || p.welsh > LIMIT) ? [`${list}.${i}.textCy`] : [],
          ),
        ),
      );
      expect(named.sort()).toEqual(expected.sort());
    }
    await check(model, real);
  }
  toString = () => `put(${CRITERIA[this.criterion]}, ${JSON.stringify([this.strengths, this.improvements])})`;
}

class PostPage implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly criterion: number,
    readonly english: number[],
    readonly welsh: (number | null)[],
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = CRITERIA[this.criterion]!;
    const tag = randomUUID().slice(0, 4);
    const en = this.english.map((n, i) => textOf(`p${i}${tag}`, n));
    const cy = this.welsh.map((n, i) => (n === null ? '-' : textOf(`w${i}${tag}`, n)));
    const shown = await page(`/workbench/inspections/${real.inspectionId}/grades/${id}`, { cookie: real.cookie });
    const csrf = /name="csrf" value="([^"]+)"/.exec(shown.text)?.[1] ?? '';
    const res = await page(`/workbench/inspections/${real.inspectionId}/grades/${id}`, {
      cookie: real.cookie,
      ...form({ csrf, grade: 'satisfactorily-met', strengths: en.join('\n'), strengthsCy: cy.join('\n'), improvements: '', improvementsCy: '' }),
    });
    const valid = cy.length <= en.length && en.every(fits) && cy.every(fits);
    if (valid) {
      expect(res.status, /govuk-error-summary__list[\s\S]{0,800}/.exec(res.text)?.[0] ?? res.text.slice(0, 300)).toBe(303);
      model.stored[id] = {
        grade: 'satisfactorily-met',
        strengths: en.map((text, i) => (cy[i] && cy[i] !== '-' ? { text, textCy: cy[i]! } : text)),
        improvements: [],
      };
    } else {
      expect(res.status).toBe(400);
      expect(res.text).toContain(cy.length > en.length || !cy.every(fits) ? 'href="#strengthsCy"' : 'href="#strengths"');
    }
    await check(model, real);
  }
  toString = () => `page(${CRITERIA[this.criterion]}, ${JSON.stringify([this.english, this.welsh])})`;
}

const length = fc.constantFrom(1, 999, 1001, 3000, LIMIT, LIMIT + 1);
const point = fc.record({ length, welsh: fc.option(length, { nil: undefined }) }, { requiredKeys: ['length'] });

describe('leadership points through the JSON route and the grade page', () => {
  it('answer as the model predicts, and what is stored is the model', async () => {
    const inspectionId = await createInspection('Leadership model');
    const { cookie } = await signIn('inspector');
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          [
            fc
              .tuple(fc.nat(1), fc.nat(1), fc.array(point, { maxLength: 3 }), fc.array(point, { maxLength: 2 }))
              .map(([c, g, s, i]) => new PutJson(c, g, s, i)),
            fc
              .tuple(fc.nat(1), fc.array(length, { maxLength: 3 }), fc.array(fc.option(length), { maxLength: 4 }))
              .map(([c, en, cy]) => new PostPage(c, en, cy)),
          ],
          { maxCommands: 8 },
        ),
        async (cmds) => {
          // Every run starts from what the inspection holds now.
          const stored = await storedGrades(inspectionId);
          await fc.asyncModelRun(() => ({ model: { stored }, real: { inspectionId, cookie } }), cmds);
        },
      ),
      { numRuns: 6, endOnFailure: true },
    );
  }, 600_000);
});
