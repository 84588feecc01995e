/**
 * End-to-end flows shared by test/e2e: one real app process against a fake Slack and a fresh database,
 * plus the steps a person takes (run a command, fill in the modal the app opened, click a button), so each
 * test reads as the flow it checks.
 *
 * Modals are filled from the view the app actually sent (its input blocks, initial values and
 * private_metadata), the way Slack submits an untouched field with its initial value.
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseProvider } from '../../src/config.js';
import { openDatabase, type Db } from '../../src/db/client.js';
import { CONSENT_GIVEN as COORDINATOR_CONSENT, InitiativeIds, NEW_INITIATIVE } from '../../src/features/initiatives/ids.js';
import { CONSENT_GIVEN as LISTENER_CONSENT, ListenerIds } from '../../src/features/listeners/ids.js';
import { E2E_SIGNING_SECRET, startAppProcess, type AppProcess } from './app-process.js';
import { createTestDatabase, type Templates, type TestDatabase } from './databases.js';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions, type FakeUser, type RecordedCall } from '../../src/simulator/web-api.js';
import {
  blockAction,
  sendToApp,
  slashCommand,
  stateValue,
  viewSubmission,
  type AppResponse,
  type BlockActionInput,
  type SlackRequestBody,
  type ViewStateValues,
} from '../../src/simulator/requests.js';

export const TEAM = 'T0FAKE0001';

export interface E2E {
  readonly provider: DatabaseProvider;
  /**
   * The workspace this run's commands, clicks, submissions and events come from: TEAM unless set (a
   * run with several workspaces makes one view per workspace, see test/e2e/two-workspaces.test.ts).
   */
  readonly teamId?: string;
  readonly slack: FakeSlack;
  readonly bot: AppProcess;
  /** A client of our own on the app's database, for assertions. */
  readonly db: Db;
  readonly databaseUrl: string;
  /** Sends a signed request to the app's single endpoint. */
  send(body: SlackRequestBody): Promise<AppResponse>;
  /** A position in the fake's call log: `next` only looks at calls recorded after it. */
  mark(): number;
  /** The first call to `method` recorded after `since` that matches `predicate` (past or future). */
  next(method: string, since: number, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** The `n`th such call. */
  nth(n: number, method: string, since: number, predicate?: (call: RecordedCall) => boolean): Promise<RecordedCall>;
  close(): Promise<void>;
}

export async function startE2E(
  provider: DatabaseProvider,
  templates: Templates,
  options: {
    users?: FakeUser[];
    env?: Record<string, string>;
    metrics?: boolean;
    /** More for the fake Slack (its workspaces, the app's OAuth credentials); one workspace, TEAM, by default. */
    slack?: Omit<FakeSlackOptions, 'users'>;
  } = {},
): Promise<E2E> {
  const slack = await startFakeSlack({ teamId: TEAM, ...options.slack, ...(options.users ? { users: options.users } : {}) });
  let database: TestDatabase | undefined;
  let bot: AppProcess | undefined;
  try {
    database = await createTestDatabase(provider, templates);
    bot = await startAppProcess({
      databaseUrl: database.url,
      slackApiUrl: slack.url,
      ...(options.env ? { env: options.env } : {}),
      ...(options.metrics ? { metrics: true } : {}),
    });
    const opened = await openDatabase(database.url);
    const started = { database, bot };
    return {
      provider,
      slack,
      bot,
      db: opened.db,
      databaseUrl: database.url,
      send: (body) => sendToApp(started.bot.baseUrl, body, { secret: E2E_SIGNING_SECRET }),
      mark: () => slack.calls.length,
      next: (method, since, predicate = () => true, timeoutMs = 8000) =>
        slack.waitFor(method, (call) => slack.calls.indexOf(call) >= since && predicate(call), timeoutMs),
      nth: (n, method, since, predicate = () => true) => {
        const matches = (call: RecordedCall) => call.method === method && predicate(call);
        return slack.waitFor(
          method,
          (call) => {
            const at = slack.calls.indexOf(call);
            return at >= since && matches(call) && slack.calls.slice(since, at + 1).filter(matches).length === n;
          },
          8000,
        );
      },
      async close() {
        await started.bot.stop();
        await opened.close();
        await slack.close();
        await started.database.drop();
      },
    };
  } catch (error) {
    await bot?.stop();
    await slack.close();
    await database?.drop();
    throw error;
  }
}

