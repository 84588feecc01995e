// `node dist/installations/reseal-cli.js`: after a new key was put first in TOKEN_ENCRYPTION_KEYS, seals
// every stored Slack token with it now, instead of waiting for each workspace's next use, and says whether
// any row still needs an older key (docs/deployment.md, key rotation). Needs DATABASE_URL and
// TOKEN_ENCRYPTION_KEYS only; safe to run while the app runs (each row changes only if it is still as read).
import { systemClock } from '../clock.js';
import { ConfigError, loadDatabaseConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { createLogger } from '../logger.js';
import { createTokenCipher, EncryptionKeysError, parseEncryptionKeys } from '../slack/token-crypto.js';
import { createInstallationStore } from './store.js';

async function main(): Promise<number> {
  const { url } = loadDatabaseConfig(process.env);
  const keys = process.env.TOKEN_ENCRYPTION_KEYS?.trim();
  if (!keys) throw new ConfigError('TOKEN_ENCRYPTION_KEYS', 'TOKEN_ENCRYPTION_KEYS is not set: nothing to seal with.');
  let cipher;
  try {
    cipher = createTokenCipher(parseEncryptionKeys(keys));
  } catch (error) {
    if (error instanceof EncryptionKeysError) throw new ConfigError('TOKEN_ENCRYPTION_KEYS', `${error.message}.`);
    throw error;
  }
  const database = await openDatabase(url);
  try {
    // Re-sealing never refreshes a token, so the store needs no OAuth credentials here.
    const store = createInstallationStore({
      db: database.db,
      cipher,
      clock: systemClock,
      logger: createLogger('warn'),
      clientId: '',
      clientSecret: '',
      owner: 'reseal-cli',
    });
    const { installations, resealed, left } = await store.resealAll();
    console.log(
      `${installations} installation(s), ${resealed} sealed again with the newest key; ` +
        (left === 0 ? 'none needs an older key now.' : `${left} still sealed with an older key (changed while this ran): run it again.`),
    );
    return left === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    // A token that does not open names its key's fingerprint (TokenDecryptionError), never a token.
    console.error(`Re-sealing failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
