// Slack mrkdwn as HTML, for the demo page (issue 18). Everything the app writes is escaped first and
// tags are only ever wrapped around escaped text, so no text from the app (nor a relayed message) can
// become markup: `<b>` in a message shows as `<b>`. Pure functions, no I/O.

/** Who a `<@U…>` mention names on the page; unknown people show their id. */
export type NameOf = (userId: string) => string | undefined;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Slack's own three escapes in message text (`&amp;`, `&lt;`, `&gt;`) back to the characters they stand for. */
function unescapeSlack(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

/** Only these schemes become links; anything else stays text. */
const SAFE_URL = /^(https?:|mailto:|tel:)/i;

/** One `<…>` unit: a link, a mention, a channel, a special mention or a date. */
function renderUnit(inner: string, nameOf: NameOf): string {
  const [target = '', label] = splitOnce(inner, '|');
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(label ?? nameOf(id) ?? id)}</span>`;
  }
  if (target.startsWith('#')) return `<span class="mention">#${escapeHtml(label ?? target.slice(1))}</span>`;
  if (target.startsWith('!')) {
    // <!here>, <!channel>, <!date^…|fallback>: the fallback text, or the word.
    return `<span class="mention">${escapeHtml(label ?? `@${target.slice(1).split('^')[0]}`)}</span>`;
  }
  const url = unescapeSlack(target);
  const text = escapeHtml(unescapeSlack(label ?? target));
  if (!SAFE_URL.test(url)) return text;
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank">${text}</a>`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Bold, italics and strikethrough on escaped text: each marker must open after a space or the start and close before a space, punctuation or the end. */
function styles(escaped: string): string {
  const wrap = (marker: string, tag: string) => (text: string) =>
    text.replace(new RegExp(`(^|[\\s(>])\\${marker}(?=\\S)([^${marker}\\n]*?\\S)\\${marker}(?=$|[\\s).,;:!?<])`, 'g'), `$1<${tag}>$2</${tag}>`);
  return [wrap('*', 'strong'), wrap('_', 'em'), wrap('~', 'del')].reduce((text, apply) => apply(text), escaped);
}

/** A run of text without code: links and mentions, then styles. */
function renderInline(text: string, nameOf: NameOf): string {
  let html = '';
  let at = 0;
  for (const unit of text.matchAll(/<([^<>\n]+)>/g)) {
    html += styles(escapeHtml(unescapeSlack(text.slice(at, unit.index))));
    html += renderUnit(unit[1]!, nameOf);
    at = unit.index + unit[0].length;
  }
  return html + styles(escapeHtml(unescapeSlack(text.slice(at))));
}

/** One line, with its `code` spans kept literal. */
function renderLine(line: string, nameOf: NameOf): string {
  return line
    .split(/(`[^`\n]+`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? `<code>${escapeHtml(unescapeSlack(part.slice(1, -1)))}</code>` : renderInline(part, nameOf)))
    .join('');
}

const BULLET = /^\s*(?:[•◦▪‣-]|\d+[.)])\s+/;

/**
 * mrkdwn text as HTML: ``` blocks as `<pre>`, `>` lines as a quote, lines starting with a bullet (•, -)
 * or a number as a list, other lines as text with line breaks.
 */
export function renderMrkdwn(text: string, nameOf: NameOf = () => undefined): string {
  const out: string[] = [];
  const parts = text.split(/```/);
  parts.forEach((part, i) => {
    // Odd parts are inside ``` … ``` (an unclosed one stays text, as Slack shows it).
    if (i % 2 === 1 && i < parts.length - 1) {
      out.push(`<pre>${escapeHtml(unescapeSlack(part.replace(/^\n/, '')))}</pre>`);
      return;
    }
    const rest = i % 2 === 1 ? `\`\`\`${part}` : part;
    if (rest !== '') out.push(renderLines(rest, nameOf));
  });
  return out.join('');
}

function renderLines(text: string, nameOf: NameOf): string {
  const html: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let quote: string[] | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (list) html.push(`<${list.ordered ? 'ol' : 'ul'}>${list.items.map((item) => `<li>${item}</li>`).join('')}</${list.ordered ? 'ol' : 'ul'}>`);
    if (quote) html.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    if (lines.length > 0) html.push(`<p>${lines.join('<br>')}</p>`);
    list = null;
    quote = null;
    lines = [];
  };
  for (const line of text.split('\n')) {
    const bullet = BULLET.exec(line);
    if (bullet) {
      const ordered = /\d/.test(bullet[0]);
      if (!list || list.ordered !== ordered) flush();
      list ??= { ordered, items: [] };
      list.items.push(renderLine(line.slice(bullet[0].length), nameOf));
    } else if (/^(>|&gt;)/.test(line)) {
      if (!quote) flush();
      quote ??= [];
      quote.push(renderLine(line.replace(/^(>|&gt;) ?/, ''), nameOf));
    } else {
      if (list || quote) flush();
      lines.push(renderLine(line, nameOf));
    }
  }
  flush();
  return html.join('');
}

/** plain_text as HTML: escaped, line breaks kept; Slack's escapes are not special in plain text. */
export function renderPlain(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}
