// The demo admin form: create a Yeastar P-Series message channel.
//
// Which fields a kind has, which are required (and when), the values a select offers, the
// credential keys of each provider and how each is encoded all come from the library
// (`describe`, `kinds`); this file only decides layout and wording. Every change builds the
// whole payload, validates it, and puts each issue beside the field it is about.

import { validate, describe, kinds, locales, encodeSecret, normalizePhone, version } from 'channel-rules';

const TARGET = 'yeastar.message_channel.create';
const KINDS = kinds();

// ---- Wording (presentation only; the rules come from the library) -------------------------

const LABELS = {
  name: 'Channel name',
  webhook_url_type: 'Webhook URL type',
  channel: 'Provider',
  send_rate: 'Send rate',
  auto_close_session: 'Close inactive sessions',
  session_expired_time: 'Close after',
  enb_duplicate_active_session: 'Allow a second active session',
  accompanying_msg: 'Accompanying message',
  phone_number_id: 'Phone number ID',
  business_account_id: 'Business account ID',
  did_number: 'DID number',
  destination_type: 'Destination',
  destination_id: 'Destination ID',
  members: 'Members',
  type: 'Type',
  value: 'ID',
};
const HINTS = {
  name: 'Shown to agents in the inbox.',
  webhook_url_type: 'How the provider reaches the PBX.',
  send_rate: 'Messages per second.',
  session_expired_time: 'Days without activity.',
  auto_close_session: 'Ends a conversation after a period without messages.',
  enb_duplicate_active_session: 'Lets a contact open a new session while one is active.',
  accompanying_msg: 'Sent along with a file in a chat.',
  did_number: 'Full international number, for example +12125551234; a national number gets its international form offered.',
  phone_number_id: 'From the WhatsApp Business settings in Meta.',
  destination_id: 'The extension or queue number.',
};
const UNITS = { session_expired_time: 'days', send_rate: 'msg/s' };
const VALUE_LABELS = {
  fqdn: 'FQDN (domain name)',
  nat: 'NAT (public IP address)',
  extension: 'Extension',
  queue: 'Queue',
  api: 'API',
  ext_group: 'Extension group',
  organization: 'Organization',
};
const FAMILY_LABELS = { sms: 'SMS' };
const LOCALE_LABELS = { en: 'English', 'zh-CN': '简体中文', 'pt-BR': 'Português (Brasil)' };
const ACRONYMS = { api: 'API', url: 'URL', sid: 'SID', id: 'ID', sms: 'SMS' };
// Top-level fields by card; anything the rules add later lands in "Sessions & delivery".
const SECTION_OF = {
  name: 'channel',
  webhook_url_type: 'channel',
  phone_number_id: 'account',
  business_account_id: 'account',
};

