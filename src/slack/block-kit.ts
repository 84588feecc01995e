/**
 * Block Kit validation: the rules Slack applies before it accepts a message, modal or Home tab.
 *
 * Slack refuses a whole surface (`invalid_blocks` for messages, `invalid_arguments` for views) when one
 * block breaks a rule, and the app only learns it from the error, at run time, in front of a person.
 * The fake Slack runs every message and view through these checks and `test/slack/surfaces.test.ts` runs
 * every rendered surface through them, so a view that Slack would refuse fails a test instead.
 *
 * Pure: no I/O, no Bolt or Prisma. Each error reads like Slack's own, `<what is wrong> [json-pointer:<path>]`.
 * Limits are from Slack's Block Kit reference (blocks, block elements, composition objects, views) and
 * DESIGN.md "Slack facts". Lengths are counted in UTF-16 units (`String.length`), which is never fewer
 * than Slack's character count, so a pass here is a pass on Slack.
 */

export type Surface = 'message' | 'modal' | 'home';

/** Limits Slack documents; each is named where it is used. */
export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  blockId: 255,
  actionId: 255,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  imageUrl: 3000,
  altText: 2000,
  imageTitle: 2000,
  inputLabel: 2000,
  inputHint: 2000,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  accessibilityLabel: 75,
  placeholder: 150,
  optionText: 75,
  // Slack's option reference has allowed 150 for `value` in later revisions; DESIGN.md and the app keep 75.
  optionValue: 75,
  optionDescription: 75,
  selectOptions: 100,
  optionGroups: 100,
  optionGroupLabel: 75,
  radioOptions: 10,
  checkboxOptions: 10,
  overflowOptions: 5,
  textInputLength: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
} as const;

const L = BLOCK_KIT_LIMITS;

type Node = Record<string, unknown>;

/** One walk over a surface: the errors so far and the block ids seen, which must not repeat in it. */
interface Walk {
  readonly errors: string[];
  readonly blockIds: Set<string>;
}

/** One block: its action ids must not repeat within it (Slack: "action_id must be unique in the block"). */
interface BlockScope {
  readonly walk: Walk;
  readonly actionIds: Set<string>;
}

/**
 * The checks of one block, element or view type. `fields` are the properties Slack accepts besides
 * `type`; anything else is refused as an "invalid additional property", which catches misspelt fields.
 */
interface Rule<Scope> {
  readonly fields: readonly string[];
  readonly check: (node: Node, path: string, scope: Scope) => void;
}

