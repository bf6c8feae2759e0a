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
