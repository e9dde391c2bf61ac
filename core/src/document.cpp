// The visit summary and the letter as data (poems/document.hpp). Every sentence comes from the
// content; this file only chooses what the record calls for, in which order.
#include "poems/document.hpp"

#include "poems/by_id.hpp"
#include "poems/criteria.hpp"
#include "poems/findings.hpp"
#include "poems/signals.hpp"

#include <algorithm>
#include <set>

namespace poems {

// ---- documents.json ---------------------------------------------------------------------------

const std::vector<std::string>& document_word_keys() {
    static const std::vector<std::string> keys = {
        "summary_title", "letter_title", "prepared_by", "prepared_on", "name", "birth_year", "h_criteria",
        "col_criterion", "col_status", "col_how", "col_cited", "status_present", "status_absent",
        "status_unknown", "status_borderline", "h_unknown", "settles", "asked_mark", "h_red_flags",
        "h_events", "event_diagnosis", "event_treatment_start",
        "event_treatment_end", "event_asct", "event_remission", "event_relapse", "col_date", "col_event",
        "col_detail", "h_labs", "col_test", "col_results", "col_unit", "col_trend", "trend_rising",
        "trend_falling", "trend_steady", "trend_single", "approximate", "chart_of", "h_signals", "h_monitoring",
        "item_due", "item_overdue", "item_upcoming", "baseline_item", "h_factors", "h_diary", "diary_symptom",
        "diary_appointment", "diary_note", "severity", "h_checklist", "done_on", "h_asked", "h_references",
        "h_documents", "letter_greeting", "letter_opening", "h_findings", "h_why", "prior_diagnosis",
        "prior_not_improved", "prior_improved", "h_tests", "h_centers", "h_own", "h_not_diagnosis",
        "letter_closing", "nothing_recorded", "print_button", "download_button", "letter_button",
        "summary_button", "own_paragraph_label", "documents_heading", "documents_intro", "saved_at",
        "print_blocked"};
    return keys;
}

std::optional<DocumentTexts> load_document_texts(const Json& doc, Problems& problems, const std::string& file) {
    return read_topic<DocumentTexts>(doc, problems, file, [&](ObjectReader& r, ReadSink sink, DocumentTexts& out) {
        const Json* items = r.array("items", true);
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            ObjectReader it((*items)[i], pointer_child("/items", i), problems, file);
            const auto id = it.string("id", true);
            if (id && id->rfind("documents.", 0) != 0) it.fail("id", "must start with \"documents.\", got \"" + *id + "\"");
            if (id) out.item_ids.push_back(*id);
            read_lang_text(it, sink, "text");
            read_source_refs(it, sink);
            read_id_list(it, sink, "test_ids", false, {"workup."});
            it.finish();
        }
    });
}

// What a symptom entry names: the diary's word for its symptom, the id when this version does not
// know it, or the person's own words for "other".
static std::string symptom_label(const SymptomEntry& e, const DiaryContent* diary) {
    if (e.symptom_id.empty()) return e.symptom;
    if (const DiaryChoice* c = diary ? diary->symptom(e.symptom_id) : nullptr) return c->name.in();
    return e.symptom_id;
}

const Section* Document::section(std::string_view id) const {
    return find_by_id(sections, id);
}

std::vector<const Cell*> all_cells(const Document& doc) {
    std::vector<const Cell*> out;
    for (const auto& c : doc.header) out.push_back(&c);
    for (const auto& s : doc.sections)
        for (const auto& b : s.blocks) {
            if (!b.text.text.empty()) out.push_back(&b.text);
            for (const auto& c : b.items) out.push_back(&c);
            for (const auto& row : b.rows)
                for (const auto& c : row) out.push_back(&c);
        }
    return out;
}

std::string document_file_name(const Document& doc, std::string_view extension) {
    return std::string(doc.kind == "letter" ? "poems-letter-" : "poems-visit-summary-") + to_string(doc.date) + "." +
           std::string(extension);
}

// ---- Building ---------------------------------------------------------------------------------

namespace {

// Numbers each distinct citation once, in first-use order, and remembers which documents
// (seeds, guide references, publications) were cited, to list them in full at the end.
class Builder {
public:
    Builder(const DocumentContent& dc, Document& doc) : dc_(dc), doc_(doc) {}

