import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { listenOnLoopback } from '../simulator/free-port.js';
import { blockAction, eventCallback, sendToApp, slashCommand, viewSubmission, type SlackRequestBody } from '../simulator/requests.js';
import { SIMULATOR_SIGNING_SECRET } from '../simulator/credentials.js';
import type { FakeSlack } from '../simulator/web-api.js';
import { WhatPeopleSee } from '../simulator/what-people-see.js';
import { renderPage, type DemoPerson } from './page.js';
import { stateValues, type PageField } from './state-values.js';

// The demo's own server (issue 18), on 127.0.0.1 only: GET / draws the page, POST /act does what a person
// did the way Slack would (a signed command, message event, block action or view submission to the
// app), waits until the app has stopped calling the simulator, and answers 204. `later` moves the app's
// clock a day on and waits for the scheduler.

const DAY = 24 * 60 * 60 * 1000;
/** The app is done with an action once the simulator has heard nothing from it for this long. */
const QUIET_MS = 250;
const QUIET_GIVE_UP_MS = 8_000;

export interface DemoServerOptions {
  appUrl: string;
  slack: FakeSlack;
  people: readonly DemoPerson[];
  clock: { now(): Date; advance(ms: number): void };
  /** How long the scheduler may take to notice the clock moved (its tick). */
  schedulerTickMs: number;
  port: number;
}

type Act =
  | { kind: 'command' | 'dm'; person: string; text: string }
  | { kind: 'action'; person: string; where: { surface?: string; ts?: string; viewId?: string }; blockId: string; actionId: string; value?: string; selected?: string; fields?: PageField[] }
  | { kind: 'submit'; person: string; fields: PageField[] }
  | { kind: 'close'; person: string }
  | { kind: 'home'; person: string }
  | { kind: 'later' };

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