/** A trigger id as Slack makes them: single-use, so each step gets a new one. */
export function newTriggerId(): string {
  return `${Date.now()}.${Math.floor(Date.now() / 1000)}.${randomBytes(16).toString('hex')}`;
}

// ---- Views as the app sent them --------------------------------------------------------------------

export interface Option {
  text: { text: string };
  value: string;
}

export interface Element {
  type: string;
  action_id: string;
  initial_value?: string;
  initial_time?: string;
  initial_date?: string;
  initial_users?: string[];
  initial_user?: string;
  initial_option?: Option;
  initial_options?: Option[];
  options?: Option[];
}

export interface Block {
  type: string;
  block_id?: string;
  element?: Element;
  elements?: (Element & { value?: string; text?: { text: string } })[];
  text?: { text: string };
}

export interface ModalView {
  type: string;
  callback_id: string;
  private_metadata?: string;
  title: { text: string };
  submit?: { text: string };
  blocks: Block[];
}

/** A modal the app opened: the id Slack gave it and the view the app filled it with. */
export interface OpenedModal {
  viewId: string;
  view: ModalView;
}

export function asView(value: unknown): ModalView {
  if (typeof value !== 'object' || value === null || !('blocks' in value)) throw new Error('not a view');
  return value as ModalView;
}

/** Every text a view or message shows (each `text` string, at any depth), one per line. */
export function textOf(blocks: unknown): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'text' && typeof v === 'string') texts.push(v);
        else walk(v);
      }
    }
  };
  walk(blocks);
  return texts.join('\n');
}

/** Blocks as JSON, to look for ids (action ids, button values) anywhere in them. */
export function jsonOf(blocks: unknown): string {
  return JSON.stringify(blocks ?? null);
}

export function inputBlock(view: ModalView, blockId: string): Block & { element: Element } {
  const block = view.blocks.find((b) => b.type === 'input' && b.block_id === blockId);
  if (!block?.element) throw new Error(`the view has no input block ${blockId}`);
  return block as Block & { element: Element };
}

/** The option values of a select or checkbox field whose labels are `labels`. */
export function optionValues(view: ModalView, blockId: string, labels: string[]): string[] {
  const options = inputBlock(view, blockId).element.options ?? [];
  return labels.map((label) => {
    const found = options.find((o) => o.text.text === label);
    if (!found) throw new Error(`no option "${label}" in ${blockId}`);
    return found.value;
  });
}

export type FieldValue = string | string[] | null;

function initialOf(element: Element): FieldValue {
  switch (element.type) {
    case 'plain_text_input':
    case 'number_input':
      return element.initial_value ?? null;
    case 'timepicker':
      return element.initial_time ?? null;
    case 'datepicker':
      return element.initial_date ?? null;
    case 'multi_users_select':
      return element.initial_users ?? [];
    case 'users_select':
      return element.initial_user ?? null;
    case 'checkboxes':
    case 'multi_static_select':
      return (element.initial_options ?? []).map((o) => o.value);
    case 'static_select':
    case 'radio_buttons':
      return element.initial_option?.value ?? null;
    default:
      throw new Error(`no state for element type ${element.type}`);
  }
}