    // The documents' own word "doc.<key>" of ui.json ("" if missing: load_ui_words() requires them all).
    const std::string& w(std::string_view key) const {
        static const std::string none;
        const std::string* t = dc_.words->find("doc." + std::string(key), doc_.lang);
        return t ? *t : none;
    }

    std::vector<int> cite(const std::vector<SourceRef>& sources) {
        std::vector<int> out;
        for (const auto& s : sources) {
            const std::string text = dc_.content->format_citation(s, doc_.lang);
            auto it = numbers_.find(text);
            int n;
            if (it == numbers_.end()) {
                n = int(doc_.references.size()) + 1;
                numbers_.emplace(text, n);
                doc_.references.push_back({n, text});
            } else {
                n = it->second;
            }
            if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
            if (!s.publication.empty()) publications_.insert(s.publication);
            else seeds_.insert(s.seed);
            for (int ref : s.refs) guide_refs_.insert(ref);
        }
        return out;
    }

    const std::vector<SourceRef>& sources_of(std::string_view id) const { return dc_.content->sources_of(id); }
    Cell words(std::string_view key) const { return {w(key), Origin::words, {}, {}}; }
    static Cell data(std::string text) { return {std::move(text), Origin::record, {}, {}}; }
    Cell content(std::string text, const std::vector<SourceRef>& sources, std::string id) {
        return {std::move(text), Origin::content, cite(sources), std::move(id)};
    }
    // A content item's "text" (documents.json items, misdiagnosis callouts...).
    Cell item(std::string_view id) {
        const Json* it = dc_.content->item(id);
        const Json* text = it && it->contains("text") ? &(*it)["text"] : nullptr;
        return content(text ? std::string(text_in(*text, doc_.lang)) : std::string(), dc_.content->sources_of(id),
                       std::string(id));
    }
    // A workup test's name, cited.
    Cell workup_name(std::string_view id) {
        const Json* it = dc_.content->item(id);
        const Json* name = it && it->contains("name") ? &(*it)["name"] : nullptr;
        return content(name ? std::string(text_in(*name, doc_.lang)) : std::string(id), dc_.content->sources_of(id),
                       std::string(id));
    }

