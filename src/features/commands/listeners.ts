import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.js';
import { SOMETHING_WENT_WRONG } from '../common/copy.js';
import { renderHelp } from '../help/views.js';
import { parseCommand, type Subcommand } from './parse-command.js';

export const PEER_COMMAND = '/peer';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs & { rest: string };
export type CommandHandler = (args: CommandArgs) => Promise<void>;
export type CommandHandlers = Partial<Record<Subcommand, CommandHandler>>;

/** One switch from subcommand to capability (pairing-bot's dispatch.go); unknown text shows help. */
export function register(app: App, deps: AppDeps, handlers: CommandHandlers): void {
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

    let acked = false;
    const ack: typeof args.ack = async (response) => {
      acked = true;
      await args.ack(response);
    };
    try {
      await handler({ ...args, ack, rest: parsed.kind === 'subcommand' ? parsed.rest : '' });
    } catch (error) {
      deps.logger.error(
        { err: error, code: codeOf(error), subcommand: parsed.kind === 'subcommand' ? parsed.name : 'unknown' },
        'peer command failed',
      );
      if (!acked) await args.ack({ response_type: 'ephemeral', text: SOMETHING_WENT_WRONG });
      else await args.respond({ response_type: 'ephemeral', text: SOMETHING_WENT_WRONG }).catch(() => {});
    }
  });
}

export function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'unexpected';
}
