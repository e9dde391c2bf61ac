// The browser runner: SDL2 over WebGL2 in a <canvas> that fills the page.
//
// emscripten_set_main_loop calls tick() on every animation frame, but tick() draws only after
// input (or while something animates), and once nothing is left to draw it pauses the loop:
// an idle page runs no code at all, instead of stock ImGui's 60 full redraws a second.
// wake_on_input.js restarts the loop on any input event; the callbacks from the page's side
// (storage, files, the text field) restart it through redraw_soon().
//
// The page tells the app what to show through the URL: ?view=criteria|checklist|monitoring|labs|
// centers|guide|settings, &theme=light|dark, and &today=YYYY-MM-DD to pin the date (tests,
// screenshots). embed.html (or &embed=1) shows the app without its own navigation; an embed with
// no theme follows the system's light/dark preference.
//
// Phones: a canvas cannot raise an on-screen keyboard, so text_input.js keeps a hidden HTML text
// field. After a tap it runs the frames the tap causes at once (poems_run_input_now), still inside
// the touch handler, and focuses the field when an ImGui text field became active; what is typed
// there comes back as characters and keys (poems_text_typed, poems_text_key).
//
// The record lives in IndexedDB through Emscripten's IDBFS, mounted at /persistent: its files are
// read at page start in a worker (web/record_preload.js; FS.syncfs(true) when that fails) and
// opened before the first frame when they are here within a second of the app's start, else as soon
// as they come; after every save the app asks for FS.syncfs(false), debounced, and again when
// the page is hidden or closed.
#include "app/app.hpp"
#include "app/frame.hpp"
#include "app/settings_json.hpp"
#include "app/description.hpp"
#include "app/font_atlas_file.hpp"
#include "pages/lab_chart.hpp"
#include "pages/pages.hpp"
#include "poems/record_json.hpp"

#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiInputTextState: the active field's text, for tests
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

using namespace poems::ui;