    void finish() {
        doc_.references_heading = w("h_references");
        doc_.documents_heading = w("h_documents");
        for (const auto& seed : dc_.content->seeds()) {
            if (!seeds_.count(seed.file)) continue;
            std::string line = std::string(text_in(*seed.short_name, doc_.lang)) + ": " +
                               std::string(text_in(*seed.title, doc_.lang));
            if (!seed.publisher.empty()) line += ". " + seed.publisher;
            if (!seed.date.empty() && seed.date != "undated") line += ", " + seed.date;
            doc_.documents_in_full.push_back(line + ".");
        }
        for (const auto& ref : dc_.content->references())
            if (guide_refs_.count(ref.number))
                doc_.documents_in_full.push_back("ref. " + std::to_string(ref.number) + ": " + ref.citation);
        for (const auto& pub : dc_.content->publications())
            if (publications_.count(pub.id)) doc_.documents_in_full.push_back(pub.citation);
    }

private:
    const DocumentContent& dc_;
    Document& doc_;
    std::map<std::string, int> numbers_;
    std::set<std::string> seeds_, publications_;
    std::set<int> guide_refs_;
};

Block paragraph(Cell c) {
    Block b;
    b.kind = Block::Kind::paragraph;
    b.text = std::move(c);
    return b;
}
Block list(std::vector<Cell> items, Cell lead = {}) {
    Block b;
    b.kind = Block::Kind::list;
    b.text = std::move(lead);
    b.items = std::move(items);
    return b;
}
Block table(std::vector<std::string> header, std::vector<std::vector<Cell>> rows) {
    Block b;
    b.kind = Block::Kind::table;
    b.header = std::move(header);
    b.rows = std::move(rows);
    return b;
}

// A section of one block under its heading (the documents' word "h_<id>").
void add_section(const Builder& b, Document& doc, const std::string& id, Block block) {
    doc.sections.push_back({id, b.w("h_" + id), {std::move(block)}});
}

bool has_findings(const Record& r) {
    if (!r.findings.is_object()) return false;
    for (auto it = r.findings.begin(); it != r.findings.end(); ++it)
        if (it.key() != "schema") return true;
    return false;
}

Evaluation evaluate_record(const Record& r, const CriteriaRules& rules, const std::string& lang) {
    Problems ignored;  // a stored record's findings were checked when it was read
    auto f = r.findings.is_object() ? parse_findings(r.findings, rules, ignored) : std::nullopt;
    return evaluate(f ? *f : Findings{}, rules, lang);
}

const char* status_word(Status s) {
    switch (s) {
        case Status::present: return "status_present";
        case Status::absent: return "status_absent";
        case Status::borderline: return "status_borderline";
        case Status::unknown: break;
    }
    return "status_unknown";
}

// What both documents begin with: their kind and date, the title, who made it and when, whose it is.
void begin_document(Builder& b, Document& doc, const char* kind, const char* title_key, const Record& r, Date today) {
    doc.kind = kind;
    doc.date = today;
    doc.title = b.w(title_key);
    doc.header.push_back(b.words("prepared_by"));
    doc.header.push_back({b.w("prepared_on") + " " + to_string(today), Origin::words, {}, {}});
    if (!r.profile.display_name.empty())
        doc.header.push_back({b.w("name") + ": " + r.profile.display_name, Origin::record, {}, {}});
    if (r.profile.birth_year)
        doc.header.push_back({b.w("birth_year") + ": " + std::to_string(*r.profile.birth_year), Origin::record, {}, {}});
}

std::string criterion_name(const Evaluation& e, const std::string& key) {
    const CriterionResult* c = e.criterion(key);
    return c ? c->name : key;
}

// Rows of the criteria table: criterion (cited), status (words), how it is known (cited).
std::vector<std::vector<Cell>> criteria_rows(Builder& b, const Evaluation& e, const CriteriaRules& rules,
                                             bool known_only) {
    std::vector<std::vector<Cell>> rows;
    for (const auto& c : e.criteria) {
        if (known_only && c.status == Status::unknown) continue;
        const CriterionRule* rule = rules.criterion(c.key);
        std::vector<Cell> row;
        row.push_back(b.content(c.name, rule ? rule->sources : c.sources, c.id));
        row.push_back(b.words(status_word(c.status)));
        // The reason cites its own sources; the criterion's are on its name already.
        std::vector<SourceRef> reason_sources;
        for (const auto& id : c.reason_ids)
            for (const auto& src : b.sources_of(id))
                if (std::find(reason_sources.begin(), reason_sources.end(), src) == reason_sources.end())
                    reason_sources.push_back(src);
        if (reason_sources.empty()) reason_sources = c.sources;
        row.push_back(b.content(c.reason, reason_sources, c.reason_ids.empty() ? c.id : c.reason_ids.front()));
        rows.push_back(std::move(row));
    }
    return rows;
}

// The red-flag screen: its one-sentence result (the summary; the letter leaves out its "ask your
// doctor") and the reason, which names the red flags present and those still unknown.
void add_red_flags(Builder& b, Section& s, const Evaluation& e, bool headline) {
    if (headline)
        s.blocks.push_back(paragraph(b.content(e.red_flag_headline, e.red_flag_sources, "criteria.red_flag_screen")));
    if (!e.red_flag_reason.empty())
        s.blocks.push_back(paragraph(b.content(e.red_flag_reason, e.red_flag_sources, e.red_flag_reason_id)));
}

std::string event_word_key(const std::string& kind) { return "event_" + kind; }

std::string trend_key(const std::vector<SeriesPoint>& pts) {
    if (pts.size() < 2) return "trend_single";
    const double last = pts[pts.size() - 1].value, prev = pts[pts.size() - 2].value;
    return last > prev ? "trend_rising" : last < prev ? "trend_falling" : "trend_steady";
}

DocChart make_chart(const LabTest& test, const Series& s, const std::string& lang) {
    DocChart ch;
    ch.id = "chart-" + test.id;
    std::replace(ch.id.begin(), ch.id.end(), '.', '-');
    ch.title = test.short_name.empty() ? test.name.in(lang) : test.short_name.in(lang);
    ch.unit = s.unit;
    ch.days = day_range(s.points.front().date, s.points.back().date);
    double lo = s.points.front().value, hi = lo;
    for (const auto& p : s.points) {
        lo = std::min(lo, p.value), hi = std::max(hi, p.value);
        ch.points.push_back({days_since_epoch(p.date), p.value});
    }
    ch.values = value_axis(lo, hi, 3);
    // Labels are 8 units high in the SVG; a character is about 4.8 units wide at that size.
    const double plot_width = kChartPlotRight - kChartPlotLeft;
    ch.date_ticks = date_ticks(ch.days.from, ch.days.to, [&](double count, std::string_view sample) {
        return count * (double(sample.size()) * 4.8 + 8) <= plot_width;
    });
    return ch;
}

void add_labs(Builder& b, Document& doc, const Record& r, const DocumentContent& dc, Date today) {
    Section s{"labs", b.w("h_labs"), {}};
    std::vector<std::vector<Cell>> rows;
    Block charts;
    charts.kind = Block::Kind::charts;
    for (const auto& test : dc.labs->tests) {
        Series ser = series(r, *dc.labs, test.id);
        ser.points.erase(std::remove_if(ser.points.begin(), ser.points.end(),
                                        [&](const SeriesPoint& p) { return p.date > today; }),
                         ser.points.end());
        if (ser.points.empty()) continue;
        const std::size_t n = ser.points.size(), first = n > 3 ? n - 3 : 0;
        std::string values;
        bool approximate = false;
        for (std::size_t i = first; i < n; ++i) {
            values += (values.empty() ? "" : "; ") + to_string(ser.points[i].date) + ": " +
                      format_number(ser.points[i].value);
            approximate = approximate || ser.points[i].conventional;
        }
        if (approximate) values += " (" + b.w("approximate") + ")";
        std::vector<Cell> row;
        row.push_back(b.content(test.short_name.empty() ? test.name.in(doc.lang) : test.short_name.in(doc.lang),
                                test.sources, test.id));
        row.push_back(Builder::data(values));
        row.push_back(Builder::data(ser.unit));
        row.push_back(b.words(trend_key(ser.points)));
        rows.push_back(std::move(row));
        if (n >= 2) charts.charts.push_back(make_chart(test, ser, doc.lang));
    }
    if (rows.empty()) return;
    s.blocks.push_back(table({b.w("col_test"), b.w("col_results"), b.w("col_unit"), b.w("col_trend")}, std::move(rows)));
    if (!charts.charts.empty()) s.blocks.push_back(std::move(charts));
    doc.sections.push_back(std::move(s));
}

}  // namespace

