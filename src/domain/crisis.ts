// Crisis words in what a seeker writes trigger the resources for them and a note to their listener (issues 4, 14), and in a message
// written outside a conversation a warmer, more urgent answer (issue 14). Nothing is stored: the check
// runs on the text in memory and returns only whether it matched.

export const DEFAULT_CRISIS_WORDS: readonly string[] = [
  'suicide',
  'suicidal',
  'kill myself',
  'end my life',
  'want to die',
  'self harm',
  'self-harm',
  'hurt myself',
  'overdose',
  'no reason to live',
  'better off without me',
  "can't cope",
  'cannot cope',
  "can't go on",
  // German and Spanish (issue 19): the built-in list is checked whatever the language a message is in.
  'suizid',
  'selbstmord',
  'mich umbringen',
  'nicht mehr leben',
  'mein leben beenden',
  'will sterben',
  'selbstverletzung',
  'mich selbst verletzen',
  'überdosis',
  'ich kann nicht mehr',
  'halte das nicht mehr aus',
  'ohne mich besser dran',
  'suicidio',
  'suicidarme',
  'matarme',
  'quitarme la vida',
  'acabar con mi vida',
  'quiero morir',
  'no quiero vivir',
  'hacerme daño',
  'autolesión',
  'autolesiones',
  'sobredosis',
  'no puedo más',
  'no aguanto más',
  'mejor sin mí',
];

export function crisisWordsOf(configured: string): string[] {
  const words = configured
    .split(/\n|,/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  return words.length > 0 ? words : [...DEFAULT_CRISIS_WORDS];
}

/** The words of several initiatives together: each one's own, or the built-in list where it has none. */
export function crisisWordsOfEach(configured: readonly string[]): string[] {
  if (configured.length === 0) return [...DEFAULT_CRISIS_WORDS];
  return [...new Set(configured.flatMap(crisisWordsOf))];
}

function normalise(text: string): string {
  return ` ${text.toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}-]+/gu, ' ')} `;
}

// Every message is checked against the same few dozen words: each is normalised once (issue 17, a DM's
// CPU), not on every message. Bounded: coordinators' own lists are short, and change rarely.
const NORMALISED_WORDS_MAX = 5_000;
const normalisedWords = new Map<string, string>();

function normalisedWord(word: string): string {
  let normalised = normalisedWords.get(word);
  if (normalised === undefined) {
    if (normalisedWords.size >= NORMALISED_WORDS_MAX) normalisedWords.clear();
    normalised = normalise(word);
    normalisedWords.set(word, normalised);
  }
  return normalised;
}

export function mentionsCrisis(text: string, words: readonly string[]): boolean {
  const haystack = normalise(text);
  return words.some((w) => haystack.includes(normalisedWord(w)));
}
