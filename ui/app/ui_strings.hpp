// The app's own words about keeping the record (storage, the embed's notice, export reminders,
// the Home Screen advice): every sentence a person reads about it, in one place, so they are
// written once, read together, and can be translated later without touching the pages.
// Clinical words are not here: they come from content/. A `{name}` is filled in by fill().
#pragma once

#include <string>
#include <string_view>

namespace poems::ui::words {

// ---- An embed (no header, no Settings): one line and a link to the full app -----------------
inline constexpr const char* kEmbedNotKept = "Your answers are not kept here: they go when this page closes.";
inline constexpr const char* kEmbedOpenFullApp = "Open the full app";
// When the site around the embed does not let it open a tab (no allow-popups).
inline constexpr const char* kEmbedOpenBlocked = "This site does not let the app open a new tab. Open {address} in your browser.";

// ---- What "not kept" means where there is a header (the save state) --------------------------
inline constexpr const char* kStorageRefused =
    "this browser is not letting the app keep data ({cause}). What you enter will be lost when this page closes; "
    "use Export to keep a copy.";

// Replaces `{name}` in `text` with `value` (every occurrence).
inline std::string fill(std::string_view text, std::string_view name, std::string_view value) {
    std::string out(text);
    const std::string key = "{" + std::string(name) + "}";
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
        out.replace(at, key.size(), value);
    return out;
}

}  // namespace poems::ui::words
