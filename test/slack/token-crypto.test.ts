import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  EncryptionKeysError,
  TokenDecryptionError,
  createTokenCipher,
  keyIdOf,
  parseEncryptionKeys,
  type TokenDecryptionErrorCode,
} from '../../src/slack/token-crypto.js';

// Fixed keys so failures are reproducible; each is 32 bytes.
const OLD_KEY = Buffer.alloc(32, 0x11);
const NEW_KEY = Buffer.alloc(32, 0x22);
const OTHER_KEY = Buffer.alloc(32, 0x33);
const TEAM = 'T0123ABCD';
const OTHER_TEAM = 'T9876WXYZ';
const TOKEN = 'xoxb-1111-2222-secretsecretsecret';

const b64 = (key: Buffer) => key.toString('base64');

function decryptionErrorFrom(open: () => unknown): TokenDecryptionError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(TokenDecryptionError);
    return error as TokenDecryptionError;
  }
  throw new Error('expected a TokenDecryptionError, but the token opened');
}

function keysErrorFrom(value: string): EncryptionKeysError {
  try {
    parseEncryptionKeys(value);
  } catch (error) {
    expect(error).toBeInstanceOf(EncryptionKeysError);
    return error as EncryptionKeysError;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

/** Flips one bit of one base64url segment of a sealed token (2 = iv, 3 = ciphertext, 4 = tag). */
function flipBit(sealed: string, segment: 2 | 3 | 4, byte = 0): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[segment]!, 'base64url');
  bytes[byte] = bytes[byte]! ^ 0x01;
  parts[segment] = bytes.toString('base64url');
  return parts.join('.');
}

