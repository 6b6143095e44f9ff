'use client';
import type { ReactNode } from 'react';
import {
  SenseiErrorBoundary as HeadlessErrorBoundary,
  type SenseiErrorBoundaryFallback,
  type SenseiErrorBoundaryOptions,
  type SenseiErrorFallbackProps,
} from '../react/SenseiErrorBoundary.js';
import { SenseiErrorPanel, type SenseiErrorPanelProps } from './SenseiErrorPanel.js';
import { useFocusRecovery } from './useFocusRecovery.js';

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
 * the boundary and the failed queries, so they really refetch. The failure it shows gets no
 * toast as well (the provider's surface rule).
 *
 * Renders a `<div data-slot="error-boundary">` around what it shows: when Retry brings the
 * content back, focus moves there instead of falling to `<body>`.
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
  // Retry goes away with the panel when the content comes back: focus lands on the content.
  const rootRef = useFocusRecovery<HTMLDivElement>({ target: (root) => root });
  const wrap = (boundary: ReactNode) => (
    <div ref={rootRef} data-slot="error-boundary">
      {boundary}
    </div>
  );
  if (options.fallback !== undefined || options.fallbackRender !== undefined || options.FallbackComponent !== undefined) {
    return wrap(<HeadlessErrorBoundary {...(options as SenseiErrorBoundaryOptions & SenseiErrorBoundaryFallback)} />);
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
  return wrap(<HeadlessErrorBoundary {...(options as SenseiErrorBoundaryOptions)} fallbackRender={renderPanel} />);
}
