// The demo admin form: create a Yeastar P-Series message channel.
//
// Which fields a kind has, which are required (and when), the values a select offers, the
// credential keys of each provider and how each is encoded all come from the library
// (`describe`, `kinds`); this file decides layout, and i18n.js the wording. Every change
// builds the whole payload and validates it; an issue shows beside its field once the field
// has been touched or a submit was tried.

import { validate, describe, kinds, encodeSecret, normalizePhone, version } from 'channel-rules';
import { $, h, bind as bindField, toucher, select, nextId, page, setupLocale, setRequired, showIssues, radiogroup, renderJson, MASK, normaliseOnBlur, advice, inputOf } from './ui.js';

const TARGET = 'yeastar.message_channel.create';
const KINDS = kinds();
const t = () => page.t;

// Top-level fields by card; anything the rules add later lands in "Sessions & delivery".
const SECTION_OF = { name: 'channel', webhook_url_type: 'channel', phone_number_id: 'account', business_account_id: 'account' };

// Countries offered for reading national numbers (`(212) 555-1234`): presentation only;
// the numbering rules are the library's (`normalizePhone`). The browser's own region is
// added when the metadata has it.
const REGIONS = ['US', 'CA', 'GB', 'AU', 'BR', 'CN', 'DE', 'ES', 'FR', 'IN', 'IT', 'MX', 'NL', 'SG', 'ZA'];
const knownRegion = (r) => {
  try {
    normalizePhone('', r);
    return true;
  } catch {
    return false;
  }
};
const browserRegion = (() => {
  const r = /-([A-Z]{2})\b/.exec(globalThis.navigator?.language ?? '')?.[1];
  return r && knownRegion(r) ? r : '';
})();

// ---- Reading FieldInfo ------------------------------------------------------------------

const checkOf = (info, kind) => info?.checks.find((c) => c.check === kind);
const choices = (info) => checkOf(info, 'one_of')?.allowed ?? null;
const isFlag = (info) => {
  const allowed = checkOf(info, 'integer')?.allowed;
  return info?.type === 'integer' && allowed?.length === 2 && allowed.includes(0) && allowed.includes(1);
};
const encodes = (checks) => checks.some((c) => c.check === 'base64');
const holds = (when, obj) => !!when && obj && when.is.some((v) => obj[when.field] === v);
const isRequired = (info, obj) => info.required || holds(info.required_when, obj);
const isIgnored = (info, obj) => !!info.ignored_for_kind || holds(info.ignored_when, obj);

// ---- State ------------------------------------------------------------------------------

let uid = 0;
const newMember = () => ({ uid: ++uid, type: '', value: '' });
const newDid = () => ({ uid: ++uid, did_number: '', destination_type: '', destination_id: '', members: [] });

const state = {
  family: 'sms',
  channel: '',
  values: {}, // top-level fields by name, as typed (flags: 0 or 1)
  creds: {}, // raw credential values by key, as typed
  dids: [],
  touched: new Set(),
  tried: false, // a submit was tried: every issue shows
  showAll: false,
  region: browserRegion, // default country for national DID numbers ('' for none)
  submitted: false,
};

let fields = []; // describe() of the current kind
let byPointer = {};
let bindings = new Map(); // pointer -> binding (a field or a container on the page)
let accountIndex = []; // /account_data/<i> -> credential key, for the last payload built

const touch = toucher(() => state.touched, () => refresh());

/** A field, registered so issues at `pointer` show beside it. */
const bind = (opts) => bindField(bindings, { ...opts, touch });

/** A container (a card, a routing rule): shows the issues at its pointer; with `key`, once that key is touched. */
function container(pointer, el, issuesEl, name, key) {
  bindings.set(pointer, { pointer, wrapper: el, issues: issuesEl, container: true, name, key, shown: [] });
}

function input({ type = 'text', value = '', placeholder, oninput, mono, autocomplete = 'off', inputmode }) {
  return h('input', {
    type, value, placeholder, inputmode, autocomplete, spellcheck: 'false',
    class: `input${mono ? ' mono' : ''}`, oninput,
  });
}

