/**
 * The renderer is served from a privileged custom scheme, app://renderer/…, rather than file://
 * (Electron security checklist: "avoid file://, prefer a custom protocol"). With file://, 'self'
 * in the CSP and the request filter would have to admit file URLs; with app:// the page's origin
 * is its own and nothing on disk outside out/renderer is reachable. Pure mapping functions here
 * (unit-tested); index.ts registers the handler.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps app://renderer/<path> to a file inside rendererDir; null for anything else (other host, traversal, odd URL). */
export function resolveAppPath(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const rel = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const file = resolve(root, rel.split('/').join(sep));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** Serves one app:// request: the file with its MIME type and the CSP, or 404. */
export async function serveApp(
  url: string,
  rendererDir: string,
  csp: string,
): Promise<AppResponse> {
  const file = resolveAppPath(url, rendererDir);
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
  };
  if (!file) return { status: 404, headers, body: null };
  try {
    const body = await readFile(file);
    return { status: 200, headers: { ...headers, 'Content-Type': mimeOf(file) }, body };
  } catch {
    return { status: 404, headers, body: null };
  }
}
