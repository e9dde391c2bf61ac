// The display settings (text size, colours) as a small JSON object, kept apart from the record by
// both runners: the desktop app in settings.json beside the record, the browser in its
// localStorage. They say nothing about anyone's health. {"text_size_percent": 120, "dark": true}
#pragma once

#include "app/app.hpp"
#include "poems/json_reader.hpp"

#include <string>
#include <string_view>

namespace poems::ui {

std::string settings_to_json(const Settings& settings);

// Reads `text` onto `settings`: a key that is missing, or whose value is wrong, keeps the current
// value, and each problem is added with its path so the runner can say what it ignored.
void settings_from_json(std::string_view text, Settings& settings, Problems& problems);

}  // namespace poems::ui