// ---- Rendering ---------------------------------------------------------------------------

let familyDid = null; // a routing rule's did_number as every kind of the family checks it

function describeKind() {
  fields = describe(TARGET, state.channel ? { channel: state.channel } : undefined);
  byPointer = Object.fromEntries(fields.map((f) => [f.pointer, f]));
  // Before a provider is chosen the rules know no kind, yet the family already says what a
  // DID is (an E.164 number for SMS and WhatsApp, a page id for Facebook): the field is
  // shown, worded and normalised as the family's kinds check it.
  const kindsOf = KINDS.filter((k) => k.family === state.family);
  const dids = kindsOf.map((k) => describe(TARGET, { channel: k.id }).find((f) => f.pointer === '/dids/-/did_number'));
  familyDid = dids.every((d) => !!checkOf(d, 'e164') === !!checkOf(dids[0], 'e164')) ? dids[0] : null;
}

/** Whether a routing rule's did_number is a phone number (E.164), by the kind or its family. */
const didIsPhone = (info) => !!checkOf(info, 'e164') || (!state.channel && !!checkOf(familyDid, 'e164'));

/** Renders everything below the form's static shell for the current kind and locale. */
function render() {
  describeKind();
  bindings = new Map();
  container('', $('#form'), $('#form-issues'), t().ui.payload);
  renderChannel();
  renderAccount();
  renderSettings();
  renderDids();
  $('#version').textContent = t().ui.version(version());
  refresh();
}

function topLevel(section) {
  return fields.filter(
    (f) =>
      f.path.length === 1 &&
      !['channel', 'account_data', 'dids', 'id'].includes(f.pointer.slice(1)) &&
      (SECTION_OF[f.path[0]] ?? 'settings') === section,
  );
}

/** A control for one top-level field, by what the rules say its value is. */
function scalarField(info) {
  const name = info.path[0];
  const set = (v) => {
    if (v === '' || v === undefined) delete state.values[name];
    else state.values[name] = v;
    refresh();
  };
  const common = {
    pointer: info.pointer, key: name, name: t().label(name),
    visible: (doc) => !isIgnored(info, doc),
    required: (doc) => isRequired(info, doc),
  };
  if (isFlag(info)) {
    const box = h('input', { type: 'checkbox', role: 'switch', class: 'switch', onchange: (e) => set(e.target.checked ? 1 : 0) });
    box.checked = state.values[name] === 1;
    return bind({ ...common, control: box, inline: true, wide: true, hint: t().hint(name) });
  }
  const allowed = choices(info);
  const base64 = encodes(info.checks);
  const control = allowed
    ? select(allowed, state.values[name], (e) => set(e.target.value))
    : input({
        value: state.values[name] ?? '',
        inputmode: info.type === 'integer' ? 'numeric' : undefined,
        mono: base64 || checkOf(info, 'digits'),
        oninput: (e) => set(e.target.value),
      });
  return bind({ ...common, control, hint: base64 ? t().ui.secretHint : t().hint(name), unit: t().unit(name) });
}