namespace {
constexpr const char* kRecordDir = "/persistent";
SDL_Window* g_window = nullptr;
bool g_storage_ready = false;
std::string g_storage_error;
int g_persist_granted = -1;  // navigator.storage.persist()'s answer: 1 yes, 0 no, -1 not yet
AppOptions g_options;
std::unique_ptr<App> g_app;
FrameLoop g_loop;  // its settings_kept: what localStorage holds (or the start-up settings)
bool g_wanted_text_input = false;
bool g_sleeping = false;  // the main loop is paused until redraw_soon()
double g_app_created_ms = 0;  // emscripten_get_now() when start_app() made the app

// Draws the next few frames, restarting the main loop if it sleeps.
void redraw_soon() {
    input_arrived(g_loop);
    if (g_sleeping) {
        g_sleeping = false;
        emscripten_resume_main_loop();
    }
}

// A point in the start-up, for the bench's breakdown of time to first frame (performance.mark
// entries named "poems:...", read with performance.getEntriesByType('mark')).
void startup_mark(const char* name) {
    EM_ASM({ performance.mark(UTF8ToString($0)); }, name);
}

bool touch_device() {
    return EM_ASM_INT({ return (navigator.maxTouchPoints || 0) > 0 || ('ontouchstart' in window) ? 1 : 0; }) != 0;
}

// A string the page handed over with allocateUTF8() (0 for none): copied, then freed.
std::optional<std::string> take_js_string(int address) {
    char* text = reinterpret_cast<char*>(static_cast<intptr_t>(address));
    if (!text) return std::nullopt;
    std::string out = text;
    free(text);
    return out;
}

std::string url_param(const char* name) {
    return take_js_string(EM_ASM_INT(
                              {
                                  const v = new URLSearchParams(location.search).get(UTF8ToString($0));
                                  return v === null ? 0 : allocateUTF8(v);
                              },
                              name))
        .value_or("");
}

// Display settings (text size, colours) are kept in the browser's localStorage, apart from the
// record (settings_json.hpp): the first frame needs them, which IndexedDB could not give in time.
// A stored entry that is missing or unreadable (storage blocked, an edited entry) leaves the
// defaults in place, with a warning in the console that says what was ignored.
constexpr const char* kSettingsKey = "poems-settings";

Settings stored_settings(Settings s) {
    const auto text = take_js_string(EM_ASM_INT({
        try { const v = localStorage.getItem(UTF8ToString($0)); return v === null ? 0 : allocateUTF8(v); }
        catch (e) { return 0; }
    }, kSettingsKey));
    if (!text) return s;
    poems::Problems problems;
    settings_from_json(*text, s, problems);
    for (const auto& p : problems)
        EM_ASM({ console.warn('Stored text size and colours: ' + UTF8ToString($0) + ' (ignored)'); }, p.to_string().c_str());
    return s;
}

void store_settings(const Settings& s) {
    EM_ASM({
        try { localStorage.setItem(UTF8ToString($0), UTF8ToString($1)); }
        catch (e) { console.warn('Your text size and colours cannot be kept: ' + e.message); }
    }, kSettingsKey, settings_to_json(s).c_str());
}

long g_ticks = 0;
Platform browser_platform();


// Where the record stands, once the browser has said (persistent or not) and storage opened.
void apply_keeping() {
    if (!g_app || !g_storage_ready || !g_storage_error.empty() || g_persist_granted < 0) return;
    g_app->set_keeping(g_persist_granted ? Keeping::kept : Keeping::may_be_deleted);
}

// The record can be read now: the app loads it, and tests and the bench are told.
void open_record() {
    g_app->load_record();
    if (!g_storage_error.empty()) g_app->storage_refused(g_storage_error);
    apply_keeping();
    startup_mark("poems:record-opened");
    EM_ASM({
        window.poemsRecordOpenedAt = performance.now();
        window.poemsRecordOpenedAfterFrame = $0;  // the frames drawn before the record showed
        window.dispatchEvent(new Event('poems-record-opened'));
    }, g_loop.frames_drawn);
}

// The font atlas file boot.js fetched for this pixel ratio, if it came in time: the first build
// of the atlas takes it when it fits the fonts about to be built (ui/app/font_atlas_file.hpp).
void offer_font_atlas_from_page() {
    const int size = EM_ASM_INT({ return Module.poemsFontAtlas ? Module.poemsFontAtlas.byteLength : 0; });
    if (size <= 0) return;
    std::string file(static_cast<std::size_t>(size), '\0');
    EM_ASM({
        HEAPU8.set(new Uint8Array(Module.poemsFontAtlas), $0);
        Module.poemsFontAtlas = null;
    }, file.data());
    offer_font_atlas_file(std::move(file));
}

// start_app() and render_frame() stay out of main() and tick() (every animation frame). V8 soon
// recompiles a wasm function that runs often or long with its optimising compiler, on another
// thread, and that takes more than in proportion to the function's size: with all of this inlined
// into it, tick() was 42 KB, and one start-up trace showed 0.6 s of compiling for it alone, taken
// from a 2-core machine while it starts.
[[gnu::noinline]] void start_app() {
    // Fonts and the renderer's objects first, then the content: the browser's GPU process
    // compiles the shaders and takes the font atlas while this thread loads the content,
    // instead of the first frame waiting for it. (The flush hands the work over now.)
    offer_font_atlas_from_page();
    if (prepare_fonts(g_loop, g_options.settings, g_window, touch_device())) startup_mark("poems:fonts-built");
    if (last_font_atlas_was_restored()) startup_mark("poems:fonts-from-file");
    glFlush();
    // The record may not be here yet: App starts with its pages disabled ("Opening your saved
    // record...") until poems_storage_ready; tick() holds the first frame a little for it.
    g_options.record_arrives_later = true;
    g_app = std::make_unique<App>(g_options, browser_platform(), make_page_views());
    g_app_created_ms = emscripten_get_now();
    startup_mark("poems:app-created");
}

// record_preload.js reads IndexedDB in a worker from page start, so the record is usually here by
// the time the app is made; a first frame that already shows it spares the person a second view
// of "Opening your saved record..." (issue 21). The first frame waits for it at most
// kRecordWaitMs after the app is made; a slower storage gets the disabled pages and the record
// when it comes. Each wait is one animation frame, the page's events run in between.
constexpr double kRecordWaitMs = 1000;
bool hold_first_frame_for_record() {
    if (g_loop.frames_drawn > 0 || g_storage_ready) return false;
    return emscripten_get_now() - g_app_created_ms < kRecordWaitMs;
}

// The accessibility mirror (a11y_mirror.js) follows the last drawn frame's description, only
// when it changed. (Nothing to do when a later frame has already handed it over.)
void update_mirror() {
    if (description_changed()) EM_ASM({ Module.poemsMirrorUpdate(UTF8ToString($0)); }, description_json().c_str());
}

[[gnu::noinline]] void render_frame() {
    // apply_requests: an activation from the accessibility mirror, handed to ImGui before its frame.
    if (draw_frame(*g_app, g_loop, g_window, touch_device(), apply_requests).settings_changed) store_settings(g_app->settings());
    if (g_loop.frames_drawn != 1) {
        update_mirror();
        return;
    }
    // The page hides its loading screen on this event; tests and the bench time it.
    EM_ASM({
        performance.mark('poems:first-frame');
        window.poemsFirstFrameAt = performance.now();
        window.dispatchEvent(new Event('poems-first-frame'));
    });
    // The first frame is shown before the mirror takes it, in the next task: its first update (the
    // description as JSON, then the page's elements, all code running for the first time) need
    // not hold up the first picture (issue 21). The mirror is there a moment later.
    emscripten_async_call([](void*) { update_mirror(); }, nullptr, 0);
}

void tick() {
    ++g_ticks;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        input_arrived(g_loop);
    }
    if (g_loop.frames_to_draw == 0) {
        if (!g_sleeping) {
            g_sleeping = true;
            emscripten_pause_main_loop();
        }
        return;
    }
    if (hold_first_frame_for_record()) return;
    // The frame drawn now shows the record (reading a ten-year one takes a few tens of milliseconds).
    if (g_storage_ready && !g_app->record_loaded()) {
        open_record();
        input_arrived(g_loop);  // and a few after it, as layout settles
    }
    render_frame();
    // When the ImGui field is left (Enter, a tap elsewhere), let go of the hidden HTML field so
    // the phone's keyboard goes away.
    const bool wants_text = ImGui::GetIO().WantTextInput;
    if (g_wanted_text_input && !wants_text) EM_ASM({ Module.poemsTextInputEnded && Module.poemsTextInputEnded(); });
    g_wanted_text_input = wants_text;
}
// Offers bytes to the person as a download.
SavedFile download(const std::string& name, const std::string& mime, const std::string& data) {
    EM_ASM({ Module.poemsDownload(UTF8ToString($0), UTF8ToString($1), HEAPU8.slice($2, $2 + $3)); }, name.c_str(),
           mime.c_str(), data.data(), data.size());
    return {true, "Downloaded " + name + ": see your browser's downloads."};
}

