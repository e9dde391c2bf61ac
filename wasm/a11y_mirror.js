// The accessibility mirror (linked into app.js with --pre-js): real DOM elements with ARIA roles
// and names for what the canvas shows, so screen readers, the keyboard and find-in-page reach it.
//
// The app describes every frame it draws (ui/app/description.hpp): each widget's role, name,
// state and rectangle, the text with its headings, in reading order, in landmark regions. After a
// drawn frame whose description changed, the runner hands it over (Module.poemsMirrorUpdate) and
// this file brings the DOM in step by a diff: elements are keyed, and only what changed is
// written (nothing at all while the app is idle, since it then draws nothing).
//
// The elements are transparent and take no pointer events: the mouse, a tap and a scroll still
// reach the canvas below. Each one sits at its item's rectangle (touch exploration finds it where
// it is drawn); items below the fold sit where scrolling would bring them, and move as the app
// scrolls.
//
// Actions flow back: focusing an element gives the item ImGui's keyboard focus and scrolls it into
// view; a click event on it, or Enter or Space, presses it as a tap would (_poems_focus_item).
// A text field being edited takes its keys through the hidden field of text_input.js, labelled
// with the field's name while editing. When ImGui's keyboard focus moves (Tab on the canvas), the
// DOM focus follows it, so a screen reader says where the keyboard is.
'use strict';

