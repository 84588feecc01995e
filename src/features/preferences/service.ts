import type { Db, Tx } from '../../db/client.js';

// A person's own preferences (today: notification previews). Stored only once they change one; a
// person without a row has the defaults (previews off). Listed by my-data and erased with it.

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
