#include "app/app.hpp"

#include "app/palette.hpp"
#include "app/description.hpp"
#include "app/touch_scroll.hpp"
#include "app/palette.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"

#include "poems/record_store.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <utility>

namespace poems::ui {

namespace {
struct PageInfo {
    Page page;
    const char* id;
    const char* title_id;  // its title in content/ui.json
    bool phone_row;  // in the phone's bottom row; the others are under "More"
};
const PageInfo kPages[] = {
    {Page::criteria, "criteria", "page.criteria", true},       {Page::checklist, "checklist", "page.checklist", true},
    {Page::monitoring, "monitoring", "page.monitoring", true}, {Page::labs, "labs", "page.labs", true},
    {Page::diary, "diary", "page.diary", false},
    {Page::centers, "centers", "page.centers", false},         {Page::guide, "guide", "page.guide", false},
    {Page::settings, "settings", "page.settings", false},
};

// Below this width (logical px) the layout is a phone's: one column, navigation at the bottom
// where a thumb reaches it.
constexpr float kNarrowWidth = 700.0f;
}  // namespace

const char* page_id(Page p) { return kPages[static_cast<int>(p)].id; }
const char* page_title(Page p) { return words(kPages[static_cast<int>(p)].title_id); }

bool page_from_id(const std::string& id, Page& out) {
    for (const auto& info : kPages)
        if (id == info.id) {
            out = info.page;
            return true;
        }
    return false;
}

App::App(AppOptions options, Platform platform, PageViews views)
    : options_(std::move(options)), platform_(std::move(platform)), settings_(options_.settings),
      page_(options_.start_page), views_(std::move(views)) {
    data_ = AppData::load(data_error_);
    if (options_.record_arrives_later) save_status_ = {SaveStatus::State::loading, {}};
    else load_record_from_store();
}

void App::open(Page p, std::string item) {
    page_ = p;
    item_to_show_ = std::move(item);
}

// ---- The record: loaded once, saved after every change ------------------------------------

void App::load_record_from_store() {
    if (platform_.record_dir.empty()) return;  // no storage (e.g. an embed that keeps nothing)
    StoreLoad loaded = keeper_.load(platform_.record_dir);
    record_ = std::move(loaded.record);
    notices_ = std::move(loaded.messages);
    load_care();
    if (loaded.read_only) {
        save_status_ = {SaveStatus::State::read_only,
                        std::string(words("app.record_read_only")) + " " + (notices_.empty() ? std::string() : notices_.front())};
    }
}

// ---- What is remembered for the reminders (record.json.care) ---------------------------------

void App::load_care() {
    care_ = {};
    const std::filesystem::path file = platform_.record_dir / kRecordCareFileName;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return;
    std::string error;
    auto text = read_text_file(file, 4096, error);
    Problems problems;
    if (text) care_ = record_care_from_json(*text, file.string(), problems);
    else std::fprintf(stderr, "poems-companion: %s: %s (reminders start afresh)\n", file.string().c_str(), error.c_str());
    for (const auto& p : problems) std::fprintf(stderr, "poems-companion: %s (ignored)\n", p.to_string().c_str());
}

// Written beside the record (a temporary file, then renamed), before the platform persists the
// folder. Losing it costs at most a reminder, so a failure is only reported.
void App::save_care() {
    if (platform_.record_dir.empty()) return;
    const std::filesystem::path file = platform_.record_dir / kRecordCareFileName;
    const std::filesystem::path tmp = file.string() + ".tmp-care";
    std::error_code ec;
    std::filesystem::create_directories(platform_.record_dir, ec);
    std::ofstream out(tmp, std::ios::binary);
    out << record_care_to_json(care_);
    out.close();
    if (!out || (std::filesystem::rename(tmp, file, ec), ec))
        std::fprintf(stderr, "poems-companion: cannot write %s\n", file.string().c_str());
}

void App::load_record() {
    if (record_loaded()) return;
    save_status_ = {};
    load_record_from_store();
    record_was_replaced();
}

void App::record_changed() {
    // While loading, saving would write over the stored record before it was read.
    if (!record_loaded() || save_status_.state == SaveStatus::State::read_only || platform_.record_dir.empty()) return;
    SaveResult saved = keeper_.save(platform_.record_dir, record_);
    if (!saved.ok) {
        // Nothing on disk was touched; what the person entered stays in memory and on screen.
        save_status_ = {SaveStatus::State::failed, saved.message};
        return;
    }
    // The export reminder: remembered beside the record, shown right after a change when due.
    bool care_changed = !care_.changed_since_export;
    care_.changed_since_export = true;
    if (export_reminder_due(care_, options_.today, options_.embedded, ImGui::GetTime())) {
        export_reminder_open_ = true;
        care_.last_reminder = options_.today;
        care_changed = true;
    }
    if (care_changed) save_care();
    if (keeping_ == Keeping::not_kept) return;  // nowhere to keep it: the save state keeps saying so
    if (platform_.persist) {
        save_status_ = {SaveStatus::State::saving, {}};
        platform_.persist();
    } else {
        save_status_ = {SaveStatus::State::saved, {}};
    }
}

void App::replace_record(Record r) {
    record_ = std::move(r);
    record_was_replaced();
    record_changed();
}

std::string App::delete_all_data() {
    if (!record_loaded()) return words("app.delete_not_loaded");
    if (platform_.record_dir.empty()) {
        record_ = {};
        record_was_replaced();
        return words("app.cleared");
    }
    DeleteResult deleted = delete_record_files(platform_.record_dir);
    if (!deleted.ok) return deleted.message;  // the record stays, in memory and on disk
    record_ = {};
    record_was_replaced();
    notices_.clear();
    care_ = {};  // record.json.care went with the record
    export_reminder_open_ = false;
    save_status_ = {SaveStatus::State::saved, {}};
    if (platform_.persist) {
        save_status_.state = SaveStatus::State::saving;
        platform_.persist();
    }
    return words("app.deleted");
}

std::string App::export_record_now() {
    if (!platform_.save_file) return words("keeping.export_unavailable");
    const SavedFile saved = platform_.save_file(export_file_name(options_.today), "application/json", export_record(record_));
    if (!saved.ok) return saved.message;
    care_.last_export = options_.today;
    care_.changed_since_export = false;
    export_reminder_open_ = false;
    save_care();
    if (platform_.persist && keeping_ != Keeping::not_kept && record_loaded() &&
        save_status_.state != SaveStatus::State::read_only) {
        save_status_ = {SaveStatus::State::saving, {}};
        platform_.persist();
    }
    return saved.message;
}

void App::storage_refused(const std::string& cause) {
    keeping_ = Keeping::not_kept;
    persist_finished(false, fill_in(words("keeping.storage_refused"), "cause", cause));
}

void App::persist_finished(bool ok, const std::string& error) {
    if (save_status_.state == SaveStatus::State::read_only || !record_loaded()) return;
    save_status_ = ok ? SaveStatus{SaveStatus::State::saved, {}} : SaveStatus{SaveStatus::State::failed, error};
}

void App::file_opened(const std::string& name, const std::string& text) {
    if (on_file_opened) on_file_opened(name, text);
}

void App::draw_frame() {
    if (std::exchange(record_replaced_, false))
        for (auto& v : views_) v->on_record_replaced(*this);
    touch_drag_scroll();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("POEMS Companion", nullptr, root_flags);
    ImGui::PopStyleVar();
    begin_description();  // what is drawn, for tests and the accessibility mirror (app/description.hpp)

    const float width = viewport->WorkSize.x;
    const bool narrow = width < kNarrowWidth;
    const ImGuiStyle& style = ImGui::GetStyle();

    // One banner landmark for all that sits above the page: the title and save state (or an
    // embed's notice and its way back), load notices and the export reminder; none of it is left outside a region.
    begin_region(Role::banner);
    if (!options_.embedded) draw_header(width, narrow);
    else draw_embed_notice();
    draw_notices();
    draw_reminders();
    // An embed shows one view; a link that led elsewhere (a glossary term) gets a way back.
    if (options_.embedded && page_ != options_.start_page) {
        ImGui::Indent(style.WindowPadding.x);
        ImGui::Dummy(ImVec2(0, style.WindowPadding.y * 0.5f));
        const std::string back = fill_in(words("app.back_to"), "page", page_title(options_.start_page));
        if (ImGui::Button(back.c_str())) open(options_.start_page);
        name_last_item("embed:back");
        ImGui::Unindent(style.WindowPadding.x);
    }
    end_region();

    // Navigation: a column on the left on wide screens, one row at the bottom on phones.
    const float bottom_nav_h = options_.embedded ? 0.0f : bottom_navigation_height();
    const float side_nav_w = options_.embedded ? 0.0f : 12 * ImGui::GetFontSize();

    if (!options_.embedded && !narrow) {
        ImGui::BeginChild("nav", ImVec2(side_nav_w, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
        draw_side_navigation(side_nav_w);
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
    }

    const float page_h = narrow && !options_.embedded ? -bottom_nav_h : 0.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, style.WindowPadding);
    ImGui::BeginChild("page", ImVec2(0, page_h), ImGuiChildFlags_AlwaysUseWindowPadding);
    // Until the record is read, the page shows but takes no input: nothing typed can be lost.
    ImGui::BeginDisabled(!record_loaded());
    begin_region(Role::main);
    draw_page();
    end_region();
    ImGui::EndDisabled();
    ImGui::EndChild();
    name_last_item("layout:page");  // tests: the share of the screen the page gets
    ImGui::PopStyleVar();

    if (!options_.embedded && narrow) draw_bottom_navigation(width);
    end_description();
    ImGui::End();
    // A link followed in this frame: the page it opened shows the item from the next frame on.
    if (!item_to_show_.empty()) views_[static_cast<int>(page_)]->show_item(*this, std::exchange(item_to_show_, {}));
}

namespace {
// The save state in words: the full sentence (Settings and the accessible name) and, for the
// phone's one-line header, a word or two. A failure is never shortened: it shows in full, in red.
struct SaveWords {
    std::string full;
    std::string brief;
    bool failed = false;
};

SaveWords save_words(const SaveStatus& status, const Platform& platform, Keeping keeping) {
    switch (status.state) {
        case SaveStatus::State::loading: return {words("keeping.opening_record"), words("keeping.short_opening")};
        case SaveStatus::State::saving: return {words("keeping.short_saving"), words("keeping.short_saving")};
        case SaveStatus::State::saved: {
            if (platform.name != "browser" || keeping == Keeping::unknown || keeping == Keeping::not_kept)
                return {words("keeping.saved_here"), words("keeping.short_saved")};
            if (keeping == Keeping::kept) return {words("keeping.saved_kept"), words("keeping.short_saved")};
            return {words("keeping.saved_may_be_deleted"), words("keeping.short_saved_at_risk")};
        }
        case SaveStatus::State::failed:
        case SaveStatus::State::read_only: break;
    }
    const std::string why = fill_in(words("keeping.not_saved"), "why", status.message);
    return {why, why, true};
}
}  // namespace

// One line: the app's name and the save state. Wide windows add the disclaimer and a Settings
// button; on a phone Settings is under "More", and the disclaimer shows with every result and in
// Settings, so the page keeps the screen.
void App::draw_header(float width, bool narrow) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const SaveWords saved = save_words(save_status_, platform_, keeping_);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x, style.WindowPadding.y * (narrow ? 0.3f : 0.6f)));
    ImGui::BeginChild("header", ImVec2(width, 0), ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_AutoResizeY,
                      ImGuiWindowFlags_NoScrollbar);
    float title_end = 0;  // window-local x where the title's words end
    {
        FontScope bold(kFontBold);
        ImGui::AlignTextToFramePadding();
        // Measured with the font it is drawn in, rather than read back from the last item's
        // rectangle: at 360 px the save words were once placed over the title's last letters.
        title_end = ImGui::GetCursorPosX() + ImGui::CalcTextSize(words("app.name")).x;
        ImGui::TextUnformatted(words("app.name"));
        describe_last_text(Role::text, words("app.name"));
    }
    const float right = ImGui::GetContentRegionMax().x;
    if (!narrow) {
        const char* settings_label = words("page.settings");
        const float button_w = ImGui::CalcTextSize(settings_label).x + style.FramePadding.x * 2;
        ImGui::SameLine(right - button_w);
        if (ImGui::Button(settings_label)) open(Page::settings);
        describe_last_item(Role::link, settings_label, page_ == Page::settings ? 1 : 0);
        name_last_item("nav:settings");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", words("app.disclaimer"));
        ImGui::PopStyleColor();
    }
    if (saved.failed) {
        // Never shortened: what failed, and what to do, in full.
        ImGui::PushStyleColor(ImGuiCol_Text, colour(Tone::error));
        ImGui::TextWrapped("%s", saved.full.c_str());
        ImGui::PopStyleColor();
    } else if (narrow) {
        // A small dot and a word or two in smaller text at the right end of the title's line, or
        // under the title when they do not fit beside it (a narrow phone at a large text size).
        const float size = ImGui::GetFontSize();
        ImGui::SetWindowFontScale(std::floor(size * 0.85f) / size);
        const float dot = ImGui::GetFontSize() * 0.6f;
        const std::string& brief = saved.brief;
        const float need = dot + style.ItemInnerSpacing.x + ImGui::CalcTextSize(brief.c_str()).x;
        if (right - need >= title_end + style.ItemSpacing.x) ImGui::SameLine(right - need);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float mid = at.y + ImGui::GetFrameHeight() * 0.5f;
        const bool at_risk = save_status_.state == SaveStatus::State::saved && keeping_ == Keeping::may_be_deleted;
        const ImU32 dot_colour = at_risk ? colour_u32(Tone::at_risk) : ImGui::GetColorU32(ImGuiCol_TextDisabled);
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + dot * 0.5f, mid), dot * 0.5f, dot_colour);
        ImGui::SetCursorScreenPos(ImVec2(at.x + dot + style.ItemInnerSpacing.x, at.y));
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(brief.c_str());
        ImGui::PopStyleColor();
        ImGui::SetWindowFontScale(1.0f);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", saved.full.c_str());
        ImGui::PopStyleColor();
    }
    // A live region: polite for the save state, assertive when saving failed.
    describe_last_text(saved.failed ? Role::alert : Role::status, saved.full);
    name_last_text("status:save", saved.full);  // the sentence, whichever form is drawn
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::Separator();
}

