// A modal's fields as the page sends them, turned into `view.state.values` the way Slack reports them
// (issue 18). Option texts come from the view's own blocks. Pure functions, no I/O.

type Json = Record<string, unknown>;

/** One input block's field from the page: its ids, its element type and what the person chose or typed. */
export interface PageField {
  blockId: string;
  actionId: string;
  type: string;
  values: string[];
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function optionsOf(view: Json, blockId: string): Json[] {
  const blocks = Array.isArray(view.blocks) ? view.blocks.filter(isObject) : [];
  const element = blocks.find((b) => b.block_id === blockId)?.element;
  if (!isObject(element)) return [];
  const groups = Array.isArray(element.option_groups) ? element.option_groups.filter(isObject) : [];
  return [...(Array.isArray(element.options) ? element.options : []), ...groups.flatMap((g) => (Array.isArray(g.options) ? g.options : []))].filter(isObject);
}

/** The option objects for `values`, as Slack sends them back (text and value), in the view's order. */
function chosen(view: Json, field: PageField): Json[] {
  return optionsOf(view, field.blockId)
    .filter((o) => field.values.includes(String(o.value)))
    .map((o) => ({ text: o.text, value: o.value }));
}

export function stateValues(view: Json, fields: readonly PageField[]): Record<string, Record<string, Json>> {
  const values: Record<string, Record<string, Json>> = {};
  for (const field of fields) {
    const first = field.values[0] ?? '';
    let state: Json;
    switch (field.type) {
      case 'static_select':
      case 'radio_buttons':
        state = { type: field.type, selected_option: chosen(view, field)[0] ?? null };
        break;
      case 'multi_static_select':
      case 'checkboxes':
        state = { type: field.type, selected_options: chosen(view, field) };
        break;
      case 'users_select':
        state = { type: field.type, selected_user: first || null };
        break;
      case 'multi_users_select':
        state = { type: field.type, selected_users: field.values.filter((v) => v !== '') };
        break;
      case 'datepicker':
        state = { type: field.type, selected_date: first || null };
        break;
      case 'timepicker':
        state = { type: field.type, selected_time: first || null };
        break;
      default:
        // plain_text_input and number_input: Slack reports an empty field as null.
        state = { type: field.type, value: first === '' ? null : first };
    }
    (values[field.blockId] ??= {})[field.actionId] = state;
  }
  return values;
}
