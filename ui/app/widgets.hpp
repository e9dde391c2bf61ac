// Small widgets every page uses, so they look and behave the same everywhere. Plain functions
// over ImGui, in its immediate-mode style: call them every frame, they return true when used.
#pragma once

#include "app/app.hpp"
#include "poems/content.hpp"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace poems::ui {

// Text in another face until the scope ends: `{ FontScope bold(kFontBold); ... }`.
class FontScope {
public:
    explicit FontScope(int font) { ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[font]); }
    ~FontScope() { ImGui::PopFont(); }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;
};

void title(std::string_view text);       // a large title inside a page (the heading face), wrapped
void heading(std::string_view text);     // a section title inside a page (bold)
void bold_text(std::string_view text);   // wrapped text in bold that is not a title
void text_wrapped(std::string_view text);  // body text that wraps at the page width
void text_muted(std::string_view text);    // secondary text, wrapped
void bullet_text(std::string_view text);   // a wrapped bullet point

// "Sources: Guide (004), Diagnostic Criteria; ref. 2" in small muted text.
void sources_line(const App& app, const std::vector<SourceRef>& sources);
void sources_line(const App& app, std::string_view item_id);  // the item's citations from content

// A text link, named `name` for tests, that wraps at the page width like the words around it
// (names can be longer than a phone is wide), underlined line by line and at least `min_height`
// tall (a touch target where it stands alone). `trailing` (a comma) follows the label on its
// last line without being part of the link. Returns true when tapped.
bool text_link(App& app, std::string_view label, const std::string& name, float min_height = 0,
               std::string_view trailing = {});

// A text link that opens a content item (glossary entry, workup test...) in the Guide.
// `label` defaults to the item's term/title. Returns true when followed.
bool item_link(App& app, const std::string& item_id, std::string_view label = {}, std::string_view trailing = {});

// A checkbox whose whole row is a touch target at least 44 px high.
bool big_checkbox(const char* label, bool* value);

// A block of wrapped text that is one touch target (at least 44 px high) with an arrow that says
// whether what it opens is shown: for list rows and cards that expand on tap. Push an ID first
// when several share `id`. Returns true when tapped.
bool expander_text(const char* id, std::string_view text, bool open, int font = kFontBody);

// A button `width` wide whose label wraps onto more lines when it does not fit, instead of being
// cut off (a phone's width, large text). Push an ID first when several share `id`. Returns true
// when tapped.
bool wrapped_button(const char* id, std::string_view text, float width);

// Before a button labelled `next_label`: keeps it on the line of the item just drawn when it
// fits there, else lets it start the next line (a phone's width, large text).
void same_line_if_fits(std::string_view next_label);

// A text field with a visible frame (the light theme's field is as white as the card it sits on),
// as wide as the page allows. `hint` shows while it is empty.
bool input_field(const char* id, char* buf, std::size_t size, const char* hint = nullptr);
// A field for a number typed from a lab report, at most 12 characters wide. It takes any
// character: a filter would silently drop the comma of "1,5" and turn it into 15. Read what was
// typed with poems::read_decimal (poems/decimal.hpp), the one decimal-comma policy.
bool number_field(const char* id, char* buf, std::size_t size);

// The buttons at the end of a list row (a lab result, a treatment date, a diary entry): Edit
// and Delete, on the row's line when they fit, else below it. Delete asks first: the row then
// shows `question` with Delete and Keep. `confirming` holds the id of the row asking (one at a
// time). Names for tests: "<prefix>:edit:<id>", "<prefix>:<delete_name>:<id>",
// "<prefix>:<delete_name>_confirm:<id>".
enum class RowAction { none, edit, remove };
struct RowWords {
    std::string_view edit, remove, keep, question;
};
RowAction edit_remove_buttons(const std::string& row_id, std::string& confirming, const RowWords& words,
                              const std::string& prefix, const char* delete_name);

// Whether Escape was pressed this frame to cancel a confirmation (keep, don't delete): not while a
// text field is being edited, where Escape undoes the edit instead. Keyboard users close every
// confirmation with it (issue 22).
bool escape_cancels();

// Choice among a few options as a row of buttons (wraps at phone width); returns true on change.
// Described as radio buttons (an answer), or as tabs when the choice switches what the page shows.
bool choice_buttons(const char* id, const std::vector<std::string>& labels, int* selected, bool tabs = false);

// A framed block with padding, for result cards and callouts. Always pair begin/end.
void card_begin(const char* id);
void card_end();

// A button that copies `text` to the clipboard (the platform's, when it has one) and says so.
bool copy_button(App& app, const char* label, const std::string& text);

// The language-map text of a content item's field ("text", "title", "term"...), "" if absent.
std::string item_text(const App& app, std::string_view item_id, const char* field = "text");

}  // namespace poems::ui
