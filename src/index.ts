export * from './core/index.js';
export { SenseiProvider } from './react/SenseiProvider.js';
export type { SenseiProviderProps } from './react/SenseiProvider.js';
export { useSenseiClient } from './react/useSenseiClient.js';
export { useRateLimit } from './react/useRateLimit.js';
export { useSenseiQuery } from './react/useSenseiQuery.js';
export type { UseSenseiQueryOptions, UseSenseiQueryResult } from './react/useSenseiQuery.js';
export type { RequestWait, RequestWaitReason } from './core/RequestWaitStore.js';
export { useSenseiMutation } from './react/useSenseiMutation.js';
export type { UseSenseiMutationOptions, UseSenseiMutationResult } from './react/useSenseiMutation.js';
export { usePaginatedList } from './react/usePaginatedList.js';
export type { UsePaginatedListOptions, UsePaginatedListResult } from './react/usePaginatedList.js';
export { createLocationPageSync } from './react/createLocationPageSync.js';
export type { LocationPageSyncOptions, PageUrlState, PageUrlSync } from './react/createLocationPageSync.js';
export { useAsyncOperation } from './react/useAsyncOperation.js';
export type {
  AsyncOperationStatus,
  OperationResultOf,
  StartOperationArgs,
  StartOperationOptions,
  UseAsyncOperationOptions,
  UseAsyncOperationResult,
} from './react/useAsyncOperation.js';
export { useErrorState } from './react/useErrorState.js';
export type { UseErrorStateOptions } from './react/useErrorState.js';
export { useFieldErrors } from './react/useFieldErrors.js';
export { useCountdown } from './react/useCountdown.js';
export type { UseCountdownOptions } from './react/useCountdown.js';
export { senseiThrowOnError } from './react/senseiThrowOnError.js';
// The public boundary is the components one (SenseiErrorPanel as default fallback); its behaviour types come from src/react.
export type {
  SenseiErrorBoundaryFallback,
  SenseiErrorBoundaryOptions,
  SenseiErrorBoundaryResetDetails,
  SenseiErrorFallbackProps,
} from './react/SenseiErrorBoundary.js';
export { SenseiErrorBoundary } from './components/SenseiErrorBoundary.js';
export type { SenseiErrorBoundaryPanelProps, SenseiErrorBoundaryProps } from './components/SenseiErrorBoundary.js';
export { defaultErrorPanelLabels, SenseiErrorPanel } from './components/SenseiErrorPanel.js';
export type { SenseiErrorPanelLabels, SenseiErrorPanelPart, SenseiErrorPanelProps } from './components/SenseiErrorPanel.js';
export { defaultRequestIdLabels, SenseiRequestId } from './components/SenseiRequestId.js';
export type { CopyState, SenseiRequestIdLabels, SenseiRequestIdProps } from './components/SenseiRequestId.js';
export { defaultPaginatorLabels, Paginator } from './components/Paginator.js';
export type {
  PaginatorChangeDetails,
  PaginatorChangeReason,
  PaginatorLabels,
  PaginatorList,
  PaginatorPart,
  PaginatorProps,
} from './components/Paginator.js';
export { defaultOperationProgressLabels, OperationProgress } from './components/OperationProgress.js';
export type {
  OperationProgressLabels,
  OperationProgressPart,
  OperationProgressProps,
  OperationProgressSource,
} from './components/OperationProgress.js';
export { RetryActivityStore } from './react/RetryActivityStore.js';
export type { ErrorSurface, ErrorSurfaceOptions, RetryActivityEntry, RetryActivityStatus, RetryActivityStoreOptions } from './react/RetryActivityStore.js';
export { useClaimError } from './react/useClaimError.js';
export { useRetryActivity } from './react/useRetryActivity.js';
export type { UseRetryActivityResult } from './react/useRetryActivity.js';
export { getSenseiToastQueue, useSenseiToast } from './react/useSenseiToast.js';
export type {
  SenseiToastAction,
  SenseiToastContent,
  SenseiToastOptions,
  SenseiToastVariant,
  UseSenseiToastOptions,
  UseSenseiToastResult,
} from './react/useSenseiToast.js';
export { defaultToastDurations, defaultToasterLabels, SenseiToaster } from './components/SenseiToaster.js';
export type { SenseiToastDurations, SenseiToasterLabels, SenseiToasterPosition, SenseiToasterProps } from './components/SenseiToaster.js';
export type { SenseiToastPart, SenseiToastTone } from './components/SenseiToast.js';
export { defaultRateLimitBannerLabels, RateLimitBanner } from './components/RateLimitBanner.js';
export type { RateLimitBannerLabels, RateLimitBannerPart, RateLimitBannerProps, RateLimitBannerState } from './components/RateLimitBanner.js';
export { useSuspenseSenseiQuery } from './react/useSuspenseSenseiQuery.js';
export type { UseSuspenseSenseiQueryOptions, UseSuspenseSenseiQueryResult } from './react/useSuspenseSenseiQuery.js';
export { useSuspensePaginatedList } from './react/useSuspensePaginatedList.js';
export type { UseSuspensePaginatedListOptions, UseSuspensePaginatedListResult } from './react/useSuspensePaginatedList.js';
export { useInfiniteList } from './react/useInfiniteList.js';
export type { UseInfiniteListOptions, UseInfiniteListResult } from './react/useInfiniteList.js';
export { useSuspenseInfiniteList } from './react/useSuspenseInfiniteList.js';
export type { UseSuspenseInfiniteListOptions, UseSuspenseInfiniteListResult } from './react/useSuspenseInfiniteList.js';
export { defaultLoadMoreLabels, LoadMore } from './components/LoadMore.js';
export type { LoadMoreCount, LoadMoreLabels, LoadMoreList, LoadMorePart, LoadMoreProps } from './components/LoadMore.js';
export { defaultEmptyStateLabels, EmptyState } from './components/EmptyState.js';
export type { EmptyStateKind, EmptyStateLabels, EmptyStatePart, EmptyStateProps } from './components/EmptyState.js';
export type { PaginatorItem, PaginatorItemType } from './components/Paginator.js';
export type { RateLimitBannerLowDetails } from './components/RateLimitBanner.js';
