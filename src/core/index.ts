export { createSenseiClient } from './createSenseiClient.js';
export type {
  HttpMethod,
  ListOptions,
  OperationResponse,
  QueryParams,
  RequestOptions,
  SenseiClient,
  SenseiClientOptions,
  SenseiResponse,
} from './createSenseiClient.js';
export { errorBodySchema } from './errorBodySchema.js';
export type { SenseiErrorBody, SenseiErrorPayload } from './errorBodySchema.js';
export { operationProgressSchema, operationSchema } from './operationSchema.js';
export type { Operation, OperationProgress } from './operationSchema.js';
export { paginatedResponseSchema, paginationSchema } from './paginationSchema.js';
export type { PaginatedResponse, Pagination } from './paginationSchema.js';
export { parseRateLimit, parseRateLimitReset } from './parseRateLimit.js';
export type { RateLimitInfo } from './parseRateLimit.js';
export { clampDelay, MAX_SERVER_DELAY_MS, parseRetryAfter } from './parseRetryAfter.js';
export { RateLimitStore } from './RateLimitStore.js';
export type { GateHold, GateRelease, RateLimitState, RateLimitStoreOptions } from './RateLimitStore.js';
export { redactSecret } from './redactSecret.js';
export { backoffDelay, createRetryPolicy, isRetryable } from './retryPolicy.js';
export type { RetryPolicy, RetryPolicyOptions } from './retryPolicy.js';
export {
  isSenseiError,
  SenseiAbortError,
  SenseiError,
  SenseiHttpError,
  SenseiNetworkError,
  SenseiRequestError,
  SenseiResponseError,
  SenseiTimeoutError,
} from './SenseiError.js';
export type { SenseiErrorInit, SenseiErrorKind } from './SenseiError.js';
export type { InferOutput, StandardSchemaV1 } from './standardSchema.js';
export { describeStatus, getStatusInfo, SENSEI_STATUS_CODES } from './statusCodes.js';
export type { StatusCategory, StatusCodeInfo } from './statusCodes.js';
export { setTimerProvider, timers } from './timers.js';
export type { TimerProvider } from './timers.js';
export { senseiKeys } from './senseiKeys.js';
export type { SenseiApi } from './senseiKeys.js';
export {
  classifyOperationStatus,
  DEFAULT_FAILURE_STATUSES,
  DEFAULT_SUCCESS_STATUSES,
  getOperationProgress,
  operationError,
} from './operationStatus.js';
export type { TerminalStatuses } from './operationStatus.js';
export { pollDelay } from './pollDelay.js';
export type { PollOptions } from './pollDelay.js';
export { clampPage, pageForFirstItem } from './pageMath.js';
export { shareRateLimitAcrossTabs } from './shareRateLimitAcrossTabs.js';
export type { ShareRateLimitOptions } from './shareRateLimitAcrossTabs.js';
export { validateResponse } from './validateResponse.js';
export { defaultErrorMessages, getErrorCatalogEntry, mergeErrorCatalogs } from './errorCatalog.js';
export type {
  ErrorCatalog,
  ErrorCatalogAction,
  ErrorCatalogContext,
  ErrorCatalogEntry,
  ErrorMessages,
  ErrorText,
  ErrorTextKey,
  LabelledActionType,
} from './errorCatalog.js';
export { formatCountdown } from './formatCountdown.js';
export { getFieldErrors } from './getFieldErrors.js';
export type { FieldErrorMap } from './getFieldErrors.js';
export { kindForStatus, toErrorState } from './toErrorState.js';
export type { ErrorAction, ErrorActionType, ErrorState, ErrorStateKind, ToErrorStateOptions } from './toErrorState.js';
export { paginationRange, paginationWindow, paginationWindowSize } from './paginationWindow.js';
export type { PaginationRange, PaginationWindowItem, PaginationWindowOptions } from './paginationWindow.js';
export { ToastQueue } from './ToastQueue.js';
export type { AddToastOptions, QueuedToast, ToastQueueOptions } from './ToastQueue.js';
export { senseiQueries } from './senseiQueries.js';
export type {
  AsyncOperationShape,
  SenseiListQuery,
  SenseiMutationContext,
  SenseiMutationInput,
  SenseiMutationOptions,
  SenseiQueries,
  SenseiQueriesOptions,
  SenseiQueryOptions,
  SenseiResourceQuery,
} from './senseiQueries.js';
export { dehydrateSensei, hydrateSensei, senseiDehydrateOptions } from './senseiHydration.js';
export type { SenseiEvent, SenseiEventListener, SenseiEventRequest, SenseiEventStream } from './SenseiEventStream.js';
export { infiniteListItems, infiniteListOptions, prefetchNextListPage } from './senseiInfiniteQueries.js';
export type { ItemKey, SenseiInfiniteData, SenseiInfiniteListOptions, SenseiInfiniteListQuery } from './senseiInfiniteQueries.js';
export { withinPrefetchBudget } from './withinPrefetchBudget.js';
