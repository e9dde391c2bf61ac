#include "app/frame.hpp"

#include <SDL.h>
#if defined(__EMSCRIPTEN__)
#include <SDL_opengles2.h>
#else
#include <SDL_opengl.h>
#endif
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>

#include <chrono>

namespace poems::ui {

namespace {

// The first time it makes the OpenGL backend's objects, which upload the atlas themselves: the
// backend's CreateFontsTexture() called before its first NewFrame() would upload it a second
// time there (and orphan the first texture).
void upload_font_texture(StyleState& state) {
    if (!state.gl_objects) {
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        state.gl_objects = true;
        return;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

// ImGui "trickles" fast input: a tap's move, press and release arrive together but are applied
// over several frames. Keep drawing while any of them are still queued.
bool input_pending() { return !ImGui::GetCurrentContext()->InputEventsQueue.empty(); }

// ImGui lays a window out from the previous frame's measurements: a card's auto-fit height, a
// scrollbar that appears once the content outgrows the window (and narrows and rewraps it). So
// after a change the layout can move for several frames; a frame drawn before it settles leaves a
// stale picture on screen, and the next tap lands on what has since moved. Called after
// ImGui::Render(): true while any window's size, content size or scrollbars differ from the frame
// before (at most kMaxSettlingFrames in a row, so a layout that never settles costs nothing).
bool layout_settling(FrameLoop& loop) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a over what decides where things are drawn
    auto mix = [&h](const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    };
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        if (!w->WasActive) continue;
        const float f[] = {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y, w->ContentSize.x, w->ContentSize.y};
        const bool bars[] = {w->ScrollbarX, w->ScrollbarY};
        mix(&w->ID, sizeof w->ID);
        mix(f, sizeof f);
        mix(bars, sizeof bars);
    }
    const bool changed = h != loop.layout_hash;
    loop.layout_hash = h;
    loop.settling_streak = changed ? loop.settling_streak + 1 : 0;
    return changed && loop.settling_streak <= kMaxSettlingFrames;
}

}  // namespace

float pixel_ratio(SDL_Window* window) {
    int window_w = 0, drawable_w = 0, h = 0;
    SDL_GetWindowSize(window, &window_w, &h);
    SDL_GL_GetDrawableSize(window, &drawable_w, &h);
    return window_w > 0 ? float(drawable_w) / float(window_w) : 1.0f;
}

bool prepare_fonts(FrameLoop& loop, const Settings& wanted, SDL_Window* window, bool touch) {
    StyleState& state = loop.style;
    const float ratio = pixel_ratio(window);
    const bool fonts_stale = state.pixel_ratio != ratio || state.built.text_size_percent != wanted.text_size_percent;
    const bool style_stale = fonts_stale || state.built.dark != wanted.dark;
    if (style_stale) apply_style(wanted, touch);
    if (fonts_stale) load_fonts(wanted.text_size_percent / 100.0f, ratio);
    state.built = wanted;
    state.pixel_ratio = ratio;
    if (fonts_stale) upload_font_texture(state);
    return fonts_stale;
}

FrameDrawn draw_frame(App& app, FrameLoop& loop, SDL_Window* window, bool touch,
                      const std::function<void()>& before_imgui_frame) {
    FrameDrawn drawn;
    drawn.fonts_rebuilt = prepare_fonts(loop, app.settings(), window, touch);

    const auto start = std::chrono::steady_clock::now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (before_imgui_frame) before_imgui_frame();
    ImGui::NewFrame();
    app.draw_frame();
    if (app.settings() != loop.settings_kept) {
        loop.settings_kept = app.settings();
        drawn.settings_changed = true;
    }
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, int(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               int(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    loop.last_frame_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ++loop.frames_drawn;
    loop.frames_to_draw = input_pending() || layout_settling(loop) ? kFramesAfterInput : loop.frames_to_draw - 1;
    return drawn;
}

}  // namespace poems::ui
