/**
 * Signed Slack requests for the app's single endpoint, `POST /slack/events`.
 *
 * Payload shapes follow what Slack sends (and bolt-js's own test helpers), with override-style factories,
 * so end-to-end tests exercise the same parsing and signature checks as production traffic.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** A request body exactly as it goes on the wire; the signature covers `raw` byte for byte. */
export interface SlackRequestBody {
  contentType: string;
  raw: string;
}

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
  'content-type': string;
}

export const FAKE_API_APP_ID = 'A0FAKEAPP1';
export const FAKE_VERIFICATION_TOKEN = 'fake-verification-token';
export const FAKE_TEAM_DOMAIN = 'fake-team';
export const FAKE_BOT_USER_ID = 'U0FAKEBOT1';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/**
 * Slack's v0 signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>`. Bolt rejects timestamps more than
 * five minutes from its clock, so the default is now.
 */
export function signSlackRequest(
  secret: string,
  rawBody: string,
  timestampSec: number = Math.floor(Date.now() / 1000),
  contentType: string = rawBody.trimStart().startsWith('{') ? JSON_TYPE : FORM,
): SlackSignatureHeaders {
  const digest = createHmac('sha256', secret).update(`v0:${timestampSec}:${rawBody}`).digest('hex');
  return {
    'x-slack-signature': `v0=${digest}`,
    'x-slack-request-timestamp': String(timestampSec),
    'content-type': contentType,
  };
}

function formBody(fields: Record<string, string>): SlackRequestBody {
  return { contentType: FORM, raw: new URLSearchParams(fields).toString() };
}

/** Interactive payloads arrive form-encoded with the JSON in a single `payload` field. */
function payloadBody(payload: Record<string, unknown>): SlackRequestBody {
  return formBody({ payload: JSON.stringify(payload) });
}

function jsonBody(body: Record<string, unknown>): SlackRequestBody {
  return { contentType: JSON_TYPE, raw: JSON.stringify(body) };
}

/** Trigger ids look like `<number>.<number>.<hex>`; uniqueness matters because each is single-use. */
function newTriggerId(): string {
  return `${Date.now()}.${Math.floor(Date.now() / 1000)}.${randomBytes(16).toString('hex')}`;
}

function nowActionTs(): string {
  return (Date.now() / 1000).toFixed(6);
}

function userRef(userId: string, teamId: string): Record<string, unknown> {
  const name = userId.toLowerCase();
  return { id: userId, username: name, name, team_id: teamId };
}

function teamRef(teamId: string): Record<string, unknown> {
  return { id: teamId, domain: FAKE_TEAM_DOMAIN };
}

export interface SlashCommandInput {
  text?: string;
  userId: string;
  teamId: string;
  command?: string;
  triggerId?: string;
  channelId?: string;
  channelName?: string;
  userName?: string;
  /** Point this at `fakeSlack.responseUrl()` to record `respond()` calls; Slack's own host is unreachable. */
  responseUrl?: string;
}

export function slashCommand(input: SlashCommandInput): SlackRequestBody {
  const channelId = input.channelId ?? `D${input.userId}`;
  return formBody({
    token: FAKE_VERIFICATION_TOKEN,
    team_id: input.teamId,
    team_domain: FAKE_TEAM_DOMAIN,
    channel_id: channelId,
    channel_name: input.channelName ?? (channelId.startsWith('D') ? 'directmessage' : 'general'),
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: input.command ?? '/peer',
    text: input.text ?? '',
    api_app_id: FAKE_API_APP_ID,
    is_enterprise_install: 'false',
    response_url: input.responseUrl ?? `https://hooks.slack.com/commands/${input.teamId}/1/fake`,
    trigger_id: input.triggerId ?? newTriggerId(),
  });
}

/** The subset of a view that Bolt listeners read; anything else can be added through the index signature. */
export interface ViewOverrides {
  id?: string;
  type?: 'modal' | 'home';
  callback_id?: string;
  private_metadata?: string;
  hash?: string;
  state?: { values: ViewStateValues };
  [key: string]: unknown;
}

function buildView(teamId: string, view: ViewOverrides): Record<string, unknown> {
  const id = view.id ?? 'V0FAKEVIEW1';
  return {
    id,
    team_id: teamId,
    type: 'modal',
    blocks: [],
    private_metadata: '',
    callback_id: '',
    state: { values: {} },
    hash: '1700000000.fakehash',
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: id,
    previous_view_id: null,
    app_id: FAKE_API_APP_ID,
    external_id: '',
    app_installed_team_id: teamId,
    bot_id: 'B0FAKEBOT1',
    ...view,
  };
}

export interface BlockActionInput {
  actionId: string;
  value?: string;
  userId: string;
  teamId: string;
  blockId?: string;
  /** Given: the action came from a modal or the Home tab. Otherwise it came from a message. */
  view?: ViewOverrides;
  channelId?: string;
  messageTs?: string;
  /** Extra fields for the message the button sat in (text, blocks). */
  message?: Record<string, unknown>;
  triggerId?: string;
  /** Given: the element is a static select rather than a button. */
  selectedOption?: { value: string; text?: string };
  /** Given: the element is a users select (the person picked), rather than a button. */
  selectedUser?: string;
  responseUrl?: string;
}

