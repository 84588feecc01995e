import { cleanText } from '../../domain/text.js';

// Warm, plain words (DESIGN.md): peer support is walking alongside, not fixing.

export const HELP_INTRO =
  'Peer Support connects you, anonymously, with a colleague who has lived through something similar. ' +
  'It is peer support, not a crisis or clinical service.';

export const HELP_COMMANDS: readonly { command: string; description: string }[] = [
  { command: '/peer request', description: 'ask for an anonymous pairing with a listener' },
  { command: '/peer listen', description: 'offer to listen to colleagues (volunteer as a listener)' },
  { command: '/peer pause', description: 'pause new pairings while you take a break' },
  { command: '/peer resume', description: 'take new conversations again after a pause' },
  { command: '/peer stop', description: 'stop being a listener and remove your listener profile' },
  { command: '/peer my-data', description: 'see everything Peer Support stores about you' },
  { command: '/peer delete-my-data', description: 'erase everything Peer Support stores about you' },
  { command: '/peer setup', description: 'set up or edit a peer-support initiative (coordinators)' },
  { command: '/peer insights', description: 'see anonymous uptake figures (coordinators and HR viewers)' },
  { command: '/peer help', description: 'show this list' },
];

/** Echoes what was typed as inert code: mrkdwn's own characters and invisible ones are dropped. */
export function unknownCommandLine(typed: string): string {
  return `I didn't recognise \`${cleanText(typed).replace(/[`*_~<>&\n]/g, '')}\`. Here is what I can do:`;
}
