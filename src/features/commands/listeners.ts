import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppLanguage } from '../../domain/app-language.js';
import { translatorFor } from '../../i18n/translate.js';
import type { Routes } from '../../slack/routes.js';
import { withArgs } from '../../slack/with-args.js';
import type { Logger } from '../../logger.js';
import { renderHelp } from '../help/views.js';
import type { InitiativeResources } from '../safety/views.js';
import { parseCommand, type Subcommand } from './parse-command.js';
import { within } from '../../domain/within.js';

export const PEER_COMMAND = '/peer';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs & { rest: string };
export type CommandHandler = (args: CommandArgs) => Promise<void>;
export type CommandHandlers = Partial<Record<Subcommand, CommandHandler>>;

/** What help needs: the resources to show first and the person's language (quick reads), and a log for when they fail. */
export interface HelpDeps {
  resourcesFor(workspaceId: string, userId: string): Promise<readonly InitiativeResources[]>;
  /** English when the language is not known within `withinMs` (src/features/common/person-language.ts). */
  languageOf(client: WebClient, workspaceId: string, userId: string, withinMs: number): Promise<AppLanguage>;
  logger: Logger;
}

// Help is acknowledged with its answer, within Slack's 3 seconds: the resources and the language get a
// bounded share of that, read at the same time. Without the resources (database slow or down) help
// still answers, with the generic crisis line; without the language, in English.
const HELP_READS_MS = 1_200;

async function resourcesWithin(help: HelpDeps, workspaceId: string, userId: string): Promise<readonly InitiativeResources[]> {
  try {
    const resources = await within(help.resourcesFor(workspaceId, userId), HELP_READS_MS, null);
    if (resources === null) throw new Error('help resources took too long');
    return resources;
  } catch (error) {
    help.logger.warn({ err: error, code: 'help_resources_unavailable' }, 'help shown with the generic crisis line');
    return [];
  }
}

/** One switch from subcommand to capability (pairing-bot's dispatch.go); unknown text shows help. */
export function register(app: Routes, handlers: CommandHandlers, help: HelpDeps): void {
  app.command(PEER_COMMAND, async (args) => {
    const parsed = parseCommand(args.command.text);
    const handler = parsed.kind === 'subcommand' ? handlers[parsed.name] : undefined;
    if (!handler) {
      const [resources, language] = await Promise.all([
        resourcesWithin(help, args.command.team_id, args.command.user_id),
        help.languageOf(args.client, args.command.team_id, args.command.user_id, HELP_READS_MS),
      ]);
      await args.ack({
        response_type: 'ephemeral',
        ...renderHelp(translatorFor(language), parsed.kind === 'unknown' ? parsed.typed : undefined, resources),
      });
      return;
    }

    // A failure is answered by the global answer-failures middleware (ack if not yet, else respond).
    // Not a spread with `rest`: one hidden class for every command (src/slack/with-args.ts).
    await handler(withArgs(args, { rest: parsed.kind === 'subcommand' ? parsed.rest : '' }));
  });
}
