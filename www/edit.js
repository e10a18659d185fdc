// The demo's edit page: change the routing rules of an existing Yeastar message channel.
//
// An update replaces what it leaves out, so the page never writes the body itself: it
// keeps what the admin changed (`changes`: only the members edited, `{ id, delete: true }`
// for a rule to delete, `null` for a member to clear) and asks the library for the whole
// body (`completeUpdate(current, changes)`), whose report lists, before Save, every rule the
// update deletes (`update.removes_item`) and every member it clears (`update.clears_field`).
// The body in the preview is the body Save sends.

import { completeUpdate, describe, kinds, version } from 'channel-rules';
import { $, h, bind as bindField, toucher, select, page, setupLocale, setRequired, showIssues, renderJson, advice, inputOf, normaliseOnBlur } from './ui.js';

const TARGET = 'yeastar.message_channel.update';
const EXAMPLE = '/examples/current-sms.json';
const t = () => page.t;
const RULE_FIELDS = ['did_number', 'destination_type', 'destination_id'];

const checkOf = (info, kind) => info?.checks.find((c) => c.check === kind);
const choices = (info) => checkOf(info, 'one_of')?.allowed ?? null;
const holds = (when, obj) => !!when && obj && when.is.some((v) => obj[when.field] === v);

let uid = 0;
const state = {
  current: null, // the channel as the PBX returned it
  name: '',
  rules: [], // { uid, id, orig, did_number, destination_type, destination_id, members, deleted }
  touched: new Set(),
  tried: false,
  confirmed: false,
  sent: null,
  loadError: null, // the UI string key of why the last paste did not load
};
let fields = [];
let byPointer = {};
let bindings = new Map();
let last = { payload: null, report: { valid: false, issues: [] }, error: null, changes: {} };

// ---- Loading ----------------------------------------------------------------------------

const member = (m) => ({ uid: ++uid, orig: !!m, type: typeof m?.type === 'string' ? m.type : '', value: typeof m?.value === 'string' ? m.value : '' });
const text = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Starts editing `channel` (an object as the PBX returns it), or says why it cannot. */
function load(channel) {
  const refuse = (key) => {
    state.loadError = key;
    $('#load-error').textContent = t().ui[key];
    return false;
  };
  if (channel === null || typeof channel !== 'object' || Array.isArray(channel)) return refuse('notObject');
  if (channel.id === undefined) return refuse('noId');
  state.loadError = null;
  state.current = channel;
  state.name = text(channel.name);
  state.rules = (Array.isArray(channel.dids) ? channel.dids : []).map((d) => ({
    uid: ++uid,
    id: d?.id,
    orig: d,
    did_number: text(d?.did_number),
    destination_type: text(d?.destination_type),
    destination_id: text(d?.destination_id),
    members: Array.isArray(d?.members) ? d.members.map(member) : [],
    deleted: false,
  }));
  state.touched = new Set();
  state.tried = false;
  state.confirmed = false;
  state.sent = null;
  render();
  return true;
}

$('#load-example').addEventListener('click', async () => {
  const response = await fetch(EXAMPLE);
  load(await response.json());
  $('#paste').value = '';
});
$('#load-paste').addEventListener('click', () => {
  let channel;
  try {
    channel = JSON.parse($('#paste').value);
  } catch {
    state.loadError = 'notJson';
    $('#load-error').textContent = t().ui.notJson;
    $('#paste').setAttribute('aria-invalid', 'true');
    return;
  }
  $('#paste').setAttribute('aria-invalid', String(!load(channel)));
});

// ---- The changes ------------------------------------------------------------------------

const sameMembers = (a, b) =>
  JSON.stringify(a.map(({ type, value }) => [type, value])) === JSON.stringify((b ?? []).map((m) => [text(m?.type), text(m?.value)]));
const memberList = (r) => r.members.map(({ type, value }) => Object.fromEntries(Object.entries({ type, value }).filter(([, v]) => v !== '')));
const ignored = (name, rule) => holds(byPointer[`/dids/-/${name}`]?.ignored_when, rule);

/**
 * The current rule a new rule's number already belongs to, or undefined. completeUpdate
 * reads a rule without an id as an edit of the current rule with its did_number, so such a
 * rule is not sent: the page asks for that rule to be changed instead.
 */
const clashOf = (r) =>
  r.orig === null && r.did_number !== '' ? state.rules.find((x) => x.orig && text(x.orig.did_number) === r.did_number) : undefined;

