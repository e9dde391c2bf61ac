// The app: all state the pages show, and "draw one frame from state".
//
// Like hello_imgui's split between runner and app, the app never knows which runner draws it.
// A runner (ui/desktop/main_desktop.cpp natively, wasm/main_wasm.cpp in the browser) owns the
// window, the GL context and the loop, and calls App::draw_frame() between ImGui::NewFrame() and
// ImGui::Render(), only when something changed: nothing is drawn while the person reads.
//
// Data flows one way: content (validated once at start) and the person's record go in; pages
// draw what the core computes from them and turn clicks into record edits, which are saved at
// once (App::record_changed).
#pragma once

#include "app/app_data.hpp"
#include "app/page_view.hpp"
#include "poems/dates.hpp"
#include "poems/display_settings.hpp"
#include "poems/record.hpp"
#include "poems/record_care.hpp"
#include "poems/record_journal.hpp"

#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace poems::ui {

enum class Page { criteria, checklist, monitoring, labs, diary, centers, guide, settings };
constexpr int kPageCount = 8;
// The views of the pages, indexed by Page (ui/pages/pages.hpp makes them).
using PageViews = std::array<std::unique_ptr<PageView>, kPageCount>;

const char* page_id(Page p);     // "criteria", ... (URL views, tests)
const char* page_title(Page p);  // "Criteria", ...
bool page_from_id(const std::string& id, Page& out);

// What Platform::save_file did: whether the file went out, and where, in words (or what failed).
struct SavedFile {
    bool ok = false;
    std::string message;
    operator const std::string&() const { return message; }  // for pages that only show it
};

// What only the platform can do. The runner fills these in; unset ones are simply not offered.
struct DocumentOpened {
    bool printed = false;  // opened for printing (false: downloaded instead, printing blocked)
    std::string where;     // the file written, when there is one (the desktop)
    std::string error;     // plain words, when it failed
};

struct Platform {
    std::string name;  // "desktop" or "browser"
    // Where the record lives (desktop: the XDG data folder; browser: the IDBFS mount).
    std::filesystem::path record_dir;
    // Makes saved files durable beyond this process (browser: FS.syncfs to IndexedDB). The
    // platform reports the outcome later through App::persist_finished().
    std::function<void()> persist;
    // Offer a file to the person: a download in the browser, a file in a folder on the desktop.
    // Returns a plain-language description of where it went, or an error.
    std::function<SavedFile(const std::string& file_name, const std::string& mime, const std::string& data)> save_file;
    // Ask the person for a file to open (browser: file picker). The result arrives later through
    // App::file_opened(). Unset on the desktop, where a path is typed instead.
    std::function<void(const std::string& accept)> open_file;
    // Puts text on the clipboard (ImGui's own clipboard does not reach the system in a browser).
    std::function<void(const std::string& text)> copy_text;
    // An embed's way out to the full app, showing `view` (browser: index.html in a new tab).
    // Returns "" when it opened, else the app's address for the person to open themselves (the
    // site around the embed may not allow new tabs).
    std::function<std::string(const std::string& view)> open_full_app;
    // Opens a printable document (poems/document.hpp) for printing or saving as PDF: the browser
    // opens it in a new page and asks for the print dialog (or downloads it when that is
    // blocked); the desktop writes it beside the record and opens it in the default browser.
    std::function<DocumentOpened(const std::string& file_name, const std::string& html)> open_document;
};

// Whether what is saved outlives this page or session (docs/record.md, "What browsers do").
enum class Keeping {
    unknown,         // not known yet (the browser has not answered)
    kept,            // a file on the desktop, or storage the browser marked persistent
    may_be_deleted,  // browser storage that is not persistent: the browser may clear it
    not_kept,        // no storage at all (refused, or a sandboxed embed): gone when the page closes
};

// The text size and colours (poems/display_settings.hpp, where their JSON form is read and written).
using Settings = poems::DisplaySettings;

struct AppOptions {
    Page start_page = Page::criteria;
    bool embedded = false;  // inside another site's page: no app navigation, one view
    Settings settings;
    Date today;             // injected: the runner reads the clock, tests pin it
    // The platform's storage is not readable yet (the browser reads IndexedDB asynchronously):
    // pages show at once but stay disabled until the runner calls App::load_record().
    bool record_arrives_later = false;
    // iPhone or iPad Safari, not opened from the Home Screen: Safari may clear the record after
    // seven days without a visit, so the app advises the Home Screen (once, then in Settings).
    bool suggest_home_screen = false;
};

