import { describe, expect, it } from 'vitest';
import { describeStatus, getStatusInfo, SENSEI_STATUS_CODES } from '../../src/core/index.js';

// The tables of api-status-codes.md, copied by hand so a drift in src is caught.
const SEED: ReadonlyArray<[number, string, string, string]> = [
  [200, 'OK', 'Request successful', 'GET requests, updates'],
  [201, 'Created', 'Resource created', 'POST creating new resource'],
  [202, 'Accepted', 'Request accepted for processing', 'Async operations (migrations)'],
  [204, 'No Content', 'Success, no body', 'DELETE operations'],
  [400, 'Bad Request', 'Invalid request format', 'Check request body, parameters'],
  [401, 'Unauthorized', 'Invalid or missing API key', 'Check API key'],
  [403, 'Forbidden', 'Insufficient permissions', 'Check API key permissions'],
  [404, 'Not Found', "Resource doesn't exist", 'Check resource ID'],
  [405, 'Method Not Allowed', 'HTTP method not supported', 'Check allowed methods'],
  [409, 'Conflict', 'Resource state conflict', 'Refresh and retry'],
  [413, 'Payload Too Large', 'Request body too large', 'Reduce payload size'],
  [415, 'Unsupported Media Type', 'Wrong Content-Type', 'Use application/json'],
  [422, 'Unprocessable Entity', 'Validation failed', 'Check input values'],
  [429, 'Too Many Requests', 'Rate limit exceeded', 'Slow down, check limits'],
  [500, 'Internal Server Error', 'Unexpected error', 'Retry, contact support if persistent'],
  [502, 'Bad Gateway', 'Upstream error', 'Retry after brief wait'],
  [503, 'Service Unavailable', 'Maintenance or overload', 'Retry with backoff'],
  [504, 'Gateway Timeout', 'Upstream timeout', 'Retry, check status page'],
];

describe('SENSEI_STATUS_CODES', () => {
  it('holds exactly the status codes of the seed, in order', () => {
    expect(SENSEI_STATUS_CODES.map((info) => info.status)).toEqual(SEED.map(([status]) => status));
  });

  it.each(SEED)('%i: %s — %s — %s', (status, statusText, description, hint) => {
    const info = getStatusInfo(status);
    expect(info).toMatchObject({ status, statusText, description, hint });
    const category = status < 300 ? 'success' : status < 500 ? 'client' : 'server';
    expect(info?.category).toBe(category);
  });

  it('is frozen, rows included', () => {
    expect(Object.isFrozen(SENSEI_STATUS_CODES)).toBe(true);
    expect(SENSEI_STATUS_CODES.every((info) => Object.isFrozen(info))).toBe(true);
  });

  it('has no row for a status the API does not document', () => {
    expect(getStatusInfo(418)).toBeUndefined();
    expect(getStatusInfo(302)).toBeUndefined();
  });
});

describe('describeStatus', () => {
  it('labels a documented status with its reason phrase', () => {
    expect(describeStatus(503)).toBe('Service Unavailable (503)');
    expect(describeStatus(429)).toBe('Too Many Requests (429)');
    expect(describeStatus(204)).toBe('No Content (204)');
  });

  it('labels undocumented statuses by class', () => {
    expect(describeStatus(418)).toBe('Client error (418)');
    expect(describeStatus(599)).toBe('Server error (599)');
    expect(describeStatus(302)).toBe('HTTP 302');
  });
});
