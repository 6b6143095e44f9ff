import type { MockSenseiApi } from './createMockSenseiApi.js';
import { jsonResponse } from './jsonResponse.js';
import type { MockScenario } from './MockScenario.js';

/** Where `startMockSenseiServer` answers the scenario control requests, at its root. */
export const SCENARIO_CONTROL_PATH = '/__sensei/scenario';

/** What `POST /__sensei/scenario` takes. */
export interface ScenarioControlRequest {
  /** Switches to set; a switch set to `null` is turned off. */
  scenario?: { [K in keyof MockScenario]?: MockScenario[K] | null };
  /**
   * Turn every switch not named in `scenario` off first, so the mock is in exactly that scenario.
   * @default false (the switches are merged into the scenario in force, as `setScenario` does)
   */
  replace?: boolean;
  /** `startMockSenseiServer` only: whether CORS exposes the rate-limit headers from now on. */
  exposeHeaders?: boolean;
}

/** What `GET` and `POST /__sensei/scenario` answer. */
export interface ScenarioControlState {
  scenario: MockScenario;
  /** Whether CORS exposes the rate-limit headers (`true` where there is no CORS). */
  exposeHeaders: boolean;
}

/** The switches of the server's CORS, when it has them. */
export interface ScenarioControlHeaders {
  readonly exposeHeaders: boolean;
  setExposeHeaders(expose: boolean): void;
}

/**
 * Answers a scenario control request for `api`: `GET` reads the scenario in force, `POST`
 * switches it (see {@link ScenarioControlRequest}), from another process, a devtools panel or
 * `curl`. A body that is not JSON or names an impossible scenario gets 400 and changes nothing.
 */
export async function handleScenarioControl(request: Request, api: MockSenseiApi, headers?: ScenarioControlHeaders): Promise<Response> {
  const state = (): ScenarioControlState => ({ scenario: api.scenario, exposeHeaders: headers?.exposeHeaders ?? true });
  if (request.method === 'GET') return jsonResponse(200, state());
  if (request.method !== 'POST') return jsonResponse(405, { error: 'Use GET to read the scenario, POST to switch it.' }, { Allow: 'GET, POST' });
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return jsonResponse(400, { error: 'The body must be JSON: { "scenario": { … }, "replace"?: boolean, "exposeHeaders"?: boolean }.' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return jsonResponse(400, { error: 'The body must be a JSON object: { "scenario": { … } }.' });
  }
  const { scenario = {}, replace = false, exposeHeaders } = body as ScenarioControlRequest;
  if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
    return jsonResponse(400, { error: '"scenario" must be an object of switches, e.g. { "rateLimit": { "limit": 5, "windowMs": 10000 } }.' });
  }
  if (exposeHeaders !== undefined && typeof exposeHeaders !== 'boolean') {
    return jsonResponse(400, { error: '"exposeHeaders" must be true or false.' });
  }
  const patch: Record<string, unknown> = {};
  if (replace) for (const key of Object.keys(api.scenario)) patch[key] = undefined;
  for (const [key, value] of Object.entries(scenario)) patch[key] = value ?? undefined;
  try {
    api.setScenario(patch as MockScenario);
  } catch (error: unknown) {
    if (error instanceof RangeError) return jsonResponse(400, { error: error.message });
    throw error;
  }
  if (exposeHeaders !== undefined) headers?.setExposeHeaders(exposeHeaders);
  return jsonResponse(200, state());
}
