/**
 * Who may do what is the product's rule, not HTTP's: the route table, the domain and the
 * web pages all speak of these roles, wherever the person's identity came from (a bearer
 * token's claims, or a workbench session).
 */
export const ROLES = ['admin', 'inspector', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  sub: string;
  roles: Role[];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const UNKNOWN_PERSON = 'Unknown person';

/** What a page says for someone with no name: their role, in words. */
export const ROLE_AS_PERSON: Record<Role, string> = { admin: 'An admin', inspector: 'An inspector', staff: 'A staff member' };

/** Words for a nameless person who held these roles (the highest first), or "Unknown person". */
export function roleAsPerson(roles: readonly string[]): string {
  const role = ROLES.find((r) => roles.includes(r));
  return role ? ROLE_AS_PERSON[role] : UNKNOWN_PERSON;
}

/** A person's name for a page; `fallback` when the directory has none (a JSON API token's user, say). */
export type NameOf = (sub: string | undefined | null, fallback?: string) => string;
