import { renderBlocks, type RenderContext } from '../simulator/render/blocks.js';
import { escapeHtml, renderMrkdwn } from '../simulator/render/mrkdwn.js';
import type { ShownMessage, ShownView, WhatPeopleSee } from '../simulator/what-people-see.js';

// The demo page (issue 18): the five people side by side, each with their Home tab, their DM with the app
// (threads, edits, ephemeral notes) and any open modal, drawn from the app's Block Kit; a box for /peer
// commands and a box to write a DM. Semantic HTML, readable without its script; the script only sends
// what the person did to the demo server (POST /act) and reloads.

export interface DemoPerson {
  id: string;
  name: string;
  role: string;
}

function title(view: ShownView): string {
  const t = view.view.title;
  return typeof t === 'object' && t !== null && 'text' in t ? String((t as { text: unknown }).text) : 'Modal';
}

function renderMessage(message: ShownMessage, ctx: RenderContext): string {
  const body = message.blocks.length > 0 ? renderBlocks(message.blocks, ctx) : renderMrkdwn(message.text, ctx.nameOf);
  const marks = `${message.ephemeral ? '<span class="tag">Only visible to you</span>' : ''}${message.edited ? '<span class="tag">edited</span>' : ''}`;
  const thread =
    message.replies.length > 0
      ? `<details class="thread" open><summary>${message.replies.length} ${message.replies.length === 1 ? 'reply' : 'replies'}</summary><ol>${message.replies.map((r) => `<li class="msg from-${r.from}" data-surface="message" data-ts="${escapeHtml(r.ts)}">${renderMessage(r, ctx)}</li>`).join('')}</ol></details>`
      : '';
  const who = message.from === 'person' ? 'You' : 'Peer Support';
  return `<div class="who">${who} ${marks}</div><div class="body">${body}</div>${thread}`;
}

function renderPerson(person: DemoPerson, seen: WhatPeopleSee, base: Omit<RenderContext, 'idPrefix'>): string {
  const sees = seen.person(person.id);
  const ctx = (surface: string): RenderContext => ({ ...base, idPrefix: `${person.id}-${surface}` });
  const home = sees.home
    ? `<div data-surface="home" data-view-id="${escapeHtml(sees.home.id)}">${renderBlocks(Array.isArray(sees.home.view.blocks) ? sees.home.view.blocks : [], ctx('home'))}</div>`
    : '<p class="empty">Not opened yet.</p>';
  const messages =
    sees.messages.length > 0
      ? `<ol class="dm">${sees.messages.map((m) => `<li class="msg from-${m.from}${m.ephemeral ? ' ephemeral' : ''}" data-surface="message" data-ts="${escapeHtml(m.ts)}">${renderMessage(m, ctx(`m${m.ts}`))}</li>`).join('')}</ol>`
      : '<p class="empty">No messages yet.</p>';
  const top = sees.modals.at(-1);
  const modal = top
    ? `<div class="modal" role="dialog" aria-labelledby="${escapeHtml(person.id)}-modal-title" data-surface="modal" data-view-id="${escapeHtml(top.id)}">
        <h3 id="${escapeHtml(person.id)}-modal-title">${escapeHtml(title(top))}${sees.modals.length > 1 ? ` <span class="tag">${sees.modals.length} open</span>` : ''}</h3>
        <form class="modal-form" data-kind="submit">${renderBlocks(Array.isArray(top.view.blocks) ? top.view.blocks : [], ctx(`v${top.id}`))}
          ${Object.entries(top.errors).map(([block, error]) => `<p class="error" role="alert" data-error-for="${escapeHtml(block)}">${escapeHtml(error)}</p>`).join('')}
          <div class="modal-buttons"><button type="button" data-kind="close">Cancel</button>${top.view.submit ? `<button type="submit" class="primary">${escapeHtml(String((top.view.submit as { text?: unknown }).text ?? 'Submit'))}</button>` : ''}</div>
        </form>
      </div>`
    : '';
  return `<section class="person" data-person="${escapeHtml(person.id)}" aria-labelledby="${escapeHtml(person.id)}-name">
    <h2 id="${escapeHtml(person.id)}-name">${escapeHtml(person.name)} <span class="role">${escapeHtml(person.role)}</span></h2>
    ${modal}
    <details class="home"><summary>Home tab</summary>${home}</details>
    <h3>Messages with Peer Support</h3>
    ${messages}
    <form data-kind="dm"><label for="${escapeHtml(person.id)}-dm">Write to Peer Support</label><input id="${escapeHtml(person.id)}-dm" name="text" autocomplete="off"><button type="submit">Send</button></form>
    <form data-kind="command"><label for="${escapeHtml(person.id)}-command">/peer</label><input id="${escapeHtml(person.id)}-command" name="text" placeholder="help" autocomplete="off"><button type="submit">Run</button></form>
  </section>`;
}

