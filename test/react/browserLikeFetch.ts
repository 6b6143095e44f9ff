// Response headers a browser shows to cross-origin code without Access-Control-Expose-Headers.
const SAFELISTED = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];

/**
 * Wraps Node's fetch so that, like a browser on another origin, script sees only safelisted
 * response headers plus those the server lists in `Access-Control-Expose-Headers`.
 */
export function browserLikeFetch(inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const exposed = new Set(
      (response.headers.get('access-control-expose-headers') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean),
    );
    const visible = new Headers();
    response.headers.forEach((value, name) => {
      if (SAFELISTED.includes(name) || exposed.has(name)) visible.set(name, value);
    });
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: visible });
  };
}