const humanize = (key) =>
  key
    .split('_')
    .map((w, i) => ACRONYMS[w] ?? (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
const label = (name) => LABELS[name] ?? humanize(name);
/** The library's messages start in lower case (a CLI prints them after "pointer: error:"). */
const capital = (m) => (/^[a-z]/.test(m) ? m[0].toUpperCase() + m.slice(1) : m);
/** A doc line from the rules as a sentence. */
const sentence = (doc) => (doc ? `${doc[0].toUpperCase()}${doc.slice(1)}${doc.endsWith('.') ? '' : '.'}` : '');
const valueLabel = (v) => VALUE_LABELS[v] ?? humanize(String(v));

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
const regionName = (() => {
  const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;
  return (r) => names?.of(r) ?? r;
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
  showAll: false,
  locale: 'en',
  region: browserRegion, // default country for national DID numbers ('' for none)
  submitted: false,
};

let fields = []; // describe() of the current kind
let byPointer = {};
let bindings = new Map(); // pointer -> binding (a field or a container on the page)
let accountIndex = []; // /account_data/<i> -> credential key, for the last payload built

// ---- DOM helpers --------------------------------------------------------------------------

const $ = (sel) => document.querySelector(sel);
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
let idSeq = 0;
const nextId = (stem) => `${stem}-${++idSeq}`;

/**
 * A labelled field: registers a binding so issues at `pointer` show beside it.
 * `control` is the input (or a container of inputs); `key` is stable across re-renders
 * (it remembers whether the user has touched the field).
 */
function field({ pointer, key, name, control, info, hint, unit, visible, required, wide, inline }) {
  const id = control.id || (control.id = nextId('f'));
  const issues = h('ul', { class: 'issues', id: `${id}-issues` });
  const badge = h('span', { class: 'badge' });
  const title = h('label', { class: 'label', for: control.matches('input,select,textarea') ? id : null },
    h('span', {}, name), badge);
  const hintText = hint ?? HINTS[info?.path?.at(-1)] ?? '';
  control.setAttribute('aria-describedby', `${id}-issues`);
  const body = unit ? h('div', { class: 'with-unit' }, control, h('span', { class: 'unit' }, unit)) : control;
  const wrapper = h('div', { class: `field${wide ? ' wide' : ''}${inline ? ' inline' : ''}`, dataset: { pointer, key } },
    title, body, hintText ? h('p', { class: 'hint' }, hintText) : null, issues);
  const binding = { pointer, key, wrapper, issues, badge, control, visible, required, name, shown: [] };
  bindings.set(pointer, binding);
  // Typing into a field, or leaving it, makes its issues show. Capturing on the wrapper
  // marks it before the input's own handler validates.
  const mark = () => state.touched.add(key);
  wrapper.addEventListener('input', mark, true);
  wrapper.addEventListener('change', mark, true);
  wrapper.addEventListener('focusout', (e) => {
    if (state.touched.has(key) || wrapper.contains(e.relatedTarget)) return;
    mark();
    refresh();
  });
  return wrapper;
}

/**
 * A container (a card, a routing rule): its own issues are shown at once, or, with `key`,
 * once the field of that key has been touched.
 */
function container(pointer, el, issuesEl, name, key) {
  bindings.set(pointer, { pointer, wrapper: el, issues: issuesEl, container: true, name, key, shown: [] });
}

function input({ type = 'text', value = '', placeholder, oninput, mono, autocomplete = 'off', inputmode }) {
  return h('input', {
    type,
    value,
    placeholder,
    inputmode,
    autocomplete,
    spellcheck: 'false',
    class: `input${mono ? ' mono' : ''}`,
    oninput,
  });
}

function select(values, current, onchange, placeholder = 'Choose…') {
  const el = h('select', { class: 'input', onchange },
    h('option', { value: '' }, placeholder),
    values.map((v) => h('option', { value: v }, valueLabel(v))));
  el.value = current ?? '';
  return el;
}

// ---- Rendering ---------------------------------------------------------------------------

function renderLocale() {
  const el = $('#locale');
  el.replaceChildren(...locales().map((l) => h('option', { value: l }, LOCALE_LABELS[l] ?? l)));
  el.value = state.locale;
  el.addEventListener('change', () => {
    state.locale = el.value;
    refresh();
  });
}

function describeKind() {
  fields = describe(TARGET, state.channel ? { channel: state.channel } : undefined);
  byPointer = Object.fromEntries(fields.map((f) => [f.pointer, f]));
}

/** Renders everything below the form's static shell for the current kind. */
function render() {
  describeKind();
  bindings = new Map();
  container('', $('#form'), $('#form-issues'), 'Channel');
  renderChannel();
  renderAccount();
  renderSettings();
  renderDids();
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
  let control;
  if (isFlag(info)) {
    const box = h('input', { type: 'checkbox', role: 'switch', class: 'switch', onchange: (e) => set(e.target.checked ? 1 : 0) });
    box.checked = state.values[name] === 1;
    control = box;
    return field({
      pointer: info.pointer, key: name, name: label(name), control, info, inline: true, wide: true,
      hint: HINTS[name] ?? sentence(info.doc),
      visible: (doc) => !isIgnored(info, doc),
      required: (doc) => isRequired(info, doc),
    });
  }
  const allowed = choices(info);
  if (allowed) {
    control = select(allowed, state.values[name], (e) => set(e.target.value));
  } else {
    const base64 = encodes(info.checks);
    control = input({
      value: state.values[name] ?? '',
      inputmode: info.type === 'integer' ? 'numeric' : undefined,
      mono: base64 || checkOf(info, 'digits'),
      oninput: (e) => set(e.target.value),
    });
  }
  const base64 = encodes(info.checks);
  return field({
    pointer: info.pointer, key: name, name: label(name), control, info,
    hint: base64 ? 'Type it as issued; it is base64-encoded when sent.' : HINTS[name] ?? sentence(info.doc),
    unit: UNITS[name],
    visible: (doc) => !isIgnored(info, doc),
    required: (doc) => isRequired(info, doc),
  });
}

function renderChannel() {
  const box = $('#channel-fields');
  const families = [...new Set(KINDS.map((k) => k.family))];
  const familyLabel = (f) => FAMILY_LABELS[f] ?? KINDS.find((k) => k.family === f).label;
  const choose = (family) => {
    state.family = family;
    const ofFamily = KINDS.filter((k) => k.family === family);
    state.channel = ofFamily.length === 1 ? ofFamily[0].id : ofFamily.some((k) => k.id === state.channel) ? state.channel : '';
    state.submitted = false;
    render();
  };
  const segmented = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Kind' },
    families.map((f) =>
      h('button', {
        type: 'button', role: 'radio', class: 'segment',
        'aria-checked': String(state.family === f), dataset: { family: f },
        onclick: () => choose(f),
      }, familyLabel(f))));

  const items = [];
  const [name, ...rest] = topLevel('channel');
  if (name) items.push(scalarField(name));
  const kindIssues = h('ul', { class: 'issues' });
  const kindField = h('div', { class: 'field', dataset: { key: 'kind' } },
    h('span', { class: 'label' }, h('span', {}, 'Kind')), segmented, kindIssues);
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
    }, h('option', { value: '' }, 'Choose a provider…'), ofFamily.map((k) => h('option', { value: k.id }, k.label)));
    provider.value = state.channel;
    items.push(field({
      pointer: '/channel', key: 'channel', name: 'SMS provider', control: provider, info: byPointer['/channel'],
      hint: 'Its credential fields appear below.',
      required: () => true,
    }));
  } else {
    // A single-kind family: the kind is the channel; issues about it show by the switch.
    container('/channel', kindField, kindIssues, 'Kind');
  }
  for (const info of rest) items.push(scalarField(info));
  box.replaceChildren(h('div', { class: 'grid grid-2' }, items));
}

