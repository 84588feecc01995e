import { APP_LANGUAGES } from '../../src/domain/app-language.js';
import { PSEUDONYM_NAMES } from '../../src/domain/pseudonyms.js';
import { english, translatorFor } from '../../src/i18n/translate.js';
import { endNoteText } from '../../src/features/pairings/end.js';
import { describe, expect, it } from 'vitest';
import { buildInsights, WEEKLY_METRICS, type RawInsights } from '../../src/domain/insights-table.js';
import { MAX_TOPIC_LENGTH, MAX_TOPICS } from '../../src/domain/topics.js';
import * as checkInViews from '../../src/features/check-ins/views.js';
import * as circleViews from '../../src/features/circles/views.js';
import { CheckInIds } from '../../src/features/check-ins/ids.js';
import * as answerFailures from '../../src/features/common/answer-failures.js';
import * as commonBlocks from '../../src/features/common/blocks.js';
import * as helpViews from '../../src/features/help/views.js';
import * as homeViews from '../../src/features/home/views.js';
import { consentText } from '../../src/domain/consent.js';
import * as invitationCopy from '../../src/features/initiatives/invitation-copy.js';
import * as invitationViews from '../../src/features/initiatives/invitation-views.js';
import type { Initiative } from '../../src/features/initiatives/service.js';
import * as initiativeCopy from '../../src/features/initiatives/copy.js';
import * as initiativeViews from '../../src/features/initiatives/views.js';
import { InsightsIds } from '../../src/features/insights/ids.js';
import * as insightsViews from '../../src/features/insights/views.js';
import { INTRO_MAX, ListenerIds } from '../../src/features/listeners/ids.js';
import type { ListenerProfile, ListenerStatus } from '../../src/features/listeners/service.js';
import * as listenerViews from '../../src/features/listeners/views.js';
import { MyDataIds } from '../../src/features/my-data/ids.js';
import type { MyData } from '../../src/features/my-data/service.js';
import * as myDataViews from '../../src/features/my-data/views.js';
import { PairingIds, REPORT_REPLY_MAX } from '../../src/features/pairings/ids.js';
import * as pairingViews from '../../src/features/pairings/views.js';
import { NOTE_MAX } from '../../src/features/requests/ids.js';
import type { OpenRequest } from '../../src/features/requests/service.js';
import * as requestViews from '../../src/features/requests/views.js';
import * as safetyViews from '../../src/features/safety/views.js';
import { validateMessage, validateView } from '../../src/slack/block-kit.js';
import { renderBlocks } from '../../src/simulator/render/blocks.js';

// Every surface the app can send, rendered with realistic and worst-case data, through the same Block Kit
// validation the fake Slack applies (DESIGN.md "Slack facts"): a view Slack would refuse fails here, with
// the rule and the place, before any end-to-end run. A new exported view without a case fails too.

// ---- Knowing which views the cases call ----------------------------------------------------------------

const called = new Set<string>();

/** The module with each exported function wrapped to note that a case called it. */
function tracked<M extends object>(name: string, mod: M): M {
  const wrapped = Object.entries(mod).map(([key, value]) => {
    if (typeof value !== 'function') return [key, value];
    const fn = value as (...args: unknown[]) => unknown;
    return [key, (...args: unknown[]) => (called.add(`${name}.${key}`), fn(...args))];
  });
  return Object.fromEntries(wrapped) as M;
}

const checkIns = tracked('check-ins', checkInViews);
const circles = tracked('circles', circleViews);
const help = tracked('help', helpViews);
const home = tracked('home', homeViews);
const initiatives = tracked('initiatives', initiativeViews);
const invitations = tracked('invitations', invitationViews);
const insights = tracked('insights', insightsViews);
const listeners = tracked('listeners', listenerViews);
const myData = tracked('my-data', myDataViews);
const pairings = tracked('pairings', pairingViews);
const requests = tracked('requests', requestViews);
const safety = tracked('safety', safetyViews);
const common = tracked('common', commonBlocks);
const failures = tracked('answer-failures', answerFailures);

/** Every function these modules export renders a surface (or part of one) and needs a case. */
const VIEW_MODULES: Record<string, object> = {
  'check-ins': checkInViews,
  circles: circleViews,
  help: helpViews,
  home: homeViews,
  initiatives: initiativeViews,
  invitations: invitationViews,
  insights: insightsViews,
  listeners: listenerViews,
  'my-data': myDataViews,
  pairings: pairingViews,
  requests: requestViews,
  safety: safetyViews,
};
/** Modules that export surfaces among other helpers: only these exports. */
const OTHER_SURFACES = ['common.loadingModal', 'common.messageModal', 'answer-failures.renderFailureModal'];

// ---- Realistic, and worst-case, data --------------------------------------------------------------------

const NOW = new Date('2026-12-03T09:00:00Z');
const LONGEST_PSEUDONYM = [...PSEUDONYM_NAMES].sort((a, b) => b.length - a.length)[0]!;

/** Text of exactly `n` characters with the characters mrkdwn escapes (&, <, >), which make it longer once escaped. */
function words(n: number, seed = 'Call the EAP on 0800 555 0142 & <ask> for "Peer Support" > day or night. '): string {
  return seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
}

/** Ids as Prisma makes them (cuid, 25 characters). */
const cuid = (kind: string, i: number) => `c${kind.slice(0, 2)}${String(i).padStart(22, '0')}`;
const userId = (i: number) => `U${String(i).padStart(10, '0')}`;

function topics(n: number, length = 24): Initiative['topics'] {
  return Array.from({ length: n }, (_, i) => ({ id: cuid('topic', i), label: `${i} ${words(length - String(i).length - 1, 'Lived experience & more ')}` }));
}

function initiative(i: number, overrides: Partial<Initiative> = {}): Initiative {
  return {
    id: cuid('initiative', i),
    workspaceId: 'T0WORKSPACE',
    name: `${i} ${words(77, 'Peer Support & <Wellbeing> Network ')}`.slice(0, 80),
    description: words(500),
    resources: words(2500),
    guidelines: words(2500),
    approvalRequired: true,
    minGroupSize: 5,
    retentionDays: 90,
    firstCheckInDays: 7,
    checkInEveryDays: 14,
    topics: topics(10),
    ...overrides,
  };
}

const SMALL = initiative(1, { name: 'Lighthouse Circle', description: 'Colleagues who listen.', resources: 'Samaritans 116 123.', guidelines: 'Be kind.', topics: topics(3) });
const BIG = initiative(2, { topics: topics(MAX_TOPICS, MAX_TOPIC_LENGTH - 2) });
const SEVERAL = Array.from({ length: 7 }, (_, i) => initiative(10 + i));

function profile(i: number, status: ListenerStatus, of: Initiative = BIG): ListenerProfile {
  return {
    id: cuid('profile', i),
    initiativeId: of.id,
    initiativeName: of.name,
    userId: userId(i),
    status,
    workDays: [1, 2, 3, 4, 5],
    workStart: '09:00',
    workEnd: '18:00',
    timezone: 'Europe/London',
    pausedUntil: null,
    pauseReason: null,
    capacity: 5,
    intro: words(INTRO_MAX),
    languages: ['en', 'fr', 'de'],
    quietHoursStart: '20:00',
    quietHoursEnd: '08:00',
    topicIds: of.topics.map((t) => t.id),
  };
}

