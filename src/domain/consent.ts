import { createHash } from 'node:crypto';
import { APP_LANGUAGES, type AppLanguage } from './app-language.js';
import { DE_TEXTS } from './consent-de.js';
import { ES_TEXTS } from './consent-es.js';

// Consent texts say plainly what is stored and why, who can see it (HR only counts), that taking part is
// voluntary and has no bearing on anyone's job, and how to withdraw (DESIGN.md invariant 3). A text's
// version is derived from its words, so a changed text can never be recorded under an old version.

export const CONSENT_PURPOSES = ['listener', 'coordinator', 'hr_viewer', 'seeker_request', 'circle_member'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentText {
  readonly purpose: ConsentPurpose;
  readonly language: AppLanguage;
  readonly version: string;
  readonly text: string;
}

const VOLUNTARY =
  'Taking part is voluntary and has no bearing on your job, your performance reviews or anyone\'s view of you at work.';
const HR_COUNTS = 'HR sees only anonymous counts (never fewer than the initiative\'s minimum group size), never a name.';

// Each text lists everything stored for its purpose (issue 13), including what the app learns on its own
// (a timezone and language setting from Slack, offers, check-in answers), and how long it is kept, in plain words.
const RETENTION = 'the initiative\'s retention period (90 days unless its coordinators set another)';
const CHECK_IN_ANSWERS = 'your answers to check-ins, stored only as the choice you picked, never as free text';
const RELAYED =
  'The messages you exchange are passed on and never stored: we keep only their timestamps, so an edit or a deletion reaches the other person too.';

const TEXTS: Record<ConsentPurpose, string> = {
  listener: [
    '*What we store:* your Slack ID; the topics, capacity, introduction, languages, working days and hours and quiet hours you enter here; whether you are active or paused, why, and until when; how many offers in a row went unanswered (after three, new offers pause until you resume); your timezone and language setting from your Slack profile, so offers, quiet hours and check-ins follow your day and reach you in your language; the offers you receive and your answers; for each conversation, the pseudonyms and when it started and ended; ' +
      CHECK_IN_ANSWERS +
      '; a concern you report (your pseudonym, the reason and when), and a concern someone you support reports about you, which names you; if a conversation is reported and the two of you are kept apart, a note not to pair you again; if you facilitate a circle, that you facilitate it, your pseudonym in it and the timestamps of what you write there; and a record of this consent. ' +
      RELAYED,
    '*Why:* to offer you pairings with colleagues who share an experience you have lived, at times that suit you, and to check how you are doing.',
    '*Who can see it:* the initiative\'s coordinators see your name, topics, introduction, status, working hours and how many conversations you have, never whom you support or what is said; if someone you support reports a concern, the coordinators are told it is about you. People you support see only a pseudonym and your introduction, unless you both choose to share your names. ' +
      HR_COUNTS,
    `*How long:* your profile stays until you stop. An ended conversation, with its offers and check-in answers, is deleted after ${RETENTION}, and so is a concern, from when it was raised. Your timezone and language setting are refreshed from Slack every week and deleted once nothing is due to reach you. Only anonymous counts stay.`,
    `*Your choice:* ${VOLUNTARY}`,
    '*Withdrawing:* `/peer stop` (or *Stop being a listener* in the app\'s Home tab) withdraws this consent and deletes your listener profile at once. `/peer delete-my-data` erases everything about you.',
  ].join('\n'),
  coordinator: [
    '*What we store:* your Slack ID as a coordinator of this initiative; if a colleague invited you, the invitation (this initiative, the role, your Slack ID and when it was sent); a record of each time you view or export the initiative\'s insights; if you facilitate a circle, that you facilitate it, your pseudonym in it and the timestamps of what you write there; and a record of this consent.',
    '*Why:* so you can run the initiative: edit its settings, approve listeners and hear from listeners who need support.',
    '*Who can see it:* other coordinators, and listeners who ask to talk to a coordinator. You never see who asked for support or what was said. ' +
      HR_COUNTS,
    `*How long:* an invitation is deleted once you answer it, when it is withdrawn, or after 14 days without an answer. Your role stays until you are removed or erase your data. Records of viewing insights are deleted after ${RETENTION}.`,
    `*Your choice:* ${VOLUNTARY}`,
    '*Withdrawing:* `/peer delete-my-data` removes you as coordinator and erases everything about you, at once.',
  ].join('\n'),
  hr_viewer: [
    '*What we store:* your Slack ID as an HR viewer of this initiative; the invitation you received (this initiative, the role, your Slack ID and when it was sent); a record of each time you view or export its insights; and a record of this consent.',
    '*Why:* so you can see anonymous uptake figures for the initiative.',
    '*Who can see it:* the initiative\'s coordinators see who the HR viewers are and when insights were viewed. Insights never show a person, only counts of at least the minimum group size.',
    `*How long:* the invitation is deleted once you answer it, when it is withdrawn, or after 14 days without an answer. Your role stays until you are removed or erase your data. Records of viewing insights are deleted after ${RETENTION}.`,
    `*Your choice:* ${VOLUNTARY}`,
    '*Withdrawing:* `/peer delete-my-data` removes you as HR viewer and erases everything about you, at once.',
  ].join('\n'),
  seeker_request: [
    '*What we store:* your Slack ID, so we can reach you; the topic, note, language and timezone preference you choose here; your timezone and language setting from your Slack profile, so check-ins arrive at a reasonable hour for you and in your language and, if you ask, to find a listener near it; which listeners were asked and their answers, so nobody is asked twice; the pseudonyms and when your conversation started and ended; ' +
      CHECK_IN_ANSWERS +
      '; if you report a concern, the report (your pseudonym, the reason and when), so a coordinator\'s reply can reach you, and if you ask not to be paired with that listener again, a note of that; and a record of this consent. ' +
      RELAYED,
    '*Why:* to find a listener who shares this experience and to check in on how it is going.',
    '*Who can see it:* nobody learns who you are: your listener sees only a pseudonym and your note, coordinators never see who asked, and ' +
      HR_COUNTS +
      ' A concern you report reaches the coordinators under your pseudonym and names your listener, so they know whom it concerns; a coordinator can reply to you through the app, without learning who you are.',
    `*How long:* once your request has ended or been cancelled, it is kept with its conversation details and check-in answers for ${RETENTION}, then deleted with this consent record; a concern you report is deleted after the same period from when you raised it; a note not to pair you again goes too once you have no request left. Your timezone and language setting are refreshed from Slack every week and deleted once nothing is due to reach you. Only anonymous counts stay.`,
    `*Your choice:* ${VOLUNTARY}`,
    '*Withdrawing:* you can end the pairing or cancel the request at any time, and `/peer delete-my-data` erases everything about you at once.',
  ].join('\n'),
  circle_member: [
    '*What we store:* your Slack ID, so the circle\'s messages and session prompts can reach you; the circle you joined, when you joined and the pseudonym you have in it; whether you chose to share your name with the circle; if a facilitator pauses your messages, until when; when a facilitator was last told you may need support; your timezone and language setting from your Slack profile, so session prompts arrive at a reasonable hour for you and in your language; a concern you report (your pseudonym, the reason and when); and a record of this consent. The messages you write in the circle are passed on to its other members and never stored: we keep only their timestamps, so an edit or a deletion reaches every copy.',
    '*Why:* so you can share and listen in a small group of colleagues around an experience you have in common, with a prompt at each session.',
    '*Who can see it:* the other members and the facilitators see only your circle pseudonym and what you write, never your name, unless you choose to share it with the circle. If your words suggest you may be in danger, the facilitators are told your pseudonym, never your name or your words. Coordinators see how many places are taken, never who joined. ' +
      HR_COUNTS,
    '*How long:* your place in the circle, your pseudonym and the timestamps of your messages are deleted as soon as you leave (if the circle is closed first, after ' + RETENTION + '). A concern you report is deleted after ' + RETENTION + ', from when you raised it. Only anonymous counts stay.',
    `*Your choice:* ${VOLUNTARY}`,
    '*Withdrawing:* *Leave the circle* (in the circle\'s welcome message or `/peer circles`) withdraws this consent and deletes your place at once. `/peer delete-my-data` erases everything about you.',
  ].join('\n'),
};

/**
 * A text's version: its purpose, its language (but for English, whose versions predate issue 19 and
 * stay as they were) and a hash of its words. The version recorded is that of the words the person saw.
 */
function versionOf(purpose: ConsentPurpose, language: AppLanguage, text: string): string {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  return language === 'en' ? `${purpose}-${hash}` : `${purpose}-${language}-${hash}`;
}

const TEXTS_BY_LANGUAGE: Record<AppLanguage, Record<ConsentPurpose, string>> = { en: TEXTS, de: DE_TEXTS, es: ES_TEXTS };

export const CONSENT_TEXTS_BY_LANGUAGE: Readonly<Record<AppLanguage, Readonly<Record<ConsentPurpose, ConsentText>>>> = Object.freeze(
  Object.fromEntries(
    APP_LANGUAGES.map((language) => [
      language,
      Object.freeze(
        Object.fromEntries(
          CONSENT_PURPOSES.map((purpose) => {
            const text = TEXTS_BY_LANGUAGE[language][purpose];
            return [purpose, { purpose, language, text, version: versionOf(purpose, language, text) }];
          }),
        ),
      ),
    ]),
  ) as Record<AppLanguage, Record<ConsentPurpose, ConsentText>>,
);

/** The English texts (surfaces not yet shown in each person's language use these). */
export const CONSENT_TEXTS: Readonly<Record<ConsentPurpose, ConsentText>> = CONSENT_TEXTS_BY_LANGUAGE.en;

export function consentText(purpose: ConsentPurpose, language: AppLanguage): ConsentText {
  return CONSENT_TEXTS_BY_LANGUAGE[language][purpose];
}

/** Whether a recorded version is a current text for the purpose, in whichever language the person read it. */
export function isCurrentConsentVersion(purpose: ConsentPurpose, version: string): boolean {
  return APP_LANGUAGES.some((language) => CONSENT_TEXTS_BY_LANGUAGE[language][purpose].version === version);
}

export type ConsentAction = 'given' | 'withdrawn';
