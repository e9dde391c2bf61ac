// Files compiled into the program: content/*.json (content/CMakeLists.txt) and the UI fonts.
#pragma once

#include <span>
#include <string_view>

namespace poems {

struct EmbeddedFile {
    const char* name;       // file name only, e.g. "criteria.json"
    std::string_view text;  // the file's bytes
};

// Defined in the generated bundle (library poems_content_bundle), sorted by file name.
std::span<const EmbeddedFile> embedded_content_files();
// Defined in the app library (ui/CMakeLists.txt): the subset TrueType fonts.
std::span<const EmbeddedFile> embedded_font_files();

}  // namespace poems
