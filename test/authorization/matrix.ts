import { english, type MessageKey } from '../../src/i18n/translate.js';
import { CircleIds, FACILITATORS_BLOCK, NO_TOPIC } from '../../src/features/circles/ids.js';
import { CircleRelayIds } from '../../src/features/circles/relay-ids.js';
import { CONSENT_GIVEN as LISTENER_CONSENT, ListenerIds } from '../../src/features/listeners/ids.js';
import { APPROVAL_REQUIRED, CONSENT_GIVEN as COORDINATOR_CONSENT, InitiativeIds, NEW_INITIATIVE } from '../../src/features/initiatives/ids.js';
import { BLOCK_PAIR, PairingIds } from '../../src/features/pairings/ids.js';
import { ANY_LANGUAGE, RequestIds } from '../../src/features/requests/ids.js';
import * as invitationCopy from '../../src/features/initiatives/invitation-copy.js';
import * as listenerCopy from '../../src/features/listeners/copy.js';
import { buttonInHome, buttonInMessage, buttonInModal, command, eventBody, field, submission, usersSelectInModal, type Delivery, type FormState } from './payloads.js';
import { dm, ROLES, USERS, type Role, type World } from './world.js';

// The authorization matrix of issue 13, as data: one row per cell (surface, role, payload, expected
// outcome). Surfaces are every `/peer` subcommand, every action id, every modal callback id and every
// event the app handles; roles are in world.ts. A row's payload is what that person's Slack client
// would send (their own button, or a forged value or private_metadata); its outcome is:
// - allowed: the state change happens (`changes`: tables that must change), or the person is shown
//   what they asked for (`sees`); `reaches`: people who must be messaged; `onlyTo`: nobody else is;
//   `owns`: what was written is the acting person's own, whatever ids the payload named.
// - refused: nothing in the database changes and nothing is sent to anyone but the person acting;
//   `sees`: the kind refusal they must be shown; `tolerates`: tables a refusal may clean up.
// `hides`: text that must not appear in anything the person acting is shown.
// Surface ids are written out rather than imported: buttons already sent carry them, so renaming one is
// a change this file should notice (the completeness test then fails until the row is renamed too).

export type Person = Role | 'otherSeeker' | 'pendingListener' | 'newListener';
export type Text = string | ((w: World) => string);

export interface Allowed {
  kind: 'allowed';
  changes?: readonly string[];
  /** New or changed rows of `table` are the acting person's own (`column` holds their user id). */
  owns?: readonly { table: string; column: string }[];
  sees?: readonly Text[];
  hides?: readonly Text[];
  reaches?: readonly Person[];
  onlyTo?: readonly Person[];
}
export interface Refused {
  kind: 'refused';
  sees?: readonly Text[];
  hides?: readonly Text[];
  /** Tables a refusal may still change without granting anything (an expired row cleaned up); say why in the variant. */
  tolerates?: readonly string[];
}
export type Outcome = Allowed | Refused;

export interface CellContext {
  world: World;
  actor: string;
  role: Role;
  delivery: Delivery;
}

export interface Cell {
  /** `command:<subcommand>`, `action:<action id>`, `view:<callback id>` or `event:<event>`. */
  surface: string;
  role: Role;
  /** Empty for the payload the role's own client sends; otherwise what is forged, in words. */
  variant: string;
  payload(c: CellContext): Record<string, unknown>;
  expect: Outcome;
  /** The handler answers later than it returns (the insights chooser updates its modal afterwards). */
  settle?: 'views.update';
}

export const allowed = (o: Omit<Allowed, 'kind'> = {}): Allowed => ({ kind: 'allowed', ...o });
export const refused = (o: Omit<Refused, 'kind'> = {}): Refused => ({ kind: 'refused', ...o });

/** The outcome for each role: `fallback` unless named. Every role gets a row. */
function byRole(fallback: Outcome, named: Partial<Record<Role, Outcome>>): Record<Role, Outcome> {
  return Object.fromEntries(ROLES.map((r) => [r, named[r] ?? fallback])) as Record<Role, Outcome>;
}

function surface(
  id: string,
  payload: (c: CellContext) => Record<string, unknown>,
  outcomes: Record<Role, Outcome>,
  options: { settle?: 'views.update' } = {},
): Cell[] {
  return ROLES.map((role) => ({ surface: id, role, variant: '', payload, expect: outcomes[role], ...options }));
}

/** One row: a forged payload (say what is forged in `variant`), or a role's own one where a surface needs per-role payloads. */
function row(id: string, role: Role, variant: string, payload: (c: CellContext) => Record<string, unknown>, expect: Outcome, options: { settle?: 'views.update' } = {}): Cell {
  return { surface: id, role, variant, payload, expect, ...options };
}

// ---- What people are shown --------------------------------------------------------------------------

const NOT_A_LISTENER = english('listeners.notAListener');
const INSIGHTS_REFUSED = english('insights.refused');
const SETUP_FORM = '"callback_id":"initiative.setup"';
const CHOOSER = '"callback_id":"initiative.choose"';
const COORDINATOR_ONLY = ['listener.approve', 'initiative.edit'];
/** Everyone in the world but the person acting: none of them may appear in what a person is shown about themselves. */
const othersThan = (self: string): Text[] => Object.values(USERS).filter((u) => u !== self);

// ---- Payload pieces -----------------------------------------------------------------------------------

const A = (w: World) => w.initiative.id;
const OWN_PROFILE = [{ table: 'ListenerProfile', column: 'userId' }, { table: 'ConsentRecord', column: 'userId' }];
const OWN_REQUEST = [{ table: 'SupportRequest', column: 'seekerId' }, { table: 'ConsentRecord', column: 'userId' }];
const OWN_ROLE = [{ table: 'InitiativeMember', column: 'userId' }, { table: 'ConsentRecord', column: 'userId' }];
const CHOICE = InitiativeIds.blocks.choice;
const PAUSE_FORM = '"callback_id":"listener.pause_modal"';
/** The "Pause until…" button on an offer message carries the initiative and the offer. */
const pauseFromOffer = (initiativeId: string, offerId: string) => JSON.stringify({ initiativeId, offerId });
const pauseForm = (date: string | null): FormState => ({ [ListenerIds.blocks.pauseUntil]: field.date(date) });

function setupForm(options: { consent: boolean; name?: string; coordinators?: string[]; hrViewers?: string[] }): FormState {
  const B = InitiativeIds.blocks;
  return {
    [B.name]: field.text(options.name ?? 'A New Circle'),
    [B.description]: field.text('Colleagues listening to colleagues.'),
    [B.topics]: field.text('Anxiety\nBereavement'),
    [B.resources]: field.text('Call the EAP line on 0800 111 222.'),
    [B.guidelines]: field.text('Listen kindly.'),
    [B.approval]: field.checkboxes([APPROVAL_REQUIRED]),
    [B.coordinators]: field.users(options.coordinators ?? []),
    [B.hrViewers]: field.users(options.hrViewers ?? []),
    [B.minGroupSize]: field.number('5'),
    [B.retentionDays]: field.number('90'),
    [B.firstCheckInDays]: field.number('7'),
    [B.checkInEveryDays]: field.number('14'),
    ...(options.consent ? { [B.consent]: field.checkboxes([COORDINATOR_CONSENT]) } : {}),
  };
}

/** The edit form as the coordinators of A see it: its people kept (H a member, I invited). */
const editForm = (name: string) => setupForm({ consent: false, name, coordinators: [USERS.invitee], hrViewers: [USERS.hrViewer] });

function listenForm(w: World, consent: boolean): FormState {
  const B = ListenerIds.blocks;
  return {
    [B.topics]: field.multiSelect([w.initiative.anxietyTopicId]),
    [B.capacity]: field.number('2'),
    [B.intro]: field.text(null),
    [B.languages]: field.multiSelect(['en']),
    [B.workDays]: field.checkboxes(['1', '2', '3', '4', '5']),
    [B.workStart]: field.time('09:00'),
    [B.workEnd]: field.time('18:00'),
    [B.quietStart]: field.time(null),
    [B.quietEnd]: field.time(null),
    ...(consent ? { [B.consent]: field.checkboxes([LISTENER_CONSENT]) } : {}),
  };
}

function requestForm(topicId: string): FormState {
  const B = RequestIds.blocks;
  return { [B.topic]: field.select(topicId), [B.note]: field.text(null), [B.language]: field.select(ANY_LANGUAGE), [B.timezone]: field.checkboxes([]) };
}

const replyForm = (text: string): FormState => ({ [PairingIds.blocks.replyText]: field.text(text) });
const reportForm = (block: boolean): FormState => ({
  [PairingIds.blocks.reason]: field.radio('safety'),
  [PairingIds.blocks.block]: field.checkboxes(block ? [BLOCK_PAIR] : []),
});
const answer = (checkInId: string, a: string) => JSON.stringify({ c: checkInId, a });
const resourcesBlock = (text: string) => ({ type: 'section', block_id: 'resources', text: { type: 'mrkdwn', text } });

function dmMessage(c: CellContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return eventBody(c.delivery, { type: 'message', channel_type: 'im', channel: dm(c.actor), user: c.actor, text: 'Thank you for listening today', ts: '1772445600.000100', ...extra });
}

// ---- The matrix ------------------------------------------------------------------------------------

const commands: Cell[] = [
  ...surface('command:help', (c) => command(c.delivery, 'help'), byRole(allowed({ sees: ['/peer request'] }), {})),
  // Who may create an initiative (issue 13): workspace admins and owners, coordinators of an existing
  // initiative, INITIATIVE_CREATORS. Coordinators are offered their initiatives to edit, or a new one.
  ...surface(
    'command:setup',
    (c) => command(c.delivery, 'setup'),
    byRole(refused({ hides: [SETUP_FORM] }), {
      coordinator: allowed({ sees: [CHOOSER, A] }),
      otherCoordinator: allowed({ sees: [CHOOSER, (w) => w.otherInitiative.id], hides: [A] }),
      admin: allowed({ sees: [SETUP_FORM] }),
    }),
  ),
  ...surface('command:listen', (c) => command(c.delivery, 'listen'), byRole(allowed({ sees: [CHOOSER] }), {})),
  ...surface('command:request', (c) => command(c.delivery, 'request'), byRole(allowed({ sees: [CHOOSER, (w) => w.initiative.resources] }), {})),
  // The "Pause until" form (issue 15), for the person's own profile; L2, paused already, may change the date.
  ...surface(
    'command:pause',
    (c) => command(c.delivery, 'pause'),
    byRole(refused({ sees: [NOT_A_LISTENER], hides: [PAUSE_FORM] }), {
      listener: allowed({ sees: [PAUSE_FORM, A], onlyTo: [] }),
      otherSide: allowed({ sees: [PAUSE_FORM, A], onlyTo: [] }),
    }),
  ),
  ...surface(
    'command:resume',
    (c) => command(c.delivery, 'resume'),
    byRole(refused({ sees: [NOT_A_LISTENER] }), {
      listener: allowed({ sees: [(w) => listenerCopy.notPaused(english, w.initiative.name, 'active')] }),
      otherSide: allowed({ changes: ['ListenerProfile'] }),
    }),
  ),
  ...surface(
    'command:stop',
    (c) => command(c.delivery, 'stop'),
    byRole(refused({ sees: [NOT_A_LISTENER] }), {
      listener: allowed({ changes: ['ListenerProfile', 'Pairing', 'Offer'], reaches: ['seeker'] }),
      otherSide: allowed({ changes: ['ListenerProfile', 'Pairing'], reaches: ['otherSeeker'] }),
    }),
  ),
  // Everyone's own data, to them alone, naming nobody else.
  ...ROLES.map((role) =>
    row('command:my-data', role, '', (c) => command(c.delivery, 'my-data'), allowed({ sees: ['"generatedAt"'], onlyTo: [], hides: othersThan(USERS[role]) })),
  ),
  ...surface('command:delete-my-data', (c) => command(c.delivery, 'delete-my-data'), byRole(allowed({ sees: ['"callback_id":"my_data.confirm_delete"'] }), {})),
  ...surface(
    'command:insights',
    (c) => command(c.delivery, 'insights'),
    byRole(refused({ sees: [INSIGHTS_REFUSED] }), {
      coordinator: allowed({ changes: ['InsightsAccess'], onlyTo: [] }),
      hrViewer: allowed({ changes: ['InsightsAccess'], onlyTo: [] }),
      // X sees their own initiative's insights, never A's.
      otherCoordinator: allowed({ changes: ['InsightsAccess'], onlyTo: [], hides: [(w) => w.initiative.name] }),
    }),
  ),
];

