import type { HomeView, KnownBlock } from '@slack/types';
import { resourcesToShow } from '../../domain/signposting.js';
import { actions, context, divider, escapeMrkdwn, header, LIMITS, section, type ButtonSpec } from '../common/blocks.js';
import { InitiativeIds } from '../initiatives/ids.js';
import { InsightsIds } from '../insights/ids.js';
import { CircleIds } from '../circles/ids.js';
import type { Initiative } from '../initiatives/service.js';
import { ListenerIds } from '../listeners/ids.js';
import type { ListenerProfile } from '../listeners/service.js';
import { MyDataIds } from '../my-data/ids.js';
import type { ListenerConversation } from '../pairings/service.js';
import * as previewCopy from '../preferences/copy.js';
import { PreferenceIds, SLACK_LANGUAGE } from '../preferences/ids.js';
import { RequestIds } from '../requests/ids.js';
import type { OpenRequest } from '../requests/service.js';
import { translatorFor, type Translate } from '../../i18n/translate.js';
import { APP_LANGUAGE_NAMES, APP_LANGUAGES, FALLBACK_LANGUAGE, type AppLanguage } from '../../domain/app-language.js';
import { renderResourceBlocks } from '../safety/views.js';
import * as copy from './copy.js';

// The App Home tab: what fits each person's role (DESIGN.md): everyone, listeners, coordinators.
// A pure function of what the person may see and `now`; refreshed after every change that affects it.

/** Requests waiting for a listener on one topic: how many and since when, never who (invariant 5). */
export interface WaitingTopic {
  /** The topic's label; null when the request has none (its topic was removed). */
  topic: string | null;
  count: number;
  oldestAt: Date;
}

export interface CoordinatedInitiative {
  initiative: Initiative;
  listeners: ListenerProfile[];
  /** Active conversations per listener profile id: how many, never with whom (DESIGN.md invariant 5). */
  load: Record<string, number>;
  waiting: WaitingTopic[];
}

export interface HomeModel {
  /** Durations ("12 days") are counted to this instant. */
  now: Date;
  initiatives: Initiative[];
  requests: OpenRequest[];
  profiles: ListenerProfile[];
  /** The person's own active conversations as a listener: the seeker's pseudonym only (invariant 1). */
  conversations: ListenerConversation[];
  /** Coordinators of each initiative the person listens in, by initiative id (coordinators are not anonymous). */
  coordinatorsOf: Record<string, string[]>;
  coordinated: CoordinatedInitiative[];
  /** Initiatives whose anonymous insights this person may see (HR viewer or coordinator). */
  insightsOf: Initiative[];
  /** How many open circles the person is in (issue 20). */
  circles?: number;
  /** Whether this person's notifications show relayed words (issue 14: off unless they turn it on). */
  previews?: boolean;
  /** The language the tab is written in, and the one the person chose (null: their Slack's), issue 19. */
  language?: { current: AppLanguage; chosen: AppLanguage | null };
}

// Slack refuses a Home tab of more than 100 blocks (invalid_arguments), so what grows with other people
// (pending volunteers, listeners, waiting topics) is capped within what the rest of the tab leaves, with
// an "and N more" line; and a section must stay under 3000 characters.
const MAX_BLOCKS = 100;
const MAX_LISTED = 15;
const MAX_LISTENER_LINES = 25;
const MAX_WAITING_TOPICS = 10;
const MAX_TOPICS_SHOWN = 12;
const MAX_COORDINATORS_SHOWN = 10;
// What a capped list may take of a section, leaving room for its heading and the "and N more" line.
const LIST_CHARS = LIMITS.sectionText - 200;

/** As many items as fit `max` and `chars` (joined by `separator`), then an "and N more" item for the rest. */
function capped(items: string[], limit: { max: number; chars: number; separator: string; more: (n: number) => string }): string[] {
  const shown: string[] = [];
  let length = 0;
  for (const item of items) {
    if (shown.length >= limit.max || length + item.length + limit.separator.length > limit.chars) break;
    shown.push(item);
    length += item.length + limit.separator.length;
  }
  return shown.length < items.length ? [...shown, limit.more(items.length - shown.length)] : shown;
}