function renderChannel() {
  const box = $('#channel-fields');
  const families = [...new Set(KINDS.map((k) => k.family))];
  const familyLabel = (f) => (f === 'sms' ? t().value(f) : KINDS.find((k) => k.family === f).label);
  const choose = (family, byKey) => {
    if (family === state.family && !byKey) return;
    state.family = family;
    const ofFamily = KINDS.filter((k) => k.family === family);
    state.channel = ofFamily.length === 1 ? ofFamily[0].id : ofFamily.some((k) => k.id === state.channel) ? state.channel : '';
    state.submitted = false;
    render();
    if (byKey) document.querySelector(`[role=radio][data-value="${family}"]`)?.focus();
  };
  const segmented = radiogroup({
    label: t().ui.kind,
    options: families.map((f) => ({ value: f, text: familyLabel(f) })),
    checked: state.family,
    onchoose: choose,
  });
  for (const b of segmented.children) b.dataset.family = b.dataset.value;
  segmented.id = 'kind';

  const items = [];
  const [name, ...rest] = topLevel('channel');
  if (name) items.push(scalarField(name));
  const kindIssues = h('ul', { class: 'issues' });
  const kindLabel = nextId('kind-label');
  segmented.removeAttribute('aria-label');
  segmented.setAttribute('aria-labelledby', kindLabel);
  const kindField = h('div', { class: 'field', dataset: { key: 'kind' } },
    h('span', { class: 'label', id: kindLabel }, h('span', {}, t().ui.kind)), segmented, kindIssues);
  items.push(kindField);
  const ofFamily = KINDS.filter((k) => k.family === state.family);
  if (ofFamily.length > 1) {
    const provider = h('select', {
      class: 'input', id: 'provider',
      onchange: (e) => {
        state.channel = e.target.value;
        state.touched.add('channel');
        state.submitted = false;
        render();
        $('#provider').focus();
      },
    }, h('option', { value: '' }, t().ui.chooseProvider), ofFamily.map((k) => h('option', { value: k.id }, k.label)));
    provider.value = state.channel;
    items.push(bind({
      pointer: '/channel', key: 'channel', name: t().ui.provider, control: provider,
      hint: t().ui.providerHint, required: () => true,
    }));
  } else {
    // A single-kind family: the kind is the channel; issues about it show by the switch.
    container('/channel', kindField, kindIssues, t().ui.kind);
  }
  for (const info of rest) items.push(scalarField(info));
  box.replaceChildren(h('div', { class: 'grid grid-2' }, items));
}

function renderAccount() {
  const box = $('#account-fields');
  const info = byPointer['/account_data'];
  const list = info?.keyed_list;
  const issues = h('ul', { class: 'issues' });
  // Without a kind, "credentials are required" says no more than "choose a provider".
  container('/account_data', $('#section-account'), issues, t().label('account_data'), state.channel ? undefined : 'channel');
  if (!state.channel || !list || list.open) {
    box.replaceChildren(h('div', { class: 'empty' }, h('p', {}, t().ui.noProvider)), issues);
    return;
  }
  const kind = KINDS.find((k) => k.id === state.channel);
  const items = list.keys.map((key) => credentialField(key, list.secret));
  for (const f of topLevel('account')) items.push(scalarField(f));
  const req = list.keys.filter((k) => k.required).length;
  box.replaceChildren(
    h('p', { class: 'section-note' }, t().ui.credCount(kind.label, req, list.keys.length - req)),
    h('div', { class: 'grid' }, items),
    issues);
}

function credentialField(key, secret) {
  const base64 = encodes(key.checks);
  const url = key.checks.some((c) => c.check === 'https_url');
  const name = t().label(key.key);
  const control = input({
    type: base64 ? 'password' : url ? 'url' : 'text',
    value: state.creds[key.key] ?? '',
    placeholder: url ? 'https://' : undefined,
    mono: base64 || url,
    autocomplete: base64 ? 'new-password' : 'off',
    oninput: (e) => {
      state.creds[key.key] = e.target.value;
      refresh();
    },
  });
  let wrap = control;
  if (base64) {
    const reveal = h('button', {
      type: 'button', class: 'reveal', 'aria-label': t().ui.showLabel(name), 'aria-pressed': 'false',
      onclick: () => {
        const show = control.type === 'password';
        control.type = show ? 'text' : 'password';
        reveal.textContent = show ? t().ui.hide : t().ui.show;
        reveal.setAttribute('aria-pressed', String(show));
      },
    }, t().ui.show);
    wrap = h('div', { class: 'secret' }, control, reveal);
  }
  const node = bind({
    pointer: `/account_data#${key.key}`,
    key: `cred:${key.key}`,
    name,
    control: wrap,
    hint: base64 ? t().ui.secretHint : url ? t().ui.urlHint : secret ? t().ui.plainHint : '',
    required: () => key.required,
  });
  node.dataset.cred = key.key;
  return node;
}