describe('createTokenCipher', () => {
  it('opens what it sealed, with the same associated data', () => {
    const cipher = createTokenCipher([NEW_KEY]);
    const sealed = cipher.encrypt(TOKEN, TEAM);
    expect(sealed).not.toContain(TOKEN);
    expect(cipher.decrypt(sealed, TEAM)).toBe(TOKEN);
    // Non-ASCII and empty plaintexts survive too.
    expect(cipher.decrypt(cipher.encrypt('xoxe-ä-✓', TEAM), TEAM)).toBe('xoxe-ä-✓');
    expect(cipher.decrypt(cipher.encrypt('', TEAM), TEAM)).toBe('');
  });

  it('writes v1.<keyId>.<iv>.<ciphertext>.<tag> with a 12-byte IV, a 16-byte tag and the newest key\'s id', () => {
    const sealed = createTokenCipher([NEW_KEY, OLD_KEY]).encrypt(TOKEN, TEAM);
    const [version, keyId, iv, ciphertext, tag, ...rest] = sealed.split('.');
    expect(rest).toEqual([]);
    expect(version).toBe('v1');
    expect(keyId).toBe(keyIdOf(NEW_KEY));
    expect(keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength(Buffer.byteLength(TOKEN));
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(sealed).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('uses a different random IV, and so a different sealed text, every time', () => {
    const cipher = createTokenCipher([NEW_KEY]);
    const sealedTexts = Array.from({ length: 50 }, () => cipher.encrypt(TOKEN, TEAM));
    const ivs = sealedTexts.map((sealed) => sealed.split('.')[2]);
    expect(new Set(ivs).size).toBe(50);
    expect(new Set(sealedTexts).size).toBe(50);
    for (const sealed of sealedTexts) expect(cipher.decrypt(sealed, TEAM)).toBe(TOKEN);
  });

  it('refuses a token copied to another team\'s row (wrong associated data): tampered', () => {
    const cipher = createTokenCipher([NEW_KEY]);
    const sealed = cipher.encrypt(TOKEN, TEAM);
    expect(decryptionErrorFrom(() => cipher.decrypt(sealed, OTHER_TEAM)).code).toBe('tampered');
    // An enterprise id in place of the team id is just as foreign.
    expect(decryptionErrorFrom(() => cipher.decrypt(sealed, 'E0123ABCD')).code).toBe('tampered');
  });

  it.each([
    ['IV', 2],
    ['ciphertext', 3],
    ['tag', 4],
  ] as const)('refuses a token with one flipped %s bit: tampered', (_name, segment) => {
    const cipher = createTokenCipher([NEW_KEY]);
    const sealed = cipher.encrypt(TOKEN, TEAM);
    for (const byte of [0, 5]) {
      const altered = flipBit(sealed, segment, byte);
      expect(altered).not.toBe(sealed);
      expect(decryptionErrorFrom(() => cipher.decrypt(altered, TEAM)).code).toBe('tampered');
    }
  });

  it('refuses a token whose key id was switched to another listed key: tampered', () => {
    const cipher = createTokenCipher([NEW_KEY, OLD_KEY]);
    const sealed = cipher.encrypt(TOKEN, TEAM);
    const switched = sealed.replace(`.${keyIdOf(NEW_KEY)}.`, `.${keyIdOf(OLD_KEY)}.`);
    expect(decryptionErrorFrom(() => cipher.decrypt(switched, TEAM)).code).toBe('tampered');
  });

  it('refuses a token sealed with a key that is no longer listed: unknown_key, naming only the key id', () => {
    const sealed = createTokenCipher([OTHER_KEY]).encrypt(TOKEN, TEAM);
    const error = decryptionErrorFrom(() => createTokenCipher([NEW_KEY, OLD_KEY]).decrypt(sealed, TEAM));
    expect(error.code).toBe('unknown_key');
    expect(error.keyId).toBe(keyIdOf(OTHER_KEY));
    expect(error.message).toContain(keyIdOf(OTHER_KEY));
    expect(error.message).toContain('TOKEN_ENCRYPTION_KEYS');
  });

  it.each([
    ['an empty string', ''],
    ['a plain token', TOKEN],
    ['too few parts', 'v1.abcdef01.AAAA.AAAA'],
    ['too many parts', 'v1.abcdef01.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA.x'],
    ['another version', 'v2.abcdef01.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a bad key id', 'v1.ABCDEF01.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a short IV', 'v1.abcdef01.AAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['a short tag', 'v1.abcdef01.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAA'],
    ['standard base64 characters', 'v1.abcdef01.AAAAAAAAAAAAAAA+.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['padding', 'v1.abcdef01.AAAAAAAAAAAAAAAA.AA==.AAAAAAAAAAAAAAAAAAAAAA'],
  ])('refuses %s: malformed', (_name, sealed) => {
    const cipher = createTokenCipher([NEW_KEY]);
    expect(decryptionErrorFrom(() => cipher.decrypt(sealed, TEAM)).code).toBe('malformed');
    expect(decryptionErrorFrom(() => cipher.needsReencryption(sealed)).code).toBe('malformed');
  });

  it('rotates keys: a token sealed with the old key opens with [new, old], asks to be re-encrypted, and comes back under the newest key', () => {
    const before = createTokenCipher([OLD_KEY]);
    const sealedWithOld = before.encrypt(TOKEN, TEAM);
    expect(before.needsReencryption(sealedWithOld)).toBe(false);

    const after = createTokenCipher([NEW_KEY, OLD_KEY]);
    expect(after.decrypt(sealedWithOld, TEAM)).toBe(TOKEN);
    expect(after.needsReencryption(sealedWithOld)).toBe(true);

    const resealed = after.encrypt(after.decrypt(sealedWithOld, TEAM), TEAM);
    expect(resealed.split('.')[1]).toBe(keyIdOf(NEW_KEY));
    expect(after.needsReencryption(resealed)).toBe(false);
    expect(after.decrypt(resealed, TEAM)).toBe(TOKEN);

    // Once every row is re-encrypted, the old key can go.
    expect(createTokenCipher([NEW_KEY]).decrypt(resealed, TEAM)).toBe(TOKEN);
    expect(decryptionErrorFrom(() => createTokenCipher([NEW_KEY]).decrypt(sealedWithOld, TEAM)).code).toBe('unknown_key');
  });

  it('never puts the plaintext, the key, the sealed text or the team id into an error', () => {
    const cipher = createTokenCipher([NEW_KEY]);
    const sealed = cipher.encrypt(TOKEN, TEAM);
    const errors = [
      decryptionErrorFrom(() => cipher.decrypt(sealed, OTHER_TEAM)),
      decryptionErrorFrom(() => cipher.decrypt(flipBit(sealed, 3), TEAM)),
      decryptionErrorFrom(() => createTokenCipher([OLD_KEY]).decrypt(sealed, TEAM)),
      decryptionErrorFrom(() => cipher.decrypt(`${sealed}.${TOKEN}`, TEAM)),
      decryptionErrorFrom(() => cipher.decrypt(TOKEN, TEAM)),
    ];
    const codes: TokenDecryptionErrorCode[] = errors.map((error) => error.code);
    expect(codes).toEqual(['tampered', 'tampered', 'unknown_key', 'malformed', 'malformed']);
    for (const error of errors) {
      const shown = `${error.message}\n${error.stack}\n${inspect(error)}\n${JSON.stringify(error)}`;
      for (const secret of [TOKEN, 'secretsecret', b64(NEW_KEY), NEW_KEY.toString('hex'), sealed, TEAM, OTHER_TEAM]) {
        expect(shown).not.toContain(secret);
      }
    }
  });

  it('shows no key bytes when the cipher itself is inspected or serialised', () => {
    const cipher = createTokenCipher([NEW_KEY]);
    const shown = `${inspect(cipher, { depth: 10, showHidden: true })}${JSON.stringify(cipher)}`;
    expect(shown).not.toContain(b64(NEW_KEY));
    expect(shown).not.toContain(NEW_KEY.toString('hex'));
  });

  it('keeps its own copy of the keys', () => {
    const key = Buffer.from(NEW_KEY);
    const cipher = createTokenCipher([key]);
    const sealed = cipher.encrypt(TOKEN, TEAM);
    key.fill(0);
    expect(cipher.decrypt(sealed, TEAM)).toBe(TOKEN);
  });

  it('refuses no keys, wrong-sized keys, repeated keys and an empty team id', () => {
    expect(() => createTokenCipher([])).toThrow(/at least one key/);
    expect(() => createTokenCipher([Buffer.alloc(16)])).toThrow(/16 bytes/);
    expect(() => createTokenCipher([NEW_KEY, Buffer.from(NEW_KEY)])).toThrow(/same key id/);
    const cipher = createTokenCipher([NEW_KEY]);
    expect(() => cipher.encrypt(TOKEN, '')).toThrow(/associated data/);
    expect(() => cipher.decrypt(cipher.encrypt(TOKEN, TEAM), '')).toThrow(/associated data/);
  });

  it('derives key ids from the key alone: stable, short and different per key', () => {
    expect(keyIdOf(NEW_KEY)).toBe(keyIdOf(Buffer.from(NEW_KEY)));
    expect(keyIdOf(NEW_KEY)).not.toBe(keyIdOf(OLD_KEY));
    expect(keyIdOf(NEW_KEY)).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('parseEncryptionKeys', () => {
  it('reads comma-separated base64 keys newest first, trimming whitespace', () => {
    expect(parseEncryptionKeys(b64(NEW_KEY))).toEqual([NEW_KEY]);
    expect(parseEncryptionKeys(` ${b64(NEW_KEY)} ,\n${b64(OLD_KEY)}\t`)).toEqual([NEW_KEY, OLD_KEY]);
  });

  it('reads what `openssl rand -base64 32` prints', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKeys(`${key.toString('base64')}\n`)).toEqual([key]);
  });

  const KEY_31 = randomBytes(31).toString('base64');
  const KEY_33 = randomBytes(33).toString('base64');
  const NOT_BASE64 = `${b64(OTHER_KEY).slice(0, 40)}!@#$`;
  // 0xfb bytes encode as "+/v7" in base64 and "-_v7" in base64url.
  const URL_SAFE = Buffer.alloc(32, 0xfb).toString('base64url');

  it.each([
    ['an empty value', '', undefined, /at least one/],
    ['a blank value', '   ', undefined, /at least one/],
    ['an empty entry', `${b64(NEW_KEY)},,${b64(OLD_KEY)}`, 2, /key 2 of 3 is empty/],
    ['a trailing comma', `${b64(NEW_KEY)},`, 2, /key 2 of 2 is empty/],
    ['a key that is not base64', `${b64(NEW_KEY)},${NOT_BASE64}`, 2, /key 2 of 2 is not base64/],
    ['a base64url key', URL_SAFE, 1, /key 1 is not base64/],
    ['a 31-byte key', `${b64(NEW_KEY)},${b64(OLD_KEY)},${KEY_31}`, 3, /key 3 of 3 is 31 bytes/],
    ['a 33-byte key', KEY_33, 1, /key 1 is 33 bytes/],
    ['a repeated key', `${b64(NEW_KEY)},${b64(OLD_KEY)},${b64(NEW_KEY)}`, 3, /key 3 of 3 repeats key 1/],
  ])('refuses %s, naming TOKEN_ENCRYPTION_KEYS and the position, never the key', (_name, value, position, detail) => {
    const error = keysErrorFrom(value);
    expect(error.code).toBe('encryption_keys_invalid');
    expect(error.position).toBe(position);
    expect(error.message.startsWith('TOKEN_ENCRYPTION_KEYS ')).toBe(true);
    expect(error.message).toMatch(detail);
    expect(error.message).toBe(`TOKEN_ENCRYPTION_KEYS ${error.detail}`);
    expect(error.message).not.toContain('\n');
    const shown = `${error.message}\n${error.stack}\n${inspect(error)}`;
    for (const entry of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
      expect(shown).not.toContain(entry);
      expect(shown).not.toContain(entry.slice(0, 12));
    }
  });
});
