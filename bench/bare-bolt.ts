// The baselines of the `load` benchmark (issue 17): a bare Bolt app in HTTP mode with the same command,
// action id and message event the app answers. BARE_MODE picks how much it does:
// - `ack` (the baseline): it only acknowledges, so whatever the app costs above it is ours;
// - `same-io`: it also does the Slack I/O the app must do for the same request, with nothing of ours in
//   between: `/peer help` is acknowledged with the help message and a DM is answered with the safety
//   net's message (chat.postMessage), both rendered once at start. What the app costs above this is its
//   database reads and writes and its own code, not the answer a person is owed.
// Run as a child process by bench/load.ts, which passes the environment below and waits for the line
// `listening` on stdout.
import { english } from '../src/i18n/translate.js';
import { App, LogLevel } from '@slack/bolt';
import { renderHelp } from '../src/features/help/views.js';
import { PreferenceIds } from '../src/features/preferences/ids.js';
import { RequestIds } from '../src/features/requests/ids.js';
import { renderSafetyNet } from '../src/features/safety/views.js';

const { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT, BARE_MODE = 'ack' } = process.env;
if (!SLACK_BOT_TOKEN || !SLACK_SIGNING_SECRET || !SLACK_API_URL || !PORT || (BARE_MODE !== 'ack' && BARE_MODE !== 'same-io')) {
  console.error('bare-bolt: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL and PORT are required; BARE_MODE is ack or same-io');
  process.exit(2);
}
const sameIo = BARE_MODE === 'same-io';

const app = new App({
  token: SLACK_BOT_TOKEN,
  signingSecret: SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: SLACK_API_URL },
  logLevel: LogLevel.WARN,
});

const help = { response_type: 'ephemeral' as const, ...renderHelp(english) };
const safetyNet = renderSafetyNet(english, { resources: [], crisis: false, requests: [] });

app.command('/peer', async ({ ack }) => (sameIo ? ack(help) : ack()));
// The two buttons bench/load.ts can click (LOAD_CLICK).
app.action(RequestIds.resourceLinks[0], async ({ ack }) => ack());
app.action(PreferenceIds.previews, async ({ ack }) => ack());
app.event('message', async ({ event, client }) => {
  if (!sameIo || !('channel' in event)) return;
  await client.chat.postMessage({ channel: event.channel, ...safetyNet });
});

await app.start(Number(PORT));
console.log('listening');

process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
