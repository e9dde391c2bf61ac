// The display settings (text size, colours) as a small JSON object, kept apart from the record by
// both runners: the desktop app in settings.json beside the record, the browser in its
// localStorage. They say nothing about anyone's health. {"text_size_percent": 120, "dark": true}
// In the core (not the app) so the reader is unit-tested and fuzzed without ImGui.
#pragma once

#include "poems/json_reader.hpp"

#include <string>
#include <string_view>

namespace poems {

struct DisplaySettings {
    static constexpr int kMinTextSize = 100, kMaxTextSize = 200, kTextSizeStep = 10;  // percent
    int text_size_percent = 100;  // kMinTextSize..kMaxTextSize, applied by rebuilding the font atlas
    bool dark = false;
    bool operator==(const DisplaySettings&) const = default;
};

// At most this many bytes are read: the object is a few dozen.
inline constexpr std::size_t kMaxSettingsBytes = 4096;

std::string settings_to_json(const DisplaySettings& settings);

// Reads `text` onto `settings`: a key that is missing, or whose value is wrong, keeps the current
// value, and each problem is added with its path so the runner can say what it ignored.
void settings_from_json(std::string_view text, DisplaySettings& settings, Problems& problems);

}  // namespace poems
