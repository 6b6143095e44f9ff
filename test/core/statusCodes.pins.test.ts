import { describe, expect, it } from 'vitest';
import { describeStatus } from '../../src/core/index.js';

describe('describeStatus: the edges of each class', () => {
  it('labels the last undocumented 4xx and 5xx statuses by their class', () => {
    expect(describeStatus(401)).toBe('Unauthorized (401)');
    expect(describeStatus(499)).toBe('Client error (499)');
    expect(describeStatus(501)).toBe('Server error (501)');
    expect(describeStatus(599)).toBe('Server error (599)');
  });

  it('labels statuses past 5xx and below 4xx as plain HTTP', () => {
    expect(describeStatus(600)).toBe('HTTP 600');
    expect(describeStatus(999)).toBe('HTTP 999');
    expect(describeStatus(399)).toBe('HTTP 399');
  });
});