/** The listener's dashboard for one initiative: status, load, conversations, topics, hours, coordinators. */
function renderListening(t: Translate, language: AppLanguage, model: HomeModel, p: ListenerProfile): KnownBlock[] {
  const conversations = model.conversations.filter((c) => c.listenerId === p.id);
  const lines = [copy.ownStatus(t, language, p.initiativeName, p, conversations.length)];
  if (p.status === 'pending') {
    lines.push(t('home.upToOnceApproved', { capacity: p.capacity }));
  } else {
    lines.push(`*${copy.slotsUsed(t, conversations.length, p.capacity)}*`);
    // At most the capacity (five), so the list stays short.
    for (const c of conversations) lines.push(`• ${copy.conversationLine(t, c.seekerPseudonym, model.now.getTime() - c.startedAt.getTime())}`);
    if (conversations.length === 0) lines.push(t('home.noConversations'));
  }

  const topics = model.initiatives.find((i) => i.id === p.initiativeId)?.topics ?? [];
  const labels = topics.filter((topic) => p.topicIds.includes(topic.id)).map((topic) => topic.label);
  // Up to 50 topics of 58 characters, longer once escaped: as many as fit, then how many more.
  let room = 1200;
  // `room` only shrinks, so what is kept is a prefix.
  const shownLabels = labels.slice(0, MAX_TOPICS_SHOWN).filter((label) => (room -= escapeMrkdwn(label).length + 2) >= 0);
  const topicsText = copy.yourTopics(t, shownLabels) + (labels.length > shownLabels.length ? ` ${copy.andMore(t, labels.length - shownLabels.length, 'topics')}` : '');
  const hours = copy.workingHours(t, language, { days: p.workDays, start: p.workStart, end: p.workEnd });
  const quiet = p.quietHoursStart && p.quietHoursEnd ? { start: p.quietHoursStart, end: p.quietHoursEnd } : null;
  const coordinators = model.coordinatorsOf[p.initiativeId] ?? [];
  const mentions = capped(
    coordinators.map((id) => `<@${id}>`),
    { max: MAX_COORDINATORS_SHOWN, chars: 1000, separator: ', ', more: (n) => copy.andMore(t, n, 'coordinators') },
  );
  const details = [topicsText, copy.offersArrive(t, hours, p.timezone, quiet), copy.yourCoordinators(t, coordinators.length > 0 ? mentions : [])];

  const buttons: ButtonSpec[] = [{ actionId: ListenerIds.listenButton, text: t('home.editProfile'), value: p.initiativeId }];
  if (p.status === 'active') buttons.push({ actionId: ListenerIds.pauseUntilButton, text: t('home.pause'), value: p.initiativeId });
  if (p.status === 'paused') buttons.push({ actionId: ListenerIds.resumeButton, text: t('home.resume'), value: p.initiativeId });
  buttons.push({ actionId: ListenerIds.stopButton, text: t('home.stop'), value: p.initiativeId, confirm: copy.confirmStop(t) });
  return [section(lines.join('\n')), section(details.join('\n')), actions(buttons)];
}

/** Listeners who may need a coordinator first (paused for want of an answer), then the rest as they joined. */
function attentionOrder(p: ListenerProfile): number {
  return p.status === 'paused' && p.pauseReason === 'no_answer' ? 0 : p.status === 'active' ? 1 : 2;
}

/** Each listener's status and load (never whom they support, invariant 5), capped with "and N more". */
function listenerLines(t: Translate, language: AppLanguage, c: CoordinatedInitiative): string | null {
  const listed = c.listeners
    .filter((l) => l.status !== 'pending')
    .map((l, i) => ({ l, i }))
    .sort((a, b) => attentionOrder(a.l) - attentionOrder(b.l) || a.i - b.i)
    .map(({ l }) => `• ${copy.listenerForCoordinator(t, language, l.userId, l, c.load[l.id] ?? 0)}`);
  if (listed.length === 0) return null;
  return capped(listed, { max: MAX_LISTENER_LINES, chars: LIST_CHARS, separator: '\n', more: (n) => copy.andMore(t, n, 'listeners') }).join('\n');
}

