import type { useQuery } from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import type { SenseiError } from '../../src/core/SenseiError.js';
import type {} from '../../src/register.js';

test('importing @sensei/react/register types every query error as SenseiError', () => {
  // Only the type is checked; the hook is never called.
  type Result = ReturnType<typeof useQuery<string>>;
  expectTypeOf<Result['error']>().toEqualTypeOf<SenseiError | null>();
});
