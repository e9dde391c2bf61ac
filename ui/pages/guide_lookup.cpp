// Which Guide chapter shows an id, and the glossary's search text.
#include "pages/guide_views.hpp"

#include "poems/text_fold.hpp"

namespace poems::ui::guide {

namespace {
// Every "id" nested inside an item (checklist steps, monitoring steps...) is shown with it.
void collect_nested_ids(const Json& value, std::vector<std::string>& out) {
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (it.key() == "id" && it->is_string()) out.push_back(it->get<std::string>());
            else collect_nested_ids(*it, out);
        }
    } else if (value.is_array()) {
        for (const auto& v : value) collect_nested_ids(v, out);
    }
}
}  // namespace

Lookup::Lookup(const App& app) : app_(&app) {
    const Content& content = app.data().content();
    const auto& chapters = content.guide();
    for (int c = 0; c < static_cast<int>(chapters.size()); ++c) {
        where_.emplace(chapters[c].id, Location{c, {}});
        for (const auto& item_id : chapters[c].item_ids) {
            where_.emplace(item_id, Location{c, item_id});  // the first chapter that lists it wins
            if (const Json* item = content.item(item_id)) {
                std::vector<std::string> nested;
                collect_nested_ids(*item, nested);
                for (const auto& n : nested) where_.emplace(n, Location{c, item_id});
            }
        }
    }
    // A criterion is shown under its group ("criteria.group.<group>"), which the chapter lists.
    if (const Json* criteria = content.topic("criteria"); criteria && criteria->contains("criteria")) {
        for (const auto& c : (*criteria)["criteria"]) {
            if (!c.contains("id") || !c.contains("group") || !c["group"].is_string()) continue;
            auto group = where_.find("criteria.group." + c["group"].get<std::string>());
            if (group != where_.end()) where_.emplace(c["id"].get<std::string>(), group->second);
        }
    }
}

Location Lookup::locate(std::string_view id) const {
    auto it = where_.find(std::string(id));
    return it == where_.end() ? Location{} : it->second;
}

bool Lookup::linkable(std::string_view id) const {
    return app_->data().content().topic_of(id) == "glossary" || locate(id).chapter >= 0;
}

std::vector<GlossaryIndexEntry> build_glossary_index(const App& app) {
    std::vector<GlossaryIndexEntry> index;
    for (const auto& e : app.data().content().glossary()) {
        GlossaryIndexEntry entry{e.id, {}, {}};
        append_folded_for_search(entry.folded_names, text_in(*e.term));
        for (const Json* alias : e.aliases) {
            entry.folded_names += ' ';
            append_folded_for_search(entry.folded_names, text_in(*alias));
        }
        entry.folded = entry.folded_names + ' ';
        append_folded_for_search(entry.folded, text_in(*e.definition));
        index.push_back(std::move(entry));
    }
    return index;
}

}  // namespace poems::ui::guide