const listenersOf = (of: Initiative, counts: Record<ListenerStatus, number>, from: number): ListenerProfile[] =>
  (['pending', 'active', 'paused'] as const).flatMap((status, s) =>
    Array.from({ length: counts[status] }, (_, i) => profile(from + s * 100 + i, status, of)),
  );

const requestsOf = (statuses: OpenRequest['status'][]): OpenRequest[] =>
  statuses.map((status, i) => ({ id: cuid('request', i), initiativeId: SEVERAL[i % SEVERAL.length]!.id, status, topic: topics(1, MAX_TOPIC_LENGTH)[0]!.label, createdAt: NOW }));

function rawInsights(k: number, topicCount: number, scale: number): RawInsights {
  const weeks = Array.from({ length: 12 }, (_, w) => new Date(Date.UTC(2026, 8, 7 + 7 * w)));
  const weekly = Object.fromEntries(WEEKLY_METRICS.map((m, j) => [m, weeks.map((_, w) => ((w + j) % 4) * scale)])) as RawInsights['weekly'];
  return {
    k,
    weeks,
    weekly,
    now: { listenersActive: 12 * scale, listenersPaused: scale, listenersPending: 2 * scale, requestsWaiting: 3 * scale, pairingsActive: 9 * scale },
    matchMinutes: [{ minutes: 45, count: 10 * scale }, { minutes: 3000, count: 4 * scale }],
    topics: topics(topicCount, MAX_TOPIC_LENGTH).map((t, i) => ({ label: t.label, demand: (i % 7) * scale, supply: (i % 5) * scale })),
  };
}

function myDataOf(many: boolean): MyData {
  const n = many ? 20 : 0;
  return {
    generatedAt: NOW.toISOString(),
    workspaceId: 'T0WORKSPACE',
    userId: userId(1),
    listenerProfiles: Array.from({ length: n }, (_, i) => ({
      initiative: SEVERAL[i % SEVERAL.length]!.name,
      status: 'paused',
      pauseReason: 'no_answer',
      pausedUntil: '2026-12-14',
      unansweredOffersInARow: 3,
      capacity: 3,
      introduction: words(INTRO_MAX),
      languages: ['en', 'de'],
      quietHours: { start: '20:00', end: '08:00' },
      workingHours: { days: ['Monday', 'Tuesday', 'Thursday', 'Saturday', 'Sunday'], start: '22:00', end: '06:00' },
      topics: topics(10, MAX_TOPIC_LENGTH).map((t) => t.label),
      createdAt: NOW.toISOString(),
    })),
    roles: Array.from({ length: n }, (_, i) => ({ initiative: SEVERAL[i % SEVERAL.length]!.name, role: i % 2 ? 'coordinator' : 'hr_viewer', since: NOW.toISOString() })),
    requests: Array.from({ length: n }, (_, i) => ({
      initiative: SEVERAL[i % SEVERAL.length]!.name,
      topic: i % 3 ? topics(1, MAX_TOPIC_LENGTH)[0]!.label : null,
      note: words(NOTE_MAX),
      language: 'en',
      similarTimezone: true,
      status: 'closed',
      createdAt: NOW.toISOString(),
      pairings: [{ yourPseudonym: 'Quiet Otter', listenerPseudonym: 'Kind Heron', status: 'ended', startedAt: NOW.toISOString(), endedAt: NOW.toISOString() }],
    })),
    pairingsAsListener: Array.from({ length: n }, () => ({ initiative: BIG.name, yourPseudonym: 'Kind Heron', seekerPseudonym: 'Quiet Otter', status: 'ended', startedAt: NOW.toISOString(), endedAt: null })),
    doNotPairAgain: many ? 3 : 0,
    concernsRaised: many ? 4 : 0,
    timezone: many ? 'Europe/Berlin' : null,
    locale: many ? 'de-DE' : null,
    preferences: many ? { notificationPreviews: true, language: 'es', updatedAt: '2026-03-01T00:00:00.000Z' } : null,
    checkIns: Array.from({ length: n }, () => ({ kind: 'seeker', dueAt: NOW.toISOString(), status: 'answered', answer: 'helpful' })),
    insightsAccess: Array.from({ length: n }, () => ({ initiative: BIG.name, action: 'view', at: NOW.toISOString() })),
    invitations: Array.from({ length: many ? 5 : 0 }, (_, i) => ({ initiative: SEVERAL[i % SEVERAL.length]!.name, role: i % 2 ? 'coordinator' : 'hr_viewer', invitedAt: NOW.toISOString(), language: 'es' })),
    consentRecords: Array.from({ length: n }, () => ({ initiative: BIG.name, purpose: 'listener', action: 'given', textVersion: 'listener-0123456789', surface: 'modal', at: NOW.toISOString() })),
  };
}

/** A coordinator's view of one initiative: listeners paused in every way, each with a load, and `topicCount` topics waiting. */
function coordinatedOf(of: Initiative, counts: Record<ListenerStatus, number>, from: number, topicCount: number): homeViews.CoordinatedInitiative {
  const reasons = [{ pauseReason: 'no_answer' as const, pausedUntil: null }, { pauseReason: 'self' as const, pausedUntil: new Date('2026-12-14T00:00:00Z') }, { pauseReason: 'break' as const, pausedUntil: null }];
  const listeners = listenersOf(of, counts, from).map((l, i) => (l.status === 'paused' ? { ...l, ...reasons[i % reasons.length]! } : l));
  return {
    initiative: of,
    listeners,
    load: Object.fromEntries(listeners.map((l, i) => [l.id, i % (l.capacity + 1)])),
    waiting: topics(topicCount, MAX_TOPIC_LENGTH).map((t, i) => ({ topic: i % 9 === 8 ? null : t.label, count: 1 + (i % 4), oldestAt: new Date(NOW.getTime() - (i + 1) * 3_600_000 * 7) })),
  };
}

/** A listener's own conversations, under pseudonyms, begun hours to weeks ago. */
const conversationsOf = (p: ListenerProfile, n: number) =>
  Array.from({ length: n }, (_, i) => ({ listenerId: p.id, seekerPseudonym: ['Otter', 'Heron', 'Badger', 'Wren', 'Fox'][i % 5]!, startedAt: new Date(NOW.getTime() - (i * 5 + 1) * 3_600_000 * 11) }));

/** What a Home needs besides the lists: the time, and no conversations or coordinators. */
const HOME_BASE = { now: NOW, conversations: [], coordinatorsOf: {} };

const BUSIEST_PROFILES = [
  profile(1, 'active', SEVERAL[0]),
  { ...profile(2, 'paused', SEVERAL[1]), pauseReason: 'self' as const, pausedUntil: new Date('2026-12-14T00:00:00Z') },
  profile(3, 'pending', SEVERAL[2]),
];

/** Everything a person can be at once: several requests and profiles, coordinator of 3 busy initiatives, HR viewer of 7. */
const BUSIEST_HOME: homeViews.HomeModel = {
  now: NOW,
  initiatives: SEVERAL,
  requests: requestsOf(['waiting', 'offered', 'paired', 'waiting', 'paired']),
  profiles: BUSIEST_PROFILES,
  conversations: [...conversationsOf(BUSIEST_PROFILES[0]!, 5), ...conversationsOf(BUSIEST_PROFILES[1]!, 2)],
  coordinatorsOf: Object.fromEntries(SEVERAL.map((of) => [of.id, Array.from({ length: 30 }, (_, i) => userId(9000 + i))])),
  coordinated: SEVERAL.slice(0, 3).map((of, i) => coordinatedOf(of, { pending: 20, active: 25, paused: 5 }, 1000 * (i + 1), 12)),
  insightsOf: SEVERAL,
};

