import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isRole, type Role, type User } from '#core/roles';

type ClaimValue = string | number | boolean | string[];

/**
 * API Gateway's JWT authorizer flattens array claims into one string, "[admin inspector]";
 * a direct invocation may pass a real array. Accept both, ignore unknown groups. Split on
 * whitespace only: Cognito group names cannot contain it, but may contain commas, so a
 * group named "readers,admin" must not count as admin.
 */
export function parseGroups(claim: ClaimValue | undefined): Role[] {
  if (claim === undefined) return [];
  const raw = Array.isArray(claim) ? claim : String(claim).replace(/^\[/, '').replace(/\]$/, '').split(/\s+/);
  return raw.map((g) => g.trim()).filter(isRole);
}

export function userFromEvent(event: APIGatewayProxyEventV2): User | undefined {
  const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, ClaimValue> } } }).authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') return undefined;
  return { sub: claims.sub, roles: parseGroups(claims['cognito:groups']) };
}
