import { APP_LANGUAGES } from '../../../src/domain/app-language.js';
import { english, translatorFor } from '../../../src/i18n/translate.js';
import { describe, expect, it } from 'vitest';
import * as checkInCopy from '../../../src/features/check-ins/copy.js';
import * as checkInViews from '../../../src/features/check-ins/views.js';
import { renderFailureModal, resourcesIn } from '../../../src/features/common/answer-failures.js';
import { escapeMrkdwn } from '../../../src/features/common/blocks.js';
import * as helpCopy from '../../../src/features/help/copy.js';
import { renderHelp } from '../../../src/features/help/views.js';
import * as homeCopy from '../../../src/features/home/copy.js';
import { renderHome } from '../../../src/features/home/views.js';
import * as initiativeCopy from '../../../src/features/initiatives/copy.js';
import type { Initiative } from '../../../src/features/initiatives/service.js';
import * as initiativeViews from '../../../src/features/initiatives/views.js';
import * as invitationCopy from '../../../src/features/initiatives/invitation-copy.js';
import * as invitationViews from '../../../src/features/initiatives/invitation-views.js';
import * as insightsCopy from '../../../src/features/insights/copy.js';
import { renderAccessLog } from '../../../src/features/insights/views.js';
import * as listenerCopy from '../../../src/features/listeners/copy.js';
import { ListenerIds } from '../../../src/features/listeners/ids.js';
import type { ListenerProfile } from '../../../src/features/listeners/service.js';
import * as listenerViews from '../../../src/features/listeners/views.js';
import * as myDataCopy from '../../../src/features/my-data/copy.js';
import type { MyData } from '../../../src/features/my-data/service.js';
import * as myDataViews from '../../../src/features/my-data/views.js';
import * as pairingCopy from '../../../src/features/pairings/copy.js';
import * as pairingViews from '../../../src/features/pairings/views.js';
import * as requestCopy from '../../../src/features/requests/copy.js';
import { PairingIds } from '../../../src/features/pairings/ids.js';
import * as requestViews from '../../../src/features/requests/views.js';
import * as safetyCopy from '../../../src/features/safety/copy.js';
import * as safetyViews from '../../../src/features/safety/views.js';
import { CHANNEL, inertTextProblems, LINK, MENTION, textsOf } from '../../support/inert-text.js';

// Text from people is inert (issue 13): every string a person typed is escaped exactly once where it
// enters mrkdwn (copy functions and views take it raw and escape it), never in plain_text. A new copy
// function fails the coverage test below until it says whether it puts a person's text into mrkdwn.

const HOSTILE = `${LINK} ${MENTION} ${CHANNEL} & Co`;
const ESCAPED = escapeMrkdwn(HOSTILE);

// ---- Copy functions ------------------------------------------------------------------------------

const COPY_MODULES: Record<string, object> = {
  'check-ins': checkInCopy,
  help: helpCopy,
  home: homeCopy,
  initiatives: initiativeCopy,
  invitations: invitationCopy,
  insights: insightsCopy,
  listeners: listenerCopy,
  'my-data': myDataCopy,
  pairings: pairingCopy,
  requests: requestCopy,
  safety: safetyCopy,
};

