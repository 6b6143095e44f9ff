import { SenseiRequestError } from './SenseiError.js';

const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;

/** The only schemes the API key may travel over. */
export const isHttp = (url: URL): boolean => url.protocol === 'https:' || url.protocol === 'http:';

/** The error for a URL that no request may go to; nothing was sent. */
function refuse(message: string, cause?: unknown): SenseiRequestError {
  return new SenseiRequestError({ kind: 'invalid-request', message, cause });
}

/** Turns the client's `baseUrl` into an absolute URL (a relative one resolves against the page). */
export function toBaseUrl(baseUrl: string): URL {
  const origin = typeof location === 'undefined' ? undefined : location.href;
  let url: URL;
  try {
    url = new URL(baseUrl, origin);
  } catch (cause) {
    throw refuse(`baseUrl "${baseUrl}" is not a URL: pass an absolute URL such as https://api.example.com`, cause);
  }
  if (!isHttp(url)) throw refuse(`baseUrl must use http or https, not ${url.protocol}`);
  return url;
}

/**
 * Appends an API path such as `/v1/migrations` to the base URL, keeping any path prefix; an
 * absolute URL is allowed only on the base's origin. Request paths and server-given
 * `status_url`s resolve the same way, so `/v1/…` means the same thing in both.
 */
export function joinPath(base: URL, rawPath: string): URL {
  // Trimmed as the URL parser would, so " https://other.example" is seen as the URL it is.
  const path = trimControls(rawPath);
  if (ABSOLUTE.test(path) || path.startsWith('//')) return resolveSameOrigin(base, path);
  const prefix = base.pathname.replace(/\/+$/, '');
  const suffix = path.startsWith('/') ? path : `/${path}`;
  // Checked again: URL parsing reads a leading `/\\host` as `//host`, another origin.
  return resolveSameOrigin(base, `${prefix}${suffix}`);
}

/** Strips leading and trailing C0 controls and spaces, which URL parsing ignores. */
function trimControls(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start += 1;
  // Stryker disable next-line all: URL parsing drops trailing blanks and C0 controls itself, so no URL differs
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  return text.slice(start, end);
}

/**
 * Resolves a server-given URL (a `status_url`) against the base URL and refuses any other
 * origin or scheme: the API key must never be sent anywhere else.
 */
export function resolveSameOrigin(base: URL, target: string): URL {
  let url: URL;
  try {
    url = new URL(target, base);
  } catch (cause) {
    throw refuse('The URL given by the server is not a valid URL.', cause);
  }
  if (url.origin !== base.origin || !isHttp(url)) {
    throw refuse(`Refused to send the API key to ${isHttp(url) ? url.origin : `a ${url.protocol} URL`}: only ${base.origin} is trusted.`);
  }
  return url;
}
