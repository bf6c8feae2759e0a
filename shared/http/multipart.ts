/**
 * The parser of `multipart/form-data` bodies (busboy), in its own module: only the functions
 * whose routes take uploads pass it to `httpHandler`, so no other bundle carries busboy.
 */
import { Busboy } from '@fastify/busboy';
import { InvalidInput } from '#core/errors';
import type { MultipartBody } from './handler';

/**
 * A browser's file upload: at most one file and a handful of short fields. `beforeFile` sees
 * the fields sent ahead of the file (a form's hidden CSRF token comes first) and may refuse
 * the form by throwing, so that a forged upload is refused before its file is read.
 *
 * Every stream busboy hands out gets an `error` listener: a body cut off in the middle of a
 * part makes the part's stream emit one, and an unheard `error` event is an uncaught
 * exception, which stops a Node process (a Lambda execution environment, or `npm start`).
 */
export function parseMultipart(
  contentType: string,
  data: Buffer,
  limit: number,
  beforeFile?: (fields: Record<string, string>) => void,
): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const bad = (message: string) => new InvalidInput([{ path: 'body', message }], message);
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({
        headers: { 'content-type': contentType },
        limits: { files: 1, fileSize: limit, fields: 10, fieldSize: 2000, parts: 12, headerPairs: 20 },
      });
    } catch {
      fail(bad('The form could not be read: it is not multipart/form-data with a boundary.'));
      return;
    }
    const out: MultipartBody = { fields: Object.create(null), files: [] };
    parser.on('field', (name: string, value: string) => {
      out.fields[name] = value;
    });
    parser.on('file', (field: string, stream: NodeJS.ReadableStream & { truncated?: boolean }, filename: string, _enc: string, mimeType: string) => {
      stream.on('error', () => fail(bad('The form could not be read: it ended in the middle of the file.')));
      if (settled) {
        stream.resume();
        return;
      }
      try {
        beforeFile?.(out.fields);
      } catch (refused) {
        fail(refused);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () =>
        out.files.push({ field, filename: filename ?? '', mimeType: mimeType ?? '', data: Buffer.concat(chunks), truncated: !!stream.truncated }),
      );
    });
    parser.on('error', () => fail(bad('The form could not be read.')));
    parser.on('finish', () => {
      if (settled) return;
      settled = true;
      resolve(out);
    });
    try {
      parser.end(data);
    } catch {
      fail(bad('The form could not be read.'));
    }
  });
}
