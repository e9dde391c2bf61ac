// The display settings' JSON form: the reader and writer live in the core
// (poems/display_settings.hpp), where they are unit-tested and fuzzed; the runners use them here.
#pragma once

#include "app/app.hpp"
#include "poems/display_settings.hpp"

namespace poems::ui {

using poems::settings_from_json;
using poems::settings_to_json;

}  // namespace poems::ui