Module.poemsInstallMirror = function () {
  const canvas = Module.canvas;
  const root = document.createElement('div');
  root.id = 'poems-a11y';
  canvas.parentNode.insertBefore(root, canvas.nextSibling);

  const byKey = new Map();  // key -> element
  let nodes = [];           // the last description's entries
  let programmaticFocus = false;

  // Never scrolled: the browser scrolls a container to show a focused or found element; the app
  // scrolls itself instead (the focused item is scrolled into view in the next frame).
  root.addEventListener('scroll', function () { root.scrollTop = 0; root.scrollLeft = 0; });

  const controls = { button: 1, checkbox: 1, radio: 1, link: 1, textbox: 1, combobox: 1, tab: 1, expander: 1 };

  // The element's tag and attributes for an entry of the description.
  function spec(n) {
    const a = {};
    let tag = 'div', text = n.n;
    switch (n.r) {
      case 'heading': a.role = 'heading'; a['aria-level'] = String(n.l || 2); break;
      case 'text': tag = 'p'; break;
      case 'listitem': tag = 'li'; break;
      case 'status': a.role = 'status'; break;
      case 'alert': a.role = 'alert'; break;
      case 'button': a.role = 'button'; break;
      case 'expander': a.role = 'button'; a['aria-expanded'] = n.s ? 'true' : 'false'; break;
      case 'link': a.role = 'link'; if (n.s === 1) a['aria-current'] = 'page'; break;
      case 'checkbox': a.role = 'checkbox'; a['aria-checked'] = n.s ? 'true' : 'false'; break;
      case 'radio': a.role = 'radio'; a['aria-checked'] = n.s ? 'true' : 'false'; break;
      case 'tab': a.role = 'tab'; a['aria-selected'] = n.s ? 'true' : 'false'; break;
      case 'textbox': a.role = 'textbox'; a['aria-label'] = n.n; text = n.v || ''; break;
      case 'combobox': a.role = 'combobox'; a['aria-expanded'] = n.s ? 'true' : 'false'; a['aria-label'] = n.n; text = n.v || ''; break;
      case 'banner': a.role = 'banner'; text = null; break;
      case 'navigation': a.role = 'navigation'; if (n.n) a['aria-label'] = n.n; text = null; break;
      case 'main': tag = 'main'; text = null; break;
      default: tag = 'span'; a['aria-hidden'] = 'true'; text = ''; break;  // named for tests only
    }
    if (controls[n.r]) {
      a.tabindex = '0';
      if (n.d) a['aria-disabled'] = 'true';
    }
    return { tag, a, text };
  }

  function element(key, n) {
    const s = spec(n);
    let el = byKey.get(key);
    if (!el || el.tagName.toLowerCase() !== s.tag) {
      el = document.createElement(s.tag);
      el.poems = { a: {}, text: null, box: '' };
      byKey.set(key, el);
    }
    const old = el.poems;
    for (const name in old.a) if (!(name in s.a)) el.removeAttribute(name);
    for (const name in s.a) if (old.a[name] !== s.a[name]) el.setAttribute(name, s.a[name]);
    old.a = s.a;
    if (s.text !== null && old.text !== s.text) {
      el.textContent = s.text;
      old.text = s.text;
    }
    if (n.i !== undefined) el.dataset.id = String(n.i);
    el.dataset.role = n.r;
    return el;
  }

  function place(el, n) {
    if (n.r === 'banner' || n.r === 'navigation' || n.r === 'main') return;
    const box = n.x + ',' + n.y + ',' + n.w + ',' + n.h;
    if (el.poems.box === box) return;
    if (!el.poems.box) el.classList.add('at');
    el.poems.box = box;
    el.style.left = n.x + 'px';
    el.style.top = n.y + 'px';
    el.style.width = Math.max(1, n.w) + 'px';
    el.style.height = Math.max(1, n.h) + 'px';
  }

  // Puts `want` (elements, in order) as the children of `parent`, moving only what is out of place.
  function reconcile(parent, want) {
    for (let i = 0; i < want.length; ++i) {
      const at = parent.children[i];
      if (at !== want[i]) parent.insertBefore(want[i], at || null);
    }
    while (parent.children.length > want.length) parent.removeChild(parent.lastChild);
  }

  // Consecutive list items go in a list, tabs in a tab list, choices in a radio group named by
  // the text just before them.
  const wrappers = { listitem: ['ul', null], tab: ['div', 'tablist'], radio: ['div', 'radiogroup'] };

  function children(list, parentIndex, keys) {
    const out = [];
    let run = null;
    for (let i = 0; i < list.length; ++i) {
      const n = list[i];
      if (n.p !== parentIndex) continue;
      const el = element(keys[i], n);
      place(el, n);
      if (n.r === 'banner' || n.r === 'navigation' || n.r === 'main') {
        reconcile(el, children(list, i, keys));
        out.push(el);
        run = null;
        continue;
      }
      const w = wrappers[n.r];
      if (!w) { out.push(el); run = null; continue; }
      if (!run || run.role !== n.r) {
        const key = 'w:' + keys[i];
        let box = byKey.get(key);
        if (!box) {
          box = document.createElement(w[0]);
          if (w[1]) box.setAttribute('role', w[1]);
          box.className = 'poems-group';
          box.poems = { a: {}, text: null, box: '' };
          byKey.set(key, box);
        }
        if (n.r === 'radio') {
          // Named by the text before the choices (the question), when there is one.
          let label = '';
          for (let j = i - 1; j >= 0 && j >= i - 3; --j)
            if (list[j].r === 'text' || list[j].r === 'heading') { label = list[j].n; break; }
          if (box.getAttribute('aria-label') !== label) {
            if (label) box.setAttribute('aria-label', label); else box.removeAttribute('aria-label');
          }
        }
        run = { role: n.r, box, items: [] };
        out.push(box);
      }
      run.items.push(el);
      reconcile(run.box, run.items);
    }
    return out;
  }

  Module.poemsMirrorUpdate = function (json) {
    const list = JSON.parse(json).nodes;
    const keys = list.map((n) => n.k);
    const live = new Set(keys);
    reconcile(root, children(list, -1, keys));
    // (No destructuring here: Emscripten 3.1.6's JavaScript optimizer mangles it.)
    const gone = [];
    byKey.forEach(function (el, key) {
      const base = key.startsWith('w:') ? key.slice(2) : key;
      if (!live.has(base) || !el.isConnected) gone.push(key);
    });
    for (const key of gone) byKey.delete(key);
    nodes = list;
    followImGuiFocus();
    labelTextField();
  };

  // ImGui's keyboard focus moved (Tab on the canvas): the DOM focus follows it, unless the focus
  // is somewhere else on the page (another part of a host's page, the text field being edited).
  function followImGuiFocus() {
    const focused = nodes.find((n) => n.f);
    if (!focused) return;
    const el = byKey.get(focused.k);
    const active = document.activeElement;
    if (!el || active === el) return;
    if (active !== canvas && !root.contains(active) && active !== document.body) return;
    programmaticFocus = true;
    el.focus({ preventScroll: true });
    programmaticFocus = false;
  }

  // While a text field is edited, the hidden field that takes the keys (text_input.js) carries
  // its name, so the screen reader says what is being typed into.
  function labelTextField() {
    const field = Module.poemsTextField;
    if (!field) return;
    const editing = nodes.find((n) => n.e);
    if (editing) {
      field.setAttribute('aria-label', editing.n || 'Text');
      field.removeAttribute('aria-hidden');
    } else if (document.activeElement !== field) {
      field.setAttribute('aria-hidden', 'true');
    }
  }

  function entryOf(el) {
    let found = null;
    byKey.forEach(function (e, key) { if (e === el) found = key; });
    return found ? nodes.find((n) => n.k === found) : null;
  }

  // Presses the item as a tap would; a text field then takes its keys through the hidden field.
  function activate(el) {
    const id = Number(el.dataset.id);
    if (!el.dataset.id || el.getAttribute('aria-disabled') === 'true') return;
    Module._poems_focus_item(id, 1);
    const wantsText = Module._poems_run_input_now();
    if (wantsText && Module.poemsTextField) {
      const entry = entryOf(el);
      Module.poemsTextField.setAttribute('aria-label', (entry && entry.n) || 'Text');
      Module.poemsTextField.removeAttribute('aria-hidden');
      Module.poemsEditFrom = el;
      Module.poemsFocusTextField();
    }
  }

  root.addEventListener('focusin', function (e) {
    const el = e.target;
    if (programmaticFocus || !el.dataset || !el.dataset.id) return;
    Module._poems_focus_item(Number(el.dataset.id), 0);
    // Tabbing into a text field starts editing it, as with a native field.
    if (el.dataset.role === 'textbox' && !Module.poemsReturningFocus) activate(el);
  });
  root.addEventListener('click', function (e) {
    const el = e.target.closest('[data-id]');
    if (el && root.contains(el)) activate(el);
  });
  root.addEventListener('keydown', function (e) {
    const el = e.target.closest('[data-id]');
    if (e.key === 'Escape') {
      // Closes what ImGui has open (a combo's list, a popup).
      const ptr = allocateUTF8('Escape');
      Module._poems_text_key(ptr, 0);
      _free(ptr);
      e.preventDefault();
      return;
    }
    if (!el) return;
    const isLink = el.dataset.role === 'link';
    if (e.key === 'Enter' || (e.key === ' ' && !isLink)) {
      e.preventDefault();
      activate(el);
    }
  });

  // Tab on the canvas (a keyboard user starting out, or back from a click) enters the mirror: the
  // first element in reading order (Shift+Tab: the last), or the one after ImGui's keyboard focus.
  // The listener runs before SDL's (it is added first), so ImGui does not see this Tab.
  canvas.addEventListener('keydown', function (e) {
    if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
    const all = [...root.querySelectorAll('[tabindex]')];
    if (!all.length) return;
    const focused = nodes.find((n) => n.f);
    const at = focused ? all.indexOf(byKey.get(focused.k)) : -1;
    const next = e.shiftKey ? (at > 0 ? all[at - 1] : all[all.length - 1]) : all[at + 1] || all[0];
    e.preventDefault();
    e.stopImmediatePropagation();
    next.focus({ preventScroll: true });
  }, true);

  // Tab or Shift+Tab while editing a field reached from the mirror: the edit is kept (Enter was
  // sent to ImGui) and the focus moves on in the mirror's reading order.
  Module.poemsMirrorTabFromField = function (shift) {
    const from = Module.poemsEditFrom;
    if (!from || !from.isConnected) return false;
    Module.poemsEditFrom = null;
    const all = [...root.querySelectorAll('[tabindex]')];
    const at = all.indexOf(from);
    const next = shift ? all[at - 1] || all[all.length - 1] : all[at + 1] || all[0];
    Module.poemsTextField.setAttribute('aria-hidden', 'true');
    next.focus({ preventScroll: true });
    return true;
  };

  // After editing (Enter, Escape, Tab out of the field), the DOM focus goes back to the mirror:
  // to the item that has ImGui's keyboard focus now, else to the field that was edited.
  Module.poemsMirrorRefocus = function () {
    const from = Module.poemsEditFrom;
    if (!from) return false;
    Module.poemsEditFrom = null;
    const focused = nodes.find((n) => n.f);
    const el = (focused && byKey.get(focused.k)) || (from.isConnected ? from : null);
    if (!el) return false;
    Module.poemsReturningFocus = true;
    programmaticFocus = true;
    el.focus({ preventScroll: true });
    programmaticFocus = false;
    Module.poemsReturningFocus = false;
    return true;
  };
};
