#include "poems/decimal.hpp"

#include <cmath>
#include <cstdlib>

namespace poems {

DecimalRead read_decimal(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    std::string t(text.substr(first, last - first + 1));
    const std::string shown = "\"" + t + "\"";

    const auto comma = t.find(',');
    if (comma != std::string::npos) {
        if (t.find(',', comma + 1) != std::string::npos || t.find('.') != std::string::npos)
            return {std::nullopt, shown + " has more than one separator: type the number without thousands separators, "
                                             "with a point or a comma for decimals (for example 1500 or 3.5)"};
        std::size_t digits_after = 0;
        while (comma + 1 + digits_after < t.size() && std::isdigit(static_cast<unsigned char>(t[comma + 1 + digits_after])))
            ++digits_after;
        if (digits_after == 3 && comma + 4 == t.size())
            return {std::nullopt, shown + " could be read two ways (a thousands separator or a decimal comma): type it "
                                             "without the comma if it is over a thousand (for example 1500), or with a "
                                             "point if it has decimals (for example 1.5)"};
        t[comma] = '.';
    }
    bool digit = false;
    for (char c : t) {
        if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
        else if (c != '.' && c != '-' && c != '+') return {std::nullopt, shown + " is not a number: type digits, with a point or a comma for decimals"};
    }
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (!digit || end != t.c_str() + t.size() || !std::isfinite(v))
        return {std::nullopt, shown + " is not a number: type digits, with a point or a comma for decimals"};
    return {v, {}};
}

}  // namespace poems
