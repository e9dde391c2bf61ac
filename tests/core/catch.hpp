// One include for both builds: Debian's Catch2 v3 natively, the amalgamated header under Emscripten.
#pragma once
#ifdef POEMS_CATCH_AMALGAMATED
#include "catch_amalgamated.hpp"
#else
#include <catch2/catch_all.hpp>
#endif