const MY_DATA: MyData = {
  generatedAt: '2026-12-03T09:00:00.000Z',
  workspaceId: 'T0WORKSPACE',
  userId: 'U0PERSON01',
  listenerProfiles: [
    { initiative: HOSTILE, status: 'active', pauseReason: null, pausedUntil: null, unansweredOffersInARow: 0, capacity: 2, introduction: HOSTILE, languages: ['en'], quietHours: null, workingHours: { days: ['Monday', 'Friday'], start: '09:00', end: '18:00' }, topics: [HOSTILE, HOSTILE], createdAt: '2026-12-01T09:00:00.000Z' },
  ],
  roles: [{ initiative: HOSTILE, role: 'coordinator', since: '2026-12-01T09:00:00.000Z' }],
  requests: [
    {
      initiative: HOSTILE,
      topic: HOSTILE,
      note: HOSTILE,
      language: null,
      similarTimezone: false,
      status: 'closed',
      createdAt: '2026-12-01T09:00:00.000Z',
      pairings: [{ yourPseudonym: 'quiet-otter', listenerPseudonym: 'kind-heron', status: 'ended', startedAt: '2026-12-01T09:00:00.000Z', endedAt: null }],
    },
  ],
  pairingsAsListener: [],
  doNotPairAgain: 0,
  concernsRaised: 2,
  timezone: 'Europe/London',
  locale: HOSTILE,
  preferences: { notificationPreviews: true, language: 'de', updatedAt: '2026-03-01T00:00:00.000Z' },
  checkIns: [],
  insightsAccess: [],
  invitations: [{ initiative: HOSTILE, role: 'hr_viewer', invitedAt: '2026-12-01T09:00:00.000Z', language: 'de' }],
  consentRecords: [],
};

/** Each copy function that puts a person's text into mrkdwn, called with hostile text in every such place. */
const TAKES_TEXT: Record<string, () => string> = {
  'check-ins.coordinatorNotice': () => checkInCopy.coordinatorNotice('U0LISTENER', HOSTILE),
  'help.unknownCommandLine': () => helpCopy.unknownCommandLine(english, HOSTILE),
  'home.waitingTopic': () => homeCopy.waitingTopic(english, HOSTILE, 3, 7_200_000),
  'home.yourTopics': () => homeCopy.yourTopics(english, [HOSTILE, 'Anxiety']),
  'home.offersArrive': () => homeCopy.offersArrive(english, 'Mon to Fri, 09:00 to 18:00', HOSTILE, { start: '22:00', end: '07:00' }),
  'home.ownStatus': () =>
    homeCopy.ownStatus(english, 'en', HOSTILE, { status: 'paused', pausedUntil: new Date(0), pauseReason: 'self', timezone: null, capacity: 2 }, 0),
  'home.requestLine': () => homeCopy.requestLine(english, HOSTILE, false),
  'home.youCoordinate': () => homeCopy.youCoordinate(english, HOSTILE),
  'initiatives.created': () => initiativeCopy.created(english, HOSTILE, 2),
  'initiatives.saved': () => initiativeCopy.saved(english, HOSTILE, 1),
  // The invitation's words in every language and for both roles (issue 19).
  ...Object.fromEntries(
    (['invitationText', 'roleAccepted', 'invitationWithdrawn', 'invitationExpired'] as const).map((name) => [
      `invitations.${name}`,
      () =>
        APP_LANGUAGES.flatMap((language) =>
          (['coordinator', 'hr_viewer'] as const).map((role) =>
            name === 'invitationText' ? invitationCopy.invitationText(translatorFor(language), 'U0INVITER1', role, HOSTILE) : invitationCopy[name](translatorFor(language), role, HOSTILE),
          ),
        ).join('\n'),
    ]),
  ),
  // In every language, each note that names the initiative.
  'listeners.initiativeNote': () =>
    APP_LANGUAGES.flatMap((language) =>
      Object.keys(listenerCopy.INITIATIVE_NOTE_KEYS).map((note) => listenerCopy.initiativeNote(translatorFor(language), note as listenerCopy.InitiativeNote, HOSTILE)),
    ).join('\n'),
  'listeners.notPaused': () => `${listenerCopy.notPaused(english, HOSTILE, 'pending')}\n${listenerCopy.notPaused(english, HOSTILE, 'active')}`,
  'listeners.approvalRequest': () => listenerCopy.approvalRequest(english, 'U0LISTENER', HOSTILE, HOSTILE),
  'listeners.decidedByYou': () => `${listenerCopy.decidedByYou(english, true, 'U0LISTENER', HOSTILE)}\n${listenerCopy.decidedByYou(translatorFor('es'), false, 'U0LISTENER', HOSTILE)}`,
  'listeners.currentlyPaused': () => listenerCopy.currentlyPaused(translatorFor('de'), HOSTILE),
  'listeners.pausedUntilDate': () => listenerCopy.pausedUntilDate(translatorFor('es'), HOSTILE, HOSTILE),
  'my-data.soleCoordinatorWarning': () => myDataCopy.soleCoordinatorWarning([HOSTILE, HOSTILE]),
  'my-data.myDataSummary': () => myDataCopy.myDataSummary(MY_DATA),
  'pairings.introForListener': () => pairingCopy.introForListener(english, 'quiet-otter', HOSTILE),
  'pairings.guidelinesReminder': () => pairingCopy.guidelinesReminder(english, HOSTILE),
  'pairings.reportNotice': () =>
    APP_LANGUAGES.flatMap((language) => [
      pairingCopy.reportNotice(translatorFor(language), { reportId: 'r1', initiativeName: HOSTILE, reporterSide: 'seeker', reporterPseudonym: 'quiet-otter', aboutPseudonym: 'kind-heron', reason: 'other', aboutListenerUserId: 'U0LISTENER' }),
      pairingCopy.reportNotice(translatorFor(language), { reportId: 'r1', initiativeName: HOSTILE, reporterSide: 'listener', reporterPseudonym: 'kind-heron', aboutPseudonym: 'quiet-otter', reason: 'safety' }),
    ]).join('\n'),
  'pairings.replyIntro': () => APP_LANGUAGES.map((language) => pairingCopy.replyIntro(translatorFor(language), 'quiet-otter', HOSTILE)).join('\n'),
  'pairings.reportReplyLead': () => pairingCopy.reportReplyLead(english, HOSTILE, 'quiet-otter'),
  'listeners.approvalDecided': () =>
    APP_LANGUAGES.map((language) =>
      listenerCopy.approvalDecided(translatorFor(language), { listenerId: 'U0LISTENER', coordinatorId: 'U0COORD001', initiative: HOSTILE, approved: language !== 'de', at: new Date(0) }),
    ).join('\n'),
  'pairings.crisisSupportNotice': () => APP_LANGUAGES.map((language) => pairingCopy.crisisSupportNotice(translatorFor(language), 'U0LISTENER', HOSTILE)).join('\n'),
  'requests.requestReceived': () => requestCopy.requestReceived(english, HOSTILE),
  'requests.noListenerYet': () => requestCopy.noListenerYet(english, HOSTILE),
  'requests.listenersOffHours': () => requestCopy.listenersOffHours(english, HOSTILE),
  'requests.offerText': () => requestCopy.offerText(english, 'Quiet Otter', HOSTILE),
  'safety.requestStatusLine': () => safetyCopy.requestStatusLine(english, HOSTILE, 'waiting'),
};

