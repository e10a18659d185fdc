// What the create and edit pages share: building elements, the page locale, a labelled
// field with its issues (and the ARIA that ties them together), the wording of issues,
// phone-number advice, and the request-body preview.

import { locales, normalizePhone, phoneInfo } from 'channel-rules';
import { PAGE_LOCALES, pickLocale, wording } from './i18n.js';

export const $ = (sel) => document.querySelector(sel);

/** `h('input', { class: 'input', oninput }, ...children)`; `false`/`null` attributes are left out. */
export function h(tag, attrs = {}, ...children) {
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
export const nextId = (stem) => `${stem}-${++idSeq}`;

// ---- Locale ------------------------------------------------------------------------------

/** The page's locale: the browser's language by default, else the one chosen. */
export const page = {
  locale: pickLocale(globalThis.navigator?.languages ?? [globalThis.navigator?.language]),
  t: null,
};
page.t = wording(page.locale);

/**
 * Fills the language selector and calls `onchange` after the page locale changes. Static
 * text marked `data-t="key"` is set from the UI strings each time.
 */
export function setupLocale(onchange) {
  const el = $('#locale');
  const offered = PAGE_LOCALES.filter((l) => locales().includes(l));
  el.replaceChildren(...offered.map((l) => h('option', { value: l, lang: l }, nameOf(l))));
  el.value = page.locale;
  el.addEventListener('change', () => {
    page.locale = el.value;
    page.t = wording(page.locale);
    applyStatic();
    onchange();
  });
  applyStatic();
}
const nameOf = (l) => ({ en: 'English', 'zh-CN': '简体中文', 'pt-BR': 'Português (Brasil)' })[l] ?? l;

function applyStatic() {
  document.documentElement.lang = page.locale;
  for (const el of document.querySelectorAll('[data-t]')) {
    const v = page.t.ui[el.dataset.t];
    if (typeof v === 'string') el.textContent = v;
  }
  for (const el of document.querySelectorAll('[data-t-label]')) {
    const v = page.t.ui[el.dataset.tLabel];
    if (typeof v === 'string') el.setAttribute('aria-label', v);
  }
}

// ---- Fields ------------------------------------------------------------------------------

/** The input, select or textarea of a control (the control itself, or inside it). */
export const inputOf = (control) =>
  control?.matches?.('input,select,textarea') ? control : control?.querySelector?.('input,select,textarea');

/**
 * A labelled field. The label, the hint and the issue list are tied to the input itself
 * (`for`, `aria-describedby`), which also gets `required`/`aria-required` and
 * `aria-invalid` as the rules and the issues say. `visible(doc)` and `required(doc)` are
 * kept for the page to call; `phone` marks a phone-number field (its issues are worded
 * from what the text reads as); `prefilled` marks a value that came filled in (the edit page
 * shows its issues at once). Returns the binding the page keeps.
 */
export function field({ pointer, key, name, control, hint, unit, wide, inline, touch, visible, required, phone, prefilled }) {
  const input = inputOf(control);
  const id = input.id || (input.id = nextId('f'));
  const issues = h('ul', { class: 'issues', id: `${id}-issues` });
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const badge = h('span', { class: 'badge' });
  const title = h('label', { class: 'label', for: id }, h('span', {}, name), badge);
  input.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : null, `${id}-issues`].filter(Boolean).join(' '));
  const body = unit ? h('div', { class: 'with-unit' }, control, h('span', { class: 'unit' }, unit)) : control;
  const wrapper = h('div', { class: `field${wide ? ' wide' : ''}${inline ? ' inline' : ''}`, dataset: { pointer, key } },
    title, body, hintEl, issues);
  // A field is touched once the user leaves it (or changes a select or a switch), as form
  // libraries do: its issues do not interrupt the first typing.
  if (touch) {
    wrapper.addEventListener('focusout', (e) => {
      if (wrapper.contains(e.relatedTarget)) return;
      // Focus leaving for a button, pressed but not yet released: the issue that touching
      // shows would move the button from under the pointer and swallow the click, so the
      // field is touched once the press (or the key) is over and the click has run.
      if (e.relatedTarget?.matches?.('button, a, [role=radio]')) afterPress(() => touch(key));
      else touch(key);
    });
    if (input.matches('select,input[type=checkbox]')) input.addEventListener('change', () => touch(key));
  }
  return { pointer, key, wrapper, issues, badge, control, input, name, visible, required, phone, prefilled, shown: [] };
}