/** A listener in four initiatives, one in each state: full, paused until a date, paused for no answer, waiting approval. */
const LISTENER_PROFILES = [
  { ...profile(31, 'active', SMALL), capacity: 2, quietHoursStart: null, quietHoursEnd: null, workDays: [0, 1, 2, 3, 4, 5, 6], workStart: '00:00', workEnd: '00:00' },
  { ...profile(32, 'paused', SEVERAL[0]), pauseReason: 'self' as const, pausedUntil: new Date('2026-12-14T00:00:00Z'), timezone: 'Pacific/Auckland' },
  { ...profile(33, 'paused', BIG), pauseReason: 'no_answer' as const, timezone: null },
  profile(34, 'pending', SEVERAL[1]),
];
const LISTENER_HOME: homeViews.HomeModel = {
  ...HOME_BASE,
  initiatives: [SMALL, BIG, ...SEVERAL],
  requests: [],
  profiles: LISTENER_PROFILES,
  conversations: [...conversationsOf(LISTENER_PROFILES[0]!, 2), ...conversationsOf(LISTENER_PROFILES[1]!, 5)],
  coordinatorsOf: { [SMALL.id]: [userId(80), userId(81)], [SEVERAL[0]!.id]: [], [BIG.id]: Array.from({ length: 200 }, (_, i) => userId(100 + i)) },
  coordinated: [],
  insightsOf: [],
};

/** A coordinator of the largest initiative: 300 listeners, 20 volunteers waiting for approval, 40 topics with requests waiting. */
const CROWDED_HOME: homeViews.HomeModel = {
  ...HOME_BASE,
  initiatives: [BIG],
  requests: [],
  profiles: [],
  coordinated: [coordinatedOf(BIG, { pending: 20, active: 240, paused: 60 }, 5000, 40)],
  insightsOf: [BIG],
};

// ---- The cases ------------------------------------------------------------------------------------------

type Surface = { kind: 'message'; render: () => { text?: unknown; blocks?: unknown } } | { kind: 'view'; render: () => unknown };
type SurfaceCase = Surface & { name: string };

const message = (name: string, render: () => { text?: unknown; blocks?: unknown }): SurfaceCase => ({ name, kind: 'message', render });
const view = (name: string, render: () => unknown): SurfaceCase => ({ name, kind: 'view', render });

