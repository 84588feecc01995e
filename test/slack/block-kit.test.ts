import { describe, expect, it } from 'vitest';
import { isEmptyMessage, validateMessage, validateView } from '../../src/slack/block-kit.js';

// Each Slack rule: a surface that keeps it (no errors) and one that breaks only it (exactly one error,
// naming the rule and where). The fake Slack answers with these errors, so they must be precise.

type Payload = { message: { text?: unknown; blocks?: unknown } } | { view: unknown };

const errorsOf = (payload: Payload): string[] => ('message' in payload ? validateMessage(payload.message) : validateView(payload.view));

const chars = (n: number, c = 'x') => c.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (extra: Record<string, unknown> = {}) => ({ type: 'section', text: mrkdwn('Hello'), ...extra });
const actions = (...elements: unknown[]) => ({ type: 'actions', elements });
const button = (actionId = 'go', extra: Record<string, unknown> = {}) => ({ type: 'button', action_id: actionId, text: plain('Go'), ...extra });
const option = (text: string, value = text) => ({ text: plain(text), value });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`Option ${i}`));
const input = (element: unknown, extra: Record<string, unknown> = {}) => ({ type: 'input', label: plain('Label'), element, ...extra });
const confirm = (extra: Record<string, unknown> = {}) => ({ title: plain('Sure?'), text: plain('This cannot be undone.'), confirm: plain('Yes'), deny: plain('No'), ...extra });

const message = (...blocks: unknown[]): Payload => ({ message: { text: 'Hello', blocks } });
const modal = (blocks: unknown[], extra: Record<string, unknown> = {}): Payload => ({
  view: { type: 'modal', title: plain('Title'), submit: plain('Save'), blocks, ...extra },
});
const home = (blocks: unknown[], extra: Record<string, unknown> = {}): Payload => ({ view: { type: 'home', blocks, ...extra } });
/** An element in an input block of a modal, where every input element may go. */
const field = (element: Record<string, unknown>) => modal([input({ action_id: 'value', ...element })]);
const sections = (n: number) => Array.from({ length: n }, () => section());

interface Case {
  rule: string;
  valid: Payload;
  invalid: Payload;
  /** Part of the one error the invalid surface gets, including its json-pointer. */
  error: string;
}

