// The Guide page: three views over the same cited content.
//   Guide      — the guide's chapters in order, every item drawn by its kind, with a table of
//                contents beside the text on wide screens and a jump list on phones;
//   Glossary   — the terms, searchable by term, alias or words of the definition;
//   References — the source documents and the guide's numbered references.
// Other pages send people here with app.open_item(id): a glossary id opens the Glossary on that
// entry, any other id the Guide at the item (or chapter) that shows it. Each view keeps its own
// scroll position, so going to a glossary entry and back leaves the reader where they were.
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"
#include "pages/guide_views.hpp"
#include "poems/text_fold.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace poems::ui {

namespace {

using namespace guide;

enum class View { guide, glossary, references };

struct GuideState {
    View view = View::guide;
    std::unique_ptr<Lookup> lookup;               // built on first use; content never changes
    std::vector<GlossaryEntry> glossary;          // sorted by term
    std::vector<GlossaryIndexEntry> glossary_index;  // same order, folded for search
    std::string scroll_to;  // a chapter, item or entry to bring to the top, done while drawing it
    int scroll_tries = 0;
    bool scroll_to_top = false;
    std::string highlight;  // the item a link asked for, tinted until the reader goes elsewhere
    float highlight_height = 0;
    std::vector<float> chapter_top;  // where each chapter starts in the Guide's scroll, last frame
    int current_chapter = 0;
    bool jump_open = false;  // the phone's chapter list
    char search[128] = "";
    std::string last_search;
};

void prepare(const App& app, GuideState& s) {
    if (s.lookup) return;
    s.lookup = std::make_unique<Lookup>(app);
    s.glossary = app.data().content().glossary();
    s.glossary_index = build_glossary_index(app);
    s.chapter_top.assign(app.data().content().guide().size(), 0.0f);
}

bool glossary_matches(const GuideState& s, std::size_t i, const std::vector<std::string>& words) {
    return folded_text_matches(s.glossary_index[i].folded, words);
}

// Goes to what a link asked for.
void show(const App& app, GuideState& s, const std::string& id) {
    const Content& content = app.data().content();
    s.jump_open = false;
    s.scroll_to_top = false;
    s.scroll_tries = 0;
    if (content.topic_of(id) == "glossary") {
        s.view = View::glossary;
        s.scroll_to = s.highlight = id;
        const auto words = search_words(s.search);
        for (std::size_t i = 0; i < s.glossary.size(); ++i)
            if (s.glossary[i].id == id && !glossary_matches(s, i, words)) s.search[0] = '\0';  // else it is hidden
        return;
    }
    s.view = View::guide;
    const Location at = s.lookup->locate(id);
    if (at.chapter < 0) {  // nothing here shows it: the start of the Guide is the nearest thing
        s.scroll_to.clear();
        s.highlight.clear();
        s.scroll_to_top = true;
    } else if (at.item_id.empty()) {
        s.scroll_to = content.guide()[at.chapter].id;
        s.highlight.clear();
    } else {
        s.scroll_to = s.highlight = at.item_id;
    }
}

// Brings the cursor's line to the top of the scrolling view, with a little air. The scroll moves
// next frame (ImGui clamps it then, to the content measured this frame); it is checked then and
// set again if layout moved, at most twice, then left to the reader.
void scroll_here(GuideState& s) {
    const float want = std::max(0.0f, ImGui::GetCursorPosY() - ems(0.5f));
    const float reachable = std::min(want, ImGui::GetScrollMaxY());
    if (s.scroll_tries > 0 && (std::abs(ImGui::GetScrollY() - reachable) < 1.0f || s.scroll_tries >= 3)) {
        s.scroll_to.clear();
        s.scroll_tries = 0;
        return;
    }
    ImGui::SetScrollY(want);
    ++s.scroll_tries;
}

// Page Up/Down, Space, arrows, Home and End scroll the view the reader is in.
void keyboard_scrolling() {
    if (ImGui::GetIO().WantTextInput) return;
    const float page = ImGui::GetWindowHeight() * 0.85f, line = 3.0f * ImGui::GetFontSize();
    float by = 0;
    if (ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_Space)) by = page;
    if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) by = -page;
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) by = line;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) by = -line;
    if (by != 0) ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + by, 0.0f, ImGui::GetScrollMaxY()));
    if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) ImGui::SetScrollY(0);
    if (ImGui::IsKeyPressed(ImGuiKey_End, false)) ImGui::SetScrollY(ImGui::GetScrollMaxY());
}

