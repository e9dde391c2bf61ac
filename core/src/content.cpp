// Loading content/*.json: parse, check what every file shares (ids, text, citations, links), check
// the shapes of this loader's own topics (content_shapes.cpp), then build the read-only Content.
#include "poems/content.hpp"

#include "content_internal.hpp"
#include "poems/by_id.hpp"
#include "poems/lang_text.hpp"  // is_well_formed_id
#include "poems/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace poems {

struct Content::Data {
    struct ItemInfo {
        const Json* item = nullptr;
        std::string stem;
        std::string path;          // JSON Pointer inside the file, for "first defined at" messages
        std::size_t sources = 0;   // index into source_lists
        std::size_t file = 0;      // the file's place in file-name order, for ids()
    };
    // stem → document, in file-name order (opened lazily: in the order they were parsed; the
    // vector is reserved for every file then, so a document never moves once given out)
    std::vector<std::pair<std::string, Json>> docs;
    std::map<std::string, ItemInfo, std::less<>> items;
    std::vector<std::string> ids;
    std::vector<std::vector<SourceRef>> source_lists;  // [0] is the empty list
    std::vector<Seed> seeds;
    std::vector<Publication> publications;
    std::vector<GuideChapter> guide;

    // Content opened by open_checked_content(): the files not parsed yet. Everything above fills
    // in as they are parsed (ContentBuilder::parse_checked).
    struct Unparsed {
        std::string stem;
        std::string_view text;
        std::size_t file = 0;
    };
    std::vector<Unparsed> unparsed;
    bool ids_sorted = true;  // false while ids are in the order their files were parsed
};

// ---------------------------------------------------------------------------------------------
// Small shared checks (declared in content_internal.hpp)

namespace content_detail {

static bool is_language_code(std::string_view s) {
    // "en", "fr", "pt-BR", "zh-Hant": 2-3 lowercase letters, then optional subtags.
    std::size_t i = 0;
    while (i < s.size() && std::islower(static_cast<unsigned char>(s[i]))) ++i;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i] != '-') return false;
        std::size_t start = ++i;
        while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
        if (i == start) return false;
    }
    return true;
}

void check_text(const Json& value, const std::string& path, const std::string& file, Problems& problems,
                bool word_lists) {
    if (!value.is_object()) {
        problems.push_back({file, path, std::string("expected a text map such as {\"en\": \"...\"}, got ") +
                                            json_type_name(value)});
        return;
    }
    if (!value.contains("en")) problems.push_back({file, path, "missing English text (\"en\")"});
    auto blank = [](const Json& s) {
        return s.is_string() && is_blank(s.get_ref<const std::string&>());
    };
    // (Paths are built only for a problem: this runs on every piece of text in the content.)
    for (const auto& [lang, text] : value.items()) {
        auto at = [&, &lang = lang] { return pointer_child(path, lang); };
        if (!is_language_code(lang)) {
            problems.push_back({file, at(), "\"" + lang + "\" is not a language code such as \"en\" or \"fr\""});
        } else if (word_lists && text.is_array()) {
            for (std::size_t i = 0; i < text.size(); ++i) {
                if (!text[i].is_string())
                    problems.push_back({file, pointer_child(at(), i), std::string("expected a string, got ") + json_type_name(text[i])});
                else if (blank(text[i]))
                    problems.push_back({file, pointer_child(at(), i), "must not be empty"});
            }
        } else if (!text.is_string()) {
            problems.push_back({file, at(), std::string("expected a string, got ") + json_type_name(text)});
        } else if (blank(text)) {
            problems.push_back({file, at(), "must not be empty"});
        }
    }
}

void check_text_list(const Json* list, const std::string& path, const std::string& file, Problems& problems) {
    if (!list) return;
    if (list->empty()) problems.push_back({file, path, "must not be empty"});
    for (std::size_t i = 0; i < list->size(); ++i) check_text((*list)[i], pointer_child(path, i), file, problems);
}

}  // namespace content_detail

using content_detail::check_text;