Platform browser_platform() {
    Platform platform;
    platform.name = "browser";
    platform.record_dir = kRecordDir;
    platform.persist = [] { EM_ASM({ Module.poemsPersist(false); }); };
    platform.save_file = download;
    platform.open_file = [](const std::string& accept) {
        EM_ASM({ Module.poemsOpenFile(UTF8ToString($0)); }, accept.c_str());
    };
    platform.copy_text = [](const std::string& text) {
        EM_ASM({ Module.poemsCopy(UTF8ToString($0)); }, text.c_str());
    };
    platform.open_full_app = [](const std::string& view) {
        return take_js_string(EM_ASM_INT({ return Module.poemsOpenFullApp(UTF8ToString($0)); }, view.c_str())).value_or("");
    };
    // wasm/print_document.js: a new page from a Blob URL and its print dialog, or a download.
    platform.open_document = [](const std::string& name, const std::string& html) {
        DocumentOpened opened;
        opened.printed = EM_ASM_INT({ return Module.poemsPrintDocument(UTF8ToString($0), UTF8ToString($1)); },
                                    name.c_str(), html.c_str()) != 0;
        return opened;
    };
    return platform;
}

// The browser side of storage, files and the clipboard lives in browser_bridges.js (linked with
// --pre-js); it calls back through the exported functions below.
void install_browser_bridges() {
    EM_ASM({
        Module.poemsInstallBridges(UTF8ToString($0));
        Module.poemsInstallTextInput();
        Module.poemsInstallWake();
        Module.poemsInstallMirror();
    }, kRecordDir);
}

// The keys the hidden text field forwards (DOM KeyboardEvent.key names).
ImGuiKey key_from_dom(const char* name) {
    struct Pair {
        const char* dom;
        ImGuiKey key;
    };
    static const Pair keys[] = {
        {"Backspace", ImGuiKey_Backspace}, {"Enter", ImGuiKey_Enter},  {"Tab", ImGuiKey_Tab},
        {"Escape", ImGuiKey_Escape},       {"Delete", ImGuiKey_Delete}, {"ArrowLeft", ImGuiKey_LeftArrow},
        {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow},
        {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},
        // With Ctrl: select all, copy, cut, undo, redo.
        {"a", ImGuiKey_A}, {"c", ImGuiKey_C}, {"x", ImGuiKey_X}, {"z", ImGuiKey_Z}, {"y", ImGuiKey_Y},
    };
    for (const auto& k : keys)
        if (std::strcmp(name, k.dom) == 0) return k.key;
    return ImGuiKey_None;
}

