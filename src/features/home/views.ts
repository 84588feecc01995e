import type { HomeView, KnownBlock } from '@slack/types';
import { resourcesToShow } from '../../domain/signposting.js';
import { actions, context, divider, escapeMrkdwn, header, section, type ButtonSpec } from '../common/blocks.js';
import { InitiativeIds } from '../initiatives/ids.js';
import { InsightsIds } from '../insights/ids.js';
import type { Initiative } from '../initiatives/service.js';
import { CONFIRM_DECLINE, CONFIRM_STOP } from '../listeners/copy.js';
import { ListenerIds } from '../listeners/ids.js';
import type { ListenerProfile } from '../listeners/service.js';
import { CONFIRM_DELETE_BUTTON } from '../my-data/copy.js';
import { MyDataIds } from '../my-data/ids.js';
import * as previewCopy from '../preferences/copy.js';
import { PreferenceIds } from '../preferences/ids.js';
import { RequestIds } from '../requests/ids.js';
import type { OpenRequest } from '../requests/service.js';
import { renderResourceBlocks } from '../safety/views.js';

// The App Home tab: what fits each person's role (DESIGN.md): everyone, listeners, coordinators.
// A pure function of what the person may see; refreshed after every change that affects it.

export interface HomeModel {
  initiatives: Initiative[];
  requests: OpenRequest[];
  profiles: ListenerProfile[];
  coordinated: { initiative: Initiative; listeners: ListenerProfile[] }[];
  /** Initiatives whose anonymous insights this person may see (HR viewer or coordinator). */
  insightsOf: Initiative[];
  /** Whether this person's notifications show relayed words (issue 14: off unless they turn it on). */
  previews?: boolean;
}

const STATUS: Record<ListenerProfile['status'], string> = {
  active: 'taking new pairings',
  paused: 'paused',
  pending: 'waiting for a coordinator\'s approval',
};

// Slack refuses a Home tab of more than 100 blocks (invalid_arguments), so pending listeners, the only part
// that grows with other people's actions, are listed within what the rest of the tab leaves.
const MAX_BLOCKS = 100;
const MAX_LISTED = 15;

