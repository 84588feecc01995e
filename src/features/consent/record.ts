import type { AppLanguage } from '../../domain/app-language.js';
import { consentText, type ConsentAction, type ConsentPurpose } from '../../domain/consent.js';
import type { Tx } from '../../db/client.js';

// Consent records are append-only (DESIGN.md invariant 3): this module only ever inserts. A row says who,
// which purpose, which version of the text they saw, through which surface, and when.

export interface ConsentEntry {
  workspaceId: string;
  userId: string;
  initiativeId: string | null;
  purpose: ConsentPurpose;
  action: ConsentAction;
  surface: string;
  at: Date;
  /**
   * The language of the words the person saw (issue 19). A withdrawal without one names the version of
   * the consent it withdraws; anything else without one, the English text.
   */
  language?: AppLanguage;
}

export async function recordConsent(tx: Tx, entry: ConsentEntry): Promise<void> {
  await tx.consentRecord.create({
    data: {
      workspaceId: entry.workspaceId,
      userId: entry.userId,
      initiativeId: entry.initiativeId,
      purpose: entry.purpose,
      action: entry.action,
      textVersion: await versionOf(tx, entry),
      surface: entry.surface,
      createdAt: entry.at,
    },
  });
}

/**
 * The version a record names: for consent given, the words shown (in the language the person read);
 * for a withdrawal without a language of its own, the version of the consent it withdraws (the latest
 * given for that purpose), so it names the words the person agreed to, in their language (issue 19).
 */
async function versionOf(tx: Tx, entry: ConsentEntry): Promise<string> {
  if (entry.action === 'withdrawn' && !entry.language) {
    const given = await tx.consentRecord.findFirst({
      where: { workspaceId: entry.workspaceId, userId: entry.userId, initiativeId: entry.initiativeId, purpose: entry.purpose, action: 'given' },
      orderBy: { createdAt: 'desc' },
      select: { textVersion: true },
    });
    if (given) return given.textVersion;
  }
  return consentText(entry.purpose, entry.language ?? 'en').version;
}