const pairingActions: Cell[] = [
  ...surface(
    'action:pairing.accept_offer',
    (c) => buttonInMessage(c.delivery, 'pairing.accept_offer', c.world.offerId),
    byRole(refused({ sees: [english('offers.notYours')] }), { listener: allowed({ changes: ['Offer', 'Pairing'], reaches: ['seeker'] }) }),
  ),
  row('action:pairing.accept_offer', 'listener', 'an offer id that does not exist', (c) => buttonInMessage(c.delivery, 'pairing.accept_offer', '00000000-0000-4000-8000-000000000000'), refused()),
  ...surface(
    'action:pairing.decline_offer',
    (c) => buttonInMessage(c.delivery, 'pairing.decline_offer', c.world.offerId),
    byRole(refused({ sees: [english('offers.notYours')] }), { listener: allowed({ changes: ['Offer'] }) }),
  ),
  ...surface(
    'action:pairing.end',
    (c) => buttonInMessage(c.delivery, 'pairing.end', c.world.pairing.id),
    byRole(refused(), {
      seeker: allowed({ changes: ['Pairing'], reaches: ['listener'], onlyTo: ['listener'] }),
      listener: allowed({ changes: ['Pairing'], reaches: ['seeker'], onlyTo: ['seeker'] }),
    }),
  ),
  row('action:pairing.end', 'seeker', "the id of another pairing (S2 and L2's)", (c) => buttonInMessage(c.delivery, 'pairing.end', c.world.otherPairing.id), refused()),
  ...surface(
    'action:pairing.someone_else',
    (c) => buttonInMessage(c.delivery, 'pairing.someone_else', c.world.pairing.id),
    byRole(refused(), { seeker: allowed({ changes: ['Pairing', 'SupportRequest'], reaches: ['listener'] }) }),
  ),
  row('action:pairing.someone_else', 'otherSide', "another pairing's id, as its listener", (c) => buttonInMessage(c.delivery, 'pairing.someone_else', c.world.otherPairing.id), refused()),
  // The form opens for whoever clicks (it carries only the pairing id); its submission is what is checked.
  ...surface(
    'action:pairing.report',
    (c) => buttonInMessage(c.delivery, 'pairing.report', c.world.pairing.id),
    byRole(refused(), {
      seeker: allowed({ sees: ['"callback_id":"pairing.report_modal"'] }),
      listener: allowed({ sees: ['"callback_id":"pairing.report_modal"'] }),
    }),
  ),
  ...surface(
    'action:pairing.reveal',
    (c) => buttonInMessage(c.delivery, 'pairing.reveal', c.world.pairing.id),
    byRole(refused({ hides: [USERS.seeker, USERS.listener] }), {
      seeker: allowed({ changes: ['Pairing', 'OutboxMessage'], reaches: ['listener'], hides: [USERS.listener] }),
      listener: allowed({ changes: ['Pairing', 'OutboxMessage'], reaches: ['seeker'], hides: [USERS.seeker] }),
    }),
  ),
  row('action:pairing.reveal', 'seeker', "another pairing's id", (c) => buttonInMessage(c.delivery, 'pairing.reveal', c.world.otherPairing.id), refused({ hides: [USERS.otherSide] })),
  // "Did this help?" on the seeker's ending note (issue 14): the pairing's seeker only, counted once and
  // anonymously; anyone else, another pairing or one already deleted is answered kindly and counts nothing.
  ...(['pairing.ending_helped', 'pairing.ending_not_helped'] as const).flatMap((id) => [
    ...surface(
      `action:${id}`,
      (c) => buttonInMessage(c.delivery, id, c.world.pairing.id),
      byRole(refused({ sees: [english('pairings.ending.notYours')] }), {
        seeker: allowed({ changes: ['Pairing', 'AnonymousCount'], sees: [english('pairings.ending.thanks')], onlyTo: [] }),
      }),
    ),
    row(`action:${id}`, 'seeker', "another pairing's id (S2 and L2's)", (c) => buttonInMessage(c.delivery, id, c.world.otherPairing.id), refused({ sees: [english('pairings.ending.notYours')] })),
    row(`action:${id}`, 'seeker', 'a pairing id that no longer exists (deleted by retention)', (c) => buttonInMessage(c.delivery, id, '00000000-0000-4000-8000-000000000000'), refused({ sees: [english('pairings.ending.gone')] })),
  ]),
  // The crisis note's buttons (issue 14): only the pairing's listener; the seeker is never named to anyone else.
  ...surface(
    'action:pairing.share_resources',
    (c) => buttonInMessage(c.delivery, 'pairing.share_resources', c.world.pairing.id),
    byRole(refused({ sees: [english('pairings.crisis.notYours')] }), {
      listener: allowed({ reaches: ['seeker'], onlyTo: ['seeker'], hides: [USERS.seeker] }),
    }),
  ),
  row('action:pairing.share_resources', 'listener', "another pairing's id (S2 and L2's)", (c) => buttonInMessage(c.delivery, 'pairing.share_resources', c.world.otherPairing.id), refused({ sees: [english('pairings.crisis.notYours')], hides: [USERS.otherSide] })),
  ...surface(
    'action:pairing.ask_coordinator',
    (c) => buttonInMessage(c.delivery, 'pairing.ask_coordinator', c.world.pairing.id),
    byRole(refused({ sees: [english('pairings.crisis.notYours')] }), {
      listener: allowed({ changes: ['OutboxMessage'], reaches: ['coordinator'], onlyTo: ['coordinator'], hides: [USERS.seeker] }),
    }),
  ),
  row('action:pairing.ask_coordinator', 'listener', "another pairing's id (S2 and L2's)", (c) => buttonInMessage(c.delivery, 'pairing.ask_coordinator', c.world.otherPairing.id), refused({ sees: [english('pairings.crisis.notYours')] })),
  // A report's notice (issue 15): only the initiative's coordinators get the reply form; everyone else,
  // the reporter and the listener it is about included, is told so in the modal. Never the seeker's id.
  ...surface(
    'action:pairing.reply_to_report',
    (c) => buttonInMessage(c.delivery, 'pairing.reply_to_report', c.world.reportId),
    byRole(refused({ sees: [english('reports.coordinators.notCoordinator')], hides: [USERS.seeker, 'pairing.report_reply_modal'] }), {
      seeker: refused({ sees: [english('reports.coordinators.notCoordinator')], hides: ['pairing.report_reply_modal'] }),
      coordinator: allowed({ sees: ['"callback_id":"pairing.report_reply_modal"', 'Otter'], hides: [USERS.seeker], onlyTo: [] }),
    }),
    { settle: 'views.update' },
  ),
  row(
    'action:pairing.reply_to_report',
    'coordinator',
    'a report that no longer exists (erased or past retention)',
    (c) => buttonInMessage(c.delivery, 'pairing.reply_to_report', '00000000-0000-4000-8000-000000000000'),
    refused({ sees: [english('reports.coordinators.reporterGone')], hides: ['pairing.report_reply_modal'] }),
    { settle: 'views.update' },
  ),
];

const seekerAnswers = [
  ['helpful', []],
  ['not_yet', []],
  ['someone_else', ['Pairing']],
  ['end', ['Pairing']],
] as const;
const listenerAnswers = [
  ['fine', [], []],
  ['break', ['ListenerProfile'], []],
  ['coordinator', ['OutboxMessage'], ['coordinator']],
] as const;

const reviewAnswers = [
  ['keep_going', []],
  ['wrap_up', ['Pairing', 'SupportRequest']],
] as const;

const checkInActions: Cell[] = [
  ...seekerAnswers.flatMap(([a, changes]) =>
    surface(
      `action:checkin.answer.${a}`,
      (c) => buttonInMessage(c.delivery, `checkin.answer.${a}`, answer(c.world.seekerCheckInId, a)),
      byRole(refused(), { seeker: allowed({ changes: ['CheckIn', ...changes] }) }),
    ),
  ),
  ...listenerAnswers.flatMap(([a, changes, reaches]) =>
    surface(
      `action:checkin.answer.${a}`,
      (c) => buttonInMessage(c.delivery, `checkin.answer.${a}`, answer(c.world.listenerCheckInId, a)),
      byRole(refused(), { listener: allowed({ changes: ['CheckIn', ...changes], reaches }) }),
    ),
  ),
  row('action:checkin.answer.end', 'seeker', "the check-in of another seeker (S2's)", (c) => buttonInMessage(c.delivery, 'checkin.answer.end', answer(c.world.otherSeekerCheckInId, 'end')), refused()),
  row('action:checkin.answer.fine', 'seeker', "the listener's check-in of the same pairing", (c) => buttonInMessage(c.delivery, 'checkin.answer.fine', answer(c.world.listenerCheckInId, 'fine')), refused()),
  row('action:checkin.answer.break', 'seeker', "a listener's answer on the seeker's own check-in", (c) => buttonInMessage(c.delivery, 'checkin.answer.break', answer(c.world.seekerCheckInId, 'break')), refused()),
  row('action:checkin.answer.end', 'listener', "a seeker's answer (end the pairing) on the listener's own check-in", (c) => buttonInMessage(c.delivery, 'checkin.answer.end', answer(c.world.listenerCheckInId, 'end')), refused()),
  row('action:checkin.answer.coordinator', 'listener', 'an answer that is not one of the choices', (c) => buttonInMessage(c.delivery, 'checkin.answer.coordinator', answer(c.world.listenerCheckInId, 'delete_everything')), refused()),
  // The planned-ending question (issue 15): each side answers their own; wrapping up ends the pairing.
  ...reviewAnswers.flatMap(([a, changes]) =>
    surface(
      `action:checkin.answer.${a}`,
      (c) => buttonInMessage(c.delivery, `checkin.answer.${a}`, answer(c.world.seekerReviewCheckInId, a)),
      byRole(refused(), { seeker: allowed({ changes: ['CheckIn', ...changes] }) }),
    ),
  ),
  ...reviewAnswers.map(([a, changes]) =>
    row(`action:checkin.answer.${a}`, 'listener', 'their own planned-ending question', (c) => buttonInMessage(c.delivery, `checkin.answer.${a}`, answer(c.world.listenerReviewCheckInId, a)), allowed({ changes: ['CheckIn', ...changes] })),
  ),
  row('action:checkin.answer.wrap_up', 'seeker', "the listener's planned-ending question of the same pairing", (c) => buttonInMessage(c.delivery, 'checkin.answer.wrap_up', answer(c.world.listenerReviewCheckInId, 'wrap_up')), refused()),
  row('action:checkin.answer.wrap_up', 'seeker', 'a planned-ending answer on an ordinary check-in', (c) => buttonInMessage(c.delivery, 'checkin.answer.wrap_up', answer(c.world.seekerCheckInId, 'wrap_up')), refused()),
  row('action:checkin.answer.end', 'seeker', 'an ordinary answer (end) on the planned-ending question', (c) => buttonInMessage(c.delivery, 'checkin.answer.end', answer(c.world.seekerReviewCheckInId, 'end')), refused()),
];

const requestActions: Cell[] = [
  ...surface('action:request.request_button', (c) => buttonInHome(c.delivery, 'request.request_button', undefined), byRole(allowed({ sees: [CHOOSER, (w) => w.initiative.resources] }), {})),
  // The resources of the form it was clicked in, at once, for anyone (DESIGN.md invariant 6).
  ...surface(
    'action:request.help_now',
    (c) => buttonInModal(c.delivery, 'request.help_now', c.world.initiative.id, [resourcesBlock(c.world.initiative.resources)]),
    byRole(allowed({ sees: [(w) => w.initiative.resources] }), {}),
  ),
  row(
    'action:request.help_now',
    'anyone',
    "another workspace's initiative id, from a form without resources",
    (c) => buttonInModal(c.delivery, 'request.help_now', c.world.foreignInitiative.id),
    refused({ hides: [(w) => w.foreignInitiative.resources] }),
  ),
  // A resource's link button: Slack opens the page and sends the click, which is only acknowledged.
  ...(['request.resource_link_1', 'request.resource_link_2', 'request.resource_link_3', 'request.resource_link_4', 'request.resource_link_5'] as const).flatMap((id) =>
    surface(`action:${id}`, (c) => buttonInModal(c.delivery, id, undefined, [resourcesBlock(c.world.initiative.resources)]), byRole(refused(), {})),
  ),
  ...surface(
    'action:request.cancel',
    (c) => buttonInMessage(c.delivery, 'request.cancel', c.world.openRequestId),
    byRole(refused({ sees: [english('requests.notOpen')] }), {
      // Cancelling withdraws the offer L holds; L's offer message is replaced.
      seeker: allowed({ changes: ['SupportRequest', 'Offer'], sees: [english('waiting.cancelled')] }),
    }),
  ),
  row('action:request.cancel', 'seeker', "another seeker's request id (S2's)", (c) => buttonInMessage(c.delivery, 'request.cancel', c.world.otherPairedRequestId), refused({ sees: [english('requests.notOpen')] })),
];

