// The expert-center directory (content/centers.json): the centers the guide names, searchable
// offline. It ships with the app and is never fetched: each entry says when it was checked
// against its source and how old that source is.
#pragma once

#include "poems/dates.hpp"
#include "poems/lang_text.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

// Whether a center accepts remote consultations from other countries. "Not stated" is not "no":
// our sources simply do not say, and the app must not suggest otherwise.
enum class RemoteConsultation { not_stated, yes, no };

struct Center {
    std::string id;         // "center.mayo"
    LangText name;          // "Mayo Clinic"
    LangText short_name;    // "UCLH", "AP-HP"; may be empty
    std::string region;     // a region id: "north_america", "europe", "asia"
    LangText city;          // may be empty when the sources do not give it
    LangText country;
    LangText known_for;     // what the guide says it is known for in POEMS, plain words
    RemoteConsultation remote = RemoteConsultation::not_stated;
    LangText remote_note;   // other ways to be seen remotely the sources mention; may be empty
    std::vector<SourceRef> sources;
    Date checked;           // when this entry was last checked against its sources
    std::string source_date;  // the main source's own date, e.g. "2026-04"
};

struct CenterRegion {
    std::string id;  // "europe"
    LangText name;   // "Europe"
};

struct CenterDirectory {
    LangText title;
    LangText intro;
    std::vector<SourceRef> intro_sources;
    std::vector<LangText> referral_steps;  // "How to get referred", shared by every center
    std::vector<SourceRef> referral_sources;
    std::map<std::string, LangText, std::less<>> labels;  // the formatter's fixed words (see centers.json)
    std::vector<CenterRegion> regions;
    std::vector<Center> centers;  // in the guide's order

    const Center* center(std::string_view id) const;
    const CenterRegion* region(std::string_view id) const;
    // A region as a person types it: its id or its name, in any case, with spaces, hyphens or
    // underscores between the words ("Europe", "north america", "North-America"); nullptr if none.
    const CenterRegion* find_region(std::string_view typed, std::string_view lang = "en") const;
    const std::string& label(std::string_view key, std::string_view lang = "en") const;  // "" if unknown
};

// Reads content/centers.json strictly (unknown keys, missing text or sources, bad ids, unknown
// regions, a remote value other than true, false or "not_stated", a bad "checked" date are
// problems with file, JSON Pointer and message).
CenterDirectory load_centers(const Json& doc, Problems& problems, const std::string& file = "content/centers.json");

// The labels every directory must define, in the order the formatter uses them.
const std::vector<std::string>& center_label_keys();

struct CenterQuery {
    std::string words;         // every word must begin a word of the center's name, short name,
                               // city, country, region name, description or remote note,
                               // ignoring case and Latin accents (see text_fold.hpp)
    std::string region;        // a region id, or "" for all
    bool remote_only = false;  // only centers whose sources say they accept remote consultation
};

// The matching centers, in directory order, as pointers into `centers`. Pure; folds each
// center's text on every call (fast enough: see tools/bench/bench_centers.cpp).
// `regions` (may be empty) lets region names such as "Europe" match as words.
std::vector<const Center*> search_centers(const std::vector<Center>& centers, const CenterQuery& query,
                                          const std::vector<CenterRegion>& regions = {});

// The folded search text of every center, built once (when the directory loads) so a search on
// a large directory only scans prepared text. Must be rebuilt when `centers` changes.
struct CenterSearchIndex {
    std::vector<std::string> folded;  // one per center, same order
};
CenterSearchIndex build_center_search_index(const std::vector<Center>& centers,
                                            const std::vector<CenterRegion>& regions = {});
// The same result as search_centers() above, faster on large directories.
std::vector<const Center*> search_centers(const std::vector<Center>& centers, const CenterQuery& query,
                                          const CenterSearchIndex& index);

// How a citation is shown. The default writes "<seed>, <section>"; the app passes
// Content::format_citation for "Guide (004), Expert Centers › North America".
using CitationFormatter = std::function<std::string(const SourceRef&)>;

// "Copy details": plain text with the name, place, what it is known for, remote consultation,
// how to get referred, sources, checked date and the source's date.
std::string center_details_text(const CenterDirectory& dir, const Center& center, std::string_view lang = "en",
                                const CitationFormatter& cite = {});

// "yes" / "no" / "not_stated", as in the JSON and `poems centers --json`.
std::string_view remote_consultation_name(RemoteConsultation r);

}  // namespace poems