const messageCases: Case[] = [
  { rule: 'a message has text or blocks', valid: { message: { text: 'Hi' } }, invalid: { message: { text: ' ' } }, error: 'non-empty text or blocks [json-pointer:/]' },
  { rule: 'blocks are an array', valid: message(section()), invalid: { message: { text: 'Hi', blocks: 'section' } }, error: 'must be an array [json-pointer:/blocks]' },
  { rule: 'a message holds at most 50 blocks', valid: message(...sections(50)), invalid: message(...sections(51)), error: 'no more than 50 items allowed (has 51) [json-pointer:/blocks]' },
  { rule: 'an unknown block type is refused', valid: message(section()), invalid: message({ type: 'sections', text: mrkdwn('Hi') }), error: 'unknown block type "sections" [json-pointer:/blocks/0/type]' },
  { rule: 'a field Slack does not know is refused', valid: message(section()), invalid: message(section({ style: 'bold' })), error: 'invalid additional property: style [json-pointer:/blocks/0/style]' },
  {
    rule: 'block_id is unique within a message',
    valid: message(section({ block_id: 'a' }), section({ block_id: 'b' })),
    invalid: message(section({ block_id: 'a' }), section({ block_id: 'a' })),
    error: 'duplicate block_id "a" [json-pointer:/blocks/1/block_id]',
  },
  { rule: 'block_id is at most 255 characters', valid: message(section({ block_id: chars(255) })), invalid: message(section({ block_id: chars(256) })), error: '[json-pointer:/blocks/0/block_id]' },
  {
    rule: 'action_id is unique within a block',
    valid: message(actions(button('checkin.answer.helpful'), button('checkin.answer.not_yet'))),
    invalid: message(actions(button('checkin.answer'), button('checkin.answer'))),
    error: 'duplicate action_id "checkin.answer" in this block [json-pointer:/blocks/0/elements/1/action_id]',
  },
  {
    rule: 'action_id may repeat in different blocks',
    valid: message(actions(button('insights.open')), actions(button('insights.open'))),
    invalid: message(actions(button('insights.open'), button('insights.open'))),
    error: 'duplicate action_id',
  },
  { rule: 'action_id is at most 255 characters', valid: message(actions(button(chars(255)))), invalid: message(actions(button(chars(256)))), error: '[json-pointer:/blocks/0/elements/0/action_id]' },
  { rule: 'a section has text or fields', valid: message({ type: 'section', fields: [mrkdwn('A')] }), invalid: message({ type: 'section' }), error: 'must provide text or fields [json-pointer:/blocks/0]' },
  { rule: 'section text is at most 3000 characters', valid: message(section({ text: mrkdwn(chars(3000)) })), invalid: message(section({ text: mrkdwn(chars(3001)) })), error: 'must be less than 3001 characters (is 3001) [json-pointer:/blocks/0/text/text]' },
  {
    rule: 'a section has at most 10 fields',
    valid: message(section({ fields: Array.from({ length: 10 }, () => mrkdwn('F')) })),
    invalid: message(section({ fields: Array.from({ length: 11 }, () => mrkdwn('F')) })),
    error: 'no more than 10 items allowed (has 11) [json-pointer:/blocks/0/fields]',
  },
  { rule: 'a section field is at most 2000 characters', valid: message(section({ fields: [plain(chars(2000))] })), invalid: message(section({ fields: [plain(chars(2001))] })), error: '[json-pointer:/blocks/0/fields/0/text]' },
  {
    rule: 'a section accessory is an element sections take',
    valid: message(section({ accessory: button() })),
    invalid: message(section({ accessory: { type: 'plain_text_input', action_id: 'v' } })),
    error: 'a plain_text_input element is not allowed in a section accessory [json-pointer:/blocks/0/accessory/type]',
  },
  { rule: 'header text is plain_text', valid: message({ type: 'header', text: plain('Hi') }), invalid: message({ type: 'header', text: mrkdwn('Hi') }), error: 'must be plain_text [json-pointer:/blocks/0/text/type]' },
  { rule: 'header text is at most 150 characters', valid: message({ type: 'header', text: plain(chars(150)) }), invalid: message({ type: 'header', text: plain(chars(151)) }), error: '[json-pointer:/blocks/0/text/text]' },
  { rule: 'context has at least 1 element', valid: message({ type: 'context', elements: [mrkdwn('A')] }), invalid: message({ type: 'context', elements: [] }), error: 'must provide at least 1 item [json-pointer:/blocks/0/elements]' },
  {
    rule: 'context has at most 10 elements',
    valid: message({ type: 'context', elements: Array.from({ length: 10 }, () => mrkdwn('A')) }),
    invalid: message({ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('A')) }),
    error: 'no more than 10 items allowed (has 11) [json-pointer:/blocks/0/elements]',
  },
  {
    rule: 'context shows text and images only',
    valid: message({ type: 'context', elements: [{ type: 'image', image_url: 'https://example.com/a.png', alt_text: 'A' }] }),
    invalid: message({ type: 'context', elements: [button()] }),
    error: 'a button element is not allowed in a context block [json-pointer:/blocks/0/elements/0/type]',
  },
  { rule: 'actions has at least 1 element', valid: message(actions(button())), invalid: message(actions()), error: 'must provide at least 1 item [json-pointer:/blocks/0/elements]' },
  {
    rule: 'actions has at most 25 elements',
    valid: message(actions(...Array.from({ length: 25 }, (_, i) => button(`b${i}`)))),
    invalid: message(actions(...Array.from({ length: 26 }, (_, i) => button(`b${i}`)))),
    error: 'no more than 25 items allowed (has 26) [json-pointer:/blocks/0/elements]',
  },
  {
    rule: 'actions hold interactive elements only',
    valid: message(actions({ type: 'static_select', action_id: 'pick', options: options(2) })),
    invalid: message(actions({ type: 'plain_text_input', action_id: 'v' })),
    error: 'a plain_text_input element is not allowed in an actions block',
  },
  { rule: 'a divider has nothing but a block_id', valid: message({ type: 'divider', block_id: 'd' }), invalid: message({ type: 'divider', text: plain('-') }), error: 'invalid additional property: text' },
  {
    rule: 'an image has image_url or slack_file',
    valid: message({ type: 'image', slack_file: { id: 'F1' }, alt_text: 'Chart' }),
    invalid: message({ type: 'image', alt_text: 'Chart' }),
    error: 'must provide exactly one of image_url or slack_file [json-pointer:/blocks/0]',
  },
  {
    rule: 'an image has alt_text',
    valid: message({ type: 'image', image_url: 'https://example.com/a.png', alt_text: 'A' }),
    invalid: message({ type: 'image', image_url: 'https://example.com/a.png' }),
    error: 'missing required field [json-pointer:/blocks/0/alt_text]',
  },
  {
    rule: 'image alt_text is at most 2000 characters',
    valid: message({ type: 'image', image_url: 'https://example.com/a.png', alt_text: chars(2000) }),
    invalid: message({ type: 'image', image_url: 'https://example.com/a.png', alt_text: chars(2001) }),
    error: '[json-pointer:/blocks/0/alt_text]',
  },
  { rule: 'a text object is plain_text or mrkdwn', valid: message(section({ text: plain('Hi') })), invalid: message(section({ text: { type: 'markdown', text: 'Hi' } })), error: 'must be plain_text or mrkdwn [json-pointer:/blocks/0/text/type]' },
  { rule: 'a text object has non-empty text', valid: message(section({ text: mrkdwn('.') })), invalid: message(section({ text: mrkdwn('') })), error: 'must be more than 0 characters [json-pointer:/blocks/0/text/text]' },
  { rule: 'button text is plain_text', valid: message(actions(button())), invalid: message(actions(button('go', { text: mrkdwn('Go') }))), error: 'must be plain_text [json-pointer:/blocks/0/elements/0/text/type]' },
  { rule: 'button text is at most 75 characters', valid: message(actions(button('go', { text: plain(chars(75)) }))), invalid: message(actions(button('go', { text: plain(chars(76)) }))), error: 'must be less than 76 characters (is 76)' },
  { rule: 'button value is at most 2000 characters', valid: message(actions(button('go', { value: chars(2000) }))), invalid: message(actions(button('go', { value: chars(2001) }))), error: '[json-pointer:/blocks/0/elements/0/value]' },
  { rule: 'button url is at most 3000 characters', valid: message(actions(button('go', { url: chars(3000) }))), invalid: message(actions(button('go', { url: chars(3001) }))), error: '[json-pointer:/blocks/0/elements/0/url]' },
  { rule: 'button style is primary or danger', valid: message(actions(button('go', { style: 'danger' }))), invalid: message(actions(button('go', { style: 'default' }))), error: 'must be primary or danger [json-pointer:/blocks/0/elements/0/style]' },
  { rule: 'a confirm object has all four texts', valid: message(actions(button('go', { confirm: confirm() }))), invalid: message(actions(button('go', { confirm: confirm({ deny: undefined }) }))), error: 'missing required field [json-pointer:/blocks/0/elements/0/confirm/deny]' },
  { rule: 'confirm title is at most 100 characters', valid: message(actions(button('go', { confirm: confirm({ title: plain(chars(100)) }) }))), invalid: message(actions(button('go', { confirm: confirm({ title: plain(chars(101)) }) }))), error: '/confirm/title/text]' },
  { rule: 'confirm text is at most 300 characters', valid: message(actions(button('go', { confirm: confirm({ text: mrkdwn(chars(300)) }) }))), invalid: message(actions(button('go', { confirm: confirm({ text: mrkdwn(chars(301)) }) }))), error: '/confirm/text/text]' },
  { rule: 'confirm button is at most 30 characters', valid: message(actions(button('go', { confirm: confirm({ confirm: plain(chars(30)) }) }))), invalid: message(actions(button('go', { confirm: confirm({ confirm: plain(chars(31)) }) }))), error: '/confirm/confirm/text]' },
  { rule: 'confirm deny is at most 30 characters', valid: message(actions(button('go', { confirm: confirm({ deny: plain(chars(30)) }) }))), invalid: message(actions(button('go', { confirm: confirm({ deny: plain(chars(31)) }) }))), error: '/confirm/deny/text]' },
  { rule: 'confirm style is primary or danger', valid: message(actions(button('go', { confirm: confirm({ style: 'danger' }) }))), invalid: message(actions(button('go', { confirm: confirm({ style: 'red' }) }))), error: '/confirm/style]' },
  {
    rule: 'an overflow menu has at most 5 options',
    valid: message(actions({ type: 'overflow', action_id: 'more', options: options(5) })),
    invalid: message(actions({ type: 'overflow', action_id: 'more', options: options(6) })),
    error: 'no more than 5 items allowed',
  },
  { rule: 'an unknown element type is refused', valid: message(actions(button())), invalid: message(actions({ type: 'buton', action_id: 'go' })), error: 'unknown element type "buton" [json-pointer:/blocks/0/elements/0/type]' },
];

