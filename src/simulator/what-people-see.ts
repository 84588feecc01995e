// What each person in the simulated workspace sees (issue 18): their DM with the app (messages, threads,
// edits, deletions, ephemeral notes), their App Home tab and their stack of open modals, built from the
// Web API calls the app made with the simulator's answers, the response_url posts, and the answers the
// app gave to the simulator's own view submissions. The demo page draws this; no Slack, no I/O.

type Json = Record<string, unknown>;

export interface ShownMessage {
  ts: string;
  /** Who wrote it: the app, or the person themselves (what they typed in their DM with the app). */
  from: 'app' | 'person';
  text: string;
  blocks: unknown[];
  /** Only this person sees it (chat.postEphemeral, an ephemeral answer through a response_url). */
  ephemeral: boolean;
  edited: boolean;
  /** Replies in its thread, oldest first. */
  replies: ShownMessage[];
}

export interface ShownView {
  id: string;
  view: Json;
  /** Errors the app answered a submission with, by block id (`response_action: errors`). */
  errors: Record<string, string>;
  /**
   * What the person has typed and chosen so far, as Slack's `view.state.values` (block id, then action
   * id). Slack keeps it when the app updates the view (values of inputs whose ids stay), and sends it
   * with every action and submission inside the modal.
   */
  state: ViewStateValues;
}

export type ViewStateValues = Record<string, Record<string, Json>>;

export interface PersonSees {
  messages: ShownMessage[];
  home: ShownView | null;
  /** Open modals, the one on top last. */
  modals: ShownView[];
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const blocksOf = (args: Json): unknown[] => (Array.isArray(args.blocks) ? args.blocks : []);

/** The person a DM channel belongs to: the simulator names a DM `D` + the user's id. */
function personOfChannel(channel: string | undefined): string | undefined {
  return channel?.startsWith('D') ? channel.slice(1) : undefined;
}

export class WhatPeopleSee {
  private readonly people = new Map<string, PersonSees>();
  private readonly triggers = new Map<string, string>();
  private readonly responseUrls = new Map<string, { userId: string; messageTs?: string }>();
  private ephemeralSeq = 0;

  person(userId: string): PersonSees {
    let seen = this.people.get(userId);
    if (!seen) {
      seen = { messages: [], home: null, modals: [] };
      this.people.set(userId, seen);
    }
    return seen;
  }

  /** A trigger id the simulator handed out with this person's action: views.open and views.push with it are theirs. */
  issuedTrigger(triggerId: string, userId: string): void {
    this.triggers.set(triggerId, userId);
  }

  /** A response_url key handed out with this person's action on a message (`messageTs`), or a command. */
  issuedResponseUrl(key: string, userId: string, messageTs?: string): void {
    this.responseUrls.set(key, messageTs === undefined ? { userId } : { userId, messageTs });
  }

  /** A Web API call the simulator answered with `reply` (refused calls reach nobody and are not applied). */
  applyCall(method: string, args: Json, reply: unknown): void {
    const answer = isObject(reply) ? reply : {};
    if (answer.ok !== true) return;
    switch (method) {
      case 'chat.postMessage': {
        const userId = personOfChannel(str(answer.channel) ?? str(args.channel));
        const ts = str(answer.ts);
        if (!userId || !ts) return;
        const message = this.message(ts, args, false);
        const thread = str(args.thread_ts);
        const parent = thread === undefined ? undefined : this.person(userId).messages.find((m) => m.ts === thread);
        if (parent) {
          parent.replies.push(message);
          // "Also send to the conversation": a copy shows in the DM too.
          if (args.reply_broadcast === true) this.person(userId).messages.push({ ...message, replies: [] });
        } else {
          this.person(userId).messages.push(message);
        }
        return;
      }
      case 'chat.postEphemeral': {
        const userId = str(args.user);
        if (userId) this.person(userId).messages.push(this.message(str(answer.message_ts) ?? this.nextEphemeralTs(), args, true));
        return;
      }
      case 'chat.update': {
        const userId = personOfChannel(str(args.channel));
        if (userId !== undefined) this.edit(userId, str(args.ts), args);
        return;
      }
      case 'chat.delete': {
        const userId = personOfChannel(str(args.channel));
        if (userId !== undefined) this.remove(userId, str(args.ts));
        return;
      }
      case 'views.publish': {
        const userId = str(args.user_id);
        const view = isObject(args.view) ? args.view : undefined;
        if (userId && view) this.person(userId).home = { id: this.viewId(answer), view, errors: {}, state: {} };
        return;
      }
      case 'views.open':
      case 'views.push': {
        const userId = this.triggers.get(str(args.trigger_id) ?? '');
        const view = isObject(args.view) ? args.view : undefined;
        if (!userId || !view) return;
        const modals = this.person(userId).modals;
        // views.open starts a stack; views.push adds to the one open.
        if (method === 'views.open') modals.length = 0;
        modals.push({ id: this.viewId(answer), view, errors: {}, state: {} });
        return;
      }
      case 'views.update': {
        const id = str(args.view_id);
        const view = isObject(args.view) ? args.view : undefined;
        if (!id || !view) return;
        for (const seen of this.people.values()) {
          const shown = [...seen.modals, ...(seen.home ? [seen.home] : [])].find((v) => v.id === id);
          if (shown) Object.assign(shown, { view, errors: {} });
        }
        return;
      }
      default:
    }
  }

