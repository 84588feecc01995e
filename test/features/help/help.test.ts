import { english, translate } from '../../../src/i18n/translate.js';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderHelp } from '../../../src/features/help/views.js';
import { openTestDatabase } from '../../support/databases.js';
import { commandBody, createInProcessApp, SLACK_API, slackApi, type InProcessApp } from '../../support/in-process-app.js';

describe('renderHelp', () => {
  it('lists every subcommand of the public contract', () => {
    const { text } = renderHelp(english);
    for (const sub of ['help', 'setup', 'listen', 'request', 'pause', 'resume', 'stop', 'my-data', 'delete-my-data', 'insights']) {
      expect(text).toContain(`/peer ${sub}`);
    }
  });

  it('says it did not understand, without echoing markup, for an unknown subcommand', () => {
    const { blocks } = renderHelp(english, '<!channel>*bold*');
    const lead = JSON.stringify(blocks.find((b) => JSON.stringify(b).includes("didn't recognise")));
    expect(lead).toContain("didn't recognise");
    expect(lead).not.toContain('<!channel>');
  });

  it('shows the initiatives\' resources before anything else (DESIGN.md invariant 6), escaped', () => {
    const { blocks } = renderHelp(english, undefined, [{ id: 'i1', name: 'Lighthouse', resources: 'EAP <0800 555 0142> & Samaritans 116 123' }]);
    const shown = blocks.map((b) => JSON.stringify(b));
    const resources = shown.findIndex((b) => b.includes('Samaritans 116 123'));
    expect(resources).toBeGreaterThanOrEqual(0);
    expect(resources).toBeLessThan(shown.findIndex((b) => b.includes('/peer request')));
    expect(shown[resources]).toContain('EAP &lt;0800 555 0142&gt; &amp; Samaritans');
  });

  it('shows the generic crisis line first when no resources could be found', () => {
    expect(JSON.stringify(renderHelp(english).blocks[0])).toContain(JSON.stringify(english('common.crisisLineFallback')).slice(1, -1));
  });

  it('keeps Block Kit limits: section text under 3000 characters', () => {
    for (const block of renderHelp(english, 'x'.repeat(30)).blocks) {
      if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
  });
});

describe('/peer help in process', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let peer: InProcessApp;

  beforeAll(async () => {
    nock.disableNetConnect();
    database = await openTestDatabase('sqlite', inject('templates'));
    peer = createInProcessApp(database);
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await database.drop();
  });

  it('acknowledges with the ephemeral command list in the person\'s language, asking Slack only for their locale', async () => {
    const api = slackApi();
    // users.info once (then kept in memory), with include_locale; any other Web API call would find no mock.
    const info = nock(SLACK_API)
      .post('/api/users.info', (body: Record<string, string>) => body.user === 'U0PERSON01' && body.include_locale === 'true')
      .once()
      .reply(200, { ok: true, user: { id: 'U0PERSON01', locale: 'es-ES' } });
    const { acked, response } = await peer.deliver(commandBody('help'));
    expect(acked).toBe(true);
    expect(response).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(response)).toContain('/peer request');
    expect(JSON.stringify(response)).toContain(JSON.stringify(translate('es', 'help.intro')).slice(1, -1));
    // Help needs not even the bot's ids (src/slack/token-authorize.ts): auth.test is never asked.
    expect(api.isDone()).toBe(false);
    expect(info.isDone()).toBe(true);
  });

  it('puts the workspace\'s resources first, read from the database before acknowledging, at most 5 s old', async () => {
    // Written straight to the database, as another replica would: this process read the workspace's
    // initiatives (none) in the test above, and keeps that answer for 5 seconds (issue 17).
    await database.db.workspace.upsert({ where: { id: 'T0FAKE0001' }, create: { id: 'T0FAKE0001' }, update: {} });
    await database.db.initiative.create({
      data: { workspaceId: 'T0FAKE0001', name: 'Lighthouse', description: 'Listening.', resources: 'Call the EAP on 0800 555 0142.', guidelines: 'Be kind.' },
    });
    slackApi();
    peer.clock.advance(4_000);
    const early = await peer.deliver(commandBody('help'));
    expect(JSON.stringify(early.response)).not.toContain('0800 555 0142');
    peer.clock.advance(1_000);
    const { response } = await peer.deliver(commandBody('help'));
    const blocks = JSON.stringify((response as { blocks: unknown[] }).blocks);
    expect(blocks).toContain('Call the EAP on 0800 555 0142.');
    expect(blocks.indexOf('0800 555 0142')).toBeLessThan(blocks.indexOf('/peer request'));
  });
});
