// Share links as the app makes them, for tests that open one.
import { deflateRawSync } from 'node:zlib';

/** A share value made the way the app makes one: version 1, raw DEFLATE, base64url. */
export function shareValue(payload: unknown): string {
  return '1.' + deflateRawSync(Buffer.from(JSON.stringify(payload))).toString('base64url');
}
