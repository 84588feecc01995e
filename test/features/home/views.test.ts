import { describe, expect, it } from 'vitest';
import type { AppLanguage } from '../../../src/domain/app-language.js';
import { describeWorkingHours } from '../../../src/domain/availability.js';
import { workingHours } from '../../../src/features/home/copy.js';
import { english, translate } from '../../../src/i18n/translate.js';
import type { Initiative } from '../../../src/features/initiatives/service.js';
import { ListenerIds } from '../../../src/features/listeners/ids.js';
import type { ListenerProfile } from '../../../src/features/listeners/service.js';
import { renderHome, type CoordinatedInitiative, type HomeModel } from '../../../src/features/home/views.js';
import { validateView } from '../../../src/slack/block-kit.js';

// The Home tab as a dashboard (issue 15): a listener sees their status, load, conversations by the
// seeker's pseudonym with how long each has run, topics, hours and coordinators; a coordinator sees each
// listener's status and load (never whom they support) and the requests waiting by topic and age. The
// tab stays within Slack's 100 blocks and 3000-character sections however many people there are.

const NOW = new Date('2026-12-03T09:00:00Z'); // a Thursday
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SEEKER_ID = 'U0SEEKER77';

const LIGHTHOUSE: Initiative = {
  id: 'cinit-lighthouse',
  workspaceId: 'T0WORKSPACE',
  name: 'Lighthouse Circle',
  description: 'Colleagues who listen.',
  resources: 'Samaritans 116 123.',
  guidelines: 'Be kind.',
  approvalRequired: true,
  minGroupSize: 5,
  retentionDays: 90,
  firstCheckInDays: 7,
  checkInEveryDays: 14,
  topics: [
    { id: 't-anxiety', label: 'Anxiety' },
    { id: 't-grief', label: 'Grief' },
    { id: 't-parenting', label: 'Parenting' },
  ],
};

function listener(overrides: Partial<ListenerProfile> = {}): ListenerProfile {
  return {
    id: 'cprofile-1',
    initiativeId: LIGHTHOUSE.id,
    initiativeName: LIGHTHOUSE.name,
    userId: 'U0LISTEN01',
    status: 'active',
    capacity: 2,
    intro: null,
    languages: ['en'],
    quietHoursStart: null,
    quietHoursEnd: null,
    workDays: [1, 2, 3, 4, 5],
    workStart: '09:00',
    workEnd: '18:00',
    timezone: 'Europe/London',
    pausedUntil: null,
    pauseReason: null,
    topicIds: ['t-anxiety', 't-grief'],
    ...overrides,
  };
}

function home(overrides: Partial<HomeModel> = {}): HomeModel {
  return {
    now: NOW,
    initiatives: [LIGHTHOUSE],
    requests: [],
    profiles: [],
    conversations: [],
    coordinatorsOf: {},
    coordinated: [],
    insightsOf: [],
    ...overrides,
  };
}

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string; text?: string | { text: string }; confirm?: unknown }[] };
const blocksOf = (model: HomeModel) => renderHome(model).blocks as unknown as Block[];
const textOf = (model: HomeModel) =>
  blocksOf(model)
    .flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))])
    .join('\n');
const buttonsOf = (model: HomeModel) => blocksOf(model).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const listenerButtonsOf = (model: HomeModel) => buttonsOf(model).filter((b) => b.action_id?.startsWith('listener.'));

