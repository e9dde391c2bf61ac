// The documents to take to the doctor (poems/document.hpp): which sections a record calls for,
// that every content sentence is cited, that the documents' own words come from documents.json,
// the renderers, and the chart axes shared with the app's lab chart.
#include "catch.hpp"
#include "poems/chart_axes.hpp"
#include "poems/document.hpp"
#include "poems/topics.hpp"
#include "poems/record_json.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

using namespace poems;

const Topics& docs_content() {
    static const Topics loaded = [] {
        ContentLoad cl = load_content(embedded_content_files());
        REQUIRE(cl.content);
        Topics topics(std::move(*cl.content));
        document_content(topics);
        INFO(topics.problem_lines());
        REQUIRE(topics.problems().empty());
        return topics;
    }();
    return loaded;
}
DocumentContent docs_view() { return document_content(docs_content()); }

// The documents' own word `key` ("doc.<key>" in ui.json), or "".
std::string word(const std::string& key) {
    const std::string* t = docs_content().ui().find("doc." + key);
    return t ? *t : std::string();
}

Record fixture(const std::string& name) {
    std::ifstream in(std::string(POEMS_TEST_FIXTURES) + "/documents/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    RecordLoad rl = record_from_json_text(ss.str(), name);
    INFO((rl.problems.empty() ? std::string() : rl.problems.front().to_string()));
    REQUIRE(rl.record);
    return *rl.record;
}

std::vector<std::string> section_ids(const Document& d) {
    std::vector<std::string> ids;
    for (const auto& s : d.sections) ids.push_back(s.id);
    return ids;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// Every content cell is cited, with numbers that exist; every cell of the documents' own words
// is one of ui.json's "doc." words (possibly followed by data after a colon or a space); the
// person's data is never cited (it is not a claim of the sources).
void check_citations(const Document& d) {
    std::set<std::string> words;
    for (const auto& [key, t] : docs_content().ui().words)
        if (key.rfind("doc.", 0) == 0) words.insert(t.in());
    for (const Cell* c : all_cells(d)) {
        INFO(c->text);
        switch (c->origin) {
            case Origin::content:
                CHECK_FALSE(c->text.empty());
                CHECK_FALSE(c->cites.empty());
                for (int n : c->cites) CHECK((n >= 1 && n <= int(d.references.size())));
                CHECK(docs_content().content().has_id(c->content_id));
                break;
            case Origin::words: {
                CHECK(c->cites.empty());
                bool known = words.count(c->text) > 0;
                for (const auto& w : words)
                    if (!known && c->text.rfind(w + " ", 0) == 0) known = true;
                CHECK(known);
                break;
            }
            case Origin::record: CHECK(c->cites.empty()); break;
        }
    }
    // Every reference number is used, and the references list is numbered 1..n.
    std::set<int> used;
    for (const Cell* c : all_cells(d)) used.insert(c->cites.begin(), c->cites.end());
    for (std::size_t i = 0; i < d.references.size(); ++i) {
        CHECK(d.references[i].number == int(i) + 1);
        CHECK(used.count(int(i) + 1));
    }
    if (!d.references.empty()) CHECK_FALSE(d.documents_in_full.empty());
}

}  // namespace

TEST_CASE("ui.json has every word the documents use", "[document]") {
    for (const auto& key : document_word_keys()) {
        INFO(key);
        CHECK_FALSE(word(key).empty());
    }
    CHECK(word("no_such_word").empty());
}

TEST_CASE("ui.json: a missing document word and a malformed id are problems; documents.json: an uncited item", "[document]") {
    Json ui = *docs_content().content().topic("ui");
    ui["words"].erase("doc.h_labs");
    ui["words"]["doc.H labs"] = {{"en", "Labs"}};
    Problems problems;
    CHECK_FALSE(load_ui_words(ui, problems));
    Json doc = *docs_content().content().topic("documents");
    doc["items"][0].erase("sources");
    CHECK_FALSE(load_document_texts(doc, problems));
    auto mentions = [&](const std::string& s) {
        return std::any_of(problems.begin(), problems.end(),
                           [&](const Problem& p) { return (p.path + " " + p.message).find(s) != std::string::npos; });
    };
    CHECK(mentions("missing \"doc.h_labs\": the printable documents use it"));
    CHECK(mentions("/words/doc.H labs \"doc.H labs\" is not a word id"));
    CHECK(mentions("/items/0"));
}

TEST_CASE("visit summary of an empty record: the header, 'not a diagnosis', nothing else", "[document]") {
    const Document d = visit_summary(fixture("empty.json"), docs_view(), Date{2025, 6, 15});
    CHECK(section_ids(d) == std::vector<std::string>{"criteria"});
    const Section* s = d.section("criteria");
    REQUIRE(s->blocks.size() == 1);  // only the disclaimer: no findings, no table
    CHECK(s->blocks[0].text.content_id == "criteria.disclaimer");
    CHECK(d.header.front().text == word("prepared_by"));
    CHECK(d.header.size() == 2);  // prepared by, prepared on: no name, no birth year
    check_citations(d);
}

TEST_CASE("visit summary before a diagnosis: criteria, what is unknown, the red-flag screen, diary", "[document]") {
    const Record r = fixture("pre-diagnosis.json");
    const Document d = visit_summary(r, docs_view(), Date{2025, 3, 1});
    const auto ids = section_ids(d);
    // Signals: weakness logged in the last 90 days; factors: born 1971, over 50.
    for (const char* id : {"criteria", "unknown", "red_flags", "labs", "signals", "factors", "diary", "checklist"}) {
        INFO(id);
        CHECK(has(ids, id));
    }
    for (const char* id : {"events", "monitoring", "asked"}) {
        INFO(id);
        CHECK_FALSE(has(ids, id));
    }
    // The criteria table has every criterion, item by item.
    const Block& table = d.section("criteria")->blocks[1];
    CHECK(table.kind == Block::Kind::table);
    CHECK(table.rows.size() == docs_content().criteria().criteria.size());
    // CIDP not improved: the screen recommends the workup, and lists the red flags present.
    const Section* rf = d.section("red_flags");
    REQUIRE(rf);
    CHECK(rf->blocks[0].text.text.find("recommend") != std::string::npos);
    REQUIRE(rf->blocks.size() == 2);
    CHECK(rf->blocks[1].text.text.find("Skin changes, Thrombocytosis or polycythemia") != std::string::npos);
    // The header names the person.
    CHECK(d.header.size() == 4);
    check_citations(d);
}

TEST_CASE("visit summary one year after ASCT: timeline, labs with charts, monitoring, diary", "[document]") {
    const Record r = fixture("asct-1-year.json");
    const Document d = visit_summary(r, docs_view(), Date{2025, 6, 15});
    const auto ids = section_ids(d);
    for (const char* id : {"criteria", "events", "labs", "monitoring", "diary", "checklist", "asked"}) {
        INFO(id);
        CHECK(has(ids, id));
    }
    CHECK_FALSE(has(ids, "red_flags"));  // red flags entered, but a diagnosis is recorded
    const Section* ev = d.section("events");
    REQUIRE(ev);
    REQUIRE(ev->blocks[0].rows.size() == 3);
    CHECK(ev->blocks[0].rows[2][0].text == "2024-06-10");
    CHECK(ev->blocks[0].rows[2][1].text == word("event_asct"));
    // Eight tests, the last three values each, with a chart each.
    const Section* labs = d.section("labs");
    REQUIRE(labs);
    REQUIRE(labs->blocks.size() == 2);
    CHECK(labs->blocks[0].rows.size() == 8);
    CHECK(labs->blocks[1].charts.size() == 8);
    for (const auto& row : labs->blocks[0].rows) {
        INFO(row[1].text);
        CHECK(std::count(row[1].text.begin(), row[1].text.end(), ';') == 2);  // three values
        CHECK(row[1].text.find("2024-03-05") == std::string::npos);          // the oldest is left out
    }
    const auto& vegf = labs->blocks[0].rows[0];
    CHECK(vegf[0].content_id == "labs.vegf_serum");
    CHECK(vegf[1].text == "2024-09-10: 1300; 2024-12-12: 820; 2025-03-14: 610");
    CHECK(vegf[3].text == word("trend_falling"));
    // Diary: ten entries, newest first.
    const Section* diary = d.section("diary");
    REQUIRE(diary);
    REQUIRE(diary->blocks[0].rows.size() == 10);
    CHECK(diary->blocks[0].rows[0][0].text == "2025-06-01");
    CHECK(diary->blocks[0].rows[9][0].text == "2024-10-03");
    check_citations(d);
}

TEST_CASE("visit summary of a ten-year record: the last results only, items of the next months only", "[document]") {
    const Record r = fixture("ten-year.json");
    DocumentOptions options;
    const Date today{2026, 1, 10};
    const Document d = visit_summary(r, docs_view(), today, options);
    const auto ids = section_ids(d);
    for (const char* id : {"criteria", "events", "labs", "diary"}) {
        INFO(id);
        CHECK(has(ids, id));
    }
    CHECK(d.section("events")->blocks[0].rows.size() == 8);
    CHECK(d.section("diary")->blocks[0].rows.size() == options.diary_entries);
    // Charts keep every result; the table the last three.
    const Section* labs = d.section("labs");
    REQUIRE(labs->blocks.size() == 2);
    for (const auto& ch : labs->blocks[1].charts) CHECK(ch.points.size() == 40);
    if (const Section* m = d.section("monitoring"))
        for (const auto& row : m->blocks[0].rows) {
            auto due = parse_date(row[0].text);
            if (!due) continue;  // the baseline row has no date
            CHECK(*due <= add_months(today, options.monitoring_months_ahead));
            CHECK(*due >= add_months(today, -options.monitoring_months_back));
        }
    check_citations(d);
}

TEST_CASE("letter before a diagnosis: findings, why, tests not done, own paragraph, centers", "[document]") {
    const Record r = fixture("pre-diagnosis.json");
    DocumentOptions options;
    options.own_paragraph = "My feet have been numb for two years.";
    const Document d = evaluation_letter(r, docs_view(), Date{2025, 3, 1}, options);
    CHECK(section_ids(d) == std::vector<std::string>{"opening", "findings", "why", "tests", "own", "not_diagnosis",
                                                     "centers", "closing"});
    // The tests the guide recommends, not done yet: SPEP was done? The record has a negative SPEP
    // entered as a finding, not a lab result, so it is still listed; platelets were measured
    // (a CBC), so the CBC is not (it is not among the letter's tests anyway).
    const Section* tests = d.section("tests");
    std::vector<std::string> test_ids;
    for (const auto& c : tests->blocks[0].items) test_ids.push_back(c.content_id);
    for (const char* id : {"workup.spep_immunofixation", "workup.free_light_chains", "workup.serum_vegf",
                           "workup.skeletal_survey_ct"}) {
        INFO(id);
        CHECK(has(test_ids, id));
    }
    // The published criteria are cited with the guide's reference 2 (Dispenzieri, Am J Hematol 2023).
    const Section* why = d.section("why");
    CHECK(std::any_of(why->blocks.begin(), why->blocks.end(),
                      [](const Block& b) { return b.text.content_id == "documents.criteria_published"; }));
    CHECK(std::any_of(d.documents_in_full.begin(), d.documents_in_full.end(), [](const std::string& s) {
        return s.find("Am J Hematol 2023") != std::string::npos;
    }));
    // Expert centers that accept remote consultation only.
    for (const auto& c : d.section("centers")->blocks[0].items) {
        const Center* center = docs_content().centers().center(c.content_id);
        REQUIRE(center);
        CHECK(center->remote == RemoteConsultation::yes);
    }
    CHECK(d.section("own")->blocks[0].text.origin == Origin::record);
    CHECK(d.section("not_diagnosis")->blocks[0].text.content_id == "criteria.disclaimer");
    check_citations(d);
}

TEST_CASE("letter: a test done (a lab result or a confirmed past appointment) is not asked for again", "[document]") {
    Record r = fixture("pre-diagnosis.json");
    r.labs.push_back({"lab-9", "labs.vegf_serum", 1200, "pg/mL", Date{2025, 2, 1}, ""});
    r.appointments.push_back({"appt-9", Date{2025, 2, 3}, "Scan", {"workup.skeletal_survey_ct"}, "", {"workup.skeletal_survey_ct"}});
    const Document d = evaluation_letter(r, docs_view(), Date{2025, 3, 1});
    for (const auto& c : d.section("tests")->blocks[0].items) {
        CHECK(c.content_id != "workup.serum_vegf");
        CHECK(c.content_id != "workup.skeletal_survey_ct");
    }
    check_citations(d);
}

TEST_CASE("HTML: one page with lang, print CSS, no scripts or external resources; text: citations", "[document]") {
    const Document d = visit_summary(fixture("asct-1-year.json"), docs_view(), Date{2025, 6, 15});
    const std::string html = render_html(d);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("@page") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // the SVG namespace only
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("style=") == std::string::npos);  // no inline style attributes: the CSP hashes one <style>
    CHECK(html.find("<style>" + std::string(document_css()) + "</style>") != std::string::npos);
    CHECK(std::count(html.begin(), html.end(), '<') > 100);
    std::size_t svgs = 0;
    for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++svgs;
    CHECK(svgs == 8);
    const std::string text = render_text(d);
    CHECK(text.find("<") == std::string::npos);
    CHECK(text.find("[1] ") != std::string::npos);
    CHECK(text.find(word("h_labs")) != std::string::npos);
    CHECK(document_file_name(d) == "poems-visit-summary-2025-06-15.html");
}

