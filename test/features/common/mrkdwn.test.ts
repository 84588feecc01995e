import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, clipMrkdwn } from '../../../src/features/common/blocks.js';
import { neutraliseRelayed, safePrefix, splitMrkdwn } from '../../../src/features/common/mrkdwn.js';
import { renderRelayed } from '../../../src/features/pairings/views.js';
import { validateMessage } from '../../../src/slack/block-kit.js';

// Relayed text is split only at safe boundaries, and cannot mention or ping anyone (issue 13).

/** Spans [start, end) of every `<...>` and `&...;` in `text`, as Slack reads them. */
function units(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/<[^<>]*>|&[#a-zA-Z0-9]{1,32};/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function cutsOf(pieces: string[]): number[] {
  const cuts: number[] = [];
  let at = 0;
  for (const piece of pieces.slice(0, -1)) cuts.push((at += piece.length));
  return cuts;
}

/** Messages as Slack delivers them: words, spacing, links, mentions, entities, emoji, stray brackets. */
const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '\n', '\n\n', '  ') },
  { weight: 2, arbitrary: fc.constantFrom('<https://example.org|Confirm you are still a listener>', '<https://example.org/a?b=1&amp;c=2>', '<mailto:a@example.org|a@example.org>') },
  { weight: 2, arbitrary: fc.constantFrom('<@U0SOMEONE>', '<@W0ELSE|alex>', '<!channel>', '<!here>', '<!everyone>', '<!subteam^S0TEAM|@team>', '<#C0GENERAL|general>') },
  { weight: 2, arbitrary: fc.constantFrom('&lt;', '&gt;', '&amp;', '&#128512;') },
  { weight: 2, arbitrary: fc.constantFrom('😀', '🏳️‍🌈', '👩🏽‍👧🏽', '𝄞', 'é', '안녕') },
  { weight: 1, arbitrary: fc.constantFrom('<', '>', '&', '|') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);
const message = fc.array(fragment, { maxLength: 200 }).map((parts) => parts.join(''));
const limit = fc.integer({ min: 60, max: 400 });