poems::Date browser_today() {
    const int packed = EM_ASM_INT({
        const d = new Date();
        return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
    });
    return {packed / 10000, packed / 100 % 100, packed % 100};
}
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void poems_storage_ready(const char* error) {
    g_storage_error = error ? error : "";
    g_storage_ready = true;
    startup_mark("poems:storage-read");
    redraw_soon();  // the next frame opens the record (tick)
}

// navigator.storage.persist() answered (browser_bridges.js): 1 persistent, 0 not.
extern "C" EMSCRIPTEN_KEEPALIVE void poems_storage_persistent(int granted) {
    g_persist_granted = granted ? 1 : 0;
    apply_keeping();
    redraw_soon();
}

extern "C" EMSCRIPTEN_KEEPALIVE void poems_persist_done(int ok, const char* error) {
    if (g_app)
        g_app->persist_finished(ok != 0, ok ? std::string() : "the browser refused to store the data (" + std::string(error) +
                                                                 "). Use Export to keep a copy.");
    redraw_soon();
}

extern "C" EMSCRIPTEN_KEEPALIVE void poems_file_opened(const char* name, const char* text, int ok) {
    if (g_app) g_app->file_opened(name, ok ? text : "");
    redraw_soon();
}

// For tests and the bench: how many frames were drawn, and which page is shown.
extern "C" EMSCRIPTEN_KEEPALIVE long poems_frames_drawn() { return g_loop.frames_drawn; }
extern "C" EMSCRIPTEN_KEEPALIVE long poems_ticks() { return g_ticks; }
// wake_on_input.js: an input event arrived.
extern "C" EMSCRIPTEN_KEEPALIVE void poems_wake() {
    if (g_sleeping) redraw_soon();
}
extern "C" EMSCRIPTEN_KEEPALIVE double poems_last_frame_ms() { return g_loop.last_frame_ms; }
extern "C" EMSCRIPTEN_KEEPALIVE const char* poems_current_page() { return g_app ? page_id(g_app->page()) : ""; }
// The phone keyboard bridge (text_input.js).
// Runs, now, the frames that the input queued so far causes (at most a few), and says whether an
// ImGui text field is then active. Called from a touch handler, so that the hidden field can be
// focused inside the user gesture (phones raise the keyboard only then).
extern "C" EMSCRIPTEN_KEEPALIVE int poems_run_input_now() {
    if (!g_app) return 0;
    tick();
    for (int i = 0; i < 2 * kFramesAfterInput && g_loop.frames_to_draw > 0; ++i) tick();
    return ImGui::GetIO().WantTextInput ? 1 : 0;
}
extern "C" EMSCRIPTEN_KEEPALIVE int poems_wants_text_input() { return g_app && ImGui::GetIO().WantTextInput ? 1 : 0; }
extern "C" EMSCRIPTEN_KEEPALIVE void poems_text_typed(const char* utf8) {
    if (!g_app) return;
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    redraw_soon();
}
// A key pressed and released, with modifiers held around it (1 Ctrl, 2 Shift).
extern "C" EMSCRIPTEN_KEEPALIVE void poems_text_key(const char* dom_key, int mods) {
    const ImGuiKey key = key_from_dom(dom_key);
    if (!g_app || key == ImGuiKey_None) return;
    ImGuiIO& io = ImGui::GetIO();
    if (mods & 1) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    if (mods & 2) io.AddKeyEvent(ImGuiMod_Shift, true);
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    if (mods & 2) io.AddKeyEvent(ImGuiMod_Shift, false);
    if (mods & 1) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    redraw_soon();
}
// For tests: the text of the active ImGui text field ("" when none is active).
extern "C" EMSCRIPTEN_KEEPALIVE const char* poems_active_text() {
    static std::string text;
    text.clear();
    if (!g_app) return "";
    ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetActiveID());
    if (!state) return "";
    text.resize(size_t(state->CurLenW) * 4 + 1);
    const int n = ImTextStrToUtf8(text.data(), int(text.size()), state->TextW.Data, state->TextW.Data + state->CurLenW);
    text.resize(size_t(n));
    return text.c_str();
}
extern "C" EMSCRIPTEN_KEEPALIVE int poems_dark() { return g_app && g_app->settings().dark ? 1 : 0; }
extern "C" EMSCRIPTEN_KEEPALIVE int poems_text_size() { return g_app ? g_app->settings().text_size_percent : 0; }

