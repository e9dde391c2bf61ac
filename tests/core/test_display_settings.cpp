// The display settings' JSON form (poems/display_settings.hpp): what both runners keep and read back.
#include "catch.hpp"
#include "poems/display_settings.hpp"

using namespace poems;

static std::vector<std::string> messages(const Problems& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.to_string());
    return out;
}

TEST_CASE("display settings round-trip through their JSON form") {
    for (int size = DisplaySettings::kMinTextSize; size <= DisplaySettings::kMaxTextSize; size += 10) {
        for (bool dark : {false, true}) {
            const DisplaySettings kept{size, dark};
            DisplaySettings read;
            Problems problems;
            settings_from_json(settings_to_json(kept), read, problems);
            CHECK(problems.empty());
            CHECK(read == kept);
        }
    }
    CHECK(settings_to_json({120, true}) == "{\"dark\":true,\"text_size_percent\":120}\n");
}

TEST_CASE("display settings: each wrong value is reported and keeps the current one") {
    DisplaySettings s{130, true};
    Problems problems;
    settings_from_json(R"({"text_size_percent": 201, "dark": "yes", "font": 3})", s, problems);
    CHECK(s == DisplaySettings{130, true});
    CHECK(messages(problems) == std::vector<std::string>{
                                    "/text_size_percent: must be a percentage from 100 to 200",
                                    "/dark: expected true or false, got a string",
                                    "/font: unknown key \"font\""});

    problems.clear();
    settings_from_json(R"({"text_size_percent": 99})", s, problems);
    CHECK(messages(problems) == std::vector<std::string>{"/text_size_percent: must be a percentage from 100 to 200"});
    problems.clear();
    settings_from_json(R"({"text_size_percent": 150.5})", s, problems);
    CHECK(messages(problems) == std::vector<std::string>{"/text_size_percent: expected a whole number, got a number"});
    CHECK(s.text_size_percent == 130);
    // The limits themselves are accepted; a missing key keeps its value.
    problems.clear();
    settings_from_json(R"({"text_size_percent": 200})", s, problems);
    CHECK(problems.empty());
    CHECK(s == DisplaySettings{200, true});
    settings_from_json(R"({"text_size_percent": 100, "dark": false})", s, problems);
    CHECK(problems.empty());
    CHECK(s == DisplaySettings{100, false});
}

TEST_CASE("display settings that are not a JSON object, or too big, leave the settings as they were") {
    DisplaySettings s{140, true};
    Problems problems;
    settings_from_json("[1, 2]", s, problems);
    CHECK(messages(problems) == std::vector<std::string>{"expected an object, got a list"});
    problems.clear();
    settings_from_json("{\"dark\": tru}", s, problems);
    CHECK(messages(problems) == std::vector<std::string>{
                                    "not valid JSON: parse error at line 1, column 10: expected a value (text in double "
                                    "quotes, a number, true, false, null, an object {...} or a list [...]), found the "
                                    "word 'tru' (words must be in double quotes, except true, false and null)"});
    problems.clear();
    settings_from_json("{\"dark\": true" + std::string(kMaxSettingsBytes, ' ') + "}", s, problems);
    CHECK(messages(problems) == std::vector<std::string>{"file is too large (4110 bytes; the limit is 4096)"});
    problems.clear();
    settings_from_json(R"({"a": {"b": {"c": {"d": {}}}}})", s, problems);
    CHECK(messages(problems) == std::vector<std::string>{"nested too deeply (more than 4 levels)"});
    CHECK(s == DisplaySettings{140, true});
}
