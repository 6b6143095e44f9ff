import { describe, expect, it } from 'vitest';
import { kindForStatus } from '../../src/core/toErrorState.js';

// Pins found by mutation testing (issue 21).
describe('kindForStatus pins', () => {
  it('falls back by class exactly at the 4xx and 5xx edges', () => {
    expect([399, 400, 402, 499, 500, 501, 599, 600].map(kindForStatus)).toEqual([
      'unexpected',
      'bad-request',
      'bad-request',
      'bad-request',
      'server',
      'server',
      'server',
      'unexpected',
    ]);
  });
});
