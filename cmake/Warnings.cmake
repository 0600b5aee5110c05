# sosu_warnings: the project's warning set, linked PRIVATE so library users never inherit it.
add_library(sosu_warnings INTERFACE)
target_compile_options(sosu_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Woverloaded-virtual)
if(SOSU_WARNINGS_AS_ERRORS)
  target_compile_options(sosu_warnings INTERFACE -Werror)
endif()
