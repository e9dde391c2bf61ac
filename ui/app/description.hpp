// One description, per frame, of what the app draws: every widget's role, accessible name,
// state and rectangle, and the text itself (headings with their level, paragraphs, list items,
// status and error messages), in reading order, grouped in landmark regions.
//
// It serves three readers, so there is one mechanism, not three:
//  - the browser's accessibility mirror (wasm/a11y_mirror.js), which keeps real DOM elements
//    with ARIA roles in step with it, so screen readers, keyboards and find-in-page reach what
//    the canvas shows;
//  - tests that click "the Checklist button" by name (name_last_item) and read what a person
//    reads (name_last_text), in the browser and on the desktop (--test-report);
//  - the right-edge check of all text (tests/browser/a11y.test.mjs).
//
// Where it comes from:
//  - the widget layer (ui/app/widgets.*) says what it draws: role, name, state, value;
//  - ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE: ItemAdd/ItemInfo) catch the stock
//    widgets a page draws directly (Button, Checkbox, InputText, CollapsingHeader...), with the
//    words ImGui rendered for them (a field's value, a button's label);
//  - text a page draws with a raw ImGui::Text* call is still caught from ImGui's text log (the
//    same words, placed on its line less precisely): nothing drawn is left out.
// The whole page is described, not only what is on screen: ImGui's text logging is kept on while
// the app's window is built, which makes ImGui lay out and submit items that are scrolled out of
// view (and cards entirely below the fold), so their rectangles are where scrolling would bring
// them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace poems::ui {

enum class Role : std::uint8_t {
    none,        // a named rectangle only (tests), not shown to assistive technology
    button, checkbox, radio, link, textbox, combobox, tab, expander,  // controls
    heading, text, list_item, status, alert,                          // text
    banner, navigation, main,                                         // landmark regions
};

// Frame bracket, called by App::draw_frame() right after the app's root window begins and right
// before it ends. begin forgets the frame before (a widget that is gone is gone for tests and
// for the mirror too) and turns on the whole-page layout.
void begin_description();
void end_description();

// Landmarks: what is described between begin and end belongs to the region.
void begin_region(Role region, std::string_view name = {});
void end_region();

// The item just drawn (ImGui's last item) is a control with this role and accessible name.
// `state`: checkbox checked, radio/tab selected, expander expanded (-1: none).
// Role::none drops what the hooks saw for it (a part of a widget already described).
void describe_last_item(Role role, std::string_view name, int state = -1, std::string_view value = {});
// The item just drawn is a text field holding `value` (not the hint ImGui shows when it is
// empty); `name`, when given, is its accessible name.
void describe_last_value(std::string_view value, std::string_view name = {});
// The item just drawn shows `text` in this role (heading level 1-6 for Role::heading).
void describe_last_text(Role role, std::string_view text, int level = 0);
// A widget of the layer is about to draw: text ImGui logged before it (raw page text) is taken
// now, so it is described before the widget, in reading order.
void description_mark();

// Tests: the last item's rectangle under `name` ("nav:guide"); the description's entry for it
// gets that key, or a Role::none entry is added when the item was not described.
void name_last_item(const std::string& name);
// name_last_item(), and the words the item shows, for tests that check what a person reads.
void name_last_text(const std::string& name, std::string_view text);

// JSON object {"name": [x0, y0, x1, y1], ...} of every named item of the last frame.
std::string named_items_json();
// JSON object {"name": "text", ...} of the named texts of the last frame.
std::string named_texts_json();
// The whole description of the last frame, for the mirror: {"nodes": [...]} in reading order,
// each {"k": stable key, "r": role, "n": name, "v": value, "s": state, "l": level,
// "d": disabled, "x","y","w","h": rectangle (logical px, screen), "i": ImGui id, "p": parent
// region index (-1 none), "f": keyboard focus, "e": being edited, "t": test name, "a": placed
// from the text log (approximately)}.
const std::string& description_json();
// Whether description_json() differs from the frame before the last one that was taken.
bool description_changed();

// Actions from assistive technology (the mirror), applied in the next frame: the item gets
// ImGui's keyboard focus and is scrolled into view; with `activate`, it is pressed as a tap
// would press it (a text field starts editing).
void request_focus(unsigned id, bool activate);
// For the runner, before ImGui::NewFrame(): hands queued activations to ImGui.
void apply_requests();

}  // namespace poems::ui