const elementCases: Case[] = [
  { rule: 'an input has a plain_text label', valid: field({ type: 'plain_text_input' }), invalid: modal([input({ type: 'plain_text_input' }, { label: mrkdwn('L') })]), error: 'must be plain_text [json-pointer:/view/blocks/0/label/type]' },
  { rule: 'an input label is at most 2000 characters', valid: modal([input({ type: 'plain_text_input' }, { label: plain(chars(2000)) })]), invalid: modal([input({ type: 'plain_text_input' }, { label: plain(chars(2001)) })]), error: '/blocks/0/label/text]' },
  { rule: 'an input has an element', valid: field({ type: 'plain_text_input' }), invalid: modal([{ type: 'input', label: plain('L') }]), error: 'missing required field [json-pointer:/view/blocks/0/element]' },
  { rule: 'an input hint is at most 2000 characters', valid: modal([input({ type: 'plain_text_input' }, { hint: plain(chars(2000)) })]), invalid: modal([input({ type: 'plain_text_input' }, { hint: plain(chars(2001)) })]), error: '/blocks/0/hint/text]' },
  { rule: 'an input holds an input element', valid: field({ type: 'number_input', is_decimal_allowed: false }), invalid: modal([input(button())]), error: 'a button element is not allowed in an input block' },
  { rule: 'a select placeholder is at most 150 characters', valid: field({ type: 'static_select', placeholder: plain(chars(150)), options: options(1) }), invalid: field({ type: 'static_select', placeholder: plain(chars(151)), options: options(1) }), error: '/element/placeholder/text]' },
  { rule: 'a static select has at least 1 option', valid: field({ type: 'static_select', options: options(1) }), invalid: field({ type: 'static_select', options: [] }), error: 'must provide at least 1 item [json-pointer:/view/blocks/0/element/options]' },
  { rule: 'a static select has at most 100 options', valid: field({ type: 'static_select', options: options(100) }), invalid: field({ type: 'static_select', options: options(101) }), error: 'no more than 100 items allowed' },
  { rule: 'select option text is plain_text', valid: field({ type: 'static_select', options: [option('A')] }), invalid: field({ type: 'static_select', options: [{ text: mrkdwn('A'), value: 'a' }] }), error: 'must be plain_text [json-pointer:/view/blocks/0/element/options/0/text/type]' },
  { rule: 'option text is at most 75 characters', valid: field({ type: 'static_select', options: [option(chars(75), 'a')] }), invalid: field({ type: 'static_select', options: [option(chars(76), 'a')] }), error: '/options/0/text/text]' },
  { rule: 'option value is at most 75 characters', valid: field({ type: 'static_select', options: [option('A', chars(75))] }), invalid: field({ type: 'static_select', options: [option('A', chars(76))] }), error: '/options/0/value]' },
  {
    rule: 'a static select initial option is one of its options',
    valid: field({ type: 'static_select', options: options(2), initial_option: option('Option 1') }),
    invalid: field({ type: 'static_select', options: options(2), initial_option: option('Option 9') }),
    error: 'must match one of the provided options [json-pointer:/view/blocks/0/element/initial_option]',
  },
  {
    rule: 'multi-select initial options are among its options',
    valid: field({ type: 'multi_static_select', options: options(3), initial_options: [option('Option 0'), option('Option 2')] }),
    invalid: field({ type: 'multi_static_select', options: options(3), initial_options: [option('Option 0'), { text: plain('Option 2'), value: 'changed' }] }),
    error: 'must match one of the provided options [json-pointer:/view/blocks/0/element/initial_options/1]',
  },
  { rule: 'radio buttons have at most 10 options', valid: field({ type: 'radio_buttons', options: options(10) }), invalid: field({ type: 'radio_buttons', options: options(11) }), error: 'no more than 10 items allowed' },
  { rule: 'checkboxes have at most 10 options', valid: field({ type: 'checkboxes', options: options(10) }), invalid: field({ type: 'checkboxes', options: options(11) }), error: 'no more than 10 items allowed' },
  { rule: 'checkbox options may be mrkdwn, not other types', valid: field({ type: 'checkboxes', options: [{ text: mrkdwn('*A*'), value: 'a' }] }), invalid: field({ type: 'checkboxes', options: [{ text: { type: 'rich', text: 'A' }, value: 'a' }] }), error: 'must be plain_text or mrkdwn' },
  { rule: 'a text input max_length is at most 3000', valid: field({ type: 'plain_text_input', max_length: 3000 }), invalid: field({ type: 'plain_text_input', max_length: 3001 }), error: 'must be an integer from 1 to 3000 [json-pointer:/view/blocks/0/element/max_length]' },
  { rule: 'a text input initial value fits its max_length', valid: field({ type: 'plain_text_input', max_length: 80, initial_value: chars(80) }), invalid: field({ type: 'plain_text_input', max_length: 80, initial_value: chars(81) }), error: 'must be less than 81 characters (is 81) [json-pointer:/view/blocks/0/element/initial_value]' },
  { rule: 'a text input initial value is at most 3000 without max_length', valid: field({ type: 'plain_text_input', initial_value: chars(3000) }), invalid: field({ type: 'plain_text_input', initial_value: chars(3001) }), error: '/element/initial_value]' },
  { rule: 'a number input says whether decimals are allowed', valid: field({ type: 'number_input', is_decimal_allowed: false }), invalid: field({ type: 'number_input' }), error: 'missing required field [json-pointer:/view/blocks/0/element/is_decimal_allowed]' },
  {
    rule: 'a number input initial value is within min and max',
    valid: field({ type: 'number_input', is_decimal_allowed: false, initial_value: '5', min_value: '3', max_value: '100' }),
    invalid: field({ type: 'number_input', is_decimal_allowed: false, initial_value: '2', min_value: '3', max_value: '100' }),
    error: 'must be within min_value and max_value',
  },
  { rule: 'a whole-number input takes whole numbers', valid: field({ type: 'number_input', is_decimal_allowed: true, initial_value: '2.5' }), invalid: field({ type: 'number_input', is_decimal_allowed: false, initial_value: '2.5' }), error: 'must be a whole number' },
  { rule: 'a timepicker initial time is HH:mm', valid: field({ type: 'timepicker', initial_time: '08:30' }), invalid: field({ type: 'timepicker', initial_time: '8:30 pm' }), error: 'must be in the format HH:mm' },
  { rule: 'a datepicker initial date is YYYY-MM-DD', valid: field({ type: 'datepicker', initial_date: '2026-12-03' }), invalid: field({ type: 'datepicker', initial_date: '03/12/2026' }), error: 'must be in the format YYYY-MM-DD' },
  { rule: 'a datepicker placeholder is plain text of at most 150 characters', valid: field({ type: 'datepicker', placeholder: plain(chars(150)) }), invalid: field({ type: 'datepicker', placeholder: plain(chars(151)) }), error: '/element/placeholder/text]' },
  { rule: 'a datepicker has no minimum date (Slack has no such field)', valid: field({ type: 'datepicker', focus_on_load: true }), invalid: field({ type: 'datepicker', min_date: '2026-12-04' }), error: 'invalid additional property: min_date' },
  { rule: 'a users select takes one user id', valid: field({ type: 'users_select', initial_user: 'U1' }), invalid: field({ type: 'users_select', initial_user: ['U1'] }), error: 'must be a string [json-pointer:/view/blocks/0/element/initial_user]' },
  { rule: 'a multi users select takes user ids', valid: field({ type: 'multi_users_select', initial_users: ['U1', 'U2'] }), invalid: field({ type: 'multi_users_select', initial_users: 'U1' }), error: 'must be an array of user ids' },
];

