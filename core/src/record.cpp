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
