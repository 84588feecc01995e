// Both sides of a pairing appear under a pseudonym (DESIGN.md invariant 1): "a colleague (Otter)".
// Names are gentle, common animals and plants; the random source is injected.

export const PSEUDONYM_NAMES: readonly string[] = [
  'Otter', 'Heron', 'Badger', 'Wren', 'Fox', 'Hare', 'Robin', 'Seal', 'Owl', 'Finch',
  'Willow', 'Fern', 'Maple', 'Birch', 'Rowan', 'Hazel', 'Aspen', 'Cedar', 'Juniper', 'Linden',
  'Puffin', 'Lark', 'Kestrel', 'Dolphin', 'Swift', 'Marten', 'Beaver', 'Starling', 'Plover', 'Moth',
];

export type Random = () => number;

/** A name, never `avoid` (so the two sides of a pairing differ). */
export function pickPseudonym(random: Random, avoid?: string): string {
  const names = avoid ? PSEUDONYM_NAMES.filter((n) => n !== avoid) : PSEUDONYM_NAMES;
  return names[Math.floor(random() * names.length) % names.length]!;
}

export function displayPseudonym(name: string): string {
  return `a colleague (${name})`;
}