  /** What the person wrote in their DM with the app (sent to the app as a message event with `ts`). */
  wrote(userId: string, ts: string, text: string): void {
    this.person(userId).messages.push({ ts, from: 'person', text, blocks: [], ephemeral: false, edited: false, replies: [] });
  }

  /** A call the simulator answered (its `onAnswered`): a Web API call, or a post to a response_url. */
  applyAnswered(call: { method: string; args: Json; reply?: unknown }): void {
    if (call.method === 'response_url') {
      const answer = isObject(call.reply) ? call.reply : {};
      if (answer.ok === true) this.applyResponse(str(call.args.key) ?? '', call.args);
      return;
    }
    this.applyCall(call.method, call.args, call.reply);
  }

  /** A post to a response_url the simulator handed out (`key`). */
  applyResponse(key: string, args: Json): void {
    const target = this.responseUrls.get(key);
    if (!target) return;
    if (args.delete_original === true) {
      this.remove(target.userId, target.messageTs);
      return;
    }
    if (args.replace_original === true && target.messageTs !== undefined) {
      this.edit(target.userId, target.messageTs, args);
      return;
    }
    // Slack's default for a response_url is ephemeral: only the person who acted sees it.
    this.person(target.userId).messages.push(this.message(this.nextEphemeralTs(), args, args.response_type !== 'in_channel'));
  }

  /**
   * What the app answered this person's submission of the modal on top with: nothing (it closes),
   * `clear` (all close), `update` (the top one is replaced), `push` (one more) or `errors` (shown inline).
   */
  applySubmissionAnswer(userId: string, answer: unknown): void {
    const modals = this.person(userId).modals;
    const body = isObject(answer) ? answer : {};
    const top = modals.at(-1);
    switch (body.response_action) {
      case 'clear':
        modals.length = 0;
        return;
      case 'update':
        if (top && isObject(body.view)) Object.assign(top, { view: body.view, errors: {} });
        return;
      case 'push':
        if (isObject(body.view)) modals.push({ id: `${top?.id ?? 'V'}+${modals.length}`, view: body.view, errors: {}, state: {} });
        return;
      case 'errors':
        if (top && isObject(body.errors)) top.errors = Object.fromEntries(Object.entries(body.errors).filter((e): e is [string, string] => typeof e[1] === 'string'));
        return;
      default:
        modals.pop();
    }
  }

  /** What the person has typed and chosen in one of their open modals, before an action or a submission. */
  typed(userId: string, viewId: string, values: ViewStateValues): void {
    const shown = this.person(userId).modals.find((m) => m.id === viewId);
    if (shown) shown.state = values;
  }

  /** The person closed the modal on top (Cancel, or Escape). */
  closeModal(userId: string): void {
    this.person(userId).modals.pop();
  }

  private message(ts: string, args: Json, ephemeral: boolean): ShownMessage {
    return { ts, from: 'app', text: str(args.text) ?? '', blocks: blocksOf(args), ephemeral, edited: false, replies: [] };
  }

  private nextEphemeralTs(): string {
    this.ephemeralSeq += 1;
    return `ephemeral.${String(this.ephemeralSeq).padStart(6, '0')}`;
  }

  private viewId(answer: Json): string {
    return (isObject(answer.view) ? str(answer.view.id) : undefined) ?? `V${this.people.size}`;
  }

  /** A message in this person's DM edited: as a thread reply and as its copy in the DM, if it has one. */
  private edit(userId: string, ts: string | undefined, args: Json): void {
    if (ts === undefined) return;
    for (const message of this.person(userId).messages) {
      for (const shown of [message, ...message.replies]) {
        if (shown.ts === ts) Object.assign(shown, { text: str(args.text) ?? '', blocks: blocksOf(args), edited: true });
      }
    }
  }

  private remove(userId: string, ts: string | undefined): void {
    if (ts === undefined) return;
    const seen = this.person(userId);
    seen.messages = seen.messages.filter((m) => m.ts !== ts);
    for (const message of seen.messages) message.replies = message.replies.filter((r) => r.ts !== ts);
  }
}
