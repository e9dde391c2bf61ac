// The app: all state the pages show, and "draw one frame from state".
//
// Like hello_imgui's split between runner and app, the app never knows which runner draws it.
// A runner (ui/desktop/main_desktop.cpp natively, wasm/main_wasm.cpp in the browser) owns the
// window, the GL context and the loop, and calls App::draw_frame() between ImGui::NewFrame() and
// ImGui::Render(), only when something changed: nothing is drawn while the person reads.
#pragma once

#include <functional>
#include <string>

namespace poems::ui {

enum class Page { criteria, checklist, monitoring, labs, centers, guide, settings };
constexpr int kNavPageCount = 6;  // the pages in the navigation bar: criteria .. guide

const char* page_id(Page p);     // "criteria", ... (URL views, tests)
const char* page_title(Page p);  // "Criteria", ...
bool page_from_id(const std::string& id, Page& out);

// What only the platform can do. The runner fills these in; unset ones are simply not offered.
struct Platform {
    std::string name;  // "desktop" or "browser"
    // Offer a file to the person: a download in the browser, a file in a folder on the desktop.
    // Returns a plain-language description of where it went, or an error.
    std::function<std::string(const std::string& file_name, const std::string& mime, const std::string& data)> save_file;
};

struct Settings {
    int text_size_percent = 100;  // 100..200, applied by rebuilding the font atlas
    bool dark = false;
};

struct AppOptions {
    Page start_page = Page::criteria;
    bool embedded = false;  // inside another site's page: no app navigation, one view
    Settings settings;
};

class App {
public:
    App(AppOptions options, Platform platform);

    // Builds the ImGui windows for one frame.
    void draw_frame();

    // The runner rebuilds fonts when these differ from what it built last time.
    const Settings& settings() const { return settings_; }
    // True while something on screen moves by itself (the runner then keeps drawing).
    bool animating() const { return animating_; }
    bool quit_requested() const { return quit_requested_; }

    Page page() const { return page_; }
    void open(Page p);

private:
    void draw_header(float width);
    void draw_navigation(bool vertical, float extent);
    void draw_page();

    AppOptions options_;
    Platform platform_;
    Settings settings_;
    Page page_;
    bool animating_ = false;
    bool quit_requested_ = false;
};

// Fonts and theme, shared by both runners (ui/app/style.cpp).
// Rasterises the embedded fonts at `text_scale * pixel_ratio` so text is crisp on high-DPI and
// phone screens; the runner sets io.FontGlobalScale = 1 / pixel_ratio.
void load_fonts(float text_scale, float pixel_ratio);
void apply_style(const Settings& settings, bool touch);
extern const float kBaseFontSize;  // logical pixels at 100%

}  // namespace poems::ui
