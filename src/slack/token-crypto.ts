import { createCipheriv, createDecipheriv, createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

// Slack bot and refresh tokens at rest (issue 16): AES-256-GCM under TOKEN_ENCRYPTION_KEYS, the team (or
// enterprise) id as associated data so a token copied to another workspace's row does not decrypt.
// Keys rotate: the first key seals, every listed key opens, and each sealed token names its key by a
// fingerprint, so opening never has to try them all.
//
// Sealed format: `v1.<keyId>.<iv>.<ciphertext>.<tag>`, the last three base64url without padding.
// keyId is the first 8 hex characters of SHA-256 over a domain-separation prefix and the key: it tells
// keys apart and says nothing usable about them.

const VARIABLE = 'TOKEN_ENCRYPTION_KEYS';
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
// 96-bit random IVs are GCM's recommended size; 16-byte tags are never truncated.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_PREFIX = 'peer-support/token-encryption-key-id/v1\0';
const KEY_ID_PATTERN = /^[0-9a-f]{8}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

/** A TOKEN_ENCRYPTION_KEYS value that cannot be used. The message names the key's position, never its bytes. */
export class EncryptionKeysError extends Error {
  readonly code = 'encryption_keys_invalid';
  constructor(
    /** What is wrong, without the variable's name: "key 2 of 3 is not base64 ..." (config.ts prefixes it). */
    readonly detail: string,
    /** 1-based position of the bad key in the list; undefined when the whole value is at fault. */
    readonly position: number | undefined,
  ) {
    super(`${VARIABLE} ${detail}`);
    this.name = 'EncryptionKeysError';
  }
}

export type TokenDecryptionErrorCode = 'unknown_key' | 'tampered' | 'malformed';

const DECRYPTION_MESSAGES: Record<TokenDecryptionErrorCode, string> = {
  unknown_key: `sealed token names a key that is not in ${VARIABLE}`,
  tampered: 'sealed token failed authentication: it was altered, or sealed for another team or enterprise',
  malformed: `sealed token is not in the ${VERSION} format`,
};

/** A sealed token that cannot be opened. Carries no plaintext, key, sealed text or associated data. */
export class TokenDecryptionError extends Error {
  constructor(
    readonly code: TokenDecryptionErrorCode,
    /** The sealing key's fingerprint, when known (for 'unknown_key': the key to put back into the list). */
    readonly keyId?: string,
  ) {
    super(keyId === undefined ? DECRYPTION_MESSAGES[code] : `${DECRYPTION_MESSAGES[code]} (key id ${keyId})`);
    this.name = 'TokenDecryptionError';
  }
}

export interface TokenCipher {
  /** Seals with the newest (first) key and a fresh random IV. */
  encrypt(plaintext: string, associatedData: string): string;
  /** Opens a token sealed with any listed key; throws TokenDecryptionError. */
  decrypt(sealed: string, associatedData: string): string;
  /** True when the token was sealed with a key other than the newest: decrypt and encrypt it again. */
  needsReencryption(sealed: string): boolean;
}

/**
 * Reads TOKEN_ENCRYPTION_KEYS: comma-separated base64 keys of exactly 32 bytes each, newest first.
 * Whitespace around each key is ignored; empty entries and repeated keys are refused.
 */
export function parseEncryptionKeys(value: string): Buffer[] {
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.length === 1 && entries[0] === '') {
    throw new EncryptionKeysError('needs at least one base64 key of 32 bytes (generate one with `openssl rand -base64 32`)', undefined);
  }
  const keys: Buffer[] = [];
  entries.forEach((entry, index) => {
    const position = index + 1;
    const which = entries.length === 1 ? 'key 1' : `key ${position} of ${entries.length}`;
    if (entry === '') {
      throw new EncryptionKeysError(`${which} is empty (remove the extra comma)`, position);
    }
    if (!BASE64_PATTERN.test(entry)) {
      throw new EncryptionKeysError(`${which} is not base64 (generate one with \`openssl rand -base64 32\`)`, position);
    }
    const key = Buffer.from(entry, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new EncryptionKeysError(
        `${which} is ${key.length} bytes, but each key must be exactly ${KEY_BYTES} (generate one with \`openssl rand -base64 32\`)`,
        position,
      );
    }
    const earlier = keys.findIndex((other) => other.equals(key));
    if (earlier !== -1) {
      throw new EncryptionKeysError(`${which} repeats key ${earlier + 1}: list each key once`, position);
    }
    keys.push(key);
  });
  return keys;
}

