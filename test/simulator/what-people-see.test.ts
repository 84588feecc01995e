import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { SIMULATOR_BOT_TOKEN } from '../../src/simulator/credentials.js';
import { startFakeSlack } from '../../src/simulator/web-api.js';
import { WhatPeopleSee } from '../../src/simulator/what-people-see.js';

const section = (text: string) => [{ type: 'section', text: { type: 'mrkdwn', text } }];
const view = (title: string) => ({ type: 'modal', title: { type: 'plain_text', text: title }, blocks: [] });

describe('what each person sees in the simulator', () => {
  it('keeps each DM apart: messages, thread replies, broadcasts, edits and deletions', () => {
    const seen = new WhatPeopleSee();
    seen.applyCall('chat.postMessage', { channel: 'U0SEEKER1', text: 'Hello', blocks: section('Hello') }, { ok: true, channel: 'DU0SEEKER1', ts: '1.000001' });
    seen.applyCall('chat.postMessage', { channel: 'DU0LISTEN1', text: 'Offer' }, { ok: true, channel: 'DU0LISTEN1', ts: '1.000002' });
    seen.applyCall('chat.postMessage', { channel: 'DU0SEEKER1', thread_ts: '1.000001', text: 'In the thread' }, { ok: true, channel: 'DU0SEEKER1', ts: '1.000003' });
    seen.applyCall('chat.postMessage', { channel: 'DU0SEEKER1', thread_ts: '1.000001', reply_broadcast: true, text: 'Also in the DM' }, { ok: true, channel: 'DU0SEEKER1', ts: '1.000004' });

    const seeker = seen.person('U0SEEKER1');
    expect(seeker.messages.map((m) => m.text)).toEqual(['Hello', 'Also in the DM']);
    expect(seeker.messages[0]!.blocks).toEqual(section('Hello'));
    expect(seeker.messages[0]!.replies.map((m) => m.text)).toEqual(['In the thread', 'Also in the DM']);
    expect(seen.person('U0LISTEN1').messages.map((m) => m.text)).toEqual(['Offer']);

    seen.applyCall('chat.update', { channel: 'DU0SEEKER1', ts: '1.000004', text: 'Edited' }, { ok: true });
    expect(seeker.messages[1]).toMatchObject({ text: 'Edited', edited: true });
    expect(seeker.messages[0]!.replies[1]).toMatchObject({ text: 'Edited', edited: true });
    seen.applyCall('chat.delete', { channel: 'DU0SEEKER1', ts: '1.000003' }, { ok: true });
    expect(seeker.messages[0]!.replies.map((m) => m.text)).toEqual(['Edited']);
    // A call Slack refused reached nobody.
    seen.applyCall('chat.postMessage', { channel: 'DU0SEEKER1', text: 'Refused' }, { ok: false, error: 'invalid_blocks' });
    expect(seeker.messages).toHaveLength(2);
  });

  it('shows ephemeral notes only to their person, and response_url answers where the action was', () => {
    const seen = new WhatPeopleSee();
    seen.applyCall('chat.postEphemeral', { channel: 'DU0SEEKER1', user: 'U0SEEKER1', text: 'Only you' }, { ok: true, message_ts: '2.000001' });
    expect(seen.person('U0SEEKER1').messages[0]).toMatchObject({ text: 'Only you', ephemeral: true });

    seen.applyCall('chat.postMessage', { channel: 'DU0LISTEN1', text: 'Offer' }, { ok: true, channel: 'DU0LISTEN1', ts: '2.000002' });
    seen.issuedResponseUrl('click-1', 'U0LISTEN1', '2.000002');
    seen.applyResponse('click-1', { replace_original: true, text: 'You said yes' });
    expect(seen.person('U0LISTEN1').messages).toEqual([expect.objectContaining({ text: 'You said yes', edited: true, ephemeral: false })]);
    seen.issuedResponseUrl('command-1', 'U0LISTEN1');
    seen.applyResponse('command-1', { text: 'Help' });
    expect(seen.person('U0LISTEN1').messages[1]).toMatchObject({ text: 'Help', ephemeral: true });
    seen.applyResponse('click-1', { delete_original: true });
    expect(seen.person('U0LISTEN1').messages.map((m) => m.text)).toEqual(['Help']);
    seen.applyResponse('unknown-key', { text: 'Nobody' });
    expect(seen.person('U0SEEKER1').messages).toHaveLength(1);
  });

  it('keeps a Home tab per person and a stack of modals: open, push, update, submission answers and closing', () => {
    const seen = new WhatPeopleSee();
    seen.applyCall('views.publish', { user_id: 'U0HRVIEW1', view: { type: 'home', blocks: section('Insights') } }, { ok: true, view: { id: 'VHOME1' } });
    expect(seen.person('U0HRVIEW1').home).toMatchObject({ id: 'VHOME1', view: { type: 'home' } });

    seen.issuedTrigger('trigger-1', 'U0SEEKER1');
    seen.applyCall('views.open', { trigger_id: 'trigger-1', view: view('Ask') }, { ok: true, view: { id: 'V1' } });
    seen.issuedTrigger('trigger-2', 'U0SEEKER1');
    seen.applyCall('views.push', { trigger_id: 'trigger-2', view: view('More') }, { ok: true, view: { id: 'V2' } });
    seen.applyCall('views.open', { trigger_id: 'trigger-unknown', view: view('Lost') }, { ok: true, view: { id: 'V9' } });
    const seeker = seen.person('U0SEEKER1');
    expect(seeker.modals.map((m) => m.id)).toEqual(['V1', 'V2']);

    // What the person typed stays through the app's update of the view, as in Slack.
    const typed = { note: { value: { type: 'plain_text_input', value: 'Hard week' } } };
    seen.typed('U0SEEKER1', 'V1', typed);
    seen.typed('U0SEEKER1', 'V-not-theirs', { other: {} });
    seen.applyCall('views.update', { view_id: 'V1', view: view('Ask again') }, { ok: true, view: { id: 'V1' } });
    expect(seeker.modals[0]).toMatchObject({ view: view('Ask again'), state: typed });
    expect(seeker.modals[1]!.state).toEqual({});

    seen.applySubmissionAnswer('U0SEEKER1', { response_action: 'errors', errors: { note: 'Too long' } });
    expect(seeker.modals[1]!.errors).toEqual({ note: 'Too long' });
    seen.applySubmissionAnswer('U0SEEKER1', { response_action: 'update', view: view('Fixed') });
    expect(seeker.modals[1]).toMatchObject({ view: view('Fixed'), errors: {} });
    seen.applySubmissionAnswer('U0SEEKER1', { response_action: 'push', view: view('Third') });
    expect(seeker.modals).toHaveLength(3);
    seen.applySubmissionAnswer('U0SEEKER1', undefined);
    expect(seeker.modals).toHaveLength(2);
    seen.closeModal('U0SEEKER1');
    expect(seeker.modals.map((m) => m.id)).toEqual(['V1']);
    seen.applySubmissionAnswer('U0SEEKER1', { response_action: 'clear' });
    expect(seeker.modals).toEqual([]);
  });
});

