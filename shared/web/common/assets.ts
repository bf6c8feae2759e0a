/**
 * The static files the pages load, served by GET /assets/{path+} from GOV.UK Frontend's
 * `dist/govuk` folder (locally ASSETS_DIR=node_modules/govuk-frontend/dist/govuk; in Lambda
 * the same layout copied next to the bundle, in ./assets/):
 *
 *   /assets/css/govuk-frontend.min.css   -> govuk-frontend.min.css
 *   /assets/js/govuk-frontend.min.js     -> govuk-frontend.min.js
 *   /assets/js/init.mjs                  -> generated here (starts GOV.UK Frontend's components)
 *   /assets/fonts/<file>, /assets/images/<file>, /assets/manifest.json
 *                                        -> assets/fonts/<file>, ... (the paths the CSS itself uses)
 *
 * Anything else is a 404: an allow-list of names and extensions, so no path can climb out.
 */
import govukPackage from 'govuk-frontend/package.json' with { type: 'json' };

/** Appended to CSS and JS links (?v=) so a year's caching never serves an old release. */
export const ASSET_VERSION: string = govukPackage.version;

export const ASSET_PATHS = {
  css: `/assets/css/govuk-frontend.min.css?v=${ASSET_VERSION}`,
  js: `/assets/js/init.mjs?v=${ASSET_VERSION}`,
} as const;

const CONTENT_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  json: 'application/manifest+json; charset=utf-8',
};

const BINARY = new Set(['woff2', 'woff', 'png', 'ico']);

export interface AssetFile {
  /** Relative to ASSETS_DIR, always inside it. */
  file: string;
  contentType: string;
  binary: boolean;
  cacheControl: string;
}

const YEAR = 'public, max-age=31536000, immutable';
const WEEK = 'public, max-age=604800';

/** Fonts carry a content hash in their names; CSS and JS are linked with ?v=<release>. */
function describe(file: string, cacheControl: string): AssetFile | undefined {
  const ext = /\.([a-z0-9]+)$/.exec(file)?.[1];
  const contentType = ext ? CONTENT_TYPES[ext] : undefined;
  if (!ext || !contentType) return undefined;
  return { file, contentType, binary: BINARY.has(ext), cacheControl };
}

/** Maps the `{path+}` of /assets/{path+} to a file, or undefined (404). Never touches the disk. */
export function resolveAsset(path: string): AssetFile | undefined {
  if (path === 'css/govuk-frontend.min.css') return describe('govuk-frontend.min.css', YEAR);
  if (path === 'js/govuk-frontend.min.js') return describe('govuk-frontend.min.js', YEAR);
  if (path === 'manifest.json') return describe('assets/manifest.json', WEEK);
  const m = /^(fonts|images)\/([A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9]+)+)$/.exec(path);
  if (!m) return undefined;
  return describe(`assets/${m[1]}/${m[2]}`, m[1] === 'fonts' ? YEAR : WEEK);
}

/**
 * The one script the pages load (CSP: script-src 'self', so no inline script): marks the body
 * as JavaScript-capable, as GOV.UK's page template does, then starts every component. The
 * pages work fully without it.
 */
export const INIT_SCRIPT = `import { initAll } from '/assets/js/govuk-frontend.min.js?v=${ASSET_VERSION}';
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
`;
