// Catch2's amalgamated build has no separate main library: this is it.
#define CATCH_AMALGAMATED_CUSTOM_MAIN
#include "catch_amalgamated.hpp"
int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
