import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ErrorClaims, errorClaimsFor } from '../../src/react/ErrorClaims.js';

describe('ErrorClaims: which errors a panel shows', () => {
  it('knows an error only while it is claimed', () => {
    const claims = new ErrorClaims();
    const error = new Error('shown');
    expect(claims.has(error)).toBe(false);
    const release = claims.claim(error);
    expect(claims.has(error)).toBe(true);
    expect(claims.has(new Error('shown'))).toBe(false);
    release();
    expect(claims.has(error)).toBe(false);
  });

  it('ignores null and undefined: nothing to show, nothing claimed, no change announced', () => {
    const claims = new ErrorClaims();
    const listener = vi.fn();
    claims.subscribe(listener);
    const releaseNull = claims.claim(null);
    const releaseUndefined = claims.claim(undefined);
    expect(claims.has(null)).toBe(false);
    expect(claims.has(undefined)).toBe(false);
    releaseNull();
    releaseUndefined();
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps an error claimed until every panel showing it has released it', () => {
    const claims = new ErrorClaims();
    const error = new Error('twice');
    const releaseA = claims.claim(error);
    const releaseB = claims.claim(error);
    const releaseC = claims.claim(error);
    releaseA();
    expect(claims.has(error)).toBe(true);
    releaseB();
    expect(claims.has(error)).toBe(true);
    releaseC();
    expect(claims.has(error)).toBe(false);
  });

  it('counts a release once, however often it is called', () => {
    const claims = new ErrorClaims();
    const error = new Error('idempotent');
    const releaseA = claims.claim(error);
    const releaseB = claims.claim(error);
    releaseA();
    releaseA();
    expect(claims.has(error)).toBe(true);
    releaseB();
    expect(claims.has(error)).toBe(false);
  });

  it('claims again after a full release', () => {
    const claims = new ErrorClaims();
    const error = new Error('again');
    claims.claim(error)();
    const release = claims.claim(error);
    expect(claims.has(error)).toBe(true);
    release();
    expect(claims.has(error)).toBe(false);
  });

  it('tells subscribers of each claim and each first release, until they unsubscribe', () => {
    const claims = new ErrorClaims();
    const error = new Error('told');
    const listener = vi.fn();
    const other = vi.fn();
    const unsubscribe = claims.subscribe(listener);
    claims.subscribe(other);
    const release = claims.claim(error);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(1);
    release();
    release();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    claims.claim(error);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(other).toHaveBeenCalledTimes(3);
  });

  it('lets a listener unsubscribe while being told, without skipping the others', () => {
    const claims = new ErrorClaims();
    const later = vi.fn();
    const unsubscribe = claims.subscribe(() => unsubscribe());
    claims.subscribe(later);
    claims.claim(new Error('x'));
    expect(later).toHaveBeenCalledTimes(1);
  });
});

describe('errorClaimsFor: one set of claims per QueryClient', () => {
  it('returns the same claims for the same client and separate ones for another', () => {
    const queryClient = new QueryClient();
    const claims = errorClaimsFor(queryClient);
    expect(claims).toBeInstanceOf(ErrorClaims);
    expect(errorClaimsFor(queryClient)).toBe(claims);
    const error = new Error('per client');
    claims.claim(error);
    expect(errorClaimsFor(queryClient).has(error)).toBe(true);
    expect(errorClaimsFor(new QueryClient()).has(error)).toBe(false);
  });
});
