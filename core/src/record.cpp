#include "poems/record.hpp"

namespace poems {

std::optional<Date> first_event(const Record& r, std::string_view kind) {
    std::optional<Date> best;
    for (const auto& e : r.events)
        if (e.kind == kind && (!best || e.date < *best)) best = e.date;
    return best;
}

std::optional<Date> last_event(const Record& r, std::string_view kind) {
    std::optional<Date> best;
    for (const auto& e : r.events)
        if (e.kind == kind && (!best || e.date > *best)) best = e.date;
    return best;
}

}  // namespace poems

namespace poems {

const std::vector<std::string>& event_kinds() {
    static const std::vector<std::string> kinds = {"diagnosis", "treatment_start", "treatment_end",
                                                   "asct",      "remission",       "relapse"};
    return kinds;
}

const std::vector<std::string>& profile_sexes() {
    static const std::vector<std::string> sexes = {"female", "male", "other"};
    return sexes;
}

const std::vector<std::string>& weight_units() {
    static const std::vector<std::string> units = {"kg", "lb"};
    return units;
}

std::string next_entry_id(const std::vector<std::string>& used_ids, std::string_view prefix) {
    std::string head = std::string(prefix) + "-";
    unsigned long long highest = 0;
    for (const auto& id : used_ids) {
        if (id.size() <= head.size() || id.compare(0, head.size(), head) != 0) continue;
        unsigned long long n = 0;
        bool digits = id.size() - head.size() <= 15;
        for (std::size_t i = head.size(); digits && i < id.size(); ++i) {
            if (id[i] < '0' || id[i] > '9') digits = false;
            else n = n * 10 + static_cast<unsigned long long>(id[i] - '0');
        }
        if (digits && n > highest) highest = n;
    }
    return head + std::to_string(highest + 1);
}

}  // namespace poems