/** Runs `f` after the pointer or the key now down is released (and its click dispatched). */
function afterPress(f) {
  const done = () => {
    document.removeEventListener('pointerup', done, true);
    document.removeEventListener('keyup', done, true);
    setTimeout(f);
  };
  document.addEventListener('pointerup', done, true);
  document.addEventListener('keyup', done, true);
}

/** Registers `field(opts)` in `bindings` under its pointer; returns its element. */
export function bind(bindings, opts) {
  const b = field(opts);
  bindings.set(opts.pointer, b);
  return b.wrapper;
}

/** A `touch(key)` that marks `key` in the set `touched()` gives and calls `refresh` the first time. */
export const toucher = (touched, refresh) => (key) => {
  if (touched().has(key)) return;
  touched().add(key);
  refresh();
};

/** A select of `values` (labelled in the page locale) after a placeholder option. */
export function select(values, current, onchange, placeholder = page.t.ui.choose) {
  const el = h('select', { class: 'input', onchange },
    h('option', { value: '' }, placeholder),
    values.map((v) => h('option', { value: v }, page.t.value(v))));
  el.value = current ?? '';
  return el;
}

/** Marks a binding's input required or not, and shows it in the badge. */
export function setRequired(b, req) {
  const t = page.t.ui;
  b.badge.textContent = req ? t.required : t.optional;
  b.badge.className = `badge${req ? ' badge-required' : ''}`;
  if (!b.input) return;
  b.input.required = req && b.input.type !== 'checkbox';
  b.input.setAttribute('aria-required', String(req));
}

/** Shows `issues` beside a binding (and marks its input), or none; `rule` as for `advice`. */
export function showIssues(b, issues, region, rule) {
  b.issues.replaceChildren(...issues.map((i) => issueItem(i, b, region, rule)));
  b.issues.hidden = issues.length === 0;
  if (b.container) return;
  const error = issues.some((i) => i.severity === 'error');
  b.wrapper.classList.toggle('has-error', error);
  b.wrapper.classList.toggle('has-warning', issues.length > 0 && !error);
  b.input?.setAttribute('aria-invalid', String(error));
}

// ---- Wording of issues -------------------------------------------------------------------

const isValidNumber = (n) => {
  try {
    return phoneInfo(n).valid === true;
  } catch {
    return false;
  }
};

/** The phone number typed, read as a person typed it (separators, national form). */
export function readNumber(text, region) {
  try {
    return normalizePhone(text, region || undefined);
  } catch {
    return { issues: [] };
  }
}

/** The valid E.164 form of typed text, or undefined: what blur and "Use" may write. */
export function validForm(text, region) {
  const read = readNumber(text, region);
  return read.value !== undefined && read.issues.length === 0 && isValidNumber(read.value) ? read.value : undefined;
}

const digitsOf = (text) => text.replace(/[^0-9]/g, '');

/**
 * Takes the separators out of a phone-number input when it is left, if what is left is a
 * valid number with the same digits (a reading that changes a digit, such as a national
 * number given its country code, stays an offer). `onValue` gets the new value.
 */
export function normaliseOnBlur(input, region, onValue) {
  input.addEventListener('blur', () => {
    const fixed = validForm(input.value, region());
    if (fixed !== undefined && fixed !== input.value && digitsOf(fixed) === digitsOf(input.value)) {
      input.value = fixed;
      onValue(fixed);
    }
  });
}

/**
 * What the form says of an issue about a phone number, and the number it offers (only a
 * number valid by the numbering metadata).
 */
