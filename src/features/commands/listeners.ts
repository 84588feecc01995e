import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderHelp } from '../help/views.js';
import { parseCommand, type Subcommand } from './parse-command.js';

export const PEER_COMMAND = '/peer';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs & { rest: string };
export type CommandHandler = (args: CommandArgs) => Promise<void>;
export type CommandHandlers = Partial<Record<Subcommand, CommandHandler>>;

/** One switch from subcommand to capability (pairing-bot's dispatch.go); unknown text shows help. */
export function register(app: App, handlers: CommandHandlers): void {
  app.command(PEER_COMMAND, async (args) => {
    const parsed = parseCommand(args.command.text);
    const handler = parsed.kind === 'subcommand' ? handlers[parsed.name] : undefined;
    if (!handler) {
      await args.ack({
        response_type: 'ephemeral',
        ...renderHelp(parsed.kind === 'unknown' ? parsed.typed : undefined),
      });
      return;
    }

    // A failure is answered by the global answer-failures middleware (ack if not yet, else respond).
    await handler({ ...args, rest: parsed.kind === 'subcommand' ? parsed.rest : '' });
  });
}
