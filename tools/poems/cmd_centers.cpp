// poems centers [--region R] [--remote] [--search WORDS] [--details] [--json]
// Lists the expert centers of the compiled-in directory (content/centers.json), filtered.
// Exit codes: 0 at least one center listed, 1 no center matches, 2 bad usage (an unknown region
// lists the allowed values) or invalid content.
#include "commands.hpp"

#include "poems/centers.hpp"
#include "poems/content.hpp"
#include "poems/embedded_files.hpp"

#include <cstdio>
#include <string>

namespace poems::cli {

static int centers_usage() {
    std::fprintf(stderr, "usage: poems centers [--region R] [--remote] [--search WORDS] [--details] [--json]\n"
                         "  --region R      only centers in region R (north_america, europe, asia)\n"
                         "  --remote        only centers our sources say accept remote consultation from abroad\n"
                         "  --search WORDS  every word must begin a word of the name, place or description;\n"
                         "                  case and accents are ignored (\"hopitaux\" finds \"Hôpitaux\")\n"
                         "  --details       the full \"copy details\" text of each center\n"
                         "  --json          machine-readable output\n"
                         "exit: 0 centers listed, 1 none matches, 2 bad usage\n");
    return 2;
}

static Json text_json(const LangText& t) { return t.empty() ? Json() : Json(t.in("en")); }

static Json center_json(const CenterDirectory& dir, const Center& c) {
    Json j = Json::object();
    j["id"] = c.id;
    j["name"] = c.name.in("en");
    if (!c.short_name.empty()) j["short_name"] = c.short_name.in("en");
    j["region"] = c.region;
    if (const CenterRegion* r = dir.region(c.region)) j["region_name"] = r->name.in("en");
    j["city"] = text_json(c.city);
    j["country"] = c.country.in("en");
    j["known_for"] = c.known_for.in("en");
    // The same tri-state as the content: true, false or "not_stated".
    j["accepts_international_remote_consultation"] =
        c.remote == RemoteConsultation::yes ? Json(true) : c.remote == RemoteConsultation::no ? Json(false) : Json("not_stated");
    j["remote_note"] = text_json(c.remote_note);
    j["checked"] = to_string(c.checked);
    j["source_date"] = c.source_date;
    Json sources = Json::array();
    for (const auto& s : c.sources) sources.push_back(source_ref_to_json(s));
    j["sources"] = sources;
    return j;
}

int run_centers(Args args) {
    CenterQuery query;
    bool json = false, details = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--json") json = true;
        else if (a == "--remote") query.remote_only = true;
        else if (a == "--details") details = true;
        else if ((a == "--region" || a == "--search") && i + 1 < args.size()) {
            (a == "--region" ? query.region : query.words) = std::string(args[++i]);
        } else {
            if (a == "--region" || a == "--search") std::fprintf(stderr, "poems centers: %s needs a value\n", std::string(a).c_str());
            else std::fprintf(stderr, "poems centers: unknown option \"%s\"\n", std::string(a).c_str());
            return centers_usage();
        }
    }

    ContentLoad load = load_content(embedded_content_files());
    if (!load.content) {
        for (const auto& p : load.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
        return 2;
    }
    const Content& content = *load.content;
    Problems problems;
    CenterDirectory dir = load_centers(*content.topic("centers"), problems, "centers.json");
    if (!problems.empty()) {
        for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
        return 2;
    }

    if (const CenterRegion* r = query.region.empty() ? nullptr : dir.find_region(query.region)) query.region = r->id;
    if (!query.region.empty() && !dir.region(query.region)) {
        std::string allowed;
        for (const auto& r : dir.regions) allowed += (allowed.empty() ? "" : ", ") + r.id;
        std::fprintf(stderr, "poems centers: unknown region \"%s\"; use one of: %s\n", query.region.c_str(), allowed.c_str());
        return 2;
    }

    auto found = search_centers(dir.centers, query, dir.regions);
    if (json) {
        Json out = Json::object();
        out["query"] = {{"search", query.words}, {"region", query.region.empty() ? Json() : Json(query.region)},
                        {"remote_only", query.remote_only}};
        out["count"] = found.size();
        Json list = Json::array();
        for (const auto* c : found) list.push_back(center_json(dir, *c));
        out["centers"] = list;
        Json steps = Json::array();
        for (const auto& s : dir.referral_steps) steps.push_back(s.in("en"));
        out["how_to_get_referred"] = steps;
        std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
        return found.empty() ? 1 : 0;
    }

    auto cite = [&](const SourceRef& s) { return content.format_citation(s); };
    std::printf("%s: %zu of %zu\n", dir.title.in("en").c_str(), found.size(), dir.centers.size());
    if (found.empty()) {
        std::printf("\nNo center matches. Try fewer words, or leave out --region or --remote.\n");
        return 1;
    }
    for (const auto* c : found) {
        std::printf("\n");
        if (details) {
            std::printf("%s", center_details_text(dir, *c, "en", cite).c_str());
            continue;
        }
        std::string place = c->city.empty() ? c->country.in("en") : c->city.in("en") + ", " + c->country.in("en");
        std::string name = c->name.in("en") + (c->short_name.empty() ? "" : " (" + c->short_name.in("en") + ")");
        std::string_view remote_key = c->remote == RemoteConsultation::yes  ? "remote_yes"
                                      : c->remote == RemoteConsultation::no ? "remote_no"
                                                                            : "remote_not_stated";
        std::printf("%s  [%s]\n  %s\n  %s: %s\n  %s: %s\n", name.c_str(), c->id.c_str(), place.c_str(),
                    dir.label("known_for").c_str(), c->known_for.in("en").c_str(), dir.label("remote").c_str(),
                    dir.label(remote_key).c_str());
        if (!c->remote_note.empty()) std::printf("  %s\n", c->remote_note.in("en").c_str());
        std::printf("  %s %s (%s %s)\n", dir.label("checked").c_str(), to_string(c->checked).c_str(),
                    dir.label("source_date").c_str(), c->source_date.c_str());
    }
    if (!details) {
        std::printf("\n%s:\n", dir.label("how_to_get_referred").c_str());
        for (const auto& s : dir.referral_steps) std::printf("- %s\n", s.in("en").c_str());
        std::printf("%s\n", dir.label("no_contact_details").c_str());
    }
    return 0;
}

}  // namespace poems::cli
