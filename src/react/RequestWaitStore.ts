// The store moved to core: the options factories (no React) feed it through TanStack's context.client.
export * from '../core/RequestWaitStore.js';