// What happened when the record was loaded (a backup was used, an older file was updated...):
// shown until the person dismisses it, because silently changing someone's data is never fine.
void App::draw_notices() {
    // A topic read since start-up may have had problems too (Topics::problem_lines()).
    const std::string& content_problems = data_ ? data_->problem_lines() : data_error_;
    if (!content_problems.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour(Tone::error));
        ImGui::TextWrapped("%s", fill_in(words("app.content_failed"), "problems", content_problems).c_str());
        ImGui::PopStyleColor();
    }
    if (notices_.empty()) return;
    ImGui::Indent(ImGui::GetStyle().WindowPadding.x);
    for (const auto& n : notices_) ImGui::TextWrapped("%s", n.c_str());
    if (ImGui::Button(words("app.notices_ok"))) notices_.clear();
    name_last_item("notices:dismiss");
    ImGui::Unindent(ImGui::GetStyle().WindowPadding.x);
    ImGui::Separator();
}

// An embed has no header or Settings: when what is entered will not be kept, one line says so,
// with a link to the full app (a new tab), where the record can be kept and exported.
void App::draw_embed_notice() {
    if (keeping_ != Keeping::not_kept && keeping_ != Keeping::may_be_deleted) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::Indent(style.WindowPadding.x);
    ImGui::Dummy(ImVec2(0, style.WindowPadding.y * 0.25f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::AlignTextToFramePadding();  // level with the link beside it
    const bool none = keeping_ == Keeping::not_kept;
    ImGui::TextWrapped("%s", none ? words("keeping.embed_not_kept") : words("keeping.embed_may_be_deleted"));
    ImGui::PopStyleColor();
    name_last_item(none ? "embed:notice:not-kept" : "embed:notice:may-be-deleted");
    if (platform_.open_full_app) {
        same_line_if_fits(words("keeping.embed_open_full_app"));
        if (text_link(*this, words("keeping.embed_open_full_app"), "embed:open-app", ImGui::GetFrameHeight())) full_app_address_ = platform_.open_full_app(page_id(page_));
        if (!full_app_address_.empty()) {
            text_wrapped(fill_in(words("keeping.embed_open_blocked"), "address", full_app_address_));
            name_last_item("embed:open-app:address");
        }
    }
    ImGui::Unindent(style.WindowPadding.x);
    ImGui::Separator();
}

// The export reminder (after a change, when due) and, once, the Home Screen advice on iPhone and
// iPad Safari: calm cards above the page, each with its way to act and to put it away.
void App::draw_reminders() {
    if (!record_loaded()) return;
    if (options_.suggest_home_screen && !options_.embedded && !care_.home_screen_advice_shown) {
        care_.home_screen_advice_shown = true;  // once: the next start shows it only in Settings
        home_screen_advice_open_ = true;
        save_care();
        if (platform_.persist && keeping_ != Keeping::not_kept) platform_.persist();
    }
    if (!export_reminder_open_ && !home_screen_advice_open_) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::Indent(style.WindowPadding.x);
    // Compact: on a phone the page below keeps most of the screen.
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - style.WindowPadding.x);
    ImGui::BeginGroup();
    if (home_screen_advice_open_) {
        ImGui::TextUnformatted(words("keeping.home_screen_advice"));
        name_last_text("advice:home-screen", words("keeping.home_screen_advice"));
        ImGui::TextUnformatted(words("keeping.home_screen_move"));
        if (ImGui::Button(words("keeping.understood"))) home_screen_advice_open_ = false;
        name_last_item("advice:home-screen:ok");
    }
    if (export_reminder_open_) {
        const std::string text = care_.last_export
            ? fill_in(words("keeping.reminder_old_export"), "days", std::to_string(days_between(*care_.last_export, options_.today)))
            : std::string(words("keeping.reminder_never_exported"));
        ImGui::TextUnformatted(text.c_str());
        name_last_text("reminder:text", text);
        if (ImGui::Button(words("keeping.export_button"))) export_record_now();
        name_last_item("reminder:export");
        same_line_if_fits(words("keeping.not_now"));
        if (ImGui::Button(words("keeping.not_now"))) export_reminder_open_ = false;
        name_last_item("reminder:dismiss");
    }
    ImGui::EndGroup();
    name_last_item("reminders");  // tests: the page shows below this
    ImGui::PopTextWrapPos();
    ImGui::Unindent(style.WindowPadding.x);
    ImGui::Separator();
}

// A navigation button that shows which page is current (ImGui's active colour).
static bool nav_button(const char* label, bool current, ImVec2 size) {
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label, size);
    describe_last_item(Role::link, label, current ? 1 : 0);  // 1: the page shown (aria-current)
    if (current) ImGui::PopStyleColor();
    return pressed;
}

