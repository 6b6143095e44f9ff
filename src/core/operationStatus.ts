import type { Operation } from './operationSchema.js';
import { SenseiError } from './SenseiError.js';

/** Which operation statuses end polling, and how. */
export interface TerminalStatuses {
  /** @default ['completed', 'succeeded'] */
  success?: readonly string[];
  /** @default ['failed', 'cancelled', 'canceled'] */
  failure?: readonly string[];
}

export const DEFAULT_SUCCESS_STATUSES: readonly string[] = ['completed', 'succeeded'];
export const DEFAULT_FAILURE_STATUSES: readonly string[] = ['failed', 'cancelled', 'canceled'];

const matches = (statuses: readonly string[], normalized: string) => statuses.some((s) => s.toLowerCase() === normalized);

/**
 * `'success'`, `'failure'` or `'running'` (anything not terminal, including unknown statuses).
 * Case-insensitive on both sides: `success: ['DONE']` ends on `done` and `DONE`.
 */
export function classifyOperationStatus(status: string, terminal: TerminalStatuses = {}): 'success' | 'failure' | 'running' {
  const normalized = status.toLowerCase();
  if (matches(terminal.success ?? DEFAULT_SUCCESS_STATUSES, normalized)) return 'success';
  if (matches(terminal.failure ?? DEFAULT_FAILURE_STATUSES, normalized)) return 'failure';
  return 'running';
}

/**
 * Progress in percent (0–100) when the API sent one: a fraction (0–1), a percentage, or
 * `{ percent }` / `{ completed, total }`. `undefined` means indeterminate.
 */
export function getOperationProgress(operation: Operation | undefined): number | undefined {
  const progress = operation?.progress;
  let percent: number | undefined;
  if (typeof progress === 'number') percent = progress <= 1 ? progress * 100 : progress;
  else if (progress && typeof progress === 'object') {
    if (typeof progress.percent === 'number') percent = progress.percent;
    else if (typeof progress.completed === 'number' && typeof progress.total === 'number' && progress.total > 0) {
      percent = (progress.completed / progress.total) * 100;
    }
  }
  // Stryker disable next-line ConditionalExpression: Number.isFinite(undefined) is false already; the check narrows the type
  if (percent === undefined || !Number.isFinite(percent)) return undefined;
  return Math.min(100, Math.max(0, percent));
}

/** The typed error of a failed operation, from the seed's error body when it carries one. */
export function operationError(operation: Operation, url?: string): SenseiError {
  const body = operation.error;
  const payload = typeof body === 'object' && body !== null ? body : undefined;
  const message = payload?.message ?? (typeof body === 'string' && body ? body : `The operation ended as "${operation.status}".`);
  return new SenseiError({
    kind: 'operation',
    message: message.slice(0, 2000),
    code: payload?.code,
    details: payload?.details,
    requestId: payload?.request_id,
    method: 'GET',
    url,
  });
}