/**
 * Copy functions that take only the app's own values (pseudonyms, ids, numbers, roles, dates), or whose
 * text is shown as plain text only (a form field's error message is never mrkdwn).
 */
const APP_VALUES_ONLY = [
  'initiatives.placeholderLeft',
  'initiatives.defaultTexts',
  'insights.topicsIn',
  'initiatives.topicLinesMismatch',
  'check-ins.seekerQuestion',
  'check-ins.listenerLoad',
  'check-ins.reviewQuestion',
  'check-ins.confirmWrapUp',
  'pairings.listenerThanks',
  'home.durationText',
  'home.localDate',
  'home.workingHours',
  'home.slotsUsed',
  'home.conversationLine',
  'home.listenerForCoordinator',
  'home.waitingLine',
  'home.yourCoordinators',
  'home.andMore',
  'home.confirmStop',
  'home.confirmDecline',
  'home.confirmDelete',
  'listeners.pauseDate',
  'invitations.roleDeclined',
  'invitations.notYourInvitation',
  'invitations.invitationGone',
  'initiatives.notAllowedToCreate',
  'insights.explainer',
  'insights.todayHeading',
  'insights.timeToMatchHidden',
  'insights.minutesText',
  'pairings.introForSeeker',
  'pairings.introForListenerNotification',
  'pairings.youAppearAs',
  'pairings.confirmEnd',
  'pairings.confirmSomeoneElse',
  'pairings.confirmReveal',
  'pairings.revealed',
  'pairings.crisisCoordinators',
  'pairings.resourcesSharedWithYou',
  'pairings.resourcesShared',
  'pairings.confirmShareResources',
  'pairings.confirmAskCoordinator',
  'pairings.alreadyReplied',
  'requests.offerExpiry',
  'requests.waitEstimate',
];

