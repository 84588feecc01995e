import { createHash } from 'node:crypto';

// Consent texts say plainly what is stored and why, who can see it (HR only counts), that taking part is
// voluntary and has no bearing on anyone's job, and how to withdraw (DESIGN.md invariant 3). A text's
// version is derived from its words, so a changed text can never be recorded under an old version.

export const CONSENT_PURPOSES = ['listener', 'coordinator', 'hr_viewer', 'seeker_request'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentText {
  readonly purpose: ConsentPurpose;
  readonly version: string;
  readonly text: string;
}

const VOLUNTARY =
  'Taking part is voluntary and has no bearing on your job, your performance reviews or anyone\'s view of you at work.';
const HR_COUNTS = 'HR sees only anonymous counts (never fewer than the initiative\'s minimum group size), never a name.';

const TEXTS: Record<ConsentPurpose, string> = {
  listener: [
    '*What we store:* your Slack ID, the topics, capacity, introduction, languages and quiet hours you enter here, whether you are active or paused, and a record of this consent.',
    '*Why:* to offer you pairings with colleagues who share an experience you have lived.',
    '*Who can see it:* the initiative\'s coordinators see that you are a listener and your status. People you support see only a pseudonym and your introduction, unless you both choose to share your names. ' +
      HR_COUNTS,
    `*Your choice:* ${VOLUNTARY}`,
    '*Withdrawing:* `/peer stop` (or *Stop being a listener* in the app\'s Home tab) withdraws this consent and deletes your listener profile at once. `/peer delete-my-data` erases everything about you.',
  ].join('\n'),
  coordinator: [
    '*What we store:* your Slack ID as a coordinator of this initiative, and a record of this consent.',
    '*Why:* so you can run the initiative: edit its settings, approve listeners and hear from listeners who need support.',
    '*Who can see it:* other coordinators, and listeners who ask to talk to a coordinator. You never see who asked for support or what was said. ' +
      HR_COUNTS,
    `*Your choice:* ${VOLUNTARY}`,
    '*Withdrawing:* `/peer delete-my-data` removes you as coordinator and erases everything about you, at once.',
  ].join('\n'),
  hr_viewer: [
    '*What we store:* your Slack ID as an HR viewer of this initiative, a record of each time you view its insights, and a record of this consent.',
    '*Why:* so you can see anonymous uptake figures for the initiative.',
    '*Who can see it:* the initiative\'s coordinators see who the HR viewers are and when insights were viewed. Insights never show a person, only counts of at least the minimum group size.',
    `*Your choice:* ${VOLUNTARY}`,
    '*Withdrawing:* `/peer delete-my-data` removes you as HR viewer and erases everything about you, at once.',
  ].join('\n'),
  seeker_request: [
    '*What we store:* the topic, note, language and timezone preference you choose here, linked to your Slack ID so we can reach you, and a record of this consent. The messages you exchange are relayed and never stored.',
    '*Why:* to find a listener who shares this experience and to check in on how it is going.',
    '*Who can see it:* nobody learns who you are: your listener sees only a pseudonym and your note, coordinators never see who asked, and ' +
      HR_COUNTS.charAt(0).toLowerCase() +
      HR_COUNTS.slice(1),
    `*Your choice:* ${VOLUNTARY}`,
    '*Withdrawing:* you can end the pairing or cancel the request at any time, and `/peer delete-my-data` erases everything about you at once.',
  ].join('\n'),
};

function versionOf(purpose: ConsentPurpose, text: string): string {
  return `${purpose}-${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
}

export const CONSENT_TEXTS: Readonly<Record<ConsentPurpose, ConsentText>> = Object.freeze(
  Object.fromEntries(
    CONSENT_PURPOSES.map((purpose) => [purpose, { purpose, text: TEXTS[purpose], version: versionOf(purpose, TEXTS[purpose]) }]),
  ) as Record<ConsentPurpose, ConsentText>,
);

export type ConsentAction = 'given' | 'withdrawn';
