// Everything the app reads from content/, from the files compiled into the program. Pages take
// what they need from it; once loaded, nothing in it changes.
//
// The topics and their loaders are registered once, in core (poems/topics.hpp); AppData adds
// what only the app needs (the centre search index). The criteria are read at start-up: the
// criteria page is the first one shown. Every other file and topic is parsed and read the first
// time a page asks for it (open_checked_content), so the first frame does not wait for what it
// does not show. The build checks the shipped content and its tests run every loader on it, so
// a problem here means a broken build, never the person's fault; it is reported through
// problem_lines().
// The UI thread only: the lazy reads are not synchronised.
#pragma once

#include "poems/topics.hpp"

#include <memory>
#include <optional>
#include <string>

namespace poems::ui {

class AppData : public Topics {
public:
    // Loads the embedded content and the criteria. On failure returns nullptr and fills `error`
    // with every problem, one per line.
    static std::shared_ptr<const AppData> load(std::string& error);

    explicit AppData(Content content) : Topics(std::move(content)) {}

    const CenterSearchIndex& center_index() const;

private:
    mutable std::optional<CenterSearchIndex> center_index_;
};

}  // namespace poems::ui
