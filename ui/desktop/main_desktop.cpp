// The desktop runner: an SDL2 window with an OpenGL 3 context. It owns the loop and sleeps in
// SDL_WaitEventTimeout while nothing happens, so an idle window costs no CPU.
//
// Options: --page ID (criteria, checklist, monitoring, labs, centers, guide, settings),
//          --text-size PERCENT, --dark (both also kept from the Settings page, in settings.json
//          beside the record; an option wins over the file), --data-dir DIR (where the record
//          lives; default: the XDG data folder), --today YYYY-MM-DD (pin the date, for tests and
//          screenshots),
//          --exit-after-frames N and --test-report FILE (tests: after each frame, FILE holds the
//          page shown and where named widgets are, so a test can click them under Xvfb).
#include "app/app.hpp"
#include "app/frame.hpp"
#include "app/settings_json.hpp"
#include "app/test_hooks.hpp"
#include "pages/pages.hpp"
#include "poems/record_store.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#if defined(_WIN32)
#include <windows.h>
#include <shellapi.h>
#else
#include <spawn.h>
#include <sys/wait.h>
extern char** environ;
#endif

using namespace poems::ui;

struct DesktopArgs {
    long exit_after_frames = 0;
    std::string test_report;
    std::filesystem::path data_dir;
    int text_size = 0;  // 0: as kept in settings.json
    bool dark = false;
};

// The text size and colours chosen on the Settings page, kept in settings.json beside the record
// (settings_json.hpp). A file that cannot be read as settings is reported and left as it is:
// the app starts with the defaults and writes the file again only when a setting changes.
// Opens a file in the system's default application (a browser, for an .html file) without
// waiting for it: xdg-open on Linux, open on macOS, the shell's "open" verb on Windows.
static bool open_in_default_app(const std::filesystem::path& path) {
#if defined(_WIN32)
    return reinterpret_cast<INT_PTR>(ShellExecuteW(nullptr, L"open", path.wstring().c_str(), nullptr, nullptr,
                                                   SW_SHOWNORMAL)) > 32;
#else
    const char* custom = std::getenv("POEMS_OPEN_COMMAND");
#if defined(__APPLE__)
    std::string opener = custom && *custom ? custom : "open";
#else
    std::string opener = custom && *custom ? custom : "xdg-open";
#endif
    std::string file = path.string();
    char* argv[] = {opener.data(), file.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, opener.c_str(), nullptr, nullptr, argv, environ) != 0) return false;
    // xdg-open may wait for the browser it starts: reap it on a thread of its own, so the app
    // never waits and no zombie is left.
    std::thread([pid] {
        int status = 0;
        waitpid(pid, &status, 0);
    }).detach();
    return true;
#endif
}

static void read_settings(const std::filesystem::path& file, Settings& settings) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return;  // no settings kept yet
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    poems::Problems problems;
    settings_from_json(text, settings, problems);
    for (const auto& p : problems)
        std::fprintf(stderr, "poems-companion: %s: %s (ignored)\n", file.string().c_str(), p.to_string().c_str());
}

static void write_settings(const std::filesystem::path& file, const Settings& settings) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const std::filesystem::path tmp = file.string() + ".tmp";
    std::ofstream out(tmp, std::ios::binary);
    out << settings_to_json(settings);
    out.close();
    if (!out || (std::filesystem::rename(tmp, file, ec), ec))
        std::fprintf(stderr, "poems-companion: cannot keep the text size and colours in %s\n", file.string().c_str());
}

static bool parse_args(int argc, char** argv, AppOptions& options, DesktopArgs& args) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        // The option came without the value it takes, or with one it cannot take.
        auto refuse = [&](const char* needs) {
            std::fprintf(stderr, "poems-companion: %s needs %s\n", arg.c_str(), needs);
            return false;
        };
        if (arg == "--page") {
            const char* id = next();
            if (!id || !page_from_id(id, options.start_page))
                return refuse("one of criteria, checklist, monitoring, labs, centers, guide, settings");
        } else if (arg == "--text-size") {
            const char* v = next();
            int percent = v ? std::atoi(v) : 0;
            if (percent < Settings::kMinTextSize || percent > Settings::kMaxTextSize) return refuse("a percentage from 100 to 200");
            args.text_size = percent;
        } else if (arg == "--dark") {
            args.dark = true;
        } else if (arg == "--exit-after-frames") {
            const char* v = next();
            args.exit_after_frames = v ? std::atol(v) : 0;
            if (args.exit_after_frames <= 0) return refuse("a positive number");
        } else if (arg == "--test-report") {
            const char* v = next();
            if (!v) return refuse("a file name");
            args.test_report = v;
        } else if (arg == "--data-dir") {
            const char* v = next();
            if (!v) return refuse("a folder");
            args.data_dir = v;
        } else if (arg == "--today") {
            const char* v = next();
            auto d = v ? poems::parse_date(v) : std::nullopt;
            if (!d) return refuse("a date as YYYY-MM-DD");
            options.today = *d;
        } else {
            std::fprintf(stderr, "poems-companion: unknown option %s\n", arg.c_str());
            return false;
        }
    }
    return true;
}

