// Shared by the record tests: a deterministic generator of valid records (unicode, empty and
// maximal strings), temporary folders, and file helpers.
#pragma once

#include "poems/record_json.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace record_test {

// splitmix64: the same sequence on every platform (std::uniform_*_distribution is not portable).
struct Rng {
    std::uint64_t state;
    explicit Rng(std::uint64_t seed) : state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

// Pieces of text that stress escaping and character counting: multi-byte UTF-8 (2, 3 and 4
// bytes), quotes, backslashes, control characters, JSON Pointer specials.
inline const char* const kPieces[] = {"a",  "Z",  "7",  " ",  "\u00e9", "\u00fc", "\u65e5", "\U0001F600",
                                      "\"", "\\", "\n", "\t", "\x01",   "/",      "~",            "\u2014",
                                      "mg/dL", "VEGF", "x"};

// A string of exactly `chars` characters (code points); never blank when chars > 0.
inline std::string text_of(Rng& rng, std::size_t chars) {
    std::string s;
    for (std::size_t i = 0; i < chars; ++i) {
        const char* piece = kPieces[rng.below(static_cast<int>(std::size(kPieces)))];
        std::string p = piece;
        if (p == "mg/dL" || p == "VEGF") p = p.substr(0, 1);  // keep one character per step
        s += p;
    }
    if (chars > 0 && s.find_first_not_of(" \t\r\n") == std::string::npos) s[0] = 'k';
    return s;
}

// Empty sometimes, the maximum sometimes, a short random length otherwise.
inline std::string any_text(Rng& rng, std::size_t max_chars, bool may_be_empty) {
    int pick = rng.below(20);
    if (pick == 0 && may_be_empty) return "";
    if (pick == 1) return text_of(rng, max_chars);
    return text_of(rng, 1 + static_cast<std::size_t>(rng.below(30)) % max_chars);
}

inline poems::Date any_date(Rng& rng) {
    poems::Date d{1950 + rng.below(110), 1 + rng.below(12), 1};
    d.day = 1 + rng.below(poems::days_in_month(d.year, d.month));
    return d;
}

inline double any_value(Rng& rng) {
    switch (rng.below(6)) {
        case 0: return 0;
        case 1: return rng.below(100000);
        case 2: return -static_cast<double>(rng.below(1000)) / 7.0;
        case 3: return 1e-300 * (1 + rng.below(9));
        case 4: return 1.7e308;
        default: return static_cast<double>(rng.next() % 1000000) / 1000.0;
    }
}

inline poems::Json any_findings(Rng& rng) {
    switch (rng.below(4)) {
        case 0: return poems::Json::object();
        case 1: return poems::Json::parse(R"({"schema": "poems-findings/1", "polyneuropathy": "present"})");
        case 2:
            return poems::Json::parse(R"({"polyneuropathy": "present", "monoclonal_plasma_cell_disorder": "unknown",
                "vegf": {"value": 1200, "unit": "pg/mL", "sample": "serum"}})");
        default:
            return poems::Json::parse(R"({"m_protein_tests": [{"test": "spep", "result": "negative"}],
                "prior_diagnosis": {"condition": "cidp", "improved_with_treatment": false}})");
    }
}

// Unique ids: sometimes plain ("lab-3"), sometimes unicode, sometimes the maximum length.
inline std::string any_id(Rng& rng, const char* prefix, std::size_t i) {
    std::string base = std::string(prefix) + "-" + std::to_string(i);
    switch (rng.below(8)) {
        case 0: return base + "-" + text_of(rng, 3);
        case 1: {
            std::string s = text_of(rng, poems::kMaxIdChars - base.size() - 1);
            return base + "-" + s;
        }
        default: return base;
    }
}

inline poems::Record any_record(std::uint64_t seed, std::size_t max_entries = 12) {
    using namespace poems;
    Rng rng(seed);
    Record r;
    auto count = [&] { return static_cast<std::size_t>(rng.below(static_cast<int>(max_entries) + 1)); };
    r.profile.display_name = any_text(rng, kMaxNameChars, true);
    if (rng.chance(60)) r.profile.birth_year = kMinBirthYear + rng.below(kMaxBirthYear - kMinBirthYear + 1);
    const char* sexes[] = {"", "female", "male", "other"};
    r.profile.sex = sexes[rng.below(4)];
    r.findings = any_findings(rng);
    for (std::size_t i = 0, n = count(); i < n; ++i) r.checklist.push_back({any_id(rng, "item", i), any_date(rng)});
    for (std::size_t i = 0, n = count(); i < n; ++i)
        r.events.push_back({any_id(rng, "ev", i), event_kinds()[static_cast<std::size_t>(rng.below(6))], any_date(rng),
                            any_text(rng, kMaxNameChars, true), any_text(rng, kMaxTextChars, true)});
    for (std::size_t i = 0, n = count(); i < n; ++i)
        r.labs.push_back({any_id(rng, "lab", i), any_text(rng, kMaxIdChars, false), any_value(rng),
                          any_text(rng, kMaxUnitChars, false), any_date(rng), any_text(rng, kMaxTextChars, true)});
    for (std::size_t i = 0, n = count(); i < n; ++i)
        r.symptoms.push_back({any_id(rng, "sym", i), any_date(rng), any_text(rng, kMaxNameChars, false),
                              rng.below(kMaxSeverity + 1), any_text(rng, kMaxTextChars, true)});
    for (std::size_t i = 0, n = count(); i < n; ++i) {
        Appointment a{any_id(rng, "appt", i), any_date(rng), any_text(rng, kMaxNameChars, false), {},
                      any_text(rng, kMaxTextChars, true)};
        for (int t = 0, k = rng.below(4); t < k; ++t) a.test_ids.push_back("lab.test_" + std::to_string(t));
        r.appointments.push_back(std::move(a));
    }
    for (std::size_t i = 0, n = count(); i < n; ++i)
        r.notes.push_back({any_id(rng, "note", i), any_date(rng), any_text(rng, kMaxTextChars, false)});
    for (std::size_t i = 0, n = count(); i < n; ++i) r.asked_doctor.push_back("missing." + std::to_string(i));
    // Schema 3: symptom ids (an entry has an id or its own words, never both), confirmed tests,
    // function and weights. Drawn after everything else, so older fields keep their values.
    for (auto& s : r.symptoms)
        if (rng.chance(50)) {
            s.symptom_id = any_id(rng, "diary.symptom.x", static_cast<std::size_t>(rng.below(20)));
            s.symptom.clear();
        }
    for (auto& a : r.appointments)
        for (const auto& t : a.test_ids)
            if (rng.chance(40)) a.done_test_ids.push_back(t);
    for (std::size_t i = 0, n = count(); i < n; ++i) {
        FunctionEntry f{any_id(rng, "fn", i), any_date(rng), "", "", any_text(rng, kMaxTextChars, true)};
        int which = rng.below(3);
        if (which != 1) f.walking = any_text(rng, kMaxIdChars, false);
        if (which != 0) f.hands = any_text(rng, kMaxIdChars, false);
        r.function.push_back(std::move(f));
    }
    for (std::size_t i = 0, n = count(); i < n; ++i)
        r.weights.push_back({any_id(rng, "wt", i), any_date(rng), 0.5 + rng.below(19990) / 10.0, rng.chance(50) ? "kg" : "lb",
                             any_text(rng, kMaxTextChars, true)});
    return r;
}

// A fresh, empty folder under the system temp folder, removed when the object goes away.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() /
               ("poems-record-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void spit(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

}  // namespace record_test
