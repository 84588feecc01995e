import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { safePrefix } from './mrkdwn.js';
import { FIELD_ACTION_ID } from './view-state.js';
import type { Translate } from '../../i18n/translate.js';

// Small builders that keep Block Kit limits in one place (DESIGN.md "Slack facts"). Views stay pure.

export const LIMITS = {
  sectionText: 3000,
  header: 150,
  buttonText: 75,
  optionText: 75,
  optionValue: 75,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  modalBlocks: 100,
  messageBlocks: 50,
  staticSelectOptions: 100,
  radioOptions: 10,
  checkboxOptions: 10,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never half a surrogate pair (an emoji): Slack cannot read a lone one.
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, cut)}…`;
}

/** As `clip`, for mrkdwn: never cuts inside a `<...>` link or mention or an `&...;` entity either. */
export function clipMrkdwn(text: string, max: number): string {
  return text.length <= max ? text : `${safePrefix(text, max - 1)}…`;
}

/**
 * Slack's mrkdwn treats &, < and > as control characters; escape anything a person typed. Escaped once,
 * where a person's string is put into mrkdwn: views and the copy functions that build mrkdwn take the
 * raw string and escape it themselves, so callers never escape (twice would show `&amp;amp;`).
 * plain_text (headers, buttons, options, titles) is never escaped: Slack shows it as it is.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const plain = (text: string, max: number = LIMITS.sectionText) => ({ type: 'plain_text' as const, text: clip(text, max), emoji: true });

export function section(text: string, blockId?: string): KnownBlock {
  return { type: 'section', ...(blockId ? { block_id: blockId } : {}), text: { type: 'mrkdwn', text: clipMrkdwn(text, LIMITS.sectionText) } };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: plain(text, LIMITS.header) };
}

export function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clipMrkdwn(text, LIMITS.sectionText) }] };
}

export const divider = (): KnownBlock => ({ type: 'divider' });

/**
 * A Block Kit confirm dialog, shown by Slack before the click reaches us (DESIGN.md "Slack facts":
 * irreversible buttons carry one). `danger` makes its confirm button red, for destructive steps.
 */
export interface ConfirmSpec {
  title: string;
  text: string;
  confirm: string;
  deny: string;
  danger?: boolean;
}

export function confirmDialog(spec: ConfirmSpec) {
  return {
    title: plain(spec.title, LIMITS.confirmTitle),
    text: plain(spec.text, LIMITS.confirmText),
    confirm: plain(spec.confirm, LIMITS.confirmButton),
    deny: plain(spec.deny, LIMITS.confirmButton),
    ...(spec.danger ? { style: 'danger' as const } : {}),
  };
}

export interface ButtonSpec {
  actionId: string;
  text: string;
  value?: string;
  style?: 'primary' | 'danger';
  url?: string;
  /** Asked before anything that cannot be undone. */
  confirm?: ConfirmSpec;
}

export function button(spec: ButtonSpec) {
  return {
    type: 'button' as const,
    action_id: spec.actionId,
    text: plain(spec.text, LIMITS.buttonText),
    ...(spec.value !== undefined ? { value: spec.value } : {}),
    ...(spec.style ? { style: spec.style } : {}),
    ...(spec.url ? { url: spec.url } : {}),
    ...(spec.confirm ? { confirm: confirmDialog(spec.confirm) } : {}),
  };
}

export function actions(buttons: ButtonSpec[], blockId?: string): KnownBlock {
  return { type: 'actions', ...(blockId ? { block_id: blockId } : {}), elements: buttons.map(button) };
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, LIMITS.optionText), value: clip(value, LIMITS.optionValue) };
}

interface InputCommon {
  blockId: string;
  label: string;
  hint?: string;
  optional?: boolean;
}

function input(common: InputCommon, element: Record<string, unknown>): KnownBlock {
  return {
    type: 'input',
    block_id: common.blockId,
    label: plain(common.label, 2000),
    optional: common.optional ?? false,
    ...(common.hint ? { hint: plain(common.hint, 2000) } : {}),
    element: { action_id: FIELD_ACTION_ID, ...element },
  } as KnownBlock;
}

export function textInput(
  common: InputCommon & { initial?: string | null; multiline?: boolean; maxLength?: number; placeholder?: string },
): KnownBlock {
  return input(common, {
    type: 'plain_text_input',
    multiline: common.multiline ?? false,
    ...(common.initial ? { initial_value: common.initial } : {}),
    ...(common.maxLength ? { max_length: common.maxLength } : {}),
    ...(common.placeholder ? { placeholder: plain(common.placeholder, 150) } : {}),
  });
}

export function numberInput(common: InputCommon & { initial: number; min: number; max: number }): KnownBlock {
  return input(common, {
    type: 'number_input',
    is_decimal_allowed: false,
    initial_value: String(common.initial),
    min_value: String(common.min),
    max_value: String(common.max),
  });
}

export function multiSelect(
  common: InputCommon & { options: PlainTextOption[]; initial?: PlainTextOption[]; placeholder: string },
): KnownBlock {
  return input(common, {
    type: 'multi_static_select',
    placeholder: plain(common.placeholder, 150),
    options: common.options.slice(0, LIMITS.staticSelectOptions),
    ...(common.initial && common.initial.length > 0 ? { initial_options: common.initial } : {}),
  });
}

export function staticSelect(
  common: InputCommon & { options: PlainTextOption[]; initial?: PlainTextOption; placeholder: string },
): KnownBlock {
  return input(common, {
    type: 'static_select',
    placeholder: plain(common.placeholder, 150),
    options: common.options.slice(0, LIMITS.staticSelectOptions),
    ...(common.initial ? { initial_option: common.initial } : {}),
  });
}

export function radioButtons(common: InputCommon & { options: PlainTextOption[]; initial?: PlainTextOption }): KnownBlock {
  return input(common, {
    type: 'radio_buttons',
    options: common.options.slice(0, LIMITS.radioOptions),
    ...(common.initial ? { initial_option: common.initial } : {}),
  });
}

export function checkboxes(common: InputCommon & { options: PlainTextOption[]; initial?: PlainTextOption[] }): KnownBlock {
  return input(common, {
    type: 'checkboxes',
    options: common.options.slice(0, LIMITS.checkboxOptions),
    ...(common.initial && common.initial.length > 0 ? { initial_options: common.initial } : {}),
  });
}

export function usersSelect(common: InputCommon & { initial?: string[]; placeholder: string; maxSelected?: number }): KnownBlock {
  return input(common, {
    type: 'multi_users_select',
    placeholder: plain(common.placeholder, 150),
    ...(common.initial && common.initial.length > 0 ? { initial_users: common.initial } : {}),
    ...(common.maxSelected !== undefined ? { max_selected_items: common.maxSelected } : {}),
  });
}

export function timePicker(common: InputCommon & { initial?: string | null; placeholder: string }): KnownBlock {
  return input(common, {
    type: 'timepicker',
    placeholder: plain(common.placeholder, 150),
    ...(common.initial ? { initial_time: common.initial } : {}),
  });
}

/** Slack's date picker: the person's own calendar; the value is YYYY-MM-DD. */
export function datePicker(common: InputCommon & { initial?: string | null; placeholder: string }): KnownBlock {
  return input(common, {
    type: 'datepicker',
    placeholder: plain(common.placeholder, 150),
    ...(common.initial ? { initial_date: common.initial } : {}),
  });
}

export function modal(spec: {
  callbackId: string;
  title: string;
  blocks: KnownBlock[];
  submit?: string;
  close?: string;
  privateMetadata?: string;
}): ModalView {
  if ((spec.privateMetadata ?? '').length > LIMITS.privateMetadata) throw new Error('private_metadata over 3000 characters');
  return {
    type: 'modal',
    callback_id: spec.callbackId,
    title: plain(spec.title, LIMITS.modalTitle),
    ...(spec.submit ? { submit: plain(spec.submit, LIMITS.modalButton) } : {}),
    close: plain(spec.close ?? 'Close', LIMITS.modalButton),
    ...(spec.privateMetadata ? { private_metadata: spec.privateMetadata } : {}),
    blocks: spec.blocks.slice(0, LIMITS.modalBlocks),
  };
}

/** Shown for the moment between opening a modal (trigger_id lasts 3 s) and loading its contents; in `t`'s language. */
export function loadingModal(t: Translate, title: string, text = t('common.loading')): ModalView {
  return modal({ callbackId: 'common.loading', title, close: t('common.close'), blocks: [section(text)] });
}

/** A modal that only says something (a refusal, a confirmation, an explanation), in `t`'s language. */
export function messageModal(t: Translate, title: string, text: string): ModalView {
  return modal({ callbackId: 'common.message', title, close: t('common.close'), blocks: [section(text)] });
}
