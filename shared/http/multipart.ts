/**
 * The parser of `multipart/form-data` bodies (busboy), in its own module: only the functions
 * whose routes take uploads pass it to `httpHandler`, so no other bundle carries busboy.
 */
import { Busboy } from '@fastify/busboy';
import { InvalidInput } from '../core/errors';
import type { MultipartBody } from './handler';

/** A browser's file upload: at most one file and a handful of short fields. */
export function parseMultipart(contentType: string, data: Buffer, limit: number): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    const bad = (message: string) => new InvalidInput([{ path: 'body', message }], message);
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({
        headers: { 'content-type': contentType },
        limits: { files: 1, fileSize: limit, fields: 10, fieldSize: 2000, parts: 12, headerPairs: 20 },
      });
    } catch {
      reject(bad('The form could not be read: it is not multipart/form-data with a boundary.'));
      return;
    }
    const out: MultipartBody = { fields: Object.create(null), files: [] };
    parser.on('field', (name: string, value: string) => {
      out.fields[name] = value;
    });
    parser.on('file', (field: string, stream: NodeJS.ReadableStream & { truncated?: boolean }, filename: string, _enc: string, mimeType: string) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => out.files.push({ field, filename: filename ?? '', mimeType: mimeType ?? '', data: Buffer.concat(chunks), truncated: !!stream.truncated }));
    });
    parser.on('error', () => reject(bad('The form could not be read.')));
    parser.on('finish', () => resolve(out));
    parser.end(data);
  });
}

