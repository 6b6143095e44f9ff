/// <reference types="vite/client" />
import { lazy, Suspense } from 'react';

// Loaded lazily and only in development — or with `?devtools` in the URL, since `npm start`
// (and the e2e tests) serve a production build. A production visit never downloads the chunk.
const wanted = import.meta.env.DEV || new URLSearchParams(window.location.search).has('devtools');
const SenseiDevtools = wanted ? lazy(() => import('./DevtoolsChunk.js')) : null;

/** `<SenseiDevtools>` in development; its scenario buttons steer the embedded mock API. */
export function DemoDevtools({ mockControlUrl }: { mockControlUrl: string | undefined }) {
  if (!SenseiDevtools) return null;
  return (
    <Suspense fallback={null}>
      <SenseiDevtools mockControlUrl={mockControlUrl} />
    </Suspense>
  );
}
