// The Guide page's parts, shared by its files: guide_page.cpp (the views and links),
// guide_items.cpp (one content item of any kind, drawn for reading) and guide_lookup.cpp
// (which chapter holds an id; the glossary's search text).
#pragma once

#include "app/app.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace poems::ui::guide {

// ---- Layout ---------------------------------------------------------------------------------

// `n` em in whole pixels. Every height on this page is whole pixels: ImGui truncates positions
// toward zero, so fractional heights above a scrolled view grow by a pixel and the page drifts.
float ems(float n);
// The heading font at a whole-pixel size (its 1.35 scale is not). Pair with big_text_end().
void big_text_begin();
void big_text_end();

// Long text reads best at about 40 em per line; wider screens get margins, not longer lines.
float reading_width();
// The reading column: a one-column table, so every wrapped text, table and box inside stops at
// the column's edge. `avail` is the width to centre it in. Always pair begin/end.
bool begin_column(const char* id, float avail);
void end_column();

// A full-width, selectable row whose label wraps (table of contents, jump list).
bool wrapped_selectable(const char* id, std::string_view text, bool selected, float min_height);

// ---- Items ----------------------------------------------------------------------------------

// Where an id is shown in the Guide: its chapter and the listed item that holds it.
struct Location {
    int chapter = -1;
    std::string item_id;  // the chapter-level item (the id itself, or the item it is nested in)
};

class Lookup {
public:
    explicit Lookup(const App& app);
    // The chapter and item that show `id`, or chapter -1.
    Location locate(std::string_view id) const;
    // True when a link to `id` leads somewhere on this page (a glossary entry or a Guide item).
    bool linkable(std::string_view id) const;

private:
    const App* app_;
    std::unordered_map<std::string, Location> where_;
};

// Draws one content item (any topic) at the cursor, full column width, with its citations and
// its "see also" links. Unknown shapes fall back to their title and text fields. A title equal to
// `heading_above` (the chapter's, just shown) is left out.
void draw_item(App& app, const Lookup& lookup, const std::string& id, std::string_view heading_above = {});

// "See also: A, B" — a label then links that wrap like words. Ids that lead nowhere on this page
// are shown as plain names.
void link_row(App& app, const Lookup& lookup, std::string_view label, const std::vector<std::string>& ids);

// A soft background behind an item a link asked for. `height` is the item's height last frame.
void highlight_background(float height);

// ---- Glossary search ------------------------------------------------------------------------

struct GlossaryIndexEntry {
    std::string id;
    std::string folded_names;  // term and aliases, folded for search
    std::string folded;        // term, aliases and definition
};
// Folded search text of every glossary entry, in the glossary's order.
std::vector<GlossaryIndexEntry> build_glossary_index(const App& app);

}  // namespace poems::ui::guide
