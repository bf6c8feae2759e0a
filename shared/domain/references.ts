/**
 * Paper-form references, pure. Each invitation gets one, printed on the paper questionnaire by
 * the mail merge, so an inspector can enter a paper return against the right invitation:
 * 8 characters from 31 letters and digits that cannot be misread for each other (no 0/O, 1/I/L),
 * about 40 random bits, drawn independently of the token so nothing leads from one to the other.
 * A reference is not a credential: it opens nothing online, and entering a return with it
 * takes an inspector's sign-in.
 */
import { randomInt } from 'node:crypto';

export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const REFERENCE_LENGTH = 8;
const SHAPE = new RegExp(`^[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);

export function newReference(): string {
  let out = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return out;
}

/** As typed from a paper form: case, spaces and hyphens do not matter ("abcd-efgh" -> "ABCDEFGH"). */
export function normaliseReference(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

export function isWellFormedReference(reference: string): boolean {
  return SHAPE.test(reference);
}
