import { describe, expect, it, vi } from 'vitest';
import { SenseiRequestError } from '../../src/core/SenseiError.js';
import { joinPath, resolveSameOrigin, toBaseUrl } from '../../src/core/resolveSenseiUrl.js';

// Pins found by mutation testing (issue 21): the origin check holds under a path prefix, for any
// letter case of the scheme, and around the blanks URL parsing ignores.
const prefixed = new URL('https://api.example.com/api');

describe('joinPath pins', () => {
  it.each(['//evil.example/x', 'HTTPS://evil.example/x', 'Https://evil.example/x', 'svn+ssh://evil.example/x', 'web-dav.x://evil.example/x'])(
    'refuses %j under a base with a path prefix, where it would otherwise become a same-origin path',
    (path) => {
      expect(() => joinPath(prefixed, path)).toThrow(SenseiRequestError);
    },
  );

  it('accepts an absolute same-origin URL in any letter case', () => {
    expect(joinPath(prefixed, 'HTTPS://API.EXAMPLE.COM/v1/x').href).toBe('https://api.example.com/v1/x');
  });

  it('drops blanks and control characters around a path before joining it', () => {
    expect(joinPath(prefixed, ' /v1/migrations').href).toBe('https://api.example.com/api/v1/migrations');
    expect(joinPath(prefixed, '\t\n/v1/migrations\u0000 ').href).toBe('https://api.example.com/api/v1/migrations');
    expect(joinPath(prefixed, '\u0001v1/x').href).toBe('https://api.example.com/api/v1/x');
    expect(() => joinPath(prefixed, ' \u0000https://evil.example/x')).toThrow(SenseiRequestError);
    // A character above the blanks stays: it is part of the path.
    expect(joinPath(prefixed, '!v1').href).toBe('https://api.example.com/api/!v1');
  });

  it('joins under a base that ends in several slashes without doubling them', () => {
    expect(joinPath(new URL('https://api.example.com/api//'), '/v1/x').href).toBe('https://api.example.com/api/v1/x');
  });
});

describe('resolveSameOrigin pins', () => {
  it('names the origin it refused, or the scheme when it is not http', () => {
    expect(() => resolveSameOrigin(prefixed, 'https://evil.example/x')).toThrow(
      'Refused to send the API key to https://evil.example: only https://api.example.com is trusted.',
    );
    expect(() => resolveSameOrigin(prefixed, 'javascript:alert(1)')).toThrow(
      'Refused to send the API key to a javascript: URL: only https://api.example.com is trusted.',
    );
    expect(() => resolveSameOrigin(prefixed, 'http://api.example.com/v1')).toThrow('Refused to send the API key to http://api.example.com');
  });
});

describe('toBaseUrl pins', () => {
  it('has no page to resolve a relative base URL against on a server, and says so with a typed error', () => {
    vi.stubGlobal('location', undefined);
    expect(() => toBaseUrl('/api')).toThrow(SenseiRequestError);
    expect(() => toBaseUrl('/api')).toThrow('baseUrl "/api" is not a URL: pass an absolute URL such as https://api.example.com');
    expect(toBaseUrl('https://api.example.com/api').href).toBe('https://api.example.com/api');
  });
});

describe('resolveSameOrigin scheme pin', () => {
  it('refuses a non-http URL even when its origin equals the base’s (both opaque)', () => {
    expect(() => resolveSameOrigin(new URL('file:///srv/api/'), 'file:///etc/passwd')).toThrow(
      'Refused to send the API key to a file: URL: only null is trusted.',
    );
  });
});
