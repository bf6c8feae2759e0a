/**
 * People by name (issue 27): a page names who did something from the people directory,
 * written when each person signs in, never by their account id. One BatchGet a page.
 */
import { roleAsPerson, UNKNOWN_PERSON } from '#core/roles';
import { peopleNames, putPerson } from '#store/people';

export { ROLE_AS_PERSON, roleAsPerson, UNKNOWN_PERSON } from '#core/roles';

export type { NameOf } from '#core/roles';
import type { NameOf } from '#core/roles';

/**
 * Records the name a person signed in with. One whose provider gave neither a name nor an email
 * is recorded by their role in words, so pages never fall back on their account id.
 */
export async function rememberPerson(sub: string, displayName: string, roles: readonly string[]): Promise<void> {
  await putPerson(sub, displayName.trim() || roleAsPerson(roles));
}

/** Reads the names of everyone among `subs` at once, for one page. */
export async function namesOf(subs: Iterable<string | undefined | null>): Promise<NameOf> {
  const wanted = [...subs].filter((s): s is string => typeof s === 'string' && s !== '');
  const names = wanted.length === 0 ? new Map<string, string>() : await peopleNames(wanted);
  return (sub, fallback = UNKNOWN_PERSON) => (sub ? names.get(sub) : undefined) ?? fallback;
}