/** A rule's title on the page ("Rule 2 · +442079460857", "New rule 1"). */
const titleOf = (r) => {
  const i = state.rules.indexOf(r);
  return r.orig ? t().ui.currentRule(i + 1, text(r.orig.did_number)) : t().ui.newRule(state.rules.filter((x) => !x.orig).indexOf(r) + 1);
};

/** What the admin changed, as `completeUpdate` takes it. */
function changes() {
  const ch = {};
  if (state.name !== text(state.current.name)) ch.name = state.name;
  const dids = [];
  for (const r of state.rules) {
    if (r.orig === null) {
      if (clashOf(r)) continue;
      const item = {};
      for (const f of RULE_FIELDS) if (r[f] !== '' && !ignored(f, r)) item[f] = r[f];
      if (r.members.length > 0 && hasMembers()) item.members = memberList(r);
      dids.push(item);
      continue;
    }
    if (r.deleted) {
      dids.push({ id: r.id, delete: true });
      continue;
    }
    const edit = {};
    for (const f of RULE_FIELDS) {
      const was = text(r.orig[f]);
      // A member the new destination ignores is cleared rather than sent unused.
      const now = ignored(f, r) ? '' : r[f];
      if (now !== was) edit[f] = now === '' ? null : now;
    }
    if (hasMembers() && !sameMembers(r.members, r.orig.members)) edit.members = r.members.length ? memberList(r) : null;
    if (Object.keys(edit).length > 0) dids.push({ id: r.id, ...edit });
  }
  if (dids.length > 0) ch.dids = dids;
  return ch;
}
const hasMembers = () => !!byPointer['/dids/-/members'];
const countChanges = (ch) => (ch.name !== undefined ? 1 : 0) + (ch.dids?.length ?? 0);

// ---- Rendering ---------------------------------------------------------------------------

const touch = toucher(() => state.touched, () => refresh());

/** A field, registered so issues at `pointer` show beside it. */
const bind = (opts) => bindField(bindings, { ...opts, touch });

function input(value, oninput, attrs = {}) {
  return h('input', { type: 'text', class: 'input mono', value, spellcheck: 'false', autocomplete: 'off', oninput, ...attrs });
}

/** Pointers of the body's rules: kept current rules in order, then the new ones sent. */
function bodyIndex() {
  const at = new Map();
  let n = 0;
  for (const r of state.rules) if (!r.deleted && !clashOf(r)) at.set(r.uid, n++);
  return at;
}
/** The body's rule `i` by its title on the page. */
const ruleName = (i) => {
  const index = bodyIndex();
  const r = state.rules.find((x) => index.get(x.uid) === i);
  return r ? titleOf(r) : t().ui.rule(i + 1);
};

function render() {
  const kind = typeof state.current?.channel === 'string' ? state.current.channel : undefined;
  fields = describe(TARGET, kind ? { channel: kind } : undefined);
  byPointer = Object.fromEntries(fields.map((f) => [f.pointer, f]));
  bindings = new Map();
  bindings.set('', { pointer: '', wrapper: $('#form'), issues: $('#form-issues'), container: true, name: t().ui.payload, shown: [] });
  $('#version').textContent = t().ui.version(version());
  $('#load-error').textContent = state.loadError ? t().ui[state.loadError] : '';
  const loaded = !!state.current;
  $('#section-channel').hidden = !loaded;
  $('#section-dids').hidden = !loaded;
  $('#loaded').textContent = loaded
    ? t().ui.loaded(text(state.current.name), text(state.current.id), kinds().find((k) => k.id === kind)?.label ?? kind ?? '?')
    : '';
  if (loaded) {
    renderChannel();
    renderRules();
  }
  refresh();
}

function renderChannel() {
  const name = input(state.name, (e) => {
    state.name = e.target.value;
    refresh();
  }, { class: 'input' });
  $('#channel-fields').replaceChildren(h('div', { class: 'grid' },
    bind({ pointer: '/name', key: 'name', name: t().label('name'), control: name, hint: t().hint('name'), required: () => true, prefilled: true })));
}

function renderRules() {
  const index = bodyIndex();
  const cards = state.rules.map((r, i) => ruleCard(r, i, index.get(r.uid) ?? `new:${r.uid}`));
  $('#dids').replaceChildren(...(cards.length ? cards : [h('div', { class: 'empty' }, h('p', {}, t().ui.noRules))]));
}

