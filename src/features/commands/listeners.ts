import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Routes } from '../../slack/routes.js';
import type { Logger } from '../../logger.js';
import { renderHelp } from '../help/views.js';
import type { InitiativeResources } from '../safety/views.js';
import { parseCommand, type Subcommand } from './parse-command.js';

export const PEER_COMMAND = '/peer';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs & { rest: string };
export type CommandHandler = (args: CommandArgs) => Promise<void>;
export type CommandHandlers = Partial<Record<Subcommand, CommandHandler>>;

/** What help needs to show the resources first: a quick read, and a log for when it fails. */
export interface HelpDeps {
  resourcesFor(workspaceId: string, userId: string): Promise<readonly InitiativeResources[]>;
  logger: Logger;
}

// Help is acknowledged with its answer, within Slack's 3 seconds: the resources get a bounded share of
// that, and without them (database slow or down) help still answers, with the generic crisis line.
const HELP_RESOURCES_MS = 1_200;

async function resourcesWithin(help: HelpDeps, workspaceId: string, userId: string): Promise<readonly InitiativeResources[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('help resources took too long')), HELP_RESOURCES_MS);
  });
  try {
    return await Promise.race([help.resourcesFor(workspaceId, userId), late]);
  } catch (error) {
    help.logger.warn({ err: error, code: 'help_resources_unavailable' }, 'help shown with the generic crisis line');
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/** One switch from subcommand to capability (pairing-bot's dispatch.go); unknown text shows help. */
export function register(app: Routes, handlers: CommandHandlers, help: HelpDeps): void {
  app.command(PEER_COMMAND, async (args) => {
    const parsed = parseCommand(args.command.text);
    const handler = parsed.kind === 'subcommand' ? handlers[parsed.name] : undefined;
    if (!handler) {
      const resources = await resourcesWithin(help, args.command.team_id, args.command.user_id);
      await args.ack({
        response_type: 'ephemeral',
        ...renderHelp(parsed.kind === 'unknown' ? parsed.typed : undefined, resources),
      });
      return;
    }

    // A failure is answered by the global answer-failures middleware (ack if not yet, else respond).
    await handler({ ...args, rest: parsed.kind === 'subcommand' ? parsed.rest : '' });
  });
}