/** The non-secret fingerprint a sealed token carries to name its key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(KEY_ID_PREFIX).update(key).digest('hex').slice(0, 8);
}

/** Keys newest first, as parseEncryptionKeys returns them. The buffers are copied; later changes to them do not matter. */
export function createTokenCipher(keys: readonly Buffer[]): TokenCipher {
  if (keys.length === 0) throw new Error('createTokenCipher needs at least one key');
  const byId = new Map<string, KeyObject>();
  keys.forEach((key, index) => {
    if (key.length !== KEY_BYTES) throw new Error(`createTokenCipher: key ${index + 1} is ${key.length} bytes, not ${KEY_BYTES}`);
    const id = keyIdOf(key);
    // Also the duplicate check: equal keys have equal ids. Distinct keys colliding in 32 bits is
    // vanishingly unlikely, and refused rather than guessed between.
    if (byId.has(id)) throw new Error(`createTokenCipher: key ${index + 1} has the same key id as an earlier key`);
    // A KeyObject, not the Buffer, so an accidental log or inspect of the cipher shows no key bytes.
    byId.set(id, createSecretKey(Buffer.from(key)));
  });
  const newestId = keyIdOf(keys[0]!);
  const newestKey = byId.get(newestId)!;

  return Object.freeze({
    encrypt(plaintext: string, associatedData: string): string {
      requireAssociatedData(associatedData);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, newestKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(newestId, associatedData));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, newestId, toBase64url(iv), toBase64url(ciphertext), toBase64url(tag)].join('.');
    },

    decrypt(sealed: string, associatedData: string): string {
      requireAssociatedData(associatedData);
      const parts = parseSealed(sealed);
      const key = byId.get(parts.keyId);
      if (key === undefined) throw new TokenDecryptionError('unknown_key', parts.keyId);
      const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(parts.keyId, associatedData));
      decipher.setAuthTag(parts.tag);
      let plaintext: Buffer;
      try {
        plaintext = Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
      } catch {
        // Node's own error says only "Unsupported state or unable to authenticate data"; ours has a code.
        throw new TokenDecryptionError('tampered', parts.keyId);
      }
      return plaintext.toString('utf8');
    },

    needsReencryption(sealed: string): boolean {
      return parseSealed(sealed).keyId !== newestId;
    },
  });
}

function requireAssociatedData(associatedData: string): void {
  // An empty team id would seal a token that opens in any row: a caller's bug, never a stored token's.
  if (associatedData === '') throw new Error('token encryption needs the team or enterprise id as associated data');
}

// The header is authenticated too, so a future format cannot be passed off as v1. Version and key id are
// fixed-length, so the concatenation is unambiguous.
function additionalData(keyId: string, associatedData: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${associatedData}`, 'utf8');
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parseSealed(sealed: string): SealedParts {
  const parts = sealed.split('.');
  if (parts.length !== 5) throw new TokenDecryptionError('malformed');
  const [version, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  if (version !== VERSION || !KEY_ID_PATTERN.test(keyId)) throw new TokenDecryptionError('malformed');
  const ivBytes = fromBase64url(iv);
  const ciphertextBytes = fromBase64url(ciphertext);
  const tagBytes = fromBase64url(tag);
  if (ivBytes?.length !== IV_BYTES || ciphertextBytes === undefined || tagBytes?.length !== TAG_BYTES) {
    throw new TokenDecryptionError('malformed');
  }
  return { keyId, iv: ivBytes, ciphertext: ciphertextBytes, tag: tagBytes };
}

function toBase64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

// Node's decoder skips characters it does not know; only the canonical encoding is accepted here.
function fromBase64url(text: string): Buffer | undefined {
  if (!BASE64URL_PATTERN.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}
