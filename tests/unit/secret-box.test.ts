import fc from 'fast-check';
import { secretBox, SecretBoxError } from '../../src/plugins/orders/server/src/core/secret-box';

const box = secretBox('a-test-encryption-key-of-32-characters-or-more');

describe('the secret box (AES-256-GCM)', () => {
  test('what it encrypts, it decrypts, for the same purpose', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ minLength: 1 }), (plaintext, purpose) => {
        expect(box.decrypt(box.encrypt(plaintext, purpose), purpose)).toBe(plaintext);
      })
    );
  });

  test('the stored form is versioned and never holds the plaintext; each encryption differs', () => {
    const once = box.encrypt('unas-api-key-123', 'connection.unasApiKey');
    const twice = box.encrypt('unas-api-key-123', 'connection.unasApiKey');
    expect(once).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(once).not.toContain('unas-api-key-123');
    expect(once).not.toBe(twice);
  });

  test('another purpose, another key, or a changed byte does not decrypt', () => {
    const stored = box.encrypt('jelszó', 'connection.feedPassword');
    expect(() => box.decrypt(stored, 'connection.unasApiKey')).toThrow(SecretBoxError);
    expect(() => secretBox('another-key-another-key-another-key').decrypt(stored, 'connection.feedPassword')).toThrow(SecretBoxError);
    const [version, iv, tag, ciphertext] = stored.split('.');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'), 'connection.feedPassword')).toThrow(
      SecretBoxError
    );
    // A shortened tag is refused, not checked on fewer bytes.
    expect(() => box.decrypt([version, iv, tag.slice(0, 6), ciphertext].join('.'), 'connection.feedPassword')).toThrow(SecretBoxError);
    expect(() => box.decrypt('plaintext', 'connection.feedPassword')).toThrow(SecretBoxError);
  });

  test('there is no box without a key', () => {
    expect(() => secretBox('')).toThrow(/ENCRYPTION_KEY/);
  });
});