function isRecord(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function report(walk: Walk, path: string, message: string): void {
  walk.errors.push(`${message} [json-pointer:${path === '' ? '/' : path}]`);
}

function checkFields(node: Node, fields: readonly string[], path: string, walk: Walk): void {
  for (const key of Object.keys(node)) {
    if (key !== 'type' && !fields.includes(key)) report(walk, `${path}/${key}`, `invalid additional property: ${key}`);
  }
}

interface StringRule {
  max: number;
  /** Required fields must be present and non-empty. */
  required?: boolean;
}

function checkString(value: unknown, path: string, walk: Walk, rule: StringRule): value is string {
  if (value === undefined) {
    if (rule.required) report(walk, path, 'missing required field');
    return false;
  }
  if (typeof value !== 'string') {
    report(walk, path, 'must be a string');
    return false;
  }
  if (rule.required && value.length === 0) report(walk, path, 'must be more than 0 characters');
  if (value.length > rule.max) report(walk, path, `must be less than ${rule.max + 1} characters (is ${value.length})`);
  return true;
}

function checkBoolean(value: unknown, path: string, walk: Walk, required = false): void {
  if (value === undefined) {
    if (required) report(walk, path, 'missing required field');
  } else if (typeof value !== 'boolean') {
    report(walk, path, 'must be a boolean');
  }
}

function checkArray(value: unknown, path: string, walk: Walk, range: { min: number; max: number }): unknown[] {
  if (!Array.isArray(value)) {
    report(walk, path, value === undefined ? 'missing required field' : 'must be an array');
    return [];
  }
  if (value.length < range.min) report(walk, path, `must provide at least ${range.min} item${range.min === 1 ? '' : 's'}`);
  if (value.length > range.max) report(walk, path, `no more than ${range.max} items allowed (has ${value.length})`);
  return value;
}

interface TextRule {
  max: number;
  /** Headers, buttons, select options, labels, titles and placeholders take plain_text only. */
  plainOnly?: boolean;
  optional?: boolean;
}

/** A text object: `plain_text` or `mrkdwn`, with a non-empty `text` (Slack: "must be more than 0 characters"). */
function checkText(value: unknown, path: string, walk: Walk, rule: TextRule): void {
  if (value === undefined) {
    if (!rule.optional) report(walk, path, 'missing required field');
    return;
  }
  if (!isRecord(value)) {
    report(walk, path, 'must be a text object');
    return;
  }
  if (value.type === 'plain_text') checkFields(value, ['text', 'emoji'], path, walk);
  else if (value.type === 'mrkdwn' && !rule.plainOnly) checkFields(value, ['text', 'verbatim'], path, walk);
  else report(walk, `${path}/type`, rule.plainOnly ? 'must be plain_text' : 'must be plain_text or mrkdwn');
  checkString(value.text, `${path}/text`, walk, { max: rule.max, required: true });
}

function checkStyle(value: unknown, path: string, walk: Walk): void {
  // Slack knows two styles; the default has no value ("default" itself is refused).
  if (value !== undefined && value !== 'primary' && value !== 'danger') report(walk, path, 'must be primary or danger');
}

/** A confirm dialog, on buttons and menus before an irreversible step. All four texts are required. */
function checkConfirm(value: unknown, path: string, walk: Walk): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    report(walk, path, 'must be a confirm object');
    return;
  }
  checkFields(value, ['title', 'text', 'confirm', 'deny', 'style'], path, walk);
  checkText(value.title, `${path}/title`, walk, { max: L.confirmTitle, plainOnly: true });
  checkText(value.text, `${path}/text`, walk, { max: L.confirmText });
  checkText(value.confirm, `${path}/confirm`, walk, { max: L.confirmButton, plainOnly: true });
  checkText(value.deny, `${path}/deny`, walk, { max: L.confirmButton, plainOnly: true });
  checkStyle(value.style, `${path}/style`, walk);
}

interface OptionRule {
  min: number;
  max: number;
  /** Select menus and overflow menus show plain_text only; checkboxes and radio buttons take mrkdwn too. */
  plainOnly: boolean;
  /** Only overflow menu options may carry a `url`. */
  url?: boolean;
}

function checkOptions(value: unknown, path: string, walk: Walk, rule: OptionRule): Node[] {
  const options: Node[] = [];
  checkArray(value, path, walk, rule).forEach((option, i) => {
    const at = `${path}/${i}`;
    if (!isRecord(option)) {
      report(walk, at, 'must be an option object');
      return;
    }
    checkFields(option, rule.url ? ['text', 'value', 'description', 'url'] : ['text', 'value', 'description'], at, walk);
    checkText(option.text, `${at}/text`, walk, { max: L.optionText, plainOnly: rule.plainOnly });
    checkString(option.value, `${at}/value`, walk, { max: L.optionValue, required: true });
    checkText(option.description, `${at}/description`, walk, { max: L.optionDescription, plainOnly: rule.plainOnly, optional: true });
    if (rule.url) checkString(option.url, `${at}/url`, walk, { max: L.buttonUrl });
    options.push(option);
  });
  return options;
}

/** Static menus take `options` or `option_groups`, never both (Slack: "must provide exactly one"). */
function checkSelectOptions(element: Node, path: string, walk: Walk): Node[] {
  if ((element.options === undefined) === (element.option_groups === undefined)) {
    report(walk, path, 'must provide exactly one of options or option_groups');
    return [];
  }
  const menu = { min: 1, max: L.selectOptions, plainOnly: true };
  if (element.options !== undefined) return checkOptions(element.options, `${path}/options`, walk, menu);
  return checkArray(element.option_groups, `${path}/option_groups`, walk, { min: 1, max: L.optionGroups }).flatMap((group, i) => {
    const at = `${path}/option_groups/${i}`;
    if (!isRecord(group)) {
      report(walk, at, 'must be an option group object');
      return [];
    }
    checkFields(group, ['label', 'options'], at, walk);
    checkText(group.label, `${at}/label`, walk, { max: L.optionGroupLabel, plainOnly: true });
    return checkOptions(group.options, `${at}/options`, walk, menu);
  });
}