/** Requests waiting, by topic, longest wait first: counts and ages, no note, no seeker, no pseudonym. */
function waitingText(t: Translate, waiting: WaitingTopic[], now: Date): string {
  const total = waiting.reduce((n, w) => n + w.count, 0);
  const items = [...waiting]
    .sort((a, b) => a.oldestAt.getTime() - b.oldestAt.getTime())
    .map((w) => copy.waitingTopic(t, w.topic, w.count, now.getTime() - w.oldestAt.getTime()));
  const shown = capped(items, { max: MAX_WAITING_TOPICS, chars: LIST_CHARS, separator: ', ', more: (n) => copy.andMore(t, n, 'topics') });
  return copy.waitingLine(t, total, shown);
}

export function renderHome(model: HomeModel): HomeView {
  // Every word in the person's language (issue 19); what people typed stays as they wrote it.
  const language = model.language?.current ?? FALLBACK_LANGUAGE;
  const t = translatorFor(language);
  // The person's own initiatives' resources (a request, a profile, a role), else everyone's, before
  // anything else (DESIGN.md invariant 6); capped, and counted in the room left below.
  const own = new Set([
    ...model.requests.map((r) => r.initiativeId),
    ...model.profiles.map((p) => p.initiativeId),
    ...model.coordinated.map((c) => c.initiative.id),
    ...model.insightsOf.map((i) => i.id),
  ]);
  const blocks: KnownBlock[] = [
    header(t('home.header')),
    ...(model.initiatives.length > 0 ? [...renderResourceBlocks(t, resourcesToShow(model.initiatives, own)), divider()] : []),
    section(t('home.intro')),
  ];

  if (model.initiatives.length === 0) {
    blocks.push(section(t('home.noInitiative')));
    blocks.push(actions([{ actionId: InitiativeIds.setupButton, text: t('home.setUpInitiative'), style: 'primary' }]));
    return { type: 'home', blocks };
  }

  blocks.push(
    divider(),
    section(t('home.talk')),
    actions([{ actionId: RequestIds.requestButton, text: t('safety.askForAListener'), style: 'primary' }]),
  );
  for (const r of model.requests) {
    blocks.push(section(copy.requestLine(t, r.topic, r.status === 'paired')));
    if (r.status !== 'paired') blocks.push(actions([{ actionId: RequestIds.cancelButton, text: t('home.cancelRequest'), value: r.id }]));
  }

  blocks.push(divider(), section(t('home.listeningHeading')));
  if (model.profiles.length === 0) {
    blocks.push(section(t('home.volunteer')));
    blocks.push(actions([{ actionId: ListenerIds.listenButton, text: t('home.becomeListener'), style: 'primary' }]));
  }
  for (const p of model.profiles) blocks.push(...renderListening(t, language, model, p));

  // Circles (issue 20): how many the person is in, and the list, where joining, leaving and creating are.
  blocks.push(
    divider(),
    section(`${t('circles.homeHeading')}\n${model.circles ? t('circles.homeMine', { count: model.circles }) : t('circles.homeNone')}`),
    actions([{ actionId: CircleIds.openList, text: t('circles.homeButton') }]),
  );

  const tail: KnownBlock[] = [];
  if (model.insightsOf.length > 0) {
    tail.push(divider(), section(t('home.insights')));
    // One actions block per initiative: the buttons share an action id, which Slack refuses twice in one block.
    for (const i of model.insightsOf) tail.push(actions([{ actionId: InsightsIds.openButton, text: t('home.insightsButton', { name: i.name }), value: i.id }]));
  }
  tail.push(
    divider(),
    section(previewCopy.previewsExplained(t, model.previews === true)),
    actions([
      model.previews
        ? { actionId: PreferenceIds.previews, text: previewCopy.previewsButton(t, true), value: 'off' }
        : { actionId: PreferenceIds.previews, text: previewCopy.previewsButton(t, false), value: 'on' },
    ]),
    ...languageBlocks(model.language ?? { current: FALLBACK_LANGUAGE, chosen: null }),
    divider(),
    section(t('home.yourData')),
    actions([
      { actionId: MyDataIds.showButton, text: t('home.seeMyData') },
      { actionId: MyDataIds.deleteButton, text: t('home.deleteMyData'), style: 'danger', confirm: copy.confirmDelete(t) },
    ]),
    divider(),
    actions([{ actionId: InitiativeIds.setupButton, text: t('home.setUpInitiative') }]),
  );

  const coordinated = model.coordinated.map((c) => ({
    ...c,
    pending: c.listeners.filter((l) => l.status === 'pending'),
    listed: listenerLines(t, language, c),
    counts: (s: ListenerProfile['status']) => c.listeners.filter((l) => l.status === s).length,
  }));
  // Fixed per initiative: divider, title, counts, the listeners' list, the waiting requests, the settings
  // button, and a "more waiting for approval" line.
  const fixed = coordinated.reduce((n, c) => n + 6 + (c.listed !== null ? 1 : 0), 0);
  const pendingRoom = Math.max(0, MAX_BLOCKS - blocks.length - tail.length - fixed);
  // Each pending listener takes two blocks (who, and Approve / Decline); share the room between initiatives.
  const perInitiative = coordinated.length === 0 ? 0 : Math.min(MAX_LISTED, Math.floor(pendingRoom / 2 / coordinated.length));

  for (const { initiative, pending, listed, counts, waiting } of coordinated) {
    blocks.push(
      divider(),
      section(copy.youCoordinate(t, initiative.name)),
      context(t('home.listenerCounts', { active: counts('active'), paused: counts('paused'), pending: counts('pending') })),
    );
    for (const l of pending.slice(0, perInitiative)) {
      blocks.push(section(t('home.volunteered', { user: `<@${l.userId}>` })));
      blocks.push(
        actions([
          { actionId: ListenerIds.approve, text: t('home.approve'), style: 'primary', value: l.id },
          { actionId: ListenerIds.decline, text: t('home.decline'), value: l.id, confirm: copy.confirmDecline(t) },
        ]),
      );
    }
    if (pending.length > perInitiative) {
      blocks.push(context(t('home.morePending', { count: pending.length - perInitiative })));
    }
    if (listed !== null) blocks.push(section(listed));
    blocks.push(section(waitingText(t, waiting, model.now)));
    blocks.push(actions([{ actionId: InitiativeIds.editButton, text: t('home.editSettings'), value: initiative.id }]));
  }

  // A backstop for a person in more initiatives than one tab can show; the tail (your data) stays.
  return { type: 'home', blocks: [...blocks.slice(0, Math.max(0, MAX_BLOCKS - tail.length)), ...tail].slice(0, MAX_BLOCKS) };
}

/** Which language the app writes in, and buttons for the others and for "my Slack's" (issue 19). */
function languageBlocks(language: NonNullable<HomeModel['language']>): KnownBlock[] {
  const t = translatorFor(language.current);
  const name = APP_LANGUAGE_NAMES[language.current];
  const buttons: ButtonSpec[] = APP_LANGUAGES.filter((l) => l !== language.current).map((l) => ({
    actionId: PreferenceIds.language[l],
    text: APP_LANGUAGE_NAMES[l],
    value: l,
  }));
  if (language.chosen) buttons.push({ actionId: PreferenceIds.language.slack, text: t('home.language.useSlack'), value: SLACK_LANGUAGE });
  return [
    divider(),
    section(language.chosen ? t('home.language.chosen', { language: name }) : t('home.language.fromSlack', { language: name })),
    actions(buttons),
  ];
}
