import type { KnownBlock } from '@slack/types';
import { renderResourceBlocks, type InitiativeResources } from '../safety/views.js';
import type { Translate } from '../../i18n/translate.js';
import { HELP_COMMANDS, unknownCommandLine } from './copy.js';

export interface HelpMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The list of commands, worded once per translator (issue 17: it is the same on every `/peer help`). */
const commandLists = new WeakMap<Translate, string>();

function commandList(t: Translate): string {
  let list = commandLists.get(t);
  if (list === undefined) {
    list = HELP_COMMANDS.map(({ command, description }) => `• \`${command}\`: ${t(description)}`).join('\n');
    commandLists.set(t, list);
  }
  return list;
}

/**
 * The `/peer help` answer; `typed` is set when the person typed a subcommand we don't know. The
 * resources come first (DESIGN.md invariant 6): the person's initiatives' or everyone's, or a generic
 * crisis line when there are none or they could not be read.
 */
export function renderHelp(t: Translate, typed?: string, resources: readonly InitiativeResources[] = []): HelpMessage {
  const list = commandList(t);
  const lead = typed === undefined ? t('help.intro') : unknownCommandLine(t, typed);
  return {
    text: `${lead}\n${list}`,
    blocks: [
      ...renderResourceBlocks(t, resources),
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: lead } },
      { type: 'section', text: { type: 'mrkdwn', text: list } },
    ],
  };
}
