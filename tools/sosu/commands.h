// The sosu subcommands. Each returns the process exit status (0 ok, 2 errors).
#ifndef SOSU_TOOLS_COMMANDS_H_
#define SOSU_TOOLS_COMMANDS_H_

#include "flags.h"

namespace sosu::cli {

int run_extract(const Config& config);
int run_tokenize(const Config& config);
int run_text(const Config& config);
int run_check(const Config& config);
int run_compare(const Config& config);
int run_packs_check(const Config& config);
int run_version(const Config& config);

}  // namespace sosu::cli

#endif  // SOSU_TOOLS_COMMANDS_H_
