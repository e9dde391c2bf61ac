// The strict shapes of sources.json, guide.json and the item topics (overview, workup, ...):
// every key known, every kind known, lists of text where text is expected. What all files share
// (ids, text maps under the usual keys, citations, links) is checked once in content.cpp.
#include "content_internal.hpp"

#include <algorithm>

namespace poems::content_detail {

// ---------------------------------------------------------------------------------------------
// sources.json

static void read_sections(const Json& list, const std::string& path, const std::string& file, Seed& seed,
                          Problems& problems) {
    if (list.empty()) problems.push_back({file, path, "must not be empty (a seed needs at least one section)"});
    for (std::size_t i = 0; i < list.size(); ++i) {
        ObjectReader r(list[i], pointer_child(path, i), problems, file);
        if (!r.is_object()) continue;
        SeedSection s;
        auto heading = r.string("heading", true);
        auto number = r.integer("number");
        auto within = r.string("within");
        r.finish();
        if (!heading) continue;
        if (seed.section(*heading)) {
            r.fail("heading", "section \"" + *heading + "\" is declared twice");
            continue;
        }
        if (number && *number < 1) r.fail("number", "must be 1 or more");
        if (within && !seed.section(*within))
            r.fail("within", "\"" + *within + "\" is not a heading declared before it for this seed");
        s.heading = *heading;
        s.number = number ? static_cast<int>(*number) : 0;
        s.within = within.value_or("");
        seed.sections.push_back(std::move(s));
    }
}

static void read_references(const Json& list, const std::string& path, const std::string& file, Seed& seed,
                            Problems& problems) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        ObjectReader r(list[i], pointer_child(path, i), problems, file);
        if (!r.is_object()) continue;
        r.value("id", true);  // "sources.ref.<n>", checked with every other id
        auto number = r.integer("number", true);
        auto citation = r.string("citation", true);
        r.finish();
        if (number && *number != static_cast<long long>(i) + 1)
            r.fail("number", "expected " + std::to_string(i + 1) + " here (references are numbered 1, 2, 3, ... in order)");
        std::string id;
        if (auto it = list[i].find("id"); it != list[i].end() && it->is_string()) id = it->get<std::string>();
        seed.references.push_back({static_cast<int>(i) + 1, citation.value_or(""), std::move(id)});
    }
}

std::vector<Seed> read_seeds(const Json& doc, const std::string& file, Problems& problems) {
    static const Json no_text = Json::object();
    std::vector<Seed> seeds;
    ObjectReader top(doc, "", problems, file);
    if (!top.is_object()) return seeds;
    top.ignore("schema");
    top.ignore("topic");
    top.value("note");  // a text map: checked with every other text
    const Json* list = top.array("seeds", true);
    top.array("publications");  // read by read_publications()
    top.finish();
    if (!list) return seeds;
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader r((*list)[i], pointer_child("/seeds", i), problems, file);
        if (!r.is_object()) continue;
        Seed seed;
        auto name = r.string("file", true);
        const Json* short_name = r.value("short", true);
        if (short_name) check_text(*short_name, pointer_child(r.path(), "short"), file, problems);
        const Json* title = r.value("title", true);
        auto publisher = r.string("publisher", true);
        auto date = r.string("date", true);
        const Json* sections = r.array("sections", true);
        r.value("sources");  // where the reference list sits in the seed; the references inherit it
        const Json* references = r.array("references");
        r.finish();
        if (!name) continue;
        if (std::any_of(seeds.begin(), seeds.end(), [&](const Seed& s) { return s.file == *name; })) {
            r.fail("file", "seed \"" + *name + "\" is listed twice");
            continue;
        }
        seed.file = *name;
        seed.short_name = short_name ? short_name : &no_text;
        seed.title = title ? title : &no_text;
        seed.publisher = publisher.value_or("");
        seed.date = date.value_or("");
        if (sections) read_sections(*sections, pointer_child(r.path(), "sections"), file, seed, problems);
        if (references) read_references(*references, pointer_child(r.path(), "references"), file, seed, problems);
        seeds.push_back(std::move(seed));
    }
    return seeds;
}