const CASES: SurfaceCase[] = [
  // check-ins, in every language the app speaks (issue 19): the longest wording must fit too
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return [
      message(`seeker check-in, with long resources (${language})`, () => checkIns.renderSeekerCheckIn(t, { checkInId: cuid('checkin', 1), listenerPseudonym: 'kind-heron', resources: words(2500) })),
      message(`listener check-in, in 3 conversations (${language})`, () => checkIns.renderListenerCheckIn(t, { checkInId: cuid('checkin', 2), conversations: 3 })),
      message(`listener check-in, in none (not sent, but valid) (${language})`, () => checkIns.renderListenerCheckIn(t, { checkInId: cuid('checkin', 2), conversations: 0 })),
      message(`planned-ending question, after 52 weeks (${language})`, () => checkIns.renderReviewCheckIn(t, { checkInId: cuid('checkin', 3), otherPseudonym: 'kind-heron', weeks: 52 })),
      message(`"I need a break" reply, with a return date to choose (${language})`, () => checkIns.renderBreakReply(t, { initiativeId: cuid('initiative', 1) })),
      message(`waiting update, with long resources (${language})`, () => checkIns.renderWaitingUpdate(t, { requestId: cuid('request', 1), resources: words(2500) })),
      message(`circle session prompt, longest prompt, guidelines and long resources (${language})`, () =>
        checkIns.renderCircleSessionPrompt(t, { sequence: 52, prompt: words(500), guidelines: words(1000), resources: words(2500) }),
      ),
    ];
  }),

  // circles (issue 20), in every language, with the most a circle can hold
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    const schedule = { cadence: 'fortnightly', weekday: 3, localTime: '18:30', timezone: 'America/Argentina/Buenos_Aires' };
    const circleId = (i: number) => cuid('circle', i);
    const longTopic = topics(1, 58)[0]!.label;
    return [
      view(`circles list, full of circles, for a coordinator (${language})`, () =>
        circles.renderCirclesModal(t, {
          mine: Array.from({ length: 20 }, (_, i) => ({ circleId: circleId(i), topic: i % 2 ? null : longTopic, initiative: initiative(i).name, pseudonym: LONGEST_PSEUDONYM, role: i % 3 ? 'member' : 'facilitator', schedule, canManage: i % 3 === 0 })),
          open: Array.from({ length: 40 }, (_, i) => ({ circleId: circleId(100 + i), topic: longTopic, initiative: initiative(i).name, description: words(200), schedule, placesLeft: i % 12, canManage: true })),
          createIn: Array.from({ length: 6 }, (_, i) => ({ id: cuid('initiative', i), name: initiative(i).name })),
          consent: consentText('circle_member', language).text,
          facilitators: Array.from({ length: 4 }, (_, i) => ({ initiativeId: cuid('initiative', i), name: initiative(i).name, approved: Array.from({ length: 30 }, (_, j) => userId(j)) })),
        }),
      ),
      view(`circles list, nothing open (${language})`, () => circles.renderCirclesModal(t, { mine: [], open: [], createIn: [], consent: consentText('circle_member', language).text })),
      view(`create a circle, 50 long topics (${language})`, () =>
        circles.renderCreateModal(t, { initiativeId: cuid('initiative', 1), topics: topics(50, 58), timezone: 'America/Argentina/Buenos_Aires', creatorId: userId(1) }),
      ),
      message(`circle welcome, longest guidelines (${language})`, () =>
        circles.renderWelcome(t, { circleId: circleId(1), topic: longTopic, pseudonym: LONGEST_PSEUDONYM, role: 'facilitator', schedule, guidelines: words(1000), description: words(200) }),
      ),
      view(`manage a full circle (${language})`, () =>
        circles.renderManageModal(t, {
          circleId: circleId(1),
          topic: longTopic,
          capacity: 12,
          members: Array.from({ length: 15 }, (_, i) => ({ pseudonym: PSEUDONYM_NAMES[i]!, role: i < 3 ? 'facilitator' : 'member', pausedUntil: i % 4 === 0 ? new Date(NOW.getTime() + 86_400_000) : null })),
          canClose: true,
          now: NOW,
          timezone: 'Asia/Kolkata',
        }),
      ),
    ];
  }),

  // help and the safety net (a message outside a conversation), in every language
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return [
      message(`help (${language})`, () => help.renderHelp(t)),
      message(`help after an unknown command (${language})`, () => help.renderHelp(t, words(30))),
      message(`help, with the resources of many initiatives (${language})`, () => help.renderHelp(t, undefined, SEVERAL.slice(0, 5))),
      message(`safety net, no initiative (${language})`, () => safety.renderSafetyNet(t, { resources: [], crisis: false, requests: [] })),
      message(`safety net, crisis words, one initiative (${language})`, () => safety.renderSafetyNet(t, { resources: [SMALL], crisis: true, requests: [] })),
      message(`safety net, many long resources and open requests (${language})`, () =>
        safety.renderSafetyNet(t, { resources: SEVERAL.slice(0, 5), crisis: true, requests: requestsOf(['waiting', 'offered', 'paired', 'waiting', 'paired', 'waiting', 'offered']) }),
      ),
      message(`resources on their own (${language})`, () => ({ text: 'Resources', blocks: safety.renderResourceBlocks(t, SEVERAL.slice(0, 5)) })),
    ];
  }),

  // home, in every language the app speaks (issue 19), chosen or from Slack: the longest wording must fit too
  ...APP_LANGUAGES.flatMap((language, i) => {
    const lang = { language: { current: language, chosen: i % 2 === 0 ? language : null } };
    return [
      view(`Home tab, no initiative yet (${language})`, () => home.renderHome({ ...HOME_BASE, ...lang, initiatives: [], requests: [], profiles: [], coordinated: [], insightsOf: [] })),
      view(`Home tab, one initiative, nothing yet (${language})`, () => home.renderHome({ ...HOME_BASE, ...lang, initiatives: [SMALL], requests: [], profiles: [], coordinated: [], insightsOf: [] })),
      view(`Home tab, several initiatives and open requests, a listener in three (${language})`, () =>
        home.renderHome({ ...BUSIEST_HOME, ...lang, requests: requestsOf(['waiting', 'offered', 'paired', 'waiting']), coordinated: [], insightsOf: [] }),
      ),
      view(`Home tab, a listener's dashboard: full, paused until a date, paused for no answer, waiting for approval, 200 coordinators (${language})`, () =>
        home.renderHome({ ...LISTENER_HOME, ...lang }),
      ),
      view(`Home tab, coordinator of 3 initiatives with pending listeners (${language})`, () =>
        home.renderHome({ ...BUSIEST_HOME, ...lang, requests: [], profiles: [], conversations: [], insightsOf: SEVERAL.slice(0, 3) }),
      ),
      view(`Home tab, coordinator of 300 listeners with 40 topics waiting (${language})`, () => home.renderHome({ ...CROWDED_HOME, ...lang })),
      view(`Home tab, coordinator of 7 initiatives of 300 listeners and 40 topics waiting each (${language})`, () =>
        home.renderHome({
          ...CROWDED_HOME,
          ...lang,
          initiatives: SEVERAL,
          coordinated: SEVERAL.map((of, j) => coordinatedOf(of, { pending: 20, active: 240, paused: 60 }, 10_000 * (j + 1), 40)),
          insightsOf: SEVERAL,
        }),
      ),
      view(`Home tab, HR viewer of 7 initiatives (${language})`, () => home.renderHome({ ...HOME_BASE, ...lang, initiatives: SEVERAL, requests: [], profiles: [], coordinated: [], insightsOf: SEVERAL })),
      view(`Home tab, all of it at once (${language})`, () => home.renderHome({ ...BUSIEST_HOME, ...lang })),
      view(`Home tab, all of it at once, previews on (${language})`, () => home.renderHome({ ...BUSIEST_HOME, ...lang, previews: true })),
    ];
  }),

  // initiatives: the setup form and its answers in every language the app speaks (issue 19), the longest wording too
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return [
      view(`setup modal, new initiative, with consent (${language})`, () => initiatives.renderSetupModal(t, { needsConsent: true })),
      view(`setup modal, editing the largest initiative (${language})`, () =>
        initiatives.renderSetupModal(t, {
          initiative: BIG,
          people: { coordinators: Array.from({ length: 10 }, (_, i) => userId(i)), hrViewers: Array.from({ length: 10 }, (_, i) => userId(50 + i)) },
          needsConsent: false,
        }),
      ),
      view(`setup modal, editing, consent asked again after the text changed (${language})`, () =>
        initiatives.renderSetupModal(t, { initiative: BIG, people: { coordinators: [userId(1)], hrViewers: [] }, needsConsent: true }),
      ),
      view(`not allowed to create an initiative, with ten named creators (${language})`, () =>
        initiatives.renderNotAllowedToCreate(t, Array.from({ length: 10 }, (_, i) => userId(70 + i))),
      ),
      view(`not a coordinator (${language})`, () => initiatives.renderNotCoordinator(t)),
      view(`initiative gone (${language})`, () => initiatives.renderInitiativeGone(t)),
      view(`preview as a seeker, long resources and many topics (${language})`, () =>
        initiatives.renderSeekerPreview(t, { name: BIG.name, resources: BIG.resources, topics: BIG.topics.map((topic) => topic.label) }),
      ),
      view(`preview as a seeker, an empty form (${language})`, () => initiatives.renderSeekerPreview(t, { name: '', resources: '', topics: [] })),
      message(`initiative created, with invitations (${language})`, () => initiatives.renderConfirmation(t, initiativeCopy.created(t, BIG.name, 20))),
      message(`initiative saved, with invitations (${language})`, () => initiatives.renderConfirmation(t, initiativeCopy.saved(t, BIG.name, 20))),
    ];
  }),
  view('choose modal, an initiative to edit, and a new one', () => initiatives.renderChooseModal({ purpose: 'setup', initiatives: SEVERAL.slice(0, 3), allowNew: true })),
  // The chooser a seeker, a listener or a viewer meets, in every language the app speaks (issue 19).
  ...APP_LANGUAGES.map((language) =>
    view(`choose modal, request flow with every resource first (${language})`, () => {
      const t = translatorFor(language);
      return initiatives.renderChooseModal({ purpose: 'request', initiatives: SEVERAL, lead: requests.renderResourcesLead(t, SEVERAL), t });
    }),
  ),
  view('choose modal, more initiatives than radio buttons hold', () =>
    initiatives.renderChooseModal({ purpose: 'listen', initiatives: Array.from({ length: 14 }, (_, i) => initiative(40 + i)), allowNew: true }),
  ),
  // The invitation DM and what replaces it, in every language the app speaks and for both roles (issue 19),
  // with the longest initiative name: the invitee's consent text in their language must fit too.
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return (['coordinator', 'hr_viewer'] as const).flatMap((role, i) => [
      message(`${role} invitation, long initiative name (${language})`, () =>
        invitations.renderInvitation(t, { inviterId: userId(1), invitation: { id: `8c0f3a52-6a57-4c1e-9d8e-3f0b6f1c2d4${i}`, role, initiativeName: BIG.name } }),
      ),
      message(`${role} invitation accepted (${language})`, () => invitations.renderInvitationAnswer(invitationCopy.roleAccepted(t, role, BIG.name))),
      message(`${role} invitation withdrawn (${language})`, () => invitations.renderInvitationAnswer(invitationCopy.invitationWithdrawn(t, role, BIG.name))),
      message(`${role} invitation expired (${language})`, () => invitations.renderInvitationAnswer(invitationCopy.invitationExpired(t, role, BIG.name))),
    ]);
  }),

  // insights
  view('insights for a coordinator, with a chart and 50 long topics', () =>
    insights.renderInsights({ initiative: BIG, shown: buildInsights(rawInsights(5, MAX_TOPICS, 40)), chartFileId: 'F0CHART0001', isCoordinator: true }),
  ),
  view('insights for an HR viewer, mostly suppressed, no chart', () =>
    insights.renderInsights({ initiative: SMALL, shown: buildInsights(rawInsights(10, 3, 1)), chartFileId: null, isCoordinator: false }),
  ),
  view('insights access log, empty', () => insights.renderAccessLog(SMALL.name, [])),
  view('insights access log, long', () =>
    insights.renderAccessLog(BIG.name, Array.from({ length: 300 }, (_, i) => ({ viewerId: userId(i), action: i % 2 ? 'export' : 'view', at: NOW }))),
  ),

  // listeners, in every language the app speaks (issue 19): the longest wording must fit too, with the
  // guidelines and topics the coordinators wrote in each language
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    const texts = JSON.stringify({ [language]: { guidelines: words(2500), topics: Object.fromEntries(BIG.topics.map((topic) => [topic.label, `${topic.label} (${language})`.slice(0, MAX_TOPIC_LENGTH)])) } });
    const big = { ...BIG, texts };
    return [
      view(`listen modal, volunteering for the largest initiative, with consent (${language})`, () => listeners.renderListenModal(t, { initiative: big, profile: null, needsConsent: true })),
      view(`listen modal, editing a full profile (${language})`, () => listeners.renderListenModal(t, { initiative: big, profile: profile(5, 'active'), needsConsent: false })),
      view(`listen modal, a profile without quiet hours or intro (${language})`, () =>
        listeners.renderListenModal(t, { initiative: SMALL, profile: { ...profile(6, 'paused', SMALL), intro: null, quietHoursStart: null, quietHoursEnd: null, languages: [] }, needsConsent: false }),
      ),
      message(`approval request, long intro and every topic (${language})`, () =>
        listeners.renderApprovalRequest(t, { profile: profile(7, 'pending'), topicLabels: BIG.topics.map((topic) => topic.label) }),
      ),
      message(`which initiative to pause, listening in three (${language})`, () =>
        listeners.renderChooseProfile(t, { actionId: ListenerIds.pauseButton, verb: 'pause', profiles: BUSIEST_HOME.profiles }),
      ),
      message(`which initiative to pause until a date, listening in three (${language})`, () =>
        listeners.renderChooseProfile(t, { actionId: ListenerIds.pauseUntilButton, verb: 'pause', profiles: BUSIEST_HOME.profiles }),
      ),
      message(`which initiative to resume, listening in three (${language})`, () =>
        listeners.renderChooseProfile(t, { actionId: ListenerIds.resumeButton, verb: 'resume', profiles: BUSIEST_HOME.profiles }),
      ),
      message(`which initiative to stop, listening in seven (${language})`, () =>
        listeners.renderChooseProfile(t, { actionId: ListenerIds.stopButton, verb: 'stop', profiles: SEVERAL.map((of, i) => profile(20 + i, 'active', of)) }),
      ),
      view(`pause until a date, active, longest initiative name (${language})`, () => listeners.renderPauseModal(t, { profile: profile(8, 'active') })),
      view(`pause until a date, already paused until a day, opened from an offer (${language})`, () =>
        listeners.renderPauseModal(t, { profile: { ...profile(9, 'paused'), pausedUntil: new Date('2026-12-13T11:00:00Z'), timezone: 'Pacific/Auckland', pauseReason: 'self' }, offerId: cuid('offer', 9) }),
      ),
      view(`pause until a date, paused with no date, no timezone (${language})`, () =>
        listeners.renderPauseModal(t, { profile: { ...profile(10, 'paused', SMALL), timezone: null, pauseReason: 'no_answer' }, offerId: null }),
      ),
      message(`welcome back after a dated pause (${language})`, () => listeners.renderWelcomeBack(t, { initiativeName: BIG.name, initiativeId: BIG.id })),
      message(`paused after three offers went unanswered (${language})`, () => listeners.renderNoAnswerPause(t, { initiativeName: BIG.name, initiativeId: BIG.id })),
      ...(['welcomeBack', 'pausedForNoAnswer', 'approved', 'declined'] as const).map((note) =>
        message(`a note to a listener, sent later: ${note} (${language})`, () => listeners.renderListenerNote(t, note, { initiativeName: BIG.name, initiativeId: BIG.id })),
      ),
    ];
  }),
  message('listener note', () => listeners.renderText('You are paused.')),

  // my data
  message('my data, nothing stored', () => myData.renderMyData(myDataOf(false))),
  message('my data, a lot stored', () => myData.renderMyData(myDataOf(true))),
  view('confirm delete', () => myData.renderConfirmDelete([])),
  view('confirm delete, sole coordinator of seven', () => myData.renderConfirmDelete(SEVERAL.map((i) => i.name))),
  message('erased', () => myData.renderErased()),

  // pairings
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return [
      message(`pairing buttons, seeker (${language})`, () => ({ text: 'x', blocks: [pairings.pairingButtons(t, cuid('pairing', 1), 'seeker')] })),
      message(`pairing buttons, listener (${language})`, () => ({ text: 'x', blocks: [pairings.pairingButtons(t, cuid('pairing', 1), 'listener')] })),
      message(`seeker intro, with the listener intro (${language})`, () =>
        pairings.renderSeekerIntro(t, { pairingId: cuid('pairing', 1), listenerPseudonym: 'kind-heron', seekerPseudonym: 'quiet-otter', listenerIntro: words(INTRO_MAX) }),
      ),
      message(`seeker intro, no listener intro (${language})`, () =>
        pairings.renderSeekerIntro(t, { pairingId: cuid('pairing', 1), listenerPseudonym: 'kind-heron', seekerPseudonym: 'quiet-otter', listenerIntro: null }),
      ),
      message(`listener intro, long note and guidelines (${language})`, () =>
        pairings.renderListenerIntro(t, { pairingId: cuid('pairing', 2), seekerPseudonym: 'quiet-otter', listenerPseudonym: 'kind-heron', topic: BIG.topics[0]!.label, note: words(NOTE_MAX), guidelines: words(2500) }),
      ),
      message(`listener intro, no topic or note (${language})`, () =>
        pairings.renderListenerIntro(t, { pairingId: cuid('pairing', 2), seekerPseudonym: 'quiet-otter', listenerPseudonym: 'kind-heron', topic: null, note: null, guidelines: 'Be kind.' }),
      ),
    ];
  }),
  message('relayed message, short', () => pairings.renderRelayed('quiet-otter', 'Thank you for listening.')),
  // Slack's own message limit is 40,000 characters; a relayed message is at most that.
  message('relayed message, as long as Slack allows', () => pairings.renderRelayed('quiet-otter', words(40_000))),
  message('pairing note', () => pairings.renderNote('The conversation has ended.')),
  message('pairing note with resources', () => pairings.renderNote('The conversation has ended.', words(2500))),
  message('relayed message, previews on, as long as Slack allows', () => pairings.renderRelayed('quiet-otter', words(40_000), { previews: true })),
  // The seeker's kind ending, in every language the app speaks (issue 19): the longest note and wording must fit.
  ...APP_LANGUAGES.map((language) =>
    message(`seeker ending: resources, ask again and "Did this help?", long resources (${language})`, () => {
      const t = translatorFor(language);
      return pairings.renderSeekerEnding(t, {
        text: endNoteText(t, 'seeker', 'plannedForSeeker', 'quiet-otter'),
        pairingId: cuid('pairing', 6),
        initiativeName: BIG.name,
        resources: words(2500),
      });
    }),
  ),
  message('reveal offer', () => pairings.renderRevealOffer(english, cuid('pairing', 3))),
  // The crisis note and the shared resources, in every language the app speaks (issue 19).
  ...APP_LANGUAGES.flatMap((language) => [
    message(`crisis note to a listener, long resources and many coordinators (${language})`, () =>
      pairings.renderCrisisNote(translatorFor(language), {
        pairingId: cuid('pairing', 5),
        resources: words(2500),
        coordinatorIds: Array.from({ length: 20 }, (_, i) => `U0COORD${String(i).padStart(3, '0')}`),
      }),
    ),
    message(`resources shared by a listener, as long as allowed (${language})`, () => pairings.renderSharedResources(translatorFor(language), 'kind-heron', words(2500))),
  ]),
  message('crisis note to a listener, no resources and no coordinator', () => pairings.renderCrisisNote(english, { pairingId: cuid('pairing', 5), resources: '', coordinatorIds: [] })),
  view('report modal', () => pairings.renderReportModal(cuid('pairing', 4))),
  // The coordinators' side of concerns and of a listener asking for support, in every language (issue 19).
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return [
      message(`report notice, a seeker reported their listener, long initiative name (${language})`, () =>
        pairings.renderReportNotice(t, {
          reportId: cuid('report', 1),
          initiativeName: BIG.name,
          reporterSide: 'seeker',
          reporterPseudonym: 'Starling',
          aboutPseudonym: 'Juniper',
          aboutListenerUserId: userId(3),
          reason: 'safety',
        }),
      ),
      message(`report notice, a listener reported the person they listen to (${language})`, () =>
        pairings.renderReportNotice(t, { reportId: cuid('report', 2), initiativeName: SMALL.name, reporterSide: 'listener', reporterPseudonym: 'Fox', aboutPseudonym: 'Otter', reason: 'guidelines' }),
      ),
      view(`reply to a report, already replied to (${language})`, () =>
        pairings.renderReportReplyModal(t, { reportId: cuid('report', 1), reporterPseudonym: 'Starling', initiativeName: BIG.name, repliedAt: NOW }),
      ),
      view(`reply to a report, first reply (${language})`, () => pairings.renderReportReplyModal(t, { reportId: cuid('report', 1), reporterPseudonym: 'Otter', initiativeName: SMALL.name, repliedAt: null })),
      view(`reply to a report, the reporter can no longer be reached (${language})`, () => pairings.renderReplyAnswer(t, t('reports.coordinators.reporterGone'))),
      message(`a listener asks the coordinators for support, long initiative name (${language})`, () =>
        pairings.renderCrisisSupportNotice(t, { listenerId: userId(4), initiativeName: BIG.name }),
      ),
    ];
  }),
  message('a coordinator\'s reply, as long as allowed', () =>
    pairings.renderReportReply({ initiativeName: BIG.name, reporterPseudonym: 'Starling', text: words(REPORT_REPLY_MAX) }),
  ),
  message('a coordinator\'s reply, every character escaped', () => pairings.renderReportReply({ initiativeName: BIG.name, reporterPseudonym: 'Otter', text: '<'.repeat(REPORT_REPLY_MAX) })),
  message('a coordinator\'s reply, one line per character', () => pairings.renderReportReply({ initiativeName: SMALL.name, reporterPseudonym: 'Otter', text: 'a\n'.repeat(REPORT_REPLY_MAX / 2) })),

  // requests
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return [
      view(`request modal, small initiative (${language})`, () => requests.renderRequestModal(language, SMALL)),
      view(`request modal, 50 long topics and long resources (${language})`, () => requests.renderRequestModal(language, BIG)),
      view(`help right now, with resources (${language})`, () => requests.renderHelpNowModal(t, words(2500))),
      view(`help right now, no resources (${language})`, () => requests.renderHelpNowModal(t, null)),
      view(`request sent, with long resources (${language})`, () => requests.renderRequestSent(t, words(2500))),
    ];
  }),
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return [
      message(`waiting for a listener (${language})`, () => requests.renderWaiting(t, { text: 'I am looking for a listener for you.', resources: words(2500), requestId: cuid('request', 2) })),
      message(`waiting message, open with an estimate and long resources (${language})`, () =>
        requests.renderWaitingStatus(t, { kind: 'open', text: 'I am looking for a listener for you.', resources: words(2500), requestId: cuid('request', 3), estimateHours: 12 }),
      ),
      message(`waiting message, paired (${language})`, () => requests.renderWaitingStatus(t, { kind: 'paired' })),
      message(`waiting message, cancelled (${language})`, () => requests.renderWaitingStatus(t, { kind: 'cancelled' })),
      message(`offer to a listener, long topic and note (${language})`, () =>
        requests.renderOffer(t, {
          offerId: cuid('offer', 1),
          seekerPseudonym: 'quiet-otter',
          topic: BIG.topics[0]!.label,
          note: words(NOTE_MAX),
          timeoutHours: 24,
          acceptId: PairingIds.acceptOffer,
          declineId: PairingIds.declineOffer,
          pauseUntil: { actionId: ListenerIds.pauseUntilButton, value: JSON.stringify({ initiativeId: cuid('initiative', 1), offerId: cuid('offer', 1) }) },
        }),
      ),
      message(`offer to a listener, no topic or note (${language})`, () =>
        requests.renderOffer(t, { offerId: cuid('offer', 2), seekerPseudonym: 'quiet-otter', topic: null, note: null, timeoutHours: 1, acceptId: PairingIds.acceptOffer, declineId: PairingIds.declineOffer }),
      ),
    ];
  }),
  message('plain request note', () => requests.renderPlain('Your request is cancelled.')),
  view('resources before choosing, the most initiatives', () =>
    common.modal({ callbackId: 'x', title: 'Choose', blocks: requests.renderResourcesLead(english, Array.from({ length: 14 }, (_, i) => initiative(60 + i))) }),
  ),

  // shared modals
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return [
      view(`loading modal (${language})`, () => common.loadingModal(t, t('requests.title'))),
      view(`loading modal, long title and text (${language})`, () => common.loadingModal(t, words(40), words(4000))),
      view(`message modal, long title and text (${language})`, () => common.messageModal(t, words(40), words(4000))),
    ];
  }),
  view('failure modal, with resources', () => failures.renderFailureModal('That did not work.', words(2500))),
  view('failure modal, no resources', () => failures.renderFailureModal('That did not work.', null)),
];