void view_tabs(GuideState& s) {
    struct Tab {
        View view;
        const char* label;
        const char* name;
    };
    const Tab tabs[] = {{View::guide, words("guide.tab_guide"), "guide:tab:guide"},
                        {View::glossary, words("guide.tab_glossary"), "guide:tab:glossary"},
                        {View::references, words("guide.tab_references"), "guide:tab:references"}};
    const float gap = 3.0f;
    const float width = std::min((ImGui::GetContentRegionAvail().x - 2 * gap) / 3, 9.0f * ImGui::GetFontSize());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, ImGui::GetStyle().ItemSpacing.y));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4.0f, ImGui::GetStyle().FramePadding.y));
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        const bool on = s.view == tabs[i].view;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(tabs[i].label, ImVec2(width, 0))) s.view = tabs[i].view;
        describe_last_item(Role::tab, tabs[i].label, s.view == tabs[i].view ? 1 : 0);
        name_last_item(tabs[i].name);
        if (on) ImGui::PopStyleColor();
    }
    ImGui::PopStyleVar(2);
    ImGui::Spacing();
}

// ---- Guide ----------------------------------------------------------------------------------

void chapter_list(GuideState& s, const std::vector<GuideChapter>& chapters, float min_height) {
    for (int c = 0; c < static_cast<int>(chapters.size()); ++c) {
        const std::string label = std::to_string(c + 1) + ". " + std::string(text_in(*chapters[c].title));
        ImGui::PushID(c);
        if (wrapped_selectable("##chapter", label, c == s.current_chapter, min_height)) {
            s.scroll_to = chapters[c].id;
            s.scroll_tries = 0;
            s.highlight.clear();
            s.jump_open = false;
        }
        name_last_item("guide:chapter:" + chapters[c].id);
        ImGui::PopID();
    }
}

void guide_view(App& app, GuideState& s) {
    const Content& content = app.data().content();
    const auto& chapters = content.guide();
    const float em = ImGui::GetFontSize();
    const bool side_contents = ImGui::GetContentRegionAvail().x >= 48.0f * em;

    if (side_contents) {
        ImGui::BeginChild("guide:contents", ImVec2(15.0f * em, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(words("guide.chapters"));
        ImGui::PopStyleColor();
        chapter_list(s, chapters, 0.0f);
        ImGui::EndChild();
        ImGui::SameLine(0, em);
    } else {
        // Phones: the chapter list and "back to top" stay above the text, always in reach.
        if (ImGui::Button(s.jump_open ? words("guide.close_chapters") : words("guide.chapters_menu"))) s.jump_open = !s.jump_open;
        name_last_item("guide:chapters");
        if (!s.jump_open && s.current_chapter < static_cast<int>(chapters.size())) {
            const char* top = words("guide.top");
            const float top_w = ImGui::CalcTextSize(top).x + ImGui::GetStyle().FramePadding.x * 2;
            const float title_w = ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - top_w -
                                  ImGui::GetStyle().ItemSpacing.x * 2;
            ImGui::SameLine();
            // Where the reader is, cut to the room there is.
            const std::string title(text_in(*chapters[s.current_chapter].title));
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const float text_y = pos.y + ImGui::GetStyle().FramePadding.y;
            ImGui::Dummy(ImVec2(std::max(0.0f, title_w), ImGui::GetFrameHeight()));
            ImGui::GetWindowDrawList()->PushClipRect(pos, ImVec2(pos.x + std::max(0.0f, title_w), pos.y + ImGui::GetFrameHeight()), true);
            ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x, text_y), ImGui::GetColorU32(ImGuiCol_TextDisabled), title.c_str());
            ImGui::GetWindowDrawList()->PopClipRect();
            ImGui::SameLine();
            if (ImGui::Button(top)) s.scroll_to_top = true;
            name_last_item("guide:top");
        }
        if (s.jump_open) {
            ImGui::BeginChild("guide:jump");
            chapter_list(s, chapters, ImGui::GetFrameHeight());
            ImGui::EndChild();
            return;
        }
    }

    ImGui::BeginChild("guide:body");
    keyboard_scrolling();
    if (s.scroll_to_top) {
        ImGui::SetScrollY(0);
        s.scroll_to_top = false;
    }
    if (begin_column("guide:column", ImGui::GetContentRegionAvail().x)) {
        if (const Json* g = content.topic("guide"); g && g->contains("intro")) text_muted(text_in((*g)["intro"]));
        s.chapter_top.resize(chapters.size());
        for (int c = 0; c < static_cast<int>(chapters.size()); ++c) {
            const GuideChapter& chapter = chapters[c];
            ImGui::PushID(c);
            ImGui::Dummy(ImVec2(0, ems(c ? 1.5f : 0.5f)));
            s.chapter_top[c] = ImGui::GetCursorPosY();
            if (s.scroll_to == chapter.id) scroll_here(s);
            const std::string_view title = text_in(*chapter.title);
            big_text_begin();
            text_wrapped(title);
            big_text_end();
            if (ImGui::IsItemVisible()) name_last_item("guide:section:" + chapter.id);
            sources_line(app, chapter.sources);
            bool first = true;
            for (const auto& id : chapter.item_ids) {
                ImGui::Dummy(ImVec2(0, ems(0.4f)));
                if (s.scroll_to == id) scroll_here(s);
                const bool lit = s.highlight == id;
                if (lit) highlight_background(s.highlight_height);
                draw_item(app, *s.lookup, id, first ? title : std::string_view());
                first = false;
                if (lit) {
                    s.highlight_height = ImGui::GetItemRectSize().y;
                    name_last_item("guide:highlight");
                }
            }
            ImGui::PopID();
        }
        ImGui::Dummy(ImVec2(0, ems(2.0f)));
        end_column();
    }
    // The chapter at the top of the view is the one being read.
    const float reading_at = ImGui::GetScrollY() + 2.0f * em;
    s.current_chapter = 0;
    for (int c = 0; c < static_cast<int>(s.chapter_top.size()); ++c)
        if (s.chapter_top[c] <= reading_at) s.current_chapter = c;
    ImGui::EndChild();
    name_last_item("guide:body");
}

