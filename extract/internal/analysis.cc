#include "extract/internal/analysis.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "extract/internal/tables.h"
#include "extract/internal/token_util.h"
#include "graph/status_macros.h"

namespace kg::extract::internal {

using graph::EntityType;
using graph::RelationType;

Analyzer::Analyzer(std::unique_ptr<Lexicons> lex, std::unique_ptr<SentenceSplitter> splitter)
    : lex_(std::move(lex)), splitter_(std::move(splitter)) {}
Analyzer::~Analyzer() = default;

absl::StatusOr<std::unique_ptr<Analyzer>> Analyzer::Create() {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<Lexicons> lex, Lexicons::Load());
  KG_ASSIGN_OR_RETURN(std::unique_ptr<SentenceSplitter> splitter,
                      SentenceSplitter::Create(lex->abbreviations, lex->letter_labels));
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(lex), std::move(splitter)));
}

// ---------------------------------------------------------------------------

Document Analyzer::Analyze(absl::string_view text) const {
  Document doc;
  doc.norm = Normalize(text);
  std::vector<Sentence> spans = splitter_->Split(doc.norm.text);
  doc.sentences.reserve(spans.size());
  for (const Sentence& sp : spans) {
    SentenceInfo s;
    s.span = sp;
    s.tokens =
        Tokenize(absl::string_view(doc.norm.text).substr(sp.begin, sp.end - sp.begin), sp.begin);
    doc.sentences.push_back(std::move(s));
  }
  // Tables split by '|' are read by their header row (tables.cc). Other tables: a
  // short heading line naming a headquarters column, then rows that end with a place
  // ("Rokid  Kính thông minh  Hàng Châu").
  const Lexicons& lx = *lex_;
  ReadRoleTables(lx, &doc);
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    SentenceInfo& h = doc.sentences[si];
    if (!h.span.line_start || h.tokens.size() > 12 || h.tokens.size() < 2) continue;
    if (std::any_of(h.tokens.begin(), h.tokens.end(),
                    [](const Token& tk) { return IsPunct(tk, "|"); })) {
      continue;
    }
    // A question or a sentence ("Hiện công ty đặt trụ sở ở đâu?") is no heading.
    if (IsPunct(h.tokens.back(), "?") || IsPunct(h.tokens.back(), ".")) continue;
    std::string folded =
        absl::StrCat(" ", Fold(doc.norm.text.substr(h.span.begin, h.span.end - h.span.begin)), " ");
    bool hq_heading = false;
    for (const std::string& w : lx.hq_heading) {
      hq_heading = hq_heading || absl::StrContains(folded, absl::StrCat(" ", w, " "));
    }
    if (!hq_heading) continue;
    for (size_t r = si + 1; r < doc.sentences.size(); ++r) {
      SentenceInfo& row = doc.sentences[r];
      const std::vector<Token>& t = row.tokens;
      if (!row.span.line_start || t.size() < 2 || t.size() > 16) break;
      size_t end = t.size();
      while (end > 0 && !t[end - 1].word) --end;
      bool place_end = false;
      for (size_t k = 0; k < end; ++k) {
        int m = lx.places.Match(t, k);
        if (m > 0 && k + m == end && k > 0) place_end = true;
      }
      if (!place_end || !t[0].cap) break;
      row.table_row = true;
    }
  }
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
    if (!doc.sentences[si].table_cells.empty()) {
      AddTableMentions(lx, &doc, si);
      continue;
    }
    if (doc.sentences[si].table_row) {
      // Columns: name, business, place. The business column starts at the last
      // capitalised word before the first lower-case one (or, if none, at the word
      // before the place).
      SentenceInfo& s = doc.sentences[si];
      const std::vector<Token>& t = s.tokens;
      int n = static_cast<int>(t.size());
      s.token_mention.assign(n, -1);
      int end = n;
      while (end > 0 && !t[end - 1].word) --end;
      int place_b = -1, pv = -1;
      if (s.table_place_b >= 0) {
        place_b = s.table_place_b;
        end = s.table_place_e;
        lx.places.Match(t, place_b, &pv);
      }
      for (int k = 1; k < end && place_b < 0; ++k) {
        int v = -1;
        int m = lx.places.Match(t, k, &v);
        if (m > 0 && k + m == end) {
          place_b = k;
          pv = v;
          break;
        }
      }
      int name_e = -1;
      // Cells separated by '|' or a tab are taken as they are.
      for (int k = 0; k < place_b; ++k) {
        if (IsPunct(t[k], "|")) {
          name_e = k;
          break;
        }
      }
      if (name_e < 0) {
        int first_lower = -1;
        for (int k = 0; k < place_b; ++k) {
          if (t[k].word && !t[k].cap) {
            first_lower = k;
            break;
          }
        }
        name_e = first_lower > 0 ? first_lower - 1 : place_b - 1;
        if (name_e <= 0) name_e = first_lower > 0 ? first_lower : place_b;
      }
      if (name_e > 0 && place_b > 0) {
        auto add = [&](int b, int e, EntityType type) {
          Mention m = MentionOver(doc.norm, si, t, b, e);
          m.type = type;
          m.strength = type == EntityType::kPlace ? 2 : 1;
          if (type == EntityType::kPlace) {
            m.place_key = lx.place_info[pv].key;
            m.city = lx.place_info[pv].city;
            m.region = lx.place_info[pv].region;
          }
          int idx = static_cast<int>(doc.mentions.size());
          for (int k = b; k < e; ++k) s.token_mention[k] = idx;
          s.mentions.push_back(idx);
          doc.mentions.push_back(std::move(m));
        };
        add(0, name_e, EntityType::kOrganization);
        add(place_b, end, EntityType::kPlace);
        continue;
      }
      s.table_row = false;
    }
    FindMentions(&doc, si);
  }
  ResolveEntities(&doc);
  ResolveAnaphora(&doc);
  return doc;
}

}  // namespace kg::extract::internal
