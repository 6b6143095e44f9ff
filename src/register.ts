/**
 * Opt-in: `import type {} from '@sensei/react/register'` once in your app makes `error` a
 * `SenseiError` in every `useQuery`/`useMutation`, not just the library's own hooks. Opt-in,
 * because it retypes errors of non-Sensei queries too.
 */
import type { SenseiError } from './core/SenseiError.js';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: SenseiError;
  }
}

export {};
