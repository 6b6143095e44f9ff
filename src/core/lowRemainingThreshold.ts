/**
 * The remaining count at or below which the quota is low: 10 % of the limit, at least 1. One
 * rule for the banner's warning and the list's prefetch, so the app stops spending requests on
 * pages nobody asked for exactly when it starts warning the user.
 */
export function lowRemainingThreshold(limit: number | undefined): number {
  // An unknown or unreadable limit gives no percentage: only the last request counts as low.
  return Number.isFinite(limit) ? Math.max(1, Math.ceil((limit as number) * 0.1)) : 1;
}
