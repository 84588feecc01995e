import { cleanText } from './text.js';

// The topics a new initiative starts with are in the catalogues (setup.default.topics), in the language
// of whoever sets it up; coordinators edit the list (DESIGN.md).
export const MAX_TOPICS = 50;
// 50 topics of 58 characters, one per line, fit the 3000 characters Slack allows in the form's text input.
export const MAX_TOPIC_LENGTH = 58;

/** One topic per line, cleaned (domain/text.ts); blank lines and repeats (ignoring case) dropped, order kept. */
export function parseTopicList(text: string): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const raw of cleanText(text).split('\n')) {
    const topic = raw.trim().replace(/\s+/g, ' ');
    const key = topic.toLowerCase();
    if (!topic || seen.has(key)) continue;
    seen.add(key);
    topics.push(topic);
  }
  return topics;
}
