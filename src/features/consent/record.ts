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
  /** The language of the words the person saw (issue 19); English where a surface is not yet translated. */
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
      textVersion: consentText(entry.purpose, entry.language ?? 'en').version,
      surface: entry.surface,
      createdAt: entry.at,
    },
  });
}
