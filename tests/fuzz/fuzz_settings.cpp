// libFuzzer target for the display settings reader (poems/display_settings.hpp), which reads what
// the desktop app keeps in settings.json and the browser in localStorage: any bytes leave settings
// within their limits, with a problem for each thing ignored, and what is written reads back
// the same. Run with tools/fuzz.sh settings SECONDS (seeds: tests/fuzz/corpus/settings).
#include "fuzz_check.hpp"
#include "poems/display_settings.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace poems;
using poems::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const DisplaySettings before : {DisplaySettings{}, DisplaySettings{170, true}}) {
        DisplaySettings s = before;
        Problems problems;
        settings_from_json(text, s, problems);
        require(s.text_size_percent >= DisplaySettings::kMinTextSize && s.text_size_percent <= DisplaySettings::kMaxTextSize);
        for (const auto& p : problems) require(!p.message.empty());

        DisplaySettings back = before == DisplaySettings{} ? DisplaySettings{170, true} : DisplaySettings{};
        Problems again;
        settings_from_json(settings_to_json(s), back, again);
        require(again.empty() && back == s);
    }
    // The verdict check on the text as given (the reader parses it with its own small limits).
    Problems problems;
    auto doc = parse_json_text(text, "", problems, {.max_bytes = kMaxSettingsBytes, .max_depth = 4});
    poems::fuzz::check_json_verdict(text, problems, doc.has_value());
    return 0;
}
