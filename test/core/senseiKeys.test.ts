import { describe, expect, it } from 'vitest';
import { createSenseiClient, senseiKeys } from '../../src/core/index.js';

const client = createSenseiClient({ baseUrl: 'https://api.example.com/v1', apiKey: 'sk_test_4f9a8b7c6d5e', shareAcrossTabs: false });
const API = 'https://api.example.com/v1';

describe('senseiKeys: the API a key names', () => {
  it('names the API by its id, given the client or the id itself', () => {
    expect(client.apiId).toBe(API);
    expect(senseiKeys.api(client)).toEqual(['sensei', API]);
    expect(senseiKeys.api(API)).toEqual(['sensei', API]);
    expect(senseiKeys.api({ apiId: 'other' })).toEqual(['sensei', 'other']);
  });

  it('builds every key under the same API prefix for a client and its id', () => {
    for (const api of [client, API]) {
      expect(senseiKeys.lists(api, '/m')).toEqual(['sensei', API, 'list', '/m']);
      expect(senseiKeys.list(api, '/m', { page: 2 })).toEqual(['sensei', API, 'list', '/m', { page: 2 }]);
      expect(senseiKeys.infiniteList(api, '/m', { perPage: 5 })).toEqual(['sensei', API, 'list', '/m', 'infinite', { perPage: 5 }]);
      expect(senseiKeys.resource(api, '/m/1')).toEqual(['sensei', API, 'get', '/m/1']);
      expect(senseiKeys.resource(api, '/m/1', { expand: 'x' })).toEqual(['sensei', API, 'get', '/m/1', { expand: 'x' }]);
      expect(senseiKeys.operation(api, '/ops/1')).toEqual(['sensei', API, 'operation', '/ops/1']);
    }
    expect(senseiKeys.all()).toEqual(['sensei']);
  });
});
