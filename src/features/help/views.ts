import type { KnownBlock } from '@slack/types';
import { HELP_COMMANDS, HELP_CRISIS_NOTE, HELP_INTRO, unknownCommandLine } from './copy.js';

export interface HelpMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The `/peer help` answer; `typed` is set when the person typed a subcommand we don't know. */
export function renderHelp(typed?: string): HelpMessage {
  const list = HELP_COMMANDS.map(({ command, description }) => `• \`${command}\`: ${description}`).join('\n');
  const lead = typed === undefined ? HELP_INTRO : unknownCommandLine(typed);
  return {
    text: `${lead}\n${list}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lead } },
      { type: 'section', text: { type: 'mrkdwn', text: list } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: HELP_CRISIS_NOTE }] },
    ],
  };
}
