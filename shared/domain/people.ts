/**
 * People by name (issue 27): a page names who did something from the people directory,
 * written when each person signs in, never by their account id. One BatchGet a page.
 */
import type { Role } from '../core/roles';
import { peopleNames, putPerson } from '../store/people';

/** A person's name for a page; `fallback` when the directory has none (a JSON API token's user, say). */
export type NameOf = (sub: string | undefined | null, fallback?: string) => string;

export const UNKNOWN_PERSON = 'Unknown person';

/** What a page says for someone with no name: their role, in words. */
export const ROLE_AS_PERSON: Record<Role, string> = { admin: 'An admin', inspector: 'An inspector', staff: 'A staff member' };

/** Words for a nameless person who held these roles (the highest first), or "Unknown person". */
export function roleAsPerson(roles: readonly string[]): string {
  const role = (['admin', 'inspector', 'staff'] as const).find((r) => roles.includes(r));
  return role ? ROLE_AS_PERSON[role] : UNKNOWN_PERSON;
}

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