function renderAccount() {
  const box = $('#account-fields');
  const info = byPointer['/account_data'];
  const list = info?.keyed_list;
  const issues = h('ul', { class: 'issues' });
  // Without a kind, "account_data is required" says no more than "choose a provider".
  container('/account_data', $('#section-account'), issues, 'Credentials', state.channel ? undefined : 'channel');
  if (!state.channel || !list || list.open) {
    box.replaceChildren(h('div', { class: 'empty' },
      h('p', {}, 'Choose a provider to see the credentials it needs.')), issues);
    return;
  }
  const kind = KINDS.find((k) => k.id === state.channel);
  const items = list.keys.map((key) => credentialField(key, list.secret));
  for (const f of topLevel('account')) items.push(scalarField(f));
  box.replaceChildren(
    h('p', { class: 'section-note' }, `${kind.label} takes ${list.keys.filter((k) => k.required).length} required`,
      list.keys.some((k) => !k.required) ? ` and ${list.keys.filter((k) => !k.required).length} optional` : '',
      ' credential', list.keys.length === 1 ? '' : 's', '.'),
    h('div', { class: 'grid' }, items),
    issues);
}

function credentialField(key, secret) {
  const base64 = encodes(key.checks);
  const url = key.checks.some((c) => c.check === 'https_url');
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
      type: 'button', class: 'reveal', 'aria-label': `Show ${humanize(key.key)}`, 'aria-pressed': 'false',
      onclick: () => {
        const show = control.type === 'password';
        control.type = show ? 'text' : 'password';
        reveal.textContent = show ? 'Hide' : 'Show';
        reveal.setAttribute('aria-pressed', String(show));
      },
    }, 'Show');
    wrap = h('div', { class: 'secret' }, control, reveal);
    wrap.id = nextId('f');
    control.id = `${wrap.id}-input`;
  }
  const node = field({
    pointer: `/account_data#${key.key}`,
    key: `cred:${key.key}`,
    name: humanize(key.key),
    control: wrap,
    hint: base64 ? 'Base64-encoded when sent.' : url ? 'An https:// endpoint, sent as typed.' : secret ? 'Sent as typed.' : '',
    required: () => key.required,
  });
  node.dataset.cred = key.key;
  if (base64) node.querySelector('label').setAttribute('for', control.id);
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
  container('/dids', $('#section-dids'), sectionIssues, 'Routing rules');
  const itemFields = fields.filter((f) => f.path.length === 3 && f.path[0] === 'dids' && f.path[1] === '-');
  const e164 = itemFields.some((f) => f.path[2] === 'did_number' && checkOf(f, 'e164'));
  const regions = [...new Set([browserRegion, state.region, ...REGIONS].filter(Boolean))];
  const regionSelect = h('select', {
    class: 'input', id: 'region', 'aria-describedby': 'region-hint',
    onchange: (e) => {
      state.region = e.target.value;
      refresh();
    },
  }, h('option', { value: '' }, 'None: international numbers only'),
  regions.map((r) => h('option', { value: r }, `${regionName(r)} (${r})`)));
  regionSelect.value = state.region;
  const regionRow = e164
    ? h('div', { class: 'region-row' },
        h('label', { for: 'region', class: 'label' }, h('span', {}, 'Numbers typed without +')),
        regionSelect,
        h('p', { class: 'hint', id: 'region-hint' }, 'National numbers are read as numbers of this country, and offered in international form.'))
    : null;
  if (state.dids.length === 0) {
    box.replaceChildren(sectionIssues, h('div', { class: 'empty' },
      h('p', {}, 'No routing rules yet.'),
      h('p', { class: 'muted' }, 'Messages to numbers without a rule are not delivered to anyone on the PBX.')));
    return;
  }
  box.replaceChildren(regionRow ?? '', sectionIssues, ...state.dids.map((did, i) => didCard(did, i, itemFields)));
}

