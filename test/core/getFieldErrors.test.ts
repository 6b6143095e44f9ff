import { describe, expect, it } from 'vitest';
import { getFieldErrors } from '../../src/core/getFieldErrors.js';
import { SenseiHttpError, SenseiNetworkError } from '../../src/core/SenseiError.js';

const httpError = (status: number, details: unknown) =>
  new SenseiHttpError({ kind: 'http', message: 'Invalid', status, details });

describe('getFieldErrors', () => {
  it('reads the seed example { field, reason }', () => {
    expect(getFieldErrors({ field: 'name', reason: 'required' })).toEqual({ name: 'required' });
  });

  it('prefers message over reason, and reads parameter as a field', () => {
    expect(getFieldErrors({ field: 'email', reason: 'format', message: 'Enter a valid email' })).toEqual({ email: 'Enter a valid email' });
    expect(getFieldErrors({ parameter: 'page', reason: 'invalid' })).toEqual({ page: 'invalid' });
  });

  it('reads { fields: { name: message } } with strings, arrays and objects', () => {
    expect(
      getFieldErrors({ fields: { name: 'required', email: ['taken', 'too long'], age: { message: 'must be positive' } } }),
    ).toEqual({ name: 'required', email: 'taken; too long', age: 'must be positive' });
  });

  it('reads arrays of { field, message }, bare or under fields/errors', () => {
    const list = [
      { field: 'name', message: 'required' },
      { field: 'name', message: 'too short' },
      { path: ['address', 'city'], message: 'unknown city' },
    ];
    const expected = { name: 'required; too short', 'address.city': 'unknown city' };
    expect(getFieldErrors(list)).toEqual(expected);
    expect(getFieldErrors({ fields: list })).toEqual(expected);
    expect(getFieldErrors({ errors: list })).toEqual(expected);
  });

  it('reads { name: ["msg"] } (Rails / DRF style)', () => {
    expect(getFieldErrors({ name: ["can't be blank"], email: ['is invalid', 'is taken'] })).toEqual({
      name: "can't be blank",
      email: 'is invalid; is taken',
    });
  });

  it('takes a SenseiError: only 400 and 422 carry field errors', () => {
    expect(getFieldErrors(httpError(422, { field: 'name', reason: 'required' }))).toEqual({ name: 'required' });
    expect(getFieldErrors(httpError(400, { fields: { page: 'must be positive' } }))).toEqual({ page: 'must be positive' });
    expect(getFieldErrors(httpError(409, { field: 'name', reason: 'taken' }))).toEqual({});
    expect(getFieldErrors(new SenseiNetworkError({ kind: 'network', message: 'x' }))).toEqual({});
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'name is required'],
    ['a number', 7],
    ['an empty object', {}],
    ['details that are not field errors', { max_bytes: 1_048_576, resource: 'migration' }],
    ['a field without message', { field: 'name' }],
    ['wrong types', { field: 42, reason: ['x'] }],
    ['an array of junk', [1, 'two', null, [[]]]],
  ])('returns {} for %s', (_name, details) => {
    expect(getFieldErrors(details)).toEqual({});
  });

  it('does not touch the prototype and survives throwing getters', () => {
    const result = getFieldErrors({ fields: JSON.parse('{"__proto__": "polluted", "constructor": "ok"}') as unknown });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result).toEqual({ constructor: 'ok' });
    const hostile = {
      get fields(): never {
        throw new Error('trap');
      },
    };
    expect(getFieldErrors(hostile)).toEqual({});
  });

  it('caps hostile sizes', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, ['bad']]));
    expect(Object.keys(getFieldErrors(many)).length).toBeLessThanOrEqual(100);
    const long = getFieldErrors({ field: 'name', message: 'x'.repeat(10_000) });
    expect(long.name?.length).toBeLessThanOrEqual(501);
  });

  it('keeps hostile text as it is: rendering it as text is the UI\'s job', () => {
    const payload = '<img src=x onerror=alert(1)>';
    expect(getFieldErrors({ field: payload, message: payload })).toEqual({ [payload]: payload });
  });
});

describe('getFieldErrors: containers next to a summary', () => {
  it('reads fields beside a message', () => {
    expect(getFieldErrors({ message: 'Validation failed', fields: { name: 'required' } })).toEqual({ name: 'required' });
  });
});