function renderSettings() {
  const items = topLevel('settings').map(scalarField);
  $('#section-settings').hidden = items.length === 0;
  $('#settings-fields').replaceChildren(h('div', { class: 'grid' }, items));
}

function renderDids() {
  const box = $('#dids');
  const list = byPointer['/dids'];
  $('#section-dids').hidden = !list;
  if (!list) return;
  const sectionIssues = h('ul', { class: 'issues' });
  container('/dids', $('#section-dids'), sectionIssues, t().label('dids'));
  const itemFields = fields.filter((f) => f.path.length === 3 && f.path[0] === 'dids' && f.path[1] === '-');
  const e164 = itemFields.some((f) => f.path[2] === 'did_number' && didIsPhone(f));
  const regions = [...new Set([browserRegion, state.region, ...REGIONS].filter(Boolean))];
  const regionSelect = h('select', {
    class: 'input', id: 'region', 'aria-describedby': 'region-hint',
    onchange: (e) => {
      state.region = e.target.value;
      refresh();
    },
  }, h('option', { value: '' }, t().ui.regionNone),
  regions.map((r) => h('option', { value: r }, `${t().regionName(r)} (${r})`)));
  regionSelect.value = state.region;
  const regionRow = e164
    ? h('div', { class: 'region-row' },
        h('label', { for: 'region', class: 'label' }, h('span', {}, t().ui.region)),
        regionSelect,
        h('p', { class: 'hint', id: 'region-hint' }, t().ui.regionHint))
    : null;
  if (state.dids.length === 0) {
    box.replaceChildren(sectionIssues, h('div', { class: 'empty' },
      h('p', {}, t().ui.noRules),
      h('p', { class: 'muted' }, t().ui.noRulesNote)));
    return;
  }
  box.replaceChildren(regionRow ?? '', sectionIssues, ...state.dids.map((did, i) => didCard(did, i, itemFields)));
}

function didCard(did, i, itemFields) {
  const at = `/dids/${i}`;
  const cardIssues = h('ul', { class: 'issues' });
  const remove = h('button', {
    type: 'button', class: 'btn btn-ghost btn-small', 'aria-label': t().ui.removeRule(i + 1),
    onclick: () => {
      state.dids.splice(i, 1);
      render();
      $('#add-did').focus();
    },
  }, t().ui.remove);
  const grid = h('div', { class: 'grid' });
  let membersBlock = null;
  for (const info of itemFields) {
    const name = info.path[2];
    if (name === 'id') continue;
    if (info.type === 'array') {
      membersBlock = membersEditor(did, i, info);
      continue;
    }
    const pointer = `${at}/${name}`;
    const allowed = choices(info);
    const onValue = (v) => {
      did[name] = v;
      refresh();
    };
    const e164 = name === 'did_number' && didIsPhone(info);
    const control = allowed
      ? select(allowed, did[name], (e) => onValue(e.target.value))
      : input({
          value: did[name] ?? '',
          mono: true,
          inputmode: e164 ? 'tel' : checkOf(info, 'digits') ? 'numeric' : undefined,
          placeholder: e164 ? '+12125551234' : checkOf(info, 'digits') ? '1234567890' : undefined,
          oninput: (e) => onValue(e.target.value),
        });
    if (e164) normaliseOnBlur(control, () => state.region, onValue);
    grid.append(bind({
      pointer, key: `did:${did.uid}:${name}`, name: t().label(name), control, phone: !!e164,
      hint: name === 'did_number' ? t().hint(e164 ? 'did_number' : state.channel || familyDid ? 'facebook_did' : 'did_any') : t().hint(name),
      visible: (doc) => !isIgnored(info, doc.dids?.[i]),
      required: (doc) => isRequired(info, doc.dids?.[i]),
    }));
  }
  const card = h('article', { class: 'rule', dataset: { pointer: at }, 'aria-labelledby': `rule-${did.uid}` },
    h('header', { class: 'rule-head' }, h('h3', { id: `rule-${did.uid}` }, t().ui.rule(i + 1)), remove),
    cardIssues, grid, membersBlock);
  container(at, card, cardIssues, t().ui.rule(i + 1), `did:${did.uid}:did_number`);
  return card;
}

