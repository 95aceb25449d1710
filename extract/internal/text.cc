#include "extract/internal/text.h"

#include <algorithm>
#include <utility>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "unicode/brkiter.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace kg::extract::internal {
namespace {

// Decodes the code point at text[i]. REQUIRES: text is valid UTF-8 and i < size.
inline UChar32 DecodeAt(absl::string_view text, size_t i, size_t* len) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  uint8_t c = s[i];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if ((c & 0xE0) == 0xC0) {
    *len = 2;
    return ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
  }
  if ((c & 0xF0) == 0xE0) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
  }
  *len = 4;
  return ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
         (s[i + 3] & 0x3F);
}

inline void AppendUtf8(UChar32 cp, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, cp, error);
  if (!error) out->append(buf, n);
}

bool IsZeroWidth(UChar32 cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
         cp == 0x00AD;
}

bool IsToneMark(UChar32 cp) {
  return cp == 0x300 || cp == 0x301 || cp == 0x303 || cp == 0x309 || cp == 0x323;
}

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

const icu::Normalizer2* Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

// Maps a code point to what normalisation keeps: -1 drops it.
UChar32 MapCodePoint(UChar32 cp) {
  if (IsZeroWidth(cp)) return -1;
  switch (cp) {
    case 0x00A0:
    case 0x2007:
    case 0x202F:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x205F:
    case 0x3000:
    case '\r':
    case '\f':
    case '\v':
      return ' ';
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return '\n';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return '"';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      return '\'';
    case 0x2013:
    case 0x2014:
    case 0x2012:
    case 0x2015:
    case 0x2212:
      return '-';
    default:
      return cp;
  }
}

}  // namespace

absl::Status ValidateUtf8(absl::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return absl::InvalidArgumentError(absl::StrFormat(
          "article text is not valid UTF-8: byte 0x%02X at byte offset %d cannot start a "
          "character; convert the file to UTF-8",
          c, i));
    }
    if (i + len > n) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "article text is not valid UTF-8: truncated %d-byte sequence at byte offset %d", len, i));
    }
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "article text is not valid UTF-8: byte 0x%02X at byte offset %d should continue "
            "the sequence that starts at byte offset %d",
            s[i + k], i + k, i));
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "article text is not valid UTF-8: overlong or surrogate sequence at byte offset %d", i));
    }
    i += len;
  }
  return absl::OkStatus();
}

graph::ByteSpan NormalizedText::ToOriginal(uint32_t begin, uint32_t end) const {
  if (begin >= end || begin >= text.size()) {
    uint32_t at = begin < begin_map.size() ? begin_map[begin] : original_size;
    return graph::ByteSpan{at, at};
  }
  if (end > text.size()) end = static_cast<uint32_t>(text.size());
  return graph::ByteSpan{begin_map[begin], end_map[end - 1]};
}

