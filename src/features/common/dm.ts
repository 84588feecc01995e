import type { WebClient } from '@slack/web-api';

/** The id of the app's DM with a person; files need a channel id, where messages can use the user id. */
export async function openDm(client: WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  if (!opened.channel?.id) throw new Error('conversations.open returned no channel');
  return opened.channel.id;
}