describe("the listener's Home as a dashboard", () => {
  const conversation = (pseudonym: string, ranFor: number) => ({ listenerId: 'cprofile-1', seekerPseudonym: pseudonym, startedAt: new Date(NOW.getTime() - ranFor) });

  it('shows the status, the places used, each conversation by pseudonym with how long it has run, topics, hours and coordinators', () => {
    const text = textOf(
      home({
        profiles: [listener({ quietHoursStart: '22:00', quietHoursEnd: '07:00' })],
        conversations: [conversation('Otter', 12 * DAY + 3 * HOUR)],
        coordinatorsOf: { [LIGHTHOUSE.id]: ['U0COORD001', 'U0COORD002'] },
      }),
    );
    expect(text).toContain('You listen with *Lighthouse Circle*: taking new conversations.');
    expect(text).toContain('1 of 2 conversations');
    expect(text).toContain('• a colleague (Otter), 12 days');
    expect(text).toContain('*Your topics:* Anxiety, Grief');
    expect(text).not.toContain('Parenting');
    expect(text).toContain('Mon to Fri, 09:00 to 18:00 (Europe/London); quiet hours 22:00 to 07:00');
    expect(text).toContain('*Your coordinators:* <@U0COORD001>, <@U0COORD002>');
  });

  it('counts durations from `now`: under an hour, hours, one day, days', () => {
    const text = textOf(
      home({
        profiles: [listener({ capacity: 5 })],
        conversations: [conversation('Otter', 20 * 60_000), conversation('Heron', 5 * HOUR + 59 * 60_000), conversation('Wren', DAY), conversation('Fox', 40 * DAY)],
      }),
    );
    expect(text).toContain('4 of 5 conversations');
    expect(text).toContain('a colleague (Otter), less than an hour');
    expect(text).toContain('a colleague (Heron), 5 hours');
    expect(text).toContain('a colleague (Wren), 1 day');
    expect(text).toContain('a colleague (Fox), 40 days');
  });

  it('says when every place is taken, and when there is no conversation', () => {
    const full = textOf(home({ profiles: [listener({ capacity: 1 })], conversations: [conversation('Otter', DAY)] }));
    expect(full).toContain('every place is taken, so no new offers until a conversation ends');
    expect(full).toContain('1 of 1 conversation');
    const none = textOf(home({ profiles: [listener()] }));
    expect(none).toContain('0 of 2 conversations');
    expect(none).toContain('No conversations at the moment.');
  });

  it('says each kind of pause in plain words, with the return date in the listener\'s own timezone', () => {
    // 23:30 UTC on Sunday 13 December is already Monday 14 December in Auckland.
    const until = new Date('2026-12-13T23:30:00Z');
    const statusOf = (p: Partial<ListenerProfile>) => textOf(home({ profiles: [listener({ status: 'paused', ...p })] }));
    expect(statusOf({ pausedUntil: until, pauseReason: 'self', timezone: 'Pacific/Auckland' })).toContain('paused until Monday 14 December');
    expect(statusOf({ pausedUntil: until, pauseReason: 'self', timezone: 'Europe/London' })).toContain('paused until Sunday 13 December');
    expect(statusOf({ pauseReason: 'self' })).toContain('paused (you can resume any time)');
    expect(statusOf({ pauseReason: 'break' })).toContain('paused (you can resume any time)');
    expect(statusOf({ pauseReason: 'no_answer' })).toContain('paused because three offers went unanswered');
    expect(textOf(home({ profiles: [listener({ status: 'pending' })] }))).toContain("waiting for a coordinator's approval");
  });

  it('offers "Pause…" (the pause-until form) when active, Resume when paused, and Stop with a confirm', () => {
    const active = listenerButtonsOf(home({ profiles: [listener()] }));
    expect(active.map((b) => b.action_id)).toEqual([ListenerIds.listenButton, ListenerIds.pauseUntilButton, ListenerIds.stopButton]);
    expect(active.find((b) => b.action_id === ListenerIds.pauseUntilButton)).toMatchObject({ value: LIGHTHOUSE.id, text: { text: 'Pause…' } });
    expect(active.find((b) => b.action_id === ListenerIds.stopButton)?.confirm).toBeTruthy();
    const paused = listenerButtonsOf(home({ profiles: [listener({ status: 'paused', pausedUntil: new Date('2026-12-14T00:00:00Z') })] }));
    expect(paused.map((b) => b.action_id)).toEqual([ListenerIds.listenButton, ListenerIds.resumeButton, ListenerIds.stopButton]);
    const pending = listenerButtonsOf(home({ profiles: [listener({ status: 'pending' })] }));
    expect(pending.map((b) => b.action_id)).toEqual([ListenerIds.listenButton, ListenerIds.stopButton]);
  });

  it('says so when the initiative has no coordinator, and when Slack has not told us the timezone', () => {
    const text = textOf(home({ profiles: [listener({ timezone: null })], coordinatorsOf: { [LIGHTHOUSE.id]: [] } }));
    expect(text).toContain('*Your coordinators:* none at the moment.');
    expect(text).toContain('(UTC until Slack tells me your timezone)');
  });

  it('privacy invariant 1: the Home published to a listener carries no seeker user id, whatever the conversation rows held', () => {
    // Rows as the database has them, the seeker's id included: the view must show the pseudonym only.
    const rows = [{ ...conversation('Otter', 3 * DAY), seekerId: SEEKER_ID, requestId: 'creq', seekerChannel: `D${SEEKER_ID}` }];
    const view = renderHome(home({ profiles: [listener()], conversations: rows, coordinatorsOf: { [LIGHTHOUSE.id]: ['U0COORD001'] } }));
    const json = JSON.stringify(view);
    expect(json).toContain('a colleague (Otter), 3 days');
    expect(json).not.toContain(SEEKER_ID);
    expect(validateView(view)).toEqual([]);
  });
});

