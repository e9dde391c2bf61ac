#include "poems/display_settings.hpp"

namespace poems {

std::string settings_to_json(const DisplaySettings& settings) {
    return Json{{"text_size_percent", settings.text_size_percent}, {"dark", settings.dark}}.dump() + "\n";
}

void settings_from_json(std::string_view text, DisplaySettings& settings, Problems& problems) {
    auto doc = parse_json_text(text, "", problems, {.max_bytes = kMaxSettingsBytes, .max_depth = 4});
    if (!doc) return;
    ObjectReader r(*doc, "", problems);
    if (auto size = r.integer("text_size_percent")) {
        if (*size >= DisplaySettings::kMinTextSize && *size <= DisplaySettings::kMaxTextSize)
            settings.text_size_percent = static_cast<int>(*size);
        else
            r.fail("text_size_percent", "must be a percentage from " + std::to_string(DisplaySettings::kMinTextSize) +
                                            " to " + std::to_string(DisplaySettings::kMaxTextSize));
    }
    if (auto dark = r.boolean("dark")) settings.dark = *dark;
    r.finish();
}

}  // namespace poems
