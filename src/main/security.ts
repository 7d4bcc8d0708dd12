/**
 * Which URLs the app may load: its own renderer files (app://renderer/…, see app-protocol.ts; or
 * file:// under the renderer folder, should it ever be loaded that way), the electron-vite dev
 * server in development, and inline data: images/fonts. Everything else — http(s) to the
 * internet, other local files, other schemes — is refused by the request filter and by the
 * navigation guard. Pure functions (no electron import) so they are unit-tested.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_SCHEME, resolveAppPath } from './app-protocol';

export interface AppOrigin {
  /** Absolute folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** electron-vite dev server URL (development only), e.g. http://localhost:5173. */
  devServerUrl?: string | null;
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** May the app's session fetch this URL at all (scripts, styles, images, fonts, XHR)? */
export function isAllowedRequest(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'file:': {
      let path: string;
      try {
        path = fileURLToPath(parsed);
      } catch {
        return false;
      }
      return isInside(origin.rendererDir, path);
    }
    case `${APP_SCHEME}:`:
      return resolveAppPath(url, origin.rendererDir) !== null;
    case 'data:':
      return /^data:(image|font)\//i.test(url) || /^data:application\/(font|x-font)/i.test(url);
    case 'devtools:':
      return true;
    case 'http:':
    case 'https:':
    case 'ws:':
      return !!origin.devServerUrl && sameOrigin(url.replace(/^ws:/, 'http:'), origin.devServerUrl);
    default:
      return false;
  }
}

/** May the window navigate to this URL? Only to the app's own page (reloads); never elsewhere. */
export function isAllowedNavigation(url: string, origin: AppOrigin): boolean {
  if (url.startsWith('data:') || url.startsWith('devtools:')) return false;
  return isAllowedRequest(url, origin);
}

/** Is this IPC sender the app's own page? */
export function isTrustedSender(frameUrl: string | undefined | null, origin: AppOrigin): boolean {
  if (!frameUrl) return false;
  return isAllowedNavigation(frameUrl, origin);
}

/** Adds the CSP to a response's headers, replacing any CSP the response carried. */
export function withCsp(
  headers: Record<string, string | string[]> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') continue;
    out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
