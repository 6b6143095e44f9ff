import { useCallback, useEffect, useId, useState } from 'react';
import { SCENARIO_PRESETS, type MockState, type ScenarioPresetId } from '../scenarios.js';

const POLL_MS = 1000;

async function call(path: string, body?: unknown): Promise<MockState> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`The demo server answered ${response.status}`);
  return (await response.json()) as MockState;
}

/**
 * The demo's own control strip, apart from the dashboard: switches the embedded mock API into
 * a scenario through the demo server (`/__mock/*`, same origin), and shows how many requests
 * reached the API — so a visitor can see that none leave while rate limited.
 */
export function ScenarioStrip() {
  const [state, setState] = useState<MockState | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const titleId = useId();
  const descriptionId = useId();

  const run = useCallback((path: string, body?: unknown) => {
    call(path, body).then(
      (next) => {
        setState(next);
        setProblem(undefined);
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  useEffect(() => {
    run('/__mock/state');
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') run('/__mock/state');
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [run]);

  const active = SCENARIO_PRESETS.find((preset) => preset.id === state?.preset);
  const choose = (id: ScenarioPresetId) => {
    setState((current) => current && { ...current, preset: id });
    run('/__mock/scenario', { preset: id });
  };

  return (
    <aside className="demo-scenario" aria-labelledby={titleId} data-preset={state?.preset}>
      <div className="demo-scenario-head">
        <h2 id={titleId}>
          <span className="demo-scenario-tag">Demo only</span> Mock API scenario
        </h2>
        <p className="demo-scenario-count">
          Requests received by the API: <strong data-testid="request-count">{state?.requestCount ?? '…'}</strong>
        </p>
      </div>
      <fieldset className="demo-scenario-options" aria-describedby={descriptionId}>
        <legend className="demo-visually-hidden">Scenario</legend>
        {SCENARIO_PRESETS.map((preset) => (
          <label key={preset.id} className="demo-chip">
            <input
              type="radio"
              name="scenario"
              value={preset.id}
              checked={state?.preset === preset.id}
              onChange={() => choose(preset.id)}
            />
            <span>{preset.label}</span>
          </label>
        ))}
      </fieldset>
      <p id={descriptionId} className="demo-scenario-description">
        {active?.description ?? (state?.preset === 'custom' ? 'A custom scenario set through the control endpoint.' : '\u00a0')}
      </p>
      <div className="demo-scenario-foot">
        <label className="demo-checkbox">
          <input
            type="checkbox"
            checked={state ? !state.exposeHeaders : false}
            onChange={(event) => {
              const exposeHeaders = !event.currentTarget.checked;
              setState((current) => current && { ...current, exposeHeaders });
              run('/__mock/scenario', { exposeHeaders });
            }}
          />
          Hide the rate-limit headers from the page (CORS without <code>Access-Control-Expose-Headers</code>)
        </label>
        <button type="button" className="demo-button" onClick={() => run('/__mock/reset', {})}>
          Reset mock
        </button>
        {problem && (
          <p role="alert" className="demo-scenario-problem">
            Could not reach the demo server: {problem}
          </p>
        )}
      </div>
    </aside>
  );
}
