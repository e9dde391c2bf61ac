// Pieces both runners share: noticing when fonts or style must be rebuilt, when the display
// settings must be written, and the rule for how many frames to draw after input. Kept here so
// the two loops stay short and alike.
#pragma once

#include "app/app.hpp"

namespace poems::ui {

struct StyleState {
    Settings built;            // what the current font atlas and style were made for
    float pixel_ratio = 0.0f;  // 0: nothing built yet
    bool gl_objects = false;   // the OpenGL backend's shaders, buffers and font texture exist
};

// Rebuilds fonts and style when text size, theme or pixel ratio changed since last time.
// Returns true when the renderer must upload the font texture again (upload_font_texture).
bool refresh_style(StyleState& state, const Settings& wanted, float pixel_ratio, bool touch);

// Sends the font atlas refresh_style() built to the GPU. The first time it makes the OpenGL
// backend's objects, which upload the atlas themselves: the backend's CreateFontsTexture() called
// before its first NewFrame() would upload it a second time there (and orphan the first texture).
void upload_font_texture(StyleState& state);

// True once for each change of the display settings, which the caller then writes where it keeps
// them (settings.json, localStorage): `kept` is what was written last (or what the app started
// with), and takes `now` when they differ.
bool take_settings_change(Settings& kept, const Settings& now);

// ImGui settles a change over a few frames (hover after release, a popup opening, a layout that
// depends on last frame's sizes): after any input, draw this many frames, then stop.
constexpr int kFramesAfterInput = 3;

// ImGui "trickles" fast input: a tap's move, press and release arrive together but are applied
// over several frames. Keep drawing while any of them are still queued.
bool input_pending();

// ImGui lays a window out from the previous frame's measurements: a card's auto-fit height, a
// scrollbar that appears once the content outgrows the window (and narrows and rewraps it). So
// after a change the layout can move for several frames; a frame drawn before it settles leaves a
// stale picture on screen, and the next tap lands on what has since moved. Call once per frame,
// after ImGui::Render(): true while any window's size, content size or scrollbars differ from the
// frame before (at most kMaxSettlingFrames in a row, so a layout that never settles costs nothing).
bool layout_settling();
constexpr int kMaxSettlingFrames = 8;

}  // namespace poems::ui