function errorsOf(surface: SurfaceCase): string[] {
  return surface.kind === 'message' ? validateMessage(surface.render()) : validateView(surface.render());
}

describe('every surface the app sends is one Slack accepts', () => {
  it.each(CASES)('$name', (surface) => {
    expect(errorsOf(surface)).toEqual([]);
  });

  it('the circles list keeps what joining agrees to, however many circles it lists (invariant 3)', () => {
    for (const surface of CASES.filter((c) => c.name.startsWith('circles list, full of circles'))) {
      const view = surface.render() as { blocks: unknown[] };
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      // The consent text's last part (how to withdraw, naming `/peer delete-my-data` in every language) is the last block.
      expect(JSON.stringify(view.blocks.at(-1))).toContain('/peer delete-my-data');
    }
  });

  it('every exported view has at least one case, so a new view cannot skip this check', () => {
    called.clear();
    for (const surface of CASES) surface.render();

    const exported = Object.entries(VIEW_MODULES).flatMap(([name, mod]) =>
      Object.entries(mod)
        .filter(([, value]) => typeof value === 'function')
        .map(([key]) => `${name}.${key}`),
    );
    expect(exported.length).toBeGreaterThan(30);
    expect([...exported, ...OTHER_SURFACES].filter((name) => !called.has(name))).toEqual([]);
  });
});

