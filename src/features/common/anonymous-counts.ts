import type { Tx } from '../../db/client.js';
import { weekStart } from '../../domain/weeks.js';

// Anonymous weekly counters: what aggregates keep once people have erased their data. No person's id.

export type CountMetric =
  | 'circle_opened'
  | 'circle_joined'
  | 'circle_session_held'
  | 'listener_joined'
  | 'listener_left'
  | 'request_opened'
  | 'request_matched'
  | 'request_withdrawn'
  | 'pairing_ended'
  | 'checkin_helpful'
  | 'checkin_not_yet'
  | 'checkin_someone_else'
  | 'checkin_end'
  | 'checkin_fine'
  | 'checkin_break'
  | 'checkin_coordinator'
  | 'checkin_keep_going'
  | 'checkin_wrap_up'
  | 'ending_helped'
  | 'ending_not_helped';

export async function incrementCount(
  tx: Tx,
  entry: { initiativeId: string; metric: CountMetric; at: Date; topicId?: string; by?: number },
): Promise<void> {
  const key = {
    initiativeId: entry.initiativeId,
    metric: entry.metric,
    weekStart: weekStart(entry.at),
    topicId: entry.topicId ?? '',
  };
  await tx.anonymousCount.upsert({
    where: { initiativeId_metric_weekStart_topicId: key },
    create: { ...key, count: entry.by ?? 1 },
    update: { count: { increment: entry.by ?? 1 } },
  });
}