// The state of saving, shown in the header: people must always know their data is safe.
struct SaveStatus {
    // loading: the record is still being read (the browser's IndexedDB); nothing can change it yet.
    enum class State { loading, saved, saving, failed, read_only } state = State::saved;
    std::string message;  // for failed / read_only: why, in plain words
};

class App {
public:
    App(AppOptions options, Platform platform, PageViews views);

    // Builds the ImGui windows for one frame.
    void draw_frame();

    const Settings& settings() const { return settings_; }
    Settings& settings() { return settings_; }
    bool embedded() const { return options_.embedded; }

    Page page() const { return page_; }
    // Shows a page; with `item`, that page shows the item (a center's card, a Guide entry),
    // handed to its view after the frame being drawn, so no page changes while it draws.
    void open(Page p, std::string item = {});
    // Opens the Guide on one item (a glossary entry, a workup test, a chapter...).
    void open_item(const std::string& id) { open(Page::guide, id); }
    // For tests: the view of one page.
    PageView& view(Page p) { return *views_[static_cast<int>(p)]; }

    const AppData& data() const { return *data_; }
    const Platform& platform() const { return platform_; }
    Date today() const { return options_.today; }

    // The person's record. After changing it, call record_changed(): it is saved at once.
    Record& record() { return record_; }
    const Record& record() const { return record_; }
    void record_changed();
    // For a runner that set record_arrives_later: the storage is readable now.
    void load_record();
    bool record_loaded() const { return save_status_.state != SaveStatus::State::loading; }
    // Replaces the whole record (import): saved at once.
    void replace_record(Record r);
    // "Delete all my data": removes the record and its backups from this device; returns what
    // happened in plain words.
    std::string delete_all_data();
    const SaveStatus& save_status() const { return save_status_; }
    // Offers the record as a file (Export) and, when it went out, remembers the day: the export
    // reminder is then satisfied. Returns what happened in words.
    std::string export_record_now();
    // What is remembered for the export reminders (record.json.care beside the record).
    const RecordCare& care() const { return care_; }
    bool suggest_home_screen() const { return options_.suggest_home_screen; }
    // Messages from loading the record (a backup was used, a migration...), shown until dismissed.
    std::vector<std::string>& notices() { return notices_; }

    // Where what is saved stands; the platform says so when it knows (the browser asks).
    Keeping keeping() const { return keeping_; }
    void set_keeping(Keeping k) { keeping_ = k; }
    // The browser could not open its storage: nothing will outlive this page. `cause` in the
    // browser's words, for the save state.
    void storage_refused(const std::string& cause);

    // Called by the platform when persist() has finished.
    void persist_finished(bool ok, const std::string& error);
    // Called by the platform when open_file() produced a file (or was cancelled: empty name).
    void file_opened(const std::string& name, const std::string& text);
    std::function<void(const std::string& name, const std::string& text)> on_file_opened;

private:
    void load_record_from_store();
    void draw_header(float width, bool narrow);
    void draw_notices();
    void draw_embed_notice();
    void draw_reminders();
    void load_care();
    void save_care();
    void draw_side_navigation(float width);
    void draw_bottom_navigation(float width);
    float bottom_navigation_height() const;
    void draw_page();
    void record_was_replaced() { record_replaced_ = true; }

    AppOptions options_;
    Platform platform_;
    Settings settings_;
    Page page_;
    PageViews views_;
    std::string item_to_show_;     // for page_: handed to its view after this frame (open())
    bool record_replaced_ = false;  // the views are told before the next frame
    std::shared_ptr<const AppData> data_;
    std::string data_error_;
    Record record_;
    RecordKeeper keeper_;  // saves a change as a line of record.json.journal (record_journal.hpp)
    SaveStatus save_status_;
    std::vector<std::string> notices_;
    Keeping keeping_ = Keeping::unknown;
    RecordCare care_;
    bool export_reminder_open_ = false;   // shown after a change, until Export or "Not now"
    bool home_screen_advice_open_ = false;  // shown once, until "OK"
    std::string full_app_address_;  // set when the embed could not open the full app itself
};

// Fonts and theme, shared by both runners (ui/app/style.cpp).
// Rasterises the embedded fonts at `text_scale * pixel_ratio` so text is crisp on high-DPI and
// phone screens; the runner sets io.FontGlobalScale = 1 / pixel_ratio.
void load_fonts(float text_scale, float pixel_ratio);
void apply_style(const Settings& settings, bool touch);
extern const float kBaseFontSize;  // logical pixels at 100%
enum FontIndex { kFontBody = 0, kFontBold = 1, kFontHeading = 2 };

}  // namespace poems::ui