// ---- Glossary -------------------------------------------------------------------------------

void glossary_view(App& app, GuideState& s) {
    // Line up with the entries' column below, which loses the scrollbar's width.
    const float avail = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    const float width = std::min(avail, reading_width());
    const float left = ImGui::GetCursorPosX() + std::max(0.0f, (avail - width) * 0.5f);
    const bool typed = s.search[0] != '\0';
    const char* clear = ui::words("guide.clear");
    const float clear_w = typed ? ImGui::CalcTextSize(clear).x + ImGui::GetStyle().FramePadding.x * 2 +
                                      ImGui::GetStyle().ItemSpacing.x
                                : 0.0f;
    ImGui::SetCursorPosX(left);
    ImGui::SetNextItemWidth(width - clear_w);
    input_field("##glossary_search", s.search, sizeof s.search, ui::words("guide.search_hint"));
    name_last_item("glossary:search");
    if (typed) {
        ImGui::SameLine();
        if (ImGui::Button(clear)) s.search[0] = '\0';
        name_last_item("glossary:clear");
    }

    const auto words = search_words(s.search);
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < s.glossary.size(); ++i)
        if (glossary_matches(s, i, words)) shown.push_back(i);
    // Terms named by the search come first, then those that only mention it.
    std::stable_partition(shown.begin(), shown.end(), [&](std::size_t i) {
        return folded_text_matches(s.glossary_index[i].folded_names, words);
    });
    ImGui::SetCursorPosX(left);
    if (shown.empty()) {
        ImGui::PushTextWrapPos(left + width);
        ImGui::TextWrapped("%s", fill_in(ui::words("guide.no_match"), "search", s.search).c_str());
        ImGui::PopTextWrapPos();
    } else {
        const std::string count = fill_in(words.empty() ? ui::words("guide.terms") : ui::words("guide.terms_of"), "count",
                                            std::to_string(shown.size()));
        ImGui::TextDisabled("%s", fill_in(count, "total", std::to_string(s.glossary.size())).c_str());
    }
    name_last_item("glossary:count");

    if (s.last_search != s.search) {  // new results start at the top
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
        s.last_search = s.search;
    }
    ImGui::BeginChild("glossary:body");
    keyboard_scrolling();
    if (begin_column("glossary:column", ImGui::GetContentRegionAvail().x)) {
        for (std::size_t i : shown) {
            const GlossaryEntry& e = s.glossary[i];
            ImGui::PushID(e.id.c_str());
            ImGui::Dummy(ImVec2(0, ems(0.4f)));
            if (s.scroll_to == e.id) scroll_here(s);
            const bool lit = s.highlight == e.id;
            if (lit) highlight_background(s.highlight_height);
            ImGui::BeginGroup();
            bold_text(text_in(*e.term));
            if (!e.aliases.empty()) {
                std::string also = ui::words("guide.also_called") + std::string(" ");
                for (std::size_t a = 0; a < e.aliases.size(); ++a)
                    also += (a ? "; " : "") + std::string(text_in(*e.aliases[a]));
                text_muted(also);
            }
            text_wrapped(text_in(*e.definition));
            sources_line(app, e.sources);
            link_row(app, *s.lookup, ui::words("guide.see_also"), e.see_ids);
            ImGui::EndGroup();
            if (lit) s.highlight_height = ImGui::GetItemRectSize().y;
            if (ImGui::IsItemVisible()) name_last_item("glossary:entry:" + e.id);
            ImGui::Dummy(ImVec2(0, ems(0.4f)));
            ImGui::Separator();
            ImGui::PopID();
        }
        ImGui::Dummy(ImVec2(0, ems(2.0f)));
        end_column();
    }
    ImGui::EndChild();
    name_last_item("glossary:body");
}

