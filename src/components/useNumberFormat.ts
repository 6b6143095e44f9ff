'use client';
import { useMemo } from 'react';

/**
 * `format` of an `Intl.NumberFormat`, made again only when `locale` changes by value (an inline
 * array does not churn). It comes bound to its formatter (ECMA-402), so it can be passed alone.
 */
export function useNumberFormat(locale: Intl.LocalesArgument, options?: Intl.NumberFormatOptions): (value: number) => string {
  const localeKey = typeof locale === 'string' ? locale : JSON.stringify(locale);
  // `options` are constants of the callers.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => new Intl.NumberFormat(locale as string | string[] | undefined, options), [localeKey]).format;
}
