import type { HomeView, KnownBlock } from '@slack/types';
import { actions, context, divider, escapeMrkdwn, header, section, type ButtonSpec } from '../common/blocks.js';
import { InitiativeIds } from '../initiatives/ids.js';
import { InsightsIds } from '../insights/ids.js';
import type { Initiative } from '../initiatives/service.js';
import { ListenerIds } from '../listeners/ids.js';
import type { ListenerProfile } from '../listeners/service.js';
import { MyDataIds } from '../my-data/ids.js';
import { RequestIds } from '../requests/ids.js';
import type { OpenRequest } from '../requests/service.js';

// The App Home tab: what fits each person's role (DESIGN.md): everyone, listeners, coordinators.
// A pure function of what the person may see; refreshed after every change that affects it.

export interface HomeModel {
  initiatives: Initiative[];
  requests: OpenRequest[];
  profiles: ListenerProfile[];
  coordinated: { initiative: Initiative; listeners: ListenerProfile[] }[];
  /** Initiatives whose anonymous insights this person may see (HR viewer or coordinator). */
  insightsOf: Initiative[];
}

const STATUS: Record<ListenerProfile['status'], string> = {
  active: 'taking new pairings',
  paused: 'paused',
  pending: 'waiting for a coordinator\'s approval',
};

const MAX_LISTED = 15; // keeps the tab under Slack's 100 blocks with several initiatives

export function renderHome(model: HomeModel): HomeView {
  const blocks: KnownBlock[] = [
    header('Peer Support'),
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
    buttons.push({ actionId: ListenerIds.stopButton, text: 'Stop being a listener', value: p.initiativeId });
    blocks.push(actions(buttons));
  }

  for (const { initiative, listeners } of model.coordinated) {
    const count = (s: ListenerProfile['status']) => listeners.filter((l) => l.status === s).length;
    blocks.push(
      divider(),
      section(`*${escapeMrkdwn(initiative.name)}*: you coordinate this initiative`),
      context(`Listeners: ${count('active')} active, ${count('paused')} paused, ${count('pending')} waiting for approval.`),
    );
    const pending = listeners.filter((l) => l.status === 'pending').slice(0, MAX_LISTED);
    for (const l of pending) {
      blocks.push(section(`<@${l.userId}> volunteered and is waiting for approval.`));
      blocks.push(
        actions([
          { actionId: ListenerIds.approve, text: 'Approve', style: 'primary', value: l.id },
          { actionId: ListenerIds.decline, text: 'Decline', value: l.id },
        ]),
      );
    }
    const others = listeners.filter((l) => l.status !== 'pending').slice(0, MAX_LISTED);
    if (others.length > 0) {
      blocks.push(section(others.map((l) => `• <@${l.userId}>: ${STATUS[l.status]}`).join('\n')));
    }
    blocks.push(actions([{ actionId: InitiativeIds.editButton, text: 'Edit settings', value: initiative.id }]));
  }

  if (model.insightsOf.length > 0) {
    blocks.push(
      divider(),
      section('*Insights*\nAnonymous uptake: counts only, never a person.'),
      actions(model.insightsOf.slice(0, 5).map((i) => ({ actionId: InsightsIds.openButton, text: `Insights: ${i.name}`, value: i.id }))),
    );
  }

  blocks.push(
    divider(),
    section('*Your data*'),
    actions([
      { actionId: MyDataIds.showButton, text: 'See my data' },
      { actionId: MyDataIds.deleteButton, text: 'Delete my data', style: 'danger' },
    ]),
    divider(),
    actions([{ actionId: InitiativeIds.setupButton, text: 'Set up an initiative' }]),
  );
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
