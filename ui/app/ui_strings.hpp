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
inline constexpr const char* kEmbedMayBeDeleted = "This browser may delete the answers kept here.";
// When the site around the embed does not let it open a tab (no allow-popups).
inline constexpr const char* kEmbedOpenBlocked = "This site does not let the app open a new tab. Open {address} in your browser.";

// ---- What "not kept" means where there is a header (the save state) --------------------------
inline constexpr const char* kStorageRefused =
    "this browser is not letting the app keep data ({cause}). What you enter will be lost when this page closes; "
    "use Export to keep a copy.";

// ---- The header's save state, briefly --------------------------------------------------------
// The name of the navigation landmark, read by screen readers (app/description.hpp).
inline constexpr const char* kNavigationRegion = "Pages";
// Settings' text size buttons, drawn as "-" and "+": what a screen reader says for them.
inline constexpr const char* kTextSmaller = "Smaller text";
inline constexpr const char* kTextLarger = "Larger text";
inline constexpr const char* kSavedHere = "Saved on this device";
inline constexpr const char* kSavedKept = "Saved on this device; your browser keeps it";
inline constexpr const char* kSavedMayBeDeleted = "Saved, but your browser may delete this data: export a copy";
// The phone's one-line header shows the state in a word; the sentence above is its spoken name.
inline constexpr const char* kShortSaved = "Saved";
inline constexpr const char* kShortSavedAtRisk = "Saved: export a copy";
inline constexpr const char* kShortSaving = "Saving...";
inline constexpr const char* kShortOpening = "Opening...";
inline constexpr const char* kOpeningRecord = "Opening your saved record...";
inline constexpr const char* kNotSaved = "Not saved: {why}";

// ---- Navigation ------------------------------------------------------------------------------
// The phone's bottom row has room for four pages and "More", which lists the others.
inline constexpr const char* kNavMore = "More";

// ---- Settings, "Your data" -------------------------------------------------------------------
inline constexpr const char* kStoredInBrowser =
    "Everything you enter is stored in this browser, on this device only (IndexedDB). Nothing is sent anywhere.";
inline constexpr const char* kStoredOnComputer =
    "Everything you enter is stored on this computer only (with a backup of the previous version). Nothing is sent "
    "anywhere.";
inline constexpr const char* kRecordFolder = "Folder: {folder}";
inline constexpr const char* kKeepingUnknown = "Asking the browser whether it will keep this data...";
inline constexpr const char* kKeepingKept =
    "Kept: your browser has agreed not to delete this data to free space. Clearing the browser's data for this "
    "site still deletes it, so export a copy now and then.";
inline constexpr const char* kKeepingMayBeDeleted =
    "Your browser may delete this data without asking: when the device runs short of space, and Safari after "
    "seven days without a visit. Export a copy after changes you want to keep, and keep the file somewhere safe.";
inline constexpr const char* kKeepingNotKept =
    "This browser is not letting the app keep data: what you enter goes when this page closes. Export a copy "
    "to keep it.";
inline constexpr const char* kLastExport = "Last exported on {date}.";
inline constexpr const char* kNeverExported = "Not exported yet.";
inline constexpr const char* kExportButton = "Export my record";
inline constexpr const char* kExportUnavailable = "Export is not available here.";

// ---- The export reminder (after a change; at most once a day) ------------------------------
inline constexpr const char* kReminderNeverExported =
    "Not exported yet: a copy in a file keeps your record safe if this browser loses it.";
inline constexpr const char* kReminderOldExport =
    "Changed since your last export {days} days ago: export a new copy to keep it safe.";
inline constexpr const char* kNotNow = "Not now";

// ---- iPhone and iPad, Safari not opened from the Home Screen: two lines ----------------------
inline constexpr const char* kHomeScreenAdvice =
    "Safari may clear this app's data after seven days without a visit. On the Home Screen it is kept: tap "
    "Share, then Add to Home Screen, and open the app from there.";
inline constexpr const char* kHomeScreenMove =
    "The Home Screen app has its own storage: export your record here, then import it there.";
inline constexpr const char* kUnderstood = "OK";

// Replaces `{name}` in `text` with `value` (every occurrence).
inline std::string fill(std::string_view text, std::string_view name, std::string_view value) {
    std::string out(text);
    const std::string key = "{" + std::string(name) + "}";
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
        out.replace(at, key.size(), value);
    return out;
}

}  // namespace poems::ui::words
