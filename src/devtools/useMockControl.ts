'use client';
import { useCallback, useEffect, useState } from 'react';

/** The scenario control endpoint of `startMockSenseiServer`, relative to its URL. */
const CONTROL_PATH = '/__sensei/scenario';

type Scenario = Readonly<Record<string, unknown>>;

export interface MockControl {
  /** The scenario in force, as the mock said it; `undefined` until read. */
  scenario: Scenario | undefined;
  /** The last failure to read or switch, as text. */
  error: string | undefined;
  /** Switches the mock to exactly `scenario` (`replace: true`). */
  apply: (scenario: Scenario) => Promise<void>;
}

/** One request to the control endpoint: the scenario it answered, or why it failed. */
async function control(endpoint: string, init?: RequestInit): Promise<{ scenario?: Scenario; error?: string }> {
  try {
    const response = await fetch(endpoint, init);
    const body = (await response.json()) as { scenario?: Scenario; error?: string };
    return response.ok ? { scenario: body.scenario ?? {} } : { error: body.error ?? String(response.status) };
  } catch (cause: unknown) {
    return { error: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** Reads and switches a mock server's scenario over its HTTP control endpoint. */
export function useMockControl(url: string | undefined): MockControl {
  const [state, setState] = useState<{ scenario?: Scenario; error?: string }>({});
  const endpoint = url ? `${url.replace(/\/+$/, '')}${CONTROL_PATH}` : undefined;

  useEffect(() => {
    if (!endpoint) return;
    let live = true;
    void control(endpoint).then((next) => {
      if (live) setState((prev) => ({ scenario: next.scenario ?? prev.scenario, error: next.error }));
    });
    return () => {
      live = false;
    };
  }, [endpoint]);

  const apply = useCallback(
    async (scenario: Scenario) => {
      if (!endpoint) return;
      const next = await control(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ scenario, replace: true }),
      });
      setState((prev) => ({ scenario: next.scenario ?? prev.scenario, error: next.error }));
    },
    [endpoint],
  );
  return { scenario: state.scenario, error: state.error, apply };
}
