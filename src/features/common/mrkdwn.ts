// Slack mrkdwn that the app passes on or cuts: where a cut is safe, and what a relayed message may keep.
// Pure functions, no Slack calls.

/** `<...>` (a link, a mention) and `&...;` (an entity such as `&lt;`): cutting inside either breaks it. */
const UNIT = /<[^<>]*>|&[#a-zA-Z0-9]{1,32};/g;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Positions in `text` where it may not be cut: inside a `<...>` or `&...;` unit (only units of at most
 * `longest` characters count: a longer one cannot be kept whole anyway), or between the halves of a
 * surrogate pair. `blocked[i]` is true when cutting before index i would break something.
 */
function blockedCuts(text: string, longest: number): boolean[] {
  const blocked = new Array<boolean>(text.length + 1).fill(false);
  for (const m of text.matchAll(UNIT)) {
    if (m[0].length > longest) continue;
    for (let i = m.index + 1; i < m.index + m[0].length; i++) blocked[i] = true;
  }
  for (let i = 1; i < text.length; i++) if (isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))) blocked[i] = true;
  return blocked;
}

/**
 * Splits mrkdwn into pieces of at most `limit` characters whose concatenation is `text`, never inside a
 * `<...>` link or mention, an `&...;` entity or a surrogate pair. A piece ends after a newline where one
 * falls in its second half, else after a space, else as late as is safe. Only a `<...>` longer than
 * `limit` is cut (it could not fit in any piece; `neutraliseRelayed` escapes such a thing beforehand).
 */
export function splitMrkdwn(text: string, limit: number): string[] {
  if (limit < 2) throw new Error('splitMrkdwn needs a limit of at least 2');
  const blocked = blockedCuts(text, limit);
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > limit) {
    const end = start + limit;
    const half = start + Math.ceil(limit / 2);
    let cut = -1;
    for (const separator of ['\n', ' ']) {
      for (let i = end; i >= half && cut < 0; i--) if (text[i - 1] === separator && !blocked[i]) cut = i;
      if (cut >= 0) break;
    }
    for (let i = end; i > start && cut < 0; i--) if (!blocked[i]) cut = i;
    // Nothing safe in reach (a unit starting at `start` and longer than `limit`, which blockedCuts ignores,
    // so this cannot happen; kept so the loop always moves on).
    if (cut < 0) cut = end;
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}

/** The longest safe prefix of `text` of at most `max` characters (for cutting mrkdwn short, with a "…" after). */
export function safePrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  // Whatever straddles the cut is left out whole, however long.
  const blocked = blockedCuts(text, Infinity);
  let cut = max;
  while (cut > 0 && blocked[cut]) cut--;
  return text.slice(0, cut);
}

const escapeAngles = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A link longer than this is shown as text: it could not be kept whole in one section anyway. */
const LONGEST_LINK = 1000;

/** `https://example.org/` and `example.org` are the same place to a reader; a label showing either hides nothing. */
function labelShowsTarget(target: string, label: string): boolean {
  const bare = (s: string) => s.trim().toLowerCase().replace(/^(https?:\/\/|mailto:)/, '').replace(/\/$/, '');
  return bare(target) === bare(label);
}

/**
 * A relayed message, as Slack delivered it (already mrkdwn: what the person typed as `<` arrives as
 * `&lt;`), made safe to post under the app's name to the other side of a pairing:
 * - `<!channel>`, `<!here>`, `<!everyone>`, user-group and every other `<!...>` command is escaped, so it
 *   shows as typed and never notifies anyone: one side must not be able to ping people through the app.
 * - a user mention `<@U...>` becomes "@someone": escaped it would still carry a user ID, which may be the
 *   sender's own (DESIGN.md invariant 1: nothing addressed to one side carries the other's identity
 *   until both choose to reveal) or a colleague's, who has no part in the conversation.
 * - a channel mention `<#C...|name>` becomes the plain text "#name" (no link).
 * - a link stays a link, but a masked one (`<https://...|words>`) is shown as "words (<https://...>)":
 *   the words are kept and where the link goes is visible, as the message comes under the app's name.
 * - a lone `<` or `>` (which Slack would have escaped) is escaped; entities and everything else pass
 *   through unchanged: this is the person's own message.
 */
export function neutraliseRelayed(text: string): string {
  return text.replace(/<([^<>]*)>|[<>]/g, (whole: string, inner: string | undefined) => {
    if (inner === undefined) return escapeAngles(whole);
    const [target = '', ...rest] = inner.split('|');
    const label = rest.join('|');
    if (/^@[UW][A-Z0-9]*$/i.test(target)) return '@someone';
    if (/^#C[A-Z0-9]*$/i.test(target)) return label ? `#${label}` : '#a-channel';
    if (/^(https?:\/\/|mailto:)[^\s]*$/i.test(target) && whole.length <= LONGEST_LINK) {
      return label === '' || labelShowsTarget(target, label) ? `<${target}>` : `${label} (<${target}>)`;
    }
    return escapeAngles(whole);
  });
}

/**
 * A time as Slack writes it to each reader, in their own timezone (`format`: Slack's tokens, such as
 * `{date_long}`); clients that cannot show `fallback` instead.
 */
export function slackDate(at: Date, format: string, fallback: string): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^${format}|${fallback}>`;
}