const listenerActions: Cell[] = [
  ...surface('action:listener.listen_button', (c) => buttonInHome(c.delivery, 'listener.listen_button', c.world.initiative.id), byRole(allowed({ sees: ['"callback_id":"listener.listen"'] }), {})),
  row(
    'action:listener.listen_button',
    'anyone',
    "another workspace's initiative id",
    (c) => buttonInHome(c.delivery, 'listener.listen_button', c.world.foreignInitiative.id),
    refused({ sees: [english('listeners.noInitiative')], hides: [(w) => w.foreignInitiative.name] }),
  ),
  ...surface(
    'action:listener.pause',
    (c) => buttonInHome(c.delivery, 'listener.pause', c.world.initiative.id),
    byRole(refused({ sees: [NOT_A_LISTENER] }), {
      listener: allowed({ changes: ['ListenerProfile'] }),
      otherSide: allowed({ sees: [(w) => listenerCopy.initiativeNote(english, 'alreadyPaused', w.initiative.name)] }),
    }),
  ),
  row('action:listener.pause', 'otherCoordinator', "an initiative where the person is not a listener (A, as X)", (c) => buttonInHome(c.delivery, 'listener.pause', c.world.initiative.id), refused({ sees: [NOT_A_LISTENER] })),
  // "Pause until…" from Home, an offer, a check-in or a note: the form for the person's own profile only.
  ...surface(
    'action:listener.pause_until',
    (c) => buttonInHome(c.delivery, 'listener.pause_until', c.world.initiative.id),
    byRole(refused({ sees: [NOT_A_LISTENER], hides: [PAUSE_FORM] }), {
      listener: allowed({ sees: [PAUSE_FORM], onlyTo: [] }),
      otherSide: allowed({ sees: [PAUSE_FORM], onlyTo: [] }),
    }),
  ),
  row(
    'action:listener.pause_until',
    'listener',
    'on the offer message: its own offer goes with the form',
    (c) => buttonInMessage(c.delivery, 'listener.pause_until', pauseFromOffer(c.world.initiative.id, c.world.offerId)),
    allowed({ sees: [PAUSE_FORM, (w) => w.offerId], onlyTo: [] }),
  ),
  row(
    'action:listener.pause_until',
    'otherSide',
    "L's offer id in the value: the form opens without it",
    (c) => buttonInMessage(c.delivery, 'listener.pause_until', pauseFromOffer(c.world.initiative.id, c.world.offerId)),
    allowed({ sees: [PAUSE_FORM], hides: [(w) => w.offerId], onlyTo: [] }),
  ),
  row('action:listener.pause_until', 'listener', "another workspace's initiative id", (c) => buttonInHome(c.delivery, 'listener.pause_until', c.world.foreignInitiative.id), refused({ sees: [NOT_A_LISTENER], hides: [PAUSE_FORM, (w) => w.foreignInitiative.name] })),
  row('action:listener.pause_until', 'otherCoordinator', 'an initiative where the person is not a listener (A, as X)', (c) => buttonInHome(c.delivery, 'listener.pause_until', c.world.initiative.id), refused({ sees: [NOT_A_LISTENER], hides: [PAUSE_FORM] })),
  ...surface(
    'action:listener.resume',
    (c) => buttonInHome(c.delivery, 'listener.resume', c.world.initiative.id),
    byRole(refused({ sees: [NOT_A_LISTENER] }), {
      listener: allowed({ sees: [(w) => listenerCopy.notPaused(english, w.initiative.name, 'active')] }),
      otherSide: allowed({ changes: ['ListenerProfile'] }),
    }),
  ),
  ...surface(
    'action:listener.stop',
    (c) => buttonInHome(c.delivery, 'listener.stop', c.world.initiative.id),
    byRole(refused({ sees: [NOT_A_LISTENER] }), {
      listener: allowed({ changes: ['ListenerProfile', 'Pairing', 'Offer'], reaches: ['seeker'] }),
      otherSide: allowed({ changes: ['ListenerProfile', 'Pairing'], reaches: ['otherSeeker'] }),
    }),
  ),
  row('action:listener.stop', 'listener', 'another initiative, where L has no profile (B)', (c) => buttonInHome(c.delivery, 'listener.stop', c.world.otherInitiative.id), refused({ sees: [NOT_A_LISTENER] })),
  ...surface(
    'action:listener.approve',
    (c) => buttonInMessage(c.delivery, 'listener.approve', c.world.pendingProfileId),
    // Their own copy of the request (world: an approval_request row sent to C) becomes the decision (issue 15).
    byRole(refused({ sees: [english('listeners.approval.notCoordinator')] }), { coordinator: allowed({ changes: ['ListenerProfile'], reaches: ['pendingListener'], sees: [' was approved as a listener with '] }) }),
  ),
  row('action:listener.approve', 'coordinator', "a listener who is not waiting (L's active profile)", (c) => buttonInMessage(c.delivery, 'listener.approve', c.world.listenerProfileId), refused()),
  ...surface(
    'action:listener.decline',
    (c) => buttonInMessage(c.delivery, 'listener.decline', c.world.pendingProfileId),
    byRole(refused({ sees: [english('listeners.approval.notCoordinator')] }), { coordinator: allowed({ changes: ['ListenerProfile'], reaches: ['pendingListener'], sees: [' was declined as a listener with '] }) }),
  ),
  row('action:listener.decline', 'coordinator', "an active listener's profile id (L)", (c) => buttonInMessage(c.delivery, 'listener.decline', c.world.listenerProfileId), refused()),
];

const myDataActions: Cell[] = [
  ...ROLES.map((role) =>
    row('action:my_data.show', role, '', (c) => buttonInHome(c.delivery, 'my_data.show', undefined), allowed({ sees: ['"generatedAt"'], onlyTo: [], hides: othersThan(USERS[role]) })),
  ),
  row('action:my_data.show', 'anyone', "a button value naming another person (S)", (c) => buttonInHome(c.delivery, 'my_data.show', USERS.seeker), allowed({ onlyTo: [], sees: ['"generatedAt"', `"userId": "${USERS.anyone}"`], hides: [(w) => w.openRequestId, 'Otter'] })),
  ...surface('action:my_data.delete', (c) => buttonInHome(c.delivery, 'my_data.delete', undefined), byRole(allowed({ sees: ['"callback_id":"my_data.confirm_delete"'] }), {})),
];

// Notification previews (issue 14): anyone may turn their own on or off; the row is theirs, whatever the value.
const preferenceActions: Cell[] = [
  ...surface(
    'action:preferences.previews',
    (c) => buttonInHome(c.delivery, 'preferences.previews', 'on'),
    byRole(allowed({ changes: ['PersonPreference'], owns: [{ table: 'PersonPreference', column: 'userId' }], onlyTo: [] }), {}),
  ),
  row('action:preferences.previews', 'anyone', 'a value naming another person (S) instead of on or off', (c) => buttonInHome(c.delivery, 'preferences.previews', USERS.seeker), refused()),
  // The language the app writes in (issue 19): anyone may choose their own; each button sets only theirs.
  ...(['en', 'de', 'es', 'slack'] as const).flatMap((language) => [
    ...surface(
      `action:preferences.language.${language}`,
      (c) => buttonInHome(c.delivery, `preferences.language.${language}`, language),
      byRole(allowed({ changes: ['PersonPreference'], owns: [{ table: 'PersonPreference', column: 'userId' }], onlyTo: [] }), {}),
    ),
    row(`action:preferences.language.${language}`, 'anyone', 'a value naming another person (S) instead of a language', (c) => buttonInHome(c.delivery, `preferences.language.${language}`, USERS.seeker), refused()),
  ]),
];

const insightsActions: Cell[] = [
  ...surface(
    'action:insights.open',
    (c) => buttonInHome(c.delivery, 'insights.open', c.world.initiative.id),
    byRole(refused({ sees: [INSIGHTS_REFUSED] }), {
      coordinator: allowed({ changes: ['InsightsAccess'], onlyTo: [] }),
      hrViewer: allowed({ changes: ['InsightsAccess'], onlyTo: [] }),
    }),
  ),
  row('action:insights.open', 'hrViewer', "another initiative's id (B)", (c) => buttonInHome(c.delivery, 'insights.open', c.world.otherInitiative.id), refused({ sees: [INSIGHTS_REFUSED] })),
  row('action:insights.open', 'coordinator', "another workspace's initiative id", (c) => buttonInHome(c.delivery, 'insights.open', c.world.foreignInitiative.id), refused({ sees: [INSIGHTS_REFUSED] })),
  ...surface(
    'action:insights.export_csv',
    (c) => buttonInModal(c.delivery, 'insights.export_csv', c.world.initiative.id),
    byRole(refused({ sees: [INSIGHTS_REFUSED] }), {
      coordinator: allowed({ changes: ['InsightsAccess'], onlyTo: [] }),
      hrViewer: allowed({ changes: ['InsightsAccess'], onlyTo: [] }),
    }),
  ),
  row('action:insights.export_csv', 'otherCoordinator', "another initiative's id (A, as B's coordinator)", (c) => buttonInModal(c.delivery, 'insights.export_csv', c.world.initiative.id), refused({ sees: [INSIGHTS_REFUSED] })),
  row('action:insights.export_csv', 'hrViewer', "another initiative's id (B)", (c) => buttonInModal(c.delivery, 'insights.export_csv', c.world.otherInitiative.id), refused({ sees: [INSIGHTS_REFUSED] })),
  // Who viewed the insights: coordinators only; HR viewers see the figures, not the record.
  ...surface(
    'action:insights.access_log',
    (c) => buttonInModal(c.delivery, 'insights.access_log', c.world.initiative.id),
    byRole(refused({ sees: [INSIGHTS_REFUSED] }), { coordinator: allowed({ sees: ['insights.access_log_view'] }) }),
  ),
  row('action:insights.access_log', 'coordinator', "another initiative's id (B)", (c) => buttonInModal(c.delivery, 'insights.access_log', c.world.otherInitiative.id), refused({ sees: [INSIGHTS_REFUSED] })),
];

/** A standing invitation is answered with its id; V answers with the id their revoked invitation had. */
const invitationButton = (actionId: string) => (c: CellContext) =>
  buttonInMessage(c.delivery, actionId, c.role === 'revokedInvitee' ? c.world.revokedInvitationId : c.world.invitationId, '1700000300.000100');
/** The value the invitation buttons carried before issue 13: the role, decided by the client. */
const legacyInvitation = (c: CellContext, role: 'coordinator' | 'hr_viewer') => JSON.stringify({ initiativeId: c.world.initiative.id, role, userId: c.actor });

