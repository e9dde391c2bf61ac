// Checks shared by the fuzz targets. A failed check traps, so libFuzzer keeps the input.
#pragma once

#include "poems/json_reader.hpp"

#include <string_view>

namespace poems::fuzz {

inline void require(bool ok) {
    if (!ok) __builtin_trap();
}

// The JSON parser and the scanner that words its syntax errors must agree on what is JSON, and a
// refused text gets our own words, never the library's.
inline void check_json_verdict(std::string_view text, const Problems& problems, bool parsed) {
    const bool scanner_ok = !find_json_syntax_error(text).has_value();
    bool limit = false;  // or a key given twice: valid JSON, refused by parse_json_text
    for (const auto& p : problems) {
        limit |= p.message.rfind("file is too large", 0) == 0 || p.message.rfind("nested too deeply", 0) == 0 ||
                 p.message.find("given twice in one object") != std::string::npos;
    }
    if (limit) return;
    require(parsed == scanner_ok);
    for (const auto& p : problems) {
        require(!p.message.empty());
        require(p.message.find("syntax error") == std::string::npos && p.message.find("json.exception") == std::string::npos);
    }
}

}  // namespace poems::fuzz