const viewCases: Case[] = [
  { rule: 'a view is a modal or the Home tab', valid: home([]), invalid: { view: { type: 'workflow_step', blocks: [] } }, error: 'must be modal or home [json-pointer:/view/type]' },
  { rule: 'a modal has a title', valid: modal([]), invalid: { view: { type: 'modal', blocks: [] } }, error: 'missing required field [json-pointer:/view/title]' },
  { rule: 'a modal title is plain_text', valid: modal([]), invalid: modal([], { title: mrkdwn('Title') }), error: 'must be plain_text [json-pointer:/view/title/type]' },
  { rule: 'a modal title is at most 24 characters', valid: modal([], { title: plain(chars(24)) }), invalid: modal([], { title: plain(chars(25)) }), error: 'must be less than 25 characters (is 25) [json-pointer:/view/title/text]' },
  { rule: 'a modal submit is at most 24 characters', valid: modal([], { submit: plain(chars(24)) }), invalid: modal([], { submit: plain(chars(25)) }), error: '[json-pointer:/view/submit/text]' },
  { rule: 'a modal close is at most 24 characters', valid: modal([], { close: plain(chars(24)) }), invalid: modal([], { close: plain(chars(25)) }), error: '[json-pointer:/view/close/text]' },
  {
    rule: 'a modal with an input block has submit',
    valid: modal([input({ type: 'plain_text_input' })]),
    invalid: modal([input({ type: 'plain_text_input' })], { submit: undefined }),
    error: 'required when the modal has an input block [json-pointer:/view/submit]',
  },
  { rule: 'a modal without inputs needs no submit', valid: modal([section()], { submit: undefined }), invalid: modal([section()], { submit: plain('') }), error: 'must be more than 0 characters' },
  { rule: 'private_metadata is at most 3000 characters', valid: modal([], { private_metadata: chars(3000) }), invalid: modal([], { private_metadata: chars(3001) }), error: '[json-pointer:/view/private_metadata]' },
  { rule: 'callback_id is at most 255 characters', valid: modal([], { callback_id: chars(255) }), invalid: modal([], { callback_id: chars(256) }), error: '[json-pointer:/view/callback_id]' },
  { rule: 'a modal holds at most 100 blocks', valid: modal(sections(100)), invalid: modal(sections(101)), error: 'no more than 100 items allowed (has 101) [json-pointer:/view/blocks]' },
  { rule: 'the Home tab holds at most 100 blocks', valid: home(sections(100)), invalid: home(sections(101)), error: 'no more than 100 items allowed (has 101) [json-pointer:/view/blocks]' },
  { rule: 'the Home tab has no title', valid: home([section()]), invalid: home([section()], { title: plain('Home') }), error: 'invalid additional property: title [json-pointer:/view/title]' },
  {
    rule: 'block_id is unique within a view',
    valid: home([section({ block_id: 'a' }), actions(button())]),
    invalid: home([section({ block_id: 'a' }), { ...actions(button()), block_id: 'a' }]),
    error: 'duplicate block_id "a" [json-pointer:/view/blocks/1/block_id]',
  },
];

