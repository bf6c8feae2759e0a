/** Reading the body: its size (413), its content type (415), then JSON, a form, CSV text or a multipart upload. */
import { Forbidden, InvalidInput, PayloadTooLarge, UnsupportedMediaType } from '#core/errors';
import { DEFAULT_MAX_BODY_BYTES, isSessionRoute } from '#route-table/spec';
import { CSRF_REFUSED } from './origin-csrf';
import type { Middleware, MultipartParser, SessionSupport } from './types';

const CONTENT_TYPES = {
  json: 'application/json',
  csv: 'text/csv',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
} as const;

export function readBody(multipart: MultipartParser | undefined, sessions: SessionSupport | undefined): Middleware {
  return {
    before: async (request) => {
      const { event, internal } = request;
      internal.query = Object.fromEntries(Object.entries(event.queryStringParameters ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
      const spec = internal.route.body;
      if (!spec) return;
      const limit = internal.route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const raw = event.body ?? '';
      const bytes = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : Buffer.byteLength(raw, 'utf8');
      if (bytes > limit) throw new PayloadTooLarge(`The body may be at most ${limit} bytes.`);

      const contentType = (event.headers?.['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (spec.kind === 'json' && spec.optional && raw === '' && contentType === '') {
        internal.body = {};
        return;
      }
      const expected = CONTENT_TYPES[spec.kind];
      if (contentType !== expected) {
        throw new UnsupportedMediaType(`Send the body as ${expected}.`, [{ path: 'content-type', message: `expected ${expected}` }]);
      }
      if (spec.kind === 'multipart' && multipart) {
        const data = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
        const session = internal.session;
        const tokenFirst =
          session && sessions && isSessionRoute(internal.route)
            ? (fields: Record<string, string>) => {
                if (!sessions.csrfTokenMatches(session, fields.csrf)) throw new Forbidden(CSRF_REFUSED);
              }
            : undefined;
        internal.body = await multipart(event.headers?.['content-type'] ?? '', data, limit, tokenFirst);
        return;
      }
      const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      internal.rawBody = text;
      if (spec.kind === 'json') {
        internal.body = parseJson(text);
      } else if (spec.kind === 'form') {
        internal.body = new URLSearchParams(text);
      } else {
        internal.body = text;
      }
    },
  };
}

/**
 * JSON.parse, refusing any "__proto__" key at any depth. JSON.parse keeps such a key as a
 * harmless own property, but zod's record() then drops it silently, so an answer keyed
 * "__proto__" would vanish (and the rest be stored) instead of being refused as unknown.
 */
export function parseJson(text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidInput([{ path: '', message: 'The body is not valid JSON.' }], 'The body is not valid JSON.');
  }
  // Only a body that spells the key, or escapes characters (\u005f...), can hold one.
  if (text.includes('__proto__') || text.includes('\\u')) {
    const found = protoKeyPaths(body);
    if (found.length) throw new InvalidInput(found.map((path) => ({ path, message: 'Unknown field' })));
  }
  return body;
}

/** Paths of "__proto__" keys, walked without recursion (a body may nest 20,000 deep). */
function protoKeyPaths(root: unknown, max = 20): string[] {
  type Node = { value: unknown; key: string; parent?: Node };
  const pathOf = (n: Node): string => {
    const parts: string[] = [];
    for (let at: Node | undefined = n; at?.parent; at = at.parent) parts.push(at.key);
    return parts.reverse().join('.');
  };
  const found: string[] = [];
  const stack: Node[] = [{ value: root, key: '' }];
  while (stack.length && found.length < max) {
    const node = stack.pop()!;
    if (typeof node.value !== 'object' || node.value === null) continue;
    for (const key of Object.keys(node.value)) {
      const child: Node = { value: (node.value as Record<string, unknown>)[key], key, parent: node };
      if (key === '__proto__') found.push(pathOf(child));
      stack.push(child);
    }
  }
  return found;
}
