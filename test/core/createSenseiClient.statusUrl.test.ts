import { describe, expect, it } from 'vitest';
import { createSenseiClient } from '../../src/core/createSenseiClient.js';
import { createFakeFetch, json } from './fakeFetch.js';

describe('status_url resolution', () => {
  it('resolves a status_url path like a request path, keeping the base prefix', async () => {
    const { fetch, calls } = createFakeFetch(() => json({ id: 'mig_1', status: 'running' }));
    const client = createSenseiClient({ baseUrl: 'https://gateway.example/api', apiKey: 'k', fetch, shareAcrossTabs: false });
    await client.getOperation('/v1/migrations/mig_1');
    await client.get('/v1/migrations/mig_1');
    await client.getOperation('https://gateway.example/api/v1/migrations/mig_1');
    expect(calls.map((c) => c.url)).toEqual([
      'https://gateway.example/api/v1/migrations/mig_1',
      'https://gateway.example/api/v1/migrations/mig_1',
      'https://gateway.example/api/v1/migrations/mig_1',
    ]);
    expect(client.resolveUrl('/v1/migrations/mig_1').href).toBe('https://gateway.example/api/v1/migrations/mig_1');
  });
});
