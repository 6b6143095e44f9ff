import { http, type HttpHandler } from 'msw';
import type { MockSenseiApi } from './createMockSenseiApi.js';

/**
 * MSW request handlers that answer everything under `api.baseUrl` with the mock API. The only
 * file of the mock that imports `msw`.
 *
 * @example
 * const api = createMockSenseiApi();
 * const server = setupServer(...createMswHandlers(api)); // from 'msw/node'
 */
export function createMswHandlers(api: MockSenseiApi): HttpHandler[] {
  return [
    http.all(`${api.baseUrl}/*`, async ({ request }) => {
      try {
        return await api.handle(request);
      } catch (error: unknown) {
        // The client aborted while the mock waited; the fetch has already rejected, so end
        // quietly instead of letting MSW report an exception from the handler.
        if (request.signal.aborted) return Response.error();
        throw error;
      }
    }),
  ];
}
