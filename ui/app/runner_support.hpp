// Pieces both runners share: noticing when fonts or style must be rebuilt, and the rule for how
// many frames to draw after input. Kept here so the two loops stay short and alike.
#pragma once

#include "app/app.hpp"

namespace poems::ui {

struct StyleState {
    Settings built;            // what the current font atlas and style were made for
    float pixel_ratio = 0.0f;  // 0: nothing built yet
};

// Rebuilds fonts and style when text size, theme or pixel ratio changed since last time.
// Returns true when the renderer must upload the font texture again.
bool refresh_style(StyleState& state, const Settings& wanted, float pixel_ratio, bool touch);

// ImGui settles a change over a few frames (hover after release, a popup opening, a layout that
// depends on last frame's sizes): after any input, draw this many frames, then stop.
constexpr int kFramesAfterInput = 3;

// ImGui "trickles" fast input: a tap's move, press and release arrive together but are applied
// over several frames. Keep drawing while any of them are still queued.
bool input_pending();

}  // namespace poems::ui
