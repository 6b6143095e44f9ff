import fc from 'fast-check';

/** The API key every reliability test uses; the security tests search for it. */
export const FUZZ_API_KEY = 'sk_test_reliability_7d1e93b2';

/** Text that tries to become markup, a link, a bidi flip or a layout bomb. */
export const HOSTILE_STRINGS: readonly string[] = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">click</a>',
  '\u202Eevil.exe\u202Cgnp.txt',
  'zero\u200Bwidth\u200C\u200D\uFEFFjoin',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '%3Cscript%3E',
  '&lt;b&gt;entity&lt;/b&gt;',
];

/** Header values as a server, proxy or attacker might send them: numbers, dates, garbage. */
export const headerValue: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.nat({ max: 100_000 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: -1 }).map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 400n }).map(String) },
  // Epoch seconds around now, far past and far future.
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 ** 53 - 1 }).map((s) => String(Math.floor(s / 1000))) },
  { weight: 1, arbitrary: fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }).map(String) },
  // HTTP dates (valid, past, future, out of range) and near-dates.
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
      .map((d) => d.toUTCString()),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '0',
      '-0',
      '1.5',
      '1e3',
      '0x10',
      'NaN',
      'Infinity',
      '-Infinity',
      '120, 60',
      'Wed, 21 Oct 2015 07:28:00 GMT',
      'Fri, 31 Dec 275760 23:59:59 GMT',
      'Sat, 01 Jan 10000 00:00:00 GMT',
      'later 2',
      '12:00:00',
      '-1 12:00:00 a',
      '99999999999999999999999',
      '٣٠', // Arabic-Indic digits
      '３０', // full-width digits
      '1\u200B0',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
);

export interface FuzzHeaders {
  'retry-after'?: string | undefined;
  'x-ratelimit-limit'?: string | undefined;
  'x-ratelimit-remaining'?: string | undefined;
  'x-ratelimit-reset'?: string | undefined;
  'x-request-id'?: string | undefined;
  'content-type'?: string | undefined;
}

export const fuzzHeaders: fc.Arbitrary<FuzzHeaders> = fc.record(
  {
    'retry-after': headerValue,
    'x-ratelimit-limit': headerValue,
    'x-ratelimit-remaining': headerValue,
    'x-ratelimit-reset': headerValue,
    'x-request-id': fc.option(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_STRINGS)), { nil: undefined }),
    'content-type': fc.constantFrom(undefined, 'application/json', 'text/html', 'application/octet-stream'),
  },
  { requiredKeys: [] },
);

/** A `Headers`-like object: fetch only ever yields ByteStrings, but parsing must survive anything. */
export function headersOf(values: FuzzHeaders): Headers {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) if (typeof value === 'string') map.set(name, value);
  return {
    get: (name: string) => map.get(name.toLowerCase()) ?? null,
    has: (name: string) => map.has(name.toLowerCase()),
    forEach: (callback: (value: string, name: string) => void) => map.forEach(callback),
  } as unknown as Headers;
}

/** Server text: ordinary, hostile, huge, or echoing the API key. */
export const serverText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(`Invalid API key ${FUZZ_API_KEY}`, FUZZ_API_KEY, `Bearer ${FUZZ_API_KEY}!`) },
  { weight: 1, arbitrary: fc.nat({ max: 120_000 }).map((n) => 'A'.repeat(n)) },
);

const jsonValue: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** A value where a string belongs: sometimes a string, sometimes the wrong type. */
const loose = (text: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: jsonValue });

/** The standard error body, with every field optional, of the wrong type or with extras. */
const errorBody: fc.Arbitrary<unknown> = fc
  .record(
    {
      code: loose(fc.oneof(fc.constantFrom('E7003', 'E5000', ''), serverText)),
      message: loose(serverText),
      details: fc.oneof(
        jsonValue,
        fc.record({ field: serverText, reason: serverText }),
        fc.record({ errors: fc.array(fc.record({ field: serverText, message: serverText }), { maxLength: 5 }) }),
        fc.dictionary(serverText, fc.array(serverText, { maxLength: 3 }), { maxKeys: 5 }),
        fc.constant({ echoed: { authorization: `Bearer ${FUZZ_API_KEY}` } }),
      ),
      request_id: loose(fc.oneof(fc.string({ maxLength: 24 }).map((s) => `req_${s}`), serverText)),
      extra: jsonValue,
    },
    { requiredKeys: [] },
  )
  .map((error) => ({ error }));

/** Something that is almost the standard body. */
const nearMiss: fc.Arbitrary<unknown> = fc.oneof(
  errorBody.map((body) => (body as { error: unknown }).error), // not wrapped in `error`
  jsonValue.map((error) => ({ error })), // `error` of any type
  fc.tuple(errorBody, jsonValue).map(([body, extra]) => ({ ...(body as object), extra, errors: [body] })),
  fc.array(errorBody, { maxLength: 3 }),
  fc.constant({ error: null }),
  fc.constant({ error: { message: { text: 'nested' }, code: 7003, request_id: ['a'] } }),
  fc.constant({ timestamp: '2024-01-01T00:00:00Z', status: 500, error: 'Internal Server Error', path: '/v1/migrations' }),
);

