import { cleanText } from '../../domain/text.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';

// Warm, plain words (DESIGN.md): peer support is walking alongside, not fixing. The words are in the
// catalogues (src/i18n), in each person's language; the commands themselves are the same in every one.

export const HELP_COMMANDS: readonly { command: string; description: MessageKey }[] = [
  { command: '/peer request', description: 'help.command.request' },
  { command: '/peer listen', description: 'help.command.listen' },
  { command: '/peer circles', description: 'help.command.circles' },
  { command: '/peer pause', description: 'help.command.pause' },
  { command: '/peer resume', description: 'help.command.resume' },
  { command: '/peer stop', description: 'help.command.stop' },
  { command: '/peer my-data', description: 'help.command.myData' },
  { command: '/peer delete-my-data', description: 'help.command.deleteMyData' },
  { command: '/peer setup', description: 'help.command.setup' },
  { command: '/peer insights', description: 'help.command.insights' },
  { command: '/peer help', description: 'help.command.help' },
];

/** Echoes what was typed as inert code: mrkdwn's own characters and invisible ones are dropped. */
export function unknownCommandLine(t: Translate, typed: string): string {
  return t('help.unknownCommand', { typed: cleanText(typed).replace(/[`*_~<>&\n]/g, '') });
}
