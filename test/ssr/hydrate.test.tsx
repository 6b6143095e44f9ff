import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createMockSenseiApi } from '../../src/testing/index.js';
import { SsrDashboard } from './SsrDashboard.js';

describe('hydration', () => {
  it('hydrates the server HTML of every hook and component without a mismatch', async () => {
    const api = createMockSenseiApi();
    
    const html = renderToString(<SsrDashboard fetch={api.fetch} />);
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    // React reports a mismatch as a recoverable error (and test/setup.ts fails on console errors).
    const recoverable: unknown[] = [];
    const root = await act(async () =>
      hydrateRoot(container, <SsrDashboard fetch={api.fetch} />, { onRecoverableError: (error) => recoverable.push(error) }),
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(recoverable).toEqual([]);
    expect(container.querySelector('h1')?.textContent).toBe('Migrations');
    expect(container.querySelectorAll('main > ul > li')).toHaveLength(50); // the client fetched the first page
    expect(api.countRequests({ method: 'GET', path: '/v1/migrations' })).toBeGreaterThanOrEqual(1);
    act(() => root.unmount());
    container.remove();
  });
});
