/**
 * Types that public types are built from but that no entry exports (for example the own props
 * that `PaginatorProps` combines with its data source). They appear here so the API reference
 * documents their members; import the public types that use them instead. Documentation only:
 * this module is no entry of the package.
 * @module
 */
export type { AsyncOperationOptions, OperationWaiting } from '../../src/core/OperationObserver.js';
export type { RequestWaitStore, RunningAttempt } from '../../src/core/RequestWaitStore.js';
export type { HeaderSource } from '../../src/core/parseRateLimit.js';
export type { StandardSchemaResult } from '../../src/core/standardSchema.js';
export type { SenseiClientConfig } from '../../src/react/SenseiProvider.js';
export type { OperationProgressOwnProps } from '../../src/components/OperationProgress.js';
export type {
  PageChangeHandler,
  PaginatorListSource,
  PaginatorOwnProps,
  PaginatorPaginationSource,
} from '../../src/components/Paginator.js';
export type { SenseiErrorPanelOwnProps, SenseiErrorPanelSource } from '../../src/components/SenseiErrorPanel.js';