describe('copy functions escape the text people typed, once', () => {
  it.each(Object.entries(TAKES_TEXT))('%s', (_name, render) => {
    const text = render();
    expect(inertTextProblems({ text })).toEqual([]);
    // help echoes a command as inert code, with mrkdwn's characters dropped rather than escaped.
    if (_name !== 'help.unknownCommandLine') expect(text).toContain(ESCAPED);
  });

  it('every exported copy function is listed above, as taking a person\'s text or only app values', () => {
    const exported = Object.entries(COPY_MODULES).flatMap(([name, mod]) =>
      Object.entries(mod)
        .filter(([, value]) => typeof value === 'function')
        .map(([key]) => `${name}.${key}`),
    );
    const listed = new Set([...Object.keys(TAKES_TEXT), ...APP_VALUES_ONLY]);
    expect(exported.filter((name) => !listed.has(name))).toEqual([]);
  });
});

// ---- Views -----------------------------------------------------------------------------------------

const INITIATIVE: Initiative = {
  id: 'cinitiative0000000000001',
  workspaceId: 'T0WORKSPACE',
  name: HOSTILE,
  description: HOSTILE,
  resources: HOSTILE,
  guidelines: HOSTILE,
  approvalRequired: true,
  minGroupSize: 5,
  retentionDays: 90,
  firstCheckInDays: 7,
  checkInEveryDays: 14,
  topics: [
    { id: 'ctopic00000000000000001', label: HOSTILE },
    { id: 'ctopic00000000000000002', label: 'Anxiety' },
  ],
};

const PROFILE: ListenerProfile = {
  id: 'cprofile000000000000001',
  initiativeId: INITIATIVE.id,
  initiativeName: HOSTILE,
  userId: 'U0LISTENER',
  status: 'pending',
  capacity: 2,
  workDays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '18:00',
  timezone: 'Europe/London',
  pausedUntil: null,
  pauseReason: null,
  intro: HOSTILE,
  languages: ['en'],
  quietHoursStart: null,
  quietHoursEnd: null,
  topicIds: [INITIATIVE.topics[0]!.id],
};

/**
 * Each view a person's text reaches, rendered with hostile text everywhere. `plainShows`: plain_text
 * (a button, an option, a text input) shows it as typed; `noMrkdwn`: it appears in no mrkdwn there.
 */