function sameOption(a: Node, b: Node): boolean {
  const textOf = (o: Node) => (isRecord(o.text) ? `${String(o.text.type)}:${String(o.text.text)}` : '');
  return a.value === b.value && textOf(a) === textOf(b);
}

/** Slack refuses an initial option that is not exactly (text and value) one of the options. */
function checkInitial(value: unknown, options: readonly Node[], path: string, walk: Walk, many: boolean): void {
  if (value === undefined) return;
  const initial = many ? (Array.isArray(value) ? value : [value]) : [value];
  if (many && !Array.isArray(value)) report(walk, path, 'must be an array');
  initial.forEach((option, i) => {
    const at = many ? `${path}/${i}` : path;
    if (!isRecord(option) || !options.some((o) => sameOption(o, option))) report(walk, at, 'must match one of the provided options');
  });
}

function checkPlaceholder(element: Node, path: string, walk: Walk): void {
  checkText(element.placeholder, `${path}/placeholder`, walk, { max: L.placeholder, plainOnly: true, optional: true });
}

function checkMaxSelected(value: unknown, path: string, walk: Walk): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 1)) report(walk, path, 'must be an integer of at least 1');
}

/** Number inputs take their numbers as strings; Slack refuses an initial value outside min and max. */
function checkNumberInput(element: Node, path: string, walk: Walk): void {
  checkBoolean(element.is_decimal_allowed, `${path}/is_decimal_allowed`, walk, true);
  const parse = (key: 'initial_value' | 'min_value' | 'max_value'): number | undefined => {
    const raw = element[key];
    if (raw === undefined) return undefined;
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
    if (!Number.isFinite(n)) report(walk, `${path}/${key}`, 'must be a number in a string');
    else if (element.is_decimal_allowed !== true && !Number.isInteger(n)) report(walk, `${path}/${key}`, 'must be a whole number unless is_decimal_allowed');
    return Number.isFinite(n) ? n : undefined;
  };
  const initial = parse('initial_value');
  const min = parse('min_value');
  const max = parse('max_value');
  if (min !== undefined && max !== undefined && min > max) report(walk, `${path}/min_value`, 'must not be more than max_value');
  if (initial !== undefined && ((min !== undefined && initial < min) || (max !== undefined && initial > max))) {
    report(walk, `${path}/initial_value`, 'must be within min_value and max_value');
  }
}

/** A plain-text input holds at most 3000 characters, and its initial value must fit its own max_length. */
function checkTextInput(element: Node, path: string, walk: Walk): void {
  const limit = (key: 'min_length' | 'max_length', min: number): number | undefined => {
    const n = element[key];
    if (n === undefined) return undefined;
    if (!Number.isInteger(n) || (n as number) < min || (n as number) > L.textInputLength) {
      report(walk, `${path}/${key}`, `must be an integer from ${min} to ${L.textInputLength}`);
      return undefined;
    }
    return n as number;
  };
  const minLength = limit('min_length', 0);
  const maxLength = limit('max_length', 1);
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) report(walk, `${path}/min_length`, 'must not be more than max_length');
  checkString(element.initial_value, `${path}/initial_value`, walk, { max: maxLength ?? L.textInputLength });
  checkBoolean(element.multiline, `${path}/multiline`, walk);
  checkPlaceholder(element, path, walk);
}

function checkPattern(value: unknown, path: string, walk: Walk, pattern: RegExp, shape: string): void {
  if (value !== undefined && (typeof value !== 'string' || !pattern.test(value))) report(walk, path, `must be in the format ${shape}`);
}

