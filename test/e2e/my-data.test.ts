import { existsSync, readFileSync } from 'node:fs';
import { english } from '../../src/i18n/translate.js';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sqliteFilePath } from '../../src/db/client.js';
import { CONSENT_TEXTS } from '../../src/domain/consent.js';
import { InitiativeIds } from '../../src/features/initiatives/ids.js';
import { ListenerIds } from '../../src/features/listeners/ids.js';
import * as copy from '../../src/features/my-data/copy.js';
import { MyDataIds } from '../../src/features/my-data/ids.js';
import type { MyData } from '../../src/features/my-data/service.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import {
  acceptInvitation,
  command,
  commandModal,
  invitationFor,
  responded,
  setUpInitiative,
  startE2E,
  submit,
  TEAM,
  jsonOf,
  textOf,
  volunteer,
  type E2E,
} from '../support/flows.js';

// Issue 3, `/peer my-data` and `/peer delete-my-data`: what a person is sent is everything about them
// and nothing about anyone else; erasing leaves no row in any table that names them.

const SUBJECT = 'U0SUBJECT1'; // an HR viewer who also listens
const OTHER = 'U0OTHER001'; // the coordinator, who also listens
const NOBODY = 'U0NOBODY01';
const SUBJECT_INTRO = 'Burnout flattened me in 2019 and I found my way back: saffron-lynx-3310';
const OTHER_INTRO = 'Chronic pain is part of my every day: indigo-walrus-7781';

