import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { english, translatorFor } from '../../src/i18n/translate.js';
import { WEEKLY_METRICS, type WeeklyMetric } from '../../src/domain/insights-table.js';
import { METRIC_KEYS } from '../../src/features/insights/copy.js';
import { HIDDEN } from '../../src/domain/suppression.js';
import { dayStart, WEEK, weekStart } from '../../src/domain/weeks.js';
import { InitiativeIds, TEXT_BLOCKS } from '../../src/features/initiatives/ids.js';
import * as copy from '../../src/features/insights/copy.js';
import { InsightsIds } from '../../src/features/insights/ids.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import { RequestIds } from '../../src/features/requests/ids.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import type { RecordedCall } from '../../src/simulator/web-api.js';
import {
  acceptInvitation,
  asView,
  buttonValue,
  click,
  invitationFor,
  jsonOf,
  openedModal,
  optionValues,
  setUpInitiative,
  submit,
  textOf,
  updatedView,
  volunteer,
  type Block,
  type ModalView,
  type OpenedModal,
} from '../support/flows.js';
import { acceptOffer, identityOf, nextOffer, openCommandModal, person, startPairingE2E, type PairingE2E, type Person } from '../support/pairing-flows.js';

// Issues 6 and 13 end to end: HR insights for an initiative's HR viewers and coordinators only, with
// the day's chart uploaded to Slack once, the CSV export in the viewer's DM, the access record
// coordinators can see, and small-number suppression (DESIGN.md invariant 4) in the view and the
// export alike, holding across views over time: complete weeks only, "now" figures from the day's
// snapshot, so an HR viewer who looks, waits for a colleague to ask, and looks again sees nothing change.
// The real process against a fake Slack; requests are made through the real request flow, so the
// anonymous weekly counters the insights read are the ones the app wrote.
//
// The process runs on the real clock, and only complete weeks are reported, so what the app records
// today would show only next week. `aWeekPasses` stands in for the calendar: it moves the counters the
// app wrote (and the day's snapshot) back seven days, as if they had been written a week earlier.
//
// Issue 19: the chart is drawn once a day per language; a second HR viewer, whose Slack locale is
// de-DE, sees the German one (topics as the coordinator wrote them in German), the en-GB coordinator
// and the first HR viewer (Slack's default en-US) share the English one.

const K = 5;
const COORDINATOR: Person = { ...person('U0COORD001', 'Philippa', 'Wetherington'), locale: 'en-GB' };
const HR_VIEWER = person('U0HRVIEW01', 'Gwendolyn', 'Hargreaves');
const GERMAN_HR_VIEWER: Person = { ...person('U0HRVIEW02', 'Liselotte', 'Brandauer'), locale: 'de-DE' };
const OTHER_COORDINATOR = person('U0COORD009', 'Reginald', 'Featherstonehaugh');
const ANXIETY_LISTENER = person('U0LISTNA01', 'Perpetua', 'Lindqvist');
const PARENTING_LISTENER = person('U0LISTNB01', 'Thaddeus', 'Ravensworth');
/** Joins between two views on the same day (issue 13). */
const LATE_LISTENER = person('U0LISTNC01', 'Araminta', 'Blackwood');
const SEEKERS = [
  person('U0SEEKER01', 'Zebulon', 'Quackenbush'),
  person('U0SEEKER02', 'Ottoline', 'Marchetti'),
  person('U0SEEKER03', 'Casimir', 'Abernathy'),
  person('U0SEEKER04', 'Henrietta', 'Okonkwo'),
  person('U0SEEKER05', 'Ignatius', 'Pemberton'),
  person('U0SEEKER06', 'Wilhelmina', 'Castellanos'),
];
const LISTENERS = [ANXIETY_LISTENER, PARENTING_LISTENER, LATE_LISTENER];
const PEOPLE: Person[] = [COORDINATOR, HR_VIEWER, GERMAN_HR_VIEWER, OTHER_COORDINATOR, ...LISTENERS, ...SEEKERS];

const INTROS: Record<string, string> = {
  [ANXIETY_LISTENER.id]: 'Panic attacks shaped my twenties; walking helped: heron-lantern-4471.',
  [PARENTING_LISTENER.id]: 'Single parent of twins, I know the tired: juniper-kettle-5823.',
  [LATE_LISTENER.id]: 'Lost my father last spring, still learning to carry it: saffron-ledger-6614.',
};
const noteOf = (i: number) => `Since the restructure I cannot switch off at night, marigold-anchor-${7100 + i}.`;
// The first four requests: three on Anxiety, one on Parenting; then two more on Anxiety, on the day HR
// looks twice.
const TOPIC_OF = ['Anxiety', 'Anxiety', 'Parenting', 'Anxiety', 'Anxiety', 'Anxiety'];

/** A Slack user id anywhere in a text. */
const USER_ID = /\bU[A-Z0-9]{6,}\b/;

// ---- Reading the insights view and the CSV ---------------------------------------------------------

type Cell = number | 'suppressed';

function cellOf(text: string): Cell {
  const t = text.trim();
  // Every hidden cell reads the same, whichever rule hid it (issue 13): nothing else may mean hidden.
  if (t === HIDDEN) return 'suppressed';
  if (/^\d+$/.test(t)) return Number(t);
  throw new Error(`not a count: "${text}"`);
}

/** A count HR may see: 0, at least k, or hidden (DESIGN.md invariant 4). */
const allowed = (c: Cell) => c === 'suppressed' || c === 0 || c >= K;

