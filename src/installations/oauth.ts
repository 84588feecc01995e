import type { AppOptions } from '@slack/bolt';
import type { FetchFunction } from '@slack/web-api';
import type { AppDeps } from '../app-deps.js';
import { createTokenCipher } from '../slack/token-crypto.js';
import type { WorkspaceTokens } from '../slack/workspace-tokens.js';
import { BOT_SCOPES } from './scopes.js';
import { createInstallationStore, type PrismaInstallationStore } from './store.js';
import { installationTokens } from './tokens.js';

// OAuth mode (issue 16), as src/app.ts builds it: Bolt's InstallProvider (GET /slack/install, the
// /slack/oauth_redirect callback, a signed state that any replica can check) on our own installation store,
// and every workspace's token for work the app does on its own. Null with SLACK_BOT_TOKEN.

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_URI_PATH = '/slack/oauth_redirect';

export interface OAuthInstalls {
  readonly store: PrismaInstallationStore;
  /** The options that make Bolt serve installs and authorize each request from the store. */
  readonly appOptions: Pick<AppOptions, 'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions' | 'authorize'>;
  readonly tokens: WorkspaceTokens;
}

export function oauthInstalls(
  deps: AppDeps,
  options: { owner: string; fetch?: FetchFunction | undefined; customReceiver?: boolean },
): OAuthInstalls | null {
  const { config, database, logger, clock } = deps;
  const oauth = config.slack.oauth;
  if (!oauth) return null;
  // config.ts refuses OAuth mode without keys; this guards a hand-built config.
  if (!config.tokenEncryptionKeys) throw new Error('OAuth installs need TOKEN_ENCRYPTION_KEYS');
  const store = createInstallationStore({
    db: database.db,
    cipher: createTokenCipher(config.tokenEncryptionKeys),
    clock,
    logger,
    slackApiUrl: config.slack.apiUrl,
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    owner: options.owner,
    fetch: options.fetch,
  });
  const tokens = installationTokens(store, database.db, clock);
  const appOptions: OAuthInstalls['appOptions'] = options.customReceiver
    ? {
        // A receiver of the tests' own has no InstallProvider: authorize each request from the store directly.
        authorize: async (source) => {
          const installation = await store.fetchInstallation({
            teamId: source.teamId,
            enterpriseId: source.enterpriseId,
            isEnterpriseInstall: source.isEnterpriseInstall,
          });
          return {
            botToken: installation.bot?.token,
            botId: installation.bot?.id,
            botUserId: installation.bot?.userId,
            teamId: installation.team?.id ?? source.teamId,
            enterpriseId: installation.enterprise?.id ?? source.enterpriseId,
          };
        },
      }
    : {
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        stateSecret: oauth.stateSecret,
        scopes: [...BOT_SCOPES],
        installationStore: store,
        installerOptions: {
          installPath: INSTALL_PATH,
          redirectUriPath: REDIRECT_URI_PATH,
          // The state is a JWT signed with SLACK_STATE_SECRET, also kept in a cookie: any replica checks it.
          stateVerification: true,
          // An "Add to Slack" page first, rather than a redirect straight to Slack.
          directInstall: false,
        },
      };
  return { store, appOptions, tokens };
}
