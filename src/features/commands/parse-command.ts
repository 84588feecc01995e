// Turns the text after `/peer` into a subcommand (pairing-bot's parse_cmd.go): anything we do not
// recognise becomes `help`, with what was typed kept so help can say it did not understand.

export const SUBCOMMANDS = [
  'help',
  'setup',
  'listen',
  'request',
  'pause',
  'resume',
  'stop',
  'my-data',
  'delete-my-data',
  'insights',
  'circles',
] as const;

export type Subcommand = (typeof SUBCOMMANDS)[number];

export type ParsedCommand =
  | { kind: 'subcommand'; name: Subcommand; rest: string }
  | { kind: 'unknown'; typed: string };

const ALIASES: Record<string, Subcommand> = {
  '': 'help',
  '?': 'help',
  mydata: 'my-data',
  my_data: 'my-data',
  'delete-data': 'delete-my-data',
  deletemydata: 'delete-my-data',
  delete_my_data: 'delete-my-data',
  circle: 'circles',
};

export function parseCommand(text: string): ParsedCommand {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  const name = (SUBCOMMANDS as readonly string[]).includes(word) ? (word as Subcommand) : ALIASES[word];
  if (name) return { kind: 'subcommand', name, rest: rest.join(' ') };
  // Only echo a short, plain word back: the text could be anything a person typed.
  return { kind: 'unknown', typed: first.slice(0, 30) };
}