TEST_CASE("HTML escapes what the person typed", "[document]") {
    Record r;
    r.profile.display_name = "<b>Ann & \"Bo\"</b>";
    const std::string html = render_html(visit_summary(r, docs_view(), Date{2025, 1, 1}));
    CHECK(html.find("<b>Ann") == std::string::npos);
    CHECK(html.find("&lt;b&gt;Ann &amp; &quot;Bo&quot;&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("chart axes: nice steps, zero baseline, ticks that fit", "[document][chart]") {
    CHECK(nice_step(1000, 4) == 200);
    CHECK(nice_step(7, 3) == 2);
    CHECK(nice_step(0, 3) == 1);
    const ValueAxis a = value_axis(610, 2400, 3);
    CHECK(a.min == 0);  // 610 is below half of 2400: a zero baseline
    CHECK(a.step == 1000);
    CHECK(a.max == 3000);
    CHECK(a.ticks == std::vector<double>{0, 1000, 2000, 3000});
    const ValueAxis b = value_axis(13.6, 16.9, 3);
    CHECK(b.min == 13);
    CHECK(b.max == 18);
    const ValueAxis flat = value_axis(5, 5, 3);
    CHECK(flat.min < 5);
    CHECK(flat.max > 5);
    const DayRange r = day_range(Date{2025, 1, 1}, Date{2025, 1, 2});
    CHECK(r.to - r.from > 30);
    // Wide: months; narrow: years.
    const DayRange year = day_range(Date{2024, 3, 5}, Date{2025, 3, 14});
    auto wide = date_ticks(year.from, year.to, [](double n, std::string_view s) { return n * (s.size() * 7 + 10) <= 800; });
    REQUIRE_FALSE(wide.empty());
    CHECK(wide.front().label == "Mar 2024");
    auto narrow = date_ticks(year.from, year.to, [](double n, std::string_view s) { return n * (s.size() * 7 + 10) <= 60; });
    CHECK(narrow.size() <= 2);
    for (const auto& t : narrow) CHECK(t.label.size() == 4);
}
