/** A scenario button of the devtools. */
export interface SenseiMockScenarioPreset {
  id: string;
  label: string;
  /**
   * A `MockScenario` of `@sensei/react/testing` (typed loosely: nothing in the library's entries
   * imports the testing one), sent with `replace: true`: every switch not named is turned off.
   */
  scenario: Readonly<Record<string, unknown>>;
}

/**
 * The devtools' scenario buttons for an app running against `@sensei/react/testing`. Waits are
 * short, so the UI recovers within seconds. Pass your own list as `mockScenarios`.
 */
export const senseiMockScenarios: readonly SenseiMockScenarioPreset[] = Object.freeze([
  { id: 'normal', label: 'Normal', scenario: {} },
  { id: 'rate-limited', label: 'Rate limited', scenario: { rateLimit: { limit: 3, windowMs: 8_000 } } },
  { id: 'one-429', label: 'One 429', scenario: { rateLimitOnce: { retryAfterSeconds: 5 } } },
  { id: 'flaky', label: 'Flaky 5xx', scenario: { flaky: { probability: 0.5 } } },
  { id: 'outage', label: 'Outage 503', scenario: { error: { status: 503, retryAfterSeconds: 5 } } },
  { id: 'slow', label: 'Slow', scenario: { slow: { latencyMs: 2_000 } } },
  { id: 'offline', label: 'Network down', scenario: { offline: true } },
]);