function membersEditor(did, i, info) {
  const at = `/dids/${i}/members`;
  const memberFields = fields.filter((f) => f.pointer.startsWith('/dids/-/members/-/') && f.path.length === 5);
  const issues = h('ul', { class: 'issues' });
  const rows = did.members.map((m, j) => {
    const cells = memberFields.map((mf) => {
      const name = mf.path[4];
      const allowed = choices(mf);
      const onValue = (v) => {
        m[name] = v;
        refresh();
      };
      const control = allowed
        ? select(allowed, m[name], (e) => onValue(e.target.value), t().ui.chooseType)
        : input({ value: m[name] ?? '', mono: true, inputmode: 'numeric', placeholder: 'ID', oninput: (e) => onValue(e.target.value) });
      return bind({
        pointer: `${at}/${j}/${name}`, key: `member:${m.uid}:${name}`, name: t().label(name), control,
        required: () => mf.required,
      });
    });
    const del = h('button', {
      type: 'button', class: 'btn btn-ghost btn-small btn-icon', 'aria-label': t().ui.removeMember(j + 1),
      onclick: () => {
        did.members.splice(j, 1);
        render();
        // The focus goes to the row that took this one's place, else to "Add member".
        const next = document.querySelector(`[data-pointer="${at}/${j}"] select`) ?? document.querySelector(`[data-pointer="${at}/${j - 1}"] select`);
        (next ?? document.querySelector(`[data-members="${at}"] .btn-link`))?.focus();
      },
    }, '✕');
    const row = h('div', { class: 'member', dataset: { pointer: `${at}/${j}` } }, cells, del);
    container(`${at}/${j}`, row, h('ul', { class: 'issues' }), `${t().ui.rule(i + 1)} · ${t().ui.member(j + 1)}`, `member:${m.uid}:type`);
    return row;
  });
  const add = h('button', {
    type: 'button', class: 'btn btn-link',
    onclick: () => {
      did.members.push(newMember());
      render();
      document.querySelector(`[data-pointer="${at}/${did.members.length - 1}"] select`)?.focus();
    },
  }, `+ ${t().ui.addMember}`);
  const block = h('div', { class: 'members', dataset: { members: at } },
    h('div', { class: 'members-head' }, h('span', { class: 'label' }, h('span', {}, t().label('members')), h('span', { class: 'badge' }, t().ui.optional)),
      h('span', { class: 'hint' }, t().ui.membersHint)),
    issues, rows, add);
  container(at, block, issues, `${t().ui.rule(i + 1)} · ${t().label('members')}`, `did:${did.uid}:did_number`);
  return block;
}

// ---- The payload ------------------------------------------------------------------------

/** Builds the request body from what is typed, as the vendor wants it. */
function buildPayload() {
  const doc = {};
  accountIndex = [];
  for (const info of fields.filter((f) => f.path.length === 1)) {
    const name = info.path[0];
    if (name === 'channel') {
      if (state.channel) doc.channel = state.channel;
    } else if (name === 'account_data') {
      const keys = info.keyed_list?.keys ?? [];
      const items = [];
      for (const key of keys) {
        const raw = state.creds[key.key];
        if (raw === undefined || raw === '') continue;
        accountIndex.push(key.key);
        items.push({ k: key.key, v: encodes(key.checks) ? encodeSecret(raw) : raw });
      }
      if (items.length > 0 || keys.some((k) => k.required)) doc.account_data = items;
    } else if (name === 'dids') {
      if (state.dids.length > 0) doc.dids = state.dids.map(didPayload);
    } else if (name in state.values) {
      doc[name] = scalarValue(info, state.values[name]);
    }
  }
  // Drop what the vendor ignores (hidden on the page), now that the siblings are known.
  for (const info of fields.filter((f) => f.path.length === 1)) {
    if (info.path[0] in doc && isIgnored(info, doc)) delete doc[info.path[0]];
  }
  return doc;
}

