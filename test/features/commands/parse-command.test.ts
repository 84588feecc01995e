import { describe, expect, it } from 'vitest';
import { parseCommand, SUBCOMMANDS, type ParsedCommand } from '../../../src/features/commands/parse-command.js';

const LONG_WORD = 'x'.repeat(100);

describe('parseCommand', () => {
  it.each<[string, ParsedCommand]>([
    ['', { kind: 'subcommand', name: 'help', rest: '' }],
    ['  ', { kind: 'subcommand', name: 'help', rest: '' }],
    ['help', { kind: 'subcommand', name: 'help', rest: '' }],
    ['HELP', { kind: 'subcommand', name: 'help', rest: '' }],
    ['?', { kind: 'subcommand', name: 'help', rest: '' }],
    ['listen', { kind: 'subcommand', name: 'listen', rest: '' }],
    ['  Listen  ', { kind: 'subcommand', name: 'listen', rest: '' }],
    ['my-data', { kind: 'subcommand', name: 'my-data', rest: '' }],
    ['mydata', { kind: 'subcommand', name: 'my-data', rest: '' }],
    ['my_data', { kind: 'subcommand', name: 'my-data', rest: '' }],
    ['delete-my-data', { kind: 'subcommand', name: 'delete-my-data', rest: '' }],
    ['delete-data', { kind: 'subcommand', name: 'delete-my-data', rest: '' }],
    ['request extra words', { kind: 'subcommand', name: 'request', rest: 'extra words' }],
    ['request   extra \t words  ', { kind: 'subcommand', name: 'request', rest: 'extra words' }],
    ['dance', { kind: 'unknown', typed: 'dance' }],
    ['dance the night away', { kind: 'unknown', typed: 'dance' }],
    [LONG_WORD, { kind: 'unknown', typed: 'x'.repeat(30) }],
  ])('reads /peer %j as %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each(SUBCOMMANDS)('recognises the public subcommand %s', (name) => {
    expect(parseCommand(name)).toEqual({ kind: 'subcommand', name, rest: '' });
  });
});