const VIEWS: { name: string; render: () => unknown; plainShows?: boolean; noMrkdwn?: boolean }[] = [
  { name: 'seeker check-in', render: () => checkInViews.renderSeekerCheckIn(english, { checkInId: 'c1', listenerPseudonym: 'kind-heron', resources: HOSTILE }) },
  { name: 'waiting update', render: () => checkInViews.renderWaitingUpdate(english, { requestId: 'r1', resources: HOSTILE }) },
  // What was typed is echoed as code, with mrkdwn's characters dropped rather than escaped.
  { name: 'help after an unknown command', render: () => renderHelp(english, HOSTILE), noMrkdwn: true },
  // In every language the app speaks (issue 19): the words change, what people typed is escaped the same.
  ...APP_LANGUAGES.map((language) => ({
    name: `Home tab: a seeker, a listener, a coordinator and an HR viewer at once (${language})`,
    render: () =>
      renderHome({
        now: new Date('2026-12-03T09:00:00Z'),
        initiatives: [INITIATIVE],
        requests: [{ id: 'r1', initiativeId: INITIATIVE.id, status: 'waiting', topic: HOSTILE, createdAt: new Date(0) }],
        profiles: [{ ...PROFILE, status: 'active', topicIds: INITIATIVE.topics.map((t) => t.id) }],
        conversations: [{ listenerId: PROFILE.id, seekerPseudonym: 'Otter', startedAt: new Date('2026-11-21T09:00:00Z') }],
        coordinatorsOf: { [INITIATIVE.id]: ['U0COORD001'] },
        coordinated: [
          {
            initiative: INITIATIVE,
            listeners: [PROFILE, { ...PROFILE, id: 'p2', status: 'active' }],
            load: { p2: 1 },
            waiting: [{ topic: HOSTILE, count: 2, oldestAt: new Date('2026-12-01T09:00:00Z') }],
          },
        ],
        insightsOf: [INITIATIVE],
        language: { current: language, chosen: language },
      }),
    plainShows: true,
  })),
  { name: 'setup form, editing', render: () => initiativeViews.renderSetupModal(english, { initiative: INITIATIVE, needsConsent: false }), plainShows: true, noMrkdwn: true },
  {
    name: 'choose an initiative, resources first',
    render: () => initiativeViews.renderChooseModal({ purpose: 'request', initiatives: [INITIATIVE, { ...INITIATIVE, id: 'other' }], lead: requestViews.renderResourcesLead(english, [INITIATIVE]) }),
    plainShows: true,
  },
  ...APP_LANGUAGES.flatMap((language) => [
    {
      name: `invitation (${language})`,
      render: () => invitationViews.renderInvitation(translatorFor(language), { inviterId: 'U0INVITER1', invitation: { id: 'cinvitation1', role: 'hr_viewer', initiativeName: HOSTILE } }),
    },
    { name: `invitation answered (${language})`, render: () => invitationViews.renderInvitationAnswer(invitationCopy.roleAccepted(translatorFor(language), 'coordinator', HOSTILE)) },
  ]),
  { name: 'initiative created', render: () => initiativeViews.renderConfirmation(english, initiativeCopy.created(english, HOSTILE, 1)) },
  { name: 'insights access log', render: () => renderAccessLog(HOSTILE, [{ viewerId: 'U0VIEWER01', action: 'view', at: new Date(0) }]) },
  // The listeners capability in every language (issue 19), with guidelines and a topic the coordinators wrote in German too.
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    const translated = { ...INITIATIVE, texts: JSON.stringify({ de: { guidelines: HOSTILE, topics: { Anxiety: HOSTILE } } }) };
    return [
      { name: `listen form (${language})`, render: () => listenerViews.renderListenModal(t, { initiative: translated, profile: PROFILE, needsConsent: true }), plainShows: true },
      { name: `approval request (${language})`, render: () => listenerViews.renderApprovalRequest(t, { profile: PROFILE, topicLabels: [HOSTILE, 'Anxiety'] }) },
      {
        name: `which initiative to pause (${language})`,
        render: () => listenerViews.renderChooseProfile(t, { actionId: ListenerIds.pauseButton, verb: 'pause', profiles: [PROFILE, { ...PROFILE, id: 'p2' }] }),
        plainShows: true,
        noMrkdwn: true,
      },
      { name: `listener note (${language})`, render: () => listenerViews.renderText(listenerCopy.initiativeNote(t, 'welcomePending', HOSTILE)) },
      { name: `pause form (${language})`, render: () => listenerViews.renderPauseModal(t, { profile: { ...PROFILE, status: 'paused' }, offerId: 'o1' }) },
      { name: `welcome back (${language})`, render: () => listenerViews.renderListenerNote(t, 'welcomeBack', { initiativeName: HOSTILE, initiativeId: INITIATIVE.id }) },
      { name: `paused for no answer (${language})`, render: () => listenerViews.renderListenerNote(t, 'pausedForNoAnswer', { initiativeName: HOSTILE, initiativeId: INITIATIVE.id }) },
      { name: `a coordinator's decision (${language})`, render: () => listenerViews.renderListenerNote(t, 'declined', { initiativeName: HOSTILE, initiativeId: INITIATIVE.id }) },
    ];
  }),
  { name: 'my data', render: () => myDataViews.renderMyData(MY_DATA) },
  { name: 'confirm delete, sole coordinator', render: () => myDataViews.renderConfirmDelete([HOSTILE]) },
  { name: 'seeker introduction', render: () => pairingViews.renderSeekerIntro(english, { pairingId: 'p1', listenerPseudonym: 'kind-heron', seekerPseudonym: 'quiet-otter', listenerIntro: HOSTILE }) },
  {
    name: 'listener introduction',
    render: () => pairingViews.renderListenerIntro(english, { pairingId: 'p1', seekerPseudonym: 'quiet-otter', listenerPseudonym: 'kind-heron', topic: HOSTILE, note: HOSTILE, guidelines: HOSTILE }),
  },
  { name: 'pairing note with resources', render: () => pairingViews.renderNote(english('pairings.crisis.seekerLead'), HOSTILE) },
  {
    name: 'seeker ending: resources, ask again and "Did this help?"',
    render: () => pairingViews.renderSeekerEnding(english, { text: english('pairings.end.forSeekerByListener'), pairingId: 'p1', initiativeName: HOSTILE, resources: HOSTILE }),
  },
  { name: 'crisis note to a listener', render: () => pairingViews.renderCrisisNote(english, { pairingId: 'p1', resources: HOSTILE, coordinatorIds: ['U0COORD001'] }) },
  { name: 'resources shared by a listener', render: () => pairingViews.renderSharedResources(english, 'kind-heron', HOSTILE) },
  ...APP_LANGUAGES.flatMap((language) => {
    const t = translatorFor(language);
    return [
      {
        name: `report notice to a coordinator (${language})`,
        render: () =>
          pairingViews.renderReportNotice(t, { reportId: 'r1', initiativeName: HOSTILE, reporterSide: 'seeker', reporterPseudonym: 'Otter', aboutPseudonym: 'Fox', aboutListenerUserId: 'U0LISTENER', reason: 'other' }),
      },
      { name: `reply form (${language})`, render: () => pairingViews.renderReportReplyModal(t, { reportId: 'r1', reporterPseudonym: 'Otter', initiativeName: HOSTILE, repliedAt: new Date(0) }) },
      { name: `a listener asks the coordinators for support (${language})`, render: () => pairingViews.renderCrisisSupportNotice(t, { listenerId: 'U0LISTENER', initiativeName: HOSTILE }) },
    ];
  }),
  { name: 'request form', render: () => requestViews.renderRequestModal('en', INITIATIVE), plainShows: true },
  { name: 'help right now', render: () => requestViews.renderHelpNowModal(english, HOSTILE) },
  {
    name: 'safety net, with the resources and an open request',
    render: () => safetyViews.renderSafetyNet(english, { resources: [INITIATIVE], crisis: true, requests: [{ id: 'r1', initiativeId: INITIATIVE.id, status: 'waiting', topic: HOSTILE, createdAt: new Date(0) }] }),
  },
  { name: 'help with the resources first', render: () => renderHelp(english, undefined, [INITIATIVE]) },
  { name: 'waiting for a listener', render: () => requestViews.renderWaiting(english, { text: requestCopy.noListenerYet(english, HOSTILE), resources: HOSTILE, requestId: 'r1' }) },
  { name: 'request sent', render: () => requestViews.renderRequestSent(english, HOSTILE) },
  {
    name: 'waiting message, with an estimate',
    render: () => requestViews.renderWaitingStatus(english, { kind: 'open', text: requestCopy.noListenerYet(english, HOSTILE), resources: HOSTILE, requestId: 'r1', estimateHours: 3 }),
  },
  {
    name: 'offer',
    render: () => requestViews.renderOffer(english, { offerId: 'o1', seekerPseudonym: 'quiet-otter', topic: HOSTILE, note: HOSTILE, timeoutHours: 24, acceptId: PairingIds.acceptOffer, declineId: PairingIds.declineOffer }),
  },
  // The resources a failure modal repeats are read back from the form, already escaped: not escaped again.
  { name: 'failure modal with the resources of the form', render: () => renderFailureModal('That did not work.', resourcesIn(requestViews.renderRequestModal('en', INITIATIVE).blocks)) },
];

