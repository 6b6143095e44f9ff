'use client';
import {
  SenseiErrorBoundary as HeadlessErrorBoundary,
  type SenseiErrorBoundaryFallback,
  type SenseiErrorBoundaryOptions,
  type SenseiErrorFallbackProps,
} from '../react/SenseiErrorBoundary.js';
import { SenseiErrorPanel, type SenseiErrorPanelProps } from './SenseiErrorPanel.js';

/** Props of the default panel; its Retry (and Refresh) reset the boundary. */
export type SenseiErrorBoundaryPanelProps = Omit<SenseiErrorPanelProps, 'error' | 'state' | 'onRetry'>;

export type SenseiErrorBoundaryProps = SenseiErrorBoundaryOptions &
  (
    | (SenseiErrorBoundaryFallback & { panelProps?: never })
    | {
        fallback?: never;
        fallbackRender?: never;
        FallbackComponent?: never;
        /**
         * Props for the default `SenseiErrorPanel`, e.g. `onSignIn`, `onGoBack`, `headingLevel`.
         * @default { autoFocus: true }
         */
        panelProps?: SenseiErrorBoundaryPanelProps;
      }
  );

/**
 * Catches render errors and the errors TanStack Query throws below it and shows
 * `SenseiErrorPanel` (or your `fallback` / `fallbackRender` / `FallbackComponent`). Retry resets
 * the boundary and the failed queries, so they really refetch.
 *
 * Lives in `src/components` because its default look is a component; the behaviour is the
 * headless boundary of `src/react`.
 *
 * @example
 * <SenseiErrorBoundary resetKeys={[location.pathname]} panelProps={{ onSignIn: signIn }}>
 *   <MigrationsPage />
 * </SenseiErrorBoundary>
 */
export function SenseiErrorBoundary(props: SenseiErrorBoundaryProps) {
  const { panelProps, ...options } = props;
  if (options.fallback !== undefined || options.fallbackRender !== undefined || options.FallbackComponent !== undefined) {
    return <HeadlessErrorBoundary {...(options as SenseiErrorBoundaryOptions & SenseiErrorBoundaryFallback)} />;
  }
  const renderPanel = ({ state, resetErrorBoundary }: SenseiErrorFallbackProps) => (
    <SenseiErrorPanel
      // It takes the place of the content the user was in: move focus to it.
      autoFocus
      onRefresh={resetErrorBoundary}
      {...panelProps}
      state={state}
      onRetry={resetErrorBoundary}
    />
  );
  // No fallback was given (all three are undefined): the panel is the fallback.
  return <HeadlessErrorBoundary {...(options as SenseiErrorBoundaryOptions)} fallbackRender={renderPanel} />;
}
