import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFound } from '#core/errors';
import { httpHandler, type HttpReply, type RouteHandler } from '#http/handler';
import { assetsRoutes } from '#route-table/assets';
import { INIT_SCRIPT, resolveAsset } from '#web/common/assets';

/** Locally node_modules/govuk-frontend/dist/govuk; in Lambda the copy next to the bundle. */
const root = resolve(process.env.ASSETS_DIR || fileURLToPath(new URL('./assets/', import.meta.url)));

/** A container serves the same few files again and again: keep them once read. */
const cache = new Map<string, Promise<Buffer>>();

function read(file: string): Promise<Buffer> {
  let content = cache.get(file);
  if (!content) {
    content = readFile(file);
    cache.set(file, content);
    content.catch(() => cache.delete(file));
  }
  return content;
}

const asset: RouteHandler<'GET /assets/{path+}'> = async ({ params }) => {
  const path = params.path;
  if (path === 'js/init.mjs') {
    return reply(Buffer.from(INIT_SCRIPT), 'text/javascript; charset=utf-8', false, 'public, max-age=31536000, immutable');
  }
  const asset = resolveAsset(path);
  const file = asset ? resolve(root, asset.file) : undefined;
  // Belt and braces: resolveAsset only ever names files inside the root.
  if (!asset || !file?.startsWith(root + sep)) throw new NotFound('No such asset.');
  let content: Buffer;
  try {
    content = await read(file);
  } catch {
    throw new NotFound('No such asset.');
  }
  return reply(content, asset.contentType, asset.binary, asset.cacheControl);
};

export const handler = httpHandler(assetsRoutes, { 'GET /assets/{path+}': asset });

function reply(content: Buffer, contentType: string, binary: boolean, cacheControl: string): HttpReply {
  return {
    status: 200,
    body: binary ? content.toString('base64') : content.toString('utf8'),
    contentType,
    isBase64Encoded: binary,
    headers: { 'cache-control': cacheControl },
  };
}
