// 6. Scale: 200 mounted lists and 50 polled operations in one jsdom page. Requests per poll
// interval, and how many components re-render when one slice of state changes.
import { render } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { afterEach, beforeEach, it, vi } from 'vitest';
import { useAsyncOperation } from '../src/react/useAsyncOperation.js';
import { usePaginatedList } from '../src/react/usePaginatedList.js';
import { useRateLimit } from '../src/react/useRateLimit.js';
import { createHarness } from '../test/react/senseiTestHarness.js';
import { advance, report, useBenchClock } from './benchKit.js';

const LISTS = 200;
const OPERATIONS = 50;
const WARMUP_MS = 5000;
const WINDOW_MS = 10_000;
const POLL_MS = 1000;

beforeEach(() => {
  useBenchClock();
});
afterEach(() => {
  vi.useRealTimers();
});

it('200 lists and 50 polled operations', async () => {
  const h = createHarness({
    api: {
      items: 150,
      scenario: {
        // A quota this page cannot exhaust: the point here is steady-state traffic, not 429s.
        rateLimit: { limit: 1_000_000, windowMs: 3_600_000 },
        // Every status differs from the last (`updated_at`, progress), so each poll changes its slice.
        operations: { completeAfterMs: 3_600_000, retryAfterSeconds: POLL_MS / 1000 },
        slow: { latencyMs: 50, match: { method: 'GET' } },
      },
    },
  });
  const statusUrls: string[] = [];
  for (let i = 0; i < OPERATIONS; i += 1) {
    const { operation } = await h.client.startOperation('/v1/migrations', { name: `op-${i}` });
    statusUrls.push(operation.status_url as string);
  }

  const commits = { lists: 0, operations: 0, remaining: 0, isLimited: 0 };
  const onRender =
    (group: keyof typeof commits): ProfilerOnRenderCallback =>
    () => {
      commits[group] += 1;
    };

  function ListCell({ n }: { n: number }) {
    const list = usePaginatedList<{ id: string }>({ path: '/v1/migrations', params: { owner: `team-${n}` }, defaultPerPage: 10 });
    return <li>{list.items.length}</li>;
  }
  function OperationCell({ statusUrl }: { statusUrl: string }) {
    const op = useAsyncOperation({ statusUrl });
    return <li>{`${op.status} ${op.progress ?? ''}`}</li>;
  }
  function Remaining() {
    const remaining = useRateLimit((s) => s.remaining);
    return <p>{remaining}</p>;
  }
  function Limited() {
    const isLimited = useRateLimit((s) => s.isLimited);
    return <p>{isLimited ? 'paused' : 'live'}</p>;
  }

  render(
    <h.wrapper>
      <ul>
        {Array.from({ length: LISTS }, (_, n) => (
          <Profiler key={n} id="list" onRender={onRender('lists')}>
            <ListCell n={n} />
          </Profiler>
        ))}
      </ul>
      <ul>
        {statusUrls.map((url) => (
          <Profiler key={url} id="operation" onRender={onRender('operations')}>
            <OperationCell statusUrl={url} />
          </Profiler>
        ))}
      </ul>
      <Profiler id="remaining" onRender={onRender('remaining')}>
        <Remaining />
      </Profiler>
      <Profiler id="isLimited" onRender={onRender('isLimited')}>
        <Limited />
      </Profiler>
    </h.wrapper>,
  );

  // Lists load (and prefetch their page 2); polling settles into its rhythm.
  await advance(WARMUP_MS);
  const mountRequests = h.api.requests.length;
  for (const key of Object.keys(commits) as (keyof typeof commits)[]) commits[key] = 0;
  const from = Date.now();
  await advance(WINDOW_MS);
  const inWindow = h.api.requests.filter((r) => r.time >= from && r.time < from + WINDOW_MS);
  const statusGets = inWindow.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/migrations/')).length;
  const listGets = inWindow.filter((r) => r.method === 'GET' && r.path === '/v1/migrations').length;
  const intervals = WINDOW_MS / POLL_MS;

  report('scale', {
    lists: LISTS,
    operations: OPERATIONS,
    mountRequests,
    windowMs: WINDOW_MS,
    perInterval: { statusRequests: statusGets / intervals, listRequests: listGets / intervals },
    // Each status response changes one operation's slice and the rate-limit `remaining`.
    changes: { operationSlices: statusGets, remainingSlice: inWindow.length, listSlices: 0, isLimitedSlice: 0 },
    commits,
  });
});
