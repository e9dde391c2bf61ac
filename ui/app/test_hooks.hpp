// Where named widgets were drawn in the last frame, in logical pixels, so browser and desktop
// tests can click "the Checklist button" instead of guessing coordinates. Only widgets that a
// test needs are named; the cost is a small map update per named widget per drawn frame.
#pragma once

#include <string>
#include <string_view>

namespace poems::ui {

// Forgets the names of the frame before, so a widget that is gone (a tick turned off, a card
// closed, a row scrolled away) is gone for the tests too. Called at the start of every frame.
void clear_named_items();
// Records the last item's rectangle (ImGui::GetItemRectMin/Max) under `name`.
void name_last_item(const std::string& name);
// JSON object {"name": [x0, y0, x1, y1], ...} of every named widget of the last frame.
std::string named_items_json();
// name_last_item(), and the words the item shows, for tests that check what a person reads.
void name_last_text(const std::string& name, std::string_view text);
// JSON object {"name": "text", ...} of the named texts of the last frame.
std::string named_texts_json();

}  // namespace poems::ui
