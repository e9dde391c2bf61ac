// A number as a person types it from a lab report, read one way everywhere (the Criteria page's
// VEGF fields, the Labs page, the diary's weight): "1200", "3.5" and "3,5" (a decimal comma, as
// many European labs print it) are read; "1,500" is refused, because it is 1500 on an American
// report and 1.5 on a European one, and a VEGF of 1.5 read as 1500 (or the reverse) would change
// what the criteria say. Thousands separators of any kind are refused with the same advice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace poems {

struct DecimalRead {
    std::optional<double> value;  // set when the text is one finite number
    std::string problem;          // otherwise, what is wrong and what to type instead, in plain words
};

// Spaces around the number are ignored; an empty text is neither a value nor a problem.
DecimalRead read_decimal(std::string_view text);

}  // namespace poems