std::vector<Publication> read_publications(const Json& doc, const std::string& file, Problems& problems) {
    static const Json no_text = Json::object();
    std::vector<Publication> out;
    if (!doc.is_object() || !doc.contains("publications") || !doc["publications"].is_array()) return out;
    const Json& list = doc["publications"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        ObjectReader r(list[i], pointer_child("/publications", i), problems, file);
        if (!r.is_object()) continue;
        auto id = r.string("id", true);  // "sources.pub.<name>", also checked with every other id
        const Json* short_name = r.value("short", true);
        auto citation = r.string("citation", true);
        r.value("why", true);      // a text map: why we cite it, checked with every other text
        r.value("sources", true);  // the publication itself: {"publication": its own id}
        r.finish();
        if (!id) continue;
        if (id->rfind("sources.pub.", 0) != 0) r.fail("id", "a publication's id starts with \"sources.pub.\"");
        if (citation && citation->empty()) r.fail("citation", "must not be empty (the full citation)");
        out.push_back({*id, short_name ? short_name : &no_text, citation.value_or("")});
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Item topics

namespace {

enum class Field {
    text,         // required language map (its content is checked in content.cpp)
    text_opt,     // optional language map
    texts,        // required non-empty list of language maps
    texts_opt,    // optional non-empty list of language maps
    links_opt,    // optional list of ids (resolved in content.cpp)
    flag_opt,     // optional true/false
    tone,         // required: one of the callout tones
    rows,         // required: table rows, each a list of language maps as long as the header
    figures,      // required: list of {"value": "~90%", "label": {"en": ...}}
    figures_opt,
};

struct FieldSpec {
    const char* key;
    Field type;
};

struct KindSpec {
    const char* kind;
    std::vector<FieldSpec> fields;
};

// The kinds of item a renderer has to know. Keep content/README.md in step with this table.
const std::vector<KindSpec>& kinds() {
    static const std::vector<KindSpec> table = {
        {"paragraph", {{"title", Field::text_opt}, {"text", Field::text}}},
        {"list", {{"title", Field::text_opt}, {"intro", Field::text_opt}, {"items", Field::texts}, {"ordered", Field::flag_opt}}},
        {"table", {{"title", Field::text_opt}, {"header", Field::texts}, {"rows", Field::rows}, {"note", Field::text_opt}}},
        {"callout", {{"tone", Field::tone}, {"title", Field::text_opt}, {"text", Field::text}}},
        {"figures", {{"title", Field::text_opt}, {"figures", Field::figures}, {"note", Field::text_opt}}},
        {"test", {{"name", Field::text}, {"looks_for", Field::text}, {"why", Field::text}, {"details", Field::texts_opt}}},
        {"term", {{"term", Field::text}, {"aliases", Field::texts_opt}, {"definition", Field::text}}},
        {"question", {{"text", Field::text}, {"why", Field::text_opt}, {"about_ids", Field::links_opt}}},
        {"entry", {{"name", Field::text}, {"text", Field::text}, {"points", Field::texts_opt},
                   {"figures", Field::figures_opt}, {"test_ids", Field::links_opt}}},
    };
    return table;
}

const std::vector<std::string> tones = {"key_point", "warning", "note", "quote", "sources_differ"};

// The topics whose items this loader reads strictly.
bool is_item_topic(const std::string& stem) {
    static const char* const stems[] = {"overview", "workup", "misdiagnosis", "complications", "treatments",
                                        "supportive_care", "questions", "glossary"};
    return std::find(std::begin(stems), std::end(stems), stem) != std::end(stems);
}

void check_figures(const Json& list, const std::string& path, const std::string& file, Problems& problems) {
    if (list.empty()) problems.push_back({file, path, "must not be empty"});
    for (std::size_t i = 0; i < list.size(); ++i) {
        ObjectReader f(list[i], pointer_child(path, i), problems, file);
        if (!f.is_object()) continue;
        f.string("value", true);
        if (const Json* label = f.value("label", true)) check_text(*label, pointer_child(f.path(), "label"), file, problems);
        f.finish();
    }
}

void check_rows(const Json& rows, std::size_t columns, const std::string& path, const std::string& file,
                Problems& problems) {
    if (rows.empty()) problems.push_back({file, path, "must not be empty"});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::string at = pointer_child(path, i);
        const Json& row = rows[i];
        if (!row.is_array()) {
            problems.push_back({file, at, std::string("expected a list of cells, got ") + json_type_name(row)});
            continue;
        }
        if (columns && row.size() != columns)
            problems.push_back({file, at, "row has " + std::to_string(row.size()) + " cells but the header has " +
                                              std::to_string(columns)});
        check_text_list(&row, at, file, problems);
    }
}

void check_item(const Json& item, const std::string& path, const std::string& stem, const std::string& file,
                Problems& problems) {
    ObjectReader r(item, path, problems, file);
    if (!r.is_object()) return;
    r.value("id", true);
    r.value("sources", true);
    r.value("see_ids");
    // The glossary holds terms and only terms, so the Glossary page and the Guide never miss one.
    std::vector<std::string> allowed;
    for (const auto& k : kinds())
        if ((stem == "glossary") == (std::string_view(k.kind) == "term")) allowed.push_back(k.kind);
    auto kind = r.one_of("kind", allowed, true);
    if (!kind) return;  // unknown kind: its keys cannot be judged
    const KindSpec& spec = *std::find_if(kinds().begin(), kinds().end(), [&](const KindSpec& k) { return k.kind == *kind; });

    std::size_t columns = 0;
    for (const auto& f : spec.fields) {
        std::string at = pointer_child(path, f.key);
        switch (f.type) {
            case Field::text: r.value(f.key, true); break;
            case Field::text_opt: r.value(f.key); break;
            case Field::links_opt: r.value(f.key); break;
            case Field::flag_opt: r.boolean(f.key); break;
            case Field::tone: r.one_of(f.key, tones, true); break;
            case Field::texts:
            case Field::texts_opt: {
                const Json* list = r.array(f.key, f.type == Field::texts);
                check_text_list(list, at, file, problems);
                if (list && std::string_view(f.key) == "header") columns = list->size();
                break;
            }
            case Field::rows:
                if (const Json* rows = r.array(f.key, true)) check_rows(*rows, columns, at, file, problems);
                break;
            case Field::figures:
            case Field::figures_opt:
                if (const Json* list = r.array(f.key, f.type == Field::figures)) check_figures(*list, at, file, problems);
                break;
        }
    }
    r.finish();
}

// The top of a topic whose body is one list under `key` ("items", "chapters"): the list, or
// nullptr. A missing or empty list is a problem.
const Json* top_list(const Json& doc, const char* key, const std::string& file, Problems& problems) {
    ObjectReader top(doc, "", problems, file);
    if (!top.is_object()) return nullptr;
    top.ignore("schema");
    top.ignore("topic");
    top.value("title", true);
    top.value("intro");
    const Json* list = top.array(key, true);
    top.finish();
    if (list && list->empty()) problems.push_back({file, std::string("/") + key, "must not be empty"});
    return list;
}

void check_items_topic(const Json& doc, const std::string& stem, const std::string& file, Problems& problems) {
    const Json* items = top_list(doc, "items", file, problems);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i)
        check_item((*items)[i], pointer_child("/items", i), stem, file, problems);
}

void check_guide(const Json& doc, const std::string& file, Problems& problems) {
    const Json* chapters = top_list(doc, "chapters", file, problems);
    if (!chapters) return;
    for (std::size_t i = 0; i < chapters->size(); ++i) {
        ObjectReader r((*chapters)[i], pointer_child("/chapters", i), problems, file);
        if (!r.is_object()) continue;
        r.value("id", true);
        r.value("title", true);
        r.value("sources", true);
        if (const Json* ids = r.array("item_ids", true); ids && ids->empty()) r.fail("item_ids", "must not be empty");
        r.finish();
    }
}

}  // namespace

bool is_owned_topic(const std::string& stem) {
    return stem == "sources" || stem == "guide" || is_item_topic(stem);
}

void check_shape(const std::string& stem, const Json& doc, const std::string& file, Problems& problems) {
    if (stem == "guide") check_guide(doc, file, problems);
    else if (is_item_topic(stem)) check_items_topic(doc, stem, file, problems);
}

}  // namespace poems::content_detail
