// The expert-center directory: search, two filters, result cards that open on tap, and the
// "copy details" text. Everything comes from content/centers.json; nothing is fetched.
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"

#include <imgui.h>

#include <cstring>
#include <memory>
#include <string>

namespace poems::ui {

namespace {

// What the person typed and opened; kept while they visit other pages.
struct CentersUi {
    char search[128] = "";
    int region = 0;           // 0 = every region, then the directory's regions in order
    bool remote_only = false;
    std::string open_id;      // the center whose details are shown
    bool scroll_to_open = false;
};

std::string place_line(const CenterDirectory& dir, const Center& c) {
    std::string place = c.city.in();
    if (!c.country.in().empty()) place += (place.empty() ? "" : ", ") + c.country.in();
    if (const CenterRegion* r = dir.region(c.region)) place += (place.empty() ? "" : " - ") + r->name.in();
    return place;
}

std::string remote_words(const CenterDirectory& dir, RemoteConsultation r) {
    return dir.label(r == RemoteConsultation::yes  ? "remote_yes"
                     : r == RemoteConsultation::no ? "remote_no"
                                                   : "remote_not_stated");
}

void draw_details(App& app, const CenterDirectory& dir, const Center& c) {
    ImGui::Separator();
    heading(dir.label("remote"));
    text_wrapped(remote_words(dir, c.remote));
    if (!c.remote_note.empty()) text_wrapped(c.remote_note.in());
    sources_line(app, c.sources);

    heading(dir.label("how_to_get_referred"));
    for (std::size_t i = 0; i < dir.referral_steps.size(); ++i)
        text_wrapped(std::to_string(i + 1) + ". " + dir.referral_steps[i].in());
    text_muted(dir.label("no_contact_details"));
    sources_line(app, dir.referral_sources);

    ImGui::Spacing();
    text_muted(dir.label("checked") + " " + to_string(c.checked) +
               (c.source_date.empty() ? "" : " (" + dir.label("source_date") + " " + c.source_date + ")"));
    ImGui::Spacing();
    const std::string details = center_details_text(
        dir, c, "en", [&app](const SourceRef& s) { return app.data().content().format_citation(s); });
    copy_button(app, words("centers.copy_details"), details);
    name_last_item("centers:copy:" + c.id);
}

void draw_card(App& app, CentersUi& ui, const CenterDirectory& dir, const Center& c) {
    const bool open = ui.open_id == c.id;
    ImGui::PushID(c.id.c_str());
    if (open && ui.scroll_to_open) {  // the page scrolls, not the card: before card_begin
        ImGui::SetScrollHereY(0.0f);
        ui.scroll_to_open = false;
    }
    card_begin("card");
    std::string title = c.name.in();
    if (!c.short_name.empty() && title.find(c.short_name.in()) == std::string::npos)
        title += " (" + c.short_name.in() + ")";
    if (expander_text("open", title, open, kFontBold)) ui.open_id = open ? std::string() : c.id;
    name_last_item("centers:card:" + c.id);
    text_muted(place_line(dir, c));
    ImGui::Spacing();
    text_wrapped(dir.label("known_for") + ": " + c.known_for.in());
    if (c.remote == RemoteConsultation::yes) {
        ImGui::Spacing();
        text_wrapped(dir.label("remote") + ": " + remote_words(dir, c.remote));
    }
    if (open) draw_details(app, dir, c);
    card_end();
    ImGui::PopID();
    ImGui::Spacing();
}

// Opened on one center from another page (the checklist's links): its card open and scrolled to.
void show_center(App& app, CentersUi& ui, const std::string& center_id) {
    ui = CentersUi{};
    if (app.data().centers().center(center_id)) {
        ui.open_id = center_id;
        ui.scroll_to_open = true;
    }
}

void draw_page(App& app, CentersUi& ui) {
    const CenterDirectory& dir = app.data().centers();

    text_wrapped(dir.intro.in());
    sources_line(app, dir.intro_sources);
    ImGui::Spacing();

    ImGui::SetNextItemWidth(-FLT_MIN);
    input_field("##search", ui.search, sizeof ui.search, words("centers.search_hint"));
    name_last_item("centers:search");

    std::vector<std::string> regions = {words("centers.all_regions")};
    for (const auto& r : dir.regions) regions.push_back(r.name.in());
    choice_buttons("centers:region", regions, &ui.region);
    big_checkbox(words("centers.remote_only"), &ui.remote_only);
    name_last_item(ui.remote_only ? "centers:remote:on" : "centers:remote:off");

    CenterQuery query;
    query.words = ui.search;
    if (ui.region > 0 && ui.region <= static_cast<int>(dir.regions.size())) query.region = dir.regions[ui.region - 1].id;
    query.remote_only = ui.remote_only;
    const std::vector<const Center*> found = search_centers(dir.centers, query, app.data().center_index());

    // The result list in one name, so a test can read what is shown without counting cards.
    const bool filtered = ui.search[0] || ui.region > 0 || ui.remote_only;
    std::string shown;
    for (const Center* c : found) shown += (shown.empty() ? "" : ",") + c->id;
    ImGui::Spacing();
    if (found.empty()) {
        heading(words("centers.none_match"));
        text_muted(words("centers.none_match_hint"));
        if (ImGui::Button(words("centers.clear_all"))) {
            ui.search[0] = '\0';
            ui.region = 0;
            ui.remote_only = false;
        }
        name_last_item("centers:clear");
        name_last_item("centers:results:none");
        return;
    }
    const std::string total = std::to_string(dir.centers.size());
    if (filtered) ImGui::AlignTextToFramePadding();
    const std::string count = !filtered              ? fill_in(words("centers.count"), "total", total)
                              : found.size() == 1 ? fill_in(words("centers.count_one_match"), "total", total)
                                                  : fill_in(fill_in(words("centers.count_match"), "found", std::to_string(found.size())),
                                                            "total", total);
    text_muted(count);
    name_last_item("centers:results:" + shown);
    if (filtered) {
        ImGui::SameLine();
        if (ImGui::Button(words("centers.clear"))) {
            ui.search[0] = '\0';
            ui.region = 0;
            ui.remote_only = false;
        }
        name_last_item("centers:clear");
    }
    ImGui::Spacing();
    for (const Center* c : found) draw_card(app, ui, dir, *c);
}

class CentersPage final : public PageView {
public:
    void draw(App& app) override { draw_page(app, s_); }
    void show_item(App& app, const std::string& center_id) override { show_center(app, s_, center_id); }
private:
    CentersUi s_;
};

}  // namespace

std::unique_ptr<PageView> make_centers_page() { return std::make_unique<CentersPage>(); }

}  // namespace poems::ui
