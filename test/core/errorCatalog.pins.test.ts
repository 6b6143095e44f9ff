import { describe, expect, it } from 'vitest';
import { defaultErrorMessages, type ErrorCatalog, getErrorCatalogEntry, mergeErrorCatalogs } from '../../src/core/index.js';

describe('getErrorCatalogEntry: only real entries', () => {
  it('finds nothing for a missing code, even when the catalog has a key named "undefined"', () => {
    const catalog = { codes: { undefined: { title: 'Wrong' } } } as ErrorCatalog;
    expect(getErrorCatalogEntry(catalog, undefined)).toBeUndefined();
    expect(getErrorCatalogEntry(catalog, 'undefined')).toEqual({ title: 'Wrong' });
  });

  it('ignores an entry that is not an object', () => {
    const catalog = { codes: { E1: 'text', E2: null, E3: 7 } } as unknown as ErrorCatalog;
    expect(getErrorCatalogEntry(catalog, 'E1')).toBeUndefined();
    expect(getErrorCatalogEntry(catalog, 'E2')).toBeUndefined();
    expect(getErrorCatalogEntry(catalog, 'E3')).toBeUndefined();
  });
});

describe('mergeErrorCatalogs: messages and showServerMessage', () => {
  it('keeps the latest messages given, and none when none is given', () => {
    const messages = { ...defaultErrorMessages, actions: { ...defaultErrorMessages.actions, retry: 'Try again' } };
    expect(mergeErrorCatalogs({ messages }, { codes: { E1: { title: 'One' } } }).messages).toBe(messages);
    expect(mergeErrorCatalogs({ codes: {} }, undefined)).toStrictEqual({ codes: {} });
  });

  it('keeps the latest showServerMessage given, not an unset one after it', () => {
    const merged = mergeErrorCatalogs({ showServerMessage: false }, { codes: {} });
    expect(merged.showServerMessage).toBe(false);
    expect(mergeErrorCatalogs({ showServerMessage: false }, { showServerMessage: true }).showServerMessage).toBe(true);
  });
});
