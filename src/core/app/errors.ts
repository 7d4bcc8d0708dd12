/** An error whose message is meant for the user (Chinese), returned as { ok: false, message }. */
export class UserError extends Error {
  override name = 'UserError';
}
