/**
 * What `fetch` implementations say when no response came back (as sindresorhus/is-network-error
 * collects them). Any other exception from `fetch` is a bug or a misuse, not the network.
 */
const NETWORK_MESSAGES: ReadonlySet<unknown> = new Set([
  'Failed to fetch', // Chrome
  'network error', // Chrome, a body cut off
  'NetworkError when attempting to fetch resource.', // Firefox
  'Load failed', // Safari
  'The Internet connection appears to be offline.', // Safari
  'Network request failed', // cross-fetch, React Native
  'fetch failed', // undici (Node)
  'terminated', // undici, a body cut off
]);

/** True for the `TypeError` a `fetch` rejects with when the network failed. */
export function isNetworkError(error: unknown): boolean {
  try {
    // By shape, not `instanceof`: the error may come from another realm (an iframe, a test DOM).
    return (error as Error).name === 'TypeError' && NETWORK_MESSAGES.has((error as Error).message);
  } catch {
    return false; // null, a revoked proxy, a throwing getter: no network failure.
  }
}
