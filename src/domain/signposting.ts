// Whose resources to show a person (DESIGN.md "Signposting", invariant 6): the initiatives they take
// part in (a request, a listener profile, a role), else every initiative of the workspace, at most
// `max` so a message or Home tab stays within Block Kit's limits.

export const MAX_RESOURCES_SHOWN = 5;

export function resourcesToShow<T extends { id: string }>(all: readonly T[], own: ReadonlySet<string>, max: number = MAX_RESOURCES_SHOWN): T[] {
  const mine = all.filter((i) => own.has(i.id));
  return (mine.length > 0 ? mine : all).slice(0, max);
}