describe('views escape the text people typed once, in mrkdwn only', () => {
  it.each(VIEWS)('$name', ({ render, plainShows, noMrkdwn }) => {
    const rendered = render();
    expect(inertTextProblems(rendered)).toEqual([]);
    const { mrkdwn, plain } = textsOf(rendered);
    if (!noMrkdwn) expect(mrkdwn.some((t) => t.text.includes(ESCAPED))).toBe(true);
    // Buttons, options, headers and text inputs show the words as typed, not `&lt;`.
    if (plainShows) expect(plain.some((t) => t.text.includes(LINK))).toBe(true);
  });

  it('a relayed message keeps the person\'s words and links, and mentions, pings and masked links are gone', () => {
    const rendered = pairingViews.renderRelayed('quiet-otter', `${HOSTILE} <!here> <https://example.net/help>`);
    const { mrkdwn } = textsOf(rendered);
    const words = mrkdwn.map((t) => t.text).join('\n');
    expect(words).toContain('Confirm you are still a listener (<https://example.org>) @someone &lt;!channel&gt; & Co &lt;!here&gt; <https://example.net/help>');
    for (const live of [LINK, MENTION, CHANNEL, '<!here>', 'U0SOMEONE', '&amp;amp;']) expect(words).not.toContain(live);
  });

  it('with previews on, the notification text carries the words as inert as the blocks do', () => {
    const { text } = pairingViews.renderRelayed('quiet-otter', `${HOSTILE} <!here>`, { previews: true });
    expect(text).toContain('a colleague (quiet-otter): ');
    for (const live of [LINK, MENTION, CHANNEL, '<!here>', 'U0SOMEONE']) expect(text).not.toContain(live);
  });

  it('a coordinator\'s reply to a report is a person\'s words: mentions, pings and masked links in it are gone, and none reach the notification', () => {
    const hostile = `${HOSTILE} <!here> @here <!subteam^S0TEAM> a < b > c\nsecond line <https://example.net/help>`;
    const rendered = pairingViews.renderReportReply({ initiativeName: HOSTILE, reporterPseudonym: 'Otter', text: hostile });
    const { mrkdwn } = textsOf(rendered);
    // The initiative's name in the lead is escaped once; the words keep their links, shown with where they go.
    expect(mrkdwn.find((t) => t.text.startsWith('A coordinator of'))?.text).toContain(ESCAPED);
    const words = mrkdwn.filter((t) => t.text.startsWith('>')).map((t) => t.text).join('\n');
    expect(words).toContain('>Confirm you are still a listener (<https://example.org>) @someone &lt;!channel&gt; & Co &lt;!here&gt; @here &lt;!subteam^S0TEAM&gt; a &lt; b &gt; c\n>second line <https://example.net/help>');
    for (const live of [LINK, MENTION, CHANNEL, '<!here>', '<!subteam', 'U0SOMEONE', '&amp;amp;']) expect(words).not.toContain(live);
    // Verbatim: Slack does not parse a typed "@here" or a channel name in the words into a live one.
    const sections = (rendered.blocks as { type: string; text?: { text: string; verbatim?: boolean } }[]).filter((b) => b.text?.text.startsWith('>'));
    expect(sections.length).toBeGreaterThan(0);
    for (const b of sections) expect(b.text?.verbatim).toBe(true);
    expect(rendered.text).toBe(english('reports.replyNotification'));
    expect(rendered.text).not.toContain('@here');
  });
});