export function renderPage(people: readonly DemoPerson[], seen: WhatPeopleSee, base: Omit<RenderContext, 'idPrefix'>, now: Date): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Peer Support for Slack: demo</title><style>${STYLE}</style></head>
<body><header><h1>Peer Support for Slack <span class="role">demo, no Slack needed</span></h1>
<p>Five colleagues in a simulated workspace. Everything below is the real app's messages, Home tabs and forms. App time: <time datetime="${now.toISOString()}">${escapeHtml(now.toUTCString())}</time>
<button type="button" id="later">One day later</button></p></header>
<main class="people">${people.map((p) => renderPerson(p, seen, base)).join('')}</main>
<script>${SCRIPT}</script></body></html>`;
}

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f4f4f6;color:#1d1c1d}
header{padding:12px 16px;background:#3f0e40;color:#fff}header h1{margin:0;font-size:1.3em}header p{margin:.3em 0 0}
.people{display:grid;grid-template-columns:repeat(auto-fit,minmax(250px,1fr));gap:10px;padding:10px}
.person{background:#fff;border-radius:8px;padding:10px;box-shadow:0 1px 3px #0002;min-width:0}
.person h2{font-size:1.05em;margin:0 0 .4em}.role{font-weight:normal;color:#616061;font-size:.85em}
.person h3{font-size:.9em;margin:.8em 0 .3em}.empty{color:#616061}
.dm,.thread ol{list-style:none;padding:0;margin:0}.msg{border-top:1px solid #eee;padding:6px 0}.from-person{background:#eef6ff}
.ephemeral{background:#fffbe6}.who{font-weight:600;font-size:.85em}.tag{font-weight:normal;color:#616061;font-size:.8em;margin-left:.3em}
.modal{border:2px solid #1264a3;border-radius:8px;padding:8px;margin-bottom:8px;background:#fff}
.bk-button,button{border:1px solid #bbb;background:#fff;border-radius:4px;padding:4px 10px;margin:2px;font:inherit;cursor:pointer}
.bk-primary,button.primary{background:#007a5a;color:#fff;border-color:#007a5a}.bk-danger{background:#e01e5a;color:#fff;border-color:#e01e5a}
.bk-section{display:flex;gap:8px;justify-content:space-between}.bk-fields{display:grid;grid-template-columns:1fr 1fr;gap:4px}
.bk-context{color:#616061;font-size:.85em}.bk-image-img{max-width:100%}.bk-input-block{margin:6px 0}.bk-label{display:block;font-weight:600}
.bk-input,.bk-select{width:100%;box-sizing:border-box;font:inherit}.bk-hint{color:#616061;font-size:.85em}.error{color:#e01e5a}
.bk-header{margin:.4em 0}p{margin:.2em 0}form{margin-top:6px}form label{display:block;font-size:.85em}
a{color:#1264a3}:focus-visible{outline:3px solid #1264a3;outline-offset:1px}
`;

// The page's whole script: what the person did goes to the demo server, then the page reloads.
const SCRIPT = `
async function act(body){const r=await fetch('/act',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});if(!r.ok)alert(await r.text());location.reload();}
function where(el){const s=el.closest('[data-surface]');return s?{surface:s.dataset.surface,ts:s.dataset.ts,viewId:s.dataset.viewId}:{};}
function person(el){return el.closest('[data-person]').dataset.person;}
function confirmed(el){if(!el.dataset.confirm)return true;const c=JSON.parse(el.dataset.confirm);return window.confirm((c.title?c.title+'\\n\\n':'')+c.text);}
document.addEventListener('click',e=>{const b=e.target.closest('button[data-action-id]');if(!b)return;e.preventDefault();if(!confirmed(b))return;
 act({person:person(b),kind:'action',where:where(b),blockId:b.dataset.blockId,actionId:b.dataset.actionId,value:b.dataset.value});});
document.addEventListener('change',e=>{const s=e.target.closest('select[data-action-id]');if(!s||s.closest('.bk-input-block'))return;
 act({person:person(s),kind:'action',where:where(s),blockId:s.dataset.blockId,actionId:s.dataset.actionId,selected:s.value});});
document.addEventListener('submit',e=>{const f=e.target;e.preventDefault();const p=person(f);const kind=f.dataset.kind;
 if(kind==='submit'){const fields=[...f.querySelectorAll('.bk-input-block')].map(b=>{const c=b.querySelector('[data-action-id]');const t=c.dataset.type;
  const vals=t==='checkboxes'||t==='radio_buttons'?[...b.querySelectorAll('input:checked')].map(i=>i.value):c.multiple?[...c.selectedOptions].map(o=>o.value):[c.value];
  return{blockId:c.dataset.blockId,actionId:c.dataset.actionId,type:t,values:vals};});act({person:p,kind:'submit',fields});return;}
 act({person:p,kind,text:f.elements.text.value});});
document.addEventListener('click',e=>{const b=e.target.closest('button[data-kind="close"]');if(b)act({person:person(b),kind:'close'});});
document.getElementById('later').addEventListener('click',()=>act({kind:'later'}));
`;
