/**
 * A case's fields in the words people use: the case form's labels and choices, and what the
 * CSV upload accepts beside the codes (issue 27: a sheet filled in with the form's words,
 * "Community", "Tier 2", "HMI inspector", "Not relevant", is read as the form would save it).
 * Pure data, no HTML, so the CSV parser's bundle stays small.
 */
import type { CaseProfile } from '#schemas/case';

export type Choice = readonly [code: string, words: string];

const YES_NO: readonly Choice[] = [
  ['yes', 'Yes'],
  ['no', 'No'],
];

export const CASE_TYPE_CHOICES: readonly Choice[] = [
  ['community', 'Community'],
  ['licence', 'Licence'],
  ['custody', 'Custody'],
];

export const ANSWER_CHOICES: readonly Choice[] = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['na', 'Not relevant'],
];

export interface ProfileField {
  name: Exclude<keyof CaseProfile, 'caseType'>;
  label: string;
  kind: 'int' | 'bool' | 'text';
  choices: readonly Choice[];
}

/** The profile's fields in the order of the CSV's columns ('' = not recorded). */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  { name: 'tier', label: 'Tier', kind: 'int', choices: ['1', '2', '3', '4'].map((v) => [v, `Tier ${v}`] as const) },
  {
    name: 'roh',
    label: 'Risk of harm',
    kind: 'text',
    choices: [
      ['low', 'Low'],
      ['medium', 'Medium'],
      ['high', 'High'],
      ['very-high', 'Very high'],
    ],
  },
  { name: 'ppo', label: 'Prolific and other priority offender', kind: 'bool', choices: YES_NO },
  {
    name: 'gender',
    label: 'Gender',
    kind: 'text',
    choices: [
      ['male', 'Male'],
      ['female', 'Female'],
    ],
  },
  {
    name: 'ethnicity',
    label: 'Ethnicity',
    kind: 'text',
    choices: [
      ['white', 'White'],
      ['black', 'Black'],
      ['asian', 'Asian'],
      ['mixed', 'Mixed'],
      ['other', 'Other'],
      ['not-recorded', 'Not recorded by the area'],
    ],
  },
  {
    name: 'mappaLevel',
    label: 'MAPPA level',
    kind: 'int',
    choices: ['0', '1', '2', '3'].map((v) => [v, v === '0' ? 'Not MAPPA' : `Level ${v}`] as const),
  },
  { name: 'approvedPremises', label: 'Approved premises', kind: 'bool', choices: YES_NO },
  { name: 'statutoryVictimContact', label: 'Statutory victim contact', kind: 'bool', choices: YES_NO },
  {
    name: 'assessor',
    label: 'Assessor',
    kind: 'text',
    choices: [
      ['hmi', 'HMI inspector'],
      ['area', 'Area assessor'],
    ],
  },
  { name: 'transferred', label: 'Transferred from another area', kind: 'bool', choices: YES_NO },
];

/**
 * How a typed value is compared: case, spaces, dashes and underscores do not matter, so
 * "Very high", "very-high" and "VERY_HIGH" are one value.
 */
export const normalised = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** Each choice's code and words, normalised, to its code; `extra` adds other accepted spellings. */
export function acceptedSpellings(choices: readonly Choice[], extra: Readonly<Record<string, string>> = {}): Map<string, string> {
  const accepted = new Map<string, string>();
  for (const [code, words] of choices) {
    accepted.set(normalised(code), code);
    accepted.set(normalised(words), code);
  }
  for (const [spelling, code] of Object.entries(extra)) accepted.set(normalised(spelling), code);
  return accepted;
}

/**
 * The allowed values in words: "1, 2, 3 or 4 (or the form's words: Tier 1, Tier 2, ...)".
 * Words that only differ from their code in case are not repeated.
 */
export function allowedValues(choices: readonly Choice[]): string {
  const codes = choices.map(([code]) => code);
  const list = codes.length > 1 ? `${codes.slice(0, -1).join(', ')} or ${codes.at(-1)}` : (codes[0] ?? '');
  const words = choices.filter(([code, word]) => normalised(code) !== normalised(word)).map(([, word]) => word);
  return words.length ? `${list} (or the form's words: ${words.join(', ')})` : list;
}
