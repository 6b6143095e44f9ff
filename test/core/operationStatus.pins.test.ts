import { describe, expect, it } from 'vitest';
import { SenseiError } from '../../src/core/SenseiError.js';
import type { Operation } from '../../src/core/operationSchema.js';
import { classifyOperationStatus, getOperationProgress, operationError } from '../../src/core/operationStatus.js';

// Pins found by mutation testing (issue 21): which statuses end polling, how progress becomes a
// percentage, and what a failed operation's error says.
const op = (fields: Partial<Operation>): Operation => ({ id: 'mig_1', status: 'running', ...fields });

describe('classifyOperationStatus pins', () => {
  it('ends on the default statuses, in any case, and keeps polling on anything else', () => {
    expect(['completed', 'succeeded', 'COMPLETED', 'Succeeded'].map((s) => classifyOperationStatus(s))).toEqual(['success', 'success', 'success', 'success']);
    expect(['failed', 'cancelled', 'canceled', 'FAILED', 'Canceled'].map((s) => classifyOperationStatus(s))).toEqual(['failure', 'failure', 'failure', 'failure', 'failure']);
    expect(['pending', 'running', 'complete', '', 'failed ', 'done'].map((s) => classifyOperationStatus(s))).toEqual(['running', 'running', 'running', 'running', 'running', 'running']);
  });

  it('uses the caller’s statuses instead of the defaults, case-insensitively on both sides', () => {
    const terminal = { success: ['DONE'], failure: ['Broken'] };
    expect(classifyOperationStatus('done', terminal)).toBe('success');
    expect(classifyOperationStatus('DONE', terminal)).toBe('success');
    expect(classifyOperationStatus('broken', terminal)).toBe('failure');
    // The defaults no longer apply once the caller names its own.
    expect(classifyOperationStatus('completed', terminal)).toBe('running');
    expect(classifyOperationStatus('failed', terminal)).toBe('running');
    // One side given: the other keeps its defaults.
    expect(classifyOperationStatus('failed', { success: ['done'] })).toBe('failure');
    expect(classifyOperationStatus('completed', { failure: ['broken'] })).toBe('success');
  });
});

describe('getOperationProgress pins', () => {
  it('scales a fraction (up to 1) to percent and takes a larger number as a percentage', () => {
    expect(getOperationProgress(op({ progress: 0.25 }))).toBe(25);
    expect(getOperationProgress(op({ progress: 1 }))).toBe(100);
    expect(getOperationProgress(op({ progress: 0 }))).toBe(0);
    expect(getOperationProgress(op({ progress: 1.5 }))).toBe(1.5);
    expect(getOperationProgress(op({ progress: 42 }))).toBe(42);
  });

  it('reads { percent } first, then { completed, total }', () => {
    expect(getOperationProgress(op({ progress: { percent: 30 } }))).toBe(30);
    expect(getOperationProgress(op({ progress: { percent: 30, completed: 1, total: 2 } }))).toBe(30);
    expect(getOperationProgress(op({ progress: { completed: 3, total: 4 } }))).toBe(75);
    expect(getOperationProgress(op({ progress: { completed: 0, total: 4 } }))).toBe(0);
  });

  it('is indeterminate without a usable figure', () => {
    for (const progress of [undefined, null, { completed: 3 }, { total: 4 }, { completed: 3, total: 0 }, { completed: 3, total: -4 }, Number.NaN, Infinity, { percent: Number.NaN }, {}]) {
      expect(getOperationProgress(op({ progress: progress as Operation['progress'] })), JSON.stringify(progress)).toBeUndefined();
    }
    expect(getOperationProgress(undefined)).toBeUndefined();
  });

  it('clamps to 0–100', () => {
    expect(getOperationProgress(op({ progress: 250 }))).toBe(100);
    expect(getOperationProgress(op({ progress: -0.5 }))).toBe(0);
    expect(getOperationProgress(op({ progress: { completed: 5, total: 4 } }))).toBe(100);
    expect(getOperationProgress(op({ progress: { percent: -3 } }))).toBe(0);
  });
});

describe('operationError pins', () => {
  it('carries the error body of a failed operation', () => {
    const error = operationError(
      op({ status: 'failed', error: { code: 'E7003', message: 'Disk full', details: { disk: 'a' }, request_id: 'req_9' } }),
      'https://api.sensei.test/v1/migrations/mig_1',
    );
    expect(error).toBeInstanceOf(SenseiError);
    expect(error).toMatchObject({
      kind: 'operation',
      message: 'Disk full',
      code: 'E7003',
      details: { disk: 'a' },
      requestId: 'req_9',
      method: 'GET',
      url: 'https://api.sensei.test/v1/migrations/mig_1',
    });
  });

  it('takes a string error as the message, and says how it ended when there is none', () => {
    expect(operationError(op({ status: 'failed', error: 'Out of quota' })).message).toBe('Out of quota');
    expect(operationError(op({ status: 'failed', error: '' })).message).toBe('The operation ended as "failed".');
    expect(operationError(op({ status: 'cancelled', error: null })).message).toBe('The operation ended as "cancelled".');
    const fromString = operationError(op({ status: 'failed', error: 'x' }));
    expect(fromString.code).toBeUndefined();
    expect(fromString.requestId).toBeUndefined();
  });

  it('says how it ended when the error body has no message', () => {
    const error = operationError(op({ status: 'failed', error: { code: 'E7003' } as Operation['error'] }));
    expect(error.message).toBe('The operation ended as "failed".');
    expect(error.code).toBe('E7003');
  });

  it('keeps a long message to 2,000 characters', () => {
    expect(operationError(op({ status: 'failed', error: 'y'.repeat(5000) })).message).toBe('y'.repeat(2000));
  });
});