// ---- References -----------------------------------------------------------------------------

void references_view(App& app, GuideState&) {
    const Content& content = app.data().content();
    ImGui::BeginChild("references:body");
    keyboard_scrolling();
    if (begin_column("references:column", ImGui::GetContentRegionAvail().x)) {
        big_text_begin();
        text_wrapped(words("guide.sources_heading"));
        big_text_end();
        text_muted(words("guide.sources_intro"));
        for (const Seed& seed : content.seeds()) {
            ImGui::Dummy(ImVec2(0, ems(0.4f)));
            ImGui::BeginGroup();
            bold_text(text_in(*seed.title));
            text_wrapped(seed.publisher + " \xC2\xB7 " + (seed.date == "undated" ? std::string(words("guide.undated")) : seed.date));
            text_muted(fill_in(words("guide.cited_as"), "name", text_in(*seed.short_name)));
            ImGui::EndGroup();
            if (ImGui::IsItemVisible()) name_last_item("references:seed:" + seed.file);
        }
        for (const Seed& seed : content.seeds()) {
            if (seed.references.empty()) continue;
            ImGui::Dummy(ImVec2(0, ems(1.0f)));
            big_text_begin();
            text_wrapped(fill_in(words("guide.references_in"), "name", text_in(*seed.short_name)));
            big_text_end();
            for (const Reference& ref : seed.references) {
                ImGui::Dummy(ImVec2(0, ems(0.2f)));
                ImGui::BeginGroup();
                const std::string number = std::to_string(ref.number) + ".";
                ImGui::TextUnformatted(number.c_str());
                ImGui::SameLine(ImGui::CalcTextSize("00.").x + ImGui::GetStyle().ItemSpacing.x);
                text_wrapped(ref.citation);
                ImGui::EndGroup();
                if (ImGui::IsItemVisible()) name_last_item("references:ref:" + std::to_string(ref.number));
            }
        }
        ImGui::Dummy(ImVec2(0, ems(2.0f)));
        end_column();
    }
    ImGui::EndChild();
    name_last_item("references:body");
}


void draw_page(App& app, GuideState& s) {
    prepare(app, s);
    if (ImGui::GetIO().MouseWheel != 0) s.scroll_to.clear();  // the reader scrolls: leave it to them
    view_tabs(s);
    switch (s.view) {
        case View::guide: guide_view(app, s); break;
        case View::glossary: glossary_view(app, s); break;
        case View::references: references_view(app, s); break;
    }
}

class GuidePage final : public PageView {
public:
    void draw(App& app) override { draw_page(app, s_); }
    // App::open() hands the item over after the frame that followed the link, so the page is
    // never changed under its own feet while it draws.
    void show_item(App& app, const std::string& id) override {
        prepare(app, s_);
        show(app, s_, id);
    }
private:
    GuideState s_;
};

}  // namespace

std::unique_ptr<PageView> make_guide_page() { return std::make_unique<GuidePage>(); }

}  // namespace poems::ui
