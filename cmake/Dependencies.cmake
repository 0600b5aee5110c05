# Dependencies come from the system (Debian packages); nothing is downloaded.
# Each is guarded so that a parent project can supply its own target.
find_package(PkgConfig REQUIRED)

if(NOT TARGET ICU::uc)
  find_package(ICU REQUIRED COMPONENTS uc i18n)
endif()

# RE2 is linked statically where its archive is installed: matching makes some fifty thousand
# RE2 calls per MB, and each call into the shared library went through the PLT and looked up
# RE2's thread-local hook context with __tls_get_addr (2-4% of a run: bench/runs/2026-12-06b-xeon-2core).
option(SOSU_STATIC_RE2 "Link RE2's static archive when it is installed" ON)
if(NOT TARGET re2::re2)
  find_package(re2 CONFIG QUIET)
  if(NOT re2_FOUND)
    # Debian 12's libre2-dev ships only re2.pc.
    pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET GLOBAL re2)
    if(SOSU_STATIC_RE2)
      find_library(SOSU_RE2_ARCHIVE NAMES libre2.a HINTS ${RE2_LIBRARY_DIRS})
    endif()
    if(SOSU_STATIC_RE2 AND SOSU_RE2_ARCHIVE)
      find_package(Threads REQUIRED)
      add_library(sosu_re2_static STATIC IMPORTED GLOBAL)
      set_target_properties(sosu_re2_static PROPERTIES
        IMPORTED_LOCATION "${SOSU_RE2_ARCHIVE}"
        INTERFACE_INCLUDE_DIRECTORIES "${RE2_INCLUDE_DIRS}"
        INTERFACE_LINK_LIBRARIES Threads::Threads)
      add_library(re2::re2 ALIAS sosu_re2_static)
    else()
      add_library(re2::re2 ALIAS PkgConfig::RE2)
    endif()
  endif()
endif()

if(NOT TARGET pugixml::pugixml)
  find_package(pugixml 1.11 CONFIG REQUIRED)
endif()

if(NOT TARGET gumbo::gumbo)
  # The HTML5 parser (Debian: libgumbo-dev, pkg-config only).
  pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET GLOBAL gumbo)
  add_library(gumbo::gumbo ALIAS PkgConfig::GUMBO)
endif()

if(NOT TARGET archive::archive)
  # Zip files (DOCX, ODT): Debian's libarchive-dev.
  pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET GLOBAL libarchive)
  add_library(archive::archive ALIAS PkgConfig::LIBARCHIVE)
endif()

if(NOT TARGET ZLIB::ZLIB)
  find_package(ZLIB REQUIRED)  # gzip streams (WARC.gz)
endif()

if(NOT TARGET nlohmann_json::nlohmann_json)
  find_package(nlohmann_json 3 CONFIG REQUIRED)
endif()

if(SOSU_BUILD_TESTS AND NOT TARGET GTest::gtest_main)
  find_package(GTest REQUIRED)
endif()

if(SOSU_BUILD_BENCHMARKS AND NOT TARGET benchmark::benchmark)
  find_package(benchmark REQUIRED)
endif()
