// @vitest-environment node
import { expect, it } from 'vitest';
import { leadAcrossTabs } from '../../src/core/leadAcrossTabs.js';

it('does not elect on a server, even where BroadcastChannel exists (Node)', () => {
  expect(typeof BroadcastChannel).toBe('function');
  expect(leadAcrossTabs('op', { onLeader: () => {}, onMessage: () => {} })).toBeUndefined();
});
