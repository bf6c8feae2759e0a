/**
 * Locally the server plays API Gateway's JWT authorizer: HS256, issuer `omi-local`.
 * In AWS, Cognito issues the tokens and the authorizer checks them; handlers never verify.
 */
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { Role } from '#core/roles';

export const LOCAL_ISSUER = 'omi-local';

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signLocalToken(secret: string, sub: string, groups: Role[], ttlSeconds = 12 * 3600): Promise<string> {
  return new SignJWT({ 'cognito:groups': groups })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(LOCAL_ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(secretKey(secret));
}

/** Returns the verified claims, or undefined for any missing, malformed, forged or expired token. */
export async function verifyLocalToken(secret: string, authorization: string | undefined): Promise<JWTPayload | undefined> {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization ?? '');
  if (!match) return undefined;
  try {
    const { payload } = await jwtVerify(match[1]!, secretKey(secret), {
      issuer: LOCAL_ISSUER,
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
    });
    return payload;
  } catch {
    return undefined;
  }
}

/** API Gateway hands claims to the Lambda as strings, arrays flattened to "[a b]". */
export function claimsAsApiGateway(payload: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    out[key] = Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}
