import { escapeHtml, renderMrkdwn, renderPlain, type NameOf } from './mrkdwn.js';

// Block Kit as semantic HTML for the demo page (issue 18): every block and element the app uses. The
// simulator has already refused what Slack would refuse (src/slack/block-kit.ts), so this only draws.
// Interactive elements carry their ids in data attributes (data-block-id, data-action-id, data-value,
// data-confirm); the page's script turns a click or a change into the block_actions payload Slack would
// send, and an input block's fields (named `block_id/action_id`) into a view_submission's state. All
// text is escaped (mrkdwn.ts). Pure functions, no I/O.

export interface RenderContext {
  nameOf: NameOf;
  /** Where an uploaded file (an image block's `slack_file`) can be fetched from, if the simulator has it. */
  fileUrl(fileId: string): string | undefined;
  /** The people a user select offers, as [id, name]. */
  people: readonly (readonly [string, string])[];
  /** Prefix for element ids on the page, unique per surface (labels point at their fields). */
  idPrefix: string;
  /** A modal's `state.values` so far: what the person typed and chose wins over the elements' initial values. */
  state?: Readonly<Record<string, Readonly<Record<string, Json>>>>;
  /** A modal's errors by block id (`response_action: errors`), shown under their inputs. */
  errors?: Readonly<Record<string, string>>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

function attr(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`;
}

/** A text object (plain_text or mrkdwn). */
function text(object: unknown, ctx: RenderContext): string {
  if (!isObject(object)) return '';
  return object.type === 'mrkdwn' ? renderMrkdwn(str(object.text), ctx.nameOf) : renderPlain(str(object.text));
}

/** A text object as plain words (labels, options, placeholders). */
function words(object: unknown): string {
  return isObject(object) ? str(object.text) : '';
}

function confirmAttr(element: Json): string {
  const confirm = element.confirm;
  if (!isObject(confirm)) return '';
  return attr(
    'data-confirm',
    JSON.stringify({ title: words(confirm.title), text: words(confirm.text), confirm: words(confirm.confirm), deny: words(confirm.deny), style: str(confirm.style) }),
  );
}

function ids(blockId: string, element: Json): string {
  return `${attr('data-block-id', blockId)}${attr('data-action-id', str(element.action_id))}`;
}

function options(element: Json): { value: string; label: string; description: string }[] {
  const all = [...list(element.options), ...list(element.option_groups).flatMap((group) => list(group.options))];
  return all.map((o) => ({ value: str(o.value), label: words(o.text), description: words(o.description) }));
}

function selected(element: Json): Set<string> {
  const initial = [...(isObject(element.initial_option) ? [element.initial_option] : []), ...list(element.initial_options)];
  const users = [...(typeof element.initial_user === 'string' ? [element.initial_user] : []), ...(Array.isArray(element.initial_users) ? element.initial_users.map(str) : [])];
  return new Set([...initial.map((o) => str(o.value)), ...users]);
}

/** An input's element as the person left it: its `state.values` entry, where there is one, as its initial value. */
function asTyped(element: Json, state: Json | undefined): Json {
  if (!state) return element;
  const rest = Object.fromEntries(Object.entries(element).filter(([key]) => !key.startsWith('initial_')));
  const typed: Json = {
    initial_value: state.value,
    initial_option: state.selected_option,
    initial_options: state.selected_options,
    initial_user: state.selected_user,
    initial_users: state.selected_users,
    initial_date: state.selected_date,
    initial_time: state.selected_time,
  };
  return { ...rest, ...Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== undefined && v !== null)) };
}

/** An input block's element on the page: its id and name, and the ids of its hint and error. */
interface InputField {
  id: string;
  name: string;
  describedBy?: string;
  invalid?: boolean;
}

/** One interactive element, in an actions block, a section's accessory or an input block (`name` set). */
function renderElement(element: Json, blockId: string, ctx: RenderContext, field?: InputField): string {
  const type = str(element.type);
  const described = field ? `${attr('aria-describedby', field.describedBy)}${field.invalid ? ' aria-invalid="true"' : ''}` : '';
  const common = `${ids(blockId, element)}${attr('data-type', type)}${field ? `${attr('id', field.id)}${attr('name', field.name)}` : ''}${described}`;
  const placeholder = attr('placeholder', words(element.placeholder) || undefined);
  switch (type) {
    case 'button': {
      const style = str(element.style);
      const label = renderPlain(words(element.text));
      const url = str(element.url);
      if (url) return `<a class="bk-button${style ? ` bk-${style}` : ''}" href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank"${common}${attr('data-value', str(element.value))}>${label}</a>`;
      return `<button type="button" class="bk-button${style ? ` bk-${style}` : ''}"${common}${attr('data-value', str(element.value))}${confirmAttr(element)}>${label}</button>`;
    }
    case 'static_select':
    case 'multi_static_select': {
      const chosen = selected(element);
      const multiple = type === 'multi_static_select';
      const first = multiple || chosen.size > 0 ? '' : `<option value="">${escapeHtml(words(element.placeholder) || 'Choose…')}</option>`;
      const items = options(element)
        .map((o) => `<option value="${escapeHtml(o.value)}"${chosen.has(o.value) ? ' selected' : ''}>${escapeHtml(o.label)}</option>`)
        .join('');
      return `<select class="bk-select"${common}${multiple ? ' multiple' : ''}${confirmAttr(element)}>${first}${items}</select>`;
    }
    case 'users_select':
    case 'multi_users_select': {
      const chosen = selected(element);
      const multiple = type === 'multi_users_select';
      const items = ctx.people.map(([id, name]) => `<option value="${escapeHtml(id)}"${chosen.has(id) ? ' selected' : ''}>${escapeHtml(name)}</option>`).join('');
      return `<select class="bk-select"${common}${multiple ? ' multiple' : ''}>${multiple ? '' : '<option value="">Choose someone…</option>'}${items}</select>`;
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const chosen = selected(element);
      const input = type === 'checkboxes' ? 'checkbox' : 'radio';
      const name = field?.name ?? `${ctx.idPrefix}-${blockId}-${str(element.action_id)}`;
      const items = options(element)
        .map((o, i) => {
          const id = `${field?.id ?? `${ctx.idPrefix}-${blockId}`}-${i}`;
          const description = o.description ? `<span class="bk-description">${escapeHtml(o.description)}</span>` : '';
          return `<div class="bk-option"><input type="${input}" id="${escapeHtml(id)}" name="${escapeHtml(name)}" value="${escapeHtml(o.value)}"${chosen.has(o.value) ? ' checked' : ''}${ids(blockId, element)}${attr('data-type', type)}><label for="${escapeHtml(id)}">${escapeHtml(o.label)}${description}</label></div>`;
        })
        .join('');
      return `<div class="bk-choices" role="group"${field ? `${attr('id', field.id)}${attr('aria-labelledby', `${field.id}-label`)}${described}` : ''}>${items}</div>`;
    }
    case 'datepicker':
      return `<input type="date" class="bk-input"${common}${attr('value', str(element.initial_date) || undefined)}>`;
    case 'timepicker':
      return `<input type="time" class="bk-input"${common}${attr('value', str(element.initial_time) || undefined)}>`;
    case 'number_input':
      return `<input type="number" class="bk-input"${common}${attr('value', str(element.initial_value) || undefined)}${attr('min', str(element.min_value) || undefined)}${attr('max', str(element.max_value) || undefined)}${element.is_decimal_allowed === true ? ' step="any"' : ''}${placeholder}>`;
    case 'plain_text_input': {
      const max = typeof element.max_length === 'number' ? attr('maxlength', String(element.max_length)) : '';
      const value = str(element.initial_value);
      if (element.multiline === true) return `<textarea class="bk-input" rows="4"${common}${max}${placeholder}>${escapeHtml(value)}</textarea>`;
      return `<input type="text" class="bk-input"${common}${max}${placeholder}${attr('value', value || undefined)}>`;
    }
    case 'image':
      return renderImage(element, ctx, 'bk-accessory-image');
    case 'overflow': {
      const items = options(element).map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`).join('');
      return `<select class="bk-select" aria-label="More"${common}><option value="">…</option>${items}</select>`;
    }
    default:
      return `<span class="bk-unsupported">[${escapeHtml(type || 'element')}]</span>`;
  }
}

/** Where the page can load an image element or block from (its URL, or the simulator's copy of its file), if anywhere. */
function imageSource(image: Json, ctx: RenderContext): string | undefined {
  const file = isObject(image.slack_file) ? ctx.fileUrl(str(image.slack_file.id)) : undefined;
  const src = str(image.image_url) || file;
  return src && /^(https?:|\/)/.test(src) ? src : undefined;
}

function renderImage(image: Json, ctx: RenderContext, className: string): string {
  const src = imageSource(image, ctx);
  const alt = escapeHtml(str(image.alt_text));
  if (!src) return `<span class="${className} bk-missing-image" role="img" aria-label="${alt}">${alt}</span>`;
  return `<img class="${className}" src="${escapeHtml(src)}" alt="${alt}">`;
}

function renderBlock(block: Json, index: number, ctx: RenderContext): string {
  const blockId = str(block.block_id) || `b${index}`;
  switch (str(block.type)) {
    case 'header':
      return `<h3 class="bk-header">${renderPlain(words(block.text))}</h3>`;
    case 'divider':
      return '<hr class="bk-divider">';
    case 'section': {
      const fields = list(block.fields);
      const body = `${block.text ? `<div class="bk-text">${text(block.text, ctx)}</div>` : ''}${fields.length > 0 ? `<div class="bk-fields">${fields.map((f) => `<div class="bk-field">${text(f, ctx)}</div>`).join('')}</div>` : ''}`;
      const accessory = isObject(block.accessory) ? `<div class="bk-accessory">${renderElement(block.accessory, blockId, ctx)}</div>` : '';
      return `<div class="bk-section">${`<div class="bk-body">${body}</div>`}${accessory}</div>`;
    }
    case 'context':
      return `<div class="bk-context">${list(block.elements)
        .map((e) => `<div class="bk-context-item">${e.type === 'image' ? renderImage(e, ctx, 'bk-context-image') : text(e, ctx)}</div>`)
        .join('')}</div>`;
    case 'image': {
      const title = isObject(block.title) ? `<figcaption>${renderPlain(words(block.title))}</figcaption>` : '';
      // The picture opens at full size (an insights chart is wider than a person's column).
      const image = renderImage(block, ctx, 'bk-image-img');
      const src = imageSource(block, ctx);
      return `<figure class="bk-image">${src ? `<a href="${escapeHtml(src)}" target="_blank" rel="noopener">${image}</a>` : image}${title}</figure>`;
    }
    case 'actions':
      return `<div class="bk-actions">${list(block.elements).map((e) => renderElement(e, blockId, ctx)).join('')}</div>`;
    case 'input': {
      const given = isObject(block.element) ? block.element : {};
      const element = asTyped(given, ctx.state?.[blockId]?.[str(given.action_id)]);
      const id = `${ctx.idPrefix}-${blockId}`;
      const problem = ctx.errors?.[blockId];
      const describedBy = [...(isObject(block.hint) ? [`${id}-hint`] : []), ...(problem === undefined ? [] : [`${id}-error`])].join(' ') || undefined;
      const field: InputField = { id, name: `${blockId}/${str(element.action_id)}`, describedBy, invalid: problem !== undefined };
      const grouped = element.type === 'checkboxes' || element.type === 'radio_buttons';
      const label = `${renderPlain(words(block.label))}${block.optional === true ? ' <span class="bk-optional">(optional)</span>' : ''}`;
      const hint = isObject(block.hint) ? `<div class="bk-hint" id="${escapeHtml(field.id)}-hint">${renderPlain(words(block.hint))}</div>` : '';
      const error = `<div class="bk-error" role="alert" id="${escapeHtml(field.id)}-error" data-error-for="${escapeHtml(blockId)}"${problem === undefined ? ' hidden>' : `>${escapeHtml(problem)}`}</div>`;
      const labelled = grouped ? `<div class="bk-label" id="${escapeHtml(field.id)}-label">${label}</div>` : `<label class="bk-label" for="${escapeHtml(field.id)}">${label}</label>`;
      return `<div class="bk-input-block"${attr('data-block-id', blockId)}>${labelled}${renderElement(element, blockId, ctx, field)}${hint}${error}</div>`;
    }
    default:
      return `<div class="bk-unsupported">[${escapeHtml(str(block.type) || 'block')}]</div>`;
  }
}

/** A message's, a Home tab's or a modal's blocks as HTML. */
export function renderBlocks(blocks: readonly unknown[], ctx: RenderContext): string {
  return blocks.map((block, i) => (isObject(block) ? renderBlock(block, i, ctx) : '')).join('');
}
