import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_BOT_TOKEN } from '../../src/simulator/credentials.js';
import { demoMorning, startDemo } from '../../src/demo/main.js';
import type { PageField } from '../../src/demo/state-values.js';

// `npm run demo` without a browser (issue 18): the real app in-process against the simulator, driven
// through the page's own POST /act the way its script does, and the page drawn from what people see.

type Demo = Awaited<ReturnType<typeof startDemo>>;

/** Every input block of the modal on top, filled the way a person would: `choose` decides, else initial values or a few words. */
function fill(demo: Demo, person: string, choose: Record<string, string[]>): PageField[] {
  const top = demo.seen.person(person).modals.at(-1)!;
  const blocks = (top.view.blocks as Record<string, unknown>[]).filter((b) => b.type === 'input');
  return blocks.map((b) => {
    const element = b.element as Record<string, unknown>;
    const blockId = String(b.block_id);
    const initial = typeof element.initial_value === 'string' ? [element.initial_value] : [];
    // A required text left empty is typed into; an optional one (a text in another language) stays empty.
    const typed = element.type === 'plain_text_input' && b.optional !== true && initial.length === 0 ? [`Demo ${blockId}`] : initial;
    const values = choose[blockId] ?? typed;
    return { blockId, actionId: String(element.action_id), type: String(element.type), values };
  });
}

describe('the demo', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo(0);
  }, 30_000);
  afterAll(async () => {
    await demo?.stop();
  });

  const page = async () => (await fetch(demo.url)).text();
  const act = async (body: unknown) => {
    const res = await fetch(`${demo.url}/act`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, await res.text()).toBe(204);
  };

  it('serves the page on 127.0.0.1 with five people and nothing yet', async () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const html = await page();
    for (const name of ['Sam', 'Alex', 'Jo', 'Dana', 'Kim']) expect(html).toContain(`>${name} <span class="role">`);
    expect(html).toContain('One day later');
  });

  it('answers /peer help and a DM outside a conversation, each only to its person', async () => {
    await act({ person: 'U0DEMOSEEK', kind: 'command', text: 'help' });
    await act({ person: 'U0DEMOSEEK', kind: 'dm', text: 'hello, is anyone there? <b>bold</b>' });
    const sam = demo.seen.person('U0DEMOSEEK');
    expect(sam.messages.map((m) => [m.from, m.ephemeral])).toEqual([
      ['app', true],
      ['person', false],
      ['app', false],
    ]);
    const html = await page();
    expect(html).toContain('/peer request');
    // What a person wrote is shown as text, never as markup.
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(demo.seen.person('U0DEMOLIS1').messages).toEqual([]);
  });

  it('lets the coordinator set up an initiative through the modal, and closes it', async () => {
    await act({ person: 'U0DEMOCOOR', kind: 'command', text: 'setup' });
    expect(await page()).toContain('data-surface="modal"');
    const fields = fill(demo, 'U0DEMOCOOR', {
      name: ['Demo peer support'],
      topics: ['Stress\nBereavement'],
      consent: ['consent_given'],
      hr_viewers: ['U0DEMOHRVW'],
      coordinators: [],
      resource_lines: ['emergency'],
      approval: [],
    });
    // The form's example resources are refused inline, as Slack shows `response_action: errors`.
    await act({ person: 'U0DEMOCOOR', kind: 'submit', fields });
    expect(demo.seen.person('U0DEMOCOOR').modals.at(-1)?.errors).toHaveProperty('resources');
    expect(await page()).toMatch(/<div class="bk-error" role="alert" id="[^"]+" data-error-for="resources">Please replace/);
    const fixed = fields.map((f) => (f.blockId === 'resources' ? { ...f, values: ['Call the EAP line on 0800 000 000.'] } : f));
    await act({ person: 'U0DEMOCOOR', kind: 'submit', fields: fixed });
    expect(demo.seen.person('U0DEMOCOOR').modals).toEqual([]);
  });

  it("opens the request form from the safety net's button, and moves the app's clock a day on", async () => {
    const net = demo.seen.person('U0DEMOSEEK').messages.at(-1)!;
    const actions = net.blocks.find((b) => (b as { type?: string }).type === 'actions') as { block_id?: string; elements: { action_id: string; value?: string }[] };
    const button = actions.elements[0]!;
    await act({ person: 'U0DEMOSEEK', kind: 'action', where: { surface: 'message', ts: net.ts }, blockId: actions.block_id ?? 'b3', actionId: button.action_id, value: button.value });
    expect(demo.seen.person('U0DEMOSEEK').modals.map((m) => (m.view.title as { text: string }).text)).toEqual(['Ask for a listener']);

    const shownTime = (html: string) => new Date(/<time datetime="([^"]+)"/.exec(html)![1]!).getTime();
    const before = shownTime(await page());
    await act({ kind: 'later' });
    expect(shownTime(await page()) - before).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
  });

  it('serves a file the app uploaded (the insights chart) as the image it is, and nothing else', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a picture')]);
    const client = new WebClient(SIMULATOR_BOT_TOKEN, { slackApiUrl: demo.slack.url, retryConfig: { retries: 0 } });
    const uploaded = (await client.files.uploadV2({ file: png, filename: 'chart.png' })) as unknown as { files: { files?: { id: string }[] }[] };
    const id = uploaded.files[0]!.files![0]!.id;
    const res = await fetch(`${demo.url}/files/${id}`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${demo.url}/files/F0NOSUCH`)).status).toBe(404);
  });
});

describe("the demo's clock", () => {
  it('starts the story at 09:30 UTC on the next Tuesday, whatever day it is run', () => {
    expect(demoMorning(new Date('2026-12-04T21:20:00Z')).toISOString()).toBe('2026-12-08T09:30:00.000Z'); // a Friday night
    expect(demoMorning(new Date('2026-12-08T08:00:00Z')).toISOString()).toBe('2026-12-15T09:30:00.000Z'); // a Tuesday
    expect(demoMorning(new Date('2026-12-31T12:00:00Z')).toISOString()).toBe('2027-01-05T09:30:00.000Z'); // over a year's end
  });
});
