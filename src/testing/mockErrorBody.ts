import type { StandardErrorBody } from './Migration.js';

/** Code, message and details that the mock sends for a status unless told otherwise. */
export interface MockErrorDefaults {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Realistic bodies for every error status in the seed.
 *
 * Only `E7003` (validation) comes from the seed. The other codes (`E4000`, `E4010`, … `E5040`:
 * `E` + status + `0`) are invented for the mock so that tests see a code; they are not the
 * Sensei error catalog and an app must not rely on them.
 */
export const mockErrorDefaults: Readonly<Record<number, MockErrorDefaults>> = {
  400: {
    code: 'E4000',
    message: "Invalid request: query parameter 'page' must be a positive integer",
    details: { parameter: 'page', reason: 'invalid' },
  },
  401: { code: 'E4010', message: 'Invalid or missing API key', details: {} },
  403: {
    code: 'E4030',
    message: 'Insufficient permissions: this API key cannot perform this action',
    details: { required_scope: 'migrations:write' },
  },
  404: { code: 'E4040', message: 'Resource not found', details: { resource: 'migration' } },
  405: { code: 'E4050', message: 'Method not allowed', details: { allowed: ['GET', 'POST'] } },
  409: {
    code: 'E4090',
    message: 'Conflict: the migration is already running',
    details: { resource: 'migration', state: 'running' },
  },
  413: {
    code: 'E4130',
    message: 'Request body too large',
    details: { max_bytes: 1_048_576 },
  },
  415: {
    code: 'E4150',
    message: 'Unsupported Content-Type: use application/json',
    details: { expected: 'application/json' },
  },
  422: {
    code: 'E7003',
    message: "Invalid request: missing required field 'name'",
    details: { field: 'name', reason: 'required' },
  },
  429: { code: 'E4290', message: 'Rate limit exceeded', details: {} },
  500: { code: 'E5000', message: 'Internal server error', details: {} },
  502: { code: 'E5020', message: 'Bad gateway: upstream error', details: {} },
  503: {
    code: 'E5030',
    message: 'Service unavailable: maintenance in progress',
    details: {},
  },
  504: {
    code: 'E5040',
    message: 'Gateway timeout: upstream did not respond in time',
    details: {},
  },
};

/** The standard error body for `status`, with the mock's defaults under `overrides`. */
export function mockErrorBody(
  status: number,
  requestId: string,
  overrides: Partial<MockErrorDefaults> = {},
): StandardErrorBody {
  const defaults = mockErrorDefaults[status] ?? {
    code: `E${status}0`,
    message: `Request failed with status ${status}`,
    details: {},
  };
  return {
    error: {
      code: overrides.code ?? defaults.code,
      message: overrides.message ?? defaults.message,
      details: overrides.details ?? defaults.details,
      request_id: requestId,
    },
  };
}