// ---- The visit summary -------------------------------------------------------------------------

Document visit_summary(const Record& r, const DocumentContent& dc, Date today, const DocumentOptions& options) {
    Document doc;
    Builder b(dc, doc);
    begin_document(b, doc, "visit_summary", "summary_title", r, today);
    const Evaluation e = evaluate_record(r, *dc.criteria, doc.lang);
    const bool findings = has_findings(r);

    // The criteria, item by item, and "this is not a diagnosis" (always: the header says what this is).
    {
        Section s{"criteria", b.w("h_criteria"), {}};
        if (findings) {
            s.blocks.push_back(paragraph(b.content(e.headline, e.verdict_sources, e.verdict_id)));
            s.blocks.push_back(table({b.w("col_criterion"), b.w("col_status"), b.w("col_how")},
                                     criteria_rows(b, e, *dc.criteria, false)));
            for (const auto& wn : e.warnings) s.blocks.push_back(paragraph(b.content(wn.text, wn.sources, wn.id)));
        }
        s.blocks.push_back(paragraph(b.content(e.disclaimer, e.disclaimer_sources, e.disclaimer_id)));
        doc.sections.push_back(std::move(s));
    }
    // What is still unknown, and the tests that would settle it.
    if (findings && !e.tests_to_settle.empty()) {
        Section s{"unknown", b.w("h_unknown"), {}};
        std::vector<std::vector<Cell>> rows;
        for (const auto& t : e.tests_to_settle) {
            std::string settles;
            for (const auto& k : t.settles) settles += (settles.empty() ? "" : ", ") + criterion_name(e, k);
            const bool asked = std::find(r.asked_doctor.begin(), r.asked_doctor.end(), t.workup_id) != r.asked_doctor.end();
            std::vector<Cell> row;
            row.push_back(b.workup_name(t.workup_id));
            Cell what = b.content(settles, dc.criteria->criterion(t.settles.front())
                                               ? dc.criteria->criterion(t.settles.front())->sources
                                               : Citations{},
                                  "criteria." + t.settles.front());
            row.push_back(std::move(what));
            row.push_back(asked ? b.words("asked_mark") : Builder::data(""));
            rows.push_back(std::move(row));
        }
        s.blocks.push_back(table({b.w("col_test"), b.w("settles"), b.w("asked_mark")}, std::move(rows)));
        doc.sections.push_back(std::move(s));
    }
    // The red-flag screen: when an earlier diagnosis was entered, or red flags before a diagnosis
    // of POEMS is recorded (after it the screen has nothing left to decide).
    {
        Problems ignored;
        auto f = r.findings.is_object() ? parse_findings(r.findings, *dc.criteria, ignored) : std::nullopt;
        if (f && (f->prior_diagnosis || (!e.red_flags.empty() && !first_event(r, "diagnosis")))) {
            Section s{"red_flags", b.w("h_red_flags"), {}};
            add_red_flags(b, s, e, true);
            doc.sections.push_back(std::move(s));
        }
    }
    // Treatment events as a timeline.
    if (!r.events.empty()) {
        Section s{"events", b.w("h_events"), {}};
        std::vector<TreatmentEvent> events = r.events;
        std::stable_sort(events.begin(), events.end(), [](const auto& x, const auto& y) { return x.date < y.date; });
        std::vector<std::vector<Cell>> rows;
        for (const auto& ev : events) {
            std::string detail = ev.treatment_type;
            if (!ev.note.empty()) detail += (detail.empty() ? "" : " — ") + ev.note;
            const std::string& kind = b.w(event_word_key(ev.kind));
            rows.push_back({Builder::data(to_string(ev.date)), {kind.empty() ? ev.kind : kind, Origin::words, {}, {}},
                            Builder::data(detail)});
        }
        s.blocks.push_back(table({b.w("col_date"), b.w("col_event"), b.w("col_detail")}, std::move(rows)));
        doc.sections.push_back(std::move(s));
    }
    // Lab results: the last three per test, with a chart per test of two results or more.
    add_labs(b, doc, r, dc, today);
    // Signals to tell the care team.
    {
        auto signals = find_signals(r, *dc.labs, *dc.monitoring, today, dc.diary);
        if (!signals.empty()) {
            Section s{"signals", b.w("h_signals"), {}};
            std::vector<Cell> items;
            for (const auto& sig : signals) {
                std::string text = sig.rule->name.in(doc.lang) + ": " + sig.rule->text.in(doc.lang);
                items.push_back(b.content(text, sig.rule->sources, sig.rule_id));
                std::string data;
                for (const auto& d : sig.data) data += (data.empty() ? "" : "; ") + d;
                if (!data.empty()) items.push_back(Builder::data(data));
            }
            s.blocks.push_back(list(std::move(items)));
            doc.sections.push_back(std::move(s));
        }
    }
    // Monitoring due or overdue in the next three months.
    const RiskFactorReport risk = evaluate_risk_factors(r, *dc.prognosis, *dc.labs, today);
    {
        const Plan plan = make_schedule(r, *dc.monitoring, *dc.labs, today, 12, &risk);
        std::vector<std::vector<Cell>> rows;
        auto tests_text = [&](const std::vector<PlannedTest>& tests) {
            std::string out;
            for (const auto& t : tests) {
                if (t.done || t.applies == Tri::absent) continue;
                const MonitoringTest* mt = dc.monitoring->test(t.test_id);
                out += (out.empty() ? "" : ", ") + (mt ? mt->short_name.in(doc.lang) : t.test_id);
            }
            return out;
        };
        if (plan.baseline && plan.baseline->status != ItemStatus::done)
            rows.push_back({b.words("baseline_item"), b.words("item_due"),
                            b.content(tests_text(plan.baseline->tests), dc.monitoring->baseline_sources,
                                      dc.monitoring->baseline_id)});
        const Date until = add_months(today, options.monitoring_months_ahead);
        const Date since = add_months(today, -options.monitoring_months_back);
        for (const auto& item : plan.items) {
            if (item.status == ItemStatus::done || item.due > until || item.due < since) continue;
            std::vector<SourceRef> sources;
            for (const auto& why : item.why) sources.insert(sources.end(), why.sources.begin(), why.sources.end());
            const char* status = item.status == ItemStatus::overdue ? "item_overdue"
                                 : item.status == ItemStatus::due   ? "item_due"
                                                                    : "item_upcoming";
            if (tests_text(item.tests).empty()) continue;
            rows.push_back({Builder::data(to_string(item.due)), b.words(status),
                            b.content(tests_text(item.tests), sources,
                                      item.why.empty() ? std::string() : item.why.front().row_id)});
        }
        if (!rows.empty()) {
            add_section(b, doc, "monitoring", table({b.w("col_date"), b.w("col_status"), b.w("col_test")}, std::move(rows)));
        }
    }
    // The guide's prognostic factors that are present: listed, no score.
    {
        std::vector<Cell> items;
        for (const auto& fr : risk.factors) {
            if (fr.state != Tri::present) continue;
            const PrognosticFactor* f = dc.prognosis->factor(fr.factor_id);
            if (f) items.push_back(b.content(f->name.in(doc.lang), f->sources, f->id));
        }
        if (!items.empty()) {
            add_section(b, doc, "factors", list(std::move(items), b.item("documents.no_score")));
        }
    }
    // Recent diary entries: symptoms, appointments and notes up to today, newest first.
    {
        struct Entry {
            Date date;
            const char* kind;
            std::string text;
        };
        std::vector<Entry> entries;
        for (const auto& x : r.symptoms)
            if (x.date <= today)
                entries.push_back({x.date, "diary_symptom",
                                   symptom_label(x, dc.diary) + " (" + b.w("severity") + ": " + std::to_string(x.severity) + ")" +
                                       (x.note.empty() ? "" : " — " + x.note)});
        for (const auto& x : r.appointments)
            if (x.date <= today)
                entries.push_back({x.date, "diary_appointment", x.title + (x.note.empty() ? "" : " — " + x.note)});
        for (const auto& x : r.notes)
            if (x.date <= today) entries.push_back({x.date, "diary_note", x.text});
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) { return x.date > y.date; });
        if (entries.size() > options.diary_entries) entries.resize(options.diary_entries);
        if (!entries.empty()) {
            Section s{"diary", b.w("h_diary"), {}};
            std::vector<std::vector<Cell>> rows;
            for (auto& en : entries)
                rows.push_back({Builder::data(to_string(en.date)), b.words(en.kind), Builder::data(std::move(en.text))});
            s.blocks.push_back(table({b.w("col_date"), b.w("col_event"), b.w("col_detail")}, std::move(rows)));
            doc.sections.push_back(std::move(s));
        }
    }
    // The checklist's steps the person ticked.
    {
        std::vector<Cell> items;
        for (const auto& tick : r.checklist) {
            const ChecklistItem* it = dc.checklists->item(tick.item_id);
            if (!it) continue;
            Cell c = b.content(it->label.in(doc.lang), it->sources, it->id);
            c.text += " (" + b.w("done_on") + " " + to_string(tick.date) + ")";
            items.push_back(std::move(c));
        }
        if (!items.empty()) {
            add_section(b, doc, "checklist", list(std::move(items)));
        }
    }
    // The missing items' tests marked as asked.
    {
        std::vector<Cell> items;
        for (const auto& id : r.asked_doctor)
            if (dc.content->has_id(id)) items.push_back(b.workup_name(id));
        if (!items.empty()) {
            add_section(b, doc, "asked", list(std::move(items)));
        }
    }
    b.finish();
    return doc;
}