function didCard(did, i, itemFields) {
  const at = `/dids/${i}`;
  const cardIssues = h('ul', { class: 'issues' });
  const remove = h('button', {
    type: 'button', class: 'btn btn-ghost btn-small', 'aria-label': `Remove routing rule ${i + 1}`,
    onclick: () => {
      state.dids.splice(i, 1);
      render();
    },
  }, 'Remove');
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
    const e164 = checkOf(info, 'e164');
    const control = allowed
      ? select(allowed, did[name], (e) => onValue(e.target.value))
      : input({
          value: did[name] ?? '',
          mono: true,
          inputmode: e164 ? 'tel' : checkOf(info, 'digits') ? 'numeric' : undefined,
          placeholder: e164 ? '+12125551234' : checkOf(info, 'digits') ? '1234567890' : undefined,
          oninput: (e) => onValue(e.target.value),
        });
    grid.append(field({
      pointer, key: `did:${did.uid}:${name}`, name: label(name), control, info,
      hint: name === 'did_number' && !e164 ? 'The Facebook page ID.' : undefined,
      visible: (doc) => !isIgnored(info, doc.dids?.[i]),
      required: (doc) => isRequired(info, doc.dids?.[i]),
    }));
  }
  const card = h('article', { class: 'rule', dataset: { pointer: at } },
    h('header', { class: 'rule-head' }, h('h3', {}, `Rule ${i + 1}`), remove),
    cardIssues, grid, membersBlock);
  container(at, card, cardIssues, `Rule ${i + 1}`);
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
        ? select(allowed, m[name], (e) => onValue(e.target.value), 'Type…')
        : input({ value: m[name] ?? '', mono: true, inputmode: 'numeric', placeholder: 'ID', oninput: (e) => onValue(e.target.value) });
      return field({
        pointer: `${at}/${j}/${name}`, key: `member:${m.uid}:${name}`, name: label(name), control, info: mf,
        hint: '', required: () => mf.required,
      });
    });
    const del = h('button', {
      type: 'button', class: 'btn btn-ghost btn-small btn-icon', 'aria-label': `Remove member ${j + 1}`,
      onclick: () => {
        did.members.splice(j, 1);
        render();
      },
    }, '✕');
    const row = h('div', { class: 'member', dataset: { pointer: `${at}/${j}` } }, cells, del);
    container(`${at}/${j}`, row, h('ul', { class: 'issues' }), `Rule ${i + 1} · member ${j + 1}`);
    return row;
  });
  const add = h('button', {
    type: 'button', class: 'btn btn-link',
    onclick: () => {
      did.members.push(newMember());
      render();
      document.querySelector(`[data-pointer="${at}/${did.members.length - 1}"] select`)?.focus();
    },
  }, '+ Add member');
  const block = h('div', { class: 'members' },
    h('div', { class: 'members-head' }, h('span', { class: 'label' }, h('span', {}, 'Members'), h('span', { class: 'badge' }, 'optional')),
      h('span', { class: 'hint' }, sentence(info.doc))),
    issues, rows, add);
  container(at, block, issues, `Rule ${i + 1} · members`);
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