function ruleCard(r, i, at) {
  const title = titleOf(r);
  const cardIssues = h('ul', { class: 'issues' });
  const toggle = r.orig
    ? h('button', {
        // A toggle keeps its name; its state is aria-pressed (and the card's look).
        type: 'button', class: `btn btn-small ${r.deleted ? 'btn-secondary' : 'btn-ghost'}`, 'aria-pressed': String(r.deleted),
        dataset: { action: 'delete' },
        onclick: () => {
          r.deleted = !r.deleted;
          state.confirmed = false;
          render();
          document.querySelector(`[data-rule="${r.uid}"] [data-action=delete]`)?.focus();
        },
      }, t().ui.deleteRule)
    : h('button', {
        type: 'button', class: 'btn btn-ghost btn-small', 'aria-label': t().ui.removeNamed(title),
        onclick: () => {
          state.rules.splice(i, 1);
          render();
          $('#add-did').focus();
        },
      }, t().ui.remove);
  const head = h('header', { class: 'rule-head' }, h('h3', { id: `rule-${r.uid}` }, title), toggle);
  const card = h('article', { class: `rule${r.deleted ? ' rule-deleted' : ''}`, 'aria-labelledby': `rule-${r.uid}`, dataset: { rule: r.uid } }, head);
  if (r.deleted) {
    card.append(h('p', { class: 'deleted-note' }, t().ui.deleted));
    return card;
  }
  // A new rule that is not sent (its number is a current rule's) has no place in the body.
  const base = typeof at === 'number' ? `/dids/${at}` : at;
  card.dataset.pointer = base;
  const grid = h('div', { class: 'grid' });
  for (const name of RULE_FIELDS) {
    const info = byPointer[`/dids/-/${name}`];
    if (!info) continue;
    const onValue = (v) => {
      const clashed = !!clashOf(r);
      r[name] = v;
      state.confirmed = false;
      if (!!clashOf(r) === clashed) return refresh();
      // The rule joins or leaves the body: its pointers move, so the cards are drawn again.
      render();
      const el = document.querySelector(`[data-rule="${r.uid}"] [data-key="rule:${r.uid}:${name}"] input`);
      el?.focus();
      el?.setSelectionRange(el.value.length, el.value.length);
    };
    const allowed = choices(info);
    const e164 = !!checkOf(info, 'e164');
    const kindKnown = !!kinds().find((k) => k.id === state.current.channel);
    const control = allowed
      ? select(allowed, r[name], (e) => onValue(e.target.value))
      : input(r[name], (e) => onValue(e.target.value), { inputmode: e164 ? 'tel' : 'numeric' });
    if (e164) normaliseOnBlur(control, () => '', onValue);
    grid.append(bind({
      pointer: `${base}/${name}`, key: `rule:${r.uid}:${name}`, name: t().label(name), control, phone: e164,
      prefilled: !!r.orig,
      hint: name === 'did_number' ? t().hint(e164 ? 'did_number' : kindKnown ? 'facebook_did' : 'did_any') : t().hint(name),
      required: () => info.required || holds(info.required_when, r),
      visible: () => !ignored(name, r),
    }));
  }
  card.append(cardIssues, grid);
  if (hasMembers()) card.append(membersEditor(r, base, i));
  bindings.set(base, { pointer: base, wrapper: card, issues: cardIssues, container: true, name: title, shown: [] });
  return card;
}

function membersEditor(r, base, i) {
  const issues = h('ul', { class: 'issues' });
  const info = byPointer['/dids/-/members/-/type'];
  const rows = r.members.map((m, j) => {
    const cells = ['type', 'value'].map((name) => {
      const onValue = (v) => {
        m[name] = v;
        state.confirmed = false;
        refresh();
      };
      const control = name === 'type'
        ? select(choices(info) ?? [], m.type, (e) => onValue(e.target.value), t().ui.chooseType)
        : input(m.value, (e) => onValue(e.target.value), { inputmode: 'numeric', placeholder: 'ID' });
      return bind({ pointer: `${base}/members/${j}/${name}`, key: `member:${m.uid}:${name}`, name: t().label(name), control, required: () => true, prefilled: m.orig });
    });
    const del = h('button', {
      type: 'button', class: 'btn btn-ghost btn-small btn-icon', 'aria-label': t().ui.removeMember(j + 1),
      onclick: () => {
        r.members.splice(j, 1);
        state.confirmed = false;
        render();
        // The focus goes to the row that took this one's place, else to "Add member".
        const next = document.querySelector(`[data-pointer="${base}/members/${j}"] select`) ?? document.querySelector(`[data-pointer="${base}/members/${j - 1}"] select`);
        (next ?? document.querySelector(`[data-rule="${r.uid}"] .members .btn-link`))?.focus();
      },
    }, '✕');
    return h('div', { class: 'member', dataset: { pointer: `${base}/members/${j}` } }, cells, del);
  });
  const add = h('button', {
    type: 'button', class: 'btn btn-link',
    onclick: () => {
      r.members.push(member());
      render();
      document.querySelector(`[data-pointer="${base}/members/${r.members.length - 1}"] select`)?.focus();
    },
  }, `+ ${t().ui.addMember}`);
  const block = h('div', { class: 'members' },
    h('div', { class: 'members-head' }, h('span', { class: 'label' }, h('span', {}, t().label('members'))), h('span', { class: 'hint' }, t().ui.membersHint)),
    issues, rows, add);
  bindings.set(`${base}/members`, { pointer: `${base}/members`, wrapper: block, issues, container: true, name: t().label('members'), shown: [] });
  return block;
}

