/** Which part of the seed's status tables a code belongs to. */
export type StatusCategory = 'success' | 'client' | 'server';

/** One row of the Sensei API's status tables (`api-status-codes.md`), as data. */
export interface StatusCodeInfo {
  readonly status: number;
  /** The HTTP reason phrase, e.g. `Too Many Requests`. */
  readonly statusText: string;
  /** What the status means for the Sensei API. */
  readonly description: string;
  /** The seed's "Common Use" (2xx) or "Solution" (4xx/5xx) column. */
  readonly hint: string;
  readonly category: StatusCategory;
}

// The category follows from the status class: 2xx success, 4xx client, 5xx server.
const row = (status: number, statusText: string, description: string, hint: string): StatusCodeInfo =>
  Object.freeze({
    status,
    statusText,
    description,
    hint,
    category: status < 300 ? 'success' : status < 500 ? 'client' : 'server',
  });

/**
 * The status codes the Sensei API returns, copied from its contract so that UI and docs read
 * them from one place instead of repeating them.
 */
export const SENSEI_STATUS_CODES: readonly StatusCodeInfo[] = Object.freeze([
  row(200, 'OK', 'Request successful', 'GET requests, updates'),
  row(201, 'Created', 'Resource created', 'POST creating new resource'),
  row(202, 'Accepted', 'Request accepted for processing', 'Async operations (migrations)'),
  row(204, 'No Content', 'Success, no body', 'DELETE operations'),
  row(400, 'Bad Request', 'Invalid request format', 'Check request body, parameters'),
  row(401, 'Unauthorized', 'Invalid or missing API key', 'Check API key'),
  row(403, 'Forbidden', 'Insufficient permissions', 'Check API key permissions'),
  row(404, 'Not Found', "Resource doesn't exist", 'Check resource ID'),
  row(405, 'Method Not Allowed', 'HTTP method not supported', 'Check allowed methods'),
  row(409, 'Conflict', 'Resource state conflict', 'Refresh and retry'),
  row(413, 'Payload Too Large', 'Request body too large', 'Reduce payload size'),
  row(415, 'Unsupported Media Type', 'Wrong Content-Type', 'Use application/json'),
  row(422, 'Unprocessable Entity', 'Validation failed', 'Check input values'),
  row(429, 'Too Many Requests', 'Rate limit exceeded', 'Slow down, check limits'),
  row(500, 'Internal Server Error', 'Unexpected error', 'Retry, contact support if persistent'),
  row(502, 'Bad Gateway', 'Upstream error', 'Retry after brief wait'),
  row(503, 'Service Unavailable', 'Maintenance or overload', 'Retry with backoff'),
  row(504, 'Gateway Timeout', 'Upstream timeout', 'Retry, check status page'),
]);

const byStatus = new Map(SENSEI_STATUS_CODES.map((info) => [info.status, info]));

/** The seed's row for `status`, or `undefined` for a status the Sensei API does not document. */
export function getStatusInfo(status: number): StatusCodeInfo | undefined {
  return byStatus.get(status);
}

/** A short label such as `Service Unavailable (503)`; works for undocumented statuses too. */
export function describeStatus(status: number): string {
  const info = byStatus.get(status);
  if (info) return `${info.statusText} (${status})`;
  if (
    // Stryker disable next-line EqualityOperator: 500 is documented, so the table above answers it first
    status >= 500 &&
    status <= 599
  )
    return `Server error (${status})`;
  if (
    // Stryker disable next-line EqualityOperator: 400 is documented, so the table above answers it first
    status >= 400 &&
    status <= 499
  )
    return `Client error (${status})`;
  return `HTTP ${status}`;
}