NormalizedText Normalize(absl::string_view text) {
  NormalizedText out;
  out.original_size = static_cast<uint32_t>(text.size());
  out.text.reserve(text.size());
  out.begin_map.reserve(text.size());
  out.end_map.reserve(text.size());
  const icu::Normalizer2* nfc = Nfc();
  icu::UnicodeString segment;
  uint32_t seg_begin = 0, seg_end = 0;
  std::string utf8;
  auto emit = [&](absl::string_view bytes, uint32_t b, uint32_t e) {
    if (bytes.size() == 1) {
      out.text.push_back(bytes[0]);
      out.begin_map.push_back(b);
      out.end_map.push_back(e);
      return;
    }
    out.text.append(bytes.data(), bytes.size());
    out.begin_map.insert(out.begin_map.end(), bytes.size(), b);
    out.end_map.insert(out.end_map.end(), bytes.size(), e);
  };
  auto flush = [&]() {
    if (segment.isEmpty()) return;
    utf8.clear();
    UErrorCode status = U_ZERO_ERROR;
    if (nfc != nullptr && !nfc->isNormalized(segment, status)) {
      status = U_ZERO_ERROR;
      icu::UnicodeString normalized = nfc->normalize(segment, status);
      if (U_SUCCESS(status)) normalized.toUTF8String(utf8);
    }
    if (utf8.empty()) segment.toUTF8String(utf8);
    emit(utf8, seg_begin, seg_end);
    segment.remove();
  };
  size_t i = 0;
  while (i < text.size()) {
    // Fast path: printable ASCII and single spaces followed by more ASCII, which
    // nothing maps, composes or combines with: most of an article.
    if (segment.isEmpty()) {
      while (i + 1 < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (static_cast<unsigned char>(text[i + 1]) >= 0x80) break;
        bool plain = (c > ' ' && c < 0x7F) ||
                     (c == ' ' && !out.text.empty() && out.text.back() != ' ');
        if (!plain) break;
        out.text.push_back(static_cast<char>(c));
        out.begin_map.push_back(static_cast<uint32_t>(i));
        out.end_map.push_back(static_cast<uint32_t>(i + 1));
        ++i;
      }
    }
    size_t len;
    UChar32 cp = DecodeAt(text, i, &len);
    uint32_t b = static_cast<uint32_t>(i), e = static_cast<uint32_t>(i + len);
    i += len;
    cp = MapCodePoint(cp);
    if (cp < 0) continue;
    if (cp < 0x80) {
      // ASCII always starts a new NFC segment, but it may still combine with marks
      // that follow (e + U+0301), so it opens a segment rather than being emitted.
      if (!segment.isEmpty()) flush();
      if (cp == ' ' && !out.text.empty() && out.text.back() == ' ' && segment.isEmpty()) {
        // Collapse runs of spaces into one, keeping the offsets of the first.
        out.end_map.back() = e;
        continue;
      }
      // Fast path: nothing after this ASCII character combines with it.
      unsigned char next = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
      if (next < 0x80 || next == 0xC2 || (next >= 0xC3 && next <= 0xCB)) {
        char c = static_cast<char>(cp);
        emit(absl::string_view(&c, 1), b, e);
        continue;
      }
    } else if (nfc != nullptr && !segment.isEmpty() && nfc->hasBoundaryBefore(cp)) {
      flush();
    }
    // Fast path: an already-composed character that nothing after it combines with
    // (most Vietnamese letters) is copied as it is.
    if (cp >= 0x80 && segment.isEmpty() && nfc != nullptr &&
        u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES) {
      bool boundary_after = true;
      if (i < text.size()) {
        size_t next_len;
        UChar32 next = DecodeAt(text, i, &next_len);
        boundary_after = next < 0x300 || nfc->hasBoundaryBefore(next);
      }
      if (boundary_after) {
        if (static_cast<uint32_t>(cp) == static_cast<uint32_t>(DecodeAt(text, b, &len))) {
          emit(text.substr(b, e - b), b, e);
        } else {
          std::string bytes;
          AppendUtf8(cp, &bytes);
          emit(bytes, b, e);
        }
        continue;
      }
    }
    if (segment.isEmpty()) seg_begin = b;
    segment.append(cp);
    seg_end = e;
  }
  flush();

  // Vietnamese tone placement: move the tone of final "oa", "oe", "uy" onto the first
  // vowel ("hoà" -> "hòa", "thuý" -> "thúy"), unless "u" belongs to "qu" ("quý").
  const icu::Normalizer2* nfd = Nfd();
  if (nfc == nullptr || nfd == nullptr) return out;
  const std::string& t = out.text;
  bool any = false;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    char c = t[k];
    if ((c == 'o' || c == 'O' || c == 'u' || c == 'U') && static_cast<uint8_t>(t[k + 1]) >= 0xC0) {
      any = true;
      break;
    }
  }
  if (!any) return out;
  // Copies the text between fixes in bulk; most articles need none or a few.
  NormalizedText fixed;
  size_t copied = 0;  // Bytes of `out` already in `fixed`.
  auto copy_upto = [&](size_t k) {
    if (copied == 0 && k == 0) return;
    fixed.text.append(t, copied, k - copied);
    fixed.begin_map.insert(fixed.begin_map.end(), out.begin_map.begin() + copied,
                           out.begin_map.begin() + k);
    fixed.end_map.insert(fixed.end_map.end(), out.end_map.begin() + copied,
                         out.end_map.begin() + k);
    copied = k;
  };
  size_t k = 0;
  UChar32 prev = 0;
  while (k < t.size()) {
    size_t len1;
    UChar32 c1 = DecodeAt(t, k, &len1);
    if ((c1 == 'o' || c1 == 'O' || c1 == 'u' || c1 == 'U') && k + len1 < t.size() && prev != 'q' &&
        prev != 'Q' && static_cast<uint8_t>(t[k + len1]) >= 0xC0) {
      size_t len2;
      UChar32 c2 = DecodeAt(t, k + len1, &len2);
      UChar32 next = 0;
      if (k + len1 + len2 < t.size()) {
        size_t len3;
        next = DecodeAt(t, k + len1 + len2, &len3);
      }
      icu::UnicodeString d;
      if (c2 >= 0xC0 && !u_isalpha(next) && nfd->getDecomposition(c2, d) && d.length() == 2 &&
          IsToneMark(d.charAt(1))) {
        UChar base = d.charAt(0);
        bool oa =
            (c1 == 'o' || c1 == 'O') && (base == 'a' || base == 'A' || base == 'e' || base == 'E');
        bool uy = (c1 == 'u' || c1 == 'U') && (base == 'y' || base == 'Y');
        UChar32 composed = (oa || uy) ? nfc->composePair(c1, d.charAt(1)) : U_SENTINEL;
        if (composed >= 0) {
          if (fixed.text.empty()) {
            fixed.original_size = out.original_size;
            fixed.text.reserve(t.size());
            fixed.begin_map.reserve(t.size());
            fixed.end_map.reserve(t.size());
          }
          copy_upto(k);
          std::string bytes;
          AppendUtf8(composed, &bytes);
          AppendUtf8(base, &bytes);
          uint32_t ob = out.begin_map[k], oe = out.end_map[k + len1 + len2 - 1];
          fixed.text += bytes;
          fixed.begin_map.insert(fixed.begin_map.end(), bytes.size(), ob);
          fixed.end_map.insert(fixed.end_map.end(), bytes.size(), oe);
          k += len1 + len2;
          copied = k;
          prev = base;
          continue;
        }
      }
    }
    k += len1;
    prev = c1;
  }
  if (copied == 0) return out;
  copy_upto(t.size());
  return fixed;
}

