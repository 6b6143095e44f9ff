// @vitest-environment jsdom
// (Browser globals: document, navigator or a relative base URL; the rest of test/core runs in Node.)
import { describe, expect, it } from 'vitest';
import { SenseiRequestError } from '../../src/core/index.js';
import { joinPath, resolveSameOrigin, toBaseUrl } from '../../src/core/resolveSenseiUrl.js';

const base = new URL('https://api.example.com');
const prefixed = new URL('https://api.example.com/api');

describe('toBaseUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(toBaseUrl('https://api.example.com/api').href).toBe('https://api.example.com/api');
    expect(toBaseUrl('http://127.0.0.1:8080').href).toBe('http://127.0.0.1:8080/');
  });

  it("resolves a relative base URL against the page (jsdom's location)", () => {
    expect(toBaseUrl('/api').href).toBe(new URL('/api', location.href).href);
  });

  it.each(['ftp://api.example.com', 'javascript:alert(1)', 'data:text/plain,hi', 'file:///etc/passwd'])(
    'refuses %s',
    (value) => {
      expect(() => toBaseUrl(value)).toThrow(SenseiRequestError);
      expect(() => toBaseUrl(value)).toThrow(/http or https/);
    },
  );

  it('refuses a string that is no URL at all', () => {
    expect(() => toBaseUrl('http://[::1')).toThrow(SenseiRequestError);
  });
});

describe('joinPath', () => {
  it('appends request paths to the base, keeping its path prefix', () => {
    expect(joinPath(base, '/v1/migrations').href).toBe('https://api.example.com/v1/migrations');
    expect(joinPath(prefixed, '/v1/migrations').href).toBe('https://api.example.com/api/v1/migrations');
    expect(joinPath(prefixed, 'v1/migrations').href).toBe('https://api.example.com/api/v1/migrations');
    expect(joinPath(new URL('https://api.example.com/api/'), '/v1/x?a=1').href).toBe('https://api.example.com/api/v1/x?a=1');
  });

  it('accepts an absolute URL on the same origin', () => {
    expect(joinPath(prefixed, 'https://api.example.com/v1/x').href).toBe('https://api.example.com/v1/x');
  });

  it.each([
    'https://evil.example/x',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example/x',
    '\\/evil.example/x',
    'javascript:alert(1)',
  ])('never leaves the origin for %j', (path) => {
    expect(() => joinPath(base, path)).toThrow(SenseiRequestError);
  });
});

describe('resolveSameOrigin', () => {
  it('resolves a relative status_url against the base', () => {
    expect(resolveSameOrigin(prefixed, '/v1/migrations/mig_1').href).toBe('https://api.example.com/v1/migrations/mig_1');
    expect(resolveSameOrigin(new URL('https://api.example.com/api/'), 'v1/migrations/mig_1').href).toBe(
      'https://api.example.com/api/v1/migrations/mig_1',
    );
    expect(resolveSameOrigin(base, 'HTTPS://API.EXAMPLE.COM/v1/x').href).toBe('https://api.example.com/v1/x');
  });

  it.each([
    ['another origin', 'https://evil.example/v1/migrations/1', /https:\/\/evil\.example/],
    ['another scheme on the same host', 'http://api.example.com/v1/x', /http:\/\/api\.example\.com/],
    ['another port', 'https://api.example.com:8443/v1/x', /8443/],
    ['credentials that point elsewhere', 'https://api.example.com@evil.example/x', /evil\.example/],
    ['protocol-relative', '//evil.example/x', /evil\.example/],
    ['backslashes', '/\\evil.example/x', /evil\.example/],
    ['javascript:', 'javascript:alert(1)', /a javascript: URL/],
    ['data:', 'data:text/html,<script>alert(1)</script>', /a data: URL/],
    ['blob:', 'blob:https://api.example.com/uuid', /a blob: URL/],
  ])('refuses %s', (_label, target, message) => {
    expect(() => resolveSameOrigin(base, target)).toThrow(SenseiRequestError);
    expect(() => resolveSameOrigin(base, target)).toThrow(message);
  });

  it('refuses a value that is not a URL', () => {
    expect(() => resolveSameOrigin(base, 'http://[::1')).toThrow(/not a valid URL/);
  });
});