void App::draw_side_navigation(float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button_w = width - style.WindowPadding.x * 2;
    begin_region(Role::navigation, words("nav.region"));
    ImGui::Dummy(ImVec2(0, style.WindowPadding.y));
    for (const PageInfo& info : kPages) {
        if (info.page == Page::settings) continue;  // in the header
        ImGui::SetCursorPosX(style.WindowPadding.x);
        if (nav_button(words(info.title_id), info.page == page_, ImVec2(button_w, 0))) open(info.page);
        name_last_item(std::string("nav:") + info.id);
    }
    end_region();
}

float App::bottom_navigation_height() const {
    // The button, the row's padding above and below it, and the spacing above the row.
    return ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y + ImGui::GetStyle().ItemSpacing.y;
}

// The phone's one row: four pages and "More" (the other pages, in a list that opens upwards).
// Each button is a fifth of the width, 44 px high or more; a label too long for it is drawn
// smaller rather than cut, so any text size fits a 360 px screen.
void App::draw_bottom_navigation(float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad = style.WindowPadding.x * 0.5f;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, style.WindowPadding.y * 0.5f));
    ImGui::BeginChild("nav", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NoScrollbar);
    begin_region(Role::navigation, words("nav.region"));
    int slots = 1;  // "More"
    for (const PageInfo& info : kPages) slots += info.phone_row ? 1 : 0;
    const float gap = style.ItemSpacing.x * 0.5f;
    const float button_w = std::floor((width - 2 * pad - gap * (slots - 1)) / slots);
    const float label_room = button_w - 4.0f;
    const float button_h = ImGui::GetFrameHeight();  // at full size: the touch target
    auto fitted_button = [&](const char* label, bool current) {
        const float w = ImGui::CalcTextSize(label).x;
        const float scale = w > label_room ? std::max(0.55f, label_room / w) : 1.0f;
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2.0f, style.FramePadding.y));
        ImGui::SetWindowFontScale(scale);
        const bool pressed = nav_button(label, current, ImVec2(button_w, button_h));
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopStyleVar();
        return pressed;
    };
    bool first = true, in_more = false;
    for (const PageInfo& info : kPages) {
        if (!info.phone_row) {
            in_more = in_more || info.page == page_;
            continue;
        }
        if (!first) ImGui::SameLine(0, gap);
        first = false;
        if (fitted_button(words(info.title_id), info.page == page_)) open(info.page);
        name_last_item(std::string("nav:") + info.id);
    }
    ImGui::SameLine(0, gap);
    if (fitted_button(words("nav.more"), in_more)) ImGui::OpenPopup("nav:more-list");
    describe_last_item(Role::expander, words("nav.more"), ImGui::IsPopupOpen("nav:more-list") ? 1 : 0);
    name_last_item("nav:more");
    // The list opens above the row, right-aligned with "More".
    const ImVec2 more_min = ImGui::GetItemRectMin();
    const ImVec2 more_max = ImGui::GetItemRectMax();
    ImGui::SetNextWindowPos(ImVec2(more_max.x, more_min.y - style.ItemSpacing.y), ImGuiCond_Always, ImVec2(1, 1));
    if (ImGui::BeginPopup("nav:more-list")) {
        const float list_w = std::min(width - 2 * pad, 16 * ImGui::GetFontSize());
        for (const PageInfo& info : kPages) {
            if (info.phone_row) continue;
            if (nav_button(words(info.title_id), info.page == page_, ImVec2(list_w, 0))) {
                open(info.page);
                ImGui::CloseCurrentPopup();
            }
            name_last_item(std::string("nav:") + info.id);
        }
        ImGui::EndPopup();
    }
    end_region();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void App::draw_page() {
    if (!data_) {
        ImGui::TextWrapped("%s", words("app.no_content"));
        return;
    }
    {
        FontScope font(kFontHeading);
        ImGui::TextUnformatted(page_title(page_));
        describe_last_text(Role::heading, page_title(page_), 1);
    }
    ImGui::Spacing();
    views_[static_cast<int>(page_)]->draw(*this);
}

}  // namespace poems::ui