function list(value: FieldValue): string[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function single(value: FieldValue): string | null {
  if (Array.isArray(value)) throw new Error('a single-value field was given a list');
  return value;
}

function elementState(element: Element, value: FieldValue): Record<string, unknown> {
  const label = (v: string) => element.options?.find((o) => o.value === v)?.text.text ?? v;
  switch (element.type) {
    case 'plain_text_input':
      return stateValue.plainText(single(value));
    case 'number_input':
      return { type: 'number_input', value: single(value) };
    case 'timepicker':
      return { type: 'timepicker', selected_time: single(value) };
    case 'datepicker':
      return { type: 'datepicker', selected_date: single(value) };
    case 'multi_users_select':
      return { type: 'multi_users_select', selected_users: list(value) };
    case 'users_select':
      return { type: 'users_select', selected_user: single(value) };
    case 'checkboxes':
      return { ...stateValue.checkboxes([]), selected_options: list(value).map((v) => ({ text: { type: 'plain_text', text: label(v) }, value: v })) };
    case 'multi_static_select':
      return {
        ...stateValue.multiStaticSelect([]),
        selected_options: list(value).map((v) => ({ text: { type: 'plain_text', text: label(v) }, value: v })),
      };
    case 'static_select': {
      const v = single(value);
      return stateValue.staticSelect(v, v === null ? '' : label(v));
    }
    case 'radio_buttons': {
      const v = single(value);
      return stateValue.radioButtons(v, v === null ? '' : label(v));
    }
    default:
      throw new Error(`no state for element type ${element.type}`);
  }
}

/** The state Slack would submit: each input's initial value, or what `fields` (keyed by block id) says. */
export function stateFor(view: ModalView, fields: Record<string, FieldValue> = {}): ViewStateValues {
  const inputs = view.blocks.filter((b): b is Block & { block_id: string; element: Element } => b.type === 'input' && !!b.block_id && !!b.element);
  const unknown = Object.keys(fields).filter((id) => !inputs.some((b) => b.block_id === id));
  if (unknown.length > 0) throw new Error(`the view ${view.callback_id} has no field ${unknown.join(', ')}`);
  const values: ViewStateValues = {};
  for (const block of inputs) {
    const value = block.block_id in fields ? fields[block.block_id]! : initialOf(block.element);
    values[block.block_id] = { [block.element.action_id]: elementState(block.element, value) };
  }
  return values;
}

// ---- Steps a person takes --------------------------------------------------------------------------

/** `/peer <text>`; its response_url points at the fake, recorded under `responseKey`. */
export async function command(
  e2e: E2E,
  userId: string,
  text: string,
  responseKey = `cmd-${randomBytes(4).toString('hex')}`,
): Promise<{ response: AppResponse; responseKey: string; triggerId: string }> {
  const triggerId = newTriggerId();
  const response = await e2e.send(
    slashCommand({ text, userId, teamId: e2e.teamId ?? TEAM, triggerId, responseUrl: e2e.slack.responseUrl(responseKey) }),
  );
  return { response, responseKey, triggerId };
}

/** What the app posted to the command's response_url. */
export function responded(e2e: E2E, responseKey: string): Promise<RecordedCall> {
  return e2e.next('response_url', 0, (call) => call.args.key === responseKey);
}

/**
 * Runs a step that opens a modal and returns the real view: the app opens a "One moment…" view with the
 * step's trigger id, then fills it in with views.update (src/features/common/flows.ts).
 */
export async function openedModal(e2e: E2E, since: number, triggerId: string): Promise<OpenedModal & { loading: ModalView }> {
  const open = await e2e.next('views.open', since, (call) => call.args.trigger_id === triggerId);
  const update = await e2e.next('views.update', since);
  return { viewId: String(update.args.view_id), view: asView(update.args.view), loading: asView(open.args.view) };
}

/** `/peer <text>` for a command that opens a modal. */
export async function commandModal(e2e: E2E, userId: string, text: string): Promise<OpenedModal & { loading: ModalView }> {
  const since = e2e.mark();
  const { response, triggerId } = await command(e2e, userId, text);
  if (response.status !== 200) throw new Error(`/peer ${text} answered ${response.status}`);
  return openedModal(e2e, since, triggerId);
}

/** A button click; a click in a message answers through the fake's response_url under `responseKey`. */
export async function click(
  e2e: E2E,
  input: Omit<BlockActionInput, 'teamId'>,
): Promise<{ response: AppResponse; triggerId: string; responseKey: string }> {
  const triggerId = input.triggerId ?? newTriggerId();
  const responseKey = `click-${randomBytes(4).toString('hex')}`;
  const response = await e2e.send(
    blockAction({ teamId: e2e.teamId ?? TEAM, ...input, triggerId, responseUrl: input.responseUrl ?? e2e.slack.responseUrl(responseKey) }),
  );
  if (response.status !== 200) throw new Error(`the click on ${input.actionId} answered ${response.status}`);
  return { response, triggerId, responseKey };
}

/** Submits a modal as the app sent it, with `fields` changed. Answers what the app acknowledged with. */
export async function submit(
  e2e: E2E,
  userId: string,
  modal: { viewId?: string; view: ModalView },
  fields: Record<string, FieldValue> = {},
): Promise<AppResponse> {
  return e2e.send(
    viewSubmission({
      callbackId: modal.view.callback_id,
      userId,
      teamId: e2e.teamId ?? TEAM,
      values: stateFor(modal.view, fields),
      privateMetadata: modal.view.private_metadata ?? '',
      ...(modal.viewId !== undefined ? { viewId: modal.viewId } : {}),
    }),
  );
}

/** The view a `response_action: 'update'` answer carries. */
export function updatedView(response: AppResponse): ModalView {
  const body = response.json as { response_action?: string; view?: unknown } | undefined;
  if (body?.response_action !== 'update') throw new Error(`expected response_action update, got ${response.text}`);
  return asView(body.view);
}

/** The field errors of a `response_action: 'errors'` answer. */
export function fieldErrorsOf(response: AppResponse): Record<string, string> {
  const body = response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
  if (body?.response_action !== 'errors' || !body.errors) throw new Error(`expected response_action errors, got ${response.text || '(empty ack)'}`);
  return body.errors;
}

/** Settings for a new initiative, as block id to field value; the rest keep the form's defaults. */
/** Real-looking resources for test initiatives: a number to call, and hours. */
export const TEST_RESOURCES = '• In an emergency, call your local emergency number.\n• Employee assistance line: 0800 123 4567 (weekdays 08:00-20:00)';

export function initiativeFields(overrides: Record<string, FieldValue> = {}): Record<string, FieldValue> {
  const B = InitiativeIds.blocks;
  return {
    [B.name]: 'Peer Support Circle',
    [B.description]: 'Colleagues listening to colleagues.',
    // The form's template has placeholders and is refused as it is (src/domain/resources.ts).
    [B.resources]: TEST_RESOURCES,
    [B.consent]: [COORDINATOR_CONSENT],
    ...overrides,
  };
}

/**
 * Opens `/peer setup` and reaches the new-initiative form: straight there, or through the chooser when
 * the person already coordinates an initiative.
 */
export async function openSetupForm(e2e: E2E, userId: string): Promise<OpenedModal> {
  const opened = await commandModal(e2e, userId, 'setup');
  if (opened.view.callback_id !== InitiativeIds.chooseModal) return opened;
  const response = await submit(e2e, userId, opened, { [InitiativeIds.blocks.choice]: NEW_INITIATIVE });
  return { viewId: opened.viewId, view: updatedView(response) };
}

/**
 * Makes `userId` a workspace admin in the fake Slack (users.info `is_admin`), so they may create
 * initiatives (issue 13). Whatever else the fake knows about them (timezone, name) stays.
 */
export function makeWorkspaceAdmin(e2e: E2E, userId: string): void {
  e2e.slack.addUser({ ...(e2e.slack.user(userId) ?? { id: userId }), is_admin: true });
}

/**
 * A colleague sets up an initiative through `/peer setup`; resolves once they got the confirmation DM.
 * They are made a workspace admin first: only admins, owners, INITIATIVE_CREATORS and coordinators may.
 */
export async function setUpInitiative(
  e2e: E2E,
  coordinatorId: string,
  overrides: Record<string, FieldValue> = {},
): Promise<{ id: string; name: string }> {
  makeWorkspaceAdmin(e2e, coordinatorId);
  const form = await openSetupForm(e2e, coordinatorId);
  const fields = initiativeFields(overrides);
  const since = e2e.mark();
  const response = await submit(e2e, coordinatorId, form, fields);
  if (response.text !== '') throw new Error(`setup was not accepted: ${response.text}`);
  await e2e.next('chat.postMessage', since, (call) => call.args.channel === coordinatorId);
  const name = String(fields[InitiativeIds.blocks.name]);
  const row = await e2e.db.initiative.findFirstOrThrow({ where: { name }, orderBy: { createdAt: 'desc' } });
  return { id: row.id, name: row.name };
}

/** The invitation DM the app sent `userId` after `since`, and the value of its accept button. */
export async function invitationFor(e2e: E2E, userId: string, since = 0): Promise<{ call: RecordedCall; value: string }> {
  const call = await e2e.next('chat.postMessage', since, (c) => c.args.channel === userId && jsonOf(c.args.blocks).includes(InitiativeIds.acceptRole));
  const value = buttonValue(call.args.blocks, InitiativeIds.acceptRole);
  return { call, value };
}

/** The value of the button with `actionId` in a message's or view's blocks. */
export function buttonValue(blocks: unknown, actionId: string): string {
  for (const block of (blocks ?? []) as Block[]) {
    for (const element of block.elements ?? []) {
      if (element.action_id === actionId && typeof element.value === 'string') return element.value;
    }
  }
  throw new Error(`no button ${actionId}`);
}

/** The invited person clicks "I agree and accept" in their DM; resolves once the DM was updated. */
export async function acceptInvitation(e2e: E2E, userId: string, invitation: { call: RecordedCall; value: string }): Promise<void> {
  const since = e2e.mark();
  await click(e2e, {
    actionId: InitiativeIds.acceptRole,
    value: invitation.value,
    userId,
    channelId: `D${userId}`,
    messageTs: '1700000001.000100',
  });
  await e2e.next('chat.update', since, (call) => call.args.channel === `D${userId}`);
}

/**
 * Listener fields for the listen modal; topics by label. Consent is ticked unless overridden. Working
 * hours are "every day, any time" unless overridden, so tests do not depend on when they run (the
 * process runs on the real clock; offers only go out within a listener's hours).
 */
export function listenerFields(view: ModalView, overrides: Record<string, FieldValue> & { topicLabels?: string[] } = {}) {
  const { topicLabels = ['Anxiety'], ...rest } = overrides;
  const B = ListenerIds.blocks;
  return {
    // Topics by the labels the form shows, unless given by id.
    ...(B.topics in rest ? {} : { [B.topics]: optionValues(view, B.topics, topicLabels) }),
    [B.workDays]: ['0', '1', '2', '3', '4', '5', '6'],
    [B.workStart]: '00:00',
    [B.workEnd]: '00:00',
    [B.consent]: [LISTENER_CONSENT],
    ...rest,
  } as Record<string, FieldValue>;
}

/**
 * `/peer listen` up to the listen form: straight there with one initiative, through the chooser (picking
 * `initiativeId`) with several.
 */
export async function openListenForm(e2e: E2E, userId: string, initiativeId?: string): Promise<OpenedModal & { chooser: ModalView | null }> {
  const opened = await commandModal(e2e, userId, 'listen');
  if (opened.view.callback_id !== InitiativeIds.chooseModal) return { ...opened, chooser: null };
  if (!initiativeId) throw new Error('/peer listen showed the chooser, but no initiative was given');
  const response = await submit(e2e, userId, opened, { [InitiativeIds.blocks.choice]: initiativeId });
  return { viewId: opened.viewId, view: updatedView(response), chooser: opened.view };
}

/** Volunteers through `/peer listen`; resolves with the profile once the welcome DM went out. */
export async function volunteer(
  e2e: E2E,
  userId: string,
  options: { initiativeId?: string; fields?: Record<string, FieldValue> & { topicLabels?: string[] } } = {},
) {
  const form = await openListenForm(e2e, userId, options.initiativeId);
  const metadata = JSON.parse(form.view.private_metadata ?? '{}') as { initiativeId: string };
  // Topics by the labels the form shows (in the person's language), or as the coordinators first wrote them.
  const { topicLabels = ['Anxiety'], ...fields } = options.fields ?? {};
  const shown = inputBlock(form.view, ListenerIds.blocks.topics).element.options ?? [];
  const stored = await e2e.db.initiativeTopic.findMany({ where: { initiativeId: metadata.initiativeId, label: { in: topicLabels } } });
  const topicIds = topicLabels.map((label) => {
    const found = shown.find((o) => o.text.text === label)?.value ?? stored.find((t) => t.label === label)?.id;
    if (!found) throw new Error(`no topic "${label}" in the listen form or the initiative`);
    return found;
  });
  const since = e2e.mark();
  const response = await submit(e2e, userId, form, listenerFields(form.view, { [ListenerIds.blocks.topics]: topicIds, ...fields }));
  if (response.text !== '') throw new Error(`the listen form was not accepted: ${response.text}`);
  const welcome = await e2e.next('chat.postMessage', since, (call) => call.args.channel === userId);
  const profile = await e2e.db.listenerProfile.findUniqueOrThrow({
    where: { initiativeId_userId: { initiativeId: metadata.initiativeId, userId } },
    include: { topics: true },
  });
  return { profile, welcome, form };
}
