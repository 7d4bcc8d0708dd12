/**
 * Security constants shared by the main process and the renderer's index.html.
 *
 * The Content-Security-Policy is applied twice: as a response header by the main process
 * (session.webRequest.onHeadersReceived) and as a <meta http-equiv="Content-Security-Policy">
 * in src/renderer/index.html (renderer engineer: copy APP_CSP verbatim there). 'unsafe-inline'
 * for styles only, because antd injects inline <style>; scripts are 'self' only.
 *
 * APP_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;
 *            font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'"
 */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'";

/** Name under which the preload exposes the API (window.nianbao). */
export const API_KEY = 'nianbao';