export function blockAction(input: BlockActionInput): SlackRequestBody {
  const blockId = input.blockId ?? 'fake_block';
  const action: Record<string, unknown> = {
    action_id: input.actionId,
    block_id: blockId,
    action_ts: nowActionTs(),
  };
  if (input.selectedUser !== undefined) {
    Object.assign(action, { type: 'users_select', selected_user: input.selectedUser });
  } else if (input.selectedOption) {
    const text = input.selectedOption.text ?? input.selectedOption.value;
    Object.assign(action, {
      type: 'static_select',
      selected_option: { text: { type: 'plain_text', text, emoji: true }, value: input.selectedOption.value },
    });
  } else {
    Object.assign(action, {
      type: 'button',
      text: { type: 'plain_text', text: 'Button', emoji: true },
      ...(input.value !== undefined ? { value: input.value } : {}),
    });
  }

  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: userRef(input.userId, input.teamId),
    api_app_id: FAKE_API_APP_ID,
    token: FAKE_VERIFICATION_TOKEN,
    trigger_id: input.triggerId ?? newTriggerId(),
    team: teamRef(input.teamId),
    enterprise: null,
    is_enterprise_install: false,
    actions: [action],
  };

  if (input.view) {
    const view = buildView(input.teamId, input.view);
    Object.assign(payload, {
      container: { type: 'view', view_id: view.id },
      view,
      // A modal's current input state rides along with every action inside it.
      state: view.state,
    });
  } else {
    const channelId = input.channelId ?? `D${input.userId}`;
    const messageTs = input.messageTs ?? '1700000000.000100';
    Object.assign(payload, {
      container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
      channel: { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : 'general' },
      message: {
        type: 'message',
        user: FAKE_BOT_USER_ID,
        bot_id: 'B0FAKEBOT1',
        ts: messageTs,
        text: '',
        blocks: [],
        ...input.message,
      },
      state: { values: {} },
      response_url: input.responseUrl ?? `https://hooks.slack.com/actions/${input.teamId}/1/fake`,
    });
  }
  return payloadBody(payload);
}

/** `state.values[block_id][action_id]`, each value shaped by its element type (see `stateValue`). */
export type ViewStateValues = Record<string, Record<string, Record<string, unknown>>>;

/** Element states as Slack reports them in `view.state.values`. */
export const stateValue = {
  plainText: (value: string | null) => ({ type: 'plain_text_input', value }),
  staticSelect: (value: string | null, text = value ?? '') => ({
    type: 'static_select',
    selected_option: value === null ? null : { text: { type: 'plain_text', text, emoji: true }, value },
  }),
  multiStaticSelect: (values: string[]) => ({
    type: 'multi_static_select',
    selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value, emoji: true }, value })),
  }),
  radioButtons: (value: string | null, text = value ?? '') => ({
    type: 'radio_buttons',
    selected_option: value === null ? null : { text: { type: 'plain_text', text, emoji: true }, value },
  }),
  checkboxes: (values: string[]) => ({
    type: 'checkboxes',
    selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value, emoji: true }, value })),
  }),
} as const;

export interface ViewSubmissionInput {
  callbackId: string;
  userId: string;
  teamId: string;
  values: ViewStateValues;
  privateMetadata?: string;
  viewId?: string;
  hash?: string;
  triggerId?: string;
  /** The view's blocks, as Slack sends them with every submission; none unless given. */
  blocks?: unknown[];
}

export function viewSubmission(input: ViewSubmissionInput): SlackRequestBody {
  return payloadBody({
    type: 'view_submission',
    team: teamRef(input.teamId),
    user: userRef(input.userId, input.teamId),
    api_app_id: FAKE_API_APP_ID,
    token: FAKE_VERIFICATION_TOKEN,
    trigger_id: input.triggerId ?? newTriggerId(),
    view: buildView(input.teamId, {
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
      state: { values: input.values },
      ...(input.viewId !== undefined ? { id: input.viewId } : {}),
      ...(input.hash !== undefined ? { hash: input.hash } : {}),
      ...(input.blocks !== undefined ? { blocks: input.blocks } : {}),
    }),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}

export interface EventCallbackOptions {
  teamId: string;
  /** Fixed ids let a test replay one event to check deduplication; by default each call gets a new one. */
  eventId?: string;
  eventTime?: number;
  botUserId?: string;
}

export function eventCallback(event: Record<string, unknown>, options: EventCallbackOptions): SlackRequestBody {
  return jsonBody({
    token: FAKE_VERIFICATION_TOKEN,
    team_id: options.teamId,
    api_app_id: FAKE_API_APP_ID,
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: options.teamId,
        user_id: options.botUserId ?? FAKE_BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
}

export function urlVerification(challenge: string): SlackRequestBody {
  return jsonBody({ token: FAKE_VERIFICATION_TOKEN, challenge, type: 'url_verification' });
}

export interface SendToAppOptions {
  /** Omit to send an unsigned request (to check the app rejects it). */
  secret?: string;
  timestamp?: number;
  /** Sign with a different secret, so the signature is well-formed but wrong. */
  badSignature?: boolean;
  /** Extra or overriding headers, e.g. `x-slack-retry-num`. */
  headers?: Record<string, string>;
}

export interface AppResponse {
  status: number;
  text: string;
  json?: unknown;
}

export async function sendToApp(
  baseUrl: string,
  body: SlackRequestBody,
  opts: SendToAppOptions = {},
): Promise<AppResponse> {
  const headers: Record<string, string> = { 'content-type': body.contentType };
  if (opts.secret !== undefined || opts.badSignature) {
    const secret = opts.badSignature ? `${opts.secret ?? ''}-wrong` : (opts.secret ?? '');
    Object.assign(headers, signSlackRequest(secret, body.raw, opts.timestamp, body.contentType));
  }
  Object.assign(headers, opts.headers);

  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/slack/events`, {
    method: 'POST',
    headers,
    body: body.raw,
  });
  const text = await response.text();
  const result: AppResponse = { status: response.status, text };
  try {
    if (text !== '') result.json = JSON.parse(text) as unknown;
  } catch {
    // Bolt answers acks with an empty or plain-text body; only JSON bodies get `json`.
  }
  return result;
}