describe('splitMrkdwn', () => {
  it('pieces put back together are the input, none is over the limit, none is empty', () => {
    fc.assert(
      fc.property(message, limit, (text, max) => {
        const pieces = splitMrkdwn(text, max);
        expect(pieces.join('')).toBe(text);
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
        if (text.length > 0) for (const piece of pieces) expect(piece.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never cuts inside <...>, an &...; entity or a surrogate pair', () => {
    fc.assert(
      fc.property(message, limit, (text, max) => {
        const cuts = cutsOf(splitMrkdwn(text, max));
        for (const { start, end } of units(text)) for (const cut of cuts) expect(cut <= start || cut >= end).toBe(true);
        for (const cut of cuts) expect(/[\uD800-\uDBFF]/.test(text.charAt(cut - 1)) && /[\uDC00-\uDFFF]/.test(text.charAt(cut))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('the same holds for what a relayed message becomes', () => {
    fc.assert(
      fc.property(message, limit, (text, max) => {
        const safe = neutraliseRelayed(text);
        const pieces = splitMrkdwn(safe, max);
        expect(pieces.join('')).toBe(safe);
        const cuts = cutsOf(pieces);
        for (const { start, end } of units(safe)) for (const cut of cuts) expect(cut <= start || cut >= end).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('prefers to end a piece after a newline, then after a space', () => {
    const para = `${'a'.repeat(70)}\n${'b '.repeat(20)}${'c'.repeat(30)}`;
    expect(splitMrkdwn(para, 100)[0]).toBe(`${'a'.repeat(70)}\n`);
    const spaced = `${'word '.repeat(30)}`;
    expect(splitMrkdwn(spaced, 52).every((piece, i, all) => i === all.length - 1 || piece.endsWith(' '))).toBe(true);
  });

  it('keeps a link whole even when it straddles the limit, and cuts hard only where nothing else is possible', () => {
    const link = '<https://example.org/a-long-path|Read this>';
    const text = `${'x'.repeat(90)}${link}${'y'.repeat(10)}`;
    expect(splitMrkdwn(text, 100)).toEqual(['x'.repeat(90), `${link}${'y'.repeat(10)}`]);
    expect(splitMrkdwn('z'.repeat(250), 100)).toEqual(['z'.repeat(100), 'z'.repeat(100), 'z'.repeat(50)]);
    expect(splitMrkdwn('', 100)).toEqual(['']);
  });
});

describe('neutraliseRelayed', () => {
  it.each([
    ['words pass through unchanged', 'Thanks, that helps a lot.', 'Thanks, that helps a lot.'],
    ['entities Slack sent for typed brackets stay as they are', 'a &lt; b &amp;&amp; c &gt; d', 'a &lt; b &amp;&amp; c &gt; d'],
    ['@channel cannot ping: escaped, shown as typed', 'hey <!channel> look', 'hey &lt;!channel&gt; look'],
    ['@here and @everyone cannot ping', '<!here> <!everyone>', '&lt;!here&gt; &lt;!everyone&gt;'],
    ['a user-group mention cannot ping', '<!subteam^S0TEAM|@team>', '&lt;!subteam^S0TEAM|@team&gt;'],
    ['a user mention carries no user ID and pings no one', 'ask <@U0SOMEONE> or <@W0ELSE|alex>', 'ask @someone or @someone'],
    ['a channel mention becomes plain words', 'in <#C0GENERAL|general> and <#C0OTHER>', 'in #general and #a-channel'],
    ['a plain link stays a link', 'see <https://example.org/help>', 'see <https://example.org/help>'],
    ['a link whose words are its address stays as it is', '<http://example.org|example.org> <mailto:a@b.org|a@b.org>', '<http://example.org> <mailto:a@b.org>'],
    ['a masked link shows where it goes', '<https://example.org|Confirm you are still a listener>', 'Confirm you are still a listener (<https://example.org>)'],
    ['a link label that itself looks like a URL cannot hide another address', '<https://evil.example|https://intranet.example>', 'https://intranet.example (<https://evil.example>)'],
    ['a javascript: or other scheme is not a link', '<javascript:alert(1)|click>', '&lt;javascript:alert(1)|click&gt;'],
    ['anything else in angle brackets is shown as text', '<foo> <>', '&lt;foo&gt; &lt;&gt;'],
    ['a lone bracket is escaped', 'a < b > c', 'a &lt; b &gt; c'],
    ['an unclosed link is shown as text', '<https://example.org|Confirm', '&lt;https://example.org|Confirm'],
  ])('%s', (_name, input, expected) => {
    expect(neutraliseRelayed(input)).toBe(expected);
  });

  it('a link too long to keep whole in a section is shown as text', () => {
    const long = `<https://example.org/${'a'.repeat(1200)}>`;
    expect(neutraliseRelayed(long)).toBe(`&lt;https://example.org/${'a'.repeat(1200)}&gt;`);
  });

  it('never lets a mention, a special mention or a masked link through, whatever the message', () => {
    fc.assert(
      fc.property(message, (text) => {
        const safe = neutraliseRelayed(text);
        expect(safe).not.toMatch(/<[!@#]/);
        expect(safe).not.toMatch(/<[^<>]*\|[^<>]*>/);
        // Whatever `<...>` is left is a link.
        for (const m of safe.matchAll(/<([^<>]*)>/g)) expect(m[1]).toMatch(/^(https?:\/\/|mailto:)/i);
        expect(neutraliseRelayed(safe)).toBe(safe);
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderRelayed', () => {
  it('a message as long as Slack allows, full of links and mentions, is split into valid sections, all of it kept', () => {
    const unit = 'I read <https://example.org/a|this> and <@U0SOMEONE> said <!channel> &amp; 😀 okay.\n';
    const text = unit.repeat(Math.floor(40_000 / unit.length));
    const rendered = renderRelayed('quiet-otter', text);
    expect(validateMessage(rendered)).toEqual([]);
    const sections = rendered.blocks.slice(1).map((b) => (b as { text: { text: string; verbatim?: boolean } }).text);
    expect(sections.every((t) => t.verbatim === true && t.text.length <= 2900)).toBe(true);
    expect(sections.map((t) => t.text).join('')).toBe(neutraliseRelayed(text));
    const all = JSON.stringify(rendered);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<@U0SOMEONE>');
    expect(all).not.toContain('U0SOMEONE');
  });
});

describe('clipping shown text', () => {
  it('clipMrkdwn never ends inside a link, a mention or an entity', () => {
    expect(clipMrkdwn(`${'a'.repeat(5)}<@U0123456>`, 10)).toBe('aaaaa…');
    expect(clipMrkdwn(`${'a'.repeat(6)}&amp;b`, 10)).toBe('aaaaaa…');
    expect(clipMrkdwn('short', 10)).toBe('short');
    fc.assert(
      fc.property(message, fc.integer({ min: 2, max: 300 }), (text, max) => {
        const clipped = clipMrkdwn(text, max);
        expect(clipped.length).toBeLessThanOrEqual(max);
        if (clipped !== text) expect(units(text).every(({ start, end }) => clipped.length - 1 <= start || clipped.length - 1 >= end)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('clip and safePrefix never leave half an emoji', () => {
    expect(clip('abc😀def', 5)).toBe('abc…');
    expect(clip('abcd😀def', 5)).toBe('abcd…');
    expect(safePrefix('abc😀', 4)).toBe('abc');
  });
});
