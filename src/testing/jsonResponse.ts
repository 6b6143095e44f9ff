import { mockErrorBody, type MockErrorDefaults } from './mockErrorBody.js';

/** A JSON response with `Content-Type: application/json`. */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * A response with the standard error body for `status`, plus the headers that go with it:
 * `Retry-After` when given, `Allow` for 405, `WWW-Authenticate` for 401.
 */
export function errorResponse(
  status: number,
  requestId: string,
  overrides: Partial<MockErrorDefaults> = {},
  { retryAfterSeconds, allow }: { retryAfterSeconds?: number | undefined; allow?: string[] } = {},
): Response {
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  if (status === 405) headers.Allow = (allow ?? ['GET', 'POST']).join(', ');
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="sensei"';
  return jsonResponse(status, mockErrorBody(status, requestId, overrides), headers);
}