function sectionStarting(view: ModalView, heading: string): string {
  const found = view.blocks.find((b) => b.type === 'section' && b.text?.text.startsWith(`*${heading}*`));
  if (!found?.text) throw new Error(`the view has no section "${heading}"`);
  return found.text.text;
}

interface ParsedView {
  /** Cells keyed as the CSV keys them: section|period|measure. */
  cells: Map<string, Cell>;
  weekLabels: string[];
  weekly: Record<WeeklyMetric, Cell[]>;
  totals: Record<WeeklyMetric, Cell>;
}

/** Every count the insights modal shows, with where it is. Throws on anything unexpected. */
function parseInsightsView(view: ModalView): ParsedView {
  const cells = new Map<string, Cell>();

  const now = sectionStarting(view, 'Today');
  expect(now.split('\n')[0]).toMatch(/^\*Today\* \(counted at \d\d:\d\d UTC\)$/);
  const listeners = /Listeners active: (.+?), paused: (.+?), waiting for approval: (.+?) \(in all: (.+?)\)/.exec(now);
  const waiting = /Requests waiting for a listener: (.+)/.exec(now);
  const pairings = /Pairings active: (.+)/.exec(now);
  if (!listeners || !waiting || !pairings) throw new Error(`unexpected Now section:\n${now}`);
  cells.set('now|today|Listeners active', cellOf(listeners[1]!));
  cells.set('now|today|Listeners paused', cellOf(listeners[2]!));
  cells.set('now|today|Listeners waiting for approval', cellOf(listeners[3]!));
  cells.set('now|today|Listeners in all', cellOf(listeners[4]!));
  cells.set('now|today|Requests waiting', cellOf(waiting[1]!));
  cells.set('now|today|Pairings active', cellOf(pairings[1]!));

  const last = sectionStarting(view, 'Last 12 weeks');
  const totals = {} as Record<WeeklyMetric, Cell>;
  for (const m of WEEKLY_METRICS) {
    const line = new RegExp(`^${english(METRIC_KEYS[m])}: (.+)$`, 'm').exec(last);
    if (!line) throw new Error(`no total for ${m} in:\n${last}`);
    totals[m] = cellOf(line[1]!);
    cells.set(`weekly|last 12 weeks|${english(METRIC_KEYS[m])}`, totals[m]);
  }

  // The weekly table: a code block, one row per week, then the 12-week row; the last 8 tokens are cells.
  const table = /```\n([\s\S]*?)\n```/.exec(sectionStarting(view, 'By week'));
  if (!table) throw new Error('no weekly table');
  const rows = table[1]!.split('\n').slice(1);
  expect(rows).toHaveLength(13);
  const weekly = Object.fromEntries(WEEKLY_METRICS.map((m) => [m, [] as Cell[]])) as Record<WeeklyMetric, Cell[]>;
  const weekLabels: string[] = [];
  rows.forEach((row, r) => {
    const tokens = row.trim().split(/\s+/);
    const values = tokens.slice(-WEEKLY_METRICS.length).map(cellOf);
    const label = tokens.slice(0, -WEEKLY_METRICS.length).join(' ');
    if (r === 12) {
      expect(label).toBe('12 wk');
      WEEKLY_METRICS.forEach((m, c) => expect(values[c], `12-week ${m} in the table and the totals`).toEqual(totals[m]));
      return;
    }
    expect(label).toMatch(/^\d\d-\d\d$/);
    weekLabels.push(label);
    WEEKLY_METRICS.forEach((m, c) => weekly[m].push(values[c]!));
  });

  const topicsText = sectionStarting(view, 'Demand and supply by topic');
  for (const line of topicsText.split('\n').slice(1)) {
    const m = /^• (.+): requests (.+?), active listeners (.+)$/.exec(line);
    if (!m) throw new Error(`unexpected topic line "${line}"`);
    cells.set(`topics|last 12 weeks|Requests: ${m[1]}`, cellOf(m[2]!));
    cells.set(`topics|today|Active listeners: ${m[1]}`, cellOf(m[3]!));
  }
  return { cells, weekLabels, weekly, totals };
}

/** RFC 4180 fields: commas, quotes doubled inside quoted fields, newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

interface ParsedCsv {
  rows: { section: string; period: string; measure: string; value: string }[];
  cells: Map<string, Cell>;
}

function readCsv(text: string): ParsedCsv {
  const [head, ...body] = parseCsv(text);
  expect(head).toEqual(['section', 'period', 'measure', 'value']);
  const rows = body.map((r) => {
    expect(r).toHaveLength(4);
    return { section: r[0]!, period: r[1]!, measure: r[2]!, value: r[3]! };
  });
  const cells = new Map<string, Cell>();
  for (const r of rows) {
    if (r.section === 'about' || r.section === 'time to match') continue;
    cells.set(`${r.section}|${r.period}|${r.measure}`, cellOf(r.value));
  }
  return { rows, cells };
}

/** Text of the view with its own copy taken out, so that what is left of numbers is counts. */
function countText(view: ModalView): string {
  return textOf(view.blocks)
    .replace(copy.explainer(K), '')
    .replace(english('insights.chartTitle'), '')
    .replace(/\b\d\d-\d\d\b/g, '')
    .replace(/\d\d:\d\d UTC/g, '')
    .replace(/12 wk|Last 12 weeks|the 12 weeks|90th percentile/g, '');
}

/** A week's first day as the view labels it (MM-DD) and as the CSV does (YYYY-MM-DD). */
const shortDay = (d: Date) => d.toISOString().slice(5, 10);
const longDay = (d: Date) => d.toISOString().slice(0, 10);

