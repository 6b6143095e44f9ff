'use client';
import { forwardRef, useId, useMemo, useSyncExternalStore, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { SenseiRequestId } from '../components/SenseiRequestId.js';
import type { SenseiClient } from '../core/createSenseiClient.js';
import { formatCountdown } from '../core/formatCountdown.js';
import { onePer } from '../core/onePer.js';
import { useSenseiContext } from '../react/SenseiContext.js';
import { useRetryActivity } from '../react/useRetryActivity.js';
import { defaultDevtoolsLabels, type SenseiDevtoolsLabels } from './devtoolsLabels.js';
import { SenseiDevtoolsStore } from './SenseiDevtoolsStore.js';
import { senseiMockScenarios, type SenseiMockScenarioPreset } from './senseiMockScenarios.js';
import { useMockControl } from './useMockControl.js';
import { useNow } from './useNow.js';
import { usePolledOperations } from './usePolledOperations.js';

export interface SenseiDevtoolsPanelProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * The client to show.
   * @default the `<SenseiProvider>`'s client
   */
  client?: SenseiClient | undefined;
  /**
   * The URL of a `startMockSenseiServer` (usually the client's base URL when the app runs
   * against `@sensei/react/testing`): shows buttons that switch its scenario over
   * `POST /__sensei/scenario`.
   * @default none: no scenario buttons
   */
  mockControlUrl?: string | undefined;
  /**
   * The scenario buttons.
   * @default senseiMockScenarios
   */
  mockScenarios?: readonly SenseiMockScenarioPreset[] | undefined;
  /** Replaces some or all words. @default defaultDevtoolsLabels */
  labels?: Partial<SenseiDevtoolsLabels> | undefined;
  /**
   * The locale for numbers and times.
   * @default the browser's
   */
  locale?: string | undefined;
  /**
   * The heading level of the panel's title; its sections use the next one.
   * @default 2
   */
  headingLevel?: 2 | 3 | 4 | 5;
}

// One store per client: the floating panel and a TanStack Devtools plugin share what they saw.
const storeFor = onePer((client: SenseiClient) => new SenseiDevtoolsStore(client));

const sameScenario = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The devtools' view of one client, live: the rate limit and which header said it, the gate
 * and who waits there, scheduled retries, polled operations, recent errors, the traffic of the
 * last minute, and — against the mock — scenario buttons. `<SenseiDevtools>` floats it; render
 * it yourself inside any panel (the TanStack Devtools plugin does). Reads only public stores
 * and `client.events`.
 */
