/**
 * What `fetch` implementations say when no response came back (the messages collected by
 * sindresorhus/is-network-error). Any other exception from `fetch` is a bug or a misuse.
 */
const NETWORK_MESSAGES: ReadonlySet<string> = new Set([
  'Failed to fetch', // Chrome
  'network error', // Chrome, a body cut off
  'NetworkError when attempting to fetch resource.', // Firefox
  'Load failed', // Safari
  'The Internet connection appears to be offline.', // Safari
  'Network request failed', // cross-fetch, React Native
  'fetch failed', // undici (Node)
  'terminated', // undici, a body cut off
  ' A network error occurred.', // Bun
  'Network connection lost', // Cloudflare Workers
]);

/** True for the `TypeError` a `fetch` rejects with when the network failed, in any runtime. */
export function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  try {
    // Read by shape, not `instanceof`: the error may come from another realm (an iframe, a test DOM).
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (name !== 'TypeError' || typeof message !== 'string') return false;
    return NETWORK_MESSAGES.has(message) || message.startsWith('error sending request for url'); // Deno
  } catch {
    return false; // A revoked proxy or a throwing getter is no network failure.
  }
}
