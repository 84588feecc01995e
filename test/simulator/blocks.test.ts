import { describe, expect, it } from 'vitest';
import { renderBlocks, type RenderContext } from '../../src/simulator/render/blocks.js';

const ctx: RenderContext = {
  nameOf: (id) => (id === 'U0SAM00001' ? 'Sam' : undefined),
  fileUrl: (id) => (id === 'F0CHART01' ? '/files/F0CHART01' : undefined),
  people: [
    ['U0SAM00001', 'Sam'],
    ['U0ALEX0001', 'Alex <admin>'],
  ],
  idPrefix: 'seeker-modal',
};

describe('Block Kit on the demo page', () => {
  it('draws headers, sections with fields and an accessory, context, dividers and images, escaping all text', () => {
    const html = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: 'Hi <there>' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Welcome*, <@U0SAM00001>' },
          fields: [{ type: 'mrkdwn', text: '_Topic_' }, { type: 'plain_text', text: '*not bold*' }],
          accessory: { type: 'button', action_id: 'a1', text: { type: 'plain_text', text: 'Open' }, value: 'v"1' },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'small print' }] },
        { type: 'divider' },
        { type: 'image', slack_file: { id: 'F0CHART01' }, alt_text: 'Requests per week', title: { type: 'plain_text', text: 'Chart' } },
        { type: 'image', slack_file: { id: 'F0GONE' }, alt_text: 'gone' },
      ],
      ctx,
    );
    expect(html).toContain('<h3 class="bk-header">Hi &lt;there&gt;</h3>');
    expect(html).toContain('<strong>Welcome</strong>, <span class="mention">@Sam</span>');
    expect(html).toContain('<div class="bk-field"><p><em>Topic</em></p></div><div class="bk-field">*not bold*</div>');
    expect(html).toContain('data-action-id="a1"');
    expect(html).toContain('data-value="v&quot;1"');
    expect(html).toContain('<div class="bk-context"><div class="bk-context-item"><p>small print</p></div></div>');
    expect(html).toContain('<hr class="bk-divider">');
    // The picture opens at full size from its link.
    expect(html).toContain('<a href="/files/F0CHART01" target="_blank" rel="noopener"><img class="bk-image-img" src="/files/F0CHART01" alt="Requests per week"></a><figcaption>Chart</figcaption>');
    expect(html).toContain('role="img" aria-label="gone"');
  });

  it('draws buttons with their style and confirm dialog, and selects with their chosen option', () => {
    const html = renderBlocks(
      [
        {
          type: 'actions',
          block_id: 'offer',
          elements: [
            { type: 'button', action_id: 'accept', style: 'primary', text: { type: 'plain_text', text: 'Accept' }, value: 'o1' },
            {
              type: 'button',
              action_id: 'end',
              style: 'danger',
              text: { type: 'plain_text', text: 'End' },
              confirm: { title: { type: 'plain_text', text: 'Sure?' }, text: { type: 'plain_text', text: 'It ends.' }, confirm: { type: 'plain_text', text: 'End' }, deny: { type: 'plain_text', text: 'Keep' } },
            },
            { type: 'button', action_id: 'link', url: 'https://example.org', text: { type: 'plain_text', text: 'Website' } },
            {
              type: 'static_select',
              action_id: 'pick',
              options: [
                { text: { type: 'plain_text', text: 'One' }, value: '1' },
                { text: { type: 'plain_text', text: 'Two' }, value: '2' },
              ],
              initial_option: { text: { type: 'plain_text', text: 'Two' }, value: '2' },
            },
          ],
        },
      ],
      ctx,
    );
    expect(html).toContain('class="bk-button bk-primary" data-block-id="offer" data-action-id="accept" data-type="button" data-value="o1"');
    expect(html).toMatch(/class="bk-button bk-danger"[^>]*data-confirm="\{&quot;title&quot;:&quot;Sure\?&quot;,&quot;text&quot;:&quot;It ends\.&quot;,&quot;confirm&quot;:&quot;End&quot;,&quot;deny&quot;:&quot;Keep&quot;/);
    expect(html).toContain('<a class="bk-button" href="https://example.org"');
    expect(html).toContain('<option value="2" selected>Two</option>');
  });

  it('draws input blocks as labelled form fields named block_id/action_id, with hints, optional marks and an error slot', () => {
    const input = (block_id: string, element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      type: 'input',
      block_id,
      label: { type: 'plain_text', text: `Label ${block_id}` },
      element: { action_id: 'value', ...element },
      ...extra,
    });
    const html = renderBlocks(
      [
        input('note', { type: 'plain_text_input', multiline: true, max_length: 500, initial_value: 'a < b' }, { optional: true, hint: { type: 'plain_text', text: 'Only the listener sees it' } }),
        input('when', { type: 'datepicker', initial_date: '2026-03-02' }),
        input('at', { type: 'timepicker', initial_time: '09:30' }),
        input('cap', { type: 'number_input', is_decimal_allowed: false, initial_value: '2', min_value: '1', max_value: '5' }),
        input('who', { type: 'multi_users_select', initial_users: ['U0ALEX0001'] }),
        input('topics', { type: 'multi_static_select', options: [{ text: { type: 'plain_text', text: 'Grief' }, value: 't1' }] }),
        input('ok', { type: 'checkboxes', options: [{ text: { type: 'plain_text', text: 'I agree' }, value: 'yes', description: { type: 'plain_text', text: 'Read it first' } }] }),
        input('lang', { type: 'radio_buttons', options: [{ text: { type: 'plain_text', text: 'English' }, value: 'en' }], initial_option: { text: { type: 'plain_text', text: 'English' }, value: 'en' } }),
      ],
      ctx,
    );
    expect(html).toContain('<label class="bk-label" for="seeker-modal-note">Label note <span class="bk-optional">(optional)</span></label>');
    expect(html).toContain('id="seeker-modal-note" name="note/value" aria-describedby="seeker-modal-note-hint" maxlength="500">a &lt; b</textarea>');
    expect(html).toContain('Only the listener sees it');
    expect(html).toContain('data-error-for="note" hidden');
    expect(html).toContain('type="date" class="bk-input" data-block-id="when" data-action-id="value" data-type="datepicker" id="seeker-modal-when" name="when/value" value="2026-03-02"');
    expect(html).toContain('type="time"');
    expect(html).toContain('value="09:30"');
    expect(html).toContain('type="number"');
    expect(html).toContain('min="1" max="5"');
    expect(html).toContain('<option value="U0ALEX0001" selected>Alex &lt;admin&gt;</option>');
    expect(html).toContain('multiple');
    expect(html).toMatch(/type="checkbox" id="seeker-modal-ok-0" name="ok\/value" value="yes"/);
    expect(html).toContain('<span class="bk-description">Read it first</span>');
    expect(html).toContain('aria-labelledby="seeker-modal-ok-label"');
    expect(html).toMatch(/type="radio"[^>]*value="en" checked/);
  });

  it("shows what the person typed over the elements' initial values, and the app's errors under their fields", () => {
    const blocks = [
      { type: 'input', block_id: 'name', label: { type: 'plain_text', text: 'Name' }, element: { type: 'plain_text_input', action_id: 'v', initial_value: 'Example' } },
      {
        type: 'input',
        block_id: 'topic',
        label: { type: 'plain_text', text: 'Topic' },
        element: {
          type: 'static_select',
          action_id: 'v',
          options: [
            { text: { type: 'plain_text', text: 'Grief' }, value: 't1' },
            { text: { type: 'plain_text', text: 'Stress' }, value: 't2' },
          ],
          initial_option: { text: { type: 'plain_text', text: 'Grief' }, value: 't1' },
        },
      },
      { type: 'input', block_id: 'hr', label: { type: 'plain_text', text: 'HR' }, element: { type: 'users_select', action_id: 'v' } },
      { type: 'input', block_id: 'ok', label: { type: 'plain_text', text: 'OK' }, element: { type: 'checkboxes', action_id: 'v', options: [{ text: { type: 'plain_text', text: 'Yes' }, value: 'yes' }] } },
    ];
    const html = renderBlocks(blocks, {
      ...ctx,
      state: {
        name: { v: { type: 'plain_text_input', value: 'Peer support <at> Acme' } },
        topic: { v: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Stress' }, value: 't2' } } },
        hr: { v: { type: 'users_select', selected_user: 'U0ALEX0001' } },
        ok: { v: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'Yes' }, value: 'yes' }] } },
      },
      errors: { name: 'Please choose <another> name.' },
    });
    expect(html).toContain('id="seeker-modal-name" name="name/v" aria-describedby="seeker-modal-name-error" aria-invalid="true" value="Peer support &lt;at&gt; Acme"');
    expect(html).toContain('<div class="bk-error" role="alert" id="seeker-modal-name-error" data-error-for="name">Please choose &lt;another&gt; name.</div>');
    expect(html).toContain('<option value="t2" selected>Stress</option>');
    expect(html).not.toContain('<option value="t1" selected>');
    expect(html).toContain('<option value="U0ALEX0001" selected>');
    expect(html).toMatch(/type="checkbox"[^>]*value="yes" checked/);
    // Fields without an error keep an empty, hidden slot.
    expect(html).toContain('data-error-for="topic" hidden></div>');
  });
});