int main(int argc, char** argv) {
    AppOptions options;
    options.today = poems::local_date_of(std::time(nullptr));
    DesktopArgs args;
    if (!parse_args(argc, argv, options, args)) return 2;
    const long exit_after_frames = args.exit_after_frames;
    const std::string& test_report = args.test_report;

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "poems-companion: cannot open a window: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_Window* window = SDL_CreateWindow("POEMS Companion", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                          SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!gl) {
        std::fprintf(stderr, "poems-companion: cannot create an OpenGL 3.2 context: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(window, gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to remember between runs
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would force a redraw twice a second
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 150");

    Platform platform;
    platform.name = "desktop";
    platform.record_dir = args.data_dir.empty() ? poems::default_record_dir() : args.data_dir;
    const std::filesystem::path settings_file = platform.record_dir / "settings.json";
    read_settings(settings_file, options.settings);
    if (args.text_size) options.settings.text_size_percent = args.text_size;
    if (args.dark) options.settings.dark = true;
    // Exports go next to the record unless the page asks for another folder: a known place.
    platform.save_file = [dir = platform.record_dir](const std::string& name, const std::string&, const std::string& data) {
        std::filesystem::path path = std::filesystem::path(name).is_absolute() ? std::filesystem::path(name) : dir / name;
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        std::ofstream out(path, std::ios::binary);
        out << data;
        out.close();
        return out ? SavedFile{true, "Saved to " + path.string()} : SavedFile{false, "Could not write " + path.string()};
    };
    platform.copy_text = [](const std::string& text) { SDL_SetClipboardText(text.c_str()); };
    // Printable documents: written beside the record (or to an absolute path), then opened in the
    // default browser, to print or save as PDF from there. POEMS_OPEN_COMMAND replaces the
    // system's opener (the smoke test records the path instead of starting a browser).
    platform.open_document = [dir = platform.record_dir](const std::string& name, const std::string& html) {
        DocumentOpened opened;
        const std::filesystem::path path =
            std::filesystem::path(name).is_absolute() ? std::filesystem::path(name) : dir / name;
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        std::ofstream out(path, std::ios::binary);
        out << html;
        out.close();
        if (!out) {
            opened.error = "Could not write " + path.string();
            return opened;
        }
        opened.where = path.string();
        opened.printed = open_in_default_app(path);
        return opened;
    };
    App app(options, platform, make_page_views());
    app.set_keeping(Keeping::kept);  // a file in a folder: it stays until the person deletes it
    FrameLoop loop;
    loop.settings_kept = options.settings;  // written to settings_file when they differ

    bool running = true;
    while (running) {
        // Sleep until input arrives; wake at least once a second for anything time-based.
        SDL_Event event;
        bool have = loop.frames_to_draw > 0 ? SDL_PollEvent(&event) : SDL_WaitEventTimeout(&event, 1000);
        while (have) {
            ImGui_ImplSDL2_ProcessEvent(&event);
            if (event.type == SDL_QUIT) running = false;
            // Ctrl+Q quits. Read from SDL's key event, which carries the modifiers held at that
            // moment: ImGui applies a quick Ctrl release in the same frame as the Q and misses it.
            if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_q && (event.key.keysym.mod & KMOD_CTRL))
                running = false;
            if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
                event.window.windowID == SDL_GetWindowID(window))
                running = false;
            input_arrived(loop);
            have = SDL_PollEvent(&event);
        }
        if (loop.frames_to_draw == 0) continue;

        // The SDL2 backend also feeds ImGui SDL's *global* mouse position, which SDL's X11 driver
        // caches until an XInput2 raw event arrives; when none does (pointer warps, some X
        // servers) that stale position overrides the real one and the next click lands in the
        // wrong place. While the pointer is over our window, SDL's window-relative position
        // (kept current by motion events) is the truth: queue it last so it wins.
        const auto real_mouse = [&] {
            if (SDL_GetMouseFocus() != window) return;
            int mx = 0, my = 0;
            SDL_GetMouseState(&mx, &my);
            io.AddMousePosEvent(float(mx), float(my));
        };
        if (draw_frame(app, loop, window, false, real_mouse).settings_changed) write_settings(settings_file, app.settings());
        SDL_GL_SwapWindow(window);
        const long frames_drawn = loop.frames_drawn;
        if (frames_drawn == 1) std::printf("poems-companion: first frame drawn (%d ms after start)\n", (int)SDL_GetTicks());
        std::fflush(stdout);
        if (!test_report.empty()) {
            std::ofstream(test_report + ".tmp") << "{\"page\":\"" << page_id(app.page()) << "\",\"frames\":" << frames_drawn
                                                << ",\"items\":" << named_items_json()
                                                << ",\"texts\":" << named_texts_json() << "}\n";
            std::rename((test_report + ".tmp").c_str(), test_report.c_str());
        }
        if (exit_after_frames > 0 && frames_drawn >= exit_after_frames) running = false;
    }

    std::printf("poems-companion: %ld frames drawn, clean exit\n", loop.frames_drawn);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