/** An image element or block shows either a public URL or a file uploaded to Slack, never both. */
function checkImageSource(node: Node, path: string, walk: Walk): void {
  const hasUrl = node.image_url !== undefined;
  const hasFile = node.slack_file !== undefined;
  if (hasUrl === hasFile) report(walk, path, 'must provide exactly one of image_url or slack_file');
  checkString(node.image_url, `${path}/image_url`, walk, { max: L.imageUrl });
  if (hasFile) {
    const file = node.slack_file;
    if (!isRecord(file) || (typeof file.id !== 'string' && typeof file.url !== 'string')) {
      report(walk, `${path}/slack_file`, 'must be a slack_file object with an id or a url');
    } else {
      checkFields(file, ['id', 'url'], `${path}/slack_file`, walk);
    }
  }
  checkString(node.alt_text, `${path}/alt_text`, walk, { max: L.altText, required: true });
}

const MENU_FIELDS = ['action_id', 'placeholder', 'confirm', 'focus_on_load'] as const;

/** Interactive elements and the image element, by `type`. `action_id` is checked for every one that has it. */
const ELEMENT_RULES: Record<string, Rule<BlockScope>> = {
  button: {
    fields: ['action_id', 'text', 'value', 'url', 'style', 'confirm', 'accessibility_label'],
    check: (el, path, { walk }) => {
      checkText(el.text, `${path}/text`, walk, { max: L.buttonText, plainOnly: true });
      checkString(el.value, `${path}/value`, walk, { max: L.buttonValue });
      checkString(el.url, `${path}/url`, walk, { max: L.buttonUrl });
      checkStyle(el.style, `${path}/style`, walk);
      checkConfirm(el.confirm, `${path}/confirm`, walk);
      checkString(el.accessibility_label, `${path}/accessibility_label`, walk, { max: L.accessibilityLabel });
    },
  },
  static_select: {
    fields: [...MENU_FIELDS, 'options', 'option_groups', 'initial_option'],
    check: (el, path, { walk }) => {
      checkPlaceholder(el, path, walk);
      checkInitial(el.initial_option, checkSelectOptions(el, path, walk), `${path}/initial_option`, walk, false);
      checkConfirm(el.confirm, `${path}/confirm`, walk);
    },
  },
  multi_static_select: {
    fields: [...MENU_FIELDS, 'options', 'option_groups', 'initial_options', 'max_selected_items'],
    check: (el, path, { walk }) => {
      checkPlaceholder(el, path, walk);
      checkInitial(el.initial_options, checkSelectOptions(el, path, walk), `${path}/initial_options`, walk, true);
      checkMaxSelected(el.max_selected_items, `${path}/max_selected_items`, walk);
      checkConfirm(el.confirm, `${path}/confirm`, walk);
    },
  },
  radio_buttons: {
    fields: ['action_id', 'options', 'initial_option', 'confirm', 'focus_on_load'],
    check: (el, path, { walk }) => {
      const options = checkOptions(el.options, `${path}/options`, walk, { min: 1, max: L.radioOptions, plainOnly: false });
      checkInitial(el.initial_option, options, `${path}/initial_option`, walk, false);
      checkConfirm(el.confirm, `${path}/confirm`, walk);
    },
  },
  checkboxes: {
    fields: ['action_id', 'options', 'initial_options', 'confirm', 'focus_on_load'],
    check: (el, path, { walk }) => {
      const options = checkOptions(el.options, `${path}/options`, walk, { min: 1, max: L.checkboxOptions, plainOnly: false });
      checkInitial(el.initial_options, options, `${path}/initial_options`, walk, true);
      checkConfirm(el.confirm, `${path}/confirm`, walk);
    },
  },
  overflow: {
    fields: ['action_id', 'options', 'confirm'],
    check: (el, path, { walk }) => {
      checkOptions(el.options, `${path}/options`, walk, { min: 1, max: L.overflowOptions, plainOnly: true, url: true });
      checkConfirm(el.confirm, `${path}/confirm`, walk);
    },
  },
  plain_text_input: {
    fields: ['action_id', 'placeholder', 'initial_value', 'multiline', 'min_length', 'max_length', 'dispatch_action_config', 'focus_on_load'],
    check: (el, path, { walk }) => checkTextInput(el, path, walk),
  },
  number_input: {
    fields: ['action_id', 'is_decimal_allowed', 'initial_value', 'min_value', 'max_value', 'placeholder', 'dispatch_action_config', 'focus_on_load'],
    check: (el, path, { walk }) => {
      checkNumberInput(el, path, walk);
      checkPlaceholder(el, path, walk);
    },
  },
  timepicker: {
    fields: [...MENU_FIELDS, 'initial_time', 'timezone'],
    check: (el, path, { walk }) => {
      checkPlaceholder(el, path, walk);
      checkPattern(el.initial_time, `${path}/initial_time`, walk, /^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
      checkConfirm(el.confirm, `${path}/confirm`, walk);
    },
  },
  datepicker: {
    fields: [...MENU_FIELDS, 'initial_date'],
    check: (el, path, { walk }) => {
      checkPlaceholder(el, path, walk);
      checkPattern(el.initial_date, `${path}/initial_date`, walk, /^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
      checkConfirm(el.confirm, `${path}/confirm`, walk);
    },
  },
  users_select: {
    fields: [...MENU_FIELDS, 'initial_user'],
    check: (el, path, { walk }) => {
      checkPlaceholder(el, path, walk);
      checkString(el.initial_user, `${path}/initial_user`, walk, { max: L.actionId });
      checkConfirm(el.confirm, `${path}/confirm`, walk);
    },
  },
  multi_users_select: {
    fields: [...MENU_FIELDS, 'initial_users', 'max_selected_items'],
    check: (el, path, { walk }) => {
      checkPlaceholder(el, path, walk);
      if (el.initial_users !== undefined && !(Array.isArray(el.initial_users) && el.initial_users.every((u) => typeof u === 'string'))) {
        report(walk, `${path}/initial_users`, 'must be an array of user ids');
      }
      checkMaxSelected(el.max_selected_items, `${path}/max_selected_items`, walk);
      checkConfirm(el.confirm, `${path}/confirm`, walk);
    },
  },
  image: {
    fields: ['image_url', 'slack_file', 'alt_text'],
    check: (el, path, { walk }) => checkImageSource(el, path, walk),
  },
};

// Where each element may appear (Slack's "compatible blocks" per element).
const ACTIONS_ELEMENTS = new Set(['button', 'static_select', 'multi_static_select', 'radio_buttons', 'checkboxes', 'overflow', 'timepicker', 'datepicker', 'users_select', 'multi_users_select']);
const INPUT_ELEMENTS = new Set(['static_select', 'multi_static_select', 'radio_buttons', 'checkboxes', 'plain_text_input', 'number_input', 'timepicker', 'datepicker', 'users_select', 'multi_users_select']);
const ACCESSORY_ELEMENTS = new Set([...ACTIONS_ELEMENTS, 'image']);
const CONTEXT_ELEMENTS = new Set(['image']);

function checkElement(value: unknown, path: string, scope: BlockScope, allowed: ReadonlySet<string>, where: string): void {
  const { walk } = scope;
  if (!isRecord(value)) {
    report(walk, path, value === undefined ? 'missing required field' : 'must be an element object');
    return;
  }
  const type = typeof value.type === 'string' ? value.type : '';
  const rule = ELEMENT_RULES[type];
  if (!rule) {
    report(walk, `${path}/type`, `unknown element type "${type}"`);
    return;
  }
  if (!allowed.has(type)) {
    report(walk, `${path}/type`, `a ${type} element is not allowed in ${where}`);
    return;
  }
  checkFields(value, rule.fields, path, walk);
  if (rule.fields.includes('action_id') && checkString(value.action_id, `${path}/action_id`, walk, { max: L.actionId })) {
    // Slack: "action_id ... should be unique among all other action_ids in the containing block".
    if (scope.actionIds.has(value.action_id)) report(walk, `${path}/action_id`, `duplicate action_id "${value.action_id}" in this block`);
    scope.actionIds.add(value.action_id);
  }
  rule.check(value, path, scope);
}

/** Blocks by `type`. A type missing here is refused, so a typo never reaches Slack. */
const BLOCK_RULES: Record<string, Rule<BlockScope>> = {
  section: {
    fields: ['block_id', 'text', 'fields', 'accessory', 'expand'],
    check: (block, path, scope) => {
      const { walk } = scope;
      // Slack: "text ... required if no fields are provided"; fields: at most 10, each at most 2000.
      if (block.text === undefined && block.fields === undefined) report(walk, path, 'must provide text or fields');
      checkText(block.text, `${path}/text`, walk, { max: L.sectionText, optional: true });
      if (block.fields !== undefined) {
        checkArray(block.fields, `${path}/fields`, walk, { min: 1, max: L.sectionFields }).forEach((field, i) =>
          checkText(field, `${path}/fields/${i}`, walk, { max: L.sectionField }),
        );
      }
      if (block.accessory !== undefined) checkElement(block.accessory, `${path}/accessory`, scope, ACCESSORY_ELEMENTS, 'a section accessory');
      checkBoolean(block.expand, `${path}/expand`, walk);
    },
  },
  header: {
    fields: ['block_id', 'text'],
    check: (block, path, { walk }) => checkText(block.text, `${path}/text`, walk, { max: L.headerText, plainOnly: true }),
  },
  context: {
    fields: ['block_id', 'elements'],
    check: (block, path, scope) => {
      checkArray(block.elements, `${path}/elements`, scope.walk, { min: 1, max: L.contextElements }).forEach((element, i) => {
        const at = `${path}/elements/${i}`;
        // Context shows text objects and images only.
        if (isRecord(element) && typeof element.type === 'string' && element.type in ELEMENT_RULES) checkElement(element, at, scope, CONTEXT_ELEMENTS, 'a context block');
        else checkText(element, at, scope.walk, { max: L.textObject });
      });
    },
  },
  actions: {
    fields: ['block_id', 'elements'],
    check: (block, path, scope) => {
      checkArray(block.elements, `${path}/elements`, scope.walk, { min: 1, max: L.actionsElements }).forEach((element, i) =>
        checkElement(element, `${path}/elements/${i}`, scope, ACTIONS_ELEMENTS, 'an actions block'),
      );
    },
  },
  divider: { fields: ['block_id'], check: () => {} },
  image: {
    fields: ['block_id', 'image_url', 'slack_file', 'alt_text', 'title'],
    check: (block, path, { walk }) => {
      checkImageSource(block, path, walk);
      checkText(block.title, `${path}/title`, walk, { max: L.imageTitle, plainOnly: true, optional: true });
    },
  },
  input: {
    fields: ['block_id', 'label', 'element', 'hint', 'optional', 'dispatch_action'],
    check: (block, path, scope) => {
      const { walk } = scope;
      checkText(block.label, `${path}/label`, walk, { max: L.inputLabel, plainOnly: true });
      checkElement(block.element, `${path}/element`, scope, INPUT_ELEMENTS, 'an input block');
      checkText(block.hint, `${path}/hint`, walk, { max: L.inputHint, plainOnly: true, optional: true });
      checkBoolean(block.optional, `${path}/optional`, walk);
      checkBoolean(block.dispatch_action, `${path}/dispatch_action`, walk);
    },
  },
};

function checkBlock(value: unknown, path: string, walk: Walk): void {
  if (!isRecord(value)) {
    report(walk, path, 'must be a block object');
    return;
  }
  const type = typeof value.type === 'string' ? value.type : '';
  const rule = BLOCK_RULES[type];
  if (!rule) {
    report(walk, `${path}/type`, `unknown block type "${type}"`);
    return;
  }
  checkFields(value, rule.fields, path, walk);
  if (checkString(value.block_id, `${path}/block_id`, walk, { max: L.blockId }) && value.block_id.length > 0) {
    // Slack: "block_id should be unique for each message or view".
    if (walk.blockIds.has(value.block_id)) report(walk, `${path}/block_id`, `duplicate block_id "${value.block_id}"`);
    walk.blockIds.add(value.block_id);
  } else if (value.block_id === '') {
    report(walk, `${path}/block_id`, 'must be more than 0 characters');
  }
  rule.check(value, path, { walk, actionIds: new Set() });
}

function checkBlocks(blocks: unknown, path: string, walk: Walk, max: number): Node[] {
  const list = checkArray(blocks, path, walk, { min: 0, max });
  list.forEach((block, i) => checkBlock(block, `${path}/${i}`, walk));
  return list.filter(isRecord);
}

function newWalk(): Walk {
  return { errors: [], blockIds: new Set() };
}

/** Slack refuses a message with neither text nor blocks (`no_text`). */
export function isEmptyMessage(args: { text?: unknown; blocks?: unknown }): boolean {
  const hasText = typeof args.text === 'string' && args.text.trim().length > 0;
  const hasBlocks = Array.isArray(args.blocks) ? args.blocks.length > 0 : args.blocks !== undefined && args.blocks !== null && args.blocks !== '';
  return !hasText && !hasBlocks;
}

/** Errors Slack would answer `chat.postMessage`, `chat.postEphemeral` or `chat.update` with; [] when valid. */
export function validateMessage(args: { text?: unknown; blocks?: unknown }): string[] {
  const walk = newWalk();
  if (isEmptyMessage(args)) report(walk, '', 'a message must have non-empty text or blocks');
  if (args.text !== undefined && typeof args.text !== 'string') report(walk, '/text', 'must be a string');
  // A message holds at most 50 blocks.
  if (args.blocks !== undefined) checkBlocks(args.blocks, '/blocks', walk, L.messageBlocks);
  return walk.errors;
}

/** Modals and the Home tab by `type`; each holds at most 100 blocks. */
const VIEW_RULES: Record<string, Rule<Walk>> = {
  modal: {
    fields: ['title', 'blocks', 'close', 'submit', 'private_metadata', 'callback_id', 'clear_on_close', 'notify_on_close', 'external_id', 'submit_disabled'],
    check: (view, path, walk) => {
      checkText(view.title, `${path}/title`, walk, { max: L.modalTitle, plainOnly: true });
      checkText(view.close, `${path}/close`, walk, { max: L.modalButton, plainOnly: true, optional: true });
      checkText(view.submit, `${path}/submit`, walk, { max: L.modalButton, plainOnly: true, optional: true });
      const blocks = checkBlocks(view.blocks, `${path}/blocks`, walk, L.viewBlocks);
      // Slack: "submit ... required when an input block is within the blocks array".
      if (view.submit === undefined && blocks.some((b) => b.type === 'input')) report(walk, `${path}/submit`, 'required when the modal has an input block');
      checkString(view.private_metadata, `${path}/private_metadata`, walk, { max: L.privateMetadata });
      checkString(view.callback_id, `${path}/callback_id`, walk, { max: L.callbackId });
      checkString(view.external_id, `${path}/external_id`, walk, { max: L.callbackId });
      for (const flag of ['clear_on_close', 'notify_on_close', 'submit_disabled'] as const) checkBoolean(view[flag], `${path}/${flag}`, walk);
    },
  },
  home: {
    fields: ['blocks', 'private_metadata', 'callback_id', 'external_id'],
    check: (view, path, walk) => {
      checkBlocks(view.blocks, `${path}/blocks`, walk, L.viewBlocks);
      checkString(view.private_metadata, `${path}/private_metadata`, walk, { max: L.privateMetadata });
      checkString(view.callback_id, `${path}/callback_id`, walk, { max: L.callbackId });
      checkString(view.external_id, `${path}/external_id`, walk, { max: L.callbackId });
    },
  },
};

/** Errors Slack would answer `views.open`, `views.push`, `views.update` or `views.publish` with; [] when valid. */
export function validateView(view: unknown): string[] {
  const walk = newWalk();
  const path = '/view';
  if (!isRecord(view)) {
    report(walk, path, view === undefined ? 'missing required field' : 'must be a view object');
    return walk.errors;
  }
  const type = typeof view.type === 'string' ? view.type : '';
  const rule = VIEW_RULES[type];
  if (!rule) {
    report(walk, `${path}/type`, 'must be modal or home');
    return walk.errors;
  }
  checkFields(view, rule.fields, path, walk);
  rule.check(view, path, walk);
  return walk.errors;
}

