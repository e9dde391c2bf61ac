// One frame, drawn the same way by both runners (ui/desktop/main_desktop.cpp and
// wasm/main_wasm.cpp): fonts and style for the current settings and pixel ratio, the backends'
// new frame, App::draw_frame(), and the draw data onto the window. The runners keep only what
// differs: the window, the loop (and when it sleeps), and the platform (like hello_imgui's
// split between runner and app, and ImHex's one fullFrame()).
#pragma once

#include "app/app.hpp"

#include <cstdint>
#include <functional>

struct SDL_Window;

namespace poems::ui {

// ImGui settles a change over a few frames (hover after release, a popup opening, a layout that
// depends on last frame's sizes): after any input, draw this many frames, then stop.
constexpr int kFramesAfterInput = 3;
// A layout that keeps moving is given at most this many frames in a row (layout_settling).
constexpr int kMaxSettlingFrames = 8;

struct StyleState {
    Settings built;            // what the current font atlas and style were made for
    float pixel_ratio = 0.0f;  // 0: nothing built yet
    bool gl_objects = false;   // the OpenGL backend's shaders, buffers and font texture exist
};

// What a runner keeps from one frame to the next.
struct FrameLoop {
    StyleState style;
    Settings settings_kept;  // the display settings the runner last stored (or started with)
    int frames_to_draw = kFramesAfterInput;
    long frames_drawn = 0;
    double last_frame_ms = 0;  // the last frame's CPU time: app, ImGui and GL calls
    std::uint64_t layout_hash = 0;  // layout_settling()'s memory
    int settling_streak = 0;
};

// Window pixels per logical pixel (2 on most phones, 1 on a plain desktop monitor).
float pixel_ratio(SDL_Window* window);

// Builds fonts and style again when the text size, theme or pixel ratio changed since last time
// (and the first time), and sends the atlas to the GPU. Returns true when it rebuilt the fonts.
bool prepare_fonts(FrameLoop& loop, const Settings& settings, SDL_Window* window, bool touch);

struct FrameDrawn {
    bool fonts_rebuilt = false;
    bool settings_changed = false;  // the display settings changed: store them (settings.json, localStorage)
};

// Draws one frame of `app` into `window` (the runner swaps buffers when its platform needs it)
// and counts how many more frames to draw before sleeping. `before_imgui_frame` runs between the
// platform backend's NewFrame and ImGui's, for input the backend gets wrong (the desktop's mouse).
FrameDrawn draw_frame(App& app, FrameLoop& loop, SDL_Window* window, bool touch,
                      const std::function<void()>& before_imgui_frame = {});

// After input: draw kFramesAfterInput more frames.
inline void input_arrived(FrameLoop& loop) { loop.frames_to_draw = kFramesAfterInput; }

}  // namespace poems::ui