/** The payload with every credential masked, for the preview. */
function masked(doc) {
  if (!Array.isArray(doc.account_data)) return doc;
  const secret = byPointer['/account_data']?.keyed_list?.secret ?? true;
  const encoded = new Set((byPointer['/account_data']?.keyed_list?.keys ?? []).filter((k) => encodes(k.checks)).map((k) => k.key));
  return {
    ...doc,
    account_data: doc.account_data.map(({ k, v }) => ({ k, v: secret && encoded.has(k) ? MASK : v })),
  };
}
const MASK = '\u0000masked\u0000';

function renderPreview(doc) {
  const text = JSON.stringify(masked(doc), null, 2);
  const esc = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
  const html = esc(text).replace(
    /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g,
    (m, str, colon, lit, num) => {
      if (str && colon) return `<span class="j-key">${str}</span>${colon}`;
      if (str === `"${esc(JSON.stringify(MASK).slice(1, -1))}"`) return '<span class="j-mask" title="hidden: sent base64-encoded">"••••••••"</span>';
      if (str) return `<span class="j-str">${str}</span>`;
      if (lit) return `<span class="j-lit">${lit}</span>`;
      return `<span class="j-num">${num}</span>`;
    },
  );
  $('#preview').innerHTML = html;
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

/**
 * The number to offer for a malformed DID. When a country is chosen, the library reads the
 * text as it would be dialled there (`(212) 555-1234` in the US is +12125551234, where
 * only removing the separators would give +2125551234, another country's number), and that
 * reading is offered when it is a valid number. Otherwise the offer is the library's own
 * (`removed`): the text without its separators, given only when that is well-formed.
 */
function suggestedNumber(issue, binding) {
  if (issue.code !== 'phone.e164') return undefined;
  if (state.region) {
    const read = normalizePhone(binding?.control?.value ?? '', state.region);
    if (read.value !== undefined && read.issues.length === 0) return read.value;
  }
  return typeof issue.params.removed === 'string' ? issue.params.removed : undefined;
}

function issueItem(issue, binding) {
  const value = binding?.control?.matches?.('input') ? suggestedNumber(issue, binding) : undefined;
  const fix =
    value !== undefined
      ? h('button', {
          type: 'button', class: 'fix',
          onclick: () => {
            binding.control.value = value;
            binding.control.dispatchEvent(new Event('input', { bubbles: true }));
            binding.control.focus();
          },
        }, `Use ${value}`)
      : null;
  return h('li', { class: `issue ${issue.severity}`, dataset: { code: issue.code } },
    h('span', { class: 'issue-icon', 'aria-hidden': 'true' }, issue.severity === 'error' ? '!' : '▲'),
    h('span', { class: 'issue-text' }, h('span', { class: 'sr-only' }, `${issue.severity}: `), capital(issue.message)),
    fix);
}

let lastReport = { valid: false, issues: [] };

/** Validates the whole payload and shows the result everywhere. */
function refresh() {
  const doc = buildPayload();
  const report = validate(TARGET, doc, { locale: state.locale });
  lastReport = report;

  for (const b of bindings.values()) {
    b.shown = [];
    if (b.visible) b.wrapper.hidden = !b.visible(doc);
    if (b.required && b.badge) {
      const req = b.required(doc);
      b.badge.textContent = req ? 'required' : 'optional';
      b.badge.className = `badge${req ? ' badge-required' : ''}`;
    }
  }
  const placed = report.issues.map((issue) => ({ issue, binding: placeOf(issue) }));
  // The summary reads in page order (the report is in document order, where a missing
  // member comes after the members present).
  const order = (b) => (b ? b.wrapper : null);
  const sorted = placed
    .map((p, n) => ({ ...p, n }))
    .sort((x, y) => {
      const a = order(x.binding);
      const b = order(y.binding);
      if (a === b || !a || !b) return x.n - y.n;
      if (a.contains(b) || b.contains(a)) return x.n - y.n;
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  for (const { issue, binding } of placed) binding?.shown.push(issue);
  for (const b of bindings.values()) {
    const visible = (b.container && !b.key) || state.showAll || state.touched.has(b.key);
    const show = visible ? b.shown : [];
    b.issues.replaceChildren(...show.map((i) => issueItem(i, b)));
    b.issues.hidden = show.length === 0;
    if (!b.container) {
      b.wrapper.classList.toggle('has-error', show.some((i) => i.severity === 'error'));
      b.wrapper.classList.toggle('has-warning', show.length > 0 && show.every((i) => i.severity === 'warning'));
      const input = b.control?.matches?.('input,select') ? b.control : b.control?.querySelector?.('input,select');
      input?.setAttribute('aria-invalid', String(show.some((i) => i.severity === 'error')));
    }
  }
  $('#form-issues').hidden = bindings.get('')?.shown.length === 0;

  renderStatus(report, sorted);
  renderPreview(doc);
}

function renderStatus(report, placed) {
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const status = $('#status');
  status.className = `status ${errors ? 'status-error' : warnings ? 'status-warning' : 'status-ok'}`;
  status.replaceChildren(
    h('span', { class: 'status-icon', 'aria-hidden': 'true' }, errors ? '!' : warnings ? '▲' : '✓'),
    h('div', {},
      h('strong', {}, errors ? `${plural(errors, 'error')} to fix` : 'Ready to create'),
      h('span', { class: 'muted' }, errors
        ? warnings ? ` · ${plural(warnings, 'warning')}` : ''
        : warnings ? ` · ${plural(warnings, 'warning')} to review` : ' · no issues')));
  $('#submit').disabled = errors > 0;
  $('#submitted').hidden = !(state.submitted && errors === 0);

  $('#summary').replaceChildren(...placed.map(({ issue, binding }) =>
    h('li', { class: `summary-item ${issue.severity}` },
      h('button', {
        type: 'button', class: 'summary-link',
        onclick: () => {
          if (!binding) return;
          if (binding.key) state.touched.add(binding.key);
          refresh();
          binding.wrapper.scrollIntoView({ block: 'center', behavior: 'smooth' });
          (binding.control?.matches?.('input,select') ? binding.control : binding.wrapper.querySelector('input,select,button'))?.focus({ preventScroll: true });
        },
      },
      h('span', { class: 'summary-where' }, where(binding, issue)),
      h('span', { class: 'summary-msg' }, capital(issue.message))))));
}

function where(binding, issue) {
  if (!binding) return issue.pointer || 'payload';
  const rule = /^\/dids\/(\d+)/.exec(binding.pointer);
  const prefix = rule && !binding.container ? `Rule ${Number(rule[1]) + 1} · ` : '';
  const member = /\/members\/(\d+)\//.exec(binding.pointer);
  return `${prefix}${member ? `member ${Number(member[1]) + 1} · ` : ''}${binding.name}`;
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
  if (!lastReport.valid) return;
  state.submitted = true;
  const warnings = lastReport.issues.length;
  const box = $('#submitted');
  box.replaceChildren(
    h('strong', {}, 'Payload is valid.'),
    ` It is ready for POST /openapi/v1.0/message_channel/create${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'} to review)` : ''}. This demo sends nothing.`);
  refresh();
});
$('#form').addEventListener('input', () => {
  state.submitted = false;
});

renderLocale();
$('#version').textContent = `Checked in your browser by channel-rules ${version()} (WebAssembly). Nothing leaves this page.`;
render();
$('#app').setAttribute('aria-busy', 'false');
document.documentElement.dataset.ready = 'true';
