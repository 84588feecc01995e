import nock from 'nock';
import { SLACK_API } from '../support/in-process-app.js';

// Slack's Web API for the authorization matrix: one persistent nock scope that answers every method
// the way Slack would (enough for the app to carry on) and records every call with its arguments, so
// a cell can say who was addressed and what the acting person was shown.

export interface SlackCall {
  /** A Web API method (`chat.postMessage`), `response_url` for `respond()`, or `file_upload`. */
  method: string;
  args: Record<string, unknown>;
}

export interface SlackRecorder {
  readonly calls: SlackCall[];
  /** Forget the calls recorded so far. */
  reset(): void;
  /** Stop intercepting. */
  done(): void;
}

export const BOT_USER_ID = 'U0BOT00001';

/** Form fields as Slack's client sends them: nested values (blocks, view) are JSON text. */
function parseBody(body: unknown): Record<string, unknown> {
  let fields: Record<string, unknown>;
  if (typeof body === 'string') {
    const trimmed = body.trim();
    if (trimmed.startsWith('{')) {
      try {
        fields = JSON.parse(trimmed) as Record<string, unknown>;
      } catch {
        fields = { raw: body };
      }
    } else {
      fields = Object.fromEntries(new URLSearchParams(body));
    }
  } else if (typeof body === 'object' && body !== null) {
    fields = { ...(body as Record<string, unknown>) };
  } else {
    fields = {};
  }
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        fields[key] = JSON.parse(value) as unknown;
      } catch {
        // Text that merely starts with a bracket stays text.
      }
    }
  }
  return fields;
}

export function recordSlack(options: { teamId: string; admins: readonly string[]; owners: readonly string[] }): SlackRecorder {
  const calls: SlackCall[] = [];
  let ts = 1_800_000_000;
  const nextTs = () => `${(ts += 1)}.000100`;
  const scope = nock(SLACK_API)
    .persist()
    .post(() => true)
    .reply((uri, requestBody) => {
      const path = uri.split('?')[0]!;
      const args = parseBody(requestBody);
      if (path.startsWith('/response/')) {
        calls.push({ method: 'response_url', args });
        return [200, 'ok'];
      }
      if (path.startsWith('/upload/')) {
        calls.push({ method: 'file_upload', args: { content: typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody) } });
        return [200, 'OK'];
      }
      const method = path.replace(/^\/api\//, '');
      calls.push({ method, args });
      const user = typeof args.user === 'string' ? args.user : '';
      switch (method) {
        case 'auth.test':
          return [200, { ok: true, user_id: BOT_USER_ID, bot_id: 'B0BOT00001', team_id: options.teamId }];
        case 'views.open':
        case 'views.update':
        case 'views.push':
        case 'views.publish':
          return [200, { ok: true, view: { id: typeof args.view_id === 'string' ? args.view_id : `V${nextTs().replace('.', '')}` } }];
        case 'chat.postMessage':
          return [200, { ok: true, channel: String(args.channel ?? ''), ts: nextTs(), message: { ts: 'x' } }];
        case 'chat.update':
          return [200, { ok: true, channel: String(args.channel ?? ''), ts: String(args.ts ?? '') }];
        case 'chat.postEphemeral':
          return [200, { ok: true, message_ts: nextTs() }];
        case 'conversations.open':
          return [200, { ok: true, channel: { id: `D${String(args.users ?? '')}` } }];
        case 'users.info':
          return [
            200,
            {
              ok: true,
              user: {
                id: user,
                team_id: options.teamId,
                tz: 'Europe/London',
                is_admin: options.admins.includes(user),
                is_owner: options.owners.includes(user),
                is_primary_owner: false,
                is_bot: false,
                deleted: false,
              },
            },
          ];
        case 'files.getUploadURLExternal': {
          const id = `F${nextTs().replace('.', '')}`;
          return [200, { ok: true, upload_url: `${SLACK_API}/upload/${id}`, file_id: id }];
        }
        case 'files.completeUploadExternal':
          return [200, { ok: true, files: [{ id: 'F0UPLOADED', title: 'file' }] }];
        default:
          return [200, { ok: true }];
      }
    });
  return {
    calls,
    reset: () => {
      calls.length = 0;
    },
    done: () => {
      scope.persist(false);
      nock.cleanAll();
    },
  };
}

/** The Slack user a call is addressed to: whose DM, Home tab or reaction it touches; null for none. */
export function addresseeOf(call: SlackCall, actor: string): string | null {
  const userOfChannel = (channel: unknown) => {
    if (typeof channel !== 'string' || channel === '') return null;
    // DM channels in the matrix world are `D<user id>`; a bare user id opens the DM.
    return channel.startsWith('D') ? channel.slice(1) : channel;
  };
  switch (call.method) {
    case 'response_url':
    case 'views.open':
    case 'views.update':
    case 'views.push':
      // Only the person who acted holds the trigger, the response_url or the open modal.
      return actor;
    case 'views.publish':
      return typeof call.args.user_id === 'string' ? call.args.user_id : null;
    case 'chat.postEphemeral':
      return typeof call.args.user === 'string' ? call.args.user : null;
    case 'chat.postMessage':
    case 'chat.update':
    case 'chat.delete':
    case 'reactions.add':
    case 'reactions.remove':
      return userOfChannel(call.args.channel);
    case 'files.completeUploadExternal':
      return userOfChannel(call.args.channel_id);
    case 'conversations.open':
      return typeof call.args.users === 'string' ? call.args.users : null;
    default:
      return null;
  }
}
