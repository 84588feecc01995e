import { SLACK_API } from '../support/in-process-app.js';
import { dm, TEAM } from './world.js';

// Payloads as Slack delivers them to Bolt (the parsed body, for the in-process router), built for the
// acting person. Everything a client controls (button values, private_metadata, form state) is an
// argument, so a cell can forge it.

export interface Delivery {
  actor: string;
  /** Unique per cell, so calls to a response_url can be told apart. */
  key: string;
}

const user = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM });
const team = { id: TEAM, domain: 'fake' };

export function command(d: Delivery, text: string): Record<string, unknown> {
  return {
    command: '/peer',
    text,
    user_id: d.actor,
    user_name: d.actor.toLowerCase(),
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: dm(d.actor),
    channel_name: 'directmessage',
    trigger_id: `${d.key}.trigger`,
    response_url: `${SLACK_API}/response/${d.key}`,
    api_app_id: 'A0FAKEAPP1',
    token: 'verification',
  };
}

function action(actionId: string, value: string | undefined) {
  return { action_id: actionId, block_id: `b-${actionId}`, type: 'button', text: { type: 'plain_text', text: 'Button' }, action_ts: '1700000000.1', ...(value !== undefined ? { value } : {}) };
}

/** A button in a message in the actor's DM with the app (offers, check-ins, invitations, pairing notes). */
export function buttonInMessage(d: Delivery, actionId: string, value: string | undefined, messageTs = '1700000999.000100'): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: user(d.actor),
    team,
    api_app_id: 'A0FAKEAPP1',
    token: 'verification',
    trigger_id: `${d.key}.trigger`,
    container: { type: 'message', message_ts: messageTs, channel_id: dm(d.actor), is_ephemeral: false },
    channel: { id: dm(d.actor), name: 'directmessage' },
    message: { type: 'message', user: 'U0BOT00001', bot_id: 'B0BOT00001', ts: messageTs, text: '', blocks: [] },
    response_url: `${SLACK_API}/response/${d.key}`,
    state: { values: {} },
    actions: [action(actionId, value)],
  };
}

/** A button on the actor's App Home tab. */
export function buttonInHome(d: Delivery, actionId: string, value: string | undefined): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: user(d.actor),
    team,
    api_app_id: 'A0FAKEAPP1',
    token: 'verification',
    trigger_id: `${d.key}.trigger`,
    container: { type: 'view', view_id: 'VHOME00001' },
    view: { id: 'VHOME00001', type: 'home', team_id: TEAM, blocks: [], private_metadata: '', callback_id: '', state: { values: {} }, hash: 'h' },
    actions: [action(actionId, value)],
  };
}

/** A button inside a modal the actor has open; `blocks` are the modal's (the resources, for "help now"). */
export function buttonInModal(d: Delivery, actionId: string, value: string | undefined, blocks: unknown[] = []): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: user(d.actor),
    team,
    api_app_id: 'A0FAKEAPP1',
    token: 'verification',
    trigger_id: `${d.key}.trigger`,
    container: { type: 'view', view_id: 'VMODAL0001' },
    view: { id: 'VMODAL0001', type: 'modal', team_id: TEAM, blocks, private_metadata: '', callback_id: 'x', state: { values: {} }, hash: 'h' },
    actions: [action(actionId, value)],
  };
}

/**
 * A users_select in an actions block of a modal the actor has open (the circles list's facilitator
 * choice): the handler reads the block id and the person picked, both of which the client controls.
 */
export function usersSelectInModal(d: Delivery, actionId: string, blockId: string, selectedUser: string | null, privateMetadata = ''): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: user(d.actor),
    team,
    api_app_id: 'A0FAKEAPP1',
    token: 'verification',
    trigger_id: `${d.key}.trigger`,
    container: { type: 'view', view_id: 'VMODAL0001' },
    view: { id: 'VMODAL0001', type: 'modal', team_id: TEAM, blocks: [], private_metadata: privateMetadata, callback_id: 'circle.list', state: { values: {} }, hash: 'h' },
    actions: [
      {
        action_id: actionId,
        block_id: blockId,
        type: 'users_select',
        action_ts: '1700000000.1',
        ...(selectedUser !== null ? { selected_user: selectedUser } : {}),
        placeholder: { type: 'plain_text', text: 'Choose' },
      },
    ],
  };
}

export type FormState = Record<string, Record<string, Record<string, unknown>>>;

/** A modal submitted by the actor, with whatever state and private_metadata the client sent. */
export function submission(d: Delivery, callbackId: string, values: FormState, privateMetadata = '', blocks: unknown[] = []): Record<string, unknown> {
  return {
    type: 'view_submission',
    team,
    user: user(d.actor),
    api_app_id: 'A0FAKEAPP1',
    token: 'verification',
    trigger_id: `${d.key}.trigger`,
    view: {
      id: 'VFORM00001',
      team_id: TEAM,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
      blocks,
      hash: 'h',
      root_view_id: 'VFORM00001',
      app_id: 'A0FAKEAPP1',
    },
    response_urls: [],
  };
}

/** An Events API delivery; each gets its own event id (the app deduplicates on it). */
export function eventBody(d: Delivery, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'verification',
    team_id: TEAM,
    api_app_id: 'A0FAKEAPP1',
    event,
    type: 'event_callback',
    event_id: `Ev${d.key.replace(/[^A-Za-z0-9]/g, '')}`,
    event_time: 1_772_445_600,
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'U0BOT00001', is_bot: true, is_enterprise_install: false }],
  };
}

// Form state, shaped as Slack reports each element; each input's action id is `value` (view-state.ts).
export const field = {
  text: (value: string | null) => ({ value: { type: 'plain_text_input', value } }),
  number: (value: string) => ({ value: { type: 'number_input', value } }),
  users: (ids: string[]) => ({ value: { type: 'multi_users_select', selected_users: ids } }),
  checkboxes: (values: string[]) => ({ value: { type: 'checkboxes', selected_options: values.map((v) => ({ text: { type: 'plain_text', text: v }, value: v })) } }),
  multiSelect: (values: string[]) => ({ value: { type: 'multi_static_select', selected_options: values.map((v) => ({ text: { type: 'plain_text', text: v }, value: v })) } }),
  select: (value: string | null) => ({ value: { type: 'static_select', selected_option: value === null ? null : { text: { type: 'plain_text', text: value }, value } } }),
  radio: (value: string | null) => ({ value: { type: 'radio_buttons', selected_option: value === null ? null : { text: { type: 'plain_text', text: value }, value } } }),
  time: (value: string | null) => ({ value: { type: 'timepicker', selected_time: value } }),
  date: (value: string | null) => ({ value: { type: 'datepicker', selected_date: value } }),
};