// Keys whose value is always a language map, in every topic (content/README.md lists them).
static bool is_text_key(std::string_view key) {
    static const std::string_view keys[] = {"text", "title", "name", "term", "definition", "summary", "intro",
                                            "question", "note", "description", "looks_for", "why"};
    return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

static bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

std::string_view text_in(const Json& map, std::string_view lang) {
    if (!map.is_object()) return {};
    auto it = map.find(lang);
    if (it == map.end() || !it->is_string()) it = map.find("en");
    if (it == map.end() || !it->is_string()) return {};
    return it->get_ref<const std::string&>();
}

const SeedSection* Seed::section(std::string_view heading) const {
    for (const auto& s : sections)
        if (s.heading == heading) return &s;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// The builder: one pass per concern, all problems collected.

struct ContentBuilder {
    Content::Data& d;
    Problems& problems;

    struct Link {
        std::string file, path, id;
    };
    std::vector<Link> links;

    void parse_files(std::span<const EmbeddedFile> files);
    void read_sources();
    // The file walk() is in: what it needs of it, worked out once per file, not per object.
    struct WalkedFile {
        std::string name, stem;
        bool owned = false;  // one of this loader's own topics (content_shapes.cpp)
        std::size_t file = 0;
    };
    void walk(const Json& value, const std::string& path, const WalkedFile& in, std::size_t inherited_sources);
    std::size_t read_citations(const Json& list, const std::string& path, const std::string& file);
    void read_link(const Json& value, const std::string& key, const std::string& path, const std::string& file);
    void resolve_links();
    void read_guide();

    // Opened lazily (the build has checked the files): parse one file and index its items, with
    // no checks and no paths.
    void parse_checked(const Content::Data::Unparsed& file);
    void index_checked(const Json& value, const std::string& stem, std::size_t file, std::size_t sources);
    std::size_t citations_checked(const Json& list);

    static Content make(std::shared_ptr<const Content::Data> data) {
        Content c;
        c.data_ = std::move(data);
        return c;
    }
};

// The files in file-name order: the order of docs, ids() and every problem list.
static std::vector<const EmbeddedFile*> by_name(std::span<const EmbeddedFile> files) {
    std::vector<const EmbeddedFile*> sorted;
    for (const auto& f : files) sorted.push_back(&f);
    std::sort(sorted.begin(), sorted.end(), [](const EmbeddedFile* a, const EmbeddedFile* b) {
        return std::string_view(a->name ? a->name : "") < std::string_view(b->name ? b->name : "");
    });
    return sorted;
}

void ContentBuilder::parse_files(std::span<const EmbeddedFile> files) {
    for (const EmbeddedFile* f : by_name(files)) {
        std::string name = f->name ? f->name : "";
        if (!ends_with(name, ".json")) {
            problems.push_back({name, "", "not a .json file (content files are <topic>.json)"});
            continue;
        }
        std::string stem = name.substr(0, name.size() - 5);
        auto doc = parse_json_text(f->text, name, problems);
        if (!doc) continue;
        ObjectReader top(*doc, "", problems, name);
        if (!top.is_object()) continue;
        if (auto schema = top.string("schema", true); schema && *schema != kContentSchema)
            top.fail("schema", "expected \"" + std::string(kContentSchema) + "\", got \"" + *schema + "\"");
        if (auto topic = top.string("topic", true); topic && *topic != stem)
            top.fail("topic", "\"" + *topic + "\" does not match the file name (expected \"" + stem + "\")");
        d.docs.emplace_back(stem, std::move(*doc));
    }
}

void ContentBuilder::read_sources() {
    auto it = std::find_if(d.docs.begin(), d.docs.end(), [](const auto& p) { return p.first == "sources"; });
    if (it == d.docs.end()) {
        problems.push_back({"sources.json", "", "missing: every citation is checked against the seeds it lists"});
        return;
    }
    d.seeds = content_detail::read_seeds(it->second, "sources.json", problems);
    d.publications = content_detail::read_publications(it->second, "sources.json", problems);
}

std::size_t ContentBuilder::read_citations(const Json& list, const std::string& path, const std::string& file) {
    if (!list.is_array()) {
        problems.push_back({file, path, std::string("expected a list of citations, got ") + json_type_name(list)});
        return 0;
    }
    if (list.empty()) {
        problems.push_back({file, path, "must not be empty (cite at least one seed section)"});
        return 0;
    }
    std::vector<SourceRef> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        ObjectReader r(list[i], pointer_child(path, i), problems, file);
        if (!r.is_object()) continue;
        SourceRef ref;
        if (auto pub = r.string("publication")) {  // a publication of our own list, not a seed
            r.finish();
            if (!d.publications.empty() || !d.seeds.empty()) {
                bool known = std::any_of(d.publications.begin(), d.publications.end(),
                                         [&](const Publication& p) { return p.id == *pub; });
                if (!known) r.fail("publication", "unknown publication \"" + *pub + "\" (not in the \"publications\" of sources.json)");
            }
            ref.publication = *pub;
            out.push_back(std::move(ref));
            continue;
        }
        auto seed_file = r.string("seed", true);
        auto section = r.string("section", true);
        const Json* refs = r.array("refs");
        r.finish();
        const Seed* seed = nullptr;
        if (seed_file) {
            for (const auto& s : d.seeds)
                if (s.file == *seed_file) seed = &s;
            // Without a valid sources.json every seed would be "unknown": that one problem is enough.
            if (!seed && !d.seeds.empty())
                r.fail("seed", "unknown seed \"" + *seed_file + "\" (not listed in sources.json)");
            ref.seed = *seed_file;
        }
        if (section && seed && !seed->section(*section))
            r.fail("section", "section \"" + *section + "\" is not declared for seed \"" + seed->file +
                                  "\" in sources.json");
        if (section) ref.section = *section;
        if (refs) {
            std::string refs_path = pointer_child(r.path(), "refs");
            for (std::size_t k = 0; k < refs->size(); ++k) {
                const Json& n = (*refs)[k];
                std::string at = pointer_child(refs_path, k);
                if (!n.is_number_integer()) {
                    problems.push_back({file, at, std::string("expected a whole number, got ") + json_type_name(n)});
                    continue;
                }
                int number = n.get<int>();
                if (seed && seed->references.empty()) {
                    problems.push_back({file, at, "seed \"" + seed->file + "\" has no numbered references"});
                } else if (seed && (number < 1 || number > static_cast<int>(seed->references.size()))) {
                    problems.push_back({file, at, "reference " + std::to_string(number) + " is not in the list of \"" +
                                                      seed->file + "\" (1–" +
                                                      std::to_string(seed->references.size()) + ")"});
                }
                ref.refs.push_back(number);
            }
        }
        out.push_back(std::move(ref));
    }
    d.source_lists.push_back(std::move(out));
    return d.source_lists.size() - 1;
}

void ContentBuilder::read_link(const Json& value, const std::string& key, const std::string& path,
                               const std::string& file) {
    auto one = [&](const Json& v, const std::string& at) {
        if (!v.is_string()) {
            problems.push_back({file, at, std::string("expected an id (a string), got ") + json_type_name(v)});
            return;
        }
        links.push_back({file, at, v.get<std::string>()});
    };
    if (ends_with(key, "_id")) {
        one(value, path);
    } else if (!value.is_array()) {
        problems.push_back({file, path, std::string("expected a list of ids, got ") + json_type_name(value)});
    } else {
        for (std::size_t i = 0; i < value.size(); ++i) one(value[i], pointer_child(path, i));
    }
}

void ContentBuilder::walk(const Json& value, const std::string& path, const WalkedFile& in,
                          std::size_t inherited_sources) {
    const std::string& file = in.name;
    const std::string& stem = in.stem;
    // Only lists and objects hold anything to check: a child's path is built only for those.
    auto holds_items = [](const Json& v) { return v.is_array() || v.is_object(); };
    if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            if (holds_items(value[i])) walk(value[i], pointer_child(path, i), in, inherited_sources);
        return;
    }
    if (!value.is_object()) return;
    // An object with an "en" key is a language map, wherever it sits.
    const bool owned = in.owned;
    if (value.contains("en")) {
        check_text(value, path, file, problems, !owned);
        return;
    }

    std::size_t sources = inherited_sources;
    auto s = value.find("sources");
    const bool citations = s != value.end() && (s->is_array() || owned);
    if (citations) {
        if (std::size_t own = read_citations(*s, pointer_child(path, "sources"), file)) sources = own;
    }
    if (auto id = value.find("id"); id != value.end()) {
        std::string at = pointer_child(path, "id");
        if (!id->is_string()) {
            problems.push_back({file, at, std::string("expected a string, got ") + json_type_name(*id)});
        } else if (const std::string& name = id->get_ref<const std::string&>(); owned || name.find('.') != std::string::npos) {
            // (Outside this loader's own topics an id without a dot is a key local to its file.)
            if (!is_well_formed_id(name)) {
                problems.push_back({file, at, "id \"" + name + "\" must be lowercase words joined by dots, such as \"" +
                                                  stem + ".example\""});
            } else if (owned && name.rfind(stem + ".", 0) != 0) {
                problems.push_back({file, at, "id \"" + name + "\" must start with \"" + stem + ".\" (the file's topic)"});
            } else if (auto first = d.items.find(name); first != d.items.end()) {
                problems.push_back({file, at, "duplicate id \"" + name + "\" (first defined in " + first->second.stem +
                                                  ".json at " + first->second.path + ")"});
            } else {
                d.items.emplace(name, Content::Data::ItemInfo{&value, stem, path, sources, in.file});
                d.ids.push_back(name);
            }
            // An item states something, so it needs a source; a broken "sources" list is already a problem.
            if (sources == 0 && !citations)
                problems.push_back({file, path, "item \"" + name + "\" has no sources (cite at least one seed section)"});
        }
    }
    for (const auto& [key, child] : value.items()) {
        if (key == "id" || (key == "sources" && citations)) continue;
        if (ends_with(key, "_id") || ends_with(key, "_ids")) {
            read_link(child, key, pointer_child(path, key), file);
        } else if (is_text_key(key) && !child.is_object()) {
            check_text(child, pointer_child(path, key), file, problems);  // a plain string where a language map belongs
        } else if (is_text_key(key) && std::all_of(child.begin(), child.end(), [](const Json& v) { return v.is_string(); })) {
            check_text(child, pointer_child(path, key), file, problems);  // a language map without English ({"fr": ...} or {})
        } else if (holds_items(child)) {
            walk(child, pointer_child(path, key), in, sources);
        }
    }
}

