// The one lookup every typed topic offers (CenterDirectory::center, MonitoringPlan::test, ...):
// the element of a list whose `id` is the one asked for, or nullptr. The lists are short (tens of
// items), so a walk in order beats building an index.
#pragma once

#include <string_view>

namespace poems {

template <class List>
auto find_by_id(const List& list, std::string_view id) -> decltype(&*list.begin()) {
    for (const auto& x : list)
        if (x.id == id) return &x;
    return nullptr;
}

}  // namespace poems
