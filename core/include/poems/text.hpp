// Plain text helpers for the core, the CLI and the app, written once. ASCII only and no locale,
// so the result is the same everywhere; search folding (accents, punctuation) is text_fold.hpp.
#pragma once

#include <string>
#include <string_view>

namespace poems {

// Without the spaces, tabs and line breaks at either end: "  3.5\t" -> "3.5".
std::string trim(std::string_view s);

// True when `s` holds nothing but spaces, tabs and line breaks (or nothing at all).
bool is_blank(std::string_view s);

// ASCII letters in lowercase, every other byte (UTF-8 included) as it is: "VEGF Élevé" -> "vegf Élevé".
std::string ascii_lower(std::string_view s);

// `text` with every "{name}" replaced by `value`: fill_in("Last exported on {date}.", "date", "2026-03-01").
std::string fill_in(std::string_view text, std::string_view name, std::string_view value);

// `s` between double quotes, for messages: quote("labs.x") + " is listed twice".
std::string quote(std::string_view s);

}  // namespace poems
