import type { Db, Tx } from '../../db/client.js';
import { isAppLanguage, type AppLanguage } from '../../domain/app-language.js';

// A person's own preferences: notification previews (issue 14) and the language the app writes to them
// in (issue 19). Stored only once they change one; a person without a row has the defaults (previews
// off, the language of their Slack). Listed by my-data and erased with it.

export interface Preferences {
  previews: boolean;
  /** The language they chose; null: their Slack locale's (the default). */
  language: AppLanguage | null;
}

export async function preferencesOf(db: Db | Tx, userId: string): Promise<Preferences> {
  const row = await db.personPreference.findUnique({ where: { userId }, select: { previews: true, language: true } });
  return { previews: row?.previews ?? false, language: isAppLanguage(row?.language) ? row.language : null };
}

export async function previewsOn(db: Db | Tx, userId: string): Promise<boolean> {
  return (await db.personPreference.findUnique({ where: { userId }, select: { previews: true } }))?.previews ?? false;
}

export async function setPreviews(db: Db, input: { userId: string; previews: boolean; now: Date }): Promise<void> {
  await db.personPreference.upsert({
    where: { userId: input.userId },
    create: { userId: input.userId, previews: input.previews, updatedAt: input.now },
    update: { previews: input.previews, updatedAt: input.now },
  });
}

/** The language the person chose, or null to go back to their Slack's. */
export async function setLanguage(db: Db, input: { userId: string; language: AppLanguage | null; now: Date }): Promise<void> {
  await db.personPreference.upsert({
    where: { userId: input.userId },
    create: { userId: input.userId, language: input.language, updatedAt: input.now },
    update: { language: input.language, updatedAt: input.now },
  });
}