describe('every surface draws on the demo page (issue 18)', () => {
  const ctx = { nameOf: () => undefined, fileUrl: (id: string) => `/files/${id}`, people: [['U0PERSON01', 'Sam']] as const, idPrefix: 'p' };
  it.each(CASES)('$name', (surface) => {
    const rendered = surface.render() as { blocks?: unknown[] };
    const html = renderBlocks(rendered.blocks ?? [], ctx);
    // Every block and element the app sends has a drawing, and nothing the app wrote became markup.
    expect(html).not.toContain('bk-unsupported');
    expect(html).not.toMatch(/<(script|iframe|object|style)\b/i);
    expect(html.length > 0).toBe((rendered.blocks ?? []).length > 0);
  });
});

describe('the hard cases keep what matters', () => {
  const buttons = (blocks: unknown): { action_id?: string; value?: string }[] =>
    (blocks as { elements?: { action_id?: string; value?: string }[] }[]).flatMap((b) => b.elements ?? []);

  it('the busiest Home tab still shows an insights button per initiative and the data and setup buttons', () => {
    const { blocks } = home.renderHome(BUSIEST_HOME);
    expect(blocks.length).toBeLessThanOrEqual(100);
    const ids = buttons(blocks).map((b) => b.action_id);
    expect(buttons(blocks).filter((b) => b.action_id === InsightsIds.openButton).map((b) => b.value)).toEqual(SEVERAL.map((i) => i.id));
    expect(ids.at(-1)).toBe('initiative.setup_button');
    expect(ids).toContain('my_data.delete');
    // Every coordinated initiative keeps its settings button, and says how many more wait.
    expect(buttons(blocks).filter((b) => b.action_id === 'initiative.edit')).toHaveLength(3);
    expect(JSON.stringify(blocks)).toContain('more waiting for approval');
  });

  it('the pause form starts at the day a pause ends where the listener lives, and carries the offer it came from (issue 15)', () => {
    const paused = { ...profile(9, 'paused'), pausedUntil: new Date('2026-12-13T11:00:00Z'), timezone: 'Pacific/Auckland', pauseReason: 'self' as const };
    const view = listeners.renderPauseModal(english, { profile: paused, offerId: cuid('offer', 9) });
    const input = view.blocks.find((b) => b.type === 'input' && b.block_id === ListenerIds.blocks.pauseUntil) as unknown as { element: Record<string, unknown>; optional: boolean };
    // 11:00 UTC on the 13th is midnight on the 14th in Auckland.
    expect(input.element).toMatchObject({ type: 'datepicker', initial_date: '2026-12-14' });
    expect(input.optional).toBe(true);
    expect(JSON.stringify(view.blocks)).toContain('Monday 14 December 2026');
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ initiativeId: paused.initiativeId, offerId: cuid('offer', 9), language: 'en' });
    // The day in the listener's language, as it writes dates.
    expect(JSON.stringify(listeners.renderPauseModal(translatorFor('de'), { profile: paused }).blocks)).toContain('Montag, 14. Dezember 2026');
    expect(JSON.stringify(listeners.renderPauseModal(translatorFor('es'), { profile: paused }).blocks)).toContain('lunes, 14 de diciembre de 2026');
    const fresh = listeners.renderPauseModal(english, { profile: profile(8, 'active') });
    expect((fresh.blocks.find((b) => b.type === 'input') as unknown as { element: Record<string, unknown> }).element.initial_date).toBeUndefined();
    expect(JSON.parse(fresh.private_metadata ?? '')).toEqual({ initiativeId: profile(8, 'active').initiativeId, language: 'en' });
  });

  it('a coordinator of 300 listeners with 40 topics waiting sees a capped list of each, saying how many more (issue 15)', () => {
    const { blocks } = home.renderHome(CROWDED_HOME);
    expect(blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(blocks);
    expect(json).toContain('…and 275 more listeners');
    expect(json).toContain('…and 30 more topics');
    expect(json).toContain('paused (no answer)');
    expect(buttons(blocks).filter((b) => b.action_id === ListenerIds.approve).length).toBeGreaterThan(0);
    expect(buttons(blocks).filter((b) => b.action_id === 'initiative.edit')).toHaveLength(1);
  });

  it("a listener's dashboard names their coordinators, capped, and each conversation by pseudonym only (issue 15)", () => {
    const json = JSON.stringify(home.renderHome(LISTENER_HOME).blocks);
    expect(json).toContain('…and 190 more coordinators');
    expect(json).toContain('a colleague (Otter)');
    expect(json).toContain('paused until Monday 14 December');
    expect(json).toContain('paused because three offers went unanswered');
    expect(buttons(home.renderHome(LISTENER_HOME).blocks).filter((b) => b.action_id === ListenerIds.pauseUntilButton).map((b) => b.value)).toEqual([SMALL.id]);
  });

  it('every button that cannot be undone asks first, in red where it destroys something (issue 14)', () => {
    const confirmOf = (blocks: unknown, actionId: string) =>
      (buttons(blocks) as { action_id?: string; confirm?: { style?: string; title?: unknown; text?: unknown; confirm?: unknown; deny?: unknown } }[])
        .filter((b) => b.action_id === actionId)
        .map((b) => b.confirm);
    const cases: [string, unknown, string, boolean][] = [
      ['seeker introduction: end', pairings.renderSeekerIntro(english, { pairingId: 'p1', listenerPseudonym: 'kind-heron', seekerPseudonym: 'quiet-otter', listenerIntro: null }).blocks, PairingIds.end, true],
      ['seeker introduction: someone else', pairings.renderSeekerIntro(english, { pairingId: 'p1', listenerPseudonym: 'kind-heron', seekerPseudonym: 'quiet-otter', listenerIntro: null }).blocks, PairingIds.someoneElse, true],
      ['listener introduction: reveal', pairings.renderListenerIntro(english, { pairingId: 'p1', seekerPseudonym: 'quiet-otter', listenerPseudonym: 'kind-heron', topic: null, note: null, guidelines: 'Be kind.' }).blocks, PairingIds.reveal, false],
      ['reveal offered', pairings.renderRevealOffer(english, 'p1').blocks, PairingIds.reveal, false],
      ['crisis note: share resources', pairings.renderCrisisNote(english, { pairingId: 'p1', resources: 'Call 0800 555 0100.', coordinatorIds: ['U0COORD001'] }).blocks, PairingIds.shareResources, false],
      ['crisis note: ask a coordinator', pairings.renderCrisisNote(english, { pairingId: 'p1', resources: 'Call 0800 555 0100.', coordinatorIds: ['U0COORD001'] }).blocks, PairingIds.askCoordinator, false],
      ...APP_LANGUAGES.flatMap((language): [string, unknown, string, boolean][] => [
        [`/peer stop chooser (${language})`, listeners.renderChooseProfile(translatorFor(language), { actionId: ListenerIds.stopButton, verb: 'stop', profiles: BUSIEST_HOME.profiles }).blocks, ListenerIds.stopButton, true],
        [`approval request: decline (${language})`, listeners.renderApprovalRequest(translatorFor(language), { profile: profile(1, 'pending'), topicLabels: ['Anxiety'] }).blocks, ListenerIds.decline, true],
      ]),
      ...APP_LANGUAGES.flatMap((language): [string, unknown, string, boolean][] => {
        const blocks = home.renderHome({ ...BUSIEST_HOME, language: { current: language, chosen: null } }).blocks;
        return [
          [`Home: stop (${language})`, blocks, ListenerIds.stopButton, true],
          [`Home: decline (${language})`, blocks, ListenerIds.decline, true],
          [`Home: delete my data (${language})`, blocks, MyDataIds.deleteButton, true],
        ];
      }),
      ['planned-ending question: wrap up', checkIns.renderReviewCheckIn(english, { checkInId: 'c1', otherPseudonym: 'kind-heron', weeks: 6 }).blocks, CheckInIds.answer.wrap_up, true],
    ];
    for (const [name, blocks, actionId, destructive] of cases) {
      const confirms = confirmOf(blocks, actionId);
      expect(confirms.length, name).toBeGreaterThan(0);
      for (const c of confirms) {
        expect(c && c.title && c.text && c.confirm && c.deny, name).toBeTruthy();
        expect(c?.style, name).toBe(destructive ? 'danger' : undefined);
      }
    }
    // Pause is undone by resume: no dialog in its way.
    expect(confirmOf(listeners.renderChooseProfile(english, { actionId: ListenerIds.pauseButton, verb: 'pause', profiles: BUSIEST_HOME.profiles }).blocks, ListenerIds.pauseButton)).toEqual(
      BUSIEST_HOME.profiles.map(() => undefined),
    );
  });

  it('the notification text of a relayed message and of an offer carries no content (issue 14)', () => {
    const secret = 'my manager shouted at me again';
    expect(pairings.renderRelayed('quiet-otter', secret).text).toBe('New message in Peer Support');
    expect(pairings.renderRelayed('quiet-otter', secret, { previews: false }).text).toBe('New message in Peer Support');
    // Only for a recipient who turned previews on for themselves.
    expect(pairings.renderRelayed('quiet-otter', secret, { previews: true }).text).toBe(`a colleague (quiet-otter): ${secret}`);
    const offer = requests.renderOffer(english, { offerId: 'o1', seekerPseudonym: 'quiet-otter', topic: 'Bereavement', note: secret, timeoutHours: 24, acceptId: PairingIds.acceptOffer, declineId: PairingIds.declineOffer });
    expect(offer.text).toBe('Someone would like to talk (Peer Support)');
    expect(JSON.stringify(offer.blocks)).toContain(secret);
    const intro = pairings.renderListenerIntro(english, { pairingId: 'p1', seekerPseudonym: 'quiet-otter', listenerPseudonym: 'kind-heron', topic: 'Bereavement', note: secret, guidelines: 'Be kind.' });
    expect(intro.text).not.toContain('Bereavement');
    expect(intro.text).not.toContain(secret);
  });

  it("a coordinator's notices and reply form keep every word in every language: no title, button or notification cut short (issue 19)", () => {
    for (const language of APP_LANGUAGES) {
      const t = translatorFor(language);
      // The reply button names the reporter: with the longest pseudonym there is, it is still whole.
      const notice = pairings.renderReportNotice(t, { reportId: cuid('report', 1), initiativeName: BIG.name, reporterSide: 'seeker', reporterPseudonym: LONGEST_PSEUDONYM, aboutPseudonym: 'Juniper', aboutListenerUserId: userId(3), reason: 'safety' });
      const button = buttons(notice.blocks).find((b) => b.action_id === PairingIds.replyToReport) as { text: { text: string } };
      expect(button.text.text, language).toBe(t('reports.coordinators.replyButton', { pseudonym: LONGEST_PSEUDONYM }));
      expect(notice.text, language).toBe(t('reports.coordinators.notification'));
      const form = pairings.renderReportReplyModal(t, { reportId: cuid('report', 1), reporterPseudonym: 'Starling', initiativeName: BIG.name, repliedAt: NOW });
      expect([form.title.text, form.submit?.text, form.close?.text], language).toEqual([t('reports.coordinators.replyTitle'), t('reports.coordinators.replySubmit'), t('common.cancel')]);
      expect(JSON.parse(form.private_metadata ?? '')).toEqual({ reportId: cuid('report', 1), language });
      const answer = pairings.renderReplyAnswer(t, t('reports.coordinators.replySent', { pseudonym: 'Starling' }));
      expect([answer.title.text, answer.close?.text], language).toEqual([t('reports.coordinators.replyTitle'), t('common.close')]);
      expect(pairings.renderCrisisSupportNotice(t, { listenerId: userId(4), initiativeName: BIG.name }).text, language).toBe(t('pairings.crisis.coordinatorNotification'));
    }
    // The date a reply was sent, as each language writes it where Slack cannot show its own.
    const dates = APP_LANGUAGES.map((language) => JSON.stringify(pairings.renderReportReplyModal(translatorFor(language), { reportId: cuid('report', 1), reporterPseudonym: 'Otter', initiativeName: SMALL.name, repliedAt: NOW }).blocks));
    expect(dates[0]).toContain('|3 December 2026>');
    expect(dates[1]).toContain('|3. Dezember 2026>');
    expect(dates[2]).toContain('|3 de diciembre de 2026>');
  });

  it('the invitation DM shows its text and the whole consent text in every language, nothing clipped (issue 19)', () => {
    for (const language of APP_LANGUAGES) {
      const t = translatorFor(language);
      for (const role of ['coordinator', 'hr_viewer'] as const) {
        const dm = invitations.renderInvitation(t, { inviterId: userId(1), invitation: { id: cuid('invitation', 1), role, initiativeName: BIG.name } });
        const texts = (dm.blocks as { text?: { text: string } }[]).map((b) => b.text?.text);
        expect(texts, `${language} ${role}`).toEqual([t('invitations.header'), invitationCopy.invitationText(t, userId(1), role, BIG.name), consentText(role, language).text, undefined]);
        expect(buttons(dm.blocks).map((b) => (b as { text?: { text: string } }).text?.text), `${language} ${role}`).toEqual([t('invitations.accept'), t('invitations.decline')]);
      }
    }
  });

  it('the pause question offers every initiative the person listens in', () => {
    const { blocks } = listeners.renderChooseProfile(english, { actionId: ListenerIds.pauseButton, verb: 'pause', profiles: BUSIEST_HOME.profiles });
    expect(buttons(blocks).map((b) => b.value)).toEqual(BUSIEST_HOME.profiles.map((p) => p.initiativeId));
  });

  it('insights list every topic, split over sections rather than cut at 3000 characters', () => {
    const shown = buildInsights(rawInsights(5, MAX_TOPICS, 40));
    const text = JSON.stringify(insights.renderInsights({ initiative: BIG, shown, chartFileId: null, isCoordinator: true }).blocks);
    const last = shown.topics.at(-1)!.label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(text).toContain(JSON.stringify(last).slice(1, -1));
  });

  it('more initiatives than radio buttons hold are offered in a menu, the new one included', () => {
    const many = Array.from({ length: 14 }, (_, i) => initiative(40 + i));
    const chosen = initiatives.renderChooseModal({ purpose: 'setup', initiatives: many, allowNew: true });
    const element = (chosen.blocks.at(-1) as { element: { type: string; options: { value: string }[] } }).element;
    expect(element.type).toBe('static_select');
    expect(element.options.map((o) => o.value)).toEqual([...many.map((i) => i.id), 'new']);
    const few = initiatives.renderChooseModal({ purpose: 'setup', initiatives: many.slice(0, 3), allowNew: true });
    expect((few.blocks.at(-1) as { element: { type: string } }).element.type).toBe('radio_buttons');
  });

  // The setup form shows the topic list in one text input, which Slack caps at 3000 characters: the
  // most topics of the longest length the form accepts must fit when the initiative is edited.
  it('the longest topic list the setup form accepts fits in its text input when edited', () => {
    const longest = initiative(3, { topics: topics(MAX_TOPICS, MAX_TOPIC_LENGTH) });
    expect(validateView(initiatives.renderSetupModal(english, { initiative: longest, needsConsent: false }))).toEqual([]);
  });
});
