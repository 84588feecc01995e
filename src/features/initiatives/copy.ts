import { escapeMrkdwn as e } from '../common/blocks.js';
import type { Translate } from '../../i18n/translate.js';

// Functions here build mrkdwn: each escapes the names people typed that it puts in (never its callers).
// The words are in the catalogues (src/i18n/catalogues/setup.ts), in the language of the person who
// fills in the form (issue 19).

/** The template a new initiative starts from, in the language of whoever sets it up. */
export function defaultTexts(t: Translate): { resources: string; guidelines: string; topics: string[] } {
  return { resources: t('setup.default.resources'), guidelines: t('setup.default.guidelines'), topics: t('setup.default.topics').split('\n') };
}

export function created(t: Translate, name: string, invited: number): string {
  return t('setup.created', { initiative: e(name), invited });
}

export function saved(t: Translate, name: string, invited: number): string {
  return t('setup.saved', { initiative: e(name), invited });
}

export const MAX_PEOPLE_PER_PICKER = 10;

/** A kind refusal naming who can set up an initiative (issue 13). */
export function notAllowedToCreate(t: Translate, creators: readonly string[]): string {
  return t('setup.notAllowed', { creators: creators.length > 0 ? creators.map((id) => `<@${id}>`).join(', ') : 'none' });
}

/** Template text is still in the resources: a person in crisis would be shown it. */
export function placeholderLeft(t: Translate, placeholder: string): string {
  return t('setup.error.placeholder', { placeholder: placeholder.length > 60 ? `${placeholder.slice(0, 59)}…` : placeholder });
}

export function topicLinesMismatch(t: Translate, count: number): string {
  return t('setup.error.topicLines', { count });
}