const initiativeActions: Cell[] = [
  ...surface(
    'action:initiative.setup_button',
    (c) => buttonInHome(c.delivery, 'initiative.setup_button', undefined),
    byRole(refused({ hides: [SETUP_FORM] }), {
      coordinator: allowed({ sees: [CHOOSER, A] }),
      otherCoordinator: allowed({ sees: [CHOOSER], hides: [A] }),
      admin: allowed({ sees: [SETUP_FORM] }),
    }),
  ),
  ...surface(
    'action:initiative.edit',
    (c) => buttonInHome(c.delivery, 'initiative.edit', c.world.initiative.id),
    byRole(refused({ sees: [english('setup.notCoordinator')], hides: [SETUP_FORM] }), { coordinator: allowed({ sees: [SETUP_FORM, A] }) }),
  ),
  row('action:initiative.edit', 'coordinator', "another initiative's id (B)", (c) => buttonInHome(c.delivery, 'initiative.edit', c.world.otherInitiative.id), refused({ hides: [SETUP_FORM] })),
  row('action:initiative.edit', 'coordinator', "another workspace's initiative id", (c) => buttonInHome(c.delivery, 'initiative.edit', c.world.foreignInitiative.id), refused({ hides: [SETUP_FORM, (w) => w.foreignInitiative.name] })),
  ...surface(
    'action:initiative.accept_role',
    invitationButton('initiative.accept_role'),
    byRole(refused({ hides: [(w) => invitationCopy.roleAccepted(english, 'coordinator', w.initiative.name)] }), {
      invitee: allowed({ changes: ['InitiativeMember', 'ConsentRecord', 'Invitation'], owns: OWN_ROLE }),
    }),
  ),
  row('action:initiative.accept_role', 'anyone', 'the pre-issue-13 value {initiativeId, role: hr_viewer, userId: self}', (c) => buttonInMessage(c.delivery, 'initiative.accept_role', legacyInvitation(c, 'hr_viewer')), refused()),
  row('action:initiative.accept_role', 'revokedInvitee', 'the pre-issue-13 value of the revoked invitation', (c) => buttonInMessage(c.delivery, 'initiative.accept_role', legacyInvitation(c, 'hr_viewer')), refused()),
  row('action:initiative.accept_role', 'invitee', 'the pre-issue-13 value with another role (hr_viewer instead of coordinator)', (c) => buttonInMessage(c.delivery, 'initiative.accept_role', legacyInvitation(c, 'hr_viewer')), refused()),
  row('action:initiative.accept_role', 'removedMember', 'the pre-issue-13 value of the role they were removed from', (c) => buttonInMessage(c.delivery, 'initiative.accept_role', legacyInvitation(c, 'coordinator')), refused()),
  row(
    'action:initiative.accept_role',
    'admin',
    'their own invitation, unanswered for 15 days (expired, not yet pruned): only the expired row may go',
    (c) => buttonInMessage(c.delivery, 'initiative.accept_role', c.world.expiredInvitationId),
    refused({ sees: [invitationCopy.invitationGone(english)], tolerates: ['Invitation'] }),
  ),
  row('action:initiative.accept_role', 'invitee', "their own invitation to another workspace's initiative", (c) => buttonInMessage(c.delivery, 'initiative.accept_role', c.world.foreignInvitationId), refused()),
  // The preview shows the actor, and only them, their own unsaved form as a seeker would see it.
  ...surface(
    'action:initiative.preview_as_seeker',
    (c) => buttonInModal(c.delivery, 'initiative.preview_as_seeker', undefined),
    byRole(allowed({ sees: ['initiative.preview'] }), {}),
  ),
  ...surface(
    'action:initiative.decline_role',
    invitationButton('initiative.decline_role'),
    byRole(refused(), { invitee: allowed({ changes: ['Invitation'] }) }),
  ),
];

const metadata = (value: unknown) => JSON.stringify(value);

const views: Cell[] = [
  // A new initiative: only those who may create one (issue 13). The form is submitted as the old one
  // was (needsConsent in private_metadata), which the server must now ignore.
  ...surface(
    'view:initiative.setup',
    (c) => submission(c.delivery, 'initiative.setup', setupForm({ consent: true }), metadata({ initiativeId: null, needsConsent: true })),
    byRole(refused(), {
      coordinator: allowed({ changes: ['Initiative', 'InitiativeMember', 'ConsentRecord'], owns: OWN_ROLE }),
      otherCoordinator: allowed({ changes: ['Initiative', 'InitiativeMember', 'ConsentRecord'], owns: OWN_ROLE }),
      admin: allowed({ changes: ['Initiative', 'InitiativeMember', 'ConsentRecord'], owns: OWN_ROLE }),
    }),
  ),
  ...ROLES.map((role) =>
    row(
      'view:initiative.setup',
      role,
      "A's id in private_metadata (the edit form)",
      (c) => submission(c.delivery, 'initiative.setup', editForm('Renamed by the form'), metadata({ initiativeId: c.world.initiative.id, needsConsent: false })),
      role === 'coordinator' ? allowed({ changes: ['Initiative'] }) : refused({ sees: [english('setup.notCoordinator')] }),
    ),
  ),
  row(
    'view:initiative.setup',
    'hrViewer',
    "A's id with C's user id and a coordinator role in private_metadata",
    (c) => submission(c.delivery, 'initiative.setup', editForm('Taken over'), metadata({ initiativeId: c.world.initiative.id, userId: USERS.coordinator, role: 'coordinator', needsConsent: false })),
    refused({ sees: [english('setup.notCoordinator')] }),
  ),
  row('view:initiative.setup', 'coordinator', "another initiative's id (B) in private_metadata", (c) => submission(c.delivery, 'initiative.setup', editForm('Taken over'), metadata({ initiativeId: c.world.otherInitiative.id, needsConsent: false })), refused({ sees: [english('setup.notCoordinator')] })),
  row('view:initiative.setup', 'otherCoordinator', "another workspace's initiative id in private_metadata", (c) => submission(c.delivery, 'initiative.setup', editForm('Taken over'), metadata({ initiativeId: c.world.foreignInitiative.id, needsConsent: false })), refused()),
  row(
    'view:initiative.setup',
    'admin',
    'needsConsent: false in private_metadata, consent box not ticked (a new initiative)',
    (c) => submission(c.delivery, 'initiative.setup', setupForm({ consent: false }), metadata({ initiativeId: null, needsConsent: false })),
    refused(),
  ),
  row(
    'view:initiative.setup',
    'coordinator',
    'needsConsent: false in private_metadata, consent box not ticked (a new initiative)',
    (c) => submission(c.delivery, 'initiative.setup', setupForm({ consent: false }), metadata({ initiativeId: null, needsConsent: false })),
    refused(),
  ),
  // The chooser hands the choice to the flow named in private_metadata; each flow checks the person.
  ...surface(
    'view:initiative.choose',
    (c) => submission(c.delivery, 'initiative.choose', { [CHOICE]: field.radio(c.world.initiative.id) }, metadata({ purpose: 'insights' })),
    byRole(refused({ sees: [INSIGHTS_REFUSED] }), {
      coordinator: allowed({ changes: ['InsightsAccess'], onlyTo: [] }),
      hrViewer: allowed({ changes: ['InsightsAccess'], onlyTo: [] }),
    }),
    { settle: 'views.update' },
  ),
  row('view:initiative.choose', 'hrViewer', "purpose insights, another initiative (B)", (c) => submission(c.delivery, 'initiative.choose', { [CHOICE]: field.radio(c.world.otherInitiative.id) }, metadata({ purpose: 'insights' })), refused({ sees: [INSIGHTS_REFUSED] }), { settle: 'views.update' }),
  ...(['anyone', 'hrViewer', 'otherCoordinator', 'removedMember'] as const).map((role) =>
    row('view:initiative.choose', role, "purpose setup, A chosen (its edit form)", (c) => submission(c.delivery, 'initiative.choose', { [CHOICE]: field.radio(c.world.initiative.id) }, metadata({ purpose: 'setup' })), refused({ sees: [english('setup.notCoordinator')], hides: [SETUP_FORM] })),
  ),
  row('view:initiative.choose', 'coordinator', 'purpose setup, A chosen (its edit form)', (c) => submission(c.delivery, 'initiative.choose', { [CHOICE]: field.radio(c.world.initiative.id) }, metadata({ purpose: 'setup' })), allowed({ sees: [SETUP_FORM, A] })),
  row('view:initiative.choose', 'anyone', 'purpose setup, a new initiative chosen', (c) => submission(c.delivery, 'initiative.choose', { [CHOICE]: field.radio(NEW_INITIATIVE) }, metadata({ purpose: 'setup' })), refused({ hides: [SETUP_FORM] })),
  row('view:initiative.choose', 'admin', 'purpose setup, a new initiative chosen', (c) => submission(c.delivery, 'initiative.choose', { [CHOICE]: field.radio(NEW_INITIATIVE) }, metadata({ purpose: 'setup' })), allowed({ sees: [SETUP_FORM] })),
  row('view:initiative.choose', 'anyone', 'purpose listen, A chosen', (c) => submission(c.delivery, 'initiative.choose', { [CHOICE]: field.radio(c.world.initiative.id) }, metadata({ purpose: 'listen' })), allowed({ sees: ['"callback_id":"listener.listen"'] })),
  row('view:initiative.choose', 'anyone', "purpose request, another workspace's initiative", (c) => submission(c.delivery, 'initiative.choose', { [CHOICE]: field.radio(c.world.foreignInitiative.id) }, metadata({ purpose: 'request' })), refused({ hides: [(w) => w.foreignInitiative.resources] })),
  row('view:initiative.choose', 'anyone', 'a purpose no flow has', (c) => submission(c.delivery, 'initiative.choose', { [CHOICE]: field.radio(c.world.initiative.id) }, metadata({ purpose: 'grant_role' })), refused()),

  // Anyone in the workspace may volunteer; the profile is theirs, whatever the form says.
  ...surface(
    'view:listener.listen',
    (c) => submission(c.delivery, 'listener.listen', listenForm(c.world, true), metadata({ initiativeId: c.world.initiative.id, needsConsent: true })),
    byRole(allowed({ changes: ['ListenerProfile', 'ConsentRecord'], owns: OWN_PROFILE }), {
      // L2's consent is to the current text: their profile is saved, no new consent is asked.
      otherSide: allowed({ changes: ['ListenerProfile'], owns: OWN_PROFILE }),
    }),
  ),
  row(
    'view:listener.listen',
    'listener',
    'needsConsent: false in private_metadata, consent box not ticked (L consented to an older text)',
    (c) => submission(c.delivery, 'listener.listen', listenForm(c.world, false), metadata({ initiativeId: c.world.initiative.id, needsConsent: false })),
    refused(),
  ),
  row(
    'view:listener.listen',
    'anyone',
    'needsConsent: false in private_metadata, consent box not ticked (no profile yet)',
    (c) => submission(c.delivery, 'listener.listen', listenForm(c.world, false), metadata({ initiativeId: c.world.initiative.id, needsConsent: false })),
    refused(),
  ),
  row(
    'view:listener.listen',
    'seeker',
    "another person's id (PL, waiting for approval) and status active in private_metadata",
    (c) => submission(c.delivery, 'listener.listen', listenForm(c.world, true), metadata({ initiativeId: c.world.initiative.id, userId: USERS.pendingListener, status: 'active', needsConsent: false })),
    allowed({ changes: ['ListenerProfile'], owns: OWN_PROFILE }),
  ),
  row(
    'view:listener.listen',
    'anyone',
    "a topic of another initiative (B) in A's form",
    (c) => submission(c.delivery, 'listener.listen', { ...listenForm(c.world, true), [ListenerIds.blocks.topics]: field.multiSelect([c.world.otherInitiative.topicId]) }, metadata({ initiativeId: c.world.initiative.id })),
    refused(),
  ),
  row(
    'view:listener.listen',
    'anyone',
    "another workspace's initiative id in private_metadata",
    (c) => submission(c.delivery, 'listener.listen', listenForm(c.world, true), metadata({ initiativeId: c.world.foreignInitiative.id, needsConsent: true })),
    refused(),
  ),

  // Pausing until a date: always the submitter's own profile, whatever the form carries.
  ...surface(
    'view:listener.pause_modal',
    (c) => submission(c.delivery, 'listener.pause_modal', pauseForm('2026-03-10'), metadata({ initiativeId: c.world.initiative.id })),
    // Their coordinators' Home tabs show the new status (issue 15), and nobody else hears of it.
    byRole(refused({ sees: [NOT_A_LISTENER] }), {
      listener: allowed({ changes: ['ListenerProfile'], owns: [{ table: 'ListenerProfile', column: 'userId' }], onlyTo: ['coordinator'] }),
      otherSide: allowed({ changes: ['ListenerProfile'], owns: [{ table: 'ListenerProfile', column: 'userId' }], onlyTo: ['coordinator'] }),
    }),
  ),
  row(
    'view:listener.pause_modal',
    'listener',
    'opened from their own offer (its id in private_metadata): the offer is declined and passes on',
    (c) => submission(c.delivery, 'listener.pause_modal', pauseForm(null), metadata({ initiativeId: c.world.initiative.id, offerId: c.world.offerId })),
    allowed({ changes: ['ListenerProfile', 'Offer', 'OutboxMessage'], owns: [{ table: 'ListenerProfile', column: 'userId' }] }),
  ),
  row(
    'view:listener.pause_modal',
    'anyone',
    "L's offer id and A in private_metadata: nobody's offer is declined",
    (c) => submission(c.delivery, 'listener.pause_modal', pauseForm(null), metadata({ initiativeId: c.world.initiative.id, offerId: c.world.offerId })),
    refused({ sees: [NOT_A_LISTENER] }),
  ),
  row(
    'view:listener.pause_modal',
    'listener',
    'a date that is today (not after it): a field error, nothing saved',
    (c) => submission(c.delivery, 'listener.pause_modal', pauseForm('2026-03-02'), metadata({ initiativeId: c.world.initiative.id })),
    refused({ sees: [english('listeners.pause.notAfterToday')] }),
  ),
  row(
    'view:listener.pause_modal',
    'listener',
    "another workspace's initiative id in private_metadata",
    (c) => submission(c.delivery, 'listener.pause_modal', pauseForm('2026-03-10'), metadata({ initiativeId: c.world.foreignInitiative.id })),
    refused({ sees: [NOT_A_LISTENER] }),
  ),
  row(
    'view:listener.pause_modal',
    'otherCoordinator',
    "their own initiative (B), where they are not a listener",
    (c) => submission(c.delivery, 'listener.pause_modal', pauseForm('2026-03-10'), metadata({ initiativeId: c.world.otherInitiative.id })),
    refused({ sees: [NOT_A_LISTENER] }),
  ),

  ...surface(
    'view:request.request',
    (c) => submission(c.delivery, 'request.request', requestForm(c.world.initiative.anxietyTopicId), metadata({ initiativeId: c.world.initiative.id })),
    byRole(allowed({ changes: ['SupportRequest', 'ConsentRecord'], owns: OWN_REQUEST }), {}),
  ),
  row(
    'view:request.request',
    'listener',
    "another person's id (S) in private_metadata, as if asking for them",
    (c) => submission(c.delivery, 'request.request', requestForm(c.world.initiative.anxietyTopicId), metadata({ initiativeId: c.world.initiative.id, seekerId: USERS.seeker, userId: USERS.seeker })),
    allowed({ changes: ['SupportRequest'], owns: OWN_REQUEST }),
  ),
  row('view:request.request', 'anyone', "a topic of another initiative (B) with A's private_metadata", (c) => submission(c.delivery, 'request.request', requestForm(c.world.otherInitiative.topicId), metadata({ initiativeId: c.world.initiative.id })), refused()),
  row('view:request.request', 'anyone', "another workspace's initiative id in private_metadata", (c) => submission(c.delivery, 'request.request', requestForm(c.world.initiative.anxietyTopicId), metadata({ initiativeId: c.world.foreignInitiative.id })), refused()),

  ...surface(
    'view:pairing.report_modal',
    (c) => submission(c.delivery, 'pairing.report_modal', reportForm(false), metadata({ pairingId: c.world.pairing.id })),
    byRole(refused(), {
      seeker: allowed({ changes: ['OutboxMessage'], reaches: ['coordinator'], onlyTo: ['coordinator'] }),
      listener: allowed({ changes: ['OutboxMessage'], reaches: ['coordinator'], onlyTo: ['coordinator'] }),
    }),
  ),
  row('view:pairing.report_modal', 'seeker', "another pairing's id (S2 and L2's) in private_metadata", (c) => submission(c.delivery, 'pairing.report_modal', reportForm(true), metadata({ pairingId: c.world.otherPairing.id })), refused()),
  // A coordinator's reply (issue 15): checked on the server, whatever the form carries. Only a coordinator
  // of the report's initiative reaches the reporter, and only them; anyone else is refused in the form.
  ...surface(
    'view:pairing.report_reply_modal',
    (c) => submission(c.delivery, 'pairing.report_reply_modal', replyForm('Thank you for telling us. We are looking into it.'), metadata({ reportId: c.world.reportId })),
    byRole(refused({ sees: [english('reports.coordinators.notCoordinator')], hides: [USERS.seeker] }), {
      seeker: refused({ sees: [english('reports.coordinators.notCoordinator')] }),
      coordinator: allowed({ changes: ['Report'], reaches: ['seeker'], onlyTo: ['seeker'], sees: [english('reports.coordinators.replySent', { pseudonym: 'Otter' })], hides: [USERS.seeker] }),
    }),
  ),
  row('view:pairing.report_reply_modal', 'coordinator', 'an empty reply', (c) => submission(c.delivery, 'pairing.report_reply_modal', replyForm('   '), metadata({ reportId: c.world.reportId })), refused({ sees: [english('reports.coordinators.replyEmpty')] })),
  row(
    'view:pairing.report_reply_modal',
    'coordinator',
    'a report id that no longer exists in private_metadata',
    (c) => submission(c.delivery, 'pairing.report_reply_modal', replyForm('Hello'), metadata({ reportId: '00000000-0000-4000-8000-000000000000' })),
    refused({ sees: [english('reports.coordinators.reporterGone')] }),
  ),
  row(
    'view:pairing.report_reply_modal',
    'otherCoordinator',
    "a report of another initiative's (A's) id, as B's coordinator",
    (c) => submission(c.delivery, 'pairing.report_reply_modal', replyForm('Hello'), metadata({ reportId: c.world.reportId })),
    refused({ sees: [english('reports.coordinators.notCoordinator')] }),
  ),
  row('view:pairing.report_modal', 'seeker', 'do not pair us again ticked', (c) => submission(c.delivery, 'pairing.report_modal', reportForm(true), metadata({ pairingId: c.world.pairing.id })), allowed({ changes: ['PairBlock', 'Pairing'], reaches: ['coordinator', 'listener'] })),

  // Erasure is of the person submitting, whatever the form carries.
  ...surface(
    'view:my_data.confirm_delete',
    (c) => submission(c.delivery, 'my_data.confirm_delete', {}),
    byRole(allowed({ sees: [english('myData.erased')] }), {
      seeker: allowed({ changes: ['SupportRequest', 'ConsentRecord', 'Pairing'], reaches: ['listener'] }),
      listener: allowed({ changes: ['ListenerProfile', 'ConsentRecord'], reaches: ['seeker'] }),
      otherSide: allowed({ changes: ['ListenerProfile', 'ConsentRecord'], reaches: ['otherSeeker'] }),
      coordinator: allowed({ changes: ['InitiativeMember', 'ConsentRecord'] }),
      hrViewer: allowed({ changes: ['InitiativeMember', 'ConsentRecord'] }),
      otherCoordinator: allowed({ changes: ['InitiativeMember', 'ConsentRecord'] }),
      removedMember: allowed({ changes: ['ConsentRecord'] }),
      invitee: allowed({ changes: ['Invitation'] }),
    }),
  ),
  row('view:my_data.confirm_delete', 'anyone', "another person's id (S) in private_metadata", (c) => submission(c.delivery, 'my_data.confirm_delete', {}, metadata({ userId: USERS.seeker })), refused()),
  // The insights modal has no submit button: a forged submission has no handler and changes nothing.
  ...surface('view:insights.view', (c) => submission(c.delivery, 'insights.view', {}, metadata({ initiativeId: c.world.initiative.id })), byRole(refused(), {})),
  // Modals with only a Close button (messages, loading, failure, help now, request sent, the access log): a forged
  // submission finds no handler.
  ...(['common.failed', 'common.loading', 'common.message', 'request.help_now_view', 'request.request_sent', 'insights.access_log_view', 'initiative.preview'] as const).flatMap((id) =>
    surface(`view:${id}`, (c) => submission(c.delivery, id, {}, metadata({ initiativeId: c.world.initiative.id, pairingId: c.world.pairing.id })), byRole(refused(), {})),
  ),
];