extern "C" EMSCRIPTEN_KEEPALIVE const char* poems_named_items() {
    static std::string json;
    json = named_items_json();
    return json.c_str();
}
// The accessibility mirror: the whole description (tests), and focus or activation of an item
// (a11y_mirror.js), applied in the next frame.
extern "C" EMSCRIPTEN_KEEPALIVE const char* poems_description() { return description_json().c_str(); }
extern "C" EMSCRIPTEN_KEEPALIVE void poems_focus_item(unsigned id, int activate) {
    request_focus(id, activate != 0);
    redraw_soon();
}
// For tests: the record the app holds, as it is saved (a change reaches storage as a journal
// line, so record.json alone is the record as of the last whole save).
extern "C" EMSCRIPTEN_KEEPALIVE const char* poems_record_json() {
    static std::string json;
    json = g_app ? dump_record(g_app->record(), -1) : "";
    return json.c_str();
}
extern "C" EMSCRIPTEN_KEEPALIVE const char* poems_named_texts() {
    static std::string json;
    json = named_texts_json();
    return json.c_str();
}

// For the browser benchmark only: adds `count` results of one test, one every 3-4 days up to
// today (10 years for ~1,000), and returns how many were added.
extern "C" EMSCRIPTEN_KEEPALIVE int poems_bench_add_lab_series(const char* test_id, int count) {
    using namespace poems;
    if (!g_app || !g_app->data().labs().test(test_id)) return 0;
    const LabTest& test = *g_app->data().labs().test(test_id);
    Record& r = g_app->record();
    const Date today = g_app->today();
    const std::string first = next_entry_id(r.labs, "lab");  // "lab-<n>"
    const int n0 = std::atoi(first.c_str() + 4);
    for (int i = 0; i < count; ++i) {
        LabResult l;
        l.id = "lab-" + std::to_string(n0 + i);
        l.test_id = test.id;
        l.unit = test.main_unit;
        l.date = add_days(today, -long(count - 1 - i) * 3652 / std::max(count, 1));
        l.value = 500 + 300 * std::sin(i * 0.05) + (i % 7) * 20;
        r.labs.push_back(l);
    }
    g_app->record_changed();
    return count;
}
// Milliseconds the last chart took to build its drawing.
extern "C" EMSCRIPTEN_KEEPALIVE double poems_bench_chart_ms() { return last_chart_build_ms(); }

int main() {
    startup_mark("poems:main");
    // Start reading the record from IndexedDB first: it proceeds while the rest starts up.
    install_browser_bridges();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    // Keyboard events only when the canvas has focus, so the host page of an embed keeps its keys.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // The canvas's size comes from the page's CSS (it fills the viewport); SDL follows it and
    // scales the drawing buffer by devicePixelRatio.
    g_window = SDL_CreateWindow("POEMS Companion", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 800, 600,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = g_window ? SDL_GL_CreateContext(g_window) : nullptr;
    if (!gl) {
        std::fprintf(stderr, "WebGL2 context failed: %s\n", SDL_GetError());
        EM_ASM({ window.poemsFatal && window.poemsFatal('webgl2'); });
        return 1;
    }
    SDL_GL_MakeCurrent(g_window, gl);
    startup_mark("poems:gl-ready");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    // Keyboard alone: Tab, arrows, Enter, Space and Escape move and act in the app (the mirror's
    // elements take the browser's Tab once focus is on them: a11y_mirror.js).
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    page_from_id(url_param("view"), g_options.start_page);
    g_options.embedded = url_param("embed") == "1" || EM_ASM_INT({ return Module.poemsEmbedded ? 1 : 0; }) != 0;
    // Colours: the page's ?theme= first (a host site's choice for its embed), then, in an embed,
    // the host's device's preference; else what the person chose last time. The text size the
    // person chose applies everywhere, an embed included.
    g_options.settings = stored_settings(g_options.settings);
    const std::string theme = url_param("theme");
    if (theme == "dark" || theme == "light")
        g_options.settings.dark = theme == "dark";
    else if (g_options.embedded)
        g_options.settings.dark =
            EM_ASM_INT({ return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? 1 : 0; }) != 0;
    g_loop.settings_kept = g_options.settings;
    g_options.suggest_home_screen = EM_ASM_INT({ return Module.poemsSuggestHomeScreen() ? 1 : 0; }) != 0;
    auto pinned = poems::parse_date(url_param("today"));
    g_options.today = pinned ? *pinned : browser_today();
    // The fonts, the renderer and the app are made now, not in the first animation frame: that
    // frame came up to 16 ms after main() returned, and all of this waited for it (issue 21).
    start_app();
    emscripten_set_main_loop(tick, 0, true);
    return 0;
}
