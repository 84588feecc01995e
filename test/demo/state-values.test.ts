import { describe, expect, it } from 'vitest';
import { stateValues } from '../../src/demo/state-values.js';

const option = (value: string, text: string) => ({ text: { type: 'plain_text', text }, value });
const view = {
  blocks: [
    { type: 'input', block_id: 'topic', element: { type: 'static_select', action_id: 'value', options: [option('t1', 'Stress'), option('t2', 'Grief')] } },
    { type: 'input', block_id: 'ok', element: { type: 'checkboxes', action_id: 'value', options: [option('yes', 'I agree')] } },
    { type: 'input', block_id: 'langs', element: { type: 'multi_static_select', action_id: 'value', option_groups: [{ options: [option('en', 'English'), option('de', 'German')] }] } },
  ],
};

describe('modal fields as Slack reports them in view.state.values', () => {
  it('turns each element type into its state shape, with option texts from the view', () => {
    const values = stateValues(view, [
      { blockId: 'topic', actionId: 'value', type: 'static_select', values: ['t2'] },
      { blockId: 'ok', actionId: 'value', type: 'checkboxes', values: [] },
      { blockId: 'langs', actionId: 'value', type: 'multi_static_select', values: ['de', 'en'] },
      { blockId: 'note', actionId: 'value', type: 'plain_text_input', values: [''] },
      { blockId: 'cap', actionId: 'value', type: 'number_input', values: ['3'] },
      { blockId: 'when', actionId: 'value', type: 'datepicker', values: ['2026-03-02'] },
      { blockId: 'at', actionId: 'value', type: 'timepicker', values: ['09:30'] },
      { blockId: 'who', actionId: 'value', type: 'multi_users_select', values: ['U1', ''] },
    ]);
    expect(values.topic!.value).toEqual({ type: 'static_select', selected_option: option('t2', 'Grief') });
    expect(values.ok!.value).toEqual({ type: 'checkboxes', selected_options: [] });
    expect(values.langs!.value).toEqual({ type: 'multi_static_select', selected_options: [option('en', 'English'), option('de', 'German')] });
    expect(values.note!.value).toEqual({ type: 'plain_text_input', value: null });
    expect(values.cap!.value).toEqual({ type: 'number_input', value: '3' });
    expect(values.when!.value).toEqual({ type: 'datepicker', selected_date: '2026-03-02' });
    expect(values.at!.value).toEqual({ type: 'timepicker', selected_time: '09:30' });
    expect(values.who!.value).toEqual({ type: 'multi_users_select', selected_users: ['U1'] });
    // A value the view does not offer is not made up.
    expect(stateValues(view, [{ blockId: 'topic', actionId: 'value', type: 'static_select', values: ['t9'] }]).topic!.value).toEqual({ type: 'static_select', selected_option: null });
  });
});
