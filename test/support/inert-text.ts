/**
 * Checks that text people typed reaches Slack inert (issue 13): wherever Slack reads mrkdwn (a message's
 * `text`, mrkdwn text objects in blocks and views), no link, mention or `<!channel>` a person typed is
 * live, and nothing is escaped twice; plain_text (headers, buttons, options, input values), which Slack
 * shows as it is, is never escaped.
 */

/** Markup a person might type into a name, topic, note or introduction to make the app's messages lie or ping. */
export const LINK = '<https://example.org|Confirm you are still a listener>';
export const MENTION = '<@U0SOMEONE>';
export const CHANNEL = '<!channel>';

/** The beginnings Slack would read as a live link, mention or broadcast. */
export const LIVE_MARKUP = ['<https://example.org', '<!channel>', '<@U0SOMEONE>', '<!here>', '<!everyone>'] as const;
/** What escaping twice leaves: `&amp;lt;` shows as "&lt;", `&amp;amp;` as "&amp;". */
export const DOUBLE_ESCAPED = ['&amp;amp;', '&amp;lt;', '&amp;gt;'] as const;
/** What escaping leaves, which plain_text would show as is. */
const ESCAPED = ['&lt;', '&gt;', '&amp;'] as const;

export interface TextAt {
  path: string;
  text: string;
}

/** Every string in a Web API call's arguments, a message or a view, sorted by how Slack reads it. */
export function textsOf(value: unknown): { mrkdwn: TextAt[]; plain: TextAt[]; other: TextAt[] } {
  const found = { mrkdwn: [] as TextAt[], plain: [] as TextAt[], other: [] as TextAt[] };
  const walk = (v: unknown, path: string, isRoot: boolean): void => {
    if (typeof v === 'string') {
      found.other.push({ path, text: v });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}/${i}`, false));
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    for (const [key, child] of Object.entries(o)) {
      const at = `${path}/${key}`;
      if (key === 'text' && typeof child === 'string' && o.type === 'plain_text') found.plain.push({ path: at, text: child });
      else if (key === 'text' && typeof child === 'string' && (o.type === 'mrkdwn' || isRoot)) found.mrkdwn.push({ path: at, text: child });
      // A text input shows its initial value as typed; a select's option is plain_text (above).
      else if (key === 'initial_value' && typeof child === 'string') found.plain.push({ path: at, text: child });
      else walk(child, at, false);
    }
  };
  walk(value, '', true);
  return found;
}

export interface Problem {
  path: string;
  problem: string;
  text: string;
}

/** What is wrong in `value`: live markup or double escaping in mrkdwn, and escaping in plain_text. */
export function inertTextProblems(value: unknown): Problem[] {
  const { mrkdwn, plain } = textsOf(value);
  const problems: Problem[] = [];
  for (const { path, text } of mrkdwn) {
    for (const live of LIVE_MARKUP) if (text.includes(live)) problems.push({ path, problem: `live ${live}`, text });
    for (const twice of DOUBLE_ESCAPED) if (text.includes(twice)) problems.push({ path, problem: `escaped twice (${twice})`, text });
  }
  for (const { path, text } of plain) {
    for (const escaped of ESCAPED) if (text.includes(escaped)) problems.push({ path, problem: `plain_text escaped (${escaped})`, text });
  }
  return problems;
}