function scalarValue(info, v) {
  if (info.type === 'integer' && typeof v === 'string') return /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (info.type === 'string' && encodes(info.checks)) return encodeSecret(v);
  return v;
}

function didPayload(did) {
  const item = {};
  const itemFields = fields.filter((f) => f.path.length === 3 && f.path[0] === 'dids');
  for (const info of itemFields) {
    const name = info.path[2];
    if (info.type === 'array') {
      if (did.members.length > 0) {
        item[name] = did.members.map((m) => {
          const out = {};
          if (m.type) out.type = m.type;
          if (m.value !== '') out.value = m.value;
          return out;
        });
      }
    } else if (did[name] !== undefined && did[name] !== '') {
      item[name] = did[name];
    }
  }
  for (const info of itemFields) {
    if (info.path[2] in item && isIgnored(info, item)) delete item[info.path[2]];
  }
  return item;
}

/** The payload with every encoded credential masked, for the preview. */
function masked(doc) {
  if (!Array.isArray(doc.account_data)) return doc;
  const list = byPointer['/account_data']?.keyed_list;
  const encoded = new Set((list?.keys ?? []).filter((k) => encodes(k.checks)).map((k) => k.key));
  const secret = list?.secret ?? true;
  return { ...doc, account_data: doc.account_data.map(({ k, v }) => ({ k, v: secret && encoded.has(k) ? MASK : v })) };
}

// ---- Issues -----------------------------------------------------------------------------

/** The binding an issue belongs to: its field, else the nearest container above it. */
function placeOf(issue) {
  const p = issue.pointer;
  if (p === '/account_data' && typeof issue.params.key === 'string' && bindings.has(`/account_data#${issue.params.key}`)) {
    return bindings.get(`/account_data#${issue.params.key}`);
  }
  const m = /^\/account_data\/(\d+)(?:\/|$)/.exec(p);
  if (m && accountIndex[Number(m[1])] && bindings.has(`/account_data#${accountIndex[Number(m[1])]}`)) {
    return bindings.get(`/account_data#${accountIndex[Number(m[1])]}`);
  }
  let at = p;
  for (;;) {
    if (bindings.has(at)) return bindings.get(at);
    if (at === '') return null;
    at = at.slice(0, at.lastIndexOf('/'));
  }
}

/** Whether a binding's issues show: touched, a submit tried, or "show all". */
const showing = (b) => state.tried || state.showAll || (b.key ? state.touched.has(b.key) : !!b.container);

let lastReport = { valid: false, issues: [] };

