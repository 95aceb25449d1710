// extract/internal/token_util.h: small tests on tokens shared by the mention finder,
// coreference and the relation rules. Private to extract/.
#ifndef KG_EXTRACT_INTERNAL_TOKEN_UTIL_H_
#define KG_EXTRACT_INTERNAL_TOKEN_UTIL_H_

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "extract/internal/analysis.h"
#include "extract/internal/lexicon.h"
#include "extract/internal/text.h"
#include "graph/model.h"

namespace kg::extract::internal {

inline bool IsPunct(const Token& t, absl::string_view p) { return !t.word && t.lower == p; }

inline bool IsSeparator(const Token& t) {
  return !t.word && (t.lower == "," || t.lower == "-" || t.lower == "(");
}

inline bool IsQuote(const Token& t) { return !t.word && (t.lower == "\"" || t.lower == "'"); }

// Whether toks[k] is the ',' or '.' inside a number written "1,2" or "500.000".
inline bool InNumber(const std::vector<Token>& toks, int k) {
  if (k < 1 || k + 1 >= static_cast<int>(toks.size())) return false;
  const Token& t = toks[k];
  return !t.word && (t.lower == "," || t.lower == ".") && toks[k - 1].has_digit &&
         toks[k + 1].has_digit && toks[k - 1].end == t.begin && t.end == toks[k + 1].begin;
}

// Whether the token is one of the single words of a lexicon word class.
inline bool In(const PhraseTable& table, const Token& t) { return table.Contains(t); }

// A domain-like name: "JD.com", "01.ai", "Udeer.AI".
inline bool LooksLikeDomain(const Lexicons& lx, absl::string_view lower) {
  size_t dot = lower.rfind('.');
  if (dot == absl::string_view::npos || dot == 0) return false;
  return lx.tld.Contains(lower.substr(dot + 1));
}

inline bool TypeFits(graph::EntityType type, graph::EntityType want) {
  return type == graph::EntityType::kUnknown || type == want;
}

inline bool IsYear(const Token& t) {
  if (!t.word || t.lower.size() != 4) return false;
  for (char c : t.lower) {
    if (c < '0' || c > '9') return false;
  }
  return t.lower[0] == '1' || t.lower[0] == '2';
}

inline bool IsNumber(const Token& t) {
  if (!t.word || t.lower.empty() || t.lower[0] < '0' || t.lower[0] > '9') return false;
  return true;
}

// A mention over tokens [b, e) of sentence `si`, its bytes and text taken from them.
inline Mention MentionOver(const NormalizedText& norm, int si, const std::vector<Token>& toks, int b,
                           int e) {
  Mention m;
  m.sentence = si;
  m.tb = b;
  m.te = e;
  m.begin = toks[b].begin;
  m.end = toks[e - 1].end;
  m.text = norm.text.substr(m.begin, m.end - m.begin);
  return m;
}

// Adds to *out the kinds of organisation (cues.tsv org_class) the phrases over tokens
// [b, e) say, longest phrase first ("quỹ đầu tư" fund, "Group" group).
inline void AddOrgClasses(const Lexicons& lx, const std::vector<Token>& toks, int b, int e,
                          std::vector<std::string>* out) {
  for (int k = b; k < e; ++k) {
    for (int len = e - k; len >= 1; --len) {
      std::string phrase;
      for (int q = k; q < k + len; ++q) {
        if (q > k) phrase.push_back(' ');
        phrase += toks[q].lower;
      }
      auto it = lx.org_class.find(Fold(phrase));
      if (it == lx.org_class.end()) continue;
      for (const std::string& c : it->second) {
        if (std::find(out->begin(), out->end(), c) == out->end()) out->push_back(c);
      }
      k += len - 1;
      break;
    }
  }
}

}  // namespace kg::extract::internal

#endif  // KG_EXTRACT_INTERNAL_TOKEN_UTIL_H_
