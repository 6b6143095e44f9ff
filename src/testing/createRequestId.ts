/** A request id as the API sends it: `req_` and 12 random hex digits. */
export function createRequestId(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `req_${hex}`;
}
