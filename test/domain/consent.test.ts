import { describe, expect, it } from 'vitest';
import { APP_LANGUAGES } from '../../src/domain/app-language.js';
import { CONSENT_PURPOSES, CONSENT_TEXTS, CONSENT_TEXTS_BY_LANGUAGE, consentText, isCurrentConsentVersion, type ConsentPurpose } from '../../src/domain/consent.js';

// Invariant 3 and issue 13: each consent text says plainly everything stored for its purpose (what
// the app learns on its own too), why, who sees it, for how long, that it is voluntary, how to withdraw.

const MUST_SAY: Record<ConsentPurpose, string[]> = {
  listener: [
    'Slack ID',
    'quiet hours',
    'working days and hours',
    'until when',
    'offers in a row went unanswered',
    'timezone and language setting from your Slack profile',
    'offers',
    'check-ins, stored only as the choice you picked',
    'never stored',
    'not to pair you again',
    '90 days',
    'until you stop',
    // Issue 15: what coordinators see is what the approval message and their Home show, and a report names the listener.
    'coordinators see your name, topics, introduction, status, working hours and how many conversations you have, never whom you support or what is said',
    'a concern someone you support reports about you, which names you',
    'the coordinators are told it is about you',
    // Issue 20: a listener or coordinator named a circle's facilitator.
    'if you facilitate a circle, that you facilitate it, your pseudonym in it',
  ],
  seeker_request: [
    'Slack ID',
    'note',
    'timezone and language setting from your Slack profile',
    'listeners were asked',
    'check-ins, stored only as the choice you picked',
    'never stored',
    'not to pair you again',
    '90 days',
    'consent record',
    'and HR sees only anonymous counts',
    // Issue 15: a report is stored, reaches coordinators under the pseudonym, names the listener, and can be replied to.
    'if you report a concern, the report (your pseudonym, the reason and when)',
    'A concern you report reaches the coordinators under your pseudonym and names your listener',
    'a coordinator can reply to you through the app',
  ],
  coordinator: ['Slack ID', 'invitation (this initiative, the role, your Slack ID and when it was sent)', 'view or export', '14 days', '90 days', 'if you facilitate a circle'],
  // Issue 20: what members see of each other, what facilitators learn, and that leaving deletes the place.
  circle_member: [
    'Slack ID',
    'the pseudonym you have in it',
    'share your name with the circle',
    'timezone and language setting from your Slack profile',
    'never stored',
    'the facilitators are told your pseudonym, never your name or your words',
    'deleted as soon as you leave',
    '90 days',
    'a record of this consent',
  ],
  hr_viewer: ['Slack ID', 'invitation you received (this initiative, the role, your Slack ID and when it was sent)', 'view or export', '14 days', '90 days', 'only counts'],
};

describe('consent texts', () => {
  it.each(CONSENT_PURPOSES)('%s: lists what is stored, why, who sees it, how long, the choice and how to withdraw', (purpose) => {
    const { text } = CONSENT_TEXTS[purpose];
    for (const heading of ['*What we store:*', '*Why:*', '*Who can see it:*', '*How long:*', '*Your choice:*', '*Withdrawing:*']) expect(text).toContain(heading);
    for (const words of MUST_SAY[purpose]) expect(text).toContain(words);
    expect(text).toContain('no bearing on your job');
  });

  it.each(CONSENT_PURPOSES)('%s: fits one Block Kit section and holds no mrkdwn control characters', (purpose) => {
    const { text } = CONSENT_TEXTS[purpose];
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).not.toMatch(/[<>&]/);
  });

  it('derives each version from the words, so a changed text gets a new version', () => {
    const versions = CONSENT_PURPOSES.map((p) => CONSENT_TEXTS[p].version);
    for (const [i, p] of CONSENT_PURPOSES.entries()) expect(versions[i]).toMatch(new RegExp(`^${p}-[0-9a-f]{10}$`));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('listener: never says coordinators see only that someone is a listener (they see topics and introduction to approve)', () => {
    expect(CONSENT_TEXTS.listener.text).not.toContain('see that you are a listener and your status');
  });

  // Issue 19: the same texts in German and Spanish, each versioned by its own words and language.
  const HEADINGS = {
    de: ['*Was wir speichern:*', '*Warum:*', '*Wer das sehen kann:*', '*Wie lange:*', '*Deine Entscheidung:*', '*Widerruf:*'],
    es: ['*Qué guardamos:*', '*Por qué:*', '*Quién puede verlo:*', '*Cuánto tiempo:*', '*Tu decisión:*', '*Cómo retirarte:*'],
  } as const;
  const commandsIn = (text: string) => [...text.matchAll(/`[^`]+`/g)].map((m) => m[0]);
  const numbersIn = (text: string) => [...text.matchAll(/\d+/g)].map((m) => m[0]);

  for (const language of ['de', 'es'] as const) {
    it.each(CONSENT_PURPOSES)(`%s in ${language}: the same six parts, commands and numbers as the English, each part within one section`, (purpose) => {
      const english = CONSENT_TEXTS[purpose].text;
      const { text } = consentText(purpose, language);
      const parts = text.split('\n');
      expect(parts).toHaveLength(english.split('\n').length);
      parts.forEach((part, i) => expect(part.startsWith(HEADINGS[language][i]!), `${language} ${purpose} part ${i}`).toBe(true));
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(3000);
      expect(commandsIn(text)).toEqual(commandsIn(english));
      expect(numbersIn(text).sort()).toEqual(numbersIn(english).sort());
      expect(text).not.toMatch(/[<>&]/);
    });
  }

  it('versions each language apart (English keeps its versions), and any current one counts as current', () => {
    const versions = APP_LANGUAGES.flatMap((language) => CONSENT_PURPOSES.map((purpose) => CONSENT_TEXTS_BY_LANGUAGE[language][purpose].version));
    expect(new Set(versions).size).toBe(versions.length);
    for (const purpose of CONSENT_PURPOSES) {
      expect(consentText(purpose, 'de').version).toMatch(new RegExp(`^${purpose}-de-[0-9a-f]{10}$`));
      expect(consentText(purpose, 'es').version).toMatch(new RegExp(`^${purpose}-es-[0-9a-f]{10}$`));
      for (const language of APP_LANGUAGES) expect(isCurrentConsentVersion(purpose, consentText(purpose, language).version)).toBe(true);
      expect(isCurrentConsentVersion(purpose, `${purpose}-0000000000`)).toBe(false);
    }
    expect(isCurrentConsentVersion('listener', consentText('seeker_request', 'de').version)).toBe(false);
  });
});
