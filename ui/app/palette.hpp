// The app's colours by what they mean, each with a light and a dark value, so that a page asks
// for "error" and never writes a colour: one place to check contrast, one place to change a tone.
// The theme in use is read from ImGui's style (apply_style() set it), so no page passes it in.
#pragma once

#include <imgui.h>

namespace poems::ui {

enum class Tone {
    error,      // something failed or was refused (text)
    warning,    // please check this (text)
    success,    // done, suggested, in good order (text)
    accent,     // the verdict card's border: one accent for every verdict, never good or bad news
    link,       // text links
    at_risk,    // the save state's dot when the browser may delete the record
    overdue,    // monitoring: a test past its date
    due,        // monitoring: a test due now
    done,       // monitoring: a test in the record
    chart_guide,  // a chart's guide line (a threshold from the content)
    chart_band,   // the band of a chart's reference range (translucent)
    callout_key_point, callout_caution, callout_sources_differ, callout_quote, callout_note,  // Guide callouts
};

bool dark_theme();
ImVec4 colour(Tone tone);
inline ImU32 colour_u32(Tone tone) { return ImGui::GetColorU32(colour(tone)); }

// Text drawn in a tone until the scope ends: `{ ToneScope red(Tone::error); text_wrapped(...); }`.
class ToneScope {
public:
    explicit ToneScope(Tone tone) { ImGui::PushStyleColor(ImGuiCol_Text, colour(tone)); }
    ~ToneScope() { ImGui::PopStyleColor(); }
    ToneScope(const ToneScope&) = delete;
    ToneScope& operator=(const ToneScope&) = delete;
};

}  // namespace poems::ui