export function renderHome(model: HomeModel): HomeView {
  // The person's own initiatives' resources (a request, a profile, a role), else everyone's, before
  // anything else (DESIGN.md invariant 6); capped, and counted in the room left below.
  const own = new Set([
    ...model.requests.map((r) => r.initiativeId),
    ...model.profiles.map((p) => p.initiativeId),
    ...model.coordinated.map((c) => c.initiative.id),
    ...model.insightsOf.map((i) => i.id),
  ]);
  const blocks: KnownBlock[] = [
    header('Peer Support'),
    ...(model.initiatives.length > 0 ? [...renderResourceBlocks(resourcesToShow(model.initiatives, own)), divider()] : []),
    section(
      'Talk, anonymously, with a colleague who has lived through something similar. ' +
        'Peer support complements professional care and is not a crisis service: if you are in crisis, please call your local emergency number or a crisis line now.',
    ),
  ];

  if (model.initiatives.length === 0) {
    blocks.push(section('There is no peer-support initiative in this workspace yet. Would you like to start one?'));
    blocks.push(actions([{ actionId: InitiativeIds.setupButton, text: 'Set up an initiative', style: 'primary' }]));
    return { type: 'home', blocks };
  }

  blocks.push(
    divider(),
    section('*Talk to someone*\nAsk for an anonymous pairing with a colleague who has lived through something similar. The support resources come first.'),
    actions([{ actionId: RequestIds.requestButton, text: 'Ask for a listener', style: 'primary' }]),
  );
  for (const r of model.requests) {
    const what = r.status === 'paired' ? 'you are talking with a listener' : 'waiting for a listener';
    blocks.push(section(`Your request about *${escapeMrkdwn(r.topic ?? 'a topic')}*: ${what}.`));
    if (r.status !== 'paired') blocks.push(actions([{ actionId: RequestIds.cancelButton, text: 'Cancel this request', value: r.id }]));
  }

  blocks.push(divider(), section('*Listening*'));
  if (model.profiles.length === 0) {
    blocks.push(section('Have you lived through something that could help a colleague? Volunteer as a listener.'));
    blocks.push(actions([{ actionId: ListenerIds.listenButton, text: 'Become a listener', style: 'primary' }]));
  }
  for (const p of model.profiles) {
    blocks.push(section(`You listen with *${escapeMrkdwn(p.initiativeName)}*: ${STATUS[p.status]}. Up to ${p.capacity} at a time.`));
    const buttons: ButtonSpec[] = [{ actionId: ListenerIds.listenButton, text: 'Edit my listener profile', value: p.initiativeId }];
    if (p.status === 'active') buttons.push({ actionId: ListenerIds.pauseButton, text: 'Pause', value: p.initiativeId });
    if (p.status === 'paused') buttons.push({ actionId: ListenerIds.resumeButton, text: 'Resume', value: p.initiativeId });
    buttons.push({ actionId: ListenerIds.stopButton, text: 'Stop being a listener', value: p.initiativeId, confirm: CONFIRM_STOP });
    blocks.push(actions(buttons));
  }

  const tail: KnownBlock[] = [];
  if (model.insightsOf.length > 0) {
    tail.push(divider(), section('*Insights*\nAnonymous uptake: counts only, never a person.'));
    // One actions block per initiative: the buttons share an action id, which Slack refuses twice in one block.
    for (const i of model.insightsOf) tail.push(actions([{ actionId: InsightsIds.openButton, text: `Insights: ${i.name}`, value: i.id }]));
  }
  tail.push(
    divider(),
    section(model.previews ? previewCopy.PREVIEWS_ON : previewCopy.PREVIEWS_OFF),
    actions([
      model.previews
        ? { actionId: PreferenceIds.previews, text: previewCopy.TURN_OFF, value: 'off' }
        : { actionId: PreferenceIds.previews, text: previewCopy.TURN_ON, value: 'on' },
    ]),
    divider(),
    section('*Your data*'),
    actions([
      { actionId: MyDataIds.showButton, text: 'See my data' },
      { actionId: MyDataIds.deleteButton, text: 'Delete my data', style: 'danger', confirm: CONFIRM_DELETE_BUTTON },
    ]),
    divider(),
    actions([{ actionId: InitiativeIds.setupButton, text: 'Set up an initiative' }]),
  );

  const coordinated = model.coordinated.map(({ initiative, listeners }) => ({
    initiative,
    pending: listeners.filter((l) => l.status === 'pending'),
    others: listeners.filter((l) => l.status !== 'pending').slice(0, MAX_LISTED),
    counts: (s: ListenerProfile['status']) => listeners.filter((l) => l.status === s).length,
  }));
  // Fixed per initiative: divider, title, counts, the others' list, the settings button, and a "more" line.
  const fixed = coordinated.reduce((n, c) => n + 5 + (c.others.length > 0 ? 1 : 0), 0);
  const pendingRoom = Math.max(0, MAX_BLOCKS - blocks.length - tail.length - fixed);
  // Each pending listener takes two blocks (who, and Approve / Decline); share the room between initiatives.
  const perInitiative = coordinated.length === 0 ? 0 : Math.min(MAX_LISTED, Math.floor(pendingRoom / 2 / coordinated.length));

  for (const { initiative, pending, others, counts } of coordinated) {
    blocks.push(
      divider(),
      section(`*${escapeMrkdwn(initiative.name)}*: you coordinate this initiative`),
      context(`Listeners: ${counts('active')} active, ${counts('paused')} paused, ${counts('pending')} waiting for approval.`),
    );
    for (const l of pending.slice(0, perInitiative)) {
      blocks.push(section(`<@${l.userId}> volunteered and is waiting for approval.`));
      blocks.push(
        actions([
          { actionId: ListenerIds.approve, text: 'Approve', style: 'primary', value: l.id },
          { actionId: ListenerIds.decline, text: 'Decline', value: l.id, confirm: CONFIRM_DECLINE },
        ]),
      );
    }
    if (pending.length > perInitiative) {
      blocks.push(context(`${pending.length - perInitiative} more waiting for approval: the message I sent you about each one has Approve and Decline too.`));
    }
    if (others.length > 0) {
      blocks.push(section(others.map((l) => `• <@${l.userId}>: ${STATUS[l.status]}`).join('\n')));
    }
    blocks.push(actions([{ actionId: InitiativeIds.editButton, text: 'Edit settings', value: initiative.id }]));
  }

  // A backstop for a person in more initiatives than one tab can show; the tail (your data) stays.
  return { type: 'home', blocks: [...blocks.slice(0, Math.max(0, MAX_BLOCKS - tail.length)), ...tail].slice(0, MAX_BLOCKS) };
}