describe.each(TEST_PROVIDERS)('my data on %s', (provider) => {
  let e2e: E2E;
  let initiativeId = '';

  beforeAll(async () => {
    e2e = await startE2E(provider, inject('templates'));
    const since = e2e.mark();
    initiativeId = (
      await setUpInitiative(e2e, OTHER, {
        [InitiativeIds.blocks.name]: 'Data Circle',
        [InitiativeIds.blocks.approval]: [],
        [InitiativeIds.blocks.hrViewers]: [SUBJECT],
      })
    ).id;
    await acceptInvitation(e2e, SUBJECT, await invitationFor(e2e, SUBJECT, since));
    await volunteer(e2e, SUBJECT, {
      fields: {
        topicLabels: ['Stress and burnout', 'Chronic illness'],
        [ListenerIds.blocks.capacity]: '4',
        [ListenerIds.blocks.intro]: SUBJECT_INTRO,
        [ListenerIds.blocks.quietStart]: '21:00',
        [ListenerIds.blocks.quietEnd]: '07:30',
        [ListenerIds.blocks.workDays]: ['1', '3', '5'],
        [ListenerIds.blocks.workStart]: '10:00',
        [ListenerIds.blocks.workEnd]: '16:00',
      },
    });
    await volunteer(e2e, OTHER, { fields: { topicLabels: ['Chronic illness'], [ListenerIds.blocks.intro]: OTHER_INTRO } });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** Runs `/peer my-data` and returns the DM summary and the uploaded file, parsed. */
  async function myData(userId: string) {
    const since = e2e.mark();
    const { response, responseKey } = await command(e2e, userId, 'my-data');
    expect(response.status).toBe(200);
    const ephemeral = await responded(e2e, responseKey);
    const opened = await e2e.next('conversations.open', since, (call) => call.args.users === userId);
    const summary = await e2e.next('chat.postMessage', since, (call) => call.args.channel === `D${userId}`);
    const urlRequest = await e2e.next('files.getUploadURLExternal', since);
    const upload = await e2e.next('upload', since);
    const completed = await e2e.next('files.completeUploadExternal', since);
    return { ephemeral, opened, summary, urlRequest, upload, completed, file: JSON.parse(String(upload.args.content)) as MyData };
  }

  /** Every row of every table that mentions `userId` anywhere, as "table: row". */
  async function rowsNaming(userId: string): Promise<{ tables: string[]; rows: string[] }> {
    const tables = (
      provider === 'sqlite'
        ? await e2e.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        : await e2e.db.$queryRawUnsafe<{ name: string }[]>(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
          )
    ).map((t) => t.name);
    const rows: string[] = [];
    for (const table of tables) {
      const all = await e2e.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table.replace(/"/g, '""')}"`);
      for (const row of all) {
        const text = JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
        if (text.includes(userId)) rows.push(`${table}: ${text}`);
      }
    }
    return { tables, rows };
  }

  /**
   * Where `needle` occurs as raw bytes in the SQLite database's files (the main file, the -wal and -shm
   * files), free space and deleted pages included, as "file@offset". A row gone from every table can still
   * be readable there; PostgreSQL's files are the server's and are not scanned (see src/db/client.ts).
   */
  function fileRemnants(needle: string): string[] {
    const main = sqliteFilePath(e2e.databaseUrl);
    const hits: string[] = [];
    for (const file of [main, `${main}-wal`, `${main}-shm`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) hits.push(`${basename(file)}@${at}`);
    }
    return hits;
  }

  it('sends a readable summary to the person\'s DM and a JSON file with their profile, roles and consent records', async () => {
    const { ephemeral, summary, urlRequest, upload, completed, file } = await myData(SUBJECT);
    expect(ephemeral.args.response_type).toBe('ephemeral');

    const text = String(summary.args.text);
    expect(text).toContain('Listener in *Data Circle*: active, up to 4 at a time');
    expect(text).toContain('; new offers Mon, Wed, Fri, 10:00 to 16:00; quiet hours 21:00 to 07:30');
    expect(text).toContain('HR viewer of *Data Circle*');
    expect(text).toContain('2 consent records');
    expect(text).toContain(SUBJECT_INTRO);

    expect(urlRequest.args.filename).toBe('peer-support-my-data.json');
    expect(completed.args.channel_id).toBe(`D${SUBJECT}`);
    expect(completed.args.files).toEqual([expect.objectContaining({ id: upload.args.file_id })]);

    expect(file).toMatchObject({ workspaceId: TEAM, userId: SUBJECT });
    expect(file.listenerProfiles).toEqual([
      expect.objectContaining({
        initiative: 'Data Circle',
        status: 'active',
        capacity: 4,
        introduction: SUBJECT_INTRO,
        languages: ['en'],
        quietHours: { start: '21:00', end: '07:30' },
        workingHours: { days: ['Monday', 'Wednesday', 'Friday'], start: '10:00', end: '16:00' },
        topics: expect.arrayContaining(['Stress and burnout', 'Chronic illness']),
      }),
    ]);
    expect(file.listenerProfiles[0]!.topics).toHaveLength(2);
    expect(file.roles).toEqual([expect.objectContaining({ initiative: 'Data Circle', role: 'hr_viewer' })]);
    expect(file.consentRecords.map((c) => [c.purpose, c.action, c.textVersion, c.surface])).toEqual([
      ['hr_viewer', 'given', CONSENT_TEXTS.hr_viewer.version, 'message:invitation'],
      ['listener', 'given', CONSENT_TEXTS.listener.version, 'modal:listen'],
    ]);
  });

  it('sends nothing about anyone else', async () => {
    const { summary, upload } = await myData(SUBJECT);
    for (const sent of [String(upload.args.content), jsonOf(summary.args)]) {
      expect(sent).not.toContain(OTHER);
      expect(sent).not.toContain(OTHER_INTRO);
      expect(sent).not.toContain('coordinator');
    }
  });

  it('tells someone with nothing stored exactly that', async () => {
    const { summary, file } = await myData(NOBODY);
    expect(String(summary.args.text)).toContain(english('myData.nothingStored'));
    expect(file).toMatchObject({ userId: NOBODY, listenerProfiles: [], roles: [], consentRecords: [] });
  });

  it('warns the only coordinator before they erase their data', async () => {
    const { view } = await commandModal(e2e, OTHER, 'delete-my-data');
    expect(view.callback_id).toBe(MyDataIds.confirmModal);
    expect(textOf(view.blocks)).toContain(copy.soleCoordinatorWarning(['Data Circle']));
  });

  it('asks for confirmation, then erases every row that names the person and keeps the anonymous counts', async () => {
    // Rows other flows write about the person (the check-in dispatcher's timezone cache, a report's
    // do-not-pair record, an insights view), written here directly so erasure is checked on them too.
    await e2e.db.personTimezone.create({ data: { userId: SUBJECT, timezone: 'Europe/Lisbon', fetchedAt: new Date() } });
    await e2e.db.pairBlock.create({ data: { initiativeId, seekerId: NOBODY, listenerUserId: SUBJECT } });
    await e2e.db.insightsAccess.create({ data: { initiativeId, viewerId: SUBJECT, action: 'view' } });
    // Issue 15: a concern they raised, and one a seeker raised about them as a listener.
    const report = (data: { reporterId: string; reporterSide: string; aboutListenerUserId: string | null }) =>
      e2e.db.report.create({ data: { initiativeId, reporterPseudonym: 'Wren', reason: 'Something else', createdAt: new Date(), ...data } });
    await report({ reporterId: SUBJECT, reporterSide: 'listener', aboutListenerUserId: null });
    const aboutThem = await report({ reporterId: NOBODY, reporterSide: 'seeker', aboutListenerUserId: SUBJECT });
    expect(String((await myData(SUBJECT)).summary.args.text)).toContain('1 concern you raised');
    await e2e.db.personTimezone.create({ data: { userId: OTHER, timezone: 'Europe/Paris', fetchedAt: new Date() } });

    const before = await rowsNaming(SUBJECT);
    expect(before.tables).toEqual(expect.arrayContaining(['ListenerProfile', 'InitiativeMember', 'ConsentRecord', 'AnonymousCount']));
    // The scan sees the person before erasure, so an empty result afterwards means something.
    expect(before.rows.map((r) => r.split(':')[0])).toEqual(
      expect.arrayContaining(['ListenerProfile', 'InitiativeMember', 'ConsentRecord', 'PersonTimezone', 'PairBlock', 'InsightsAccess', 'Report']),
    );
    if (provider === 'sqlite') {
      expect(fileRemnants(SUBJECT)).not.toEqual([]);
      expect(fileRemnants(SUBJECT_INTRO)).not.toEqual([]);
    }

    const confirm = await commandModal(e2e, SUBJECT, 'delete-my-data');
    expect(confirm.view.callback_id).toBe(MyDataIds.confirmModal);
    expect(textOf(confirm.view.blocks)).toContain(english('myData.confirm.text'));
    expect(textOf(confirm.view.blocks)).not.toContain('only coordinator');
    // Opening the confirmation erases nothing.
    expect(await e2e.db.listenerProfile.count({ where: { userId: SUBJECT } })).toBe(1);

    const since = e2e.mark();
    const response = await submit(e2e, SUBJECT, confirm);
    expect(response.status).toBe(200);
    const done = await e2e.next('chat.postMessage', since, (call) => call.args.channel === SUBJECT);
    expect(done.args.text).toBe(english('myData.erased'));

    expect((await rowsNaming(SUBJECT)).rows).toEqual([]);
    // The concern about them stays for the coordinators, no longer naming them.
    expect(await e2e.db.report.findUniqueOrThrow({ where: { id: aboutThem.id } })).toMatchObject({ reporterId: NOBODY, aboutListenerUserId: null });
    if (provider === 'sqlite') {
      // The files as the app left them (secure_delete zeroes what is deleted; a TRUNCATE checkpoint right
      // after the erasure empties the WAL, whose older frames still hold the rows), then after a checkpoint
      // of our own. Each half fails alone: src/db/client.ts has the counts measured here. On PostgreSQL
      // the row scan above is the check: the server's files are its operator's (VACUUM; nothing done).
      expect.soft(fileRemnants(SUBJECT), 'the erased user id is readable in the database files').toEqual([]);
      expect.soft(fileRemnants(SUBJECT_INTRO), 'the erased introduction is readable in the database files').toEqual([]);
      await e2e.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
      expect.soft(fileRemnants(SUBJECT), 'the erased user id is readable after a checkpoint').toEqual([]);
      expect.soft(fileRemnants(SUBJECT_INTRO), 'the erased introduction is readable after a checkpoint').toEqual([]);
    }

    const counts = await e2e.db.anonymousCount.findMany({ where: { initiativeId } });
    const total = (metric: string) => counts.filter((c) => c.metric === metric).reduce((sum, c) => sum + c.count, 0);
    expect(total('listener_joined')).toBe(2);
    expect(total('listener_left')).toBe(1);

    // Everyone else's data stays.
    expect(await e2e.db.listenerProfile.count({ where: { userId: OTHER } })).toBe(1);
    expect(await e2e.db.initiativeMember.count({ where: { userId: OTHER, role: 'coordinator' } })).toBe(1);
    expect(await e2e.db.consentRecord.count({ where: { userId: OTHER } })).toBe(2);
    expect(await e2e.db.personTimezone.count({ where: { userId: OTHER } })).toBe(1);
    if (provider === 'sqlite') expect(fileRemnants(OTHER_INTRO)).not.toEqual([]);
  });

  it('has nothing left to send after erasure, and sending it stores nothing new', async () => {
    const { summary, file } = await myData(SUBJECT);
    expect(String(summary.args.text)).toContain(english('myData.nothingStored'));
    expect(file).toMatchObject({ listenerProfiles: [], roles: [], consentRecords: [] });
    expect((await rowsNaming(SUBJECT)).rows).toEqual([]);
  });

  it('never writes a listener\'s introduction to the logs', () => {
    const output = e2e.bot.output();
    for (const intro of [SUBJECT_INTRO, OTHER_INTRO]) expect(output.includes(intro), `the log quotes "${intro}"`).toBe(false);
  });
});