const HOME_STAFF = ['listener.approve', 'initiative.edit', 'insights.open'];
const events: Cell[] = [
  // Slack's own word that the app was removed (issue 16): signed by Slack, naming no person, the same
  // whoever's session it arrives in. It stops the workspace's work (Workspace.uninstalledAt, due rows
  // parked) and messages nobody. A tokens_revoked naming only user tokens (the app has none) changes nothing.
  ...surface('event:app_uninstalled', (c) => eventBody(c.delivery, { type: 'app_uninstalled', event_ts: '1772445600.000700' }), byRole(allowed({ changes: ['Workspace'], onlyTo: [] }), {})),
  ...surface(
    'event:tokens_revoked',
    (c) => eventBody(c.delivery, { type: 'tokens_revoked', tokens: { bot: ['U0BOT00001'] }, event_ts: '1772445600.000800' }),
    byRole(allowed({ changes: ['Workspace'], onlyTo: [] }), {}),
  ),
  row('event:tokens_revoked', 'anyone', 'user tokens only (oauth), no bot token', (c) => eventBody(c.delivery, { type: 'tokens_revoked', tokens: { oauth: [c.actor] }, event_ts: '1772445600.000900' }), refused()),
  // Everyone's own Home tab, published to them only, with what their role allows.
  ...surface(
    'event:app_home_opened',
    (c) => eventBody(c.delivery, { type: 'app_home_opened', user: c.actor, channel: dm(c.actor), tab: 'home' }),
    byRole(allowed({ onlyTo: [], sees: ['"type":"home"'], hides: [...HOME_STAFF, USERS.pendingListener] }), {
      seeker: allowed({ onlyTo: [], sees: [(w) => w.openRequestId], hides: [...HOME_STAFF, USERS.listener] }),
      listener: allowed({ onlyTo: [], sees: ['listener.pause'], hides: [...HOME_STAFF, USERS.seeker] }),
      otherSide: allowed({ onlyTo: [], sees: ['listener.resume'], hides: [...HOME_STAFF, USERS.otherSeeker] }),
      coordinator: allowed({ onlyTo: [], sees: [...HOME_STAFF, USERS.pendingListener], hides: [USERS.seeker, USERS.otherSeeker] }),
      hrViewer: allowed({ onlyTo: [], sees: ['insights.open', A], hides: [...COORDINATOR_ONLY, USERS.pendingListener] }),
      otherCoordinator: allowed({ onlyTo: [], sees: ['initiative.edit', (w) => w.otherInitiative.id], hides: [A, USERS.pendingListener] }),
    }),
  ),
  // A message written to the app in a DM goes to the writer's own counterpart, and nowhere else.
  ...surface(
    'event:message',
    (c) => dmMessage(c),
    byRole(refused({ sees: [english('safety.calmLine')] }), {
      seeker: allowed({ changes: ['RelayedMessage'], reaches: ['listener'], onlyTo: ['listener'] }),
      listener: allowed({ changes: ['RelayedMessage'], reaches: ['seeker'], onlyTo: ['seeker'] }),
      otherSide: allowed({ changes: ['RelayedMessage'], reaches: ['otherSeeker'], onlyTo: ['otherSeeker'] }),
    }),
  ),
  row('event:message', 'otherSide', "a reply in the thread ts of another pairing's introduction (P's)", (c) => dmMessage(c, { thread_ts: c.world.pairing.listenerThreadTs }), allowed({ reaches: ['otherSeeker'], onlyTo: ['otherSeeker'] })),
  row('event:message', 'seeker', 'a message in a channel, not a DM with the app', (c) => dmMessage(c, { channel_type: 'channel', channel: 'C0GENERAL1' }), refused()),
  row('event:message', 'seeker', "a reply in the thread ts of another pairing's introduction (P2's)", (c) => dmMessage(c, { thread_ts: c.world.otherPairing.seekerThreadTs }), allowed({ reaches: ['listener'], onlyTo: ['listener'] })),
  // Edits and deletions of a message S wrote (its relayed copy is in L's DM): only S's own are mirrored.
  ...surface(
    'event:message.message_changed',
    (c) =>
      eventBody(c.delivery, {
        type: 'message',
        subtype: 'message_changed',
        channel_type: 'im',
        channel: dm(c.actor),
        ts: '1772445600.000200',
        message: { type: 'message', user: c.actor, text: 'edited words', ts: c.world.seekerMessage.sourceTs },
        previous_message: { type: 'message', user: c.actor, ts: c.world.seekerMessage.sourceTs },
      }),
    byRole(refused(), { seeker: allowed({ reaches: ['listener'], onlyTo: ['listener'] }) }),
  ),
  ...surface(
    'event:message.message_deleted',
    (c) =>
      eventBody(c.delivery, {
        type: 'message',
        subtype: 'message_deleted',
        channel_type: 'im',
        channel: dm(c.actor),
        ts: '1772445600.000300',
        deleted_ts: c.world.seekerMessage.sourceTs,
        previous_message: { type: 'message', user: c.actor, ts: c.world.seekerMessage.sourceTs },
      }),
    byRole(refused(), { seeker: allowed({ reaches: ['listener'], onlyTo: ['listener'] }) }),
  ),
  // A reaction on the copy of L's message in S's DM is mirrored onto L's original; nobody else's is.
  ...(['reaction_added', 'reaction_removed'] as const).flatMap((type) =>
    surface(
      `event:${type}`,
      (c) => eventBody(c.delivery, { type, user: c.actor, reaction: 'heart', item: { type: 'message', channel: dm(USERS.seeker), ts: c.world.listenerMessage.mirrorTs }, item_user: 'U0BOT00001', event_ts: '1772445600.000400' }),
      byRole(refused(), { seeker: allowed({ reaches: ['listener'], onlyTo: ['listener'] }) }),
    ),
  ),
  row(
    'event:reaction_added',
    'listener',
    "the ts of the copy of S's message, in L's own DM",
    (c) => eventBody(c.delivery, { type: 'reaction_added', user: c.actor, reaction: 'heart', item: { type: 'message', channel: dm(USERS.listener), ts: c.world.seekerMessage.mirrorTs }, event_ts: '1772445600.000500' }),
    allowed({ reaches: ['seeker'], onlyTo: ['seeker'] }),
  ),
  row(
    'event:reaction_added',
    'otherSide',
    "the ts of the copy of S's message (in L's DM)",
    (c) => eventBody(c.delivery, { type: 'reaction_added', user: c.actor, reaction: 'heart', item: { type: 'message', channel: dm(USERS.listener), ts: c.world.seekerMessage.mirrorTs }, event_ts: '1772445600.000600' }),
    refused(),
  ),
];


