/** What the demo server writes into `/__demo/config.js` (see `server/startDemoServer.ts`). */
export interface DemoConfig {
  apiUrl: string;
  apiKey: string | null;
  mock: boolean;
}

declare global {
  interface Window {
    __SENSEI_DEMO__?: DemoConfig;
  }
}

/**
 * Takes the config the demo server injected, and removes the global so the key does not sit
 * on `window` for any script to read. `undefined` when the page was not served by the demo
 * server (a plain `vite preview`, a file URL).
 */
export function takeDemoConfig(): DemoConfig | undefined {
  const config = window.__SENSEI_DEMO__;
  delete window.__SENSEI_DEMO__;
  if (!config || typeof config.apiUrl !== 'string') return undefined;
  return config;
}