// ---- Issues and the body ----------------------------------------------------------------

function placeOf(issue) {
  let at = issue.pointer;
  for (;;) {
    if (bindings.has(at)) return bindings.get(at);
    if (at === '') return null;
    at = at.slice(0, at.lastIndexOf('/'));
  }
}

const HAZARDS = ['update.removes_item', 'update.clears_field'];
/**
 * Whether a binding's issues show: what came from the PBX (a current rule's fields, the
 * name) at once, since they hold values already; a new field once touched; all on a tried
 * save. Containers show theirs at once.
 */
const showing = (b) => state.tried || b.prefilled || (b.key ? state.touched.has(b.key) : !!b.container);

/** The page's own errors: a new rule whose number a current rule has (see clashOf). */
function clashes() {
  return state.rules.filter(clashOf).map((r) => {
    const owner = clashOf(r);
    return {
      binding: bindings.get(`new:${r.uid}/did_number`),
      issue: { pointer: '', severity: 'error', code: owner.deleted ? 'edit.did_deleted' : 'edit.did_taken', params: { rule: titleOf(owner) }, message: '' },
    };
  });
}

function refresh() {
  if (!state.current) {
    last = { payload: null, report: { valid: false, issues: [] }, error: null, changes: {}, shown: [] };
    renderSide();
    return;
  }
  const ch = changes();
  try {
    const { payload, report } = completeUpdate(state.current, ch, { locale: page.t.locale });
    last = { payload, report, error: null, changes: ch };
  } catch (e) {
    last = { payload: null, report: { valid: false, issues: [] }, error: e.message, changes: ch };
  }
  for (const b of bindings.values()) {
    b.shown = [];
    if (b.visible) b.wrapper.hidden = !b.visible();
    if (b.required && b.badge) setRequired(b, b.required());
  }
  const own = clashes();
  // A rule to delete is named in the sidebar's list, and its card says so already.
  for (const issue of last.report.issues) if (issue.code !== 'update.removes_item') placeOf(issue)?.shown.push(issue);
  for (const { binding, issue } of own) binding?.shown.push(issue);
  last.shown = [];
  for (const b of bindings.values()) {
    b.visibleIssues = showing(b) ? b.shown : [];
    showIssues(b, b.visibleIssues, '', ruleName);
    for (const issue of b.visibleIssues) if (!HAZARDS.includes(issue.code)) last.shown.push({ issue, binding: b });
  }
  last.errors = last.report.issues.filter((i) => i.severity === 'error').length + own.length;
  renderSide();
}

function hazards() {
  return last.report.issues.filter((i) => HAZARDS.includes(i.code)).map((i) => {
    if (i.code === 'update.removes_item') return { issue: i, text: t().ui.hazardRemoves(i.params.name ?? '?', i.params.id ?? '?') };
    const rule = /^\/dids\/(\d+)/.exec(i.pointer);
    const did = rule ? text(last.payload?.dids?.[Number(rule[1])]?.did_number) : '';
    return { issue: i, text: t().ui.hazardClears(t().label(i.params.field), did) };
  });
}

/** Where a binding is, for the summary: its rule's title, then its label. */
const whereOf = (b) => {
  const rule = b?.wrapper.closest('article.rule')?.querySelector('h3')?.textContent;
  return rule && !b.container ? `${rule} · ${b.name}` : b?.name ?? '';
};