// ---- Circles (issue 20) -------------------------------------------------------------------------------
// The world's circle K in A: C created it, L facilitates it (Kestrel), S is its member (Lark). A closed
// circle of A, and a circle of the other workspace in which S is a member (Finch) and its coordinator
// (Osprey) and L (Plover) facilitate: ids from there are worth nothing here, even to someone who is in it
// there (as the other workspace's invitation is to I).

const K = (w: World) => w.circle.id;
const CIRCLE_LIST = '"callback_id":"circle.list"';
const CIRCLE_CREATE_FORM = '"callback_id":"circle.create_modal"';
const CIRCLE_MANAGE_FORM = '"callback_id":"circle.manage_modal"';
const CIRCLE_REPORT_FORM = '"callback_id":"circle.report_modal"';
const CIRCLE_CREATE_BUTTON = '"action_id":"circle.create"';
const CIRCLE_MANAGE_BUTTON = '"action_id":"circle.manage"';
const CIRCLE_LEAVE_BUTTON = '"action_id":"circle.leave"';
const CIRCLE_CLOSE_BUTTON = '"action_id":"circle.close"';
const facilitatorChoice = (initiativeId: string) => `${FACILITATORS_BLOCK}${initiativeId}`;
const CIRCLE_NOT_ALLOWED = english('circles.notAllowed');
const CIRCLE_NOT_MEMBER = english('circles.notMember');
const CIRCLE_NOT_FOUND = english('circles.notFound');
const NOT_A_LISTENER_OF_IT = english('circles.notAListener');
const CIRCLE_REPORT_NOT_MEMBER = english('circles.report.notMember');
const PAUSE_NOT_ALLOWED = english('circles.safety.pauseNotAllowed');
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
/** Neither a closed circle nor another workspace's is listed to anyone. */
const UNLISTED: Text[] = [(w) => w.closedCircleId, (w) => w.foreignCircle.id, 'Finch', 'Osprey', 'Plover'];
/** A message's words up to its first `name` argument (a pseudonym the app picks, a date). */
const upTo = (key: MessageKey, name: string, values: Record<string, string> = {}) => english(key, { ...values, [name]: '\u0001' }).split('\u0001')[0]!;
const pauseTarget = (circleId: string, pseudonym: string) => JSON.stringify({ circleId, pseudonym });
const OWN_MEMBERSHIP = [
  { table: 'CircleMember', column: 'userId' },
  { table: 'ConsentRecord', column: 'userId' },
  { table: 'CheckIn', column: 'recipientId' },
];
const OWN_CIRCLE = [
  { table: 'Circle', column: 'createdBy' },
  { table: 'CircleMember', column: 'userId' },
  { table: 'CheckIn', column: 'recipientId' },
];

/** The create form as its creator fills it in: facilitators are the people named in it (the creator, by default). */
function circleForm(w: World, facilitators: string[], topicId: string = w.initiative.anxietyTopicId): FormState {
  const B = CircleIds.blocks;
  return {
    [B.topic]: field.select(topicId),
    [B.description]: field.text('Colleagues caring for a parent.'),
    [B.capacity]: field.number('6'),
    [B.cadence]: field.radio('fortnightly'),
    [B.weekday]: field.select('4'),
    [B.time]: field.time('18:00'),
    [B.facilitators]: field.users(facilitators),
    [B.prompt]: field.text('What is on your mind this week?'),
    [B.guidelines]: field.text('Listen kindly; what is said here stays here.'),
  };
}
const createMetadata = (initiativeId: string) => JSON.stringify({ initiativeId, timezone: 'Europe/London', language: 'en' });
const circleReportForm = (about: string | null): FormState => ({
  [CircleRelayIds.blocks.reason]: field.radio('safety'),
  [CircleRelayIds.blocks.about]: field.select(about),
});
const circleReportMetadata = (circleId: string) => JSON.stringify({ circleId, language: 'en' });

/** What the list shows: anyone sees K to join, and only their own role's controls. */
const listOutcomes = byRole(
  allowed({ sees: [CIRCLE_LIST, K], hides: [CIRCLE_CREATE_BUTTON, CIRCLE_MANAGE_BUTTON, CIRCLE_LEAVE_BUTTON, FACILITATORS_BLOCK, USERS.seeker, USERS.listener, ...UNLISTED], onlyTo: [] }),
  {
    // Their own circle, under their own pseudonym, to leave; never who facilitates it.
    seeker: allowed({ sees: [CIRCLE_LIST, 'Lark', CIRCLE_LEAVE_BUTTON], hides: [CIRCLE_CREATE_BUTTON, CIRCLE_MANAGE_BUTTON, FACILITATORS_BLOCK, USERS.listener, 'Kestrel', ...UNLISTED], onlyTo: [] }),
    // An approved facilitator: their circle to manage, and circles to create in A; no facilitator choices.
    listener: allowed({ sees: [CIRCLE_LIST, 'Kestrel', CIRCLE_MANAGE_BUTTON, CIRCLE_CREATE_BUTTON], hides: [FACILITATORS_BLOCK, USERS.seeker, 'Lark', ...UNLISTED], onlyTo: [] }),
    coordinator: allowed({
      sees: [CIRCLE_LIST, K, CIRCLE_CREATE_BUTTON, (w) => facilitatorChoice(w.initiative.id), `<@${USERS.listener}>`],
      hides: [USERS.seeker, 'Lark', (w) => facilitatorChoice(w.otherInitiative.id), ...UNLISTED],
      onlyTo: [],
    }),
    otherCoordinator: allowed({
      sees: [CIRCLE_LIST, K, CIRCLE_CREATE_BUTTON, (w) => facilitatorChoice(w.otherInitiative.id)],
      hides: [(w) => facilitatorChoice(w.initiative.id), USERS.seeker, USERS.listener, ...UNLISTED],
      onlyTo: [],
    }),
  },
);

/** Joining: one click for anyone in the workspace; the membership, consent and first session are theirs alone, and nobody is told. */
const joined = (hides: Text[]) =>
  allowed({ changes: ['CircleMember', 'ConsentRecord', 'Circle', 'CheckIn', 'AnonymousCount'], owns: OWN_MEMBERSHIP, sees: [upTo('circles.joined', 'pseudonym')], hides, onlyTo: [] });

const circleCommands: Cell[] = [...surface('command:circles', (c) => command(c.delivery, 'circles'), listOutcomes)];

