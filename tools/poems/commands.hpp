// The subcommands of `poems`. Each lives in its own cmd_<name>.cpp and returns the exit code:
// 0 success, 1 a finding worth a non-zero status (documented per command), 2 bad input or usage.
#pragma once

#include "poems/dates.hpp"

#include <span>
#include <string>
#include <string_view>

namespace poems::cli {

using Args = std::span<const std::string_view>;  // arguments after the subcommand name

struct Command {
    const char* name;
    const char* synopsis;  // one line for `poems help`
    int (*run)(Args args);
};

// The table main() dispatches on; defined in main.cpp.
std::span<const Command> commands();

// Prints `text` wrapped at `width` characters (UTF-8 characters, not bytes): the first line
// starts with `indent`, the others with `rest` ("\x01": `indent` and two spaces).
void print_wrapped(const std::string& text, const std::string& indent, std::size_t width = 100,
                   std::string rest = "\x01");

// A usage error: "poems COMMAND: MESSAGE" and the usage on stderr; returns 2.
int usage_error(const char* command, const std::string& message, const char* usage);

// The computer's local date, for commands whose --today is optional (the core never reads a clock).
Date computer_today();

}  // namespace poems::cli
