// What the app remembers about keeping the record safe, in a small file beside the record
// (record.json.care, docs/record.md "Keeping the record"): when it was last exported, whether it
// changed since, the day the export reminder last showed, and whether the Home Screen advice was
// given. It is not in the record: writing the export date into it would itself be a change
// since the export. "Delete all my data" removes it with the record (it is a record.json.* file).
#pragma once

#include "poems/dates.hpp"
#include "poems/json_reader.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace poems {

inline constexpr const char* kRecordCareFileName = "record.json.care";
// The export reminder: after a change, when there is no export yet or the last one is more than
// this many days old.
inline constexpr long kExportReminderDays = 30;
// An embed never shows the reminder in its first minute: a visitor has only just arrived.
inline constexpr double kEmbedQuietSeconds = 60;

struct RecordCare {
    std::optional<Date> last_export;     // the day of the last export (a download or a file written)
    bool changed_since_export = false;   // the record changed after it (or it was never exported)
    std::optional<Date> last_reminder;   // the day the export reminder last showed: once a day at most
    bool home_screen_advice_shown = false;  // iPhone/iPad Safari: the advice shows once, then only in Settings
    bool operator==(const RecordCare&) const = default;
};

std::string record_care_to_json(const RecordCare& care);
// Reads the file's text. A value that is wrong (or an unknown key) is a problem with its path and
// leaves that value at its default; it never stops the app. {"last_export": "2026-01-05", ...}
RecordCare record_care_from_json(std::string_view text, const std::string& file, Problems& problems);

// Whether the export reminder should show now, right after a change: the record changed since
// its last export, there is none or it is more than kExportReminderDays old, the reminder has not
// shown today, and (in an embed) the page has been open for at least kEmbedQuietSeconds.
bool export_reminder_due(const RecordCare& care, Date today, bool embedded, double seconds_open);

}  // namespace poems
