// One content item drawn for reading: headings, wrapped paragraphs, lists, tables (cards at phone
// width), callouts by tone, figures as big numbers, tests, questions, entries; items of other
// topics (criteria, monitoring, centers, checklists...) by their title and text fields.
#include "pages/guide_views.hpp"

#include "app/test_hooks.hpp"
#include "app/palette.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace poems::ui::guide {

// ---- Layout ---------------------------------------------------------------------------------

float ems(float n) { return std::round(n * ImGui::GetFontSize()); }

void big_text_begin() {
    ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[kFontHeading]);
    const float size = ImGui::GetFontSize();
    ImGui::SetWindowFontScale(std::round(size) / size);
}

void big_text_end() {
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
}

float reading_width() { return 40.0f * ImGui::GetFontSize(); }

bool begin_column(const char* id, float avail) {
    const float width = std::min(avail, reading_width());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - width) * 0.5f));
    if (!ImGui::BeginTable(id, 1, ImGuiTableFlags_NoPadOuterX | ImGuiTableFlags_NoPadInnerX, ImVec2(width, 0)))
        return false;
    ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    return true;
}

void end_column() { ImGui::EndTable(); }

bool wrapped_selectable(const char* id, std::string_view text, bool selected, float min_height) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const float wrap = std::max(1.0f, width - style.FramePadding.x * 2);
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, wrap);
    const float height = std::max(min_height, size.y + style.FramePadding.y);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable(id, selected, ImGuiSelectableFlags_None, ImVec2(width, height));
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                        ImVec2(pos.x + style.FramePadding.x, pos.y + (height - size.y) * 0.5f),
                                        ImGui::GetColorU32(ImGuiCol_Text), text.data(), text.data() + text.size(), wrap);
    return clicked;
}

void highlight_background(float height) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = ImGui::GetStyle().ItemSpacing.y * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x - 2, pos.y - pad),
                                              ImVec2(pos.x + ImGui::GetContentRegionAvail().x, pos.y + height + pad),
                                              IM_COL32(255, 214, 102, 70), 6.0f);
}

// ---- Small pieces ---------------------------------------------------------------------------

