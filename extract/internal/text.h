// extract/internal/text.h: UTF-8 checks, normalisation with an offset map back to the
// original text, sentence splitting and tokenisation. Private to extract/.
#ifndef KG_EXTRACT_INTERNAL_TEXT_H_
#define KG_EXTRACT_INTERNAL_TEXT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace kg::extract::internal {

// Returns INVALID_ARGUMENT naming the byte offset of the first byte that does not
// start or continue a well-formed UTF-8 sequence (overlongs and surrogates included).
absl::Status ValidateUtf8(absl::string_view text);

// Text after normalisation, with each of its bytes mapped back to the original.
struct NormalizedText {
  std::string text;
  // For byte i of `text`: the original span of the code point (or NFC segment) it
  // came from is [begin_map[i], end_map[i]).
  std::vector<uint32_t> begin_map;
  std::vector<uint32_t> end_map;
  uint32_t original_size = 0;

  // Maps [begin, end) of `text` to the original text. An empty span maps to an empty one.
  graph::ByteSpan ToOriginal(uint32_t begin, uint32_t end) const;
};

// NFC; Vietnamese tone marks on the first vowel of final "oa", "oe", "uy" (so "hoà" and
// "hòa", "thuý" and "thúy" give identical output); zero-width characters dropped;
// non-breaking and other Unicode spaces become ' '; curly quotes become '"' and '\'';
// en and em dashes become '-'. REQUIRES: ValidateUtf8(text).ok().
NormalizedText Normalize(absl::string_view text);

// Lower case (full Unicode), keeping diacritics.
std::string Lower(absl::string_view text);

// Lower case without diacritics ("đ" -> "d"), runs of spaces and punctuation collapsed
// to one space, trimmed: the key used to compare names ("Hàng Châu" == "hang chau").
std::string Fold(absl::string_view text);

struct Token {
  uint32_t begin = 0;  // Byte offsets into the normalised text.
  uint32_t end = 0;
  std::string lower;
  uint64_t lower_hash = 0;  // WordHash(lower): lexicon lookups probe with it, never rehash.
  bool word = false;  // Letters or digits (with inner '.', '-', '\'').
  bool cap = false;   // Starts upper case, or mixes digits/upper case (01.ai, iPhone).
  bool upper_first = false;
  bool all_caps = false;  // At least two letters, all upper case.
  bool has_digit = false;
  bool has_upper_inside = false;  // An upper-case letter after a lower-case one.
  bool viet = false;  // Has a letter only Vietnamese uses (ă â đ ê ô ơ ư, tone marks).
};

// The hash the lexicons' tables key their words by; every token carries its own.
uint64_t WordHash(absl::string_view word);

// Splits `text` (normalised) into tokens; offsets are `base` + index into `text`.
std::vector<Token> Tokenize(absl::string_view text, uint32_t base = 0);

struct Sentence {
  uint32_t begin = 0;  // Byte offsets into the normalised text.
  uint32_t end = 0;
  bool line_start = false;  // First sentence of its line.
};

// Splits normalised text into sentences: every line is split on its own (so bullet
// lines, headings and table rows are sentences), bullet markers are left out, and
// ICU's sentence breaks are undone after abbreviations ("TP.", "Mr.", "ThS.").
// Thread safety: Split is const and may run concurrently.
class SentenceSplitter {
 public:
  // Returns INTERNAL if ICU cannot create its break iterator.
  // `letter_labels`: lower-cased words after which "A." is a label ("Series A."), so
  // the dot may end the sentence.
  static absl::StatusOr<std::unique_ptr<SentenceSplitter>> Create(
      absl::flat_hash_set<std::string> abbreviations,
      absl::flat_hash_set<std::string> letter_labels = {});
  ~SentenceSplitter();

  std::vector<Sentence> Split(absl::string_view text) const;

 private:
  struct Rep;
  explicit SentenceSplitter(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// One line of a tab-separated data file (lexicons, gold files): its 1-based line
// number, for error messages, and its fields.
struct TsvLine {
  int number = 0;
  std::vector<std::string> fields;
};

// The lines of `data` split on tabs, trailing whitespace stripped; blank lines and
// lines starting with '#' are skipped.
std::vector<TsvLine> ParseTsvLines(absl::string_view data);

}  // namespace kg::extract::internal

#endif  // KG_EXTRACT_INTERNAL_TEXT_H_
