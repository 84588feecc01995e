// The baseline of the `load` benchmark (issue 17): a bare Bolt app in HTTP mode that only acknowledges,
// with the same command, action id and message event the app answers. Whatever the app costs above this
// process is ours, not Bolt's. Run as a child process by bench/load.ts, which passes the environment below
// and waits for the line `listening` on stdout.
import { App, LogLevel } from '@slack/bolt';
import { PreferenceIds } from '../src/features/preferences/ids.js';
import { RequestIds } from '../src/features/requests/ids.js';

const { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT } = process.env;
if (!SLACK_BOT_TOKEN || !SLACK_SIGNING_SECRET || !SLACK_API_URL || !PORT) {
  console.error('bare-bolt: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL and PORT are required');
  process.exit(2);
}

const app = new App({
  token: SLACK_BOT_TOKEN,
  signingSecret: SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: SLACK_API_URL },
  logLevel: LogLevel.WARN,
});

app.command('/peer', async ({ ack }) => ack());
// The two buttons bench/load.ts can click (LOAD_CLICK).
app.action(RequestIds.resourceLinks[0], async ({ ack }) => ack());
app.action(PreferenceIds.previews, async ({ ack }) => ack());
app.event('message', async () => {});

await app.start(Number(PORT));
console.log('listening');

process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
