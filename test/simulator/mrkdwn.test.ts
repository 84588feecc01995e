import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMrkdwn, renderPlain } from '../../src/simulator/render/mrkdwn.js';

describe('mrkdwn on the demo page', () => {
  it('renders bold, italics, strikethrough and code, and leaves markers inside words alone', () => {
    expect(renderMrkdwn('*Hello* _there_ ~old~ `x < y`')).toBe('<p><strong>Hello</strong> <em>there</em> <del>old</del> <code>x &lt; y</code></p>');
    expect(renderMrkdwn('snake_case_name and 2*3*4')).toBe('<p>snake_case_name and 2*3*4</p>');
    expect(renderMrkdwn('*not closed')).toBe('<p>*not closed</p>');
    expect(renderMrkdwn('(*in brackets*).')).toBe('<p>(<strong>in brackets</strong>).</p>');
  });

  it('never lets text become markup: HTML in a message shows as text, Slack escapes are undone once', () => {
    expect(renderMrkdwn('<script>alert(1)</script>')).not.toContain('<script>');
    expect(renderMrkdwn('&lt;b&gt;hi&lt;/b&gt; &amp; "quotes"')).toBe('<p>&lt;b&gt;hi&lt;/b&gt; &amp; &quot;quotes&quot;</p>');
    expect(renderMrkdwn('*<img src=x onerror=alert(1)>*')).not.toMatch(/<img/);
    expect(renderMrkdwn('`<b>`')).toBe('<p><code>&lt;b&gt;</code></p>');
    expect(renderPlain('<b>two\nlines</b>')).toBe('&lt;b&gt;two<br>lines&lt;/b&gt;');
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });

  it('renders links and mentions, and only safe schemes as links', () => {
    expect(renderMrkdwn('Call <https://example.org/help?a=1&amp;b=2|the line>')).toBe(
      '<p>Call <a href="https://example.org/help?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">the line</a></p>',
    );
    expect(renderMrkdwn('<javascript:alert(1)|click>')).toBe('<p>click</p>');
    expect(renderMrkdwn('hi <@U0SEEKER1> in <#C123|general> <!here>', (id) => (id === 'U0SEEKER1' ? 'Sam' : undefined))).toBe(
      '<p>hi <span class="mention">@Sam</span> in <span class="mention">#general</span> <span class="mention">@here</span></p>',
    );
    expect(renderMrkdwn('<@U0UNKNOWN>')).toBe('<p><span class="mention">@U0UNKNOWN</span></p>');
    expect(renderMrkdwn('<mailto:a@b.org|"mail">')).toContain('&quot;mail&quot;</a>');
  });

  it('renders lists, quotes, preformatted blocks and line breaks', () => {
    expect(renderMrkdwn('Resources:\n• one\n• *two*\nafter')).toBe('<p>Resources:</p><ul><li>one</li><li><strong>two</strong></li></ul><p>after</p>');
    expect(renderMrkdwn('1. first\n2. second')).toBe('<ol><li>first</li><li>second</li></ol>');
    expect(renderMrkdwn('>quoted\n>still\nnot')).toBe('<blockquote>quoted<br>still</blockquote><p>not</p>');
    expect(renderMrkdwn('a\nb')).toBe('<p>a<br>b</p>');
    expect(renderMrkdwn('```\n*raw* <b>\n```')).toBe('<pre>*raw* &lt;b&gt;\n</pre>');
    expect(renderMrkdwn('``` unclosed')).toBe('<p>``` unclosed</p>');
  });
});
