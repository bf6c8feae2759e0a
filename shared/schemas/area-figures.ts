/**
 * The area's figures in Appendix 2 beyond its caseload's make-up (issue 28): one shape for the
 * context an inspector enters (schemas/evidence.ts) and the summary that carries it
 * (schemas/summary.ts), kept apart so the summary's readers do not carry the bank's schemas.
 */
import * as z from 'zod/mini';
import { type AREA_FIGURE_KEYS, MAPPA_LEVELS } from './vocabulary';

/** A share of the caseload as the area's return gives it ("0.89%", "5%"): at most two decimal places. */
const share = z.number().check(
  z.minimum(0),
  z.maximum(100),
  z.refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'Give a percentage with at most two decimal places'),
);
const contextText = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

/**
 * The rest of Appendix 2 (issue 28), each part optional: what the area does not give is "not
 * known" in the report, never 0. Shares, not counts, because that is how the area's return
 * states them and a count worked back from "0.89% of 5,559" would be invented. The summary's
 * `sample.balance` carries them as given.
 */
export const AREA_FIGURES = {
  /** The month the caseload was counted at the end of ("Caseload at end of December 2006"): `2006-12`. */
  caseloadAt: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM'))),
  /** The share of the caseload managed at each MAPPA level, in percent: `{ "1": 0.89, "2": 5, "3": 0.39 }`. */
  mappaPercent: z.optional(z.partialRecord(z.enum(MAPPA_LEVELS), share)),
  /** The share of the caseload that is a PPO case, in percent. */
  ppoPercent: z.optional(share),
  /** The area's own definition of a PPO case, on which `ppoPercent` is based, with its Welsh beside it. */
  ppoDefinition: z.optional(z.strictObject({ text: contextText, textCy: z.optional(contextText) })),
  /** The total revenue budget of each financial year given (`2006/2007`), in whole pounds. */
  revenueBudgets: z.optional(
    z
      .array(
        z.strictObject({
          year: z.string().check(z.regex(/^\d{4}\/\d{4}$/, 'Give the year as 2006/2007')),
          pounds: z.int().check(z.minimum(0), z.maximum(10_000_000_000)),
        }),
      )
      .check(z.maxLength(10)),
  ),
  /** The area's approved premises and the residents each can hold. */
  approvedPremises: z.optional(
    z
      .array(
        z.strictObject({
          name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
          capacity: z.int().check(z.minimum(0), z.maximum(1000)),
        }),
      )
      .check(z.maxLength(50)),
  ),
} satisfies Record<(typeof AREA_FIGURE_KEYS)[number], unknown>;
