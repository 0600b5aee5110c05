// sosu: figures out of Korean and Vietnamese news text. The one header to include.
//
//   #include <sosu/sosu.h>
//   auto packs = sosu::load_packs({*sosu::default_patterns_dir()});
//   auto shared = std::make_shared<const sosu::PackSet>(std::move(*packs));
//   sosu::Extractor ex = sosu::ExtractorBuilder().packs(shared).build();
//   sosu::JsonlSink out(std::cout);
//   ex.run("note.txt", "당원 1,061명을 받아들였다.", out);
#ifndef SOSU_SOSU_H_
#define SOSU_SOSU_H_

#include "sosu/check.h"
#include "sosu/csv.h"
#include "sosu/document.h"
#include "sosu/error.h"
#include "sosu/extract.h"
#include "sosu/figure.h"
#include "sosu/jsonl.h"
#include "sosu/lang.h"
#include "sosu/numeral.h"
#include "sosu/pattern_pack.h"
#include "sosu/read.h"
#include "sosu/sink.h"
#include "sosu/text.h"

namespace sosu {
// The library version, e.g. "0.1.0".
const char* version();
}  // namespace sosu

#endif  // SOSU_SOSU_H_
