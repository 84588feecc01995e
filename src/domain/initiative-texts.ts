import { APP_LANGUAGES, type AppLanguage } from './app-language.js';

// What a coordinator writes for an initiative in other languages (issue 19): its resources, listener
// guidelines and topic labels, each optional. Text written by people is shown as written: a person sees
// the version in their language where the coordinator wrote one, else the initiative's own text. Plain
// TypeScript: stored as JSON on the initiative (Initiative.texts), read here.

export interface TextsInLanguage {
  resources?: string;
  guidelines?: string;
  /** Topic labels in this language, by the initiative's own label. */
  topics?: Record<string, string>;
}

export type InitiativeTexts = Partial<Record<AppLanguage, TextsInLanguage>>;

/** Parses what is stored; anything unreadable or unknown is left out (a person then sees the main text). */
export function parseTexts(stored: string | null | undefined): InitiativeTexts {
  if (!stored) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const texts: InitiativeTexts = {};
  for (const language of APP_LANGUAGES) {
    const entry = (raw as Record<string, unknown>)[language];
    if (typeof entry !== 'object' || entry === null) continue;
    const { resources, guidelines, topics } = entry as Record<string, unknown>;
    const clean: TextsInLanguage = {};
    if (typeof resources === 'string' && resources.trim() !== '') clean.resources = resources;
    if (typeof guidelines === 'string' && guidelines.trim() !== '') clean.guidelines = guidelines;
    if (typeof topics === 'object' && topics !== null) {
      const labels = Object.entries(topics).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
      if (labels.length > 0) clean.topics = Object.fromEntries(labels);
    }
    if (Object.keys(clean).length > 0) texts[language] = clean;
  }
  return texts;
}

/** What is stored: only the languages and texts given. */
export function serializeTexts(texts: InitiativeTexts): string {
  return JSON.stringify(parseTexts(JSON.stringify(texts)));
}

/** The texts of one initiative as a person in `language` sees them. */
export interface Localised {
  resources: string;
  guidelines: string;
  topicLabel(label: string): string;
}

export function textsIn(initiative: { resources?: string; guidelines?: string; texts?: string | null }, language: AppLanguage): Localised {
  const own = parseTexts(initiative.texts)[language];
  return {
    resources: own?.resources ?? initiative.resources ?? '',
    guidelines: own?.guidelines ?? initiative.guidelines ?? '',
    topicLabel: (label) => own?.topics?.[label] ?? label,
  };
}

/** The initiative's resources in `language` where written, else as written first. */
export function resourcesIn(initiative: { resources: string; texts?: string | null }, language: AppLanguage): string {
  return textsIn(initiative, language).resources;
}

/**
 * Topic translations typed one per line, in the order of the initiative's topics, as stored (by label);
 * null when the number of lines differs (the coordinator is asked to match them). Empty text: none.
 */
export function zipTopicLabels(topics: readonly string[], typed: string): Record<string, string> | null {
  const lines = typed
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return {};
  if (lines.length !== topics.length) return null;
  return Object.fromEntries(topics.map((topic, i) => [topic, lines[i]!]));
}

/** The topic translations of one language as the form shows them: one per line, in the topics' order. */
export function topicLinesIn(topics: readonly string[], texts: TextsInLanguage | undefined): string {
  if (!texts?.topics) return '';
  return topics.map((t) => texts.topics?.[t] ?? t).join('\n');
}