export async function startDemoServer(options: DemoServerOptions): Promise<{ server: Server; url: string; seen: WhatPeopleSee; act(act: Act): Promise<void> }> {
  const { slack, people } = options;
  const seen = new WhatPeopleSee();
  let lastAnswer = Date.now();
  let version = 0;
  slack.onAnswered((call) => {
    lastAnswer = Date.now();
    version += 1;
    seen.applyAnswered(call);
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  // Uploaded files (the insights chart) are served from the simulator at /files/<id>.
  const ctx = {
    nameOf: (id: string) => names.get(id),
    fileUrl: (id: string) => (slack.file(id) ? `/files/${encodeURIComponent(id)}` : undefined),
    people: people.map((p) => [p.id, p.name] as const),
  };

  const quiet = async (): Promise<void> => {
    const started = Date.now();
    while (Date.now() - lastAnswer < QUIET_MS && Date.now() - started < QUIET_GIVE_UP_MS) await new Promise((r) => setTimeout(r, 50));
  };
  const send = async (body: SlackRequestBody) => sendToApp(options.appUrl, body, { secret: SIMULATOR_SIGNING_SECRET });
  /** A trigger id and a response_url for what this person is about to do, known to WhatPeopleSee. */
  const handles = (person: string, messageTs?: string) => {
    const triggerId = `${Date.now()}.${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    seen.issuedTrigger(triggerId, person);
    seen.issuedResponseUrl(key, person, messageTs);
    return { triggerId, responseUrl: slack.responseUrl(key), key };
  };
  const teamId = slack.teamId;

  const act = async (a: Act): Promise<void> => {
    lastAnswer = Date.now();
    switch (a.kind) {
      case 'command': {
        const h = handles(a.person);
        const answer = await send(slashCommand({ text: a.text, userId: a.person, teamId, triggerId: h.triggerId, responseUrl: h.responseUrl }));
        // The command's acknowledgement is an answer only its person sees.
        if (typeof answer.json === 'object' && answer.json !== null) seen.applyResponse(h.key, answer.json as Record<string, unknown>);
        break;
      }
      case 'dm': {
        const ts = `${Math.floor(Date.now() / 1000)}.${String(Date.now() % 1000).padStart(3, '0')}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
        // Slack escapes &, < and > in what a person types before anyone sees it.
        const text = a.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        seen.wrote(a.person, ts, text);
        await send(eventCallback({ type: 'message', channel_type: 'im', channel: `D${a.person}`, user: a.person, text, ts, event_ts: ts }, { teamId }));
        break;
      }
      case 'action': {
        const sees = seen.person(a.person);
        const h = handles(a.person, a.where.surface === 'message' ? a.where.ts : undefined);
        const selectedOption = a.selected !== undefined ? { value: a.selected } : undefined;
        const common = { actionId: a.actionId, blockId: a.blockId, userId: a.person, teamId, triggerId: h.triggerId, responseUrl: h.responseUrl, ...(a.value !== undefined ? { value: a.value } : {}), ...(selectedOption ? { selectedOption } : {}) };
        const view = a.where.surface === 'home' ? sees.home : a.where.surface === 'modal' ? sees.modals.find((m) => m.id === a.where.viewId) : undefined;
        if (view) {
          // An action inside a modal carries what the person has typed so far, as Slack's view.state.
          if (a.where.surface === 'modal' && a.fields) seen.typed(a.person, view.id, stateValues(view.view, a.fields));
          await send(blockAction({ ...common, view: { ...view.view, id: view.id, type: a.where.surface === 'home' ? 'home' : 'modal', state: { values: view.state } } }));
        } else {
          const message = sees.messages.find((m) => m.ts === a.where.ts);
          await send(blockAction({ ...common, channelId: `D${a.person}`, messageTs: a.where.ts ?? '', message: { text: message?.text ?? '', blocks: message?.blocks ?? [] } }));
        }
        break;
      }
      case 'submit': {
        const top = seen.person(a.person).modals.at(-1);
        if (!top) return;
        const h = handles(a.person);
        const values = stateValues(top.view, a.fields);
        // Slack keeps what was typed: after `errors` the form shows it again, with the errors under it.
        seen.typed(a.person, top.id, values);
        const answer = await send(
          viewSubmission({
            callbackId: String(top.view.callback_id ?? ''),
            userId: a.person,
            teamId,
            values,
            privateMetadata: String(top.view.private_metadata ?? ''),
            viewId: top.id,
            triggerId: h.triggerId,
            blocks: Array.isArray(top.view.blocks) ? top.view.blocks : [],
          }),
        );
        seen.applySubmissionAnswer(a.person, answer.json);
        break;
      }
      case 'close':
        seen.closeModal(a.person);
        return;
      case 'home':
        await send(eventCallback({ type: 'app_home_opened', user: a.person, channel: `D${a.person}`, tab: 'home', event_ts: `${Date.now() / 1000}` }, { teamId }));
        break;
      case 'later':
        options.clock.advance(DAY);
        // The scheduler looks at the clock on its ticks: wait until a whole tick has run after this one
        // (a job that was mid-run saw the old time), then for the app to be done.
        await new Promise((r) => setTimeout(r, 2 * options.schedulerTickMs + 300));
        break;
    }
    // The app has answered; what it does next (effects, the outbox) follows within moments.
    lastAnswer = Date.now();
    await quiet();
  };

  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method === 'GET' && (req.url === '/' || req.url === '')) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:" });
          res.end(renderPage(people, seen, ctx, options.clock.now(), version));
          return;
        }
        if (req.method === 'GET' && req.url === '/version') {
          res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
          res.end(String(version));
          return;
        }
        const file = req.method === 'GET' ? /^\/files\/([^/]+)$/.exec(req.url ?? '') : null;
        if (file?.[1] !== undefined) {
          const found = slack.file(decodeURIComponent(file[1]));
          if (!found) {
            res.writeHead(404, { 'content-type': 'text/plain' });
            res.end('no such file');
            return;
          }
          const png = found.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
          res.writeHead(200, { 'content-type': png ? 'image/png' : 'application/octet-stream', 'x-content-type-options': 'nosniff' });
          res.end(found.bytes);
          return;
        }
        if (req.method === 'POST' && req.url === '/act') {
          await act((await readJson(req)) as Act);
          res.writeHead(204);
          res.end();
          return;
        }
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`The demo could not do that: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });
  const port = await listenOnLoopback(server, options.port);
  return { server, url: `http://127.0.0.1:${port}`, seen, act };
}
