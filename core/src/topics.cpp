#include "poems/topics.hpp"

namespace poems {

namespace {
// A loader's result, or an empty T when it had problems (they are kept by Topics).
template <class T>
T value_or_empty(std::optional<T> loaded) {
    return loaded ? std::move(*loaded) : T{};
}
template <class T>
T value_or_empty(T loaded) {
    return loaded;
}
}  // namespace

// Runs the topic's loader the first time, keeps what it returns and its problems.
template <class T, class Loaded>
const T& Topics::read_once(std::optional<T>& slot, const char* stem,
                           Loaded (*load)(const Json&, Problems&, const std::string&)) const {
    if (!slot) {
        const std::string file = std::string(stem) + ".json";
        Problems problems;
        if (const Json* doc = content_.topic(stem)) slot = value_or_empty(load(*doc, problems, file));
        else slot = T{}, problems.push_back({file, "", "missing content file"});
        for (auto& p : problems) {
            problem_lines_ += p.to_string() + "\n";
            problems_.push_back(std::move(p));
        }
    }
    return *slot;
}

#define POEMS_TOPIC_GETTER(stem, type, loader) \
    const type& Topics::stem() const { return read_once(stem##_, #stem, loader); }
POEMS_CONTENT_TOPICS(POEMS_TOPIC_GETTER)
#undef POEMS_TOPIC_GETTER

bool Topics::read_present() const {
    const std::size_t before = problems_.size();
#define POEMS_TOPIC_READ(stem, type, loader) \
    if (content_.topic(#stem)) stem();
    POEMS_CONTENT_TOPICS(POEMS_TOPIC_READ)
#undef POEMS_TOPIC_READ
    return problems_.size() == before;
}

DocumentContent document_content(const Topics& t) {
    return {&t.content(), &t.criteria(),   &t.labs(),    &t.monitoring(), &t.prognosis(),
            &t.checklists(), &t.centers(), &t.ui(), &t.diary()};
}

}  // namespace poems
