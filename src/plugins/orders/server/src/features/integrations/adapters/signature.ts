/**
 * Signatures and shared secrets, compared in constant time: both sides are hashed first, so that
 * timingSafeEqual always sees equal lengths and not even the length of the secret leaks.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const digest = (text: string | Buffer) => createHash('sha256').update(text).digest();

/** Whether two texts are equal, in time that does not depend on where they differ. */
export const sameText = (given: string | null | undefined, expected: string): boolean =>
  typeof given === 'string' && expected.length > 0 && timingSafeEqual(digest(given), digest(expected));

/** base64(HMAC-SHA256(body, secret)): WooCommerce's, UNAS's and the XML push's signature. */
export const hmacBase64 = (body: Buffer, secret: string): string => createHmac('sha256', secret).update(body).digest('base64');

/** Whether `signature` signs the exact bytes of `body` with `secret`. */
export const signedBy = (body: Buffer, secret: string, signature: string | null): boolean =>
  signature !== null && sameText(signature.trim(), hmacBase64(body, secret));
