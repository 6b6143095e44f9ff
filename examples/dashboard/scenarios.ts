import type { MockScenario } from '../../src/testing/index.js';

/** One choice of the demo's "Mock API scenario" strip. */
export interface ScenarioPreset {
  id: string;
  /** The chip's text. */
  label: string;
  /** What the visitor will see, in a sentence. */
  description: string;
  /** The switches on top of a clean mock (every other switch is turned off). */
  scenario: MockScenario;
}

/**
 * The scenarios a visitor can switch the embedded mock into. Shared by the page (labels) and
 * the demo server (which applies them), so the two cannot drift apart. Waits are short on
 * purpose: a visitor should see the UI recover within seconds.
 */
export const SCENARIO_PRESETS = [
  {
    id: 'normal',
    label: 'Normal',
    description: 'Everything works: 150 migrations, new ones complete after a few polls.',
    scenario: {},
  },
  {
    id: 'quota',
    label: 'Rate limited: quota',
    description: 'A quota of 15 requests per 20 seconds. Page around: the banner warns when few are left, then counts down while no request leaves.',
    scenario: { rateLimit: { limit: 15, windowMs: 20_000 } },
  },
  {
    id: 'rate-limit-once',
    label: 'Rate limited: one 429',
    description: 'The next request (press Refresh) gets 429 with Retry-After: 5. The banner counts down, then the request goes out by itself.',
    scenario: { rateLimitOnce: { retryAfterSeconds: 5 } },
  },
  {
    id: 'flaky',
    label: 'Flaky (5xx)',
    description: 'Half of all requests fail with 500, 502, 503 or 504. A toast counts down to each retry and offers Retry now.',
    scenario: { flaky: { probability: 0.5 } },
  },
  {
    id: 'outage',
    label: 'Outage (503)',
    description: 'Every request gets 503 with Retry-After: 5. Retries honour it; when they run out the error panel takes over.',
    scenario: { error: { status: 503, retryAfterSeconds: 5 } },
  },
  {
    id: 'slow',
    label: 'Slow',
    description: 'Every answer takes 2 seconds. The previous page stays on screen while the next one loads.',
    scenario: { slow: { latencyMs: 2_000 } },
  },
  {
    id: 'validation',
    label: 'Validation error (422)',
    description: 'Starting a migration fails with 422; the field error appears next to the field.',
    scenario: { error: { status: 422, match: { method: 'POST', path: '/v1/migrations' } } },
  },
  {
    id: 'failing-migrations',
    label: 'Failing migrations',
    description: 'New migrations fail after a few polls; the error panel quotes the request id.',
    scenario: { operations: { outcome: 'failed', pollsToComplete: 3 } },
  },
  {
    id: 'offline',
    label: 'Network down',
    description: 'Every connection drops, as when the API cannot be reached.',
    scenario: { offline: true },
  },
] as const satisfies readonly ScenarioPreset[];

export type ScenarioPresetId = (typeof SCENARIO_PRESETS)[number]['id'];

/** Every switch of the mock, off: a preset is applied on top of this. */
export const CLEAN_SCENARIO: { [K in keyof Required<MockScenario>]: undefined } = {
  rateLimit: undefined,
  rateLimitOnce: undefined,
  flaky: undefined,
  slow: undefined,
  malformed: undefined,
  error: undefined,
  operations: undefined,
  offline: undefined,
  drop: undefined,
};

export function findPreset(id: unknown): ScenarioPreset | undefined {
  return SCENARIO_PRESETS.find((preset) => preset.id === id);
}

/** What `GET /__mock/state` and the scenario endpoints answer. */
export interface MockState {
  /** The preset in force, or `custom` after a raw scenario (the e2e tests send those). */
  preset: ScenarioPresetId | 'custom';
  /** Whether the API exposes its rate-limit headers to the page through CORS. */
  exposeHeaders: boolean;
  /** Requests the mock API received since the last reset. */
  requestCount: number;
}