describe('what people see, fed live by the simulator', () => {
  it('follows the Web API calls and response_url posts the simulator answers, and skips what it refuses', async () => {
    const slack = await startFakeSlack();
    const seen = new WhatPeopleSee();
    const stop = slack.onAnswered((call) => seen.applyAnswered(call));
    try {
      const client = new WebClient(SIMULATOR_BOT_TOKEN, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
      const posted = await client.chat.postMessage({ channel: 'U0SEEKER1', text: 'Welcome', blocks: section('Welcome') });
      await client.views.publish({ user_id: 'U0HRVIEW1', view: { type: 'home', blocks: section('Insights') } });
      // Slack refuses a section without text or fields: nobody sees it.
      await expect(client.chat.postMessage({ channel: 'U0SEEKER1', text: 'Broken', blocks: [{ type: 'section' }] })).rejects.toThrow();
      seen.issuedResponseUrl('k1', 'U0SEEKER1', posted.ts);
      await fetch(slack.responseUrl('k1'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ replace_original: true, text: 'Thanks' }) });

      expect(seen.person('U0SEEKER1').messages).toEqual([expect.objectContaining({ ts: posted.ts, text: 'Thanks', edited: true })]);
      expect(seen.person('U0HRVIEW1').home?.view).toMatchObject({ type: 'home' });
    } finally {
      stop();
      await slack.close();
    }
  });
});