namespace {

// Smaller text at a whole-pixel size (see sources_line): fractional line heights make a long
// scrolled page drift. Pair with ImGui::SetWindowFontScale(1.0f).
void small_text(float factor) {
    const float size = ImGui::GetFontSize();
    ImGui::SetWindowFontScale(std::round(size * factor) / size);
}


// The language map `key` of an item, or nullptr.
const Json* text_field(const Json& item, const char* key) {
    auto it = item.find(key);
    if (it == item.end() || !it->is_object() || !it->contains("en")) return nullptr;
    return &*it;
}

std::string field_text(const Json& item, const char* key) {
    const Json* f = text_field(item, key);
    return f ? std::string(text_in(*f)) : std::string();
}

std::vector<std::string> id_list(const Json& item, const char* key) {
    std::vector<std::string> ids;
    auto it = item.find(key);
    if (it == item.end() || !it->is_array()) return ids;
    for (const auto& v : *it)
        if (v.is_string()) ids.push_back(v.get<std::string>());
    return ids;
}

// The first title-like field: what the item is called.
const char* const kTitleFields[] = {"title", "name", "label", "term", "question", "headline"};

std::string title_of(const Json& item) {
    for (const char* key : kTitleFields)
        if (const Json* f = text_field(item, key)) return std::string(text_in(*f));
    return {};
}


// A title the reader has just read as the chapter's heading is not repeated.
std::string_view g_heading_above;

void item_title(std::string_view text) {
    if (text.empty() || text == g_heading_above) return;
    bold_text(text);
}

// Wrapped lines of language maps; numbered when `ordered`.
void text_list(const Json& list, bool ordered) {
    int n = 0;
    for (const auto& entry : list) {
        std::string text;
        if (entry.is_object() && entry.contains("en")) text = std::string(text_in(entry));
        else if (entry.is_object()) {
            text = title_of(entry);
            const std::string more = field_text(entry, "text");
            if (!more.empty()) text += text.empty() ? more : " \xE2\x80\x94 " + more;  // em dash
        }
        if (text.empty()) continue;
        ++n;
        if (ordered) {
            const std::string number = std::to_string(n) + ".";
            ImGui::TextUnformatted(number.c_str());
            ImGui::SameLine(ImGui::CalcTextSize("00.").x + ImGui::GetStyle().ItemSpacing.x);
            text_wrapped(text);
        } else {
            bullet_text(text);
        }
    }
}

ImVec4 mix(ImVec4 a, ImVec4 b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

struct CalloutTone {
    const char* label;
    ImVec4 accent;
};

CalloutTone tone_of(const std::string& tone) {
    if (tone == "key_point") return {words("guide.tone_key_point"), colour(Tone::callout_key_point)};
    if (tone == "warning") return {words("guide.tone_caution"), colour(Tone::callout_caution)};
    if (tone == "sources_differ") return {words("guide.tone_sources_differ"), colour(Tone::callout_sources_differ)};
    if (tone == "quote") return {words("guide.tone_quote"), colour(Tone::callout_quote)};
    return {words("guide.tone_note"), colour(Tone::callout_note)};
}

// A box around a few lines: a one-cell table whose row background is the box, so it always
// fits its content (a child window would keep a stale height while scrolled out of view).
bool box_begin(const char* id, ImVec4 bg, float left_pad, bool border) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(style.WindowPadding.x, std::round(style.WindowPadding.y * 0.8f)));
    ImGuiTableFlags flags = ImGuiTableFlags_PadOuterX;
    if (border) flags |= ImGuiTableFlags_BordersOuter;
    // A bordered box stays a pixel inside the column, whose edge would clip its right border.
    const float width = border ? ImGui::GetContentRegionAvail().x - 1.0f : 0.0f;
    if (!ImGui::BeginTable(id, 1, flags, ImVec2(width, 0))) {
        ImGui::PopStyleVar();
        return false;
    }
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(bg));
    ImGui::TableNextColumn();
    if (left_pad > 0) ImGui::Indent(left_pad);
    return true;
}

void box_end(float left_pad) {
    if (left_pad > 0) ImGui::Unindent(left_pad);
    ImGui::EndTable();
    ImGui::PopStyleVar();
}

// A tinted box with a coloured bar on its left, a small capital label, a title and the text.
void callout(const Json& item) {
    const CalloutTone tone = tone_of(item.value("tone", std::string()));
    const bool dark = dark_theme();
    const ImVec4 bg = dark ? mix(ImVec4(0.12f, 0.12f, 0.13f, 1), tone.accent, 0.22f)
                           : mix(ImVec4(1, 1, 1, 1), tone.accent, 0.10f);
    const ImVec4 label = dark ? mix(tone.accent, ImVec4(1, 1, 1, 1), 0.45f) : tone.accent;
    const float bar = 5.0f;
    if (!box_begin("callout", bg, bar, false)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, label);
    small_text(0.8f);
    {
        FontScope font(kFontBold);
        ImGui::TextUnformatted(tone.label);
    }
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopStyleColor();
    item_title(field_text(item, "title"));
    text_wrapped(field_text(item, "text"));
    box_end(bar);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + bar, b.y), ImGui::GetColorU32(tone.accent));
}

// Big numbers with their labels, as many per row as fit (two on a phone, four on a desktop).
void figure_tiles(const Json& figures) {
    if (!figures.is_array() || figures.empty()) return;
    const int count = static_cast<int>(figures.size());
    const float tile = 9.0f * ImGui::GetFontSize();
    const int columns = std::clamp(static_cast<int>(ImGui::GetContentRegionAvail().x / tile), 1, count);
    if (!ImGui::BeginTable("figures", columns, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_NoPadOuterX)) return;
    const ImVec4 accent = colour(Tone::link);
    for (const auto& f : figures) {
        ImGui::TableNextColumn();
        big_text_begin();
        ImGui::PushStyleColor(ImGuiCol_Text, accent);
        text_wrapped(f.value("value", std::string()));
        ImGui::PopStyleColor();
        big_text_end();
        if (const Json* label = text_field(f, "label")) text_wrapped(text_in(*label));
        ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    }
    ImGui::EndTable();
}

