#include "poems/centers.hpp"

#include "poems/by_id.hpp"
#include "poems/text_fold.hpp"

#include <algorithm>
#include <set>

namespace poems {

const Center* CenterDirectory::center(std::string_view id) const {
    return find_by_id(centers, id);
}

const CenterRegion* CenterDirectory::region(std::string_view id) const {
    return find_by_id(regions, id);
}

const CenterRegion* CenterDirectory::find_region(std::string_view typed, std::string_view lang) const {
    auto words_of = [](std::string_view text) {
        std::string joined;
        for (const auto& w : search_words(text)) joined += (joined.empty() ? "" : " ") + w;
        return joined;
    };
    const std::string wanted = words_of(typed);
    if (wanted.empty()) return nullptr;
    for (const auto& r : regions)
        if (words_of(r.id) == wanted || words_of(r.name.in(lang)) == wanted) return &r;
    return nullptr;
}

const std::string& CenterDirectory::label(std::string_view key, std::string_view lang) const {
    static const std::string none;
    auto it = labels.find(key);
    return it == labels.end() ? none : it->second.in(lang);
}

const std::vector<std::string>& center_label_keys() {
    static const std::vector<std::string> keys = {
        "known_for", "location", "remote", "remote_yes", "remote_no", "remote_not_stated",
        "how_to_get_referred", "sources", "checked", "source_date", "no_contact_details"};
    return keys;
}

std::string_view remote_consultation_name(RemoteConsultation r) {
    switch (r) {
        case RemoteConsultation::yes: return "yes";
        case RemoteConsultation::no: return "no";
        default: return "not_stated";
    }
}

// ---- Loading --------------------------------------------------------------------------------

namespace {

std::string read_prefixed_id(ObjectReader& r, std::string_view prefix, std::set<std::string, std::less<>>& seen) {
    auto id = r.string("id", true);
    if (!id) return {};
    if (!is_well_formed_id(*id) || id->rfind(prefix, 0) != 0) {
        r.fail("id", "\"" + *id + "\" should be lowercase words joined by dots, starting with \"" + std::string(prefix) + "\"");
        return {};
    }
    if (!seen.insert(*id).second) {
        r.fail("id", "\"" + *id + "\" is defined twice");
        return {};
    }
    return *id;
}

}  // namespace

CenterDirectory load_centers(const Json& doc, Problems& problems, const std::string& file) {
    CenterDirectory out;
    ReadSink sink{problems, file};
    std::set<std::string, std::less<>> ids;
    auto text = [&](ObjectReader& r, std::string_view key, bool required = true) {
        return read_lang_text(r, sink, key, required).value_or(LangText{});
    };

    ObjectReader r(doc, "", problems, file);
    if (!r.is_object()) return out;
    if (auto schema = r.string("schema", true); schema && *schema != kContentSchema)
        r.fail("schema", "expected \"" + std::string(kContentSchema) + "\", got \"" + *schema + "\"");
    if (auto topic = r.string("topic", true); topic && *topic != "centers")
        r.fail("topic", "expected \"centers\" (the file's name), got \"" + *topic + "\"");
    out.title = text(r, "title");

    if (const Json* intro = r.object("intro", true)) {
        ObjectReader i(*intro, "/intro", problems, file);
        read_prefixed_id(i, "centers.", ids);
        out.intro = text(i, "text");
        out.intro_sources = read_source_refs(i, sink);
        i.finish();
    }

    if (const Json* referral = r.object("referral", true)) {
        ObjectReader ref(*referral, "/referral", problems, file);
        read_prefixed_id(ref, "centers.", ids);
        if (const Json* steps = ref.array("steps", true)) {
            if (steps->empty()) ref.fail("steps", "needs at least one step");
            for (std::size_t k = 0; k < steps->size(); ++k)
                if (auto t = read_lang_text_value((*steps)[k], pointer_child("/referral/steps", k), problems, file))
                    out.referral_steps.push_back(std::move(*t));
        }
        out.referral_sources = read_source_refs(ref, sink);
        ref.finish();
    }

    if (const Json* labels = r.object("labels", true)) {
        ObjectReader l(*labels, "/labels", problems, file);
        for (const auto& key : center_label_keys()) out.labels[key] = text(l, key);
        l.finish();
    }

    std::vector<std::string> region_ids;
    if (const Json* regions = r.array("regions", true)) {
        for (std::size_t k = 0; k < regions->size(); ++k) {
            ObjectReader g((*regions)[k], pointer_child("/regions", k), problems, file);
            if (!g.is_object()) continue;
            CenterRegion region;
            if (auto id = g.string("id", true)) {
                bool simple = std::all_of(id->begin(), id->end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
                if (!simple) g.fail("id", "\"" + *id + "\" should be lowercase letters and underscores, like \"north_america\"");
                else if (std::find(region_ids.begin(), region_ids.end(), *id) != region_ids.end()) g.fail("id", "\"" + *id + "\" is listed twice");
                else region.id = *id;
            }
            region.name = text(g, "name");
            g.finish();
            if (!region.id.empty()) region_ids.push_back(region.id);
            out.regions.push_back(std::move(region));
        }
    }

    if (const Json* centers = r.array("centers", true)) {
        for (std::size_t k = 0; k < centers->size(); ++k) {
            std::string path = pointer_child("/centers", k);
            ObjectReader c((*centers)[k], path, problems, file);
            if (!c.is_object()) continue;
            Center center;
            center.id = read_prefixed_id(c, "center.", ids);
            center.name = text(c, "name");
            center.short_name = text(c, "short_name", false);
            if (!region_ids.empty()) center.region = c.one_of("region", region_ids, true).value_or("");
            else c.ignore("region");
            center.city = text(c, "city", false);
            center.country = text(c, "country");
            center.known_for = text(c, "known_for");
            if (const Json* remote = c.value("accepts_international_remote_consultation", true)) {
                if (remote->is_boolean()) center.remote = remote->get<bool>() ? RemoteConsultation::yes : RemoteConsultation::no;
                else if (remote->is_string() && remote->get<std::string>() == "not_stated") center.remote = RemoteConsultation::not_stated;
                else c.fail("accepts_international_remote_consultation",
                            "expected true, false or \"not_stated\" (when the sources do not say)");
            }
            center.remote_note = text(c, "remote_note", false);
            center.sources = read_source_refs(c, sink);
            if (auto checked = c.string("checked", true)) {
                if (auto d = parse_date(*checked)) center.checked = *d;
                else c.fail("checked", "\"" + *checked + "\" is not a date written YYYY-MM-DD");
            }
            center.source_date = c.string("source_date", true).value_or("");
            c.finish();
            out.centers.push_back(std::move(center));
        }
    }
    r.finish();
    return out;
}

// ---- Search ---------------------------------------------------------------------------------

namespace {

void append_folded(std::string& hay, const LangText& t) {
    for (const auto& [lang, text] : t.by_lang) {  // every translation: a French name finds the center too
        hay += ' ';
        append_folded_for_search(hay, text);
    }
}

// Everything a query word may match, folded: name, short name, city, country, region name,
// description and remote note.
void fold_center(std::string& hay, const Center& c, const std::vector<CenterRegion>& regions) {
    hay.clear();
    for (const LangText* t : {&c.name, &c.short_name, &c.city, &c.country, &c.known_for, &c.remote_note})
        append_folded(hay, *t);
    for (const auto& r : regions)
        if (r.id == c.region) append_folded(hay, r.name);
}

bool passes_filters(const Center& c, const CenterQuery& q) {
    if (!q.region.empty() && c.region != q.region) return false;
    return !q.remote_only || c.remote == RemoteConsultation::yes;
}

}  // namespace

std::vector<const Center*> search_centers(const std::vector<Center>& centers, const CenterQuery& query,
                                          const std::vector<CenterRegion>& regions) {
    std::vector<const Center*> out;
    std::vector<std::string> words = search_words(query.words);
    std::string hay;
    for (const auto& c : centers) {
        if (!passes_filters(c, query)) continue;
        if (!words.empty()) {
            fold_center(hay, c, regions);
            if (!folded_text_matches(hay, words)) continue;
        }
        out.push_back(&c);
    }
    return out;
}

CenterSearchIndex build_center_search_index(const std::vector<Center>& centers,
                                            const std::vector<CenterRegion>& regions) {
    CenterSearchIndex index;
    index.folded.resize(centers.size());
    for (std::size_t i = 0; i < centers.size(); ++i) fold_center(index.folded[i], centers[i], regions);
    return index;
}

std::vector<const Center*> search_centers(const std::vector<Center>& centers, const CenterQuery& query,
                                          const CenterSearchIndex& index) {
    std::vector<const Center*> out;
    std::vector<std::string> words = search_words(query.words);
    for (std::size_t i = 0; i < centers.size(); ++i) {
        const Center& c = centers[i];
        if (!passes_filters(c, query)) continue;
        // A stale index (shorter than the list) falls back to folding, never to a wrong answer.
        if (!words.empty()) {
            if (i < index.folded.size() ? !folded_text_matches(index.folded[i], words)
                                        : search_centers(std::vector<Center>{c}, query).empty())
                continue;
        }
        out.push_back(&c);
    }
    return out;
}

// ---- Copy details ---------------------------------------------------------------------------

std::string center_details_text(const CenterDirectory& dir, const Center& c, std::string_view lang,
                                const CitationFormatter& cite) {
    auto label = [&](std::string_view key) { return dir.label(key, lang); };
    std::string out = c.name.in(lang);
    if (!c.short_name.empty()) out += " (" + c.short_name.in(lang) + ")";
    out += "\n";

    std::string place = c.city.empty() ? c.country.in(lang) : c.city.in(lang) + ", " + c.country.in(lang);
    if (const CenterRegion* region = dir.region(c.region)) place += " (" + region->name.in(lang) + ")";
    out += label("location") + ": " + place + "\n";
    out += label("known_for") + ": " + c.known_for.in(lang) + "\n";

    std::string_view remote_key = c.remote == RemoteConsultation::yes  ? "remote_yes"
                                  : c.remote == RemoteConsultation::no ? "remote_no"
                                                                       : "remote_not_stated";
    out += label("remote") + ": " + label(remote_key) + "\n";
    if (!c.remote_note.empty()) out += c.remote_note.in(lang) + "\n";

    out += '\n';
    out += label("how_to_get_referred") + ":\n";
    for (const auto& step : dir.referral_steps) out += "- " + step.in(lang) + "\n";
    out += label("no_contact_details") + "\n";

    auto format = [&](const SourceRef& s) {
        if (cite) return cite(s);
        std::string t = s.seed + ", " + s.section;
        for (std::size_t k = 0; k < s.refs.size(); ++k) t += (k == 0 ? "; refs. " : ", ") + std::to_string(s.refs[k]);
        return t;
    };
    out += '\n';
    out += label("sources") + ":\n";
    for (const auto& s : c.sources) out += "- " + format(s) + "\n";
    out += label("checked") + " " + to_string(c.checked);
    if (!c.source_date.empty()) out += " (" + label("source_date") + " " + c.source_date + ")";
    out += "\n";
    return out;
}

}  // namespace poems