const circleActions: Cell[] = [
  ...surface('action:circle.open_list', (c) => buttonInHome(c.delivery, 'circle.open_list', undefined), listOutcomes),

  ...surface(
    'action:circle.join',
    (c) => buttonInModal(c.delivery, 'circle.join', c.world.circle.id),
    byRole(joined([USERS.seeker, USERS.listener]), {
      // Their Home (published to them) names the initiative's listeners; never the circle's member.
      coordinator: joined([USERS.seeker]),
      seeker: refused({ sees: [english('circles.alreadyMember', { pseudonym: 'Lark' })] }),
      listener: refused({ sees: [english('circles.alreadyMember', { pseudonym: 'Kestrel' })] }),
    }),
  ),
  row('action:circle.join', 'anyone', 'a closed circle of A', (c) => buttonInModal(c.delivery, 'circle.join', c.world.closedCircleId), refused({ sees: [english('circles.closed')] })),
  row('action:circle.join', 'anyone', "another workspace's circle id", (c) => buttonInModal(c.delivery, 'circle.join', c.world.foreignCircle.id), refused({ sees: [CIRCLE_NOT_FOUND], hides: ['Osprey', 'Finch'] })),
  row('action:circle.join', 'seeker', "another workspace's circle they are a member of there", (c) => buttonInModal(c.delivery, 'circle.join', c.world.foreignCircle.id), refused({ sees: [CIRCLE_NOT_FOUND], hides: ['Finch'] })),
  row('action:circle.join', 'anyone', 'a circle id that does not exist', (c) => buttonInModal(c.delivery, 'circle.join', MISSING_ID), refused({ sees: [CIRCLE_NOT_FOUND] })),

  // Leaving: one click, at once, for someone in the circle; the others are told the pseudonym only.
  ...surface(
    'action:circle.leave',
    (c) => buttonInMessage(c.delivery, 'circle.leave', c.world.circle.id),
    byRole(refused({ sees: [CIRCLE_NOT_MEMBER] }), {
      seeker: allowed({
        changes: ['CircleMember', 'ConsentRecord', 'Circle', 'CheckIn'],
        owns: [{ table: 'ConsentRecord', column: 'userId' }],
        sees: [english('circles.left')],
        hides: [USERS.listener],
        reaches: ['listener'],
        onlyTo: ['listener'],
      }),
      listener: allowed({ changes: ['CircleMember', 'CheckIn'], sees: [english('circles.left')], hides: [USERS.seeker], reaches: ['seeker'], onlyTo: ['seeker'] }),
    }),
  ),
  row('action:circle.leave', 'seeker', "another workspace's circle they are a member of there", (c) => buttonInMessage(c.delivery, 'circle.leave', c.world.foreignCircle.id), refused({ sees: [CIRCLE_NOT_MEMBER] })),
  row('action:circle.leave', 'listener', "another workspace's circle they facilitate there", (c) => buttonInMessage(c.delivery, 'circle.leave', c.world.foreignCircle.id), refused({ sees: [CIRCLE_NOT_MEMBER] })),
  row('action:circle.leave', 'coordinator', 'the circle they created and coordinate, without being in it', (c) => buttonInMessage(c.delivery, 'circle.leave', c.world.circle.id), refused({ sees: [CIRCLE_NOT_MEMBER] })),
  row('action:circle.leave', 'seeker', 'a circle id that does not exist', (c) => buttonInMessage(c.delivery, 'circle.leave', MISSING_ID), refused({ sees: [CIRCLE_NOT_MEMBER] })),

  // Creating: coordinators of the initiative, and its listeners approved as facilitators (L).
  ...surface(
    'action:circle.create',
    (c) => buttonInModal(c.delivery, 'circle.create', c.world.initiative.id),
    byRole(refused({ sees: [CIRCLE_NOT_ALLOWED], hides: [CIRCLE_CREATE_FORM] }), {
      coordinator: allowed({ sees: [CIRCLE_CREATE_FORM, (w) => w.initiative.anxietyTopicId], onlyTo: [] }),
      listener: allowed({ sees: [CIRCLE_CREATE_FORM, (w) => w.initiative.anxietyTopicId], onlyTo: [] }),
    }),
  ),
  row('action:circle.create', 'otherCoordinator', 'their own initiative (B)', (c) => buttonInModal(c.delivery, 'circle.create', c.world.otherInitiative.id), allowed({ sees: [CIRCLE_CREATE_FORM, (w) => w.otherInitiative.topicId], hides: [(w) => w.initiative.anxietyTopicId], onlyTo: [] })),
  row('action:circle.create', 'coordinator', "another initiative's id (B)", (c) => buttonInModal(c.delivery, 'circle.create', c.world.otherInitiative.id), refused({ sees: [CIRCLE_NOT_ALLOWED], hides: [CIRCLE_CREATE_FORM] })),
  row('action:circle.create', 'listener', "another initiative's id (B), where L is no listener", (c) => buttonInModal(c.delivery, 'circle.create', c.world.otherInitiative.id), refused({ sees: [CIRCLE_NOT_ALLOWED], hides: [CIRCLE_CREATE_FORM] })),
  row('action:circle.create', 'coordinator', "another workspace's initiative id", (c) => buttonInModal(c.delivery, 'circle.create', c.world.foreignInitiative.id), refused({ sees: [CIRCLE_NOT_ALLOWED], hides: [CIRCLE_CREATE_FORM] })),

  // Managing K: its facilitator (L) and A's coordinators; only coordinators may close it. Members by pseudonym only.
  ...surface(
    'action:circle.manage',
    (c) => buttonInModal(c.delivery, 'circle.manage', c.world.circle.id),
    byRole(refused({ sees: [CIRCLE_NOT_ALLOWED], hides: [CIRCLE_MANAGE_FORM, 'Lark'] }), {
      listener: allowed({ sees: [CIRCLE_MANAGE_FORM, 'Lark'], hides: [CIRCLE_CLOSE_BUTTON, USERS.seeker], onlyTo: [] }),
      coordinator: allowed({ sees: [CIRCLE_MANAGE_FORM, 'Lark', CIRCLE_CLOSE_BUTTON], hides: [USERS.seeker, USERS.listener], onlyTo: [] }),
    }),
  ),
  row('action:circle.manage', 'coordinator', "another workspace's circle id", (c) => buttonInModal(c.delivery, 'circle.manage', c.world.foreignCircle.id), refused({ sees: [CIRCLE_NOT_FOUND], hides: [CIRCLE_MANAGE_FORM, 'Finch'] })),
  row('action:circle.manage', 'listener', "another workspace's circle they facilitate there", (c) => buttonInModal(c.delivery, 'circle.manage', c.world.foreignCircle.id), refused({ hides: [CIRCLE_MANAGE_FORM, 'Finch'] })),
  row('action:circle.manage', 'listener', 'a circle id that does not exist', (c) => buttonInModal(c.delivery, 'circle.manage', MISSING_ID), refused({ hides: [CIRCLE_MANAGE_FORM] })),

  // Pausing a member until the next session: K's facilitator or A's coordinators; the member is told in their thread.
  ...surface(
    'action:circle.pause_member',
    (c) => buttonInModal(c.delivery, 'circle.pause_member', pauseTarget(c.world.circle.id, 'Lark')),
    byRole(refused({ sees: [CIRCLE_NOT_ALLOWED] }), {
      listener: allowed({ changes: ['CircleMember'], sees: [CIRCLE_MANAGE_FORM], hides: [USERS.seeker], reaches: ['seeker'], onlyTo: ['seeker'] }),
      coordinator: allowed({ changes: ['CircleMember'], sees: [CIRCLE_MANAGE_FORM], hides: [USERS.seeker], reaches: ['seeker'], onlyTo: ['seeker'] }),
    }),
  ),
  row('action:circle.pause_member', 'listener', "K's facilitator (Kestrel) instead of a member", (c) => buttonInModal(c.delivery, 'circle.pause_member', pauseTarget(c.world.circle.id, 'Kestrel')), refused({ sees: [CIRCLE_NOT_ALLOWED] })),
  row('action:circle.pause_member', 'coordinator', 'a pseudonym nobody in K has', (c) => buttonInModal(c.delivery, 'circle.pause_member', pauseTarget(c.world.circle.id, 'Nobody')), refused({ sees: [CIRCLE_NOT_MEMBER] })),
  row('action:circle.pause_member', 'coordinator', "another workspace's circle and its member (Finch)", (c) => buttonInModal(c.delivery, 'circle.pause_member', pauseTarget(c.world.foreignCircle.id, 'Finch')), refused({ sees: [CIRCLE_NOT_MEMBER] })),
  row(
    'action:circle.pause_member',
    'listener',
    "another workspace's circle they facilitate there, and its member (Finch)",
    (c) => buttonInModal(c.delivery, 'circle.pause_member', pauseTarget(c.world.foreignCircle.id, 'Finch')),
    refused({ hides: [CIRCLE_MANAGE_FORM, 'Finch'] }),
  ),
  row('action:circle.pause_member', 'otherCoordinator', "a circle of A (K) and its member, as B's coordinator", (c) => buttonInModal(c.delivery, 'circle.pause_member', pauseTarget(c.world.circle.id, 'Lark')), refused({ sees: [CIRCLE_NOT_ALLOWED] })),

  // Closing: coordinators of the circle's initiative only; everyone in it is told in their thread.
  ...surface(
    'action:circle.close',
    (c) => buttonInModal(c.delivery, 'circle.close', c.world.circle.id),
    byRole(refused({ sees: [CIRCLE_NOT_ALLOWED] }), {
      coordinator: allowed({ changes: ['Circle', 'CheckIn'], sees: [english('circles.closedByYou')], reaches: ['seeker', 'listener'], onlyTo: ['seeker', 'listener'] }),
    }),
  ),
  row('action:circle.close', 'coordinator', 'a circle of A already closed', (c) => buttonInModal(c.delivery, 'circle.close', c.world.closedCircleId), refused({ sees: [english('circles.alreadyClosed')] })),
  row('action:circle.close', 'coordinator', "another workspace's circle id", (c) => buttonInModal(c.delivery, 'circle.close', c.world.foreignCircle.id), refused({ sees: [CIRCLE_NOT_ALLOWED] })),
  row('action:circle.close', 'coordinator', 'a circle id that does not exist', (c) => buttonInModal(c.delivery, 'circle.close', MISSING_ID), refused({ sees: [CIRCLE_NOT_ALLOWED] })),

  // Sharing one's name with the circle: only one's own, and only in a circle one is in (here).
  ...surface(
    'action:circle.reveal',
    (c) => buttonInMessage(c.delivery, 'circle.reveal', c.world.circle.id),
    byRole(refused({ sees: [CIRCLE_NOT_MEMBER] }), {
      seeker: allowed({ changes: ['CircleMember'], sees: [english('circles.revealed', { pseudonym: 'Lark', user: `<@${USERS.seeker}>` })], hides: [USERS.listener], reaches: ['listener'], onlyTo: ['listener'] }),
      listener: allowed({ changes: ['CircleMember'], sees: [english('circles.revealed', { pseudonym: 'Kestrel', user: `<@${USERS.listener}>` })], hides: [USERS.seeker], reaches: ['seeker'], onlyTo: ['seeker'] }),
    }),
  ),
  row('action:circle.reveal', 'seeker', "another workspace's circle they are a member of there", (c) => buttonInMessage(c.delivery, 'circle.reveal', c.world.foreignCircle.id), refused({ sees: [CIRCLE_NOT_MEMBER], hides: [USERS.outsider] })),
  row('action:circle.reveal', 'seeker', 'a closed circle of A', (c) => buttonInMessage(c.delivery, 'circle.reveal', c.world.closedCircleId), refused({ sees: [CIRCLE_NOT_MEMBER] })),

  // Approving (or withdrawing) a listener as facilitator: a coordinator of the initiative named by the
  // block, for an active listener of it; whatever the block and the pick say.
  ...surface(
    'action:circle.approve_facilitator',
    (c) => usersSelectInModal(c.delivery, 'circle.approve_facilitator', facilitatorChoice(c.world.initiative.id), USERS.newListener),
    byRole(refused({ sees: [CIRCLE_NOT_ALLOWED] }), {
      coordinator: allowed({ changes: ['ListenerProfile'], sees: [english('circles.facilitatorApproved'), CIRCLE_LIST], reaches: ['newListener'], onlyTo: ['newListener'] }),
    }),
  ),
  row('action:circle.approve_facilitator', 'coordinator', 'a colleague who is no listener (anyone)', (c) => usersSelectInModal(c.delivery, 'circle.approve_facilitator', facilitatorChoice(c.world.initiative.id), USERS.anyone), refused({ sees: [NOT_A_LISTENER_OF_IT] })),
  row('action:circle.approve_facilitator', 'coordinator', "a listener of A who is paused (L2)", (c) => usersSelectInModal(c.delivery, 'circle.approve_facilitator', facilitatorChoice(c.world.initiative.id), USERS.otherSide), refused({ sees: [NOT_A_LISTENER_OF_IT] })),
  row('action:circle.approve_facilitator', 'coordinator', "the block of another initiative (B), a listener of A picked", (c) => usersSelectInModal(c.delivery, 'circle.approve_facilitator', facilitatorChoice(c.world.otherInitiative.id), USERS.newListener), refused({ sees: [CIRCLE_NOT_ALLOWED] })),
  row('action:circle.approve_facilitator', 'otherCoordinator', "their own initiative's block (B), a listener of another initiative (A's NL) picked", (c) => usersSelectInModal(c.delivery, 'circle.approve_facilitator', facilitatorChoice(c.world.otherInitiative.id), USERS.newListener), refused({ sees: [NOT_A_LISTENER_OF_IT] })),
  row('action:circle.approve_facilitator', 'coordinator', "the block of another workspace's initiative", (c) => usersSelectInModal(c.delivery, 'circle.approve_facilitator', facilitatorChoice(c.world.foreignInitiative.id), USERS.newListener), refused({ sees: [CIRCLE_NOT_ALLOWED] })),
  ...surface(
    'action:circle.revoke_facilitator',
    (c) => usersSelectInModal(c.delivery, 'circle.revoke_facilitator', facilitatorChoice(c.world.initiative.id), USERS.listener),
    byRole(refused({ sees: [CIRCLE_NOT_ALLOWED] }), {
      coordinator: allowed({ changes: ['ListenerProfile'], sees: [english('circles.facilitatorRevoked'), CIRCLE_LIST], reaches: ['listener'], onlyTo: ['listener'] }),
    }),
  ),
  row('action:circle.revoke_facilitator', 'otherCoordinator', "their own initiative's block (B), a listener of another initiative (L) picked", (c) => usersSelectInModal(c.delivery, 'circle.revoke_facilitator', facilitatorChoice(c.world.otherInitiative.id), USERS.listener), refused({ sees: [NOT_A_LISTENER_OF_IT] })),
  row('action:circle.revoke_facilitator', 'coordinator', "the block of another initiative (B), a listener of A picked", (c) => usersSelectInModal(c.delivery, 'circle.revoke_facilitator', facilitatorChoice(c.world.otherInitiative.id), USERS.listener), refused({ sees: [CIRCLE_NOT_ALLOWED] })),

  // "Report a concern" in a circle: the form, for someone in it, offers the others by pseudonym only.
  ...surface(
    'action:circle.report',
    (c) => buttonInMessage(c.delivery, 'circle.report', c.world.circle.id),
    byRole(refused({ sees: [CIRCLE_REPORT_NOT_MEMBER], hides: [CIRCLE_REPORT_FORM, 'Lark', 'Kestrel'] }), {
      seeker: allowed({ sees: [CIRCLE_REPORT_FORM, 'Kestrel'], hides: [USERS.listener], onlyTo: [] }),
      listener: allowed({ sees: [CIRCLE_REPORT_FORM, 'Lark'], hides: [USERS.seeker], onlyTo: [] }),
    }),
  ),
  row('action:circle.report', 'seeker', "another workspace's circle they are a member of there", (c) => buttonInMessage(c.delivery, 'circle.report', c.world.foreignCircle.id), refused({ sees: [CIRCLE_REPORT_NOT_MEMBER], hides: [CIRCLE_REPORT_FORM, 'Osprey'] })),

  // The pause button of a facilitator's crisis note: K's facilitator or A's coordinators, whatever the value names.
  ...surface(
    'action:circle.crisis_pause',
    (c) => buttonInMessage(c.delivery, 'circle.crisis_pause', pauseTarget(c.world.circle.id, 'Lark')),
    byRole(refused({ sees: [PAUSE_NOT_ALLOWED] }), {
      listener: allowed({ changes: ['CircleMember'], sees: [upTo('circles.safety.pausedDone', 'until', { member: 'Lark' })], hides: [USERS.seeker], onlyTo: [] }),
      coordinator: allowed({ changes: ['CircleMember'], sees: [upTo('circles.safety.pausedDone', 'until', { member: 'Lark' })], hides: [USERS.seeker], onlyTo: [] }),
    }),
  ),
  row('action:circle.crisis_pause', 'listener', "K's facilitator (Kestrel) instead of a member", (c) => buttonInMessage(c.delivery, 'circle.crisis_pause', pauseTarget(c.world.circle.id, 'Kestrel')), refused({ sees: [PAUSE_NOT_ALLOWED] })),
  row('action:circle.crisis_pause', 'coordinator', "another workspace's circle and its member (Finch)", (c) => buttonInMessage(c.delivery, 'circle.crisis_pause', pauseTarget(c.world.foreignCircle.id, 'Finch')), refused({ sees: [english('circles.safety.pauseNotFound')] })),
  row('action:circle.crisis_pause', 'listener', "another workspace's circle they facilitate there, and its member (Finch)", (c) => buttonInMessage(c.delivery, 'circle.crisis_pause', pauseTarget(c.world.foreignCircle.id, 'Finch')), refused({ hides: ['Finch'] })),
  row('action:circle.crisis_pause', 'coordinator', 'a closed circle of A', (c) => buttonInMessage(c.delivery, 'circle.crisis_pause', pauseTarget(c.world.closedCircleId, 'Lark')), refused({ sees: [english('circles.safety.pauseNotFound')] })),
];