// A table of language maps. Three or more columns do not fit a phone: there each row becomes a
// card, its first cell the card's title and every other cell under its column's header.
void content_table(const Json& item) {
    const Json& header = item["header"];
    const Json& rows = item["rows"];
    const int columns = static_cast<int>(header.size());
    if (columns == 0) return;
    const float width = ImGui::GetContentRegionAvail().x;
    const bool cards = columns > 2 && width < 28.0f * ImGui::GetFontSize();
    if (cards) {
        int r = 0;
        for (const auto& row : rows) {
            ImGui::PushID(r++);
            if (!box_begin("row", ImGui::GetStyleColorVec4(ImGuiCol_WindowBg), 0.0f, true)) {
                ImGui::PopID();
                continue;
            }
            bold_text(text_in(row[0]));
            for (int c = 1; c < columns && c < static_cast<int>(row.size()); ++c) {
                ImGui::Spacing();
                small_text(0.85f);
                text_muted(text_in(header[c]));
                ImGui::SetWindowFontScale(1.0f);
                text_wrapped(text_in(row[c]));
            }
            box_end(0.0f);
            ImGui::Spacing();
            ImGui::PopID();
        }
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("table", columns, flags)) return;
    for (int c = 0; c < columns; ++c) ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < columns; ++c) {
        ImGui::TableNextColumn();
        bold_text(text_in(header[c]));
    }
    for (const auto& row : rows) {
        ImGui::TableNextRow();
        for (int c = 0; c < columns && c < static_cast<int>(row.size()); ++c) {
            ImGui::TableNextColumn();
            if (c == 0) bold_text(text_in(row[c]));
            else text_wrapped(text_in(row[c]));
        }
    }
    ImGui::EndTable();
}

void labelled(const char* label, const std::string& text) {
    if (text.empty()) return;
    {
        FontScope font(kFontBold);
        ImGui::TextUnformatted(label);
    }
    text_wrapped(text);
}

// The criteria of a group ("criteria.group.major"): each criterion's name and what counts.
void criteria_of_group(const App& app, const Json& group) {
    const Json* criteria = app.data().content().topic("criteria");
    if (!criteria || !criteria->contains("criteria") || !group.contains("key")) return;
    for (const auto& c : (*criteria)["criteria"]) {
        if (c.value("group", std::string()) != group["key"].get<std::string>()) continue;
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        bold_text(field_text(c, "name"));
        text_wrapped(field_text(c, "counts"));
        ImGui::EndGroup();
    }
}

// Fields other topics use for their text, in reading order.
const char* const kBodyFields[] = {"intro", "text", "rule", "definition", "explanation", "known_for", "counts",
                                   "how", "looks_for", "why", "note", "none", "three_or_more", "phenotype"};

// Anything without a kind of its own: its title, where it is, its texts, its lists.
void generic_item(App& app, const Lookup& lookup, const Json& item, const std::string& id) {
    const Content& content = app.data().content();
    if (item.contains("citation") && item.contains("number")) {  // a numbered reference of the guide
        const std::string number = std::to_string(item["number"].get<int>()) + ".";
        ImGui::TextUnformatted(number.c_str());
        ImGui::SameLine(ImGui::CalcTextSize("00.").x + ImGui::GetStyle().ItemSpacing.x);
        text_wrapped(item["citation"].get<std::string>());
        return;
    }
    if (item.contains("citation") && item.contains("short")) {  // a publication of our own list, not a seed
        item_title(field_text(item, "short"));
        text_wrapped(item["citation"].get<std::string>());
        text_muted(field_text(item, "why"));
        return;
    }
    item_title(title_of(item));
    std::string place;
    for (const char* key : {"city", "country"}) {
        const std::string part = field_text(item, key);
        if (!part.empty()) place += (place.empty() ? "" : ", ") + part;
    }
    if (!place.empty()) text_muted(place);
    const std::string title = title_of(item);
    for (const char* key : kBodyFields) {
        const std::string text = field_text(item, key);
        if (!text.empty() && text != title) text_wrapped(text);
    }
    if (content.topic_of(id) == "criteria" && id.rfind("criteria.group.", 0) == 0) criteria_of_group(app, item);
    for (const char* key : {"items", "steps", "points"}) {
        auto it = item.find(key);
        if (it != item.end() && it->is_array()) text_list(*it, key == std::string_view("steps"));
    }
    if (item.contains("figures")) figure_tiles(item["figures"]);
    link_row(app, lookup, words("guide.tests"), id_list(item, "test_ids"));
}

}  // namespace