// ---- The letter --------------------------------------------------------------------------------

Document evaluation_letter(const Record& r, const DocumentContent& dc, Date today, const DocumentOptions& options) {
    Document doc;
    Builder b(dc, doc);
    begin_document(b, doc, "letter", "letter_title", r, today);
    const Evaluation e = evaluate_record(r, *dc.criteria, doc.lang);
    Problems ignored;
    auto f = r.findings.is_object() ? parse_findings(r.findings, *dc.criteria, ignored) : std::nullopt;

    {
        Section s{"opening", b.w("letter_greeting"), {}};
        s.blocks.push_back(paragraph(b.words("letter_opening")));
        s.blocks.push_back(paragraph(b.item("documents.delay")));
        doc.sections.push_back(std::move(s));
    }
    // The findings in clinical terms: what is known, item by item, and an earlier diagnosis.
    {
        Section s{"findings", b.w("h_findings"), {}};
        auto rows = criteria_rows(b, e, *dc.criteria, true);
        if (!rows.empty())
            s.blocks.push_back(table({b.w("col_criterion"), b.w("col_status"), b.w("col_how")}, std::move(rows)));
        if (f && f->prior_diagnosis) {
            const PriorConditionRule* pc = dc.criteria->prior_condition(f->prior_diagnosis->condition);
            Cell c = pc ? b.content(pc->name.get(doc.lang), pc->sources, pc->id)
                        : Builder::data(f->prior_diagnosis->condition);
            c.text = b.w("prior_diagnosis") + ": " + c.text + " — " +
                     b.w(f->prior_diagnosis->improved_with_treatment ? "prior_improved" : "prior_not_improved");
            s.blocks.push_back(paragraph(std::move(c)));
        }
        if (s.blocks.empty()) s.blocks.push_back(paragraph(b.words("nothing_recorded")));
        doc.sections.push_back(std::move(s));
    }
    // Why POEMS should be considered: the red-flag screen and the evaluation, with the criteria cited.
    {
        Section s{"why", b.w("h_why"), {}};
        if (f && (f->prior_diagnosis || !e.red_flags.empty())) add_red_flags(b, s, e, false);
        s.blocks.push_back(paragraph(b.content(e.headline, e.verdict_sources, e.verdict_id)));
        for (const auto& wn : e.warnings) s.blocks.push_back(paragraph(b.content(wn.text, wn.sources, wn.id)));
        s.blocks.push_back(paragraph(b.item("documents.criteria_published")));
        doc.sections.push_back(std::move(s));
    }
    // The guide's tests that the record does not show done yet.
    {
        ChecklistItem wanted;  // item_test_status() reads test_ids only
        if (const Json* it = dc.content->item("documents.letter_tests"))
            for (const auto& id : it->value("test_ids", Json::array())) wanted.test_ids.push_back(id.get<std::string>());
        for (const auto& t : e.tests_to_settle)
            if (std::find(wanted.test_ids.begin(), wanted.test_ids.end(), t.workup_id) == wanted.test_ids.end())
                wanted.test_ids.push_back(t.workup_id);
        std::vector<Cell> items;
        for (const auto& st : item_test_status(wanted, r, today, lab_workup_links(*dc.content)))
            if (!st.done()) items.push_back(b.workup_name(st.workup_id));
        if (!items.empty()) {
            add_section(b, doc, "tests", list(std::move(items), b.item("documents.letter_tests")));
        }
    }
    if (!options.own_paragraph.empty()) {
        add_section(b, doc, "own", paragraph(Builder::data(options.own_paragraph)));
    }
    {
        add_section(b, doc, "not_diagnosis", paragraph(b.content(e.disclaimer, e.disclaimer_sources, e.disclaimer_id)));
    }
    {
        std::vector<Cell> items;
        for (const auto& c : dc.centers->centers) {
            if (c.remote != RemoteConsultation::yes) continue;
            std::string text = c.name.in(doc.lang);
            std::string where = c.city.in(doc.lang);
            const std::string& country = c.country.in(doc.lang);
            if (!country.empty()) where += (where.empty() ? "" : ", ") + country;
            if (!where.empty()) text += " — " + where;
            items.push_back(b.content(text, c.sources, c.id));
        }
        if (!items.empty()) {
            add_section(b, doc, "centers", list(std::move(items), b.item("documents.centers")));
        }
    }
    {
        Section s{"closing", "", {}};
        s.blocks.push_back(paragraph(b.words("letter_closing")));
        if (!r.profile.display_name.empty()) s.blocks.push_back(paragraph(Builder::data(r.profile.display_name)));
        doc.sections.push_back(std::move(s));
    }
    b.finish();
    return doc;
}

}  // namespace poems