function phoneAdvice(issue, text, region) {
  const t = page.t;
  const p = issue.params;
  const invalid = (q) => {
    if (q.reads_as && isValidNumber(q.reads_as)) return { message: t.say('phone.reads_as', q), offer: q.reads_as };
    return { message: t.say(q.reason ? `phone.${q.reason}` : 'phone.invalid', q) };
  };
  if (issue.code === 'phone.invalid') return invalid(p);
  if (issue.code === 'phone.country_code') return { message: t.say('phone.country_code', p) };
  // phone.e164: the form is wrong. Read the text as typed to say what is really wrong.
  const offer = validForm(text, region);
  if (offer !== undefined) return { message: t.say(p.reason === 'plus' ? 'phone.plus' : 'phone.separators', p), offer };
  const read = readNumber(text, region);
  const inv = read.issues.find((i) => i.code === 'phone.invalid');
  if (inv) return invalid(inv.params);
  if (read.issues.some((i) => i.code === 'phone.country_code')) return { message: t.say('phone.country_code', {}) };
  const unread = read.issues.find((i) => i.code === 'phone.unreadable')?.params.reason;
  const byUnread = { no_region: 'phone.no_region', too_short: 'phone.short', too_short_after_idd: 'phone.short', too_long: 'phone.long', country_code: 'phone.country_code' };
  if (p.reason === 'zero') return { message: t.say('phone.zero', p) };
  if (unread && byUnread[unread]) return { message: t.say(byUnread[unread], p) };
  const byReason = { plus: 'phone.plus', char: 'phone.separators', short: 'phone.short', long: 'phone.long' };
  return { message: t.say(byReason[p.reason] ?? 'phone.unreadable', p) };
}

/**
 * The sentence for an issue shown beside a field labelled `label`, and any offer; `text` is
 * a phone field's text, `rule(i)` the name of the body's routing rule `i`.
 */
export function advice(issue, label, text, region, rule) {
  if (issue.code.startsWith('phone.') && typeof text === 'string') return phoneAdvice(issue, text, region);
  const said = page.t.say(issue.code, issue.params, label, rule);
  return { message: said ?? capital(issue.message) };
}

const capital = (m) => (/^[a-z]/.test(m) ? m[0].toUpperCase() + m.slice(1) : m);

function issueItem(issue, b, region, rule) {
  const t = page.t;
  const text = b.phone ? b.input?.value : undefined;
  const { message, offer } = advice(issue, b.label ?? b.name, text, region, rule);
  const fix =
    offer !== undefined && b.input
      ? h('button', {
          type: 'button', class: 'fix',
          onclick: () => {
            b.input.value = offer;
            b.input.dispatchEvent(new Event('input', { bubbles: true }));
            b.input.focus();
          },
        }, t.ui.use(offer))
      : null;
  return h('li', { class: `issue ${issue.severity}`, dataset: { code: issue.code } },
    h('span', { class: 'issue-icon', 'aria-hidden': 'true' }, issue.severity === 'error' ? '!' : '▲'),
    h('span', { class: 'sr-only' }, issue.severity === 'error' ? t.ui.error : t.ui.warning),
    h('span', { class: 'issue-text' }, message),
    fix);
}

// ---- Radiogroup --------------------------------------------------------------------------

/**
 * A radiogroup of buttons with one Tab stop (the checked one) and arrow keys that move and
 * choose, as WAI-ARIA's radio group pattern has it.
 */
export function radiogroup({ label, options, checked, onchoose }) {
  const buttons = options.map(({ value, text }) =>
    h('button', {
      type: 'button', role: 'radio', class: 'segment', dataset: { value },
      'aria-checked': String(value === checked), tabindex: value === checked ? '0' : '-1',
      onclick: () => onchoose(value),
    }, text));
  if (!buttons.some((b) => b.tabIndex === 0) && buttons[0]) buttons[0].tabIndex = 0;
  const group = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': label }, buttons);
  group.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    const at = buttons.indexOf(document.activeElement);
    if (step === undefined || at < 0) return;
    e.preventDefault();
    const next = buttons[(at + step + buttons.length) % buttons.length];
    onchoose(next.dataset.value, true);
  });
  return group;
}

// ---- Preview -----------------------------------------------------------------------------

export const MASK = '\u0000masked\u0000';

/** The JSON of `doc` into `el`, highlighted; `MASK` strings shown as dots. */
export function renderJson(el, doc) {
  const text = JSON.stringify(doc, null, 2) ?? '';
  const esc = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
  const masked = `"${esc(JSON.stringify(MASK).slice(1, -1))}"`;
  el.innerHTML = esc(text).replace(
    /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g,
    (m, str, colon, lit, num) => {
      if (str && colon) return `<span class="j-key">${str}</span>${colon}`;
      if (str === masked) return '<span class="j-mask">"••••••••"</span>';
      if (str) return `<span class="j-str">${str}</span>`;
      if (lit) return `<span class="j-lit">${lit}</span>`;
      return `<span class="j-num">${num}</span>`;
    },
  );
}
