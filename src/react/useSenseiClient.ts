'use client';
import type { SenseiClient } from '../core/createSenseiClient.js';
import { useSenseiContext } from './SenseiContext.js';

/** The client of the nearest `<SenseiProvider>`. */
export function useSenseiClient(): SenseiClient {
  return useSenseiContext('useSenseiClient').client;
}
