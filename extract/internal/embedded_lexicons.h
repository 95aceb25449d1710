// extract/internal/embedded_lexicons.h: the lexicon files compiled into the library.
#ifndef KG_EXTRACT_INTERNAL_EMBEDDED_LEXICONS_H_
#define KG_EXTRACT_INTERNAL_EMBEDDED_LEXICONS_H_

#include <cstddef>

namespace kg::extract::internal {

struct EmbeddedLexicon {
  const char* name;  // File name without ".tsv", e.g. "places".
  const char* data;  // The file's bytes (UTF-8).
  size_t size;
};

// Returns the table generated at build time from extract/lexicons/*.tsv.
const EmbeddedLexicon* EmbeddedLexicons(size_t* count);

}  // namespace kg::extract::internal

#endif  // KG_EXTRACT_INTERNAL_EMBEDDED_LEXICONS_H_
