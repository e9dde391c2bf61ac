#include "poems/record_care.hpp"

namespace poems {

std::string record_care_to_json(const RecordCare& care) {
    Json j = Json::object();
    if (care.last_export) j["last_export"] = to_string(*care.last_export);
    j["changed_since_export"] = care.changed_since_export;
    if (care.last_reminder) j["last_reminder"] = to_string(*care.last_reminder);
    j["home_screen_advice_shown"] = care.home_screen_advice_shown;
    return j.dump() + "\n";
}

RecordCare record_care_from_json(std::string_view text, const std::string& file, Problems& problems) {
    RecordCare care;
    auto doc = parse_json_text(text, file, problems, {.max_bytes = 4096, .max_depth = 4});
    if (!doc) return care;
    ObjectReader r(*doc, "", problems, file);
    const auto date = [&](std::string_view key) -> std::optional<Date> {
        auto s = r.string(key);
        if (!s) return std::nullopt;
        auto d = parse_date(*s);
        if (!d) r.fail(key, "expected a date as YYYY-MM-DD, got \"" + *s + "\"");
        return d;
    };
    care.last_export = date("last_export");
    if (auto b = r.boolean("changed_since_export")) care.changed_since_export = *b;
    care.last_reminder = date("last_reminder");
    if (auto b = r.boolean("home_screen_advice_shown")) care.home_screen_advice_shown = *b;
    r.finish();
    return care;
}

bool export_reminder_due(const RecordCare& care, Date today, bool embedded, double seconds_open) {
    if (!care.changed_since_export) return false;
    if (embedded && seconds_open < kEmbedQuietSeconds) return false;
    // Once a day at most (a clock set back counts as the same day: no second reminder).
    if (care.last_reminder && *care.last_reminder >= today) return false;
    return !care.last_export || days_between(*care.last_export, today) > kExportReminderDays;
}

}  // namespace poems
