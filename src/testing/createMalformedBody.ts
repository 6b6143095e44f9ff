import type { MalformedKind } from './MockScenario.js';
import { mockErrorBody } from './mockErrorBody.js';

/** Size of the `huge` body's padding: big enough to hurt a client that reads bodies blindly. */
export const hugeBodyBytes = 10 * 1024 * 1024;

/** The status each malformed kind is sent with unless the scenario says otherwise. */
export function defaultMalformedStatus(kind: MalformedKind): number {
  return kind === 'html' ? 502 : 500;
}

const statusTexts: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** Body and content type of a response that breaks the contract in the way `kind` names. */
export function createMalformedBody(
  kind: MalformedKind,
  status: number,
  requestId: string,
): { body: string; contentType: string } {
  const json = 'application/json';
  const text = statusTexts[status] ?? 'Error';
  switch (kind) {
    case 'html':
      // What nginx in front of an API sends when the upstream is down.
      return {
        contentType: 'text/html; charset=utf-8',
        body:
          `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n` +
          `<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n` +
          '</body>\r\n</html>\r\n',
      };
    case 'truncated': {
      const whole = JSON.stringify(
        status >= 400
          ? mockErrorBody(status, requestId)
          : { data: [{ id: 'mig_000001', name: 'Import users #1', status: 'completed' }] },
      );
      return { contentType: json, body: whole.slice(0, Math.floor(whole.length / 2)) };
    }
    case 'empty':
      return { contentType: json, body: '' };
    case 'array':
      return { contentType: json, body: JSON.stringify([mockErrorBody(status, requestId).error]) };
    case 'huge': {
      const body = mockErrorBody(status, requestId, { details: { padding: 'x'.repeat(hugeBodyBytes) } });
      return { contentType: json, body: JSON.stringify(body) };
    }
    case 'wrong-shape':
      // Valid JSON in the shape another framework (Spring) uses for errors.
      return {
        contentType: json,
        body: JSON.stringify({
          timestamp: '2024-01-01T00:00:00.000+00:00',
          status,
          error: text,
          path: '/v1/migrations',
        }),
      };
  }
}
