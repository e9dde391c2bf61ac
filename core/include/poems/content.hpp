// The clinical content: content/*.json, loaded and validated once, then read-only.
//
// load_content() checks everything a person could get wrong while editing the files, and
// reports each problem with the file, the JSON Pointer path and what is wrong:
//   - JSON syntax, "schema" and "topic" (the topic must be the file's stem);
//   - ids: present where the shape needs one, well formed, prefixed by the topic, unique across files;
//   - text: every language map ({"en": ...}) has non-empty English text;
//   - citations ("sources"): at least one per item (an item may inherit its parent item's), the seed
//     listed in sources.json, the section declared for that seed, refs in the guide's list; or a
//     publication of sources.json's own list (a study that none of the seeds gives, named by id);
//   - links: every `*_id` / `*_ids` value names an existing id;
//   - the topics this file's owner writes (sources, overview, workup, misdiagnosis, complications,
//     treatments, supportive_care, questions, glossary, guide) strictly: unknown keys, kinds, shapes;
//   - every other topic's own structure, through the checkers listed in content_topics.cpp.
// A Content exists only when there were no problems at all.
#pragma once

#include "poems/embedded_files.hpp"
#include "poems/json_reader.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

inline constexpr std::string_view kContentSchema = "poems-content/1";

// The text of a language map in `lang`, or its English text when there is no translation.
// Returns "" for anything that is not a language map (a validated Content never has one).
std::string_view text_in(const Json& map, std::string_view lang = "en");

// One citation in a "sources" list: {"seed": ..., "section": ..., "refs": [...]}, or
// {"publication": "sources.pub.<name>"} for a publication of our own list in sources.json.
struct SourceRef {
    std::string seed;         // a seed file name, e.g. "004_d6f3631363d2922b.txt"
    std::string section;      // a section heading declared for that seed in sources.json
    std::vector<int> refs;    // the guide's reference numbers, may be empty
    std::string publication;  // or: the id of a publication of our own list (seed and section empty)
    bool operator==(const SourceRef&) const = default;
};

// {"seed", "section", "refs"?} or {"publication"}: the form the files use, for JSON outputs.
Json source_ref_to_json(const SourceRef& citation);

struct SeedSection {
    std::string heading;  // as cited, e.g. "Diagnostic Criteria" or "Key point"
    int number = 0;       // the guide's section number (1-16), 0 for sub-headings and other seeds
    std::string within;   // for a sub-heading: the heading it sits under, else ""
};

struct Reference {
    int number = 0;        // 1-22 in the guide
    std::string citation;  // full citation text
    std::string id;        // "sources.ref.2", so a Guide chapter can list references
};

// A publication the project cites that is not one of the seed documents (sources.json
// "publications"): used only where a figure comes from it and no seed gives it, and always shown
// as such ("not one of our source documents").
struct Publication {
    std::string id;          // "sources.pub.dsouza_2011"
    const Json* short_name;  // language map: "D'Souza et al., Blood 2011 (...)"
    std::string citation;    // full bibliographic citation
};

struct Seed {
    std::string file;         // "004_d6f3631363d2922b.txt"
    const Json* short_name;   // language map: "Guide (004)"
    const Json* title;        // language map
    std::string publisher;
    std::string date;         // "2026-04", "2006-07-07" or "undated"
    std::vector<SeedSection> sections;
    std::vector<Reference> references;  // numbered references the seed lists (only the guide has them)

    const SeedSection* section(std::string_view heading) const;
};

// One chapter of the Guide page, in reading order (the order of the guide's sections).
struct GuideChapter {
    std::string id;                     // "guide.diagnostic_criteria"
    const Json* title;                  // language map
    std::vector<std::string> item_ids;  // what the chapter shows, in order; ids of any topic
    std::vector<SourceRef> sources;
};

struct GlossaryEntry {
    std::string id;          // "glossary.vegf"
    const Json* term;        // language map
    const Json* definition;  // language map
    std::vector<const Json*> aliases;   // language maps, may be empty
    std::vector<std::string> see_ids;
    std::vector<SourceRef> sources;
};

// How many id-carrying items a file holds, for summaries.
struct TopicCount {
    std::string file;  // "workup.json"
    std::size_t items = 0;
};

class Content {
public:
    // The parsed document of content/<stem>.json, or nullptr.
    const Json* topic(std::string_view stem) const;
    // The item (any object with that "id", in any file), or nullptr.
    const Json* item(std::string_view id) const;
    bool has_id(std::string_view id) const { return item(id) != nullptr; }
    // The stem of the file that defines `id`, or "".
    std::string_view topic_of(std::string_view id) const;
    // The item's citations: its own "sources", or the nearest enclosing item's.
    const std::vector<SourceRef>& sources_of(std::string_view id) const;
    // Every id, in file order then document order.
    const std::vector<std::string>& ids() const;

    const std::vector<Seed>& seeds() const;
    const Seed* seed(std::string_view file) const;
    // The guide's numbered references (004, "References").
    const std::vector<Reference>& references() const;
    // Our own list of publications that are not seeds (sources.json "publications").
    const std::vector<Publication>& publications() const;
    const Publication* publication(std::string_view id) const;
    const std::vector<GuideChapter>& guide() const;
    // Glossary entries sorted by their term in `lang` (case-insensitive).
    std::vector<GlossaryEntry> glossary(std::string_view lang = "en") const;
    std::vector<TopicCount> counts() const;

    // "Guide (004), Diagnostic Criteria; ref. 2" — a sub-heading shows the heading it sits
    // under: "Guide (004), Diagnostic Criteria › Key point; refs. 2, 3". A publication of our own
    // list shows its short name, which says that it is not one of the source documents.
    std::string format_citation(const SourceRef& citation, std::string_view lang = "en") const;
    std::string format_citation(std::string_view seed, std::string_view section, std::span<const int> refs,
                                std::string_view lang = "en") const;

    struct Data;  // defined in content.cpp

private:
    // Shared: copies are cheap. Immutable once loaded; filled in as it is read when opened lazily.
    std::shared_ptr<const Data> data_;
    friend struct ContentBuilder;
};

struct ContentLoad {
    std::optional<Content> content;  // only when problems is empty
    Problems problems;
};

// Whether load_content() also runs the topic checkers (check_topic_structure). A caller that
// loads every topic itself straight afterwards, reporting the loaders' problems as its own (the
// app, load_app_data), leaves them out: they are those same loaders, and would run twice.
enum class TopicChecks { run, done_by_caller };

// Loads and validates the files ({name, text}; names like "workup.json"). Does no I/O.
ContentLoad load_content(std::span<const EmbeddedFile> files, TopicChecks topics = TopicChecks::run);

// The content compiled into this program, which the build has checked (`poems content check`
// fails the build on any problem of load_content() and the topic checks): nothing is checked
// again, and each file is parsed the first time something in it is asked for, so a start that
// shows one page parses only what that page reads (the app's first frame: 4 of 20 files). Reads
// give what load_content() would give for the same files. Not synchronised: one thread at a
// time (the parsing happens inside the const readers).
Content open_checked_content(std::span<const EmbeddedFile> files);

// The topic-specific checks other topics' owners register in content_topics.cpp (criteria,
// monitoring, labs, ...). load_content() runs them on an otherwise valid Content.
std::vector<Problem> check_topic_structure(const Content& content);

}  // namespace poems
