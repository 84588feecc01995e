import type { AppLanguage } from './app-language.js';

// Support and crisis resources are what a person in distress sees first (DESIGN.md invariant 6), so
// they must be real: an organisation's own lines with a number or a link, never a template left in.
// Plain rules on the text a coordinator writes, one resource per line, ideally as
//   Employee assistance line: 0800 123 4567 (24 hours)
//   Mind: https://www.mind.org.uk
// Any line with a phone number (three digits or more: 988 and 112 count) or a web link names a way to
// reach someone; other lines ("In an emergency, call your local emergency number.") are kept as they
// are. At least one line must name a way to reach someone.

export interface ResourceEntry {
  /** The line without the number or link, e.g. "Employee assistance line". */
  name: string;
  phone: string | null;
  link: string | null;
  hours: string | null;
}

const LINK = /https?:\/\/[^\s<>()]+/i;
const PHONE = /\+?\d(?:[\s().-]{0,2}\d){2,}/;
const HOURS = /\(([^()\n]{1,80})\)\s*$/;

/** The lines that name a resource with a phone number or a link. */
export function parseResources(text: string): ResourceEntry[] {
  const entries: ResourceEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^[\s•*-]+/u, '').trim();
    const hours = HOURS.exec(line)?.[1]?.trim() ?? null;
    // The hours come last in brackets; the number or link is looked for in what comes before.
    const body = line.replace(HOURS, '').trim();
    const link = LINK.exec(body)?.[0] ?? null;
    const phone = link ? null : (PHONE.exec(body)?.[0].trim() ?? null);
    if (!link && !phone) continue;
    const name = body.split(link ?? phone!)[0]!.replace(/[\s:,-]+$/u, '').trim();
    entries.push({ name: name || body, phone, link, hours });
  }
  return entries;
}

/**
 * Template text left in: a bracketed placeholder such as "<your EAP phone number>" (words in angle
 * brackets; not a link or a mention someone pasted, which are shown as typed) or an "add your ..."
 * instruction.
 */
export function findPlaceholder(text: string): string | null {
  const bracket = /<[A-Za-z][^<>|:@!#\n]{0,118}>/.exec(text);
  if (bracket) return bracket[0];
  const instruction = /\badd your\b[^\n]{0,60}/i.exec(text);
  return instruction ? instruction[0] : null;
}

export type ResourcesProblem = 'placeholder' | 'no-contact' | null;

/** Why resources cannot be saved, or null when they can. */
export function resourcesProblem(text: string): ResourcesProblem {
  if (findPlaceholder(text)) return 'placeholder';
  if (parseResources(text).length === 0) return 'no-contact';
  return null;
}

/**
 * Widely known lines a coordinator may pick from when setting up: offered, never shipped as if they
 * were the organisation's own, and no substitute for its own employee assistance line. Worded in the
 * language of the person setting up (issue 19); every language offers every line.
 */
export const INTERNATIONAL_LINES: readonly { id: string; line: Readonly<Record<AppLanguage, string>> }[] = [
  {
    id: 'emergency',
    line: {
      en: 'Emergency services: 112 (Europe; 999 in the UK, 911 in the US and Canada)',
      de: 'Notruf: 112 (Europa; 999 in Großbritannien, 911 in den USA und Kanada)',
      es: 'Emergencias: 112 (Europa; 999 en el Reino Unido, 911 en EE. UU. y Canadá)',
    },
  },
  {
    id: 'samaritans',
    line: {
      en: 'Samaritans (UK and Ireland): 116 123 (24 hours, every day)',
      de: 'Samaritans (Großbritannien, Irland): 116 123 (rund um die Uhr)',
      es: 'Samaritans (Reino Unido e Irlanda): 116 123 (24 horas, todos los días)',
    },
  },
  {
    id: 'us988',
    line: {
      en: '988 Suicide and Crisis Lifeline (US): 988 (24 hours, every day)',
      de: '988 Suicide and Crisis Lifeline (USA): 988 (rund um die Uhr)',
      es: '988 Suicide and Crisis Lifeline (EE. UU.): 988 (24 horas)',
    },
  },
  {
    id: 'telefonseelsorge',
    line: {
      en: 'TelefonSeelsorge (Germany): 0800 111 0 111 (24 hours, every day, free)',
      de: 'TelefonSeelsorge (Deutschland): 0800 111 0 111 (rund um die Uhr)',
      es: 'TelefonSeelsorge (Alemania): 0800 111 0 111 (24 horas, gratuita)',
    },
  },
  {
    id: 'es024',
    line: {
      en: 'Suicide crisis line (Spain): 024 (24 hours, every day, free)',
      de: 'Krisentelefon bei Suizidgedanken (Spanien): 024 (rund um die Uhr)',
      es: 'Línea 024 de atención a la conducta suicida (España): 024 (24 horas)',
    },
  },
  {
    id: 'findahelpline',
    line: {
      en: 'Find a helpline in your country: https://findahelpline.com',
      de: 'Hilfetelefon in deinem Land finden: https://findahelpline.com',
      es: 'Encuentra una línea de ayuda en tu país: https://findahelpline.com',
    },
  },
];

/** The lines with the ids picked, worded in `language`, in the order offered. */
export function pickedLines(ids: readonly string[], language: AppLanguage): string[] {
  return INTERNATIONAL_LINES.filter((l) => ids.includes(l.id)).map((l) => l.line[language]);
}