void ContentBuilder::resolve_links() {
    for (const auto& l : links)
        if (!d.items.count(l.id)) problems.push_back({l.file, l.path, "link to unknown id \"" + l.id + "\""});
}

void ContentBuilder::read_guide() {
    for (const auto& [stem, doc] : d.docs) {
        if (stem != "guide") continue;
        const Json* chapters = doc.is_object() && doc.contains("chapters") ? &doc["chapters"] : nullptr;
        if (!chapters || !chapters->is_array()) return;
        for (const Json& ch : *chapters) {
            if (!ch.is_object() || !ch.contains("id") || !ch["id"].is_string()) continue;
            GuideChapter g;
            g.id = ch["id"].get<std::string>();
            g.title = ch.contains("title") ? &ch["title"] : nullptr;
            if (ch.contains("item_ids") && ch["item_ids"].is_array())
                for (const Json& id : ch["item_ids"])
                    if (id.is_string()) g.item_ids.push_back(id.get<std::string>());
            if (auto it = d.items.find(g.id); it != d.items.end()) g.sources = d.source_lists[it->second.sources];
            d.guide.push_back(std::move(g));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Content the build has checked, opened lazily (open_checked_content)

void ContentBuilder::parse_checked(const Content::Data::Unparsed& f) {
    // The full parser's guards (size, depth, zero bytes, keys given twice) and every check of
    // load_content() ran when the program was built: `poems content check` refused any problem.
    Json doc = Json::parse(f.text.begin(), f.text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return;  // not expected: the topic then reads as missing
    d.docs.emplace_back(f.stem, std::move(doc));
    const Json& parsed = d.docs.back().second;
    index_checked(parsed, f.stem, f.file, 0);
    d.ids_sorted = false;
    if (f.stem == "sources") {
        d.seeds = content_detail::read_seeds(parsed, "sources.json", problems);
        d.publications = content_detail::read_publications(parsed, "sources.json", problems);
    } else if (f.stem == "guide") {
        read_guide();
    }
}

// walk()'s index without its checks: the same items, citations and inheritance for a valid file.
void ContentBuilder::index_checked(const Json& value, const std::string& stem, std::size_t file,
                                   std::size_t sources) {
    if (value.is_array()) {
        for (const Json& v : value)
            if (v.is_array() || v.is_object()) index_checked(v, stem, file, sources);
        return;
    }
    if (!value.is_object() || value.contains("en")) return;  // a language map
    auto s = value.find("sources");
    const bool citations = s != value.end() && s->is_array() && !s->empty();
    if (citations) sources = citations_checked(*s);
    if (auto id = value.find("id"); id != value.end() && id->is_string()) {
        const std::string& name = id->get_ref<const std::string&>();
        if (name.find('.') != std::string::npos && d.items.emplace(name, Content::Data::ItemInfo{&value, stem, "", sources, file}).second)
            d.ids.push_back(name);
    }
    for (const auto& [key, child] : value.items()) {
        if (key == "id" || (key == "sources" && citations) || ends_with(key, "_id") || ends_with(key, "_ids")) continue;
        if (child.is_array() || child.is_object()) index_checked(child, stem, file, sources);
    }
}

std::size_t ContentBuilder::citations_checked(const Json& list) {
    std::vector<SourceRef> out;
    for (const Json& c : list) {
        if (!c.is_object()) continue;
        SourceRef ref;
        auto text = [&c](const char* key) {
            auto it = c.find(key);
            return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        ref.publication = text("publication");
        if (ref.publication.empty()) {
            ref.seed = text("seed");
            ref.section = text("section");
            if (auto refs = c.find("refs"); refs != c.end() && refs->is_array())
                for (const Json& n : *refs)
                    if (n.is_number_integer()) ref.refs.push_back(n.get<int>());
        }
        out.push_back(std::move(ref));
    }
    d.source_lists.push_back(std::move(out));
    return d.source_lists.size() - 1;
}

Content open_checked_content(std::span<const EmbeddedFile> files) {
    auto data = std::make_shared<Content::Data>();
    data->source_lists.emplace_back();  // index 0: "no sources"
    for (const EmbeddedFile* f : by_name(files)) {
        std::string_view name = f->name ? f->name : "";
        if (ends_with(name, ".json"))
            data->unparsed.push_back({std::string(name.substr(0, name.size() - 5)), f->text, data->unparsed.size()});
    }
    data->docs.reserve(data->unparsed.size());
    return ContentBuilder::make(std::move(data));
}

// Opened lazily: parses the waiting file of `stem` (every waiting file for ""). A loaded Content
// has none waiting. The data was made non-const (open_checked_content): only these parses change it.
static const Content::Data& with_parsed(const std::shared_ptr<const Content::Data>& data, std::string_view stem) {
    if (data->unparsed.empty()) return *data;
    auto& d = const_cast<Content::Data&>(*data);
    Problems ignored;  // none for a checked file; the topic loaders report their own
    ContentBuilder b{d, ignored, {}};
    for (std::size_t i = 0; i < d.unparsed.size();) {
        if (!stem.empty() && d.unparsed[i].stem != stem) {
            ++i;
            continue;
        }
        const Content::Data::Unparsed file = d.unparsed[i];
        d.unparsed.erase(d.unparsed.begin() + static_cast<std::ptrdiff_t>(i));
        b.parse_checked(file);
        if (!stem.empty()) break;
    }
    return d;
}

// The item `id`, parsing its file first when the content was opened lazily: an id names its
// topic first ("workup.spep" is in workup.json); one that does not (checklists.json's
// "checklist.*", for one) is found once every file is parsed.
static const Content::Data::ItemInfo* find_item(const std::shared_ptr<const Content::Data>& data, std::string_view id) {
    auto found = [&]() -> const Content::Data::ItemInfo* {
        auto it = data->items.find(id);
        return it == data->items.end() ? nullptr : &it->second;
    };
    if (const auto* info = found(); info || data->unparsed.empty()) return info;
    with_parsed(data, id.substr(0, id.find('.')));
    if (const auto* info = found()) return info;
    with_parsed(data, "");
    return found();
}

ContentLoad load_content(std::span<const EmbeddedFile> files, TopicChecks topics) {
    ContentLoad out;
    auto data = std::make_shared<Content::Data>();
    data->source_lists.emplace_back();  // index 0: "no sources"
    ContentBuilder b{*data, out.problems, {}};

    b.parse_files(files);
    for (std::size_t i = 1; i < data->docs.size(); ++i)
        if (data->docs[i].first == data->docs[i - 1].first)
            out.problems.push_back({data->docs[i].first + ".json", "", "the same file is given twice"});
    b.read_sources();
    for (const auto& [stem, doc] : data->docs) content_detail::check_shape(stem, doc, stem + ".json", out.problems);
    for (std::size_t i = 0; i < data->docs.size(); ++i) {
        const auto& [stem, doc] = data->docs[i];
        b.walk(doc, "", {stem + ".json", stem, content_detail::is_owned_topic(stem), i}, 0);
    }
    b.resolve_links();
    b.read_guide();
    // One file's problems together, in the order the passes found them.
    std::stable_sort(out.problems.begin(), out.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.file < b.file; });
    if (!out.problems.empty()) return out;

    Content content = ContentBuilder::make(std::move(data));
    if (topics == TopicChecks::run) out.problems = check_topic_structure(content);
    if (out.problems.empty()) out.content = std::move(content);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a loaded Content

const Json* Content::topic(std::string_view stem) const {
    for (const auto& [s, doc] : with_parsed(data_, stem).docs)
        if (s == stem) return &doc;
    return nullptr;
}

const Json* Content::item(std::string_view id) const {
    const auto* info = find_item(data_, id);
    return info ? info->item : nullptr;
}

std::string_view Content::topic_of(std::string_view id) const {
    const auto* info = find_item(data_, id);
    return info ? std::string_view(info->stem) : std::string_view{};
}

const std::vector<SourceRef>& Content::sources_of(std::string_view id) const {
    const auto* info = find_item(data_, id);
    return data_->source_lists[info ? info->sources : 0];
}

const std::vector<std::string>& Content::ids() const {
    const Data& d = with_parsed(data_, "");
    if (!d.ids_sorted) {  // opened lazily: the files were parsed in the order they were asked for
        auto& ids = const_cast<Data&>(d).ids;
        std::stable_sort(ids.begin(), ids.end(), [&d](const std::string& a, const std::string& b) {
            return d.items.find(a)->second.file < d.items.find(b)->second.file;
        });
        const_cast<Data&>(d).ids_sorted = true;
    }
    return d.ids;
}
const std::vector<Seed>& Content::seeds() const { return with_parsed(data_, "sources").seeds; }
const std::vector<GuideChapter>& Content::guide() const { return with_parsed(data_, "guide").guide; }

const std::vector<Publication>& Content::publications() const { return with_parsed(data_, "sources").publications; }

const Publication* Content::publication(std::string_view id) const {
    return find_by_id(publications(), id);
}

const Seed* Content::seed(std::string_view file) const {
    for (const auto& s : seeds())
        if (s.file == file) return &s;
    return nullptr;
}

const std::vector<Reference>& Content::references() const {
    static const std::vector<Reference> none;
    for (const auto& s : seeds())
        if (!s.references.empty()) return s.references;
    return none;
}

std::vector<GlossaryEntry> Content::glossary(std::string_view lang) const {
    std::vector<GlossaryEntry> out;
    const Json* doc = topic("glossary");
    if (!doc) return out;
    for (const Json& it : (*doc)["items"]) {
        GlossaryEntry e;
        e.id = it["id"].get<std::string>();
        e.term = &it["term"];
        e.definition = &it["definition"];
        if (it.contains("aliases"))
            for (const Json& a : it["aliases"]) e.aliases.push_back(&a);
        if (it.contains("see_ids"))
            for (const Json& s : it["see_ids"]) e.see_ids.push_back(s.get<std::string>());
        e.sources = sources_of(e.id);
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(), [lang](const GlossaryEntry& a, const GlossaryEntry& b) {
        return ascii_lower(text_in(*a.term, lang)) < ascii_lower(text_in(*b.term, lang));
    });
    return out;
}

std::vector<TopicCount> Content::counts() const {
    std::vector<TopicCount> out;
    const Data& d = with_parsed(data_, "");
    for (const auto& [stem, doc] : d.docs) out.push_back({stem + ".json", 0});
    // (Opened lazily, the documents are in the order they were parsed.)
    std::sort(out.begin(), out.end(), [](const TopicCount& a, const TopicCount& b) { return a.file < b.file; });
    for (const auto& [id, info] : d.items)
        for (auto& c : out)
            if (c.file == info.stem + ".json") ++c.items;
    return out;
}

Json source_ref_to_json(const SourceRef& c) {
    if (!c.publication.empty()) return {{"publication", c.publication}};
    Json j = {{"seed", c.seed}, {"section", c.section}};
    if (!c.refs.empty()) j["refs"] = c.refs;
    return j;
}

std::string Content::format_citation(const SourceRef& c, std::string_view lang) const {
    if (!c.publication.empty()) {
        const Publication* p = publication(c.publication);
        return p ? std::string(text_in(*p->short_name, lang)) : c.publication;
    }
    return format_citation(c.seed, c.section, c.refs, lang);
}

std::string Content::format_citation(std::string_view seed_file, std::string_view section, std::span<const int> refs,
                                     std::string_view lang) const {
    std::string out;
    const Seed* s = seed(seed_file);
    out += s ? std::string(text_in(*s->short_name, lang)) : std::string(seed_file);
    out += ", ";
    if (const SeedSection* sec = s ? s->section(section) : nullptr; sec && !sec->within.empty())
        out += sec->within + " › ";
    out += section;
    if (!refs.empty()) {
        out += refs.size() == 1 ? "; ref. " : "; refs. ";
        for (std::size_t i = 0; i < refs.size(); ++i) out += (i ? ", " : "") + std::to_string(refs[i]);
    }
    return out;
}

}  // namespace poems
