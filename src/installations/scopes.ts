// The bot scopes an OAuth install asks for (issue 16): exactly manifest.yml's oauth_config.scopes.bot
// (test/installations/scopes.test.ts keeps the two equal). No user scopes: the app never acts as a person.
export const BOT_SCOPES: readonly string[] = Object.freeze([
  'chat:write',
  'commands',
  'files:write',
  'im:history',
  'im:write',
  'reactions:read',
  'reactions:write',
  'users:read',
]);
