/**
 * The simulator's own secrets (issue 18): the bot token it issues for its default workspace and the
 * signing secret it signs requests with. Made up, never Slack's: `npm run demo` and the end-to-end tests
 * start the app with these, and nothing else accepts them.
 */
export const SIMULATOR_BOT_TOKEN = 'xoxb-e2e-fake-token';
export const SIMULATOR_SIGNING_SECRET = 'e2eSigningSecret0123456789';
