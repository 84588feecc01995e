import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { translatorFor } from '../../../src/i18n/translate.js';
import { openTestDatabase } from '../../support/databases.js';
import { commandBody, createInProcessApp, SLACK_API, slackApi, type InProcessApp } from '../../support/in-process-app.js';
import { english } from '../../../src/i18n/translate.js';

// Every handler answers (STYLE.md): whatever kind of payload a failing handler was given, the person
// hears within seconds that it did not work, in plain words, and never the error's own message.

const SECRET_DETAIL = 'connection to 10.0.0.7 refused for user peer';
const USER = 'U0FAILING1';

describe('answer-failures: a failing handler always answers the person', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let peer: InProcessApp;

  beforeAll(async () => {
    nock.disableNetConnect();
    database = await openTestDatabase('sqlite', inject('templates'));
    peer = createInProcessApp(database);
    const fail = () => {
      throw Object.assign(new Error(SECRET_DETAIL), { code: 'P1001' });
    };
    peer.app.command('/fail', async () => fail());
    peer.app.action('test.fail_after_ack', async ({ ack }) => {
      await ack();
      fail();
    });
    peer.app.view('test.form', async () => fail());
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await database.drop();
  });

  const action = (extra: Record<string, unknown>) => ({
    type: 'block_actions',
    user: { id: USER, team_id: 'T0FAKE0001' },
    team: { id: 'T0FAKE0001' },
    trigger_id: '1.2.3',
    actions: [{ action_id: 'test.fail_after_ack', type: 'button', value: 'x' }],
    ...extra,
  });

  it('a command that fails before it acknowledged is acknowledged with a plain apology', async () => {
    slackApi();
    const { acked, response } = await peer.deliver({ ...commandBody('x'), command: '/fail' });
    expect(acked).toBe(true);
    expect(response).toEqual({ response_type: 'ephemeral', text: english('common.somethingWentWrong') });
    expect(peer.logs()).toContain('P1001');
    expect(peer.logs()).not.toContain('10.0.0.7');
  });

  it("answers in the person's language when Slack says it at once (issue 19), and in English when it does not", async () => {
    slackApi();
    nock(SLACK_API).post('/api/users.info').reply(200, { ok: true, user: { id: 'U0DEUTSCH1', tz: 'Europe/Berlin', locale: 'de-DE' } });
    const german = await peer.deliver({ ...commandBody('x', 'U0DEUTSCH1'), command: '/fail' });
    expect(german.response).toEqual({ response_type: 'ephemeral', text: translatorFor('de')('common.somethingWentWrong') });
    // Slack cannot be asked: English, without waiting long.
    nock(SLACK_API).post('/api/users.info').reply(500, 'down');
    const unknown = await peer.deliver({ ...commandBody('x', 'U0NOBODY01'), command: '/fail' });
    expect(unknown.response).toEqual({ response_type: 'ephemeral', text: english('common.somethingWentWrong') });
  });

  it('a button in a message answers through its response_url, without replacing the message', async () => {
    slackApi();
    let said: unknown;
    nock(SLACK_API).post('/response/fail', (body) => ((said = body), true)).reply(200, { ok: true });
    await peer.deliver(action({ response_url: `${SLACK_API}/response/fail`, container: { type: 'message', channel_id: 'D1', message_ts: '1.1' }, channel: { id: 'D1' }, message: { ts: '1.1' } }));
    expect(said).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: english('common.somethingWentWrong') });
  });

  it('a button on the Home tab answers with a direct message', async () => {
    const api = slackApi();
    let posted: Record<string, unknown> | undefined;
    api.post('/api/chat.postMessage', (body) => ((posted = body), true)).reply(200, { ok: true, channel: 'D1', ts: '2.2' });
    await peer.deliver(action({ view: { id: 'VHOME1', type: 'home', blocks: [] }, container: { type: 'view', view_id: 'VHOME1' } }));
    expect(posted).toMatchObject({ channel: USER, text: english('common.somethingWentWrong') });
  });

  it('a button in a modal replaces the modal with the failure and the resources it showed', async () => {
    const api = slackApi();
    let updated: Record<string, unknown> | undefined;
    api.post('/api/views.update', (body) => ((updated = body), true)).reply(200, { ok: true, view: { id: 'VMODAL1' } });
    const resources = { type: 'section', block_id: 'resources', text: { type: 'mrkdwn', text: 'Call Samaritans on 116 123' } };
    await peer.deliver(action({ view: { id: 'VMODAL1', type: 'modal', blocks: [resources] }, container: { type: 'view', view_id: 'VMODAL1' } }));
    expect(updated?.view_id).toBe('VMODAL1');
    expect(String(updated?.view)).toContain('Call Samaritans on 116 123');
    expect(String(updated?.view)).toContain('common.failed');
  });

  it('a form that fails before it closed stays open and says nothing was saved, with the resources it showed', async () => {
    slackApi();
    const resources = { type: 'section', block_id: 'resources', text: { type: 'mrkdwn', text: 'Your EAP: 0800 000 000' } };
    const { response } = await peer.deliver({
      type: 'view_submission',
      user: { id: USER, team_id: 'T0FAKE0001' },
      team: { id: 'T0FAKE0001' },
      view: { id: 'VFORM1', type: 'modal', callback_id: 'test.form', blocks: [resources], state: { values: {} }, private_metadata: '' },
    });
    expect(response).toMatchObject({ response_action: 'update', view: { callback_id: 'common.failed' } });
    const shown = JSON.stringify(response);
    expect(shown).toContain('not saved');
    expect(shown).toContain('Your EAP: 0800 000 000');
    expect(shown).not.toContain('10.0.0.7');
  });
});
