import type { Translate } from '../i18n/translate.js';

// Both sides of a pairing appear under a pseudonym (DESIGN.md invariant 1): "a colleague (Otter)".
// Names are gentle, common animals and plants; the random source is injected.

export const PSEUDONYM_NAMES: readonly string[] = [
  'Otter', 'Heron', 'Badger', 'Wren', 'Fox', 'Hare', 'Robin', 'Seal', 'Owl', 'Finch',
  'Willow', 'Fern', 'Maple', 'Birch', 'Rowan', 'Hazel', 'Aspen', 'Cedar', 'Juniper', 'Linden',
  'Puffin', 'Lark', 'Kestrel', 'Dolphin', 'Swift', 'Marten', 'Beaver', 'Starling', 'Plover', 'Moth',
];

export type Random = () => number;

/**
 * A name none of `avoid` (so the two sides of a pairing differ, and one listener never has two seekers,
 * or a seeker and themself, under one name). Chosen by `random` alone, never from who the person is, so
 * a name reveals nothing (invariant 1). With every name avoided, any name: a clash beats no name.
 * Pass a collection of names: a single string would be read as its letters.
 */
export function pickPseudonym(random: Random, avoid: Iterable<string> = []): string {
  const avoided = new Set(avoid);
  const free = PSEUDONYM_NAMES.filter((n) => !avoided.has(n));
  const names = free.length > 0 ? free : PSEUDONYM_NAMES;
  return names[Math.floor(random() * names.length) % names.length]!;
}

/**
 * How a pseudonym is shown in a sentence, in `t`'s language: "a colleague (Otter)" in English; German and
 * Spanish sentences name the pseudonym on its own ("Otter"), which fits their grammar in every case. The
 * name itself is never translated: both sides must know each other by the same one, whatever their language.
 */
export function displayPseudonym(t: Translate, name: string): string {
  return t('common.pseudonym', { name });
}