/** Validates the whole payload and shows the result everywhere. */
function refresh() {
  const doc = buildPayload();
  const report = validate(TARGET, doc, { locale: page.t.locale });
  lastReport = report;

  for (const b of bindings.values()) {
    b.shown = [];
    if (b.visible) b.wrapper.hidden = !b.visible(doc);
    if (b.required && b.badge) setRequired(b, b.required(doc));
  }
  const placed = report.issues.map((issue, n) => ({ issue, binding: placeOf(issue), n }));
  for (const { issue, binding } of placed) binding?.shown.push(issue);
  for (const b of bindings.values()) {
    b.visibleIssues = showing(b) ? b.shown : [];
    showIssues(b, b.visibleIssues, state.region);
  }
  $('#form-issues').hidden = (bindings.get('')?.visibleIssues.length ?? 0) === 0;
  // The summary reads in page order (the report is in document order, where a missing
  // member comes after the members present), and lists only what shows beside a field.
  const sorted = placed
    .filter(({ binding }) => !binding || binding.visibleIssues.length > 0)
    .sort((x, y) => {
      const a = x.binding?.wrapper;
      const b = y.binding?.wrapper;
      if (a === b || !a || !b || a.contains(b) || b.contains(a)) return x.n - y.n;
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  renderStatus(report, sorted);
  renderJson($('#preview'), masked(doc));
}

function renderStatus(report, shown) {
  const ui = t().ui;
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const shownErrors = shown.filter((s) => s.issue.severity === 'error').length;
  const shownWarnings = shown.length - shownErrors;
  const status = $('#status');
  // Errors nobody has reached yet are not red: they are what is left to fill in.
  const pristine = errors > 0 && shownErrors === 0;
  status.className = `status ${pristine ? 'status-neutral' : errors ? 'status-error' : warnings ? 'status-warning' : 'status-ok'}`;
  status.replaceChildren(
    h('span', { class: 'status-icon', 'aria-hidden': 'true' }, pristine ? '…' : errors ? '!' : warnings ? '▲' : '✓'),
    h('div', {},
      h('strong', {}, pristine ? ui.pristine : errors ? ui.errorsToFix(shownErrors) : ui.readyCreate),
      h('span', { class: 'muted' },
        pristine ? ` · ${ui.pristineNote}`
        : errors ? [shownWarnings ? ` · ${ui.warnings(shownWarnings)}` : '', errors > shownErrors ? ` · ${ui.hiddenErrors(errors - shownErrors)}` : '']
        : warnings ? ` · ${ui.warningsToReview(warnings)}` : ` · ${ui.noIssues}`)));
  // Disabled while an error remains (warnings never block), yet focusable and clickable:
  // a click then shows every issue, as trying to submit does in a form library.
  $('#submit').setAttribute('aria-disabled', String(errors > 0));
  $('#submitted').hidden = !(state.submitted && errors === 0);

  $('#summary').replaceChildren(...shown.map(({ issue, binding }) =>
    h('li', { class: `summary-item ${issue.severity}` },
      h('button', {
        type: 'button', class: 'summary-link',
        onclick: () => {
          if (!binding) return;
          binding.wrapper.scrollIntoView({ block: 'center', behavior: 'smooth' });
          (inputOf(binding.control) ?? binding.wrapper.querySelector('input,select,button'))?.focus({ preventScroll: true });
        },
      },
      h('span', { class: 'summary-where' }, where(binding, issue)),
      h('span', { class: 'summary-msg' }, advice(issue, binding?.name, binding?.phone ? binding.input?.value : undefined, state.region).message)))));
}

function where(binding, issue) {
  if (!binding) return issue.pointer || t().ui.payload;
  const rule = /^\/dids\/(\d+)/.exec(binding.pointer);
  const prefix = rule && !binding.container ? `${t().ui.rule(Number(rule[1]) + 1)} · ` : '';
  const member = /\/members\/(\d+)\//.exec(binding.pointer);
  return `${prefix}${member ? `${t().ui.member(Number(member[1]) + 1)} · ` : ''}${binding.name}`;
}

// ---- Start ------------------------------------------------------------------------------

$('#add-did').addEventListener('click', () => {
  state.dids.push(newDid());
  render();
  document.querySelector(`[data-pointer="/dids/${state.dids.length - 1}/did_number"] input`)?.focus();
});
$('#show-all').addEventListener('change', (e) => {
  state.showAll = e.target.checked;
  refresh();
});
$('#form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.tried = true;
  refresh();
  if (!lastReport.valid) {
    // The first field with an error takes the focus; the summary lists the rest.
    const first = [...bindings.values()].find((b) => !b.container && b.visibleIssues?.some((i) => i.severity === 'error'));
    (first?.input ?? $('#summary button'))?.focus();
    return;
  }
  state.submitted = true;
  const warnings = lastReport.issues.length;
  $('#submitted').replaceChildren(h('strong', {}, t().ui.created), t().ui.createdNote(warnings));
  refresh();
});
$('#form').addEventListener('input', () => {
  state.submitted = false;
});

setupLocale(render);
render();
$('#app').setAttribute('aria-busy', 'false');
document.documentElement.dataset.ready = 'true';