// ---- The run ----------------------------------------------------------------------------------------

describe.each(TEST_PROVIDERS)('HR insights on %s', (provider) => {
  let e2e: PairingE2E;
  let initiative: { id: string; name: string };
  let other: { id: string; name: string };
  /** The HR viewer's insights modal, as the app filled it in. */
  let hrModal: OpenedModal;
  let csvText = '';
  let requested = 0;

  const filesCallsSince = (since: number) => e2e.slack.calls.slice(since).filter((c) => c.method.startsWith('files.') || c.method === 'upload');
  const actionIdsOf = (view: ModalView) => view.blocks.flatMap((b: Block) => (b.elements ?? []).map((e) => e.action_id));

  /** `/peer request` by the next seeker, through the initiative chooser (there are two initiatives). */
  async function ask(): Promise<{ seeker: Person; requestId: string; since: number }> {
    const seeker = SEEKERS[requested]!;
    const topic = TOPIC_OF[requested]!;
    const note = noteOf(requested);
    requested += 1;
    let modal: OpenedModal = await openCommandModal(e2e, seeker.id, 'request');
    if (modal.view.callback_id === InitiativeIds.chooseModal) {
      const chosen = await submit(e2e, seeker.id, modal, { [InitiativeIds.blocks.choice]: initiative.id });
      modal = { viewId: modal.viewId, view: updatedView(chosen) };
    }
    expect(modal.view.callback_id).toBe(RequestIds.requestModal);
    const B = RequestIds.blocks;
    const since = e2e.mark();
    const response = await submit(e2e, seeker.id, modal, { [B.topic]: optionValues(modal.view, B.topic, [topic])[0]!, [B.note]: note });
    // The form closes on a confirmation that the request was sent (issue 14: never left in silence).
    expect((JSON.parse(response.text) as { view?: { callback_id?: string } }).view?.callback_id).toBe(RequestIds.requestSent);
    const waitingDm = await e2e.next('chat.postMessage', since, (c) => c.args.channel === seeker.id && jsonOf(c.args.blocks).includes(RequestIds.cancelButton));
    return { seeker, requestId: buttonValue(waitingDm.args.blocks, RequestIds.cancelButton), since };
  }

  /** `/peer insights` by `userId`: the loading view, then the real one. */
  async function insightsCommand(userId: string) {
    const since = e2e.mark();
    const opened = await openCommandModal(e2e, userId, 'insights');
    return { ...opened, since };
  }

  /** The App Home button "Insights: <initiative>" (`insights.open`, value = initiative id). */
  async function homeButton(userId: string, initiativeId: string) {
    const since = e2e.mark();
    const { triggerId } = await click(e2e, { actionId: InsightsIds.openButton, value: initiativeId, userId, view: { type: 'home', id: `VHOME${userId}` } });
    return { ...(await openedModal(e2e, since, triggerId)), since };
  }

  /** A button in the insights modal. */
  function clickInModal(userId: string, actionId: string, value: string, modal: OpenedModal) {
    return click(e2e, {
      actionId,
      value,
      userId,
      view: { id: modal.viewId, callback_id: InsightsIds.modal, private_metadata: modal.view.private_metadata ?? '' },
    });
  }

  /** The file uploaded with title `title` after `since`: its three calls, checked to belong together. */
  async function uploadTitled(since: number, title: string) {
    const complete = await e2e.next('files.completeUploadExternal', since, (c) => {
      const files = c.args.files as { title?: string }[] | undefined;
      return files?.[0]?.title === title;
    });
    const fileId = (complete.args.files as { id: string }[])[0]!.id;
    const upload = e2e.slack.calls.slice(since).find((c) => c.method === 'upload' && c.args.file_id === fileId);
    const getUrl = e2e.slack.calls.slice(since).filter((c) => c.method === 'files.getUploadURLExternal');
    expect(upload, `bytes uploaded for ${fileId}`).toBeDefined();
    return { complete, fileId, upload: upload!, getUrl };
  }

  /** Export CSV by `userId` from their insights modal; resolves with the CSV text Slack received. */
  async function exportCsv(userId: string, modal: OpenedModal): Promise<{ text: string; since: number; complete: RecordedCall }> {
    const since = e2e.mark();
    await clickInModal(userId, InsightsIds.exportButton, initiative.id, modal);
    const { complete, upload } = await uploadTitled(since, `${initiative.name}: insights (CSV)`);
    return { text: String(upload.args.content), since, complete };
  }

  async function accessRows(viewerId: string) {
    return e2e.db.insightsAccess.findMany({ where: { viewerId }, orderBy: { createdAt: 'asc' } });
  }

  /** The image block of an insights view, if it has one. */
  const imageOf = (view: ModalView) => view.blocks.find((b) => b.type === 'image') as { slack_file?: { id?: string }; image_url?: string; alt_text?: string } | undefined;
  /** The charts stored for a day's snapshot, by language. */
  const chartsOf = async (snapshotId: string) =>
    Object.fromEntries((await e2e.db.insightsChart.findMany({ where: { snapshotId } })).map((c) => [c.language, c.fileId]));
  const todaysSnapshot = () => e2e.db.insightsSnapshot.findUniqueOrThrow({ where: { initiativeId_day: { initiativeId: initiative.id, day: dayStart(new Date()) } } });
  const chartUploadsSince = (since: number) => e2e.slack.calls.slice(since).filter((c) => c.method === 'files.getUploadURLExternal' && c.args.filename === copy.CHART_FILENAME);

  /**
   * As if a week had passed (the app's clock is the real one): every counter and match time the app
   * wrote for the initiative moves back seven days, and so does the day's snapshot, so the next view
   * takes a new one. Oldest first, so no row lands on one not moved yet (unique keys).
   */
  async function aWeekPasses(): Promise<void> {
    const counts = await e2e.db.anonymousCount.findMany({ where: { initiativeId: initiative.id }, orderBy: { weekStart: 'asc' } });
    for (const c of counts) await e2e.db.anonymousCount.update({ where: { id: c.id }, data: { weekStart: new Date(c.weekStart.getTime() - WEEK) } });
    const times = await e2e.db.matchTime.findMany({ where: { initiativeId: initiative.id } });
    for (const t of times) await e2e.db.matchTime.update({ where: { id: t.id }, data: { weekStart: new Date(t.weekStart.getTime() - WEEK) } });
    const snapshots = await e2e.db.insightsSnapshot.findMany({ where: { initiativeId: initiative.id }, orderBy: { day: 'asc' } });
    for (const row of snapshots) await e2e.db.insightsSnapshot.update({ where: { id: row.id }, data: { day: new Date(row.day.getTime() - WEEK) } });
  }

  /** As if a day had passed: the day's snapshot becomes yesterday's, so the next view takes today's. */
  async function aDayPasses(): Promise<void> {
    const snapshots = await e2e.db.insightsSnapshot.findMany({ where: { initiativeId: initiative.id }, orderBy: { day: 'asc' } });
    for (const row of snapshots) await e2e.db.insightsSnapshot.update({ where: { id: row.id }, data: { day: new Date(row.day.getTime() - 24 * 60 * 60 * 1000) } });
  }

  /** The week the app's counters of the first four requests now sit in: the last complete one. */
  const lastWeek = () => new Date(weekStart(new Date()).getTime() - WEEK);

  beforeAll(async () => {
    e2e = await startPairingE2E(provider, inject('templates'), PEOPLE);
    let since = e2e.mark();
    initiative = await setUpInitiative(e2e, COORDINATOR.id, {
      [InitiativeIds.blocks.name]: 'Harbour Circle',
      [InitiativeIds.blocks.topics]: 'Anxiety\nBereavement\nParenting',
      [InitiativeIds.blocks.approval]: [],
      [TEXT_BLOCKS.de.topics]: 'Angst\nTrauer\nElternsein',
      [InitiativeIds.blocks.hrViewers]: [HR_VIEWER.id, GERMAN_HR_VIEWER.id],
      [InitiativeIds.blocks.minGroupSize]: String(K),
    });
    await acceptInvitation(e2e, HR_VIEWER.id, await invitationFor(e2e, HR_VIEWER.id, since));
    await acceptInvitation(e2e, GERMAN_HR_VIEWER.id, await invitationFor(e2e, GERMAN_HR_VIEWER.id, since));
    await volunteer(e2e, ANXIETY_LISTENER.id, { fields: { topicLabels: ['Anxiety'], [ListenerIds.blocks.intro]: INTROS[ANXIETY_LISTENER.id]! } });
    await volunteer(e2e, PARENTING_LISTENER.id, { fields: { topicLabels: ['Parenting'], [ListenerIds.blocks.intro]: INTROS[PARENTING_LISTENER.id]! } });
    other = await setUpInitiative(e2e, OTHER_COORDINATOR.id, { [InitiativeIds.blocks.name]: 'Riverside Circle' });

    // Four requests; the Anxiety listener takes the first, so one is matched. Then a week passes: they
    // were made last week, the last complete one.
    const first = await ask();
    const offer = await nextOffer(e2e, first.since, ANXIETY_LISTENER.id);
    for (let i = 1; i < 4; i++) await ask();
    since = e2e.mark();
    await acceptOffer(e2e, offer, first.seeker.id);
    expect(await e2e.db.initiativeMember.count({ where: { initiativeId: initiative.id, userId: HR_VIEWER.id, role: 'hr_viewer' } })).toBe(1);
    await aWeekPasses();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('shows an HR viewer the complete weeks and the day\'s figures, with the day\'s chart uploaded once, to no channel, and records the view', async () => {
    const opened = await insightsCommand(HR_VIEWER.id);
    hrModal = opened;
    const view = opened.view;
    expect(view.callback_id).toBe(InsightsIds.modal);
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: initiative.name } });
    const parsed = parseInsightsView(view);
    // The 12 weeks before this one; this week, still filling up, is not among them.
    expect(parsed.weekLabels).toHaveLength(12);
    expect(parsed.weekLabels.at(-1)).toBe(shortDay(lastWeek()));
    expect(parsed.weekLabels).not.toContain(shortDay(weekStart(new Date())));
    expect(parsed.cells.get('now|today|Listeners active')).toBe('suppressed'); // two listeners
    expect(parsed.cells.get('now|today|Listeners paused')).toBe(0);

    // The day's snapshot: one row for today, holding the counts the "Today" section shows.
    const snapshots = await e2e.db.insightsSnapshot.findMany({ where: { initiativeId: initiative.id, day: dayStart(new Date()) } });
    expect(snapshots).toHaveLength(1);
    expect(JSON.parse(snapshots[0]!.figures)).toMatchObject({ k: K, now: { listenersActive: 2, listenersPaused: 0, requestsWaiting: 3, pairingsActive: 1 } });

    // The chart: a PNG uploaded with no channel (the app's own file, in nobody's DM), shown in the
    // modal by its Slack file id, and stored as the day's chart.
    const { complete, fileId, upload, getUrl } = await uploadTitled(opened.since, `${initiative.name}: insights chart`);
    expect(getUrl.map((c) => c.args.filename)).toContain(copy.CHART_FILENAME);
    expect(Number(upload.args.bytes)).toBeGreaterThan(1000);
    expect(String(upload.args.content).slice(1, 4)).toBe('PNG'); // \x89PNG, decoded as text
    expect(complete.args.channel_id).toBeUndefined();
    expect(complete.args.channels).toBeUndefined();
    expect(complete.args.initial_comment).toBeUndefined();
    expect(e2e.slack.calls.slice(opened.since).filter((c) => c.method === 'conversations.open' && c.args.users === HR_VIEWER.id)).toEqual([]);
    const image = imageOf(view);
    expect(image?.slack_file?.id).toBe(fileId);
    expect(image?.image_url).toBeUndefined();
    expect(await chartsOf(snapshots[0]!.id)).toEqual({ en: fileId });
    // The upload finished before the modal was filled in.
    expect(e2e.slack.calls.indexOf(complete)).toBeLessThan(e2e.slack.calls.findIndex((c, i) => i >= opened.since && c.method === 'views.update'));

    // The alt text says in words what the chart draws, from the same hidden and shown figures.
    const alt = image!.alt_text!;
    expect(alt).not.toBe(english('insights.chartTitle'));
    expect(alt).toContain(`to the week of ${longDay(lastWeek())}`);
    expect(alt).toContain(`${english(METRIC_KEYS.request_opened)}: ${[...Array(11).fill('0'), HIDDEN].join(', ')}.`);
    expect(alt).toContain(`Anxiety: requests ${HIDDEN}, active listeners ${HIDDEN}.`);
    expect(alt).toContain(`Bereavement: requests ${HIDDEN}, active listeners 0.`);
    expect(alt).not.toMatch(/\b[1-4]\b/);

    expect(await accessRows(HR_VIEWER.id)).toEqual([
      expect.objectContaining({ initiativeId: initiative.id, viewerId: HR_VIEWER.id, action: 'view' }),
    ]);
    // An HR viewer can export, but only coordinators see who viewed.
    expect(actionIdsOf(view)).toContain(InsightsIds.exportButton);
    expect(actionIdsOf(view)).not.toContain(InsightsIds.accessLogButton);
  });

  it('sends an HR viewer the CSV in their DM with the same counts and suppression as the view, and records the export', async () => {
    const { text, complete } = await exportCsv(HR_VIEWER.id, hrModal);
    csvText = text;
    expect(complete.args.channel_id).toBe(`D${HR_VIEWER.id}`);
    expect(complete.args.initial_comment).toBe(english('insights.exportSent'));
    expect(e2e.slack.callsTo('files.getUploadURLExternal').map((c) => c.args.filename)).toContain('peer-support-insights.csv');

    const csv = readCsv(text);
    const view = parseInsightsView(hrModal.view);
    // Every count in the view is in the CSV, the same number or hidden alike, and nothing more.
    for (const [key, cell] of view.cells) expect(csv.cells.get(key), key).toEqual(cell);
    const weeks = csv.rows.filter((r) => r.section === 'weekly' && r.measure === english(METRIC_KEYS.request_opened) && r.period !== 'last 12 weeks');
    expect(weeks.map((r) => r.period.slice(5))).toEqual(view.weekLabels);
    for (const m of WEEKLY_METRICS) {
      const csvWeeks = weeks.map((r) => csv.cells.get(`weekly|${r.period}|${english(METRIC_KEYS[m])}`));
      expect(csvWeeks, m).toEqual(view.weekly[m]);
    }

    expect(text).not.toMatch(USER_ID);
    for (let i = 0; i < SEEKERS.length; i++) expect(text).not.toContain(noteOf(i));
    for (const intro of Object.values(INTROS)) expect(text).not.toContain(intro);

    const rows = await accessRows(HR_VIEWER.id);
    expect(rows.map((r) => r.action)).toEqual(['view', 'export']);
    expect(rows[1]).toMatchObject({ initiativeId: initiative.id });
  });

  it('shows a coordinator the same day\'s chart without drawing a new one, and who viewed and exported; refuses that record to an HR viewer', async () => {
    // The coordinator opens the insights from their App Home.
    const opened = await homeButton(COORDINATOR.id, initiative.id);
    expect(opened.view.callback_id).toBe(InsightsIds.modal);
    expect(actionIdsOf(opened.view)).toContain(InsightsIds.accessLogButton);
    expect(buttonValue(opened.view.blocks, InsightsIds.accessLogButton)).toBe(initiative.id);
    expect(imageOf(opened.view)).toEqual(imageOf(hrModal.view));
    expect(chartUploadsSince(opened.since)).toEqual([]);

    let since = e2e.mark();
    const { triggerId } = await clickInModal(COORDINATOR.id, InsightsIds.accessLogButton, initiative.id, opened);
    const pushed = await e2e.next('views.push', since, (c) => c.args.trigger_id === triggerId);
    const log = textOf(asView(pushed.args.view).blocks);
    expect(log).toContain(initiative.name);
    expect(log).toMatch(new RegExp(`<@${HR_VIEWER.id}> viewed on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`));
    expect(log).toContain(`<@${HR_VIEWER.id}> exported on`);
    expect(log).toContain(`<@${COORDINATOR.id}> viewed on`);

    // An HR viewer who sends the click anyway gets the refusal, not the record.
    since = e2e.mark();
    const hr = await clickInModal(HR_VIEWER.id, InsightsIds.accessLogButton, initiative.id, hrModal);
    const refused = await e2e.next('views.push', since, (c) => c.args.trigger_id === hr.triggerId);
    expect(textOf(asView(refused.args.view).blocks)).toBe(english('insights.refused'));
  });

  it('refuses a listener, a seeker and a coordinator of another initiative, politely and without a count or a record', async () => {
    const outsiders = [ANXIETY_LISTENER, SEEKERS[0]!, OTHER_COORDINATOR];
    const since = e2e.mark();
    const refusedViews: ModalView[] = [];
    for (const p of [ANXIETY_LISTENER, SEEKERS[0]!]) refusedViews.push((await insightsCommand(p.id)).view);
    for (const p of outsiders) refusedViews.push((await homeButton(p.id, initiative.id)).view);
    for (const view of refusedViews) {
      expect(view.callback_id).toBe('common.message');
      expect(textOf(view.blocks)).toBe(english('insights.refused'));
    }

    // The buttons inside the modal, sent with this initiative's id, are refused too.
    for (const p of outsiders) {
      const mark = e2e.mark();
      await clickInModal(p.id, InsightsIds.exportButton, initiative.id, hrModal);
      const dm = await e2e.next('chat.postMessage', mark, (c) => c.args.channel === p.id);
      expect(dm.args.text).toBe(english('insights.refused'));
      const log = await clickInModal(p.id, InsightsIds.accessLogButton, initiative.id, hrModal);
      const pushed = await e2e.next('views.push', mark, (c) => c.args.trigger_id === log.triggerId);
      expect(textOf(asView(pushed.args.view).blocks)).toBe(english('insights.refused'));
    }

    expect(filesCallsSince(since)).toEqual([]);
    for (const call of e2e.slack.calls.slice(since).filter((c) => c.method.startsWith('views.') || c.method === 'chat.postMessage')) {
      const shown = textOf(call.args.view ?? call.args.blocks);
      expect(shown).not.toMatch(/Listeners active|Last 12 weeks|Requests opened|```/);
    }
    for (const p of outsiders) expect(await accessRows(p.id)).toEqual([]);
    // The other coordinator still sees their own initiative's insights, and only those.
    expect(await e2e.db.initiativeMember.count({ where: { initiativeId: other.id, userId: OTHER_COORDINATOR.id } })).toBe(1);
  });

  it('DESIGN.md invariant 4: with 4 requests last week, that week reads "hidden" in the view, the chart\'s alt text and the CSV, and no count from 1 to 4 shows anywhere', async () => {
    const counted = await e2e.db.anonymousCount.findMany({ where: { initiativeId: initiative.id, metric: 'request_opened' } });
    expect(counted.reduce((sum, c) => sum + c.count, 0)).toBe(4);
    expect(new Set(counted.map((c) => c.weekStart.getTime()))).toEqual(new Set([lastWeek().getTime()]));

    const view = parseInsightsView(hrModal.view);
    expect(view.weekly.request_opened[11]).toBe('suppressed');
    expect(view.weekly.request_opened.slice(0, 11)).toEqual(Array(11).fill(0));
    expect(view.weekly.request_matched[11]).toBe('suppressed');
    expect(view.totals.request_opened).toBe('suppressed');
    expect(sectionStarting(hrModal.view, 'Last 12 weeks')).toContain(`${english(METRIC_KEYS.request_opened)}: ${HIDDEN}`);
    // One match; a median needs 2k = 10.
    expect(sectionStarting(hrModal.view, 'Last 12 weeks')).toContain(english('insights.timeToMatchHidden', { minimum: 2 * K }));
    // Fewer than k requests in all: every topic's demand is hidden, the topic nobody asked about too.
    for (const topic of ['Anxiety', 'Bereavement', 'Parenting']) expect(view.cells.get(`topics|last 12 weeks|Requests: ${topic}`), topic).toBe('suppressed');
    // The table's cell for last week reads as every hidden cell does.
    const table = sectionStarting(hrModal.view, 'By week').split('\n');
    const row = table.find((l) => l.trim().startsWith(shortDay(lastWeek())));
    expect(row?.trim().split(/\s+/)[1]).toBe(HIDDEN);

    for (const [key, cell] of view.cells) expect(allowed(cell), `${key} = ${cell}`).toBe(true);
    for (const m of WEEKLY_METRICS) for (const cell of view.weekly[m]) expect(allowed(cell), m).toBe(true);
    expect(countText(hrModal.view)).not.toMatch(/\b[1-4]\b/);

    const csv = readCsv(csvText);
    const lastWeekRow = csv.rows.find((r) => r.period === longDay(lastWeek()) && r.measure === english(METRIC_KEYS.request_opened));
    expect(lastWeekRow?.value).toBe(HIDDEN);
    expect(csv.rows.find((r) => r.period === 'last 12 weeks' && r.measure === english(METRIC_KEYS.request_opened))?.value).toBe(HIDDEN);
    expect(csv.rows.some((r) => r.period === longDay(weekStart(new Date())))).toBe(false);
    for (const r of csv.rows) {
      if (r.section === 'about' || r.section === 'time to match') continue;
      expect(r.value === '0' || Number(r.value) >= K || r.value === HIDDEN, `${r.measure} (${r.period}) = ${r.value}`).toBe(true);
    }
  });

  it('no name, user id or free text is in the insights view, the chart upload or the CSV', async () => {
    const calls = e2e.slack.calls.filter((c) => c.method === 'views.update' && asView(c.args.view).callback_id === InsightsIds.modal);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    const insightsFiles = e2e.slack.calls.filter((c) => c.method === 'files.getUploadURLExternal' || c.method === 'files.completeUploadExternal');
    const shown = [...calls.map((c) => JSON.stringify(c.args.view)), ...insightsFiles.map((c) => JSON.stringify(c.args)), csvText];
    for (const text of shown) {
      expect(text).not.toMatch(USER_ID);
      for (const p of [...SEEKERS, ...LISTENERS]) for (const id of identityOf(p)) expect(text.toLowerCase()).not.toContain(id.toLowerCase());
      for (let i = 0; i < SEEKERS.length; i++) expect(text).not.toContain(noteOf(i));
      for (const intro of Object.values(INTROS)) expect(text).not.toContain(intro);
    }
  });

  it('issue 13, done when: HR views, colleagues ask and a listener joins, HR views again the same day, and no figure differs', async (context) => {
    const day = dayStart(new Date()).getTime();
    const first = await insightsCommand(HR_VIEWER.id);
    const firstCsv = await exportCsv(HR_VIEWER.id, first);

    // Between the looks, through the app's own flows: two colleagues ask on Anxiety, and a listener
    // joins for Bereavement.
    const waitingBefore = await e2e.db.supportRequest.count({ where: { initiativeId: initiative.id, status: { in: ['waiting', 'offered'] } } });
    await ask();
    await ask();
    await volunteer(e2e, LATE_LISTENER.id, { initiativeId: initiative.id, fields: { topicLabels: ['Bereavement'], [ListenerIds.blocks.intro]: INTROS[LATE_LISTENER.id]! } });
    // They happened: a view counted live would differ. Requests waiting went from 3 (hidden) to 5,
    // which it would show; listeners from 2 to 3; this week's requests from 0 to 2.
    expect(waitingBefore).toBe(3);
    expect(await e2e.db.supportRequest.count({ where: { initiativeId: initiative.id, status: { in: ['waiting', 'offered'] } } })).toBe(5);
    expect(await e2e.db.listenerProfile.count({ where: { initiativeId: initiative.id, status: 'active' } })).toBe(3);
    const thisWeek = await e2e.db.anonymousCount.findMany({ where: { initiativeId: initiative.id, metric: 'request_opened', weekStart: weekStart(new Date()) } });
    expect(thisWeek.reduce((sum, c) => sum + c.count, 0)).toBe(2);

    const second = await insightsCommand(HR_VIEWER.id);
    const secondCsv = await exportCsv(HR_VIEWER.id, second);
    // The suite crossed midnight UTC: the second look belongs to another day, with its own snapshot.
    if (dayStart(new Date()).getTime() !== day) context.skip('the two looks fell on two UTC days');

    // The same view, block for block and figure for figure: same counts, same hidden cells, same
    // chart (no new upload), same alt text; and the same CSV, byte for byte. So also as the first view
    // of the day, before any of this.
    expect(second.view).toEqual(first.view);
    expect(parseInsightsView(second.view).cells).toEqual(parseInsightsView(first.view).cells);
    expect(first.view).toEqual(hrModal.view);
    expect(secondCsv.text).toBe(firstCsv.text);
    expect(secondCsv.text).toBe(csvText);
    expect(chartUploadsSince(first.since)).toEqual([]);
    expect(await e2e.db.insightsSnapshot.count({ where: { initiativeId: initiative.id, day: new Date(day) } })).toBe(1);
  });

  it('a week later shows those requests: 6 in all, hiding a second topic where one could be worked out, with a new chart and the old one deleted', async () => {
    const oldChart = imageOf(hrModal.view)!.slack_file!.id!;
    await aWeekPasses();
    const opened = await insightsCommand(HR_VIEWER.id);
    const view = parseInsightsView(opened.view);
    expect(view.weekly.request_opened.slice(-2)).toEqual(['suppressed', 'suppressed']); // 4, then 2
    expect(view.totals.request_opened).toBe(6);
    expect(sectionStarting(opened.view, 'Last 12 weeks')).toContain(`${english(METRIC_KEYS.request_opened)}: 6`);
    expect(view.totals.request_matched).toBe('suppressed'); // still one match
    // Anxiety 5 and Parenting 1 of 6: Parenting is hidden, and Anxiety too, or 6 - Anxiety would tell it.
    expect(view.cells.get('topics|last 12 weeks|Requests: Parenting')).toBe('suppressed');
    expect(view.cells.get('topics|last 12 weeks|Requests: Anxiety')).toBe('suppressed');
    expect(view.cells.get('topics|last 12 weeks|Requests: Bereavement')).toBe(0);
    for (const [key, cell] of view.cells) expect(allowed(cell), `${key} = ${cell}`).toBe(true);
    expect(countText(opened.view)).not.toMatch(/\b[1-4]\b/);

    // A new day's snapshot (the listener who joined is in it) and a new day's chart; the week-old one
    // is deleted from Slack.
    const snapshot = await e2e.db.insightsSnapshot.findUniqueOrThrow({ where: { initiativeId_day: { initiativeId: initiative.id, day: dayStart(new Date()) } } });
    expect(JSON.parse(snapshot.figures)).toMatchObject({ now: { listenersActive: 3, requestsWaiting: 5 } });
    const { fileId } = await uploadTitled(opened.since, `${initiative.name}: insights chart`);
    expect(fileId).not.toBe(oldChart);
    expect(imageOf(opened.view)?.slack_file?.id).toBe(fileId);
    expect(await chartsOf(snapshot.id)).toEqual({ en: fileId });
    const deleted = await e2e.next('files.delete', opened.since);
    expect(deleted.args.file).toBe(oldChart);

    const { text } = await exportCsv(HR_VIEWER.id, opened);
    const csv = readCsv(text);
    for (const [key, cell] of view.cells) expect(csv.cells.get(key), key).toEqual(cell);
    expect(csv.rows.find((r) => r.period === 'last 12 weeks' && r.measure === english(METRIC_KEYS.request_opened))?.value).toBe('6');
    for (const r of csv.rows) {
      if (r.section === 'about' || r.section === 'time to match') continue;
      expect(r.value === '0' || Number(r.value) >= K || r.value === HIDDEN, `${r.measure} (${r.period}) = ${r.value}`).toBe(true);
    }
    expect(text).not.toMatch(USER_ID);
  });

  it('shows the day\'s first view without its chart when Slack has not finished processing the upload, and the next view with it', async () => {
    await aDayPasses();
    // Slack processes an upload after completeUploadExternal answers; until then an image block naming
    // the file is refused with the whole view. Refuse the first view that shows an image, as Slack does.
    let refused = 0;
    e2e.slack.setResponse('views.update', (call, reply) => {
      const view = call.args.view as ModalView | undefined;
      if (refused > 0 || !view?.blocks.some((b) => b.type === 'image')) return reply();
      refused += 1;
      return { body: { ok: false, error: 'invalid_blocks', errors: ['invalid slack file [json-pointer:/view/blocks/4/slack_file]'] } };
    });
    try {
      const opened = await insightsCommand(HR_VIEWER.id);
      const fileId = imageOf(opened.view)?.slack_file?.id;
      expect(fileId).toBeDefined();
      const retried = await e2e.nth(2, 'views.update', opened.since);
      expect(retried.args.view_id).toBe(opened.viewId);
      const shown = asView(retried.args.view);
      expect(imageOf(shown)).toBeUndefined();
      expect(parseInsightsView(shown).cells).toEqual(parseInsightsView(opened.view).cells);
      expect(refused).toBe(1);
    } finally {
      e2e.slack.clearResponse('views.update');
    }
    // By the next view Slack has it: the same chart, no new upload.
    const later = await insightsCommand(HR_VIEWER.id);
    expect(imageOf(later.view)?.slack_file?.id).toBe((await chartsOf((await todaysSnapshot()).id)).en);
    expect(chartUploadsSince(later.since)).toEqual([]);
  });

  it("issue 19: a de-DE HR viewer and an en-GB coordinator looking the same day each get the chart drawn in their language, uploaded once per language", async (context) => {
    await aDayPasses();
    const day = dayStart(new Date()).getTime();
    const de = translatorFor('de');

    // The coordinator (en-GB) looks first: today's English chart.
    const coordinator = await homeButton(COORDINATOR.id, initiative.id);
    const enChart = await uploadTitled(coordinator.since, english('insights.chart.fileTitle', { initiative: initiative.name }));
    expect(enChart.complete.args.channel_id).toBeUndefined();
    expect(imageOf(coordinator.view)?.slack_file?.id).toBe(enChart.fileId);
    expect(chartUploadsSince(coordinator.since)).toHaveLength(1);

    // Then the German HR viewer: a chart of their own, titled and described in German, with the topics
    // as the coordinator wrote them in German.
    const german = await insightsCommand(GERMAN_HR_VIEWER.id);
    expect(german.view.title.text).toBe(de('insights.title'));
    const deChart = await uploadTitled(german.since, de('insights.chart.fileTitle', { initiative: initiative.name }));
    expect(deChart.complete.args.channel_id).toBeUndefined();
    expect(chartUploadsSince(german.since)).toHaveLength(1);
    expect(deChart.fileId).not.toBe(enChart.fileId);
    expect(String(deChart.upload.args.content).slice(1, 4)).toBe('PNG');
    expect(String(deChart.upload.args.content)).not.toBe(String(enChart.upload.args.content));
    const image = imageOf(german.view)!;
    expect(image.slack_file?.id).toBe(deChart.fileId);
    expect(image.alt_text).toContain(de('insights.alt.byTopic'));
    expect(image.alt_text).toContain('Trauer: Anfragen');
    expect(textOf(german.view.blocks)).toContain('• Angst: Anfragen');
    expect(textOf(german.view.blocks)).not.toContain('Anxiety');
    if (dayStart(new Date()).getTime() !== day) context.skip('the looks fell on two UTC days');
    expect(await chartsOf((await todaysSnapshot()).id)).toEqual({ en: enChart.fileId, de: deChart.fileId });

    // Looking again in German: the German chart, nothing drawn; the first HR viewer (en-US) shares the English one.
    const again = await insightsCommand(GERMAN_HR_VIEWER.id);
    expect(imageOf(again.view)?.slack_file?.id).toBe(deChart.fileId);
    expect(chartUploadsSince(again.since)).toEqual([]);
    const hr = await insightsCommand(HR_VIEWER.id);
    expect(imageOf(hr.view)?.slack_file?.id).toBe(enChart.fileId);
    expect(chartUploadsSince(hr.since)).toEqual([]);
    expect(await e2e.db.insightsChart.count({ where: { snapshot: { initiativeId: initiative.id, day: new Date(day) } } })).toBe(2);
  });
});
