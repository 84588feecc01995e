import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderHelp } from '../../../src/features/help/views.js';
import { openTestDatabase } from '../../support/databases.js';
import { commandBody, createInProcessApp, slackApi, type InProcessApp } from '../../support/in-process-app.js';

describe('renderHelp', () => {
  it('lists every subcommand of the public contract', () => {
    const { text } = renderHelp();
    for (const sub of ['help', 'setup', 'listen', 'request', 'pause', 'resume', 'stop', 'my-data', 'delete-my-data', 'insights']) {
      expect(text).toContain(`/peer ${sub}`);
    }
  });

  it('says it did not understand, without echoing markup, for an unknown subcommand', () => {
    const { blocks } = renderHelp('<!channel>*bold*');
    const first = JSON.stringify(blocks[0]);
    expect(first).toContain("didn't recognise");
    expect(first).not.toContain('<!channel>');
  });

  it('keeps Block Kit limits: section text under 3000 characters', () => {
    for (const block of renderHelp('x'.repeat(30)).blocks) {
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

  it('acknowledges with the ephemeral command list and calls no other Web API method', async () => {
    const api = slackApi();
    const { acked, response } = await peer.deliver(commandBody('help'));
    expect(acked).toBe(true);
    expect(response).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(response)).toContain('/peer request');
    expect(api.pendingMocks()).toEqual([]);
  });
});