describe.each([
  ['messages and blocks', messageCases],
  ['elements', elementCases],
  ['views', viewCases],
])('Block Kit rules: %s', (_name, cases) => {
  it.each(cases)('$rule', ({ valid, invalid, error }) => {
    expect(errorsOf(valid)).toEqual([]);
    expect(errorsOf(invalid)).toEqual([expect.stringContaining(error)]);
  });
});

describe('validateMessage and validateView', () => {
  it('report every problem of a surface, each with its json-pointer, as Slack does', () => {
    const errors = validateMessage({
      text: 'Hi',
      blocks: [{ type: 'header', text: plain(chars(151)) }, actions(button('a'), button('a', { style: 'default' }))],
    });
    expect(errors).toEqual([
      'must be less than 151 characters (is 151) [json-pointer:/blocks/0/text/text]',
      'duplicate action_id "a" in this block [json-pointer:/blocks/1/elements/1/action_id]',
      'must be primary or danger [json-pointer:/blocks/1/elements/1/style]',
    ]);
  });

  it('tell an empty message (no_text) from one with blocks', () => {
    expect(isEmptyMessage({})).toBe(true);
    expect(isEmptyMessage({ text: '', blocks: [] })).toBe(true);
    expect(isEmptyMessage({ blocks: [section()] })).toBe(false);
    expect(isEmptyMessage({ text: 'Hi' })).toBe(false);
  });

  it('refuse a view that is not an object', () => {
    expect(validateView(undefined)).toEqual(['missing required field [json-pointer:/view]']);
    expect(validateView('{"type":"home"}')).toEqual(['must be a view object [json-pointer:/view]']);
  });
});
