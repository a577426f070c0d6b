/**
 * Credentials the plugin must be able to read back (a shop's API key, a feed's password), kept
 * encrypted at rest with AES-256-GCM. The key is derived (HKDF-SHA256) from the app's
 * ENCRYPTION_KEY secret (config/secrets.ts, handed over in config/plugins.ts), under a label of
 * its own, so that it is never the very key the admin encrypts its own tokens with.
 * Each value is bound to what it is (its purpose, e.g. "connection.unasApiKey"): a ciphertext
 * copied into another column does not decrypt.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';

/** The stored form: "v1.<iv>.<tag>.<ciphertext>", each part base64url. */
const VERSION = 'v1';
const IV_BYTES = 12;
/** The full tag, always: a shortened one would be easier to forge. */
const TAG_BYTES = 16;

export class SecretBoxError extends Error {}

export interface SecretBox {
  encrypt(plaintext: string, purpose: string): string;
  decrypt(stored: string, purpose: string): string;
}

/** A box keyed from `secret`; throws when there is no secret to key it with. */
export const secretBox = (secret: string): SecretBox => {
  if (!secret)
    throw new SecretBoxError('orders: no encryption key is configured (ENCRYPTION_KEY, config/plugins.ts → orders.config.encryptionKey)');
  const key = Buffer.from(hkdfSync('sha256', secret, 'strapi-plugin-orders', 'orders credentials v1', 32));
  return {
    encrypt(plaintext, purpose) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(purpose, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(stored, purpose) {
      const [version, iv, tag, ciphertext, ...rest] = stored.split('.');
      if (version !== VERSION || rest.length || ciphertext === undefined) throw new SecretBoxError('not a value this plugin encrypted');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(purpose, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(
          'the value does not decrypt: it was encrypted with another ENCRYPTION_KEY, for another purpose, or changed'
        );
      }
    },
  };
};
