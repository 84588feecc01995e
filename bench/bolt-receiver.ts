// A baseline of the promotion benchmark (bench/promotion.ts): Bolt's HTTPReceiver (signature, body, ack)
// handing every request to a stand-in for the App that only acknowledges it, so that what Bolt's App adds
// (its processEvent and middleware) is apart. Started like bench/bare-bolt.ts; prints `listening`.
import { HTTPReceiver, type ReceiverEvent } from '@slack/bolt';

const { SLACK_SIGNING_SECRET, PORT } = process.env;
if (!SLACK_SIGNING_SECRET || !PORT) {
  console.error('bolt-receiver: SLACK_SIGNING_SECRET and PORT are required');
  process.exit(2);
}

const receiver = new HTTPReceiver({ signingSecret: SLACK_SIGNING_SECRET });
// The receiver calls only the App's processEvent.
receiver.init({ processEvent: async (event: ReceiverEvent) => event.ack() } as unknown as Parameters<HTTPReceiver['init']>[0]);
await receiver.start(Number(PORT));
console.log('listening');
process.once('SIGTERM', () => {
  void receiver.stop().then(() => process.exit(0));
});
