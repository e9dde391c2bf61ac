#include "poems/text.hpp"

namespace poems {

namespace {
constexpr std::string_view kBlank = " \t\r\n";
}

std::string trim(std::string_view s) {
    const auto a = s.find_first_not_of(kBlank);
    if (a == std::string_view::npos) return {};
    return std::string(s.substr(a, s.find_last_not_of(kBlank) - a + 1));
}

bool is_blank(std::string_view s) { return s.find_first_not_of(kBlank) == std::string_view::npos; }

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string fill_in(std::string_view text, std::string_view name, std::string_view value) {
    std::string out(text);
    std::string key;  // "{name}", appended: a literal + a temporary string trips GCC 12's -Wrestrict at -O3
    key += '{';
    key += name;
    key += '}';
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
        out.replace(at, key.size(), value);
    return out;
}

std::string quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    out += '"';
    return out;
}

}  // namespace poems
