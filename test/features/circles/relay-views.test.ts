import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES } from '../../../src/domain/app-language.js';
import { CIRCLE_DESCRIPTION_MAX } from '../../../src/domain/circles.js';
import { PSEUDONYM_NAMES } from '../../../src/domain/pseudonyms.js';
import { CircleRelayIds } from '../../../src/features/circles/relay-ids.js';
import {
  renderCircleCrisisNote,
  renderCircleNote,
  renderCircleRelayed,
  renderCircleReportAnswer,
  renderCircleReportModal,
  renderCircleReportNotice,
  renderPausedNote,
  slackDateTime,
} from '../../../src/features/circles/relay-views.js';
import { PairingIds } from '../../../src/features/pairings/ids.js';
import { english, translatorFor } from '../../../src/i18n/translate.js';
import { validateMessage, validateView } from '../../../src/slack/block-kit.js';

// The circle relay's surfaces (issue 20): Slack's Block Kit rules (the validation the fake Slack applies),
// each in every language, with worst-case data; and no identity unless it was revealed (invariant 1).

const LONGEST = [...PSEUDONYM_NAMES].sort((a, b) => b.length - a.length)[0]!;
const USER = 'U0ALICE0001';
const UNTIL = new Date('2026-03-05T18:00:00Z');
const words = (n: number) => 'I hear you & <thank> you > all. '.repeat(Math.ceil(n / 32)).slice(0, n);

describe('circle relay views', () => {
  for (const language of APP_LANGUAGES) {
    const t = translatorFor(language);

    it(`keep Block Kit's limits in ${language}, with the longest words and names`, () => {
      const messages = [
        renderCircleRelayed(t, { author: { pseudonym: LONGEST, role: 'member', revealedUserId: null }, text: words(40_000), previews: true }),
        renderCircleRelayed(t, { author: { pseudonym: LONGEST, role: 'facilitator', revealedUserId: USER }, text: 'Hello', previews: false }),
        renderCircleNote(t('circles.relay.filesNotRelayed')),
        renderPausedNote(t, { until: UNTIL, resources: words(2900) }),
        renderCircleCrisisNote(t, { circleId: 'c'.repeat(36), pseudonym: LONGEST, resources: words(2900) }),
        renderCircleReportNotice(t, {
          reporterSide: 'member',
          reportId: 'r'.repeat(36),
          circleId: 'c'.repeat(36),
          reporterPseudonym: LONGEST,
          aboutPseudonym: LONGEST,
          reason: 'safety',
          initiativeName: words(80),
          circleDescription: words(CIRCLE_DESCRIPTION_MAX),
        }),
      ];
      for (const message of messages) expect(validateMessage(message)).toEqual([]);
      const views = [
        renderCircleReportModal(t, { circleId: 'c'.repeat(36), others: PSEUDONYM_NAMES.slice(0, 12) }),
        renderCircleReportModal(t, { circleId: 'c'.repeat(36), others: [] }),
        renderCircleReportAnswer(t, t('circles.report.sent', { pseudonym: LONGEST })),
      ];
      for (const view of views) expect(validateView(view)).toEqual([]);
    });
  }

  it('relays a message under the pseudonym, the writer named only once they revealed it (invariant 1)', () => {
    const hidden = renderCircleRelayed(english, { author: { pseudonym: 'Otter', role: 'member', revealedUserId: null }, text: 'Hi <@U0OTHER001>', previews: false });
    expect(hidden.text).toBe(english('circles.relay.notification'));
    expect(JSON.stringify(hidden.blocks[0])).toContain('*a colleague (Otter)*');
    expect(JSON.stringify(hidden)).not.toContain(USER);
    // A mention in someone's words pings nobody through the app.
    expect(JSON.stringify(hidden)).not.toContain('<@U0OTHER001>');

    const revealed = renderCircleRelayed(english, { author: { pseudonym: 'Heron', role: 'facilitator', revealedUserId: USER }, text: 'Welcome', previews: true });
    expect(revealed.text).toBe(`the facilitator (Heron) <@${USER}>: Welcome`);
    expect(JSON.stringify(revealed.blocks[0])).toContain(`*the facilitator (Heron)* <@${USER}>`);
  });

  it('words the crisis note for a facilitator without the member\'s words, with a pause button carrying only the circle and pseudonym', () => {
    const note = renderCircleCrisisNote(english, { circleId: 'circle-1', pseudonym: 'Otter', resources: 'Call 116 123 & <more>' });
    expect(note.text).toBe(english('circles.safety.facilitatorNotification'));
    const shown = JSON.stringify(note.blocks);
    expect(shown).toContain('Call 116 123 &amp; &lt;more&gt;');
    expect(shown).toContain(CircleRelayIds.crisisPause);
    expect(shown).toContain(JSON.stringify(JSON.stringify({ circleId: 'circle-1', pseudonym: 'Otter' })).slice(1, -1));
    expect(shown).toContain('"confirm"');
  });

  it('tells a paused member until when, as Slack shows dates to each reader', () => {
    const note = renderPausedNote(english, { until: UNTIL, resources: 'EAP' });
    expect(note.text).toContain(`<!date^${UNTIL.getTime() / 1000}^{date_short_pretty} {time}|`);
    expect(slackDateTime('de', UNTIL)).toContain('05.03.2026');
  });

  it('offers the other members by pseudonym in the report form, and names nobody in the notice but by pseudonym', () => {
    const view = renderCircleReportModal(english, { circleId: 'circle-1', others: ['Heron', 'Fox'] });
    expect(view.callback_id).toBe(CircleRelayIds.reportModal);
    expect(JSON.parse(view.private_metadata!)).toEqual({ circleId: 'circle-1', language: 'en' });
    expect(JSON.stringify(view.blocks)).toContain(`"block_id":"${CircleRelayIds.blocks.about}"`);

    const notice = renderCircleReportNotice(english, {
      reporterSide: 'member',
      reportId: 'report-1',
      circleId: 'circle-1',
      reporterPseudonym: 'Wren',
      aboutPseudonym: null,
      reason: 'other',
      initiativeName: 'Lighthouse',
      circleDescription: 'Carers <and> parents',
    });
    const shown = JSON.stringify(notice);
    expect(notice.text).toBe(english('reports.coordinators.notification'));
    expect(shown).toContain('Carers &lt;and&gt; parents');
    expect(shown).toContain('*Wren*');
    expect(shown).toContain(english('reports.reason.other'));
    expect(shown).toContain(PairingIds.replyToReport);
    expect(shown).toContain('"value":"report-1"');
  });
});
