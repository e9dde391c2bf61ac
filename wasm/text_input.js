// The phone's on-screen keyboard for ImGui text fields (linked into app.js with --pre-js).
//
// A canvas cannot raise a phone's keyboard; only a focused HTML text field can, and phones allow
// focusing it only inside the handler of the touch itself. So after every tap on the canvas
// (touchend, which runs after SDL's own handler has queued the tap) the app runs the frames the
// tap causes at once, and when an ImGui text field became active we focus a hidden <input>.
// What is typed there is read back and sent to ImGui as characters, Backspace and other keys.
// SDL listens for keys on the canvas only (SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT), so while the
// hidden field has focus nothing reaches ImGui twice.
//
// The field always holds a short invisible sentinel with the caret at its end: a Backspace then
// always has something to delete (an empty field fires no event on some phones), and after each
// change the difference from the sentinel says what happened. Text being composed (suggestions,
// accents, CJK input) is sent when the composition ends.
'use strict';

Module.poemsInstallTextInput = function () {
  const canvas = Module.canvas;
  const SENTINEL = '\u200b\u200b';
  const field = document.createElement('input');
  field.type = 'text';
  field.id = 'poems-text-input';
  // Hidden from assistive technology except while a text field is being edited: the
  // accessibility mirror (a11y_mirror.js) then labels it with the field's name.
  field.setAttribute('aria-hidden', 'true');
  field.setAttribute('autocomplete', 'off');
  field.setAttribute('autocapitalize', 'off');
  field.setAttribute('autocorrect', 'off');
  field.setAttribute('spellcheck', 'false');
  field.setAttribute('enterkeyhint', 'done');
  field.tabIndex = -1;
  document.body.appendChild(field);
  Module.poemsTextField = field;

  function reset() {
    field.value = SENTINEL;
    field.setSelectionRange(SENTINEL.length, SENTINEL.length);
  }
  function send(fn, text, mods) {
    const ptr = allocateUTF8(text);
    Module[fn](ptr, mods || 0);
    _free(ptr);
  }
  function sync() {
    const value = field.value;
    if (value === SENTINEL) return;
    let common = 0;
    while (common < value.length && common < SENTINEL.length && value[common] === SENTINEL[common]) ++common;
    for (let i = common; i < SENTINEL.length; ++i) send('_poems_text_key', 'Backspace', 0);
    const typed = value.slice(common).replace(/\u200b/g, '');
    if (typed) send('_poems_text_typed', typed);
    reset();
  }

  // The mirror's text fields start editing here (keyboard or screen reader, a11y_mirror.js).
  Module.poemsFocusTextField = function () {
    reset();
    field.focus({ preventScroll: true });
  };

  canvas.addEventListener('touchend', function () {
    if (!Module._poems_run_input_now()) return;
    if (document.activeElement !== field) {
      reset();
      field.focus({ preventScroll: true });
    }
  });
  field.addEventListener('input', function (e) { if (!e.isComposing) sync(); });
  field.addEventListener('compositionend', sync);
  // Keys that change no text go to ImGui as keys; Backspace arrives as a change of the field's
  // text (see sync). Shortcuts (select all, copy, cut, undo, redo) are ImGui's too: the hidden
  // field must never hold a selection, or the next key would replace the sentinel. Paste is left
  // to the browser, so the pasted text arrives through 'input'.
  const keys = ['Enter', 'Tab', 'Escape', 'Delete', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
  const shortcuts = ['a', 'c', 'x', 'z', 'y'];
  field.addEventListener('keydown', function (e) {
    if (e.isComposing || e.keyCode === 229) return;  // the keyboard is composing: 'input' follows
    const ctrl = e.ctrlKey || e.metaKey;
    const key = ctrl && e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (keys.indexOf(key) < 0 && !(ctrl && shortcuts.indexOf(key) >= 0)) return;
    e.preventDefault();
    // Editing a field reached from the accessibility mirror: Tab keeps the text and moves on there.
    if (key === 'Tab' && !ctrl && Module.poemsEditFrom) {
      send('_poems_text_key', 'Enter', 0);
      if (Module.poemsMirrorTabFromField(e.shiftKey)) return;
    }
    send('_poems_text_key', key, (ctrl ? 1 : 0) | (e.shiftKey ? 2 : 0));
  });
  // A selection made some other way (a long press) is dropped for the same reason.
  field.addEventListener('select', function () {
    field.setSelectionRange(field.value.length, field.value.length);
  });

  // ImGui left the text field (Enter, a tap elsewhere): hide the keyboard.
  // When the editing started from the accessibility mirror, the focus goes back there.
  Module.poemsTextInputEnded = function () {
    if (document.activeElement !== field) return;
    field.setAttribute('aria-hidden', 'true');
    if (Module.poemsMirrorRefocus && Module.poemsMirrorRefocus()) return;
    field.blur();
    canvas.focus({ preventScroll: true });
  };
};