describe("the coordinator's Home", () => {
  const coordinated = (c: Partial<CoordinatedInitiative> = {}): CoordinatedInitiative => ({ initiative: LIGHTHOUSE, listeners: [], load: {}, waiting: [], ...c });

  it("shows each listener's status and load, those paused for no answer first", () => {
    const listeners = [
      listener({ id: 'p1', userId: 'U0ACTIVE01' }),
      listener({ id: 'p2', userId: 'U0PAUSED01', status: 'paused', pauseReason: 'self', pausedUntil: new Date('2026-12-14T00:00:00Z') }),
      listener({ id: 'p3', userId: 'U0NOANSW01', status: 'paused', pauseReason: 'no_answer' }),
      listener({ id: 'p4', userId: 'U0FULL0001', capacity: 1 }),
      listener({ id: 'p5', userId: 'U0BREAK001', status: 'paused', pauseReason: 'break' }),
    ];
    const text = textOf(home({ coordinated: [coordinated({ listeners, load: { p1: 1, p2: 1, p4: 1 } })] }));
    const list = text.split('\n').filter((l) => l.startsWith('• <@'));
    expect(list).toEqual([
      '• <@U0NOANSW01>: paused (no answer)',
      '• <@U0ACTIVE01>: taking new conversations, 1 of 2',
      '• <@U0FULL0001>: every place taken, 1 of 1',
      '• <@U0PAUSED01>: paused until 14 Dec, 1 of 2',
      '• <@U0BREAK001>: paused',
    ]);
    expect(text).toContain('Listeners: 2 active, 3 paused, 0 waiting for approval.');
  });

  it('shows the requests waiting by topic, longest wait first, with counts and ages only', () => {
    const text = textOf(
      home({
        coordinated: [
          coordinated({
            waiting: [
              { topic: 'Grief', count: 1, oldestAt: new Date(NOW.getTime() - 5 * HOUR) },
              { topic: 'Anxiety', count: 3, oldestAt: new Date(NOW.getTime() - 2 * DAY - HOUR) },
              { topic: null, count: 2, oldestAt: new Date(NOW.getTime() - 10 * 60_000) },
            ],
          }),
        ],
      }),
    );
    expect(text).toContain('*Waiting for a listener (6):* Anxiety 3 (oldest 2 days), Grief 1 (oldest 5 hours), No topic 2 (oldest less than an hour)');
    expect(textOf(home({ coordinated: [coordinated()] }))).toContain('*Waiting for a listener:* nobody at the moment.');
  });

  it('privacy invariant 5: a coordinator who is not a listener sees loads, never a pseudonym or a seeker', () => {
    const view = renderHome(
      home({
        coordinated: [coordinated({ listeners: [listener()], load: { 'cprofile-1': 1 }, waiting: [{ topic: 'Anxiety', count: 1, oldestAt: NOW }] })],
        // The same person's own (empty) listening: nothing of another listener's conversations reaches them.
        conversations: [],
      }),
    );
    const json = JSON.stringify(view);
    expect(json).toContain('taking new conversations, 1 of 2');
    for (const hidden of ['a colleague (', 'Otter', SEEKER_ID]) expect(json).not.toContain(hidden);
  });

  it('keeps within 100 blocks and 3000-character sections with 300 listeners and 40 topics waiting, saying how many more', () => {
    const topics = Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, label: `Topic ${i} & <lived> experience, long enough to matter ${i}`.slice(0, 58) }));
    const big: Initiative = { ...LIGHTHOUSE, topics };
    const listeners = Array.from({ length: 320 }, (_, i) =>
      listener({ id: `p${i}`, userId: `U${String(i).padStart(10, '0')}`, status: i < 20 ? 'pending' : i % 5 === 0 ? 'paused' : 'active', pauseReason: i % 10 === 0 ? 'no_answer' : 'self', capacity: 5 }),
    );
    const crowded = coordinated({
      initiative: big,
      listeners,
      load: Object.fromEntries(listeners.map((l, i) => [l.id, i % 6])),
      waiting: topics.map((t, i) => ({ topic: t.label, count: 1 + (i % 3), oldestAt: new Date(NOW.getTime() - (i + 1) * HOUR) })),
    });
    const model = home({ initiatives: [big], coordinated: [crowded], insightsOf: [big] });
    const view = renderHome(model);
    expect(validateView(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const b of view.blocks as unknown as Block[]) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    const text = textOf(model);
    expect(text).toContain('…and 275 more listeners');
    expect(text).toContain('…and 30 more topics');
    // The longest waits come first; approvals and the settings stay reachable.
    expect(text).toContain('Topic 39');
    expect(buttonsOf(model).some((b) => b.action_id === ListenerIds.approve)).toBe(true);
    expect(buttonsOf(model).filter((b) => b.action_id === 'initiative.edit')).toHaveLength(1);
    expect(buttonsOf(model).at(-1)?.action_id).toBe('initiative.setup_button');

    // Seven such initiatives, and a listener in three more: still a tab Slack accepts, every settings button kept.
    const seven = Array.from({ length: 7 }, (_, i) => ({ ...crowded, initiative: { ...big, id: `cinit-${i}`, name: `Initiative ${i}` } }));
    const profiles = [0, 1, 2].map((i) => listener({ id: `own${i}`, initiativeId: `cinit-${i}`, initiativeName: `Initiative ${i}` }));
    const busiest = home({ initiatives: seven.map((c) => c.initiative), coordinated: seven, profiles, insightsOf: seven.map((c) => c.initiative) });
    const busiestView = renderHome(busiest);
    expect(validateView(busiestView)).toEqual([]);
    expect(busiestView.blocks.length).toBeLessThanOrEqual(100);
    expect(buttonsOf(busiest).filter((b) => b.action_id === 'initiative.edit')).toHaveLength(7);
  });
});