void link_row(App& app, const Lookup& lookup, std::string_view label, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::PopStyleColor();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::string name = item_text(app, ids[i], "term");
        if (name.empty()) name = item_text(app, ids[i], "title");
        if (name.empty()) name = item_text(app, ids[i], "name");
        if (name.empty()) name = ids[i];
        const std::string shown = name + (i + 1 < ids.size() ? "," : "");
        // Like words on a line: stay on this line when the link fits, else start the next one.
        ImGui::SameLine();
        const float w = ImGui::CalcTextSize(shown.c_str()).x;
        if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        if (lookup.linkable(ids[i])) {
            item_link(app, ids[i], name, i + 1 < ids.size() ? "," : "");
        } else {
            ImGui::TextUnformatted(shown.c_str());
        }
    }
}

void draw_item(App& app, const Lookup& lookup, const std::string& id, std::string_view heading_above) {
    const Content& content = app.data().content();
    const Json* found = content.item(id);
    if (!found) return;
    const Json& item = *found;
    const std::string kind = item.value("kind", std::string());
    ImGui::PushID(id.c_str());
    ImGui::BeginGroup();
    g_heading_above = heading_above;
    if (kind == "paragraph") {
        item_title(field_text(item, "title"));
        text_wrapped(field_text(item, "text"));
    } else if (kind == "list") {
        item_title(field_text(item, "title"));
        const std::string intro = field_text(item, "intro");
        if (!intro.empty()) text_wrapped(intro);
        text_list(item["items"], item.value("ordered", false));
    } else if (kind == "table") {
        item_title(field_text(item, "title"));
        content_table(item);
        const std::string note = field_text(item, "note");
        if (!note.empty()) text_muted(note);
    } else if (kind == "callout") {
        callout(item);
    } else if (kind == "figures") {
        item_title(field_text(item, "title"));
        figure_tiles(item["figures"]);
        const std::string note = field_text(item, "note");
        if (!note.empty()) text_muted(note);
    } else if (kind == "test") {
        item_title(field_text(item, "name"));
        labelled(words("guide.looks_for"), field_text(item, "looks_for"));
        labelled(words("guide.why_it_matters"), field_text(item, "why"));
        if (item.contains("details")) text_list(item["details"], false);
    } else if (kind == "term") {
        item_title(field_text(item, "term"));
        text_wrapped(field_text(item, "definition"));
    } else if (kind == "question") {
        bold_text(field_text(item, "text"));
        const std::string why = field_text(item, "why");
        if (!why.empty()) text_muted(why);
        link_row(app, lookup, words("guide.about"), id_list(item, "about_ids"));
    } else if (kind == "entry") {
        item_title(field_text(item, "name"));
        text_wrapped(field_text(item, "text"));
        if (item.contains("points")) text_list(item["points"], false);
        if (item.contains("figures")) figure_tiles(item["figures"]);
        link_row(app, lookup, words("guide.tests"), id_list(item, "test_ids"));
    } else {
        generic_item(app, lookup, item, id);
    }
    if (!item.contains("citation")) sources_line(app, id);  // references and publications are sources themselves
    link_row(app, lookup, words("guide.see_also"), id_list(item, "see_ids"));
    g_heading_above = {};
    ImGui::EndGroup();
    ImGui::PopID();
}

}  // namespace poems::ui::guide