/** A pagination envelope with honest, inconsistent or absurd numbers. */
export const paginationNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 20 }) },
  { weight: 2, arbitrary: fc.nat({ max: 100_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: -1 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e15, 1e300) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
);

export interface FuzzPagination {
  total: number;
  page: number;
  per_page: number;
  total_pages: number;
  has_next: boolean;
  has_prev: boolean;
}

export const fuzzPagination: fc.Arbitrary<FuzzPagination> = fc.record({
  total: paginationNumber,
  page: paginationNumber,
  per_page: paginationNumber,
  total_pages: paginationNumber,
  has_next: fc.boolean(),
  has_prev: fc.boolean(),
});

/** A body as the client receives it: text (with its own surprises) or a body read that fails. */
export type FuzzBody = { kind: 'text'; text: string } | { kind: 'read-fails'; error: unknown };

export const fuzzBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  { weight: 5, arbitrary: errorBody.map((b) => JSON.stringify(b)) },
  { weight: 3, arbitrary: nearMiss.map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', 'null', 'true', '0', '""', '[]', '{}') },
  {
    weight: 1,
    arbitrary: serverText.map(
      (title) => `<html><head><title>502 Bad Gateway</title></head><body><h1>${title}</h1><hr>nginx</body></html>`,
    ),
  },
  // Truncated JSON: a valid body cut anywhere.
  {
    weight: 2,
    arbitrary: fc
      .tuple(errorBody.map((b) => JSON.stringify(b)), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([text, at]) => text.slice(0, Math.floor(text.length * at))),
  },
  // Binary, as `response.text()` decodes it (replacement characters and all).
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => new TextDecoder().decode(bytes)) },
  // Very large: past the client's parse limit, and a large but parseable message.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      JSON.stringify({ error: { message: 'm', details: { padding: 'x'.repeat(1_000_100) } } }),
      JSON.stringify({ error: { message: 'M'.repeat(300_000), code: 'E5000', request_id: 'req_big' } }),
      '['.repeat(100_000),
    ),
  },
  // Pagination and operation bodies, so success paths see real shapes too.
  { weight: 1, arbitrary: fuzzPagination.map((pagination) => JSON.stringify({ data: [{ id: 'x' }], pagination })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ id: fc.oneof(fc.string(), jsonValue), status: fc.oneof(fc.string(), jsonValue), status_url: fc.oneof(fc.string(), jsonValue) }, { requiredKeys: [] })
      .map((op) => JSON.stringify(op)),
  },
).map((text): FuzzBody => ({ kind: 'text', text }));

export const fuzzBodyOrFailure: fc.Arbitrary<FuzzBody> = fc.oneof(
  { weight: 12, arbitrary: fuzzBody },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<unknown>(
        new TypeError('terminated'),
        new DOMException('The operation was aborted.', 'AbortError'),
        `body stream broke for ${FUZZ_API_KEY}`,
        undefined,
      )
      .map((error): FuzzBody => ({ kind: 'read-fails', error })),
  },
);

/** What `fetch` may reject with: browsers, Node, polyfills and misbehaving wrappers. */
export interface FetchRejection {
  label: string;
  /** Built when thrown: a revoked proxy cannot even be held by fast-check. */
  make: () => unknown;
}

const rejection = (label: string, make: () => unknown): FetchRejection => ({ label, make });

export const fetchRejection: fc.Arbitrary<FetchRejection> = fc.oneof(
  fc.constantFrom(
    rejection('TypeError Failed to fetch', () => new TypeError('Failed to fetch')),
    rejection('undici with a cause echoing the key', () =>
      new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED (Authorization: Bearer ${FUZZ_API_KEY})`) }),
    ),
    rejection('AbortError', () => new DOMException('The user aborted a request.', 'AbortError')),
    rejection('error echoing the headers', () =>
      new Error(`request to https://api.sensei.test failed, headers: {"authorization":"Bearer ${FUZZ_API_KEY}"}`),
    ),
    rejection('undefined', () => undefined),
    rejection('null', () => null),
    rejection('a string', () => 'boom'),
    rejection('a plain object', () => ({ code: 'ECONNRESET' })),
    // A wrapper's error whose getter throws, and a revoked proxy: merely reading them throws.
    rejection('error with a throwing getter', () =>
      Object.defineProperty(new Error('wrapped'), 'response', {
        enumerable: true,
        get() {
          throw new Error('getter exploded');
        },
      }),
    ),
    rejection('revoked proxy', () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }),
  ),
  jsonValue.map((value) => rejection('JSON value', () => value)),
);