describe("the Home in the person's language (issue 19)", () => {
  const coordinated = (c: Partial<CoordinatedInitiative> = {}): CoordinatedInitiative => ({ initiative: LIGHTHOUSE, listeners: [], load: {}, waiting: [], ...c });
  /** Everything at once: a request, a listener paused until a date, a coordinator with a volunteer waiting and requests waiting, insights. */
  const everything = (language: AppLanguage): HomeModel =>
    home({
      language: { current: language, chosen: language },
      requests: [{ id: 'r1', initiativeId: LIGHTHOUSE.id, status: 'waiting', topic: 'Anxiety', createdAt: NOW }],
      profiles: [
        listener({ status: 'paused', pauseReason: 'self', pausedUntil: new Date('2026-12-13T23:30:00Z'), timezone: 'Pacific/Auckland', quietHoursStart: '22:00', quietHoursEnd: '07:00' }),
      ],
      conversations: [
        { listenerId: 'cprofile-1', seekerPseudonym: 'Otter', startedAt: new Date(NOW.getTime() - 12 * DAY) },
        { listenerId: 'cprofile-1', seekerPseudonym: 'Heron', startedAt: new Date(NOW.getTime() - 20 * 60_000) },
      ],
      coordinatorsOf: { [LIGHTHOUSE.id]: ['U0COORD001'] },
      coordinated: [
        coordinated({
          listeners: [listener({ id: 'p2', userId: 'U0PENDING1', status: 'pending' }), listener({ id: 'p3', userId: 'U0ACTIVE01' })],
          load: { p3: 1 },
          waiting: [{ topic: 'Grief', count: 2, oldestAt: new Date(NOW.getTime() - 5 * HOUR) }],
        }),
      ],
      insightsOf: [LIGHTHOUSE],
    });
  const confirmsOf = (model: HomeModel) => buttonsOf(model).flatMap((b) => (b.confirm ? [JSON.stringify(b.confirm)] : []));
  const ENGLISH = [
    'Talk to someone',
    'Ask for a listener',
    'Your request about',
    'You listen with',
    'paused until',
    'less than an hour',
    'Your topics',
    'Offers arrive',
    'quiet hours',
    'Your coordinators',
    'Edit my listener profile',
    'Stop being a listener',
    'you coordinate this initiative',
    'waiting for approval',
    'Approve',
    'Decline',
    'Waiting for a listener',
    'oldest',
    'Edit settings',
    'Anonymous uptake',
    'Notifications',
    'Show message previews',
    'Your data',
    'See my data',
    'Delete my data',
    'Set up an initiative',
    'If you need support right now',
    'Keep listening',
    'Not now',
    'Continue',
  ];

  it('writes a German Home in German, du throughout, with German dates and counts', () => {
    const model = everything('de');
    const text = textOf(model);
    for (const key of ['home.talk', 'home.stop', 'home.editProfile', 'home.resume', 'home.yourData', 'home.seeMyData', 'home.deleteMyData', 'home.approve', 'home.editSettings', 'safety.resourcesLead'] as const) {
      expect(text).toContain(translate('de', key));
    }
    expect(text).toContain('Du bist bei *Lighthouse Circle* als zuhörende Person dabei: pausiert bis Montag, 14. Dezember');
    expect(text).toContain('*2 von 2 Gesprächen*');
    expect(text).toContain('Otter, 12 Tage');
    expect(text).toContain('Heron, weniger als eine Stunde');
    expect(text).toContain('*Deine Themen:* Anxiety, Grief');
    expect(text).toContain('Ruhezeiten 22:00 bis 07:00');
    expect(text).toContain('Deine Anfrage zum Thema *Anxiety*');
    expect(text).toContain('Zuhörende: 1 aktiv, 0 pausiert, 1 noch nicht freigegeben.');
    expect(text).toContain('*Warten auf ein Gespräch (2):* Grief 2 (längste Wartezeit 5 Stunden)');
    expect(text).toContain('<@U0ACTIVE01>: nimmt neue Gespräche an, 1 von 2');
    expect(confirmsOf(model).join('\n')).toContain('Nicht mehr zuhören?');
    expect(confirmsOf(model).join('\n')).toContain('Meine Daten löschen?');
    expect(confirmsOf(model).join('\n')).toContain('Diese Person ablehnen?');
    const everythingShown = `${text}\n${confirmsOf(model).join('\n')}`;
    for (const phrase of ENGLISH) expect(everythingShown, phrase).not.toContain(phrase);
  });

  it('writes a Spanish Home in Spanish, with Spanish dates and counts', () => {
    const model = everything('es');
    const text = textOf(model);
    expect(text).toContain(translate('es', 'home.stop'));
    expect(text).toContain('en pausa hasta el lunes, 14 de diciembre');
    expect(text).toContain('Otter, 12 días');
    expect(text).toContain('*2 de 2 conversaciones*');
    expect(text).toContain('Grief 2 (la espera más larga: 5 horas)');
    const everythingShown = `${text}\n${confirmsOf(model).join('\n')}`;
    for (const phrase of ENGLISH) expect(everythingShown, phrase).not.toContain(phrase);
  });

  it('is English when the model has no language', () => {
    const unknown = { ...everything('en'), language: undefined };
    expect(textOf(unknown)).toBe(textOf({ ...everything('en'), language: { current: 'en', chosen: null } }));
    expect(textOf(unknown)).toContain('*Talk to someone*');
  });

  it('words working hours in English exactly as describeWorkingHours does', () => {
    const cases = [[1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5, 6], [], [1, 3], [1, 2], [5, 6, 0], [2, 3, 4], [6]];
    for (const days of cases) {
      for (const [start, end] of [['09:00', '18:00'], ['00:00', '00:00']] as const) {
        expect(workingHours(english, 'en', { days, start, end })).toBe(describeWorkingHours({ days, start, end }));
      }
    }
  });
});
