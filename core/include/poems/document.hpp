// Documents to take to the doctor, as data: the visit summary and the letter asking for a POEMS
// evaluation. Each is a pure function of (record, content, today) returning a Document (title,
// sections of paragraphs, lists, tables and small charts, numbered citations and the references
// in full); render_html() and render_text() turn it into a self-contained HTML page (printable,
// no scripts, no external resources) or plain text for a patient-portal message.
//
// Whose words each piece is, is part of the model (Origin): the documents' own words (headings,
// labels: the "doc." words of content/ui.json), the person's own data (dates, values, diary text), or
// a sentence of content/, which always carries its citation numbers. Nothing clinical is written
// here: the sentences come from content/ (criteria, workup, monitoring, prognosis, checklists,
// centers, documents.json's items).
#pragma once

#include "poems/diary.hpp"

#include "poems/centers.hpp"
#include "poems/chart_axes.hpp"
#include "poems/checklists.hpp"
#include "poems/content.hpp"
#include "poems/criteria_rules.hpp"
#include "poems/labs.hpp"
#include "poems/record.hpp"
#include "poems/risk_factors.hpp"
#include "poems/schedule.hpp"
#include "poems/ui_words.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

// ---- Content: content/documents.json ------------------------------------------------------------

// The documents' own cited sentences (their words are in ui.json, under "doc.").
struct DocumentTexts {
    std::vector<std::string> item_ids;  // "documents.delay", ...
};

// The word keys the documents and the app's document buttons use, as "doc.<key>" in ui.json;
// load_ui_words() requires each one.
const std::vector<std::string>& document_word_keys();

// Strict: unknown keys, items without text or sources are problems (file, JSON Pointer,
// message). Registered in poems/topics.hpp, so the build refuses a broken file.
std::optional<DocumentTexts> load_document_texts(const Json& doc, Problems& problems,
                                                 const std::string& file = "documents.json");

// ---- The document model ---------------------------------------------------------------------------

enum class Origin {
    words,    // the documents' own words: headings, labels, status words (ui.json "doc." words)
    record,   // the person's data: dates, values, names, their own text
    content,  // a sentence of content/: always cited
};

struct Cell {
    std::string text;
    Origin origin = Origin::record;
    std::vector<int> cites;  // reference numbers (Document::references), content only
    std::string content_id;  // the content item the text comes from (content only)
};

struct DocChart {
    std::string id;            // "chart-labs-vegf_serum": unique in the document
    std::string title;         // the test's name
    std::string unit;
    DayRange days;             // x range, days since the epoch (chart_axes: same as the app's chart)
    ValueAxis values;          // y axis (chart_axes)
    std::vector<DateTick> date_ticks;
    struct Point {
        long day = 0;
        double value = 0;
    };
    std::vector<Point> points;  // in date order
};

// Chart geometry shared by the renderer and the tick choice (SVG user units).
inline constexpr double kChartWidth = 160, kChartHeight = 78;
inline constexpr double kChartPlotLeft = 30, kChartPlotRight = 154, kChartPlotTop = 5, kChartPlotBottom = 64;

struct Block {
    enum class Kind { paragraph, list, table, charts };
    Kind kind = Kind::paragraph;
    Cell text;                           // paragraph; a list's or table's lead-in (may be empty)
    std::vector<Cell> items;             // list
    std::vector<std::string> header;     // table (the documents' words)
    std::vector<std::vector<Cell>> rows;  // table
    std::vector<DocChart> charts;        // charts: small multiples
};

struct Section {
    std::string id;       // "criteria", "labs", ... (tests look sections up by id)
    std::string heading;  // the documents' words
    std::vector<Block> blocks;
};

struct DocReference {
    int number = 0;
    std::string citation;  // "Guide (004), Diagnostic Criteria; ref. 2"
};

struct Document {
    std::string kind;  // "visit_summary" or "letter"
    std::string lang = "en";
    Date date;         // today, as given
    std::string title;
    std::vector<Cell> header;  // who and when, and "prepared by the person ... not a medical record"
    std::vector<Section> sections;
    std::string references_heading, documents_heading;
    std::vector<DocReference> references;     // every citation number used, in first-use order
    std::vector<std::string> documents_in_full;  // the seeds, guide references and publications cited

    const Section* section(std::string_view id) const;
};

// Everything the documents read: loaded, validated topics (not owned).
struct DocumentContent {
    const Content* content = nullptr;
    const CriteriaRules* criteria = nullptr;
    const LabCatalogue* labs = nullptr;
    const MonitoringPlan* monitoring = nullptr;
    const PrognosisContent* prognosis = nullptr;
    const Checklists* checklists = nullptr;
    const CenterDirectory* centers = nullptr;
    const UiWords* words = nullptr;  // the "doc." words of ui.json
    const DiaryContent* diary = nullptr;  // names the diary's symptoms (else their ids are shown)
};

// (The documents' view of the loaded topics: document_content() in poems/topics.hpp.)

struct DocumentOptions {
    std::string own_paragraph;  // the letter: the person's own paragraph, printed as they wrote it
    std::size_t diary_entries = 10;  // the summary: how many recent diary entries
    int monitoring_months_ahead = 3;
    int monitoring_months_back = 6;  // overdue items older than this are left out
};

// The visit summary, for any stage. Sections appear only when the record has something for them:
//   criteria, unknown (findings entered); red_flags (an earlier diagnosis or a red flag given);
//   events; labs (with charts for tests with two results or more); signals; monitoring (a
//   diagnosis or treatment date); factors (a factor present); diary (symptoms, appointments,
//   notes on or before today, newest first); checklist (ticks); asked (asked_doctor). The header
//   and the "not a diagnosis" sentence are always there.
Document visit_summary(const Record& record, const DocumentContent& dc, Date today, const DocumentOptions& options = {});

// The letter asking for a POEMS evaluation, addressed to the person's doctor: findings, why POEMS
// should be considered (the red-flag screen, the evaluation), the guide's tests not done yet,
// the person's own paragraph, that the app does not diagnose, expert centers with remote
// consultation, the published criteria.
Document evaluation_letter(const Record& record, const DocumentContent& dc, Date today,
                           const DocumentOptions& options = {});

// Every text of the document, with its origin (header, paragraphs, list items, table cells), for
// checks such as "every content sentence is cited".
std::vector<const Cell*> all_cells(const Document& doc);

// ---- Renderers ---------------------------------------------------------------------------------

// A complete HTML5 page: lang, one <style> (document_css(): print CSS with @page, system fonts),
// semantic headings and tables, charts as inline SVG, no scripts, no external resources.
std::string render_html(const Document& doc);
// The stylesheet render_html() puts in its <style> element, byte for byte (its SHA-256 is
// allowed by the browser app's Content-Security-Policy, style-src).
std::string_view document_css();
// Plain text for a patient-portal message: headings, paragraphs with [n] citations, lists and
// tables as lines, the sources at the end. Charts are left out (the table above has the values).
std::string render_text(const Document& doc);
// "poems-visit-summary-2025-05-20.html" / "poems-letter-2025-05-20.txt".
std::string document_file_name(const Document& doc, std::string_view extension = "html");

}  // namespace poems