std::string Lower(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
      continue;
    }
    size_t len;
    UChar32 cp = DecodeAt(text, i, &len);
    AppendUtf8(u_tolower(cp), &out);
    i += len;
  }
  return out;
}

namespace {

// What Fold does with one code point: append `folded`, skip it (a combining mark), or
// end the word.
struct FoldStep {
  enum Kind : uint8_t { kAppend, kSkip, kBreak };
  Kind kind = kBreak;
  UChar32 folded = 0;
};

FoldStep FoldCodePoint(UChar32 cp) {
  // "đ" has no decomposition; folding it to "d" is the Vietnamese convention.
  if (cp == 0x0111 || cp == 0x0110) cp = 'd';
  const icu::Normalizer2* nfd = Nfd();
  icu::UnicodeString d;
  if (cp >= 0xC0 && nfd != nullptr && nfd->getDecomposition(cp, d)) cp = d.char32At(0);
  if (u_isalnum(cp)) return {FoldStep::kAppend, u_tolower(cp)};
  if (u_getIntPropertyValue(cp, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) {
    return {FoldStep::kSkip, 0};
  }
  return {FoldStep::kBreak, 0};
}

// Latin, Vietnamese and the other scripts below U+2000 fold from a table built once,
// since names are folded many times per article.
constexpr UChar32 kFoldTableSize = 0x2000;

const std::vector<FoldStep>& FoldTable() {
  static const std::vector<FoldStep>* table = [] {
    auto* t = new std::vector<FoldStep>(kFoldTableSize);
    for (UChar32 cp = 0; cp < kFoldTableSize; ++cp) (*t)[cp] = FoldCodePoint(cp);
    return t;
  }();
  return *table;
}

}  // namespace

std::string Fold(absl::string_view text) {
  const std::vector<FoldStep>& table = FoldTable();
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    UChar32 cp = DecodeAt(text, i, &len);
    i += len;
    FoldStep step = cp < kFoldTableSize ? table[cp] : FoldCodePoint(cp);
    if (step.kind == FoldStep::kAppend) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      if (step.folded < 0x80) {
        out.push_back(static_cast<char>(step.folded));
      } else {
        AppendUtf8(step.folded, &out);
      }
    } else if (step.kind == FoldStep::kBreak) {
      pending_space = true;
    }
  }
  return out;
}

uint64_t WordHash(absl::string_view word) { return absl::Hash<absl::string_view>{}(word); }