function renderSide() {
  const ui = t().ui;
  const list = hazards();
  const loaded = !!state.current;
  const errors = last.errors ?? 0;
  const shown = last.shown ?? [];
  const shownErrors = shown.filter((s) => s.issue.severity === 'error').length;
  const shownWarnings = shown.length - shownErrors;
  const count = countChanges(last.changes);
  $('#hazards').hidden = !loaded;
  $('#hazard-list').replaceChildren(...list.map(({ issue, text: s }) =>
    h('li', { class: 'hazard', dataset: { code: issue.code, pointer: issue.pointer } }, s)));
  $('#hazards-none').hidden = list.length > 0;
  $('#confirm-row').hidden = list.length === 0;
  $('#confirm').checked = state.confirmed;
  const status = $('#status');
  const unconfirmed = list.length > 0 && !state.confirmed;
  if (!loaded) {
    status.className = 'status status-neutral';
    status.replaceChildren(h('span', { class: 'status-icon', 'aria-hidden': 'true' }, '…'), h('div', {}, h('strong', {}, ui.loadCard)));
  } else if (last.error) {
    // The library's reason (in English): the page keeps a new rule from clashing with a
    // current one, so this is not expected.
    status.className = 'status status-error';
    status.replaceChildren(h('span', { class: 'status-icon', 'aria-hidden': 'true' }, '!'),
      h('div', {}, h('strong', {}, ui.refused), h('span', { class: 'muted' }, ` · ${last.error}`)));
  } else {
    const pending = errors > 0 && shownErrors === 0;
    const [kind, icon, title] =
      errors > 0 ? (pending ? ['neutral', '…', ui.fixRules] : ['error', '!', ui.errorsToFix(shownErrors)])
      : count === 0 ? ['neutral', '…', ui.changesCount(0)]
      : unconfirmed ? ['warning', '▲', ui.confirmHazards]
      : shownWarnings ? ['warning', '▲', ui.readySave]
      : ['ok', '✓', ui.readySave];
    status.className = `status status-${kind}`;
    status.replaceChildren(
      h('span', { class: 'status-icon', 'aria-hidden': 'true' }, icon),
      h('div', {},
        h('strong', {}, title),
        h('span', { class: 'muted' }, count ? ` · ${ui.changesCount(count)}` : '', shownWarnings ? ` · ${ui.warnings(shownWarnings)}` : '')));
  }
  const blocked = !loaded || !!last.error || errors > 0 || count === 0 || unconfirmed;
  $('#submit').setAttribute('aria-disabled', String(blocked));
  $('#changes-count').textContent = loaded ? ui.changesCount(count) : '';
  $('#summary').replaceChildren(...(state.tried ? shown.filter((s) => s.issue.severity === 'error') : []).map(({ issue, binding: b }) =>
    h('li', { class: `summary-item ${issue.severity}` },
      h('button', {
        type: 'button', class: 'summary-link',
        onclick: () => (inputOf(b?.control) ?? b?.wrapper.querySelector('input,select,button'))?.focus(),
      }, h('span', { class: 'summary-where' }, whereOf(b)),
      h('span', { class: 'summary-msg' }, advice(issue, b?.name, b?.phone ? b.input?.value : undefined, '', ruleName).message)))));
  $('#sent').hidden = !state.sent;
  if (state.sent) renderJson($('#sent-body'), state.sent);
  renderJson($('#preview'), last.payload ?? {});
}

// ---- Start ------------------------------------------------------------------------------

$('#add-did').addEventListener('click', () => {
  state.rules.push({ uid: ++uid, id: undefined, orig: null, did_number: '', destination_type: '', destination_id: '', members: [], deleted: false });
  render();
  document.querySelector(`[data-rule="${state.rules.at(-1).uid}"] input`)?.focus();
});
$('#confirm').addEventListener('change', (e) => {
  state.confirmed = e.target.checked;
  renderSide();
});
$('#form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.tried = true;
  state.sent = null;
  refresh();
  if ($('#submit').getAttribute('aria-disabled') === 'true') {
    const first = [...bindings.values()].find((b) => !b.container && b.visibleIssues?.some((i) => i.severity === 'error'));
    (first?.input ?? (!$('#confirm-row').hidden ? $('#confirm') : null))?.focus();
    return;
  }
  // What Save sends is the body in the preview: completeUpdate's.
  state.sent = last.payload;
  renderSide();
});
$('#form').addEventListener('input', (e) => {
  if (e.target.id !== 'paste') state.sent = null;
});

setupLocale(render);
render();
$('#app').setAttribute('aria-busy', 'false');
document.documentElement.dataset.ready = 'true';
