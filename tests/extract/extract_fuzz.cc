// libFuzzer target: any bytes give facts or INVALID_ARGUMENT, never a crash, and
// every span of every fact lies inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "extract/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<kg::extract::Extractor> extractor = [] {
    kg::extract::ExtractorOptions options;
    options.keep_unconfirmed = true;
    options.min_confidence = 0;
    auto e = kg::extract::Extractor::Create(options);
    if (!e.ok()) std::abort();
    return std::move(e).value();
  }();
  kg::graph::Article article;
  article.id = "fuzz";
  article.text.assign(reinterpret_cast<const char*>(data), size);
  auto facts = extractor->Extract(article);
  if (!facts.ok()) return 0;
  for (const auto& f : *facts) {
    for (const auto& span :
         {f.evidence.sentence_span, f.evidence.subject_span, f.evidence.object_span}) {
      if (span.begin > span.end || span.end > size) std::abort();
    }
  }
  return 0;
}
