import { renderBlocks, type RenderContext } from '../simulator/render/blocks.js';
import { escapeHtml, renderMrkdwn } from '../simulator/render/mrkdwn.js';
import type { ShownMessage, WhatPeopleSee } from '../simulator/what-people-see.js';

// The demo page (issue 18): the five people side by side, each with their Home tab, their DM with the app
// (threads, edits, ephemeral notes) and any open modal, drawn from the app's Block Kit; a box for /peer
// commands and a box to write a DM. Semantic HTML, readable without its script; the script only sends
// what the person did to the demo server (POST /act) and reloads.

export interface DemoPerson {
  id: string;
  name: string;
  role: string;
}

/** A modal's `title`, `close` or `submit` words, or Slack's default. */
function viewText(text: unknown, fallback: string): string {
  return typeof text === 'object' && text !== null && 'text' in text ? String((text as { text: unknown }).text) : fallback;
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
        <h3 id="${escapeHtml(person.id)}-modal-title">${escapeHtml(viewText(top.view.title, 'Modal'))}${sees.modals.length > 1 ? ` <span class="tag">${sees.modals.length} open</span>` : ''}</h3>
        <form class="modal-form" data-kind="submit">${renderBlocks(Array.isArray(top.view.blocks) ? top.view.blocks : [], { ...ctx(`v${top.id}`), state: top.state, errors: top.errors })}
          <div class="modal-buttons"><button type="button" data-kind="close">${escapeHtml(viewText(top.view.close, 'Cancel'))}</button>${top.view.submit ? `<button type="submit" class="primary">${escapeHtml(viewText(top.view.submit, 'Submit'))}</button>` : ''}</div>
        </form>
      </div>`
    : '';
  return `<section class="person" data-person="${escapeHtml(person.id)}" aria-labelledby="${escapeHtml(person.id)}-name">
    <h2 id="${escapeHtml(person.id)}-name">${escapeHtml(person.name)} <span class="role">${escapeHtml(person.role)}</span></h2>
    ${modal}
    <details class="home" id="${escapeHtml(person.id)}-home"><summary>Home tab</summary>${home}</details>
    <h3>Messages with Peer Support</h3>
    ${messages}
    <form data-kind="dm"><label for="${escapeHtml(person.id)}-dm">Write to Peer Support</label><input id="${escapeHtml(person.id)}-dm" name="text" autocomplete="off"><button type="submit">Send</button></form>
    <form data-kind="command"><label for="${escapeHtml(person.id)}-command">/peer</label><input id="${escapeHtml(person.id)}-command" name="text" placeholder="help" autocomplete="off"><button type="submit">Run</button></form>
  </section>`;
}

/** The simulated people's timezone (the simulator's default), as Slack would show a time to them. */
const SHOWN_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

/** `version` counts what people have been shown so far: the page reloads itself when it moves on. */
export function renderPage(people: readonly DemoPerson[], seen: WhatPeopleSee, base: Omit<RenderContext, 'idPrefix'>, now: Date, version: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Peer Support for Slack: demo</title><style>${STYLE}</style></head>
<body><header><h1>Peer Support for Slack <span class="role">demo, no Slack needed</span></h1>
<p>Five colleagues in a simulated workspace. Everything below is the real app's messages, Home tabs and forms. App time: <time datetime="${now.toISOString()}">${escapeHtml(SHOWN_TIME.format(now))}</time>
<button type="button" id="later">One day later</button></p>
<details class="guide" id="guide" open><summary>How to try it</summary><ol>
<li><strong>Dana</strong> (coordinator) runs <code>/peer setup</code>, fills in the form and invites <strong>Kim</strong> as HR viewer; Kim accepts.</li>
<li><strong>Alex</strong> and <strong>Jo</strong> run <code>/peer listen</code> to volunteer as listeners.</li>
<li><strong>Sam</strong> runs <code>/peer request</code> (or just writes to Peer Support) and asks for a listener.</li>
<li>The listener offered the conversation presses <strong>Accept</strong>; then Sam and the listener write to each other, each seeing only the other's pseudonym.</li>
<li><strong>One day later</strong> brings the check-ins; <strong>Kim</strong> runs <code>/peer insights</code> for anonymous counts and a chart.</li>
</ol></details></header>
<main class="people">${people.map((p) => renderPerson(p, seen, base)).join('')}</main>
<script>const SHOWN=${version};${SCRIPT}</script></body></html>`;
}

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f4f4f6;color:#1d1c1d}
header{padding:12px 16px;background:#3f0e40;color:#fff}header .role{color:#e9dbe9}header h1{margin:0;font-size:1.3em}header p{margin:.3em 0 0}.guide{margin-top:.4em}.guide ol{margin:.3em 0;padding-left:1.4em}.guide code{background:#ffffff22;padding:0 .2em;border-radius:3px}
.people{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:10px;padding:10px}
.person{background:#fff;border-radius:8px;padding:10px;box-shadow:0 1px 3px #0002;min-width:0}
.person h2{font-size:1.05em;margin:0 0 .4em}.role{font-weight:normal;color:#616061;font-size:.85em}
.person h3{font-size:.9em;margin:.8em 0 .3em}.empty{color:#616061}
.dm,.thread ol{list-style:none;padding:0;margin:0}.msg{border-top:1px solid #eee;padding:6px 0}.from-person{background:#eef6ff}
.ephemeral{background:#fffbe6}.who{font-weight:600;font-size:.85em}.tag{font-weight:normal;color:#616061;font-size:.8em;margin-left:.3em}
.modal{border:2px solid #1264a3;border-radius:8px;padding:8px;margin-bottom:8px;background:#fff}
.bk-button,button{border:1px solid #bbb;background:#fff;border-radius:4px;padding:4px 10px;margin:2px;font:inherit;cursor:pointer}
.bk-primary,button.primary{background:#007a5a;color:#fff;border-color:#007a5a}.bk-danger{background:#e01e5a;color:#fff;border-color:#e01e5a}
.bk-section{display:flex;gap:8px;justify-content:space-between}.bk-body{min-width:0;flex:1}.bk-fields{display:grid;grid-template-columns:1fr 1fr;gap:4px}
.bk-context{color:#616061;font-size:.85em}.bk-image-img{max-width:100%}.bk-input-block{margin:6px 0}.bk-label{display:block;font-weight:600}
.bk-input,.bk-select{width:100%;box-sizing:border-box;font:inherit}.bk-hint{color:#616061;font-size:.85em}.bk-error{color:#e01e5a;font-weight:600}
.bk-header{margin:.4em 0}p{margin:.2em 0}form{margin-top:6px}form label{display:block;font-size:.85em}
a{color:#1264a3}:focus-visible{outline:3px solid #1264a3;outline-offset:1px}
.person{overflow-wrap:anywhere}.person pre{overflow-x:auto;max-width:100%;background:#f8f8f8;padding:4px;font-size:.85em}
form[data-kind=dm],form[data-kind=command]{display:flex;flex-wrap:wrap;gap:2px 4px;align-items:center}
form[data-kind=dm] label,form[data-kind=command] label{flex-basis:100%}form[data-kind=dm] input,form[data-kind=command] input{flex:1;min-width:0;font:inherit;padding:3px}
`;

// The page's whole script: what the person did goes to the demo server, then the page reloads.
const SCRIPT = `
// Reloading keeps the place: scroll position, the focused box, which Home tabs are open.
function keep(){sessionStorage.setItem('demo-scroll',String(scrollY));const a=document.activeElement;sessionStorage.setItem('demo-focus',a&&a.id?a.id:'');}
function opened(){try{return new Set(JSON.parse(sessionStorage.getItem('demo-open')||'[]'));}catch{return new Set();}}
for(const d of document.querySelectorAll('details[id]'))if(opened().has(d.id))d.open=true;
document.addEventListener('toggle',e=>{const d=e.target;if(!(d instanceof HTMLDetailsElement)||!d.id)return;const o=opened();d.open?o.add(d.id):o.delete(d.id);sessionStorage.setItem('demo-open',JSON.stringify([...o]));},true);
scrollTo(0,Number(sessionStorage.getItem('demo-scroll')||0));
{const f=sessionStorage.getItem('demo-focus');const el=f&&document.getElementById(f);if(el)el.focus({preventScroll:true});}
let busy=false;
const fieldValue=e=>e.type==='checkbox'||e.type==='radio'?String(e.checked):e.tagName==='SELECT'?[...e.selectedOptions].map(o=>o.value).join(' '):e.value;
const asLoaded=new Map([...document.querySelectorAll('input,textarea,select')].map(e=>[e,fieldValue(e)]));
function changed(){return [...asLoaded].some(([e,v])=>fieldValue(e)!==v);}
async function act(body){busy=true;document.body.setAttribute('aria-busy','true');const r=await fetch('/act',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});if(!r.ok)alert(await r.text());keep();location.reload();}
// Something new for someone (an offer, a check-in): reload, unless a box holds something not sent yet.
setInterval(async()=>{if(busy||changed())return;try{const v=Number(await (await fetch('/version')).text());if(v!==SHOWN&&!busy&&!changed()){keep();location.reload();}}catch{}},1500);
// Opening the Home tab is what Slack tells the app as app_home_opened.
document.addEventListener('click',e=>{const s=e.target.closest('details.home>summary');if(s&&!s.parentElement.open)setTimeout(()=>act({person:person(s),kind:'home'}),0);});
function where(el){const s=el.closest('[data-surface]');return s?{surface:s.dataset.surface,ts:s.dataset.ts,viewId:s.dataset.viewId}:{};}
function person(el){return el.closest('[data-person]').dataset.person;}
function confirmed(el){if(!el.dataset.confirm)return true;const c=JSON.parse(el.dataset.confirm);return window.confirm((c.title?c.title+'\\n\\n':'')+c.text);}
function fields(el){const f=el.closest('form.modal-form');return f?[...f.querySelectorAll('.bk-input-block')].map(b=>{const c=b.querySelector('[data-action-id]');const t=c.dataset.type;
  const vals=t==='checkboxes'||t==='radio_buttons'?[...b.querySelectorAll('input:checked')].map(i=>i.value):c.multiple?[...c.selectedOptions].map(o=>o.value):[c.value];
  return{blockId:c.dataset.blockId,actionId:c.dataset.actionId,type:t,values:vals};}):undefined;}
document.addEventListener('click',e=>{const b=e.target.closest('button[data-action-id]');if(!b)return;e.preventDefault();if(!confirmed(b))return;
 act({person:person(b),kind:'action',where:where(b),blockId:b.dataset.blockId,actionId:b.dataset.actionId,value:b.dataset.value,fields:fields(b)});});
document.addEventListener('change',e=>{const s=e.target.closest('select[data-action-id]');if(!s||s.closest('.bk-input-block'))return;
 act({person:person(s),kind:'action',where:where(s),blockId:s.dataset.blockId,actionId:s.dataset.actionId,selected:s.value,fields:fields(s)});});
document.addEventListener('submit',e=>{const f=e.target;e.preventDefault();const p=person(f);const kind=f.dataset.kind;
 if(kind==='submit'){act({person:p,kind:'submit',fields:fields(f)});return;}
 act({person:p,kind,text:f.elements.text.value});});
document.addEventListener('click',e=>{const b=e.target.closest('button[data-kind="close"]');if(b)act({person:person(b),kind:'close'});});
document.getElementById('later').addEventListener('click',()=>act({kind:'later'}));
`;