export const SenseiDevtoolsPanel = forwardRef<HTMLDivElement, SenseiDevtoolsPanelProps>(function SenseiDevtoolsPanel(
  { client: given, mockControlUrl, mockScenarios = senseiMockScenarios, labels: custom, locale, headingLevel = 2, className, ...rest },
  ref,
) {
  const context = useSenseiContext('SenseiDevtools');
  const client = given ?? context.client;
  const labels = useMemo(() => ({ ...defaultDevtoolsLabels, ...custom }), [custom]);
  const store = storeFor(client);
  const seen = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const rate = useSyncExternalStore(client.rateLimit.subscribe, client.rateLimit.getSnapshot, client.rateLimit.getSnapshot);
  const { entries, retryNow } = useRetryActivity();
  const retries = entries.filter((entry) => entry.status === 'retrying');
  const operations = usePolledOperations(context.queryClient, client);
  const mock = useMockControl(mockControlUrl);
  const now = useNow(1000, true);
  const ids = useId();

  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }), [locale]);
  const at = (ms: number | undefined) => (ms === undefined ? labels.unknown : time.format(ms));
  const countdown = (ms: number | undefined) => (ms === undefined ? labels.unknown : formatCountdown(ms - now));
  const value = (n: number | undefined) => (n === undefined ? labels.unknown : number.format(n));
  const source = (header: string | undefined) => (header ? <span data-slot="source"> ({labels.from(header)})</span> : null);

  const Title = `h${headingLevel}` as 'h2';
  const Section = `h${headingLevel + 1}` as 'h3';
  const openAt = client.rateLimit.openAt(now);
  const minuteAgo = now - 60_000;

  // A section whose table is wider than the panel scrolls sideways: keyboard users can reach it.
  const section = (id: string, title: string, content: ReactNode, scrolls = false) => (
    <section className="sensei-devtools__section" aria-labelledby={`${ids}${id}`} data-slot={id} tabIndex={scrolls ? 0 : undefined}>
      <Section id={`${ids}${id}`} className="sensei-devtools__heading">
        {title}
      </Section>
      {content}
    </section>
  );
  const empty = (text: string) => <p className="sensei-devtools__empty">{text}</p>;
  const table = (columns: readonly string[], rows: readonly ReactNode[], none: string) =>
    rows.length === 0 ? (
      empty(none)
    ) : (
      <table className="sensei-devtools__table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    );

  return (
    <div ref={ref} className={['sensei-devtools__body', className].filter(Boolean).join(' ')} {...rest}>
      <Title className="sensei-devtools__title" tabIndex={-1} data-slot="title">
        {labels.title} <span className="sensei-devtools__api">{client.apiId}</span>
      </Title>

      {mockControlUrl &&
        section(
          'mock',
          labels.mock,
          <>
            <div className="sensei-devtools__scenarios" role="group" aria-labelledby={`${ids}mock`}>
              {mockScenarios.map((preset) => (
                <button
                  key={preset.id}
                  type="button"
                  className="sensei-devtools__button"
                  aria-pressed={mock.scenario !== undefined && sameScenario(mock.scenario, preset.scenario)}
                  onClick={() => void mock.apply(preset.scenario)}
                >
                  {preset.label}
                </button>
              ))}
            </div>
            {mock.error && (
              <p role="alert" className="sensei-devtools__empty">
                {labels.mockUnreachable} {mock.error}
              </p>
            )}
          </>,
        )}

      {section(
        'rate',
        labels.rateLimit,
        <dl className="sensei-devtools__facts">
          <dt>{labels.limit}</dt>
          <dd>
            {value(rate.limit)}
            {rate.limit !== undefined && source(seen.sources.limit)}
          </dd>
          <dt>{labels.remaining}</dt>
          <dd data-slot="remaining">
            {value(rate.remaining)}
            {rate.remaining !== undefined && source(seen.sources.remaining)}
          </dd>
          <dt>{labels.resetIn}</dt>
          <dd>
            {rate.resetAt === undefined ? labels.unknown : <time dateTime={new Date(rate.resetAt).toISOString()}>{countdown(rate.resetAt)}</time>}
            {rate.resetAt !== undefined && source(seen.sources.reset)}
          </dd>
          <dt>{labels.retryAfter}</dt>
          <dd>
            {rate.retryAt === undefined || rate.retryAt <= now ? labels.unknown : countdown(rate.retryAt)}
            {rate.retryAt !== undefined && rate.retryAt > now && source(seen.sources.retryAfter)}
          </dd>
          <dt>{labels.serverClock}</dt>
          <dd>{seen.clockOffsetMs === undefined ? labels.unknown : labels.clockOffset(seen.clockOffsetMs, number.format(Math.abs(seen.clockOffsetMs)))}</dd>
          <dt>{labels.gate}</dt>
          <dd data-slot="gate" data-state={openAt === undefined ? 'open' : 'closed'}>
            {openAt === undefined ? labels.gateOpen : labels.gateClosed(`${at(openAt)} (${countdown(openAt)})`)}
          </dd>
          <dt>{labels.inFlight}</dt>
          <dd>{number.format(client.rateLimit.inFlightCount)}</dd>
        </dl>,
      )}

      {section(
        'waiting',
        labels.waiting,
        table(
          [labels.method, labels.path, labels.since, labels.until, labels.why],
          seen.waiting.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.method}</td>
              <td>
                <code>{entry.path}</code>
              </td>
              <td>{at(entry.since)}</td>
              <td data-slot="countdown">{entry.until === undefined ? labels.unknown : `${at(entry.until)} (${countdown(entry.until)})`}</td>
              <td>{entry.reason === 'rate-limit' ? labels.whyRateLimit : labels.whyBudget}</td>
            </tr>
          )),
          labels.noneWaiting,
        ),
        seen.waiting.length > 0,
      )}

      {section(
        'retries',
        labels.retries,
        retries.length === 0 ? (
          empty(labels.noneRetrying)
        ) : (
          <ul className="sensei-devtools__list">
            {retries.map((entry) => (
              <li key={entry.id}>
                <span>{entry.label}</span> <span>{labels.failures(number.format(entry.failureCount))}</span>{' '}
                {entry.nextAttemptAt !== undefined && <span data-slot="countdown">{labels.nextIn(countdown(entry.nextAttemptAt))}</span>}{' '}
                {entry.canRetryNow && (
                  <button type="button" className="sensei-devtools__button" onClick={() => void retryNow(entry)}>
                    {labels.retryNow}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ),
      )}

      {section(
        'operations',
        labels.operations,
        table(
          [labels.path, labels.status, labels.nextPoll, labels.leader],
          operations.map((entry) => (
            <tr key={entry.statusUrl}>
              <td>
                <code>{entry.statusUrl}</code>
              </td>
              <td>{entry.status ?? labels.unknown}</td>
              <td>{countdown(entry.nextPollAt)}</td>
              <td>{entry.leader === 'this' ? labels.thisTab : labels.otherTab}</td>
            </tr>
          )),
          labels.noneOperations,
        ),
        operations.length > 0,
      )}

      {section(
        'traffic',
        labels.traffic,
        <dl className="sensei-devtools__facts">
          <dt>{labels.sent}</dt>
          <dd data-slot="sent">{number.format(seen.sentAt.filter((t) => t > minuteAgo).length)}</dd>
          <dt>{labels.limited}</dt>
          <dd data-slot="limited">{number.format(seen.limitedAt.filter((t) => t > minuteAgo).length)}</dd>
        </dl>,
      )}

      {section(
        'errors',
        labels.errors,
        table(
          [labels.status, labels.code, labels.message, labels.requestId],
          seen.errors.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.status ?? entry.kind}</td>
              <td>{entry.code ?? labels.unknown}</td>
              <td>
                {entry.message} <code>{`${entry.method} ${entry.path}`}</code>
              </td>
              <td>{entry.requestId ? <SenseiRequestId requestId={entry.requestId} /> : labels.unknown}</td>
            </tr>
          )),
          labels.noneErrors,
        ),
        seen.errors.length > 0,
      )}
    </div>
  );
});
