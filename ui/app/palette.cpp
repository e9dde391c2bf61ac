#include "app/palette.hpp"

namespace poems::ui {

bool dark_theme() { return ImGui::GetStyleColorVec4(ImGuiCol_WindowBg).x < 0.5f; }

ImVec4 colour(Tone tone) {
    struct Pair {
        ImVec4 light, dark;
    };
    // Text tones reach 4.5:1 or more on the theme's background (WCAG AA for body text).
    static const Pair kTones[] = {
        /* error */ {{0.70f, 0.15f, 0.12f, 1}, {1.00f, 0.62f, 0.55f, 1}},
        /* warning */ {{0.55f, 0.35f, 0.00f, 1}, {1.00f, 0.72f, 0.30f, 1}},
        /* success */ {{0.10f, 0.45f, 0.20f, 1}, {0.55f, 0.85f, 0.60f, 1}},
        /* accent */ {{0.16f, 0.32f, 0.70f, 1}, {0.45f, 0.60f, 0.95f, 1}},
        /* link */ {{0.10f, 0.30f, 0.75f, 1}, {0.55f, 0.75f, 1.00f, 1}},
        /* at_risk */ {{0.80f, 0.45f, 0.05f, 1}, {1.00f, 0.72f, 0.30f, 1}},
        /* overdue */ {{0.75f, 0.12f, 0.10f, 1}, {1.00f, 0.45f, 0.40f, 1}},
        /* due */ {{0.70f, 0.40f, 0.00f, 1}, {1.00f, 0.72f, 0.30f, 1}},
        /* done */ {{0.10f, 0.50f, 0.20f, 1}, {0.45f, 0.85f, 0.50f, 1}},
        /* chart_guide */ {{0.85f, 0.45f, 0.05f, 1}, {0.95f, 0.60f, 0.20f, 1}},
        /* chart_band */ {{0.95f, 0.60f, 0.10f, 0.14f}, {0.95f, 0.60f, 0.10f, 0.18f}},
        /* callout_key_point */ {{0.13f, 0.38f, 0.78f, 1}, {0.13f, 0.38f, 0.78f, 1}},
        /* callout_caution */ {{0.80f, 0.42f, 0.02f, 1}, {0.80f, 0.42f, 0.02f, 1}},
        /* callout_sources_differ */ {{0.52f, 0.30f, 0.76f, 1}, {0.52f, 0.30f, 0.76f, 1}},
        /* callout_quote */ {{0.42f, 0.45f, 0.40f, 1}, {0.42f, 0.45f, 0.40f, 1}},
        /* callout_note */ {{0.40f, 0.43f, 0.48f, 1}, {0.40f, 0.43f, 0.48f, 1}},
    };
    const Pair& p = kTones[static_cast<int>(tone)];
    return dark_theme() ? p.dark : p.light;
}

}  // namespace poems::ui
