import type { KnownBlock } from '@slack/types';
import { renderResourceBlocks, type InitiativeResources } from '../safety/views.js';
import { HELP_COMMANDS, HELP_INTRO, unknownCommandLine } from './copy.js';

export interface HelpMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * The `/peer help` answer; `typed` is set when the person typed a subcommand we don't know. The
 * resources come first (DESIGN.md invariant 6): the person's initiatives' or everyone's, or a generic
 * crisis line when there are none or they could not be read.
 */
export function renderHelp(typed?: string, resources: readonly InitiativeResources[] = []): HelpMessage {
  const list = HELP_COMMANDS.map(({ command, description }) => `• \`${command}\`: ${description}`).join('\n');
  const lead = typed === undefined ? HELP_INTRO : unknownCommandLine(typed);
  return {
    text: `${lead}\n${list}`,
    blocks: [
      ...renderResourceBlocks(resources),
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: lead } },
      { type: 'section', text: { type: 'mrkdwn', text: list } },
    ],
  };
}