std::vector<Token> Tokenize(absl::string_view text, uint32_t base) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 1);  // About one token per five bytes of news text.
  size_t i = 0;
  const size_t n = text.size();
  auto is_word_cp = [](UChar32 cp) {
    if (cp < 0x80)
      return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (u_isalnum(cp)) return true;
    int8_t gc = static_cast<int8_t>(u_charType(cp));
    return gc == U_NON_SPACING_MARK || gc == U_COMBINING_SPACING_MARK;
  };
  while (i < n) {
    size_t len;
    UChar32 cp = DecodeAt(text, i, &len);
    if (cp <= ' ' || u_isUWhiteSpace(cp)) {
      i += len;
      continue;
    }
    Token tok;
    tok.begin = static_cast<uint32_t>(base + i);
    if (!is_word_cp(cp)) {
      // "'s" is one token, so "X's founder" reads as X + possessive.
      if (cp == '\'' && i + 1 < n && (text[i + 1] == 's' || text[i + 1] == 'S') &&
          (i + 2 >= n || !is_word_cp(static_cast<unsigned char>(text[i + 2])))) {
        len = 2;
      }
      tok.end = static_cast<uint32_t>(base + i + len);
      tok.lower = Lower(text.substr(i, len));
      tok.lower_hash = WordHash(tok.lower);
      tokens.push_back(std::move(tok));
      i += len;
      continue;
    }
    tok.word = true;
    size_t j = i;
    int letters = 0, uppers = 0;
    bool first = true, seen_lower = false;
    while (j < n) {
      unsigned char b = static_cast<unsigned char>(text[j]);
      if (b < 0x80 && absl::ascii_isalnum(b)) {
        // ASCII without ICU: the same answers u_isalpha, u_isupper and u_islower give.
        if (absl::ascii_isalpha(b)) {
          ++letters;
          if (absl::ascii_isupper(b)) {
            ++uppers;
            if (first) tok.upper_first = true;
            if (seen_lower) tok.has_upper_inside = true;
          } else {
            seen_lower = true;
          }
        } else {
          tok.has_digit = true;
        }
        first = false;
        ++j;
        continue;
      }
      size_t l;
      UChar32 c = DecodeAt(text, j, &l);
      if (is_word_cp(c)) {
        if (u_isalpha(c)) {
          ++letters;
          if (u_isupper(c) || u_istitle(c)) {
            ++uppers;
            if (first) tok.upper_first = true;
            if (seen_lower) tok.has_upper_inside = true;
          } else if (u_islower(c)) {
            seen_lower = true;
          }
          if (c >= 0xC0) tok.viet = true;
        } else if (u_isdigit(c)) {
          tok.has_digit = true;
        }
        first = false;
        j += l;
        continue;
      }
      // Inner '.', '-', '\'' join letters and digits (01.ai, JD.com, Kai-fu, 2.5),
      // but "-based" and "ex-" stand alone, and "'s" is split off.
      if ((c == '.' || c == '-' || c == '\'') && j + 1 < n) {
        size_t l2;
        UChar32 next = DecodeAt(text, j + 1, &l2);
        if (is_word_cp(next)) {
          if (c == '-') {
            absl::string_view sofar = text.substr(i, j - i);
            // An English past participle after a hyphen ("-based", "-backed",
            // "-headquartered", "-led") makes a compound modifier, never part of a name;
            // which ones mean what is for the lexicons (based_compound, backed_compound).
            size_t k = j + 1;
            while (k < n && text[k] >= 'a' && text[k] <= 'z') ++k;
            bool word_ends = k >= n || !is_word_cp(static_cast<unsigned char>(text[k]));
            if (word_ends && k - (j + 1) >= 3 && text[k - 2] == 'e' && text[k - 1] == 'd') break;
            if (Lower(sofar) == "ex") break;
          }
          if (c == '\'' && (next == 's' || next == 'S') &&
              (j + 2 >= n || !is_word_cp(static_cast<unsigned char>(text[j + 2])))) {
            break;
          }
          j += 1;
          continue;
        }
      }
      break;
    }
    tok.end = static_cast<uint32_t>(base + j);
    tok.lower = Lower(text.substr(i, j - i));
    tok.lower_hash = WordHash(tok.lower);
    tok.all_caps = letters >= 2 && uppers == letters;
    tok.cap = tok.upper_first || tok.has_upper_inside || (tok.has_digit && letters > 0);
    tokens.push_back(std::move(tok));
    i = j;
  }
  return tokens;
}

struct SentenceSplitter::Rep {
  std::unique_ptr<icu::BreakIterator> prototype;
  absl::flat_hash_set<std::string> abbreviations;
  absl::flat_hash_set<std::string> letter_labels;
};

SentenceSplitter::SentenceSplitter(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
SentenceSplitter::~SentenceSplitter() = default;

absl::StatusOr<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(
    absl::flat_hash_set<std::string> abbreviations,
    absl::flat_hash_set<std::string> letter_labels) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || bi == nullptr) {
    return absl::InternalError(
        absl::StrFormat("ICU sentence break iterator: %s", u_errorName(status)));
  }
  auto rep = std::make_unique<Rep>();
  rep->prototype = std::move(bi);
  rep->abbreviations = std::move(abbreviations);
  rep->letter_labels = std::move(letter_labels);
  return std::unique_ptr<SentenceSplitter>(new SentenceSplitter(std::move(rep)));
}

namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Length of a bullet marker ("- ", "• ", "📌 ", "* ") at the start of `line`, or 0.
size_t BulletLength(absl::string_view line) {
  static const char* const kBullets[] = {"- ",
                                         "* ",
                                         "+ ",
                                         "\xE2\x80\xA2 ",
                                         "\xF0\x9F\x93\x8C ",
                                         "\xE2\x96\xBA ",
                                         "\xE2\x96\xAA ",
                                         "\xE2\x97\x8F ",
                                         "> "};
  for (const char* b : kBullets) {
    absl::string_view bv(b);
    if (line.substr(0, bv.size()) == bv) return bv.size();
  }
  return 0;
}

}  // namespace

std::vector<Sentence> SentenceSplitter::Split(absl::string_view text) const {
  std::vector<Sentence> out;
  std::unique_ptr<icu::BreakIterator> bi(rep_->prototype->clone());
  size_t pos = 0;
  std::vector<uint32_t> u16_to_byte;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == absl::string_view::npos) nl = text.size();
    size_t b = pos, e = nl;
    pos = nl + 1;
    while (b < e && IsSpaceByte(text[b])) ++b;
    while (e > b && IsSpaceByte(text[e - 1])) --e;
    if (b >= e) continue;
    b += BulletLength(text.substr(b, e - b));
    while (b < e && IsSpaceByte(text[b])) ++b;
    if (b >= e) continue;
    absl::string_view line = text.substr(b, e - b);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    u16_to_byte.assign(u.length() + 1, static_cast<uint32_t>(line.size()));
    {
      size_t bi8 = 0;
      int32_t i16 = 0;
      while (bi8 < line.size() && i16 < u.length()) {
        size_t len;
        UChar32 cp = DecodeAt(line, bi8, &len);
        u16_to_byte[i16] = static_cast<uint32_t>(bi8);
        i16 += U16_LENGTH(cp);
        bi8 += len;
      }
    }
    bi->setText(u);
    std::vector<std::pair<uint32_t, uint32_t>> pieces;
    int32_t start = bi->first();
    for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; end = bi->next()) {
      uint32_t sb = u16_to_byte[start], se = u16_to_byte[end];
      while (se > sb && IsSpaceByte(line[se - 1])) --se;
      if (se > sb) {
        // Undo a break after an abbreviation or an initial ("TP.", "Mr.", "J.").
        if (!pieces.empty()) {
          absl::string_view prev =
              line.substr(pieces.back().first, pieces.back().second - pieces.back().first);
          size_t sp = prev.find_last_of(' ');
          absl::string_view last = sp == absl::string_view::npos ? prev : prev.substr(sp + 1);
          bool initial = last.size() == 2 && last[1] == '.' && last[0] >= 'A' && last[0] <= 'Z';
          if (initial && sp != absl::string_view::npos) {
            // "Series A.": a label after its word, which may end the sentence.
            absl::string_view before = prev.substr(0, sp);
            size_t sp2 = before.find_last_of(' ');
            absl::string_view word =
                sp2 == absl::string_view::npos ? before : before.substr(sp2 + 1);
            if (rep_->letter_labels.contains(absl::AsciiStrToLower(word))) initial = false;
          }
          if (initial || rep_->abbreviations.contains(std::string(last))) {
            pieces.back().second = se;
            start = end;
            continue;
          }
        }
        pieces.emplace_back(sb, se);
      }
      start = end;
    }
    bool first = true;
    for (const auto& p : pieces) {
      out.push_back(
          Sentence{static_cast<uint32_t>(b + p.first), static_cast<uint32_t>(b + p.second), first});
      first = false;
    }
  }
  return out;
}

std::vector<TsvLine> ParseTsvLines(absl::string_view data) {
  std::vector<TsvLine> lines;
  int number = 0;
  for (absl::string_view raw : absl::StrSplit(data, '\n')) {
    ++number;
    absl::string_view line = absl::StripTrailingAsciiWhitespace(raw);
    if (line.empty() || line[0] == '#') continue;
    TsvLine l;
    l.number = number;
    for (absl::string_view f : absl::StrSplit(line, '\t')) l.fields.emplace_back(f);
    lines.push_back(std::move(l));
  }
  return lines;
}

}  // namespace kg::extract::internal