const circleViews: Cell[] = [
  // A new circle in A: its coordinators, and L (approved as facilitator), who must then facilitate it.
  ...surface(
    'view:circle.create_modal',
    (c) => submission(c.delivery, 'circle.create_modal', circleForm(c.world, [c.actor]), createMetadata(c.world.initiative.id)),
    byRole(refused({ sees: [CIRCLE_NOT_ALLOWED] }), {
      coordinator: allowed({ changes: ['Circle', 'CircleMember', 'CheckIn', 'AnonymousCount'], owns: OWN_CIRCLE, sees: [english('circles.created', { topic: 'Anxiety' })], onlyTo: [] }),
      listener: allowed({ changes: ['Circle', 'CircleMember', 'CheckIn', 'AnonymousCount'], owns: OWN_CIRCLE, sees: [english('circles.created', { topic: 'Anxiety' })], onlyTo: [] }),
    }),
  ),
  row(
    'view:circle.create_modal',
    'coordinator',
    'L (an active listener of A) named as its facilitator: L gets the welcome',
    (c) => submission(c.delivery, 'circle.create_modal', circleForm(c.world, [USERS.listener]), createMetadata(c.world.initiative.id)),
    allowed({ changes: ['Circle', 'CircleMember', 'CheckIn', 'AnonymousCount'], reaches: ['listener'], onlyTo: ['listener'] }),
  ),
  row(
    'view:circle.create_modal',
    'coordinator',
    'a colleague who is neither coordinator nor listener of A named as facilitator',
    (c) => submission(c.delivery, 'circle.create_modal', circleForm(c.world, [USERS.anyone]), createMetadata(c.world.initiative.id)),
    refused({ sees: [english('circles.error.facilitators')] }),
  ),
  row(
    'view:circle.create_modal',
    'listener',
    'an approved facilitator naming only someone else (C) as facilitator',
    (c) => submission(c.delivery, 'circle.create_modal', circleForm(c.world, [USERS.coordinator]), createMetadata(c.world.initiative.id)),
    refused({ sees: [english('circles.error.facilitators')] }),
  ),
  row(
    'view:circle.create_modal',
    'coordinator',
    "a topic of another initiative (B) in A's form",
    (c) => submission(c.delivery, 'circle.create_modal', circleForm(c.world, [c.actor], c.world.otherInitiative.topicId), createMetadata(c.world.initiative.id)),
    refused({ sees: [english('circles.error.topic')] }),
  ),
  row(
    'view:circle.create_modal',
    'coordinator',
    "another initiative's id (B) in private_metadata",
    (c) => submission(c.delivery, 'circle.create_modal', circleForm(c.world, [c.actor], c.world.otherInitiative.topicId), createMetadata(c.world.otherInitiative.id)),
    refused({ sees: [CIRCLE_NOT_ALLOWED] }),
  ),
  row(
    'view:circle.create_modal',
    'coordinator',
    "another workspace's initiative id in private_metadata",
    (c) => submission(c.delivery, 'circle.create_modal', circleForm(c.world, [c.actor], NO_TOPIC), createMetadata(c.world.foreignInitiative.id)),
    refused({ sees: [CIRCLE_NOT_ALLOWED] }),
  ),
  row(
    'view:circle.create_modal',
    'otherSide',
    'a listener of A not approved as facilitator (L2, paused)',
    (c) => submission(c.delivery, 'circle.create_modal', circleForm(c.world, [c.actor]), createMetadata(c.world.initiative.id)),
    refused({ sees: [CIRCLE_NOT_ALLOWED] }),
  ),

  // A concern raised in K: by someone in it, to A's coordinators only, naming pseudonyms only.
  ...surface(
    'view:circle.report_modal',
    (c) => submission(c.delivery, 'circle.report_modal', circleReportForm('Kestrel'), circleReportMetadata(c.world.circle.id)),
    byRole(refused({ sees: [CIRCLE_REPORT_NOT_MEMBER] }), {
      seeker: allowed({
        changes: ['Report', 'OutboxMessage'],
        owns: [{ table: 'Report', column: 'reporterId' }],
        sees: [english('circles.report.sent', { pseudonym: 'Lark' })],
        hides: [USERS.listener],
        reaches: ['coordinator'],
        onlyTo: ['coordinator'],
      }),
      listener: allowed({
        changes: ['Report', 'OutboxMessage'],
        owns: [{ table: 'Report', column: 'reporterId' }],
        sees: [english('circles.report.sent', { pseudonym: 'Kestrel' })],
        hides: [USERS.seeker],
        reaches: ['coordinator'],
        onlyTo: ['coordinator'],
      }),
    }),
  ),
  row(
    'view:circle.report_modal',
    'seeker',
    "another workspace's circle they are a member of there, in private_metadata",
    (c) => submission(c.delivery, 'circle.report_modal', circleReportForm('Osprey'), circleReportMetadata(c.world.foreignCircle.id)),
    refused({ sees: [CIRCLE_REPORT_NOT_MEMBER] }),
  ),
  row('view:circle.report_modal', 'seeker', 'a circle id that does not exist', (c) => submission(c.delivery, 'circle.report_modal', circleReportForm(null), circleReportMetadata(MISSING_ID)), refused({ sees: [CIRCLE_REPORT_NOT_MEMBER] })),

  // The list and the manage modal have only a Close button: a forged submission finds no handler.
  ...(['circle.list', 'circle.manage_modal'] as const).flatMap((id) =>
    surface(`view:${id}`, (c) => submission(c.delivery, id, {}, JSON.stringify({ language: 'en', circleId: c.world.circle.id })), byRole(refused(), {})),
  ),
];

function circleCopyEvents(): Cell[] {
  return [
    row(
      'event:message.message_changed',
      'seeker',
      "an edit of their message in circle K: its copy in L's thread is updated",
      (c) =>
        eventBody(c.delivery, {
          type: 'message',
          subtype: 'message_changed',
          channel_type: 'im',
          channel: dm(c.actor),
          ts: '1772445600.000210',
          message: { type: 'message', user: c.actor, text: 'edited words', ts: c.world.circle.seekerMessage.sourceTs, thread_ts: c.world.circle.seekerThreadTs },
          previous_message: { type: 'message', user: c.actor, ts: c.world.circle.seekerMessage.sourceTs, thread_ts: c.world.circle.seekerThreadTs },
        }),
      allowed({ reaches: ['listener'], onlyTo: ['listener'] }),
    ),
    row(
      'event:message.message_changed',
      'listener',
      "the ts of S's message in circle K, in L's own welcome thread",
      (c) =>
        eventBody(c.delivery, {
          type: 'message',
          subtype: 'message_changed',
          channel_type: 'im',
          channel: dm(c.actor),
          ts: '1772445600.000220',
          message: { type: 'message', user: c.actor, text: 'edited words', ts: c.world.circle.seekerMessage.sourceTs, thread_ts: c.world.circle.listenerThreadTs },
          previous_message: { type: 'message', user: c.actor, ts: c.world.circle.seekerMessage.sourceTs, thread_ts: c.world.circle.listenerThreadTs },
        }),
      refused(),
    ),
    row(
      'event:message.message_deleted',
      'seeker',
      "a deletion of their message in circle K: its copy in L's thread goes",
      (c) =>
        eventBody(c.delivery, {
          type: 'message',
          subtype: 'message_deleted',
          channel_type: 'im',
          channel: dm(c.actor),
          ts: '1772445600.000310',
          deleted_ts: c.world.circle.seekerMessage.sourceTs,
          previous_message: { type: 'message', user: c.actor, ts: c.world.circle.seekerMessage.sourceTs, thread_ts: c.world.circle.seekerThreadTs },
        }),
      allowed({ changes: ['CircleRelayed'], reaches: ['listener'], onlyTo: ['listener'] }),
    ),
    row(
      'event:message.message_deleted',
      'listener',
      "the ts of S's message in circle K, in L's own welcome thread",
      (c) =>
        eventBody(c.delivery, {
          type: 'message',
          subtype: 'message_deleted',
          channel_type: 'im',
          channel: dm(c.actor),
          ts: '1772445600.000320',
          deleted_ts: c.world.circle.seekerMessage.sourceTs,
          previous_message: { type: 'message', user: c.actor, ts: c.world.circle.seekerMessage.sourceTs, thread_ts: c.world.circle.listenerThreadTs },
        }),
      refused(),
    ),
  ];
}

/** A DM to the app about circle K: in the writer's own welcome thread, or a forged one. */
const circleEvents: Cell[] = [
  row('event:message', 'seeker', "a reply in their welcome thread of circle K", (c) => dmMessage(c, { thread_ts: c.world.circle.seekerThreadTs }), allowed({ changes: ['CircleRelayed'], reaches: ['listener'], onlyTo: ['listener'] })),
  row('event:message', 'listener', "a reply in their welcome thread of circle K (as its facilitator)", (c) => dmMessage(c, { thread_ts: c.world.circle.listenerThreadTs }), allowed({ changes: ['CircleRelayed'], reaches: ['seeker'], onlyTo: ['seeker'] })),
  row('event:message', 'anyone', "a reply in the thread ts of S's welcome to circle K", (c) => dmMessage(c, { thread_ts: c.world.circle.seekerThreadTs }), refused()),
  row('event:message', 'coordinator', "a reply in the thread ts of L's welcome to circle K (they coordinate A)", (c) => dmMessage(c, { thread_ts: c.world.circle.listenerThreadTs }), refused()),
  row(
    'event:message',
    'seeker',
    "a reply in their welcome thread of a circle in another workspace: their pairing's, not that circle's",
    (c) => dmMessage(c, { thread_ts: c.world.foreignCircle.seekerThreadTs }),
    allowed({ changes: ['RelayedMessage'], reaches: ['listener'], onlyTo: ['listener'] }),
  ),
  // Edits and deletions of S's message in K (its copy is in L's thread).
  ...circleCopyEvents(),
];

export const MATRIX: readonly Cell[] = [
  ...commands,
  ...pairingActions,
  ...checkInActions,
  ...requestActions,
  ...listenerActions,
  ...myDataActions,
  ...preferenceActions,
  ...insightsActions,
  ...initiativeActions,
  ...views,
  ...events,
  ...circleCommands,
  ...circleActions,
  ...circleViews,
  ...circleEvents,
];

/** Message subtypes the relay handles besides a new message: each is a surface of its own. */
export const MESSAGE_SUBTYPES = ['message_changed', 'message_deleted'] as const;

/** People a cell can name as recipients, as Slack user ids. */
export function userOf(person: Person): string {
  return USERS[person];
}
