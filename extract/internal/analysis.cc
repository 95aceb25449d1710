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

namespace {

bool IsPunct(const Token& t, absl::string_view p) { return !t.word && t.lower == p; }

bool IsSeparator(const Token& t) {
  return !t.word && (t.lower == "," || t.lower == "-" || t.lower == "(");
}

bool IsQuote(const Token& t) { return !t.word && (t.lower == "\"" || t.lower == "'"); }

// Whether toks[k] is the ',' or '.' inside a number written "1,2" or "500.000".
bool InNumber(const std::vector<Token>& toks, int k) {
  if (k < 1 || k + 1 >= static_cast<int>(toks.size())) return false;
  const Token& t = toks[k];
  return !t.word && (t.lower == "," || t.lower == ".") && toks[k - 1].has_digit &&
         toks[k + 1].has_digit && toks[k - 1].end == t.begin && t.end == toks[k + 1].begin;
}

// Whether the token is one of the single words of a lexicon word class.
bool In(const PhraseTable& table, const Token& t) { return table.Contains(t.lower); }

// A domain-like name: "JD.com", "01.ai", "Udeer.AI".
bool LooksLikeDomain(const Lexicons& lx, absl::string_view lower) {
  size_t dot = lower.rfind('.');
  if (dot == absl::string_view::npos || dot == 0) return false;
  return lx.tld.Contains(lower.substr(dot + 1));
}

bool TypeFits(EntityType type, EntityType want) {
  return type == EntityType::kUnknown || type == want;
}

bool IsYear(const Token& t) {
  if (!t.word || t.lower.size() != 4) return false;
  for (char c : t.lower) {
    if (c < '0' || c > '9') return false;
  }
  return t.lower[0] == '1' || t.lower[0] == '2';
}

bool IsNumber(const Token& t) {
  if (!t.word || t.lower.empty() || t.lower[0] < '0' || t.lower[0] > '9') return false;
  return true;
}

// A mention over tokens [b, e) of sentence `si`, its bytes and text taken from them.
Mention MentionOver(const NormalizedText& norm, int si, const std::vector<Token>& toks, int b,
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

}  // namespace

// ---------------------------------------------------------------------------
// Mentions.

void Analyzer::FindMentions(Document* doc, int si) const {
  const Lexicons& lx = *lex_;
  SentenceInfo& s = doc->sentences[si];
  const std::vector<Token>& toks = s.tokens;
  const int n = static_cast<int>(toks.size());
  s.token_mention.assign(n, -1);

  int letter_words = 0, caps_words = 0;
  for (const Token& t : toks) {
    if (t.word && !t.has_digit) {
      ++letter_words;
      if (t.all_caps) ++caps_words;
    }
  }
  s.headline = letter_words >= 4 && caps_words * 10 >= letter_words * 7;
  if (s.headline) return;

  auto is_function_word = [&](int k) {
    const std::string& w = toks[k].lower;
    return lx.common.Contains(w) || lx.bridge.Contains(w) || lx.coord.Contains(w) ||
           lx.filler.Contains(w) || lx.stop.Contains(w) || lx.genitive.Contains(w);
  };

  auto sentence_initial = [&](int i) {
    for (int k = 0; k < i; ++k) {
      if (toks[k].word) return false;
    }
    return true;
  };

  // Titles are never part of a name, and make the next name a person.
  std::vector<bool> blocked(n, false), person_cue_before(n + 1, false),
      former_title_before(n + 1, false);
  for (int i = 0; i < n;) {
    int m = lx.title.Match(toks, i);
    if (m > 0) {
      for (int k = i; k < i + m; ++k) blocked[k] = true;
      // "cựu phó chủ tịch Baidu", "former CEO of": after a former marker and a title
      // the name is usually the former employer.
      int tv = -1;
      bool former = i > 0 && lx.triggers.Match(toks, i - 1, &tv) == 1 &&
                    (lx.trigger_info[tv].flags & kFormer) && !toks[i - 1].cap;
      if (former && i + m < n) former_title_before[i + m] = true;
      // "a former Amazon Web Services engineer": a title that is itself a former
      // marker names the former employer next, not a person.
      int fv = -1;
      if (m == 1 && lx.triggers.Match(toks, i, &fv) == 1 && (lx.trigger_info[fv].flags & kFormer)) {
        if (i + 1 < n) former_title_before[i + 1] = true;
        i += m;
        continue;
      }
      // The name may follow the title after a few descriptive words ("kỹ sư thuật toán
      // Zhou Chang"), but not after a function word ("CEO của Alibaba").
      for (int k = i + m; k < n && k <= i + m + 3; ++k) {
        if (!toks[k].cap && is_function_word(k)) break;
        person_cue_before[k] = true;
        if (toks[k].cap || !toks[k].word) break;
      }
      i += m;
    } else {
      ++i;
    }
  }

  auto add_mention = [&](int b, int e, EntityType type, int strength) -> int {
    Mention m = MentionOver(doc->norm, si, toks, b, e);
    m.type = type;
    m.strength = strength;
    // "Tập đoàn Viettel", "Ngân hàng TMCP Kim Long": the designator before the name
    // makes its registered form, kept as an alias (capitalised as a name is written).
    if (type != EntityType::kPlace && type != EntityType::kPerson && b > 0) {
      int lm = lx.legal_prefix.MatchEndingAt(toks, b);
      if (lm > 0 && toks[b - lm].word) {
        std::string full = doc->norm.text.substr(toks[b - lm].begin, m.end - toks[b - lm].begin);
        if (!full.empty() && full[0] >= 'a' && full[0] <= 'z') {
          full[0] = static_cast<char>(full[0] - 'a' + 'A');
        } else if (absl::StartsWith(full, "\xc4\x91")) {  // "đ" -> "Đ"
          full[1] = '\x90';
        }
        m.registered_forms.push_back(std::move(full));
      }
    }
    int idx = static_cast<int>(doc->mentions.size());
    for (int k = b; k < e; ++k) s.token_mention[k] = idx;
    doc->mentions.push_back(std::move(m));
    return idx;
  };

  auto add_place = [&](int b, int e, int place_index) {
    int idx = add_mention(b, e, EntityType::kPlace, 2);
    Mention& m = doc->mentions[idx];
    m.place_key = lx.place_info[place_index].key;
    m.city = lx.place_info[place_index].city;
    m.region = lx.place_info[place_index].region;
  };

  // Types a name run [b, e) from its own words and its context.
  auto type_run = [&](int b, int e, EntityType* type, int* strength) {
    *type = EntityType::kUnknown;
    *strength = 0;
    const Token& last = toks[e - 1];
    if (lx.org_suffix.Contains(last.lower) && e - b >= 2) {
      *type = EntityType::kOrganization;
      *strength = 2;
      return;
    }
    for (int k = b; k < e; ++k) {
      if (LooksLikeDomain(lx, toks[k].lower)) {
        *type = EntityType::kOrganization;
        *strength = 2;
        return;
      }
    }
    // "công ty tìm kiếm Sogou": an organisation noun, then a few lower-case words.
    for (int k = b, steps = 0; k >= 1 && steps <= 4; --k, ++steps) {
      int pm = lx.person_prefix.MatchEndingAt(toks, k);
      int om = lx.org_prefix.MatchEndingAt(toks, k);
      // "the tutoring app Gia Su Nhanh", "drone maker Skyloom": a head noun right
      // before the name says what it is, even when its last word is a family name.
      if (om == 0 && steps == 0) om = lx.org_head.MatchEndingAt(toks, k);
      if (pm > 0 && (steps == 0 || person_cue_before[b])) {
        *type = EntityType::kPerson;
        *strength = 2;
        return;
      }
      if (om > 0) {
        *type = EntityType::kOrganization;
        *strength = 2;
        return;
      }
      const Token& t = toks[k - 1];
      if (!t.word || t.cap || is_function_word(k - 1) || lx.triggers.Match(toks, k - 1) > 0) {
        break;
      }
    }
    bool plain = true;
    for (int k = b; k < e; ++k) {
      const Token& t = toks[k];
      if (t.has_digit || t.has_upper_inside || t.all_caps ||
          t.lower.find('.') != std::string::npos) {
        plain = false;
      }
    }
    bool has_surname = false;
    for (int k = b; k < e; ++k) has_surname = has_surname || lx.surname.Contains(toks[k].lower);
    // A title before a name marks a person, but "cựu Chủ tịch Baidu" names the
    // company: one word after a title is a person only if it is a family name.
    // Weak: "Giám đốc điều hành Nông Sản Xanh" names the company after the title.
    if (former_title_before[b] && !has_surname) {
      *type = EntityType::kOrganization;
      *strength = 1;
      return;
    }
    // "tổng giám đốc Tân Cảng Xanh": a Vietnamese person's name after a title opens
    // with the family name, so a Vietnamese run that does not names the company.
    // A middle name ("Văn", "Thị") still marks a person whose family name is rare.
    if (person_cue_before[b] && toks[b].viet && !lx.surname.Contains(toks[b].lower) &&
        !(e - b >= 3 && In(lx.middle_name, toks[b + 1]))) {
      *type = EntityType::kOrganization;
      *strength = 1;
      return;
    }
    if (person_cue_before[b] && (e - b >= 2 || has_surname)) {
      *type = EntityType::kPerson;
      *strength = 1;
      return;
    }
    // "X, the electric scooter maker ...", "X, một công ty ...": an organisation.
    if (e + 1 < n && IsPunct(toks[e], ",")) {
      int k = e + 1;
      bool det = k < n && In(lx.article, toks[k]);
      if (det) ++k;
      for (int steps = 0; k < n && steps <= (det ? 5 : 0); ++k, ++steps) {
        // "X, an Austin-based fintech startup".
        if (det && k + 1 < n && IsPunct(toks[k], "-") && In(lx.based_compound, toks[k + 1])) {
          ++k;
          continue;
        }
        int hm = lx.org_head.Match(toks, k);
        // "Patel, the company's CEO": a possessive head describes someone else; the
        // role after it says who.
        if (hm > 0 && k + hm < n && toks[k + hm].lower == "'s") {
          k += hm;
          continue;
        }
        if (hm > 0) {
          *type = EntityType::kOrganization;
          *strength = 2;
          return;
        }
        // "Ribeiro, a former McKinsey consultant", "X, the company's CEO": a role.
        if (det && lx.title.Match(toks, k) > 0) {
          *type = EntityType::kPerson;
          *strength = 2;
          return;
        }
        if (!toks[k].word || is_function_word(k)) break;
      }
    }
    // "X, người ..." / "X, who ...": a person.
    if (e + 1 < n && IsPunct(toks[e], ",") && In(lx.relative, toks[e + 1])) {
      *type = EntityType::kPerson;
      *strength = 2;
      return;
    }
    int len = e - b;
    if (plain && len >= 2 && len <= 4 && has_surname) {
      *type = EntityType::kPerson;
      *strength = 1;
      return;
    }
    for (int k = b; k < e; ++k) {
      if (toks[k].has_upper_inside || (toks[k].has_digit && !toks[k].all_caps)) {
        *type = EntityType::kOrganization;
        *strength = 1;
        return;
      }
    }
    if (len == 1 && lx.org_suffix.Contains(last.lower)) {
      *type = EntityType::kUnknown;
    }
  };

  // Adds the name run [b, e), splitting off places at its ends.
  std::function<void(int, int)> add_run = [&](int b, int e) {
    if (b >= e) return;
    // Runs made only of words that are never entities ("AI", "CEO", "Big Tech").
    {
      int k = b;
      while (k < e) {
        int m = lx.non_entity.Match(toks, k);
        if (m == 0 || k + m > e) break;
        k += m;
      }
      if (k == e) return;
    }
    // "$6M", "10B", "1.2bn": an amount, never a name.
    if (e - b == 1 && b > 0 && IsPunct(toks[b - 1], "$") && toks[b].has_digit) return;
    if (e - b == 1 && toks[b].has_digit && absl::ascii_isdigit(toks[b].lower[0])) {
      absl::string_view w = toks[b].lower;
      size_t d = 0;
      while (d < w.size() && (absl::ascii_isdigit(w[d]) || w[d] == '.' || w[d] == ',')) ++d;
      absl::string_view unit = w.substr(d);
      if (unit == "m" || unit == "b" || unit == "k" || unit == "bn" || unit == "mn") return;
    }
    // "Robotics startup X", "AI company Y": a sector word before an organisation noun
    // describes the name that follows. So does any word opening the sentence there
    // ("Drone maker X", "Fintech startup Y").
    if (e - b == 1 && e < n && lx.org_suffix.Contains(toks[b].lower) &&
        lx.org_prefix.Match(toks, e) > 0) {
      return;
    }
    if (e - b == 1 && b == 0 && e < n && !toks[b].all_caps) {
      int pm = std::max(lx.org_prefix.Match(toks, e), lx.org_head.Match(toks, e));
      if (pm > 0 && e + pm < n && toks[e + pm].cap && !toks[e + pm - 1].cap) return;
    }
    // "ông Đức", "bà Giang": right after an honorific a place word is a given name.
    if (b > 0 && lx.person_prefix.MatchEndingAt(toks, b) > 0 && lx.places.Match(toks, b) == e - b) {
      add_mention(b, e, EntityType::kPerson, 2);
      return;
    }
    bool org_tail = lx.org_suffix.Contains(toks[e - 1].lower) && e - b >= 2;
    // A place inside a run is split off ("Trung Quốc ByteDance", "Lazada Việt Nam"),
    // unless the rest reads as a person's name ("Hoàng Đức Anh": Đức and Anh are also
    // given names) or as a company's ("Sequoia Capital India").
    auto person_like = [&](int from, int to) {
      for (int k = from; k < to; ++k) {
        if (lx.surname.Contains(toks[k].lower)) return true;
      }
      return false;
    };
    // "quỹ Vietnam Silicon Valley": after an organisation cue, a run made of two or
    // more place names is one organisation's name.
    if (b > 0 && lx.org_prefix.MatchEndingAt(toks, b) > 0) {
      int k = b, places_seen = 0;
      while (k < e) {
        int m = lx.places.Match(toks, k);
        if (m == 0 || k + m > e) break;
        k += m;
        ++places_seen;
      }
      if (k == e && places_seen >= 2) {
        add_mention(b, e, EntityType::kOrganization, 2);
        return;
      }
    }
    int pv = -1;
    int pm = lx.places.Match(toks, b, &pv);
    if (pm > 0 && b + pm <= e && toks[b].cap) {
      if (b + pm == e) {
        add_place(b, e, pv);
        return;
      }
      // "quỹ Nhật Bản Sakura Growth Partners", "quỹ Hàn Quốc K-Bridge Ventures": a
      // foreign country right after an organisation noun describes the name that
      // follows ("Ngân hàng Việt Nam Thịnh Vượng" is a name, so not the home country).
      bool country_after_cue = b > 0 && lx.org_prefix.MatchEndingAt(toks, b) > 0 &&
                               !lx.place_info[pv].city && !lx.place_info[pv].home &&
                               toks[b + pm].cap &&
                               !(e - (b + pm) == 1 && lx.org_suffix.Contains(toks[b + pm].lower));
      if ((!org_tail && pm > 1) || country_after_cue) {
        add_place(b, b + pm, pv);
        add_run(b + pm, e);
        return;
      }
    }
    for (int k = b + 1; k < e; ++k) {
      int v = -1;
      int m = lx.places.Match(toks, k, &v);
      if (m > 0 && k + m == e && !org_tail && !lx.org_suffix.Contains(toks[k - 1].lower) && m > 1 &&
          !person_like(b, k)) {
        add_run(b, k);
        add_place(k, e, v);
        return;
      }
    }
    EntityType type;
    int strength;
    type_run(b, e, &type, &strength);
    // "Kestrel Dynamics Inc. is ...": the designator's dot belongs to the name when
    // the sentence goes on after it.
    if (e + 1 < n && IsPunct(toks[e], ".") && toks[e].begin == toks[e - 1].end &&
        lx.corp_suffix.Match(toks, e - 1) == 2) {
      ++e;
    }
    add_mention(b, e, type, strength);
  };

  for (int i = 0; i < n; ++i) {
    int tv = -1;
    // "Ex-Meta", "Former Google engineer": the marker is not part of a name.
    if (lx.triggers.Match(toks, i, &tv) > 0 && (lx.trigger_info[tv].flags & kFormer)) {
      blocked[i] = true;
    }
  }
  // Whether the lower-case word at k continues a registered name: a syllable of its
  // business line, followed by a capitalised word within two words ("Thực phẩm Sạch",
  // "Giải pháp Phần mềm Hồng Hà").
  auto name_syllable = [&](int k) {
    if (k >= n || !toks[k].word || toks[k].cap || toks[k].has_digit || is_function_word(k) ||
        lx.triggers.Match(toks, k) > 0 || lx.modality.Match(toks, k) > 0 ||
        lx.org_prefix.Match(toks, k) > 0 || lx.anaphora.Match(toks, k) > 0) {
      return false;
    }
    for (int q = k + 1; q < n && q <= k + 2; ++q) {
      if (!toks[q].word) return false;
      if (toks[q].cap) return true;
      if (is_function_word(q) || lx.triggers.Match(toks, q) > 0) return false;
    }
    return false;
  };
  // "Tập đoàn Viettel 8 năm liền": a number before a unit of time counts time and is
  // never the end of a name.
  auto time_unit = [&](int k) { return k < n && toks[k].word && In(lx.time_unit, toks[k]); };
  for (int i = 0; i < n;) {
    const Token& t = toks[i];
    // "Công ty CP Thực phẩm Sạch Việt", "Công ty Cổ phần Giao Nhanh 247": after a legal
    // designator the name may hold lower-case syllables and a number. Names made only
    // of capitalised words take the usual path below.
    if (!blocked[i] && t.word) {
      int lm = lx.legal_prefix.Match(toks, i);
      int b = i + lm;
      if (lm > 0 && b < n && toks[b].word && toks[b].cap && !blocked[b] &&
          lx.places.Match(toks, b) == 0) {
        int j = b;
        bool inner_lower = false, number = false;
        while (j < n && toks[j].word && !blocked[j]) {
          const Token& u = toks[j];
          if (u.cap) {
            ++j;
          } else if (u.has_digit && !IsYear(u) && j > b && toks[j - 1].cap &&
                     (j + 1 >= n || !toks[j + 1].word ||
                      (!lx.finance.Contains(toks[j + 1].lower) && !lx.round.Match(toks, j + 1) &&
                       !time_unit(j + 1)))) {
            ++j;
            number = true;
            break;  // A number closes the name ("Giao Nhanh 247").
          } else if (name_syllable(j)) {
            ++j;
            inner_lower = true;
          } else {
            break;
          }
        }
        while (j > b && !toks[j - 1].cap && !toks[j - 1].has_digit) --j;
        // A registered form ("Công ty CP", "Công ty TNHH", "CTCP") always introduces
        // the name, so the designator never sticks to it ("CP Giao Vận Nhanh").
        bool registered = lm >= 3 || (lm == 1 && In(lx.registered_abbrev, toks[i]));
        if (inner_lower || number || (registered && j > b)) {
          int idx = add_mention(b, j, EntityType::kOrganization, 2);
          std::vector<std::string> words;
          for (int k = b; k < j; ++k) words.push_back(toks[k].lower);
          doc->known_names.push_back(std::move(words));
          // The brand after the business line: the capitalised words after the last
          // lower-case syllable.
          int tb = j;
          while (tb > b && toks[tb - 1].cap) --tb;
          if (inner_lower && tb > b && j - tb >= 2 && lx.places.Match(toks, tb) != j - tb) {
            for (int k = tb; j - k >= 2; ++k) {
              doc->mentions[idx].short_forms.push_back(
                  doc->norm.text.substr(toks[k].begin, toks[j - 1].end - toks[k].begin));
            }
            doc->mentions[idx].registered_forms.push_back(doc->mentions[idx].short_forms.front());
          } else if (registered && !inner_lower) {
            // "Công ty Cổ phần Logistics Tân Cảng Xanh": a capitalised business line
            // before the brand; the article may later use the brand alone.
            int tb2 = b;
            while (tb2 < j - 2 && lx.org_suffix.Contains(toks[tb2].lower)) ++tb2;
            if (tb2 > b && lx.places.Match(toks, tb2) != j - tb2) {
              for (int k = tb2; j - k >= 2; ++k) {
                doc->mentions[idx].short_forms.push_back(
                    doc->norm.text.substr(toks[k].begin, toks[j - 1].end - toks[k].begin));
              }
              doc->mentions[idx].registered_forms.push_back(doc->mentions[idx].short_forms.front());
            }
          }
          i = j;
          continue;
        }
      }
    }
    // "từ 500 Global", "by 500 Startups", "quỹ 500 Global": a bare count right after
    // "from", "by", a list joiner or an organisation noun, followed by a capitalised word
    // that is no unit, opens a name (a count of things would be followed by a noun).
    if (!blocked[i] && t.word && t.has_digit && !t.cap && !IsYear(t) && t.lower.size() <= 3 &&
        std::all_of(t.lower.begin(), t.lower.end(),
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        i + 1 < n &&
        (i == 0 || In(lx.source_from, toks[i - 1]) || In(lx.agent_by, toks[i - 1]) ||
         lx.coord.Match(toks, i - 1) == 1 || lx.org_prefix.MatchEndingAt(toks, i) > 0) &&
        toks[i + 1].word && toks[i + 1].cap && !blocked[i + 1] && !toks[i + 1].has_digit &&
        !lx.currency.Match(toks, i + 1) && !lx.scale.Match(toks, i + 1) &&
        !In(lx.month, toks[i + 1]) && !time_unit(i + 1) && !lx.round.Match(toks, i + 1) &&
        !lx.places.Match(toks, i + 1) && !lx.org_prefix.Match(toks, i + 1) &&
        !lx.person_prefix.Match(toks, i + 1) && !lx.title.Match(toks, i + 1) &&
        !lx.common.Contains(toks[i + 1].lower)) {
      int j = i + 1;
      while (j < n && toks[j].word && toks[j].cap && !blocked[j]) ++j;
      add_mention(i, j, EntityType::kOrganization, 1);
      i = j;
      continue;
    }
    if (blocked[i] || !t.word || !t.cap) {
      ++i;
      continue;
    }
    // A name with lower-case syllables met earlier behind a legal designator.
    {
      int best = 0;
      for (const std::vector<std::string>& name : doc->known_names) {
        int len = static_cast<int>(name.size());
        if (len <= best || i + len > n) continue;
        bool same = true;
        for (int k = 0; k < len && same; ++k) same = toks[i + k].lower == name[k];
        if (same) best = len;
      }
      // "Ngân hàng TMCP Bảo Tín" ... "Bảo Tín Bank", "Bảo Tín Capital": capitalised
      // words right after the known name belong to this name, a unit or a fund.
      while (best > 0 && i + best < n && toks[i + best].word && toks[i + best].cap &&
             !blocked[i + best] && lx.places.Match(toks, i + best) == 0) {
        ++best;
      }
      if (best > 0) {
        add_mention(i, i + best, EntityType::kOrganization, 2);
        i += best;
        continue;
      }
    }
    // Place names written with lower-case words or dots ("TP. Hồ Chí Minh",
    // "Thung lũng Silicon").
    {
      int pv = -1;
      int pm = lx.places.Match(toks, i, &pv);
      bool mixed = false;
      for (int k = i; k < i + pm; ++k) mixed = mixed || !(toks[k].word && toks[k].cap);
      if (pm > 0 && mixed) {
        add_place(i, i + pm, pv);
        i += pm;
        continue;
      }
    }
    // "Đại học Bắc Kinh", "Viện Công nghệ Massachusetts": the prefix is in the name.
    int im = lx.institution.Match(toks, i);
    if (im > 0) {
      int j = i + im;
      while (j < n) {
        const Token& u = toks[j];
        if (u.word && u.cap && !blocked[j]) {
          ++j;
        } else if (u.word && !u.cap && j > i + im && toks[j - 1].cap && !is_function_word(j) &&
                   j + 1 < n && toks[j + 1].word && toks[j + 1].cap) {
          ++j;
        } else if (u.word && !u.cap && !u.has_digit && j > i + im && toks[j - 1].cap &&
                   (u.viet || toks[j - 1].viet) && !is_function_word(j) && !time_unit(j) &&
                   lx.name_end.Match(toks, j) == 0 && lx.triggers.Match(toks, j) == 0 &&
                   lx.modality.Match(toks, j) == 0 && lx.anaphora.Match(toks, j) == 0 &&
                   lx.org_prefix.Match(toks, j) == 0 && lx.title.Match(toks, j) == 0) {
          // "Đại học Ngoại thương", "Học viện Bưu chính Viễn thông": a Vietnamese word's
          // second syllable is written lower-case inside the name; it ends at the
          // next boundary ("năm", "và", a verb, punctuation).
          ++j;
          if (!(j < n && toks[j].word && toks[j].cap)) break;
        } else if (u.word && !u.cap && j > i + im && toks[j - 1].cap && !is_function_word(j) &&
                   !u.has_digit && j == i + im + 1) {
          ++j;  // "Đại học" + one lower syllable is unusual; keep it only when a name follows.
          if (!(j < n && toks[j].cap)) {
            --j;
            break;
          }
        } else {
          break;
        }
      }
      while (j > i + im && !toks[j - 1].cap &&
             !(j - 1 > i + im && toks[j - 2].cap && (toks[j - 1].viet || toks[j - 2].viet))) {
        --j;
      }
      if (j > i + im) {
        add_mention(i, j, EntityType::kOrganization, 2);
        i = j;
        continue;
      }
    }
    int j = i;
    while (j < n && toks[j].word && toks[j].cap && !blocked[j]) ++j;
    // "Vision Fund 2", "Quỹ Mekong 3": a fund's series number ends its name.
    if (j > i && j < n && lx.org_suffix.Contains(toks[j - 1].lower) && toks[j].word &&
        toks[j].has_digit && toks[j].lower.size() <= 2 && !toks[j].cap &&
        (j + 1 >= n || !toks[j + 1].word ||
         (!time_unit(j + 1) && !lx.finance.Contains(toks[j + 1].lower) &&
          !lx.scale.Contains(toks[j + 1].lower)))) {
      ++j;
    }
    // "Hanoi University of Science and Technology", "the University of Melbourne": an
    // institution's name runs on over "of" and the joiners after it.
    if (j > i && lx.institution.Contains(toks[j - 1].lower)) {
      bool of_seen = false;
      while (j + 1 < n && toks[j + 1].word && toks[j + 1].cap && !blocked[j + 1] &&
             (In(lx.name_of, toks[j]) || (of_seen && In(lx.name_joiner, toks[j])))) {
        of_seen = true;
        j += 2;
        while (j < n && toks[j].word && toks[j].cap && !blocked[j]) ++j;
      }
    }
    if (j == i) {
      ++i;
      continue;
    }
    int b = i;
    // Leading cue words are not part of the name: "Ông Xiaochuan", "Tập đoàn Alibaba".
    while (b < j) {
      int pm = lx.person_prefix.Match(toks, b);
      int om = lx.org_prefix.Match(toks, b);
      if (pm > 0 && b + pm < j) {
        for (int k = b + pm; k <= b + pm && k < n; ++k) person_cue_before[k] = true;
        b += pm;
      } else if (om > 0 && b + om < j) {
        b += om;
      } else if (lx.common.Contains(toks[b].lower) && !lx.places.Match(toks, b) &&
                 !(lx.surname.Contains(toks[b].lower) && j - b >= 2 && j - b <= 3 &&
                   toks[b + 1].lower.size() >= 4 && !toks[b + 1].viet &&
                   lx.common.Match(toks, b + 1) == 0 && lx.org_suffix.Match(toks, b + 1) == 0)) {
        ++b;
      } else {
        break;
      }
    }
    // "nền tảng học tập K-12 Kiến Tập", "COVID-19 Tracker Labs": a hyphenated code
    // with digits ahead of a name of two or more words is a modifier of the noun before.
    if (b < j && j - b >= 3 && toks[b].has_digit && toks[b].lower.find('-') != std::string::npos &&
        !toks[b + 1].has_digit) {
      ++b;
    }
    // A lone capitalised cue word ("Startup này", "Ông nói") is not a name.
    if (b < j && j - b == 1 &&
        (lx.org_prefix.Match(toks, b) >= 1 || lx.person_prefix.Match(toks, b) >= 1 ||
         lx.anaphora.Match(toks, b) > 0 || lx.title.Match(toks, b) == 1 ||
         (sentence_initial(b) && lx.triggers.Match(toks, b) > 0))) {
      b = j;
    }
    // "Rời Intel năm 2019, ...", "Founder Chayanin Srisuk left ...": a verb or role noun
    // opening the sentence is not part of the name (in English only before a name of two
    // or more words, so "Backed Capital" stays whole).
    if (b < j && j - b >= 2 && sentence_initial(b)) {
      int tm = lx.triggers.Match(toks, b);
      if (tm > 0 && (toks[b].viet ? b + tm < j : b + tm + 1 < j)) b += tm;
    }
    // A capitalised Vietnamese word opening the sentence is usually just the first word.
    if (b < j && j - b == 1 && sentence_initial(b) && toks[b].viet &&
        lx.places.Match(toks, b) == 0) {
      b = j;
    }
    // "Giám đốc Điều hành Alibaba Eddie Yongming Wu", "Chủ tịch FPT Trương Gia Bình":
    // after a title one capitalised run may hold the company, then the person.
    if (b < j && j - b >= 3 && person_cue_before[b] && !lx.surname.Contains(toks[b].lower)) {
      int split = -1;
      for (int k = b + 1; k + 1 < j && split < 0; ++k) {
        if (lx.org_suffix.Contains(toks[k - 1].lower) && j - k <= 4) split = k;
      }
      for (int k = b + 1; k + 1 < j && split < 0; ++k) {
        if (toks[k].viet && lx.surname.Contains(toks[k].lower) && j - k <= 4) split = k;
      }
      if (split < 0 && j - b >= 4 && lx.surname.Contains(toks[j - 1].lower)) split = j - 3;
      if (split > b) {
        if (lx.places.Match(toks, b) == split - b) {
          add_run(b, split);
        } else {
          add_mention(b, split, EntityType::kOrganization, 1);
        }
        add_mention(split, j, EntityType::kPerson, 2);
        i = j;
        continue;
      }
    }
    // "quận Ninh Kiều", "huyện Cần Giờ", "Haidian district": a district, a place no
    // company is based in by itself (the city after it says where).
    if (b < j && b > 0 && lx.district_cue.MatchEndingAt(toks, b) > 0 &&
        lx.places.Match(toks, b) != j - b && j - b <= 3) {
      int idx = add_mention(b, j, EntityType::kPlace, 2);
      doc->mentions[idx].place_key = absl::StrCat("district:", Fold(doc->mentions[idx].text));
      i = j;
      continue;
    }
    // "TP Cần Thơ", "Tp. Đà Nẵng": the city after its abbreviated cue.
    if (b + 1 < j && In(lx.city_cue, toks[b]) && lx.places.Match(toks, b + 1) == j - b - 1) {
      int pv = -1;
      lx.places.Match(toks, b + 1, &pv);
      add_place(b + 1, j, pv);
      i = j;
      continue;
    }
    // "thành phố Tân An", "the city of Nagoya": a city the place lexicon lacks.
    if (b < j && b > 0 && lx.city_cue.MatchEndingAt(toks, b) > 0 && lx.places.Match(toks, b) == 0 &&
        j - b <= 3) {
      int idx = add_mention(b, j, EntityType::kPlace, 2);
      doc->mentions[idx].city = true;
      doc->mentions[idx].place_key = absl::StrCat("city:", Fold(doc->mentions[idx].text));
      i = j;
      continue;
    }
    add_run(b, j);
    i = j;
  }

  // Anaphora: "công ty này", "startup này", "ông", "the company", "he".
  for (int i = 0; i < n;) {
    if (s.token_mention[i] >= 0) {
      ++i;
      continue;
    }
    int kind = 0;
    int m = lx.anaphora.Match(toks, i, &kind);
    // "The Beijing-based company", "the Denver-based startup": the head noun of a
    // description that opens with a place points back like "the company".
    if (m == 0 && i >= 4 && In(lx.based_compound, toks[i - 1]) && IsPunct(toks[i - 2], "-") &&
        s.token_mention[i - 3] >= 0 &&
        doc->mentions[s.token_mention[i - 3]].type == EntityType::kPlace) {
      int pb = doc->mentions[s.token_mention[i - 3]].tb;
      if (pb >= 1 && In(lx.demonstrative, toks[pb - 1])) {
        m = lx.description_head.Match(toks, i, &kind) > 0 ? 1 : 0;
      }
    }
    if (m == 0) {
      ++i;
      continue;
    }
    // "hai anh em Ngô Đức Thắng và ...": a longer prefix of names starting here ("anh em",
    // brothers) is not the pronoun "anh".
    if (int pm = lx.person_prefix.Match(toks, i); pm > m) {
      i += pm;
      continue;
    }
    bool ok = true;
    int after = i + m;
    AnaphorKind ak = static_cast<AnaphorKind>(kind);
    for (int k = i; k < after; ++k) {
      if (s.token_mention[k] >= 0) ok = false;
    }
    // Followed by a name: a cue ("ông Wu", "công ty Sogou"), not an anaphor.
    if (after < n && toks[after].word && toks[after].cap) ok = false;
    if (ak == AnaphorKind::kPerson) {
      if (toks[i].cap && !sentence_initial(i)) ok = false;
    }
    if (ak == AnaphorKind::kRoundInitial) {
      if (!sentence_initial(i)) ok = false;
      ak = AnaphorKind::kRound;
    }
    bool pronoun = false;
    if (ak == AnaphorKind::kOrgPronoun) {
      // "Last year it acquired X", "said it had invested in Y": only as the subject of
      // a relation verb, after at most two auxiliaries.
      int k = after;
      while (k < n && k <= after + 2 && lx.filler.Match(toks, k) > 0) k += lx.filler.Match(toks, k);
      int tv = -1;
      ok = ok && k < n && lx.triggers.Match(toks, k, &tv) > 0 &&
           !(lx.trigger_info[tv].flags & (kFormer | kNoun | kCircum | kHqNoun | kReverseHq)) &&
           lx.trigger_info[tv].left_is_subject;
      ak = AnaphorKind::kOrgBare;
      pronoun = true;
    }
    if (ak == AnaphorKind::kOrgBare) {
      // "các công ty", "một công ty": generic, not an anaphor.
      if (i > 0 && In(lx.generic_det, toks[i - 1])) {
        ok = false;
      }
      // "công ty tìm kiếm Sogou": a cue for the name a few words on.
      for (int k = after; ok && k < n && k <= after + 4; ++k) {
        if (s.token_mention[k] >= 0) {
          if (doc->mentions[s.token_mention[k]].type != EntityType::kPlace) ok = false;
          break;
        }
        if (!toks[k].word || lx.filler.Contains(toks[k].lower) || lx.triggers.Match(toks, k) ||
            lx.bridge.Contains(toks[k].lower)) {
          break;
        }
      }
      bool ascii = true;
      for (char c : toks[i].lower) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      bool clause_start =
          sentence_initial(i) || (i > 0 && (IsPunct(toks[i - 1], ",") || IsQuote(toks[i - 1]) ||
                                            In(lx.clause_opener, toks[i - 1])));
      // "người sáng lập tập đoàn", "Đồng sáng lập công ty là ...".
      bool founder_of = lx.founder_noun.MatchEndingAt(toks, i) > 0;
      // "12% cổ phần công ty": the company whose share a percentage is.
      bool share_of = false;
      for (int k = i - 1; k >= 1 && k >= i - 3 && In(lx.share_word, toks[k]); --k) {
        share_of = share_of || IsPunct(toks[k - 1], "%");
      }
      bool object_slot = founder_of || share_of || (i > 0 && In(lx.object_marker, toks[i - 1]));
      bool giant = In(lx.epithet, toks[i]);
      if (!ascii && !clause_start && !object_slot && !giant) ok = false;
      // "VNG, công ty công nghệ ...": an appositive describing the name before it.
      if (i >= 2 && IsPunct(toks[i - 1], ",") && s.token_mention[i - 2] >= 0 && after < n &&
          toks[after].word && lx.filler.Match(toks, after) == 0 &&
          lx.modality.Match(toks, after) == 0 && lx.triggers.Match(toks, after) == 0) {
        ok = false;
      }
    }
    if (!ok) {
      i = after;
      continue;
    }
    Mention mm = MentionOver(doc->norm, si, toks, i, after);
    mm.anaphor = true;
    mm.anaphor_kind = pronoun ? AnaphorKind::kOrgPronoun : ak;
    // "12% cổ phần công ty": the anaphor is a possessor, so not its sentence's subject.
    if (ak == AnaphorKind::kOrgBare && i >= 2 && In(lx.share_word, toks[i - 1])) {
      for (int k = i - 1; k >= 1 && k >= i - 3 && In(lx.share_word, toks[k]); --k) {
        mm.genitive = mm.genitive || IsPunct(toks[k - 1], "%");
      }
    }
    mm.type = ak == AnaphorKind::kPerson ? EntityType::kPerson : EntityType::kOrganization;
    int idx = static_cast<int>(doc->mentions.size());
    for (int k = i; k < after; ++k) s.token_mention[k] = idx;
    doc->mentions.push_back(std::move(mm));
    i = after;
  }

  // Collect this sentence's mentions in token order, and their context flags.
  for (int k = 0; k < n; ++k) {
    int mi = s.token_mention[k];
    if (mi >= 0 && (s.mentions.empty() || s.mentions.back() != mi)) s.mentions.push_back(mi);
  }
  for (size_t a = 0; a < s.mentions.size(); ++a) {
    Mention& m = doc->mentions[s.mentions[a]];
    if (m.tb > 0 && lx.genitive.Contains(toks[m.tb - 1].lower)) m.genitive = true;
    // "Theo X, ..." / "According to X, ...": a source, not an actor.
    for (int k = m.tb - 1; k >= 0 && k >= m.tb - 8; --k) {
      if (IsPunct(toks[k], ",")) break;
      if (lx.source.MatchEndingAt(toks, k + 1) > 0) {
        m.source = true;
        break;
      }
    }
    // "BEIJING (Reuters) - ...": a dateline names the agency, not an actor.
    if (m.tb >= 1 && m.tb <= 8 && IsPunct(toks[m.tb - 1], "(") && m.te + 1 < n &&
        IsPunct(toks[m.te], ")") &&
        (IsPunct(toks[m.te + 1], "-") || toks[m.te + 1].lower == "–" ||
         toks[m.te + 1].lower == "—" || toks[m.te + 1].lower == "--")) {
      m.source = true;
    }
    // "CafeF - Căn Hộ Số, ...": a publication's name opening the first line of text
    // before a dash.
    if (m.tb == 0 && a + 1 < s.mentions.size() && m.te + 1 < n && !m.anaphor &&
        (IsPunct(toks[m.te], "-") || toks[m.te].lower == "–") &&
        doc->mentions[s.mentions[a + 1]].tb == m.te + 1 && m.type != EntityType::kPlace &&
        m.type != EntityType::kPerson) {
      m.source = true;
    }
    // "Baichuan (A Hundred Rivers)", "Lý Ngạn Hoành (Robin Li)": one entity.
    if (m.tb >= 2 && IsPunct(toks[m.tb - 1], "(") && m.te < n && IsPunct(toks[m.te], ")")) {
      int prev = s.token_mention[m.tb - 2];
      if (prev >= 0 && !m.anaphor && !doc->mentions[prev].anaphor &&
          (doc->mentions[prev].type != EntityType::kPlace) == (m.type != EntityType::kPlace)) {
        m.alias_of = prev;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Entities: one per thing the article names, with its other names as aliases.

void Analyzer::ResolveEntities(Document* doc) const {
  const Lexicons& lx = *lex_;
  std::vector<int> order;
  for (int i = 0; i < static_cast<int>(doc->mentions.size()); ++i) {
    if (!doc->mentions[i].anaphor) order.push_back(i);
  }
  auto ntok = [&](int i) { return doc->mentions[i].te - doc->mentions[i].tb; };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (ntok(a) != ntok(b)) return ntok(a) > ntok(b);
    return doc->mentions[a].text.size() > doc->mentions[b].text.size();
  });

  struct Cluster {
    std::vector<int> mentions;
    std::vector<std::string> tokens;  // Folded words of the fullest name.
    std::string core;                 // Folded name without corporate suffixes.
    std::string place_key;
    bool person = false, org = false;
  };
  std::vector<Cluster> clusters;
  absl::flat_hash_map<std::string, int> by_fold, by_core, by_place;

  auto core_of = [&](const Mention& m) {
    const SentenceInfo& s = doc->sentences[m.sentence];
    int e = m.te;
    while (e - m.tb > 1 &&
           (lx.corp_suffix.Contains(s.tokens[e - 1].lower) || !s.tokens[e - 1].word)) {
      --e;
    }
    std::string core = Fold(
        doc->norm.text.substr(s.tokens[m.tb].begin, s.tokens[e - 1].end - s.tokens[m.tb].begin));
    // "Udeer.AI" and "Udeer", "JD.com" and "JD".
    if (e - m.tb == 1) {
      absl::string_view lower = s.tokens[m.tb].lower;
      size_t dot = lower.rfind('.');
      if (dot != absl::string_view::npos && dot > 0 && LooksLikeDomain(lx, lower)) {
        core = Fold(lower.substr(0, dot));
      }
    }
    return core;
  };

  std::vector<int> cluster_of(doc->mentions.size(), -1);
  for (int mi : order) {
    const Mention& m = doc->mentions[mi];
    std::string fold = Fold(m.text);
    int c = -1;
    if (m.type == EntityType::kPlace) {
      auto it = by_place.find(m.place_key);
      if (it != by_place.end()) c = it->second;
    } else {
      auto it = by_fold.find(fold);
      if (it != by_fold.end() && clusters[it->second].place_key.empty()) c = it->second;
      std::string core = core_of(m);
      // A name typed a person only by its words ("Sao Mai": Mai is a family name)
      // still joins the company whose brand it is.
      if (c < 0 && (m.type != EntityType::kPerson || m.strength < 2)) {
        auto ic = by_core.find(core);
        if (ic != by_core.end() && !clusters[ic->second].person) c = ic->second;
      }
      bool person_like = m.type == EntityType::kPerson;
      {
        const SentenceInfo& s = doc->sentences[m.sentence];
        for (int k = m.tb; k < m.te; ++k) {
          if (lx.surname.Contains(s.tokens[k].lower)) person_like = true;
        }
      }
      if (c < 0 && person_like) {
        // A person named again with fewer words or in another order.
        std::vector<std::string> words = absl::StrSplit(fold, ' ', absl::SkipEmpty());
        int found = -1, hits = 0;
        for (int k = 0; k < static_cast<int>(clusters.size()); ++k) {
          const Cluster& cl = clusters[k];
          if (!cl.person || cl.tokens.size() < words.size()) continue;
          bool all = true;
          for (const std::string& w : words) {
            if (std::find(cl.tokens.begin(), cl.tokens.end(), w) == cl.tokens.end()) all = false;
          }
          if (all) {
            found = k;
            ++hits;
          }
        }
        if (hits == 1) c = found;
      }
      if (c < 0 && m.type != EntityType::kOrganization && m.te - m.tb == 1) {
        // "Aggarwal" after "Bhavish Aggarwal": a family name alone, if only one
        // two- or three-word name that is not a company ends with it.
        int found = -1, hits = 0;
        for (int k = 0; k < static_cast<int>(clusters.size()); ++k) {
          const Cluster& cl = clusters[k];
          if (cl.org || !cl.place_key.empty() || cl.tokens.size() < 2 || cl.tokens.size() > 3) {
            continue;
          }
          if (cl.tokens.back() == fold) {
            found = k;
            ++hits;
          }
        }
        if (hits == 1) c = found;
      }
    }
    if (c < 0) {
      c = static_cast<int>(clusters.size());
      Cluster cl;
      cl.tokens = absl::StrSplit(fold, ' ', absl::SkipEmpty());
      cl.core = core_of(m);
      cl.place_key = m.place_key;
      clusters.push_back(std::move(cl));
      if (m.type == EntityType::kPlace) {
        by_place[m.place_key] = c;
      } else {
        by_core.emplace(clusters[c].core, c);
      }
    }
    for (const std::string& sf : m.short_forms) by_core.emplace(Fold(sf), c);
    Cluster& cl = clusters[c];
    cl.mentions.push_back(mi);
    if (m.type == EntityType::kPerson) cl.person = true;
    if (m.type == EntityType::kOrganization) cl.org = true;
    if (m.type != EntityType::kPlace) by_fold.emplace(fold, c);
    cluster_of[mi] = c;
  }

  // Parenthesised aliases join their clusters.
  std::vector<int> parent(clusters.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<int>(i);
  std::function<int(int)> find = [&](int x) {
    return parent[x] == x ? x : parent[x] = find(parent[x]);
  };
  for (size_t mi = 0; mi < doc->mentions.size(); ++mi) {
    const Mention& m = doc->mentions[mi];
    if (m.alias_of >= 0 && cluster_of[mi] >= 0 && cluster_of[m.alias_of] >= 0) {
      int a = find(cluster_of[mi]), b = find(cluster_of[m.alias_of]);
      if (a != b) parent[a] = b;
    }
  }

  absl::flat_hash_map<int, int> entity_of_root;
  for (size_t c = 0; c < clusters.size(); ++c) {
    int root = find(static_cast<int>(c));
    auto [it, inserted] = entity_of_root.emplace(root, static_cast<int>(doc->entities.size()));
    if (inserted) doc->entities.emplace_back();
    for (int mi : clusters[c].mentions) doc->mentions[mi].entity = it->second;
  }

  // Name, type and aliases of each entity.
  std::vector<std::vector<int>> members(doc->entities.size());
  for (size_t mi = 0; mi < doc->mentions.size(); ++mi) {
    if (doc->mentions[mi].entity >= 0) members[doc->mentions[mi].entity].push_back(mi);
  }
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    EntityInfo& info = doc->entities[e];
    int best = -1;
    int votes[4][3] = {};
    for (int mi : members[e]) {
      const Mention& m = doc->mentions[mi];
      auto shouting = [&](int x) {
        const Mention& mm = doc->mentions[x];
        const SentenceInfo& s = doc->sentences[mm.sentence];
        for (int k = mm.tb; k < mm.te; ++k) {
          if (!s.tokens[k].all_caps || s.tokens[k].lower.size() <= 3) return false;
        }
        return true;
      };
      if (best < 0 || (shouting(best) && !shouting(mi)) ||
          (shouting(best) == shouting(mi) &&
           (ntok(mi) > ntok(best) ||
            (ntok(mi) == ntok(best) && m.text.size() > doc->mentions[best].text.size())))) {
        best = mi;
      }
      votes[static_cast<int>(m.type)][m.strength]++;
      if (m.type == EntityType::kPlace) {
        info.place_key = m.place_key;
        info.city = m.city;
      }
    }
    info.count = static_cast<int>(members[e].size());
    info.name = doc->mentions[best].text;
    info.type = EntityType::kUnknown;
    for (int strength = 2; strength >= 1 && info.type == EntityType::kUnknown; --strength) {
      int top = 0;
      for (int t = 1; t < 4; ++t) {
        if (votes[t][strength] > top) {
          top = votes[t][strength];
          info.type = static_cast<EntityType>(t);
        }
      }
    }
    absl::flat_hash_set<std::string> seen = {Fold(info.name)};
    for (int mi : members[e]) {
      const std::string& text = doc->mentions[mi].text;
      if (seen.insert(Fold(text)).second) info.aliases.push_back(text);
    }
    if (info.type != EntityType::kPerson && info.type != EntityType::kPlace) {
      for (int mi : members[e]) {
        for (const std::string& text : doc->mentions[mi].registered_forms) {
          if (seen.insert(Fold(text)).second) info.aliases.push_back(text);
        }
      }
    }
    // "Zhipu AI" -> "Zhipu", "Kestrel Dynamics Inc." -> "Kestrel Dynamics": the base
    // name without corporate designators, so the graph can merge it with another
    // article's short form. Unit words (Cloud, Research) are not designators, so
    // "Alibaba Cloud" keeps apart from "Alibaba". Only a distinctive base: not a
    // common or cue word, not a place, three letters at least.
    if (info.type == EntityType::kOrganization) {
      std::vector<Token> nt = Tokenize(info.name);
      int e = static_cast<int>(nt.size());
      while (e > 1 && (!nt[e - 1].word || lx.corp_suffix.Contains(nt[e - 1].lower))) --e;
      if (e > 0 && e < static_cast<int>(nt.size())) {
        std::string base = info.name.substr(0, nt[e - 1].end - nt[0].begin);
        std::string folded = Fold(base);
        int letters = 0;
        for (unsigned char c : folded) letters += (c >= 'a' && c <= 'z') || c >= 0x80;
        bool generic = false;
        if (e == 1) {
          const std::string& w = nt[0].lower;
          generic = lx.common.Contains(w) || lx.stop.Contains(w) || lx.filler.Contains(w) ||
                    lx.non_entity.Contains(w) || lx.org_prefix.Contains(w) ||
                    lx.org_suffix.Contains(w) || lx.title.Contains(w) || lx.surname.Contains(w) ||
                    !nt[0].cap;
        }
        if (lx.places.Match(nt, 0) >= e) generic = true;
        if (!generic && letters >= 3 && seen.insert(folded).second) {
          info.aliases.push_back(base);
        }
      }
    }
    if (!info.place_key.empty()) {
      auto it = lx.place_names_by_key.find(info.place_key);
      if (it != lx.place_names_by_key.end()) {
        for (const std::string& name : it->second) {
          if (seen.insert(Fold(name)).second) info.aliases.push_back(name);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Coreference: each anaphor takes the entity it most plausibly points back to.

namespace {

// 1 for an honorific or pronoun of a man, 2 of a woman, 0 if it does not say.
int GenderOf(const Lexicons& lx, absl::string_view w) {
  if (lx.honorific_male.Contains(w)) return 1;
  if (lx.honorific_female.Contains(w)) return 2;
  return 0;
}

}  // namespace

void Analyzer::ResolveAnaphora(Document* doc) const {
  absl::flat_hash_map<int, int> seen_count;  // Entity -> named mentions so far.
  absl::flat_hash_map<int, int> gender;      // Entity -> GenderOf its honorific.
  struct Seen {
    int mention;
    int sentence;
  };
  std::vector<Seen> history;
  for (int si = 0; si < static_cast<int>(doc->sentences.size()); ++si) {
    const SentenceInfo& s = doc->sentences[si];
    for (int mi : s.mentions) {
      Mention& m = doc->mentions[mi];
      if (!m.anaphor) {
        if (m.entity >= 0) {
          if (m.tb > 0) {
            int g = GenderOf(*lex_, s.tokens[m.tb - 1].lower);
            if (g != 0) gender[m.entity] = g;
          }
          // Salience: every mention counts, and the subject of a full sentence (its
          // first name, in a sentence that ends like one) counts more than a heading.
          seen_count[m.entity]++;
          const std::vector<Token>& toks = s.tokens;
          bool full_sentence = !toks.empty() && !toks.back().word &&
                               (toks.back().lower == "." || toks.back().lower == "?" ||
                                toks.back().lower == "!" || toks.back().lower == "\"");
          if (full_sentence && mi == s.mentions.front()) seen_count[m.entity] += 2;
          history.push_back(Seen{mi, si});
        }
        continue;
      }
      auto entity_type = [&](int mention) {
        int e = doc->mentions[mention].entity;
        return e >= 0 ? doc->entities[e].type : EntityType::kUnknown;
      };
      int chosen = -1;
      if (m.anaphor_kind == AnaphorKind::kRound) {
        // The subject of the last sentence (of the six before) that speaks of
        // money: "X huy động 5 triệu USD ... . Vòng này do Y dẫn dắt."
        // A sentence naming a round ("vòng", "Series A") first, else one about money.
        for (int pass = 0; pass < 2 && chosen < 0; ++pass) {
          for (int ps = si - 1; ps >= 0 && ps >= si - 6 && chosen < 0; --ps) {
            const SentenceInfo& p = doc->sentences[ps];
            // "Y also joined the round" after "X joined the round": the same round.
            for (int pm : p.mentions) {
              const Mention& c = doc->mentions[pm];
              if (c.anaphor && c.anaphor_kind == AnaphorKind::kRound && c.entity >= 0) {
                chosen = c.entity;
              }
            }
            if (chosen >= 0) break;
            bool money = false;
            for (size_t k = 0; k < p.tokens.size() && !money; ++k) {
              money = lex_->round.Match(p.tokens, k) > 0 ||
                      (pass == 1 && lex_->finance.Match(p.tokens, k) > 0);
            }
            if (!money) continue;
            for (int pm : p.mentions) {
              const Mention& c = doc->mentions[pm];
              if (c.source || c.type == EntityType::kPlace) continue;
              EntityType t = entity_type(pm);
              if (c.entity >= 0 && (t == EntityType::kOrganization || t == EntityType::kUnknown)) {
                chosen = c.entity;
              }
              break;
            }
          }
        }
      } else if (m.anaphor_kind == AnaphorKind::kPerson) {
        // "Bà Lan ... Ông rời Grab": an honorific of the other gender is someone else.
        const SentenceInfo& ms = doc->sentences[si];
        int want_gender = GenderOf(*lex_, ms.tokens[m.tb].lower);
        for (auto it = history.rbegin(); it != history.rend(); ++it) {
          int ce = doc->mentions[it->mention].entity;
          auto g = gender.find(ce);
          if (want_gender != 0 && g != gender.end() && g->second != want_gender) continue;
          if (entity_type(it->mention) == EntityType::kPerson) {
            chosen = doc->mentions[it->mention].entity;
            break;
          }
          // "Patel is ... . She earned ...": an untyped name of two or three words that
          // opens this sentence or the one before is a person the pronoun may mean.
          const Mention& c = doc->mentions[it->mention];
          if (entity_type(it->mention) == EntityType::kUnknown && ce >= 0 && !c.source &&
              si - it->sentence <= 1 &&
              doc->sentences[it->sentence].mentions.front() == it->mention) {
            std::vector<Token> nt = Tokenize(doc->entities[ce].name);
            bool name_like = nt.size() >= 2 && nt.size() <= 3;
            for (const Token& t : nt) name_like = name_like && t.word && t.cap && !t.has_digit;
            if (name_like && !lex_->org_suffix.Contains(nt.back().lower)) {
              chosen = ce;
              break;
            }
          }
        }
      } else if (m.anaphor_kind == AnaphorKind::kOrgDemonstrative) {
        // "cựu giám đốc của X, rời công ty này": after a verb or preposition that takes
        // an object, the company this sentence already named.
        const SentenceInfo& ms = doc->sentences[si];
        if (m.tb > 0 && lex_->object_marker.Contains(ms.tokens[m.tb - 1].lower)) {
          for (auto it = history.rbegin(); it != history.rend() && it->sentence == si; ++it) {
            const Mention& c = doc->mentions[it->mention];
            EntityType t = entity_type(it->mention);
            // An untyped name counts when it was a possessor or a workplace ("của X").
            bool owner =
                c.genitive || (c.tb > 0 && lex_->locative.Contains(ms.tokens[c.tb - 1].lower));
            if (!c.source &&
                (t == EntityType::kOrganization || (t == EntityType::kUnknown && owner))) {
              chosen = c.entity;
              break;
            }
          }
        }
        // "The startup ..." right after a sentence about X: X, the previous
        // sentence's subject, if it is a company or an untyped name.
        // A dateline's agency ("(Bloomberg) -- X ...") is not the subject.
        int first = -1;
        if (si > 0) {
          for (int pm : doc->sentences[si - 1].mentions) {
            if (!doc->mentions[pm].source) {
              first = pm;
              break;
            }
          }
        }
        if (chosen < 0 && first >= 0) {
          const Mention& c = doc->mentions[first];
          EntityType t = entity_type(first);
          // An untyped name of two words or more with no cue ("Maya Lindqvist") is
          // more often a person; a single untyped word ("Rokid") a company.
          bool untyped_word = t == EntityType::kUnknown && c.entity >= 0 &&
                              doc->entities[c.entity].name.find(' ') == std::string::npos;
          // A Vietnamese name that does not open with a family name ("Lạc Hồng") is
          // not a person's.
          const std::vector<Token>& pt0 = doc->sentences[si - 1].tokens;
          if (t == EntityType::kUnknown && c.entity >= 0 && pt0[c.tb].viet &&
              !lex_->surname.Contains(pt0[c.tb].lower)) {
            untyped_word = true;
          }
          // The subject opens the sentence, or follows an opening phrase of time
          // ("Năm 2017, X ...", "In 2019, X ...").
          const std::vector<Token>& pt = doc->sentences[si - 1].tokens;
          bool opens = c.tb <= 1 || (c.tb >= 2 && pt[c.tb - 1].lower == "," && c.tb <= 7 &&
                                     std::any_of(pt.begin(), pt.begin() + c.tb,
                                                 [](const Token& t) { return t.has_digit; }));
          if (!c.anaphor && c.entity >= 0 && opens &&
              (t == EntityType::kOrganization || untyped_word)) {
            chosen = c.entity;
          }
        }
        // Otherwise the last organisation the previous sentence names ("..., để
        // thành lập doanh nghiệp riêng, Rokid. Startup này ...").
        if (chosen < 0 && si > 0) {
          for (int pm : doc->sentences[si - 1].mentions) {
            const Mention& c = doc->mentions[pm];
            if (!c.anaphor && c.entity >= 0 && !c.source && !c.genitive &&
                entity_type(pm) == EntityType::kOrganization) {
              chosen = c.entity;
            }
          }
        }
        // Otherwise the organisation the last few sentences talk about most: an
        // untyped name just before ("Lindqvist previously worked ...") is more often
        // a person than the company.
        if (chosen < 0) {
          int best_score = 0;
          for (auto it = history.rbegin(); it != history.rend(); ++it) {
            if (si - it->sentence > 6) break;
            const Mention& c = doc->mentions[it->mention];
            if (entity_type(it->mention) != EntityType::kOrganization || c.source || c.genitive) {
              continue;
            }
            int score = seen_count[c.entity];
            if (score > best_score) {
              chosen = c.entity;
              best_score = score;
            }
          }
        }
        for (EntityType want : {EntityType::kOrganization, EntityType::kUnknown}) {
          if (chosen >= 0) break;
          for (auto it = history.rbegin(); it != history.rend(); ++it) {
            if (want == EntityType::kUnknown && si - it->sentence > 2) break;
            const Mention& c = doc->mentions[it->mention];
            if (entity_type(it->mention) == want && !c.source) {
              chosen = c.entity;
              break;
            }
          }
          if (chosen >= 0) break;
        }
      } else {
        // Same sentence first: the nearest organisation that is not a possessor,
        // else the nearest possessor ("rời công ty" after "... của Alibaba Cloud").
        int nearest = -1, nearest_gen = -1;
        // "A và B là cổ đông của công ty": a possessive anaphor is not its own
        // sentence's subject.
        const SentenceInfo& ms = doc->sentences[si];
        bool possessive =
            m.genitive || (m.tb > 0 && lex_->genitive.Contains(ms.tokens[m.tb - 1].lower));
        for (auto it = history.rbegin(); it != history.rend() && it->sentence == si; ++it) {
          if (possessive) break;
          const Mention& c = doc->mentions[it->mention];
          EntityType t = entity_type(it->mention);
          // "kỹ sư tại Grab trước khi rời công ty": an untyped name after a locative
          // word is a workplace.
          const SentenceInfo& cs = doc->sentences[c.sentence];
          bool workplace = t == EntityType::kUnknown && c.tb > 0 &&
                           In(lex_->locative, cs.tokens[c.tb - 1]) &&
                           m.anaphor_kind != AnaphorKind::kOrgPronoun;
          if ((t != EntityType::kOrganization && !workplace) || c.source) continue;
          if (!c.genitive && nearest < 0) nearest = c.entity;
          if (c.genitive && nearest_gen < 0) nearest_gen = c.entity;
        }
        chosen = nearest >= 0 ? nearest : nearest_gen;
        if (m.anaphor_kind == AnaphorKind::kOrgPronoun && chosen < 0) {
          // "X said it had acquired Y", "X ... . Last year it acquired Y": "it" is the
          // subject of this sentence or else of the one before, when that is a company
          // or an untyped single word.
          auto subject_of = [&](int sentence) {
            const SentenceInfo& p = doc->sentences[sentence];
            // "LISBON, May 2 (Reuters) - X said ...": the dateline names no actor.
            int dateline = 0;
            for (int k = 1; k < static_cast<int>(p.tokens.size()) && k < 10; ++k) {
              if (!p.tokens[k].word && p.tokens[k].lower == "-" &&
                  p.tokens[k].begin > p.tokens[k - 1].end) {
                dateline = k;
                break;
              }
            }
            for (int pm : p.mentions) {
              if (sentence == si && doc->mentions[pm].tb >= m.tb) break;
              if (doc->mentions[pm].tb < dateline) continue;
              const Mention& c = doc->mentions[pm];
              if (c.anaphor || c.source || c.entity < 0) continue;
              EntityType t = entity_type(pm);
              if (t == EntityType::kPlace) continue;
              bool word = t == EntityType::kUnknown &&
                          doc->entities[c.entity].name.find(' ') == std::string::npos;
              return t == EntityType::kOrganization || word ? c.entity : -1;
            }
            return -1;
          };
          int subj = subject_of(si);
          if (subj < 0 && si > 0) subj = subject_of(si - 1);
          if (subj >= 0) chosen = subj;
        }
        if (chosen < 0) {
          // Otherwise the article's most talked-about organisation among recent ones.
          // Otherwise the most mentioned organisation (or untyped name) of the last
          // few sentences; typed organisations win ties.
          int best = -1, best_score = 0;
          for (auto it = history.rbegin(); it != history.rend(); ++it) {
            if (si - it->sentence > 8) break;
            if (possessive && it->sentence == si) continue;
            const Mention& c = doc->mentions[it->mention];
            EntityType t = entity_type(it->mention);
            if ((t != EntityType::kOrganization && t != EntityType::kUnknown) || c.source) {
              continue;
            }
            // "it" is taken only by a name known to be a company.
            if (m.anaphor_kind == AnaphorKind::kOrgPronoun && t != EntityType::kOrganization) {
              continue;
            }
            int score = 2 * seen_count[c.entity] + (t == EntityType::kOrganization ? 1 : 0);
            if (score > best_score) {
              best = c.entity;
              best_score = score;
            }
          }
          chosen = best;
        }
      }
      // "công ty", "the company", "startup này" never mean a school: a university
      // named just before ("tốt nghiệp tại Đại học Cần Thơ. Trước khi đồng sáng lập
      // công ty, ...") gives way to the organisation the article talks about most.
      auto institution = [&](int entity) {
        std::vector<Token> name = Tokenize(doc->entities[entity].name);
        for (size_t k = 0; k < name.size(); ++k) {
          if (lex_->institution.Match(name, k) > 0) return true;
        }
        return false;
      };
      if (chosen >= 0 &&
          (m.anaphor_kind == AnaphorKind::kOrgBare ||
           m.anaphor_kind == AnaphorKind::kOrgDemonstrative ||
           m.anaphor_kind == AnaphorKind::kOrgPronoun) &&
          institution(chosen) && lex_->institution.Match(doc->sentences[si].tokens, m.tb) == 0) {
        int best = -1, best_score = 0;
        for (auto it = history.rbegin(); it != history.rend(); ++it) {
          if (si - it->sentence > 8) break;
          const Mention& c = doc->mentions[it->mention];
          if (c.entity < 0 || c.source || c.anaphor || c.entity == chosen ||
              institution(c.entity)) {
            continue;
          }
          EntityType t = entity_type(it->mention);
          if (t != EntityType::kOrganization && t != EntityType::kUnknown) continue;
          // Untyped names of two words or more are as often people.
          if (t == EntityType::kUnknown && c.tb > 0) continue;
          int score = 2 * seen_count[c.entity] + (t == EntityType::kOrganization ? 1 : 0);
          if (score > best_score) {
            best = c.entity;
            best_score = score;
          }
        }
        chosen = best;
      }
      m.entity = chosen;
      // "she" says the untyped name it takes is a person.
      if (chosen >= 0 && !(m.anaphor_kind == AnaphorKind::kPerson &&
                           doc->entities[chosen].type == EntityType::kUnknown)) {
        m.type = doc->entities[chosen].type;
      }
      // "Arjun Patel joined ..., where he ran ...": a pronoun of a man or a woman types
      // the untyped name it points back to as a person.
      if (chosen >= 0 && m.anaphor_kind == AnaphorKind::kPerson &&
          doc->entities[chosen].type == EntityType::kUnknown &&
          GenderOf(*lex_, doc->sentences[si].tokens[m.tb].lower) != 0) {
        doc->entities[chosen].type = EntityType::kPerson;
      }
    }
  }
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
  // Tables: a short heading line naming a headquarters column, then rows that end
  // with a place ("Rokid  Kính thông minh  Hàng Châu").
  const Lexicons& lx = *lex_;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    SentenceInfo& h = doc.sentences[si];
    if (!h.span.line_start || h.tokens.size() > 12 || h.tokens.size() < 2) continue;
    std::string folded =
        absl::StrCat(" ", Fold(doc.norm.text.substr(h.span.begin, h.span.end - h.span.begin)), " ");
    bool hq_heading = false;
    for (const std::string& w : lx.hq_heading) {
      hq_heading = hq_heading || absl::StrContains(folded, absl::StrCat(" ", w, " "));
    }
    if (!hq_heading) continue;
    // "Fintech | Lĩnh vực | Trụ sở | Cổ đông": the headquarters column of a table
    // split by '|', wherever it stands.
    {
      const std::vector<Token>& ht = h.tokens;
      int pipes = 0, column = -1, cell = 0;
      for (size_t k = 0; k < ht.size(); ++k) {
        if (IsPunct(ht[k], "|")) {
          ++pipes;
          ++cell;
          continue;
        }
        for (const std::string& w : lx.hq_heading) {
          std::vector<std::string> words = absl::StrSplit(w, ' ');
          bool same = k + words.size() <= ht.size();
          for (size_t q = 0; q < words.size() && same; ++q)
            same = Fold(ht[k + q].lower) == words[q];
          if (same && column < 0) column = cell;
        }
      }
      if (pipes >= 2 && column >= 0) {
        for (size_t r = si + 1; r < doc.sentences.size(); ++r) {
          SentenceInfo& row = doc.sentences[r];
          const std::vector<Token>& t = row.tokens;
          if (!row.span.line_start || t.empty() || !t[0].cap) break;
          int b = -1, e = -1, c = 0, row_pipes = 0;
          for (int k = 0; k <= static_cast<int>(t.size()); ++k) {
            bool edge = k == static_cast<int>(t.size()) || IsPunct(t[k], "|");
            if (c == column && b < 0 && !edge) b = k;
            if (edge) {
              if (c == column && e < 0) e = k;
              if (k < static_cast<int>(t.size())) ++row_pipes;
              ++c;
            }
          }
          while (e > b && b >= 0 && !t[e - 1].word) --e;
          if (row_pipes != pipes || b < 1 || e <= b || lx.places.Match(t, b) != e - b) break;
          row.table_row = true;
          row.table_place_b = b;
          row.table_place_e = e;
        }
        continue;
      }
    }
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

// ---------------------------------------------------------------------------
// Relation rules.

namespace {

struct Slot {
  std::vector<int> mentions;
  int begin = -1, end = -1;  // Token range covered by the group.
  int penalty = 0;           // In hundredths of confidence.
  bool fallback = false;
};

class SentenceRules {
 public:
  SentenceRules(const Lexicons& lx, const Document& doc, int si, std::vector<Fact>* out)
      : lx_(lx),
        doc_(doc),
        si_(si),
        s_(doc.sentences[si]),
        t_(s_.tokens),
        n_(static_cast<int>(t_.size())),
        out_(out) {}

  void Run();

 private:
  const Mention& M(int mi) const { return doc_.mentions[mi]; }
  EntityType TypeOf(int mi) const {
    const Mention& m = M(mi);
    if (m.entity >= 0 && doc_.entities[m.entity].type != EntityType::kUnknown) {
      return doc_.entities[m.entity].type;
    }
    return m.type;
  }
  bool IsCity(int mi) const {
    const Mention& m = M(mi);
    return m.type == EntityType::kPlace && m.city;
  }
  int MentionAt(int k) const { return k >= 0 && k < n_ ? s_.token_mention[k] : -1; }
  bool Compatible(int a, int b) const {
    EntityType ta = TypeOf(a), tb = TypeOf(b);
    if ((ta == EntityType::kPlace) != (tb == EntityType::kPlace)) return false;
    return ta == tb || ta == EntityType::kUnknown || tb == EntityType::kUnknown;
  }

  Slot LeftGroup(int pos, bool appositive) const;
  Slot RightGroup(int pos, int max_gap) const;
  // Adds the list members after the slot ("A, B và C"). With skip_former, a member
  // may carry a former-job description first ("and ex-Stripe manager B").
  void ExtendRight(Slot* slot, bool skip_former = true) const;
  Slot SentenceSubject(int before) const;
  bool SubjectOmitted(int i) const;
  int EnclosedAppositive(int close) const;
  int SkipAppositive(int e) const;
  bool FinanceNear(int tb, int te) const;
  bool HasTrigger(int b, int e) const {
    for (int k = b; k < e; ++k) {
      int v = -1;
      if (lx_.triggers.Match(t_, k, &v) > 0 && !(lx_.trigger_info[v].flags & (kFormer | kNoun))) {
        return true;
      }
    }
    return false;
  }
  int FindBridge(int from, int limit, bool need_round, bool former) const;
  // "startup xử lý giọng nói X", "nền tảng cho vay ngang hàng X", "angel investor X",
  // "the tutoring app X": a cue noun and up to five lower-case words of description
  // before a name. Returns the token where the name begins, or -1.
  int SkipDescription(int k) const {
    int h =
        std::max({lx_.org_prefix.Match(t_, k), lx_.org_head.Match(t_, k), lx_.title.Match(t_, k)});
    if (h == 0) return -1;
    int q = k + h;
    for (int steps = 0; q < n_ && steps <= 5; ++steps) {
      if (MentionAt(q) >= 0) {
        return M(MentionAt(q)).tb == q && TypeOf(MentionAt(q)) != EntityType::kPlace ? q : -1;
      }
      // "các công ty giao thông sạch ở châu Á": a place phrase ends the description.
      if (lx_.locative.Match(t_, q) > 0) return -1;
      const Token& t = t_[q];
      if (!t.word || t.cap || t.has_digit) return -1;
      // A business line may hold words that elsewhere end a clause ("giọng nói",
      // "cho vay"); a clause word or a verb of saying may not.
      if (lx_.triggers.Match(t_, q) > 0 || lx_.clause_break.Match(t_, q) > 0 ||
          lx_.clause_opener.Match(t_, q) > 0 || lx_.coord.Match(t_, q) > 0 ||
          lx_.blocker.Match(t_, q) > 0 || lx_.modality.Match(t_, q) > 0 ||
          lx_.filler.Match(t_, q) > 0 || lx_.source.Match(t_, q) > 0) {
        return -1;
      }
      ++q;
    }
    return -1;
  }
  // The token range [*begin, *end) of the clause holding tokens [b, e): it stops at a
  // clause word ("trước khi", "which"), at ';', ':' or a bracket, and at a comma whose
  // segment beyond states a relation of its own or opens a clause. An appositive or
  // a fronted adverbial ("Năm 2019, ...") between commas stays in the clause.
  // With phrase_only, every comma ends it.
  void ClauseAround(int b, int e, bool phrase_only, int* begin, int* end) const;
  bool HardBreak(int k) const {
    return !t_[k].word &&
           (t_[k].lower == ";" || t_[k].lower == ":" || t_[k].lower == "(" || t_[k].lower == ")");
  }
  bool OpensClause(int b, int e) const {
    for (int k = b; k < e; ++k) {
      if (lx_.clause_break.Match(t_, k) > 0) return true;
    }
    return HasTrigger(b, e);
  }

  void Emit(RelationType rel, const Slot& left, const Slot& right, bool left_is_subject,
            const std::string& rule, int base, int trigger_begin, int trigger_end);
  void AddFact(RelationType rel, int subject, int object, const std::string& rule, int conf, int lo,
               int hi);
  bool SlotFits(RelationType rel, bool subject, int mi) const;

  void Generic(int i, int m, const Trigger& trig);
  void Former(int i, int m, const Trigger& trig);
  void Circum(int i, int m);
  void InvestNoun(int i, int m, const Trigger& trig);
  void Based(int i);
  void Backed(int i);
  void HqNoun(int i, int m, const Trigger& trig);
  void HqAppositive(int i);
  void TableRow();
  void Participation(int i, int m);
  void BareJoin(int i, int m, bool investors_after);
  void LeadInvestor(int i, int m);
  // "- Tháng 6/2021: nhận vốn từ X", "March 2022: raised $3 million from X": an item of a
  // timeline, a date and a colon before its first name. Returns the colon's index, -1
  // if the sentence is no such item.
  int TimelineColon() const {
    int k = 0;
    while (k < n_ && !t_[k].word) ++k;  // A bullet.
    bool date = false;
    for (; k < n_ && k < 8; ++k) {
      if (IsPunct(t_[k], ":")) return date ? k : -1;
      if (MentionAt(k) >= 0) return -1;
      if (IsYear(t_[k]) || lx_.month.Match(t_, k) > 0 || t_[k].has_digit) date = true;
    }
    return -1;
  }
  // The organisation a timeline is about: the last name of the heading line ("Các mốc
  // chính của Hoa Mai:", "Timeline of Skyloom:") above the items before this one.
  int TimelineTopic() const {
    for (int ps = si_ - 1; ps >= 0 && ps >= si_ - 12; --ps) {
      const SentenceInfo& p = doc_.sentences[ps];
      int last = static_cast<int>(p.tokens.size()) - 1;
      while (last >= 0 && IsPunct(p.tokens[last], ".")) --last;
      if (last >= 0 && IsPunct(p.tokens[last], ":")) {
        for (auto it = p.mentions.rbegin(); it != p.mentions.rend(); ++it) {
          const Mention& c = M(*it);
          if (c.source || c.type == EntityType::kPlace) continue;
          EntityType t = c.entity >= 0 ? doc_.entities[c.entity].type : c.type;
          // A brand typed a person only by its words ("Hoa Mai") still heads the list.
          if (t == EntityType::kPerson && c.strength >= 2) continue;
          return *it;
        }
        return -1;
      }
      // Only items of the same timeline may stand between.
      bool item = !p.tokens.empty() && (!p.tokens[0].word || p.tokens.size() < 3);
      for (size_t k = 0; k < p.tokens.size() && k < 8 && !item; ++k) {
        item = IsPunct(p.tokens[k], ":");
      }
      if (!item) return -1;
    }
    return -1;
  }
  // "Cả hai cùng tốt nghiệp X", "Both previously worked at X": a sentence opening with a
  // phrase for two people stands for the last two people the article named before it.
  Slot PairSubject(int before) const {
    Slot slot;
    int pm = lx_.pair_subject.Match(t_, 0);
    if (pm == 0 || pm > before) return slot;
    for (int k = pm; k < before; ++k) {
      if (MentionAt(k) >= 0) return slot;  // A name of its own before the verb.
    }
    std::vector<int> entities;
    for (int ps = si_ - 1; ps >= 0 && ps >= si_ - 3 && slot.mentions.size() < 2; --ps) {
      const SentenceInfo& p = doc_.sentences[ps];
      for (auto it = p.mentions.rbegin(); it != p.mentions.rend(); ++it) {
        const Mention& c = M(*it);
        if (c.entity < 0 || c.anaphor) continue;
        // A person, or an untyped name of two words or more ("Maya Chen").
        const EntityInfo& info = doc_.entities[c.entity];
        if (info.type != EntityType::kPerson &&
            (info.type != EntityType::kUnknown || info.name.find(' ') == std::string::npos)) {
          continue;
        }
        if (std::find(entities.begin(), entities.end(), c.entity) != entities.end()) continue;
        entities.push_back(c.entity);
        slot.mentions.push_back(*it);
        if (slot.mentions.size() == 2) break;
      }
    }
    if (slot.mentions.size() != 2) return Slot{};
    slot.penalty = 10;
    return slot;
  }
  // The company whose funding round the last sentences described: the company of the
  // last investment stated in the two sentences before, else the subject of the last
  // of the three before that names a round. -1 if none.
  int RoundOwner() const {
    for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
      if (it->sentence < si_ - 2) break;
      if (it->relation == RelationType::kInvestedIn && it->sentence < si_) return it->object;
    }
    for (int ps = si_ - 1; ps >= 0 && ps >= si_ - 3; --ps) {
      const SentenceInfo& p = doc_.sentences[ps];
      bool round = false;
      for (size_t k = 0; k < p.tokens.size() && !round; ++k) {
        round = lx_.round.Match(p.tokens, k) > 0;
      }
      if (!round) continue;
      for (int pm : p.mentions) {
        const Mention& c = M(pm);
        if (c.source || c.genitive) continue;
        // "... được dẫn dắt bởi X", "... from X": the investor, not the round's owner.
        if (c.tb > 0 && (In(lx_.agent_by, p.tokens[c.tb - 1]) ||
                         In(lx_.source_from, p.tokens[c.tb - 1]))) {
          continue;
        }
        EntityType t = c.entity >= 0 ? doc_.entities[c.entity].type : c.type;
        if (t == EntityType::kPlace || t == EntityType::kPerson) continue;
        if (c.anaphor && c.entity < 0) continue;
        return pm;
      }
    }
    return -1;
  }
  void ArmOf(int i, int m);
  void CoFounders(int i, int m);
  void Stake(int i);
  void JoinedFrom(int i);
  void Tenure(int i);
  void RoleOf(int i);
  void OrgOfCity(int i);

  const Lexicons& lx_;
  const Document& doc_;
  int si_;
  const SentenceInfo& s_;
  const std::vector<Token>& t_;
  int n_;
  std::vector<Fact>* out_;
  // Set while emitting a fact stated inside one noun phrase ("X of Denver"), which the
  // clause's negation or hedging does not reach.
  bool phrase_internal_ = false;
};

Slot SentenceRules::LeftGroup(int pos, bool appositive) const {
  Slot slot;
  int k = pos - 1;
  while (k >= 0 && MentionAt(k) < 0) {
    int f = lx_.filler.MatchEndingAt(t_, k + 1);
    if (f == 0) f = lx_.modality.MatchEndingAt(t_, k + 1);
    // "ông có 4 năm làm việc tại X", "he had five years at X": a duration.
    if (f == 0 && k >= 2 && In(lx_.time_unit, t_[k]) &&
        (IsNumber(t_[k - 1]) || lx_.round.Match(t_, k - 1) == 0) && In(lx_.have_verb, t_[k - 2])) {
      f = 3;
    }
    // "X spent nine years at Y", "X có 5 năm tại Y": the count before a trigger that
    // opens with the unit of time.
    if (f == 0 && k >= 1 && pos < n_ && In(lx_.time_unit, t_[pos]) &&
        (IsNumber(t_[k]) || lx_.quantifier.Match(t_, k) > 0 || lx_.number_word.Match(t_, k) > 0) &&
        In(lx_.have_verb, t_[k - 1])) {
      f = 2;
    }
    if (f == 0 || k - f + 1 < 0) break;
    k -= f;
  }
  int found = -1;
  // "- Kiddo Learn: do ... thành lập": a list item's name, then a colon.
  if (appositive && k >= 1 && IsPunct(t_[k], ":") && MentionAt(k - 1) >= 0 &&
      M(MentionAt(k - 1)).tb <= 2) {
    --k;
  }
  if (k >= 0 && MentionAt(k) >= 0) {
    found = MentionAt(k);
  } else if (appositive && k >= 1 && k + 1 < pos && IsPunct(t_[k], ",") && MentionAt(k - 1) >= 0 &&
             In(lx_.quantifier, t_[k + 1])) {
    // "A and B, both alumni of X": the quantifier stands for the names before it.
    found = MentionAt(k - 1);
  } else if (appositive && k >= 1 && IsPunct(t_[k], ",") && EnclosedAppositive(k) >= 0) {
    // "X, who founded Y in 2012, left ...", "X, người từng ..., cho biết".
    found = EnclosedAppositive(k);
    slot.penalty = 8;
  } else if (appositive && k >= 0) {
    slot.penalty = 8;
    for (int kk = k; kk >= 0 && kk >= k - 14; --kk) {
      if (lx_.stop.MatchEndingAt(t_, kk + 1) > 0) return slot;
      // The dot of "Hoshino Corp." is part of the name, not a sentence end.
      if (MentionAt(kk) < 0 &&
          (IsPunct(t_[kk], ";") || IsPunct(t_[kk], ":") || IsPunct(t_[kk], "."))) {
        return slot;
      }
      int mi = MentionAt(kk);
      if (mi < 0) continue;
      const Mention& m = M(mi);
      // "..., có trụ sở tại Hà Nội, ...": a place after a locative word only says where.
      if (m.type == EntityType::kPlace && m.tb > 0 && In(lx_.locative, t_[m.tb - 1])) {
        kk = m.tb;
        continue;
      }
      // "a Beijing-based startup": the place is a modifier inside the description.
      if (m.te + 1 < n_ && IsPunct(t_[m.te], "-") && In(lx_.based_compound, t_[m.te + 1])) {
        kk = m.tb;
        continue;
      }
      // "Lý Minh Viễn (Li Mingyuan), cựu ...": the name before the parenthesised alias.
      if (m.alias_of >= 0 && m.te + 1 < n_ && IsPunct(t_[m.te], ")") && IsSeparator(t_[m.te + 1])) {
        found = m.alias_of;
        break;
      }
      // "X, <description>, <verb>" or "X là công ty ... <verb>", or "X có trụ sở tại Y,
      // được Z thành lập": a clause after X's headquarters phrase is about X.
      int hv = -1;
      bool hq_after = m.te < n_ && lx_.triggers.Match(t_, m.te, &hv) > 0 &&
                      lx_.trigger_info[hv].relation == RelationType::kHqIn &&
                      !(lx_.trigger_info[hv].flags & (kReverseHq | kHqNoun));
      if (m.te >= n_ || !(IsSeparator(t_[m.te]) || lx_.copula.Match(t_, m.te) > 0 || hq_after)) {
        return slot;
      }
      found = mi;
      // Inside an appositive ("Y, cựu kỹ sư X, đã ..."): the appositive describes
      // the name before it, which is the one the verb is about.
      int seg = m.tb;
      while (seg > 0 && !IsSeparator(t_[seg - 1]) && !IsPunct(t_[seg - 1], ";")) --seg;
      if (seg < m.tb && seg >= 2 && IsPunct(t_[seg - 1], ",") && MentionAt(seg - 2) >= 0 &&
          IsPunct(t_[m.te], ",") && t_[seg].word &&
          (!t_[seg].cap || lx_.title.Match(t_, seg) > 0) && lx_.stop.Match(t_, seg) == 0 &&
          lx_.source.Match(t_, seg) == 0 && lx_.filler.Match(t_, seg) == 0 &&
          lx_.coord.Match(t_, seg) == 0 && lx_.person_prefix.Match(t_, seg) == 0 &&
          !HasTrigger(seg, m.tb)) {
        found = MentionAt(seg - 2);
      }
      break;
    }
  }
  if (found < 0) return slot;
  // "quỹ Genesia Ventures của Nhật Bản cũng tham gia": the country after "của" says
  // where the name before it comes from.
  if (M(found).type == EntityType::kPlace && M(found).tb >= 2 &&
      lx_.genitive.Contains(t_[M(found).tb - 1].lower) && MentionAt(M(found).tb - 2) >= 0 &&
      TypeOf(MentionAt(M(found).tb - 2)) != EntityType::kPlace) {
    found = MentionAt(M(found).tb - 2);
  }
  if (M(found).source) return Slot{};
  slot.mentions.push_back(found);
  slot.begin = M(found).tb;
  slot.end = M(found).te;
  // Coordination to the left: "A, B và C <verb>". The link next to the verb's
  // argument must be a real conjunction; commas may follow it.
  bool conj_seen = false;
  int b = slot.begin;
  while (true) {
    // "A and Japan's B <verb>": a country's genitive before the later member.
    if (b >= 2 && t_[b - 1].lower == "'s" && MentionAt(b - 2) >= 0 &&
        M(MentionAt(b - 2)).type == EntityType::kPlace && !M(MentionAt(b - 2)).city) {
      b = M(MentionAt(b - 2)).tb;
    }
    // "A cùng bà B <verb>": the honorific of the later member stands after the link.
    int pp = b > 0 && MentionAt(b - 1) < 0 ? lx_.person_prefix.MatchEndingAt(t_, b) : 0;
    // "quỹ A và Tập đoàn B <verb>": likewise an organisation's cue noun.
    if (pp == 0 && b > 0 && MentionAt(b - 1) < 0) pp = lx_.org_prefix.MatchEndingAt(t_, b);
    int c = lx_.coord.MatchEndingAt(t_, b - pp);
    if (c == 0) break;
    bool comma = c == 1 && IsPunct(t_[b - pp - 1], ",");
    if (comma && !conj_seen) break;
    int prev = MentionAt(b - pp - c - 1);
    if (prev < 0 || M(prev).source || !Compatible(prev, found)) break;
    if (!comma) conj_seen = true;
    slot.mentions.insert(slot.mentions.begin(), prev);
    b = M(prev).tb;
  }
  slot.begin = b;
  return slot;
}

void SentenceRules::ExtendRight(Slot* slot, bool skip_former) const {
  int first = slot->mentions.front();
  int e = slot->end;
  while (e < n_) {
    // Skip "có trụ sở tại <place>" between list items.
    int tv = -1;
    int tm = lx_.triggers.Match(t_, e, &tv);
    if (tm > 0 && lx_.trigger_info[tv].relation == RelationType::kHqIn &&
        !(lx_.trigger_info[tv].flags & kReverseHq) && MentionAt(e + tm) >= 0 &&
        TypeOf(MentionAt(e + tm)) == EntityType::kPlace && TypeOf(first) != EntityType::kPlace) {
      e = M(MentionAt(e + tm)).te;
      continue;
    }
    // "bà A, cựu giám đốc của X, và ông B": the description is not a list item.
    {
      int ea = SkipAppositive(e);
      if (ea > e && ea < n_ && lx_.coord.Match(t_, ea) > 0 && !IsPunct(t_[ea], ",")) e = ea;
    }
    int c = lx_.coord.Match(t_, e);
    if (c == 0) break;
    int next = e + c;
    // ", cũng như X", ", và X".
    if (c == 1 && IsPunct(t_[e], ",")) {
      int c2 = lx_.coord.Match(t_, next);
      if (c2 > 0 && !IsPunct(t_[next], ",")) next += c2;
    }
    // "former Google engineer A and ex-Stripe product manager B": the description of
    // the next member names a former employer first.
    if (skip_former) {
      int tv = -1;
      int fm = lx_.triggers.Match(t_, next, &tv);
      if (fm > 0 && (lx_.trigger_info[tv].flags & kFormer) && MentionAt(next + fm) >= 0) {
        int q = M(MentionAt(next + fm)).te;
        int stop = q + 3;
        while (q < n_ && q < stop && MentionAt(q) < 0 && t_[q].word && !t_[q].cap) ++q;
        if (MentionAt(q) >= 0 && TypeFits(TypeOf(MentionAt(q)), EntityType::kPerson)) next = q;
      }
    }
    // "bà A và ông B": a person cue after a real conjunction (not a bare comma).
    bool person_cue = false;
    if (!(c == 1 && IsPunct(t_[e], ",")) || next > e + 1) {
      int pp = lx_.person_prefix.Match(t_, next);
      person_cue = pp > 0;
      next += pp;
      // "Jungle Ventures và Quỹ đầu tư Sao Bắc", "X và nền tảng logistics Y".
      if (MentionAt(next) < 0) {
        int d = SkipDescription(next);
        // "và nhà đầu tư thiên thần X", "and angel investor X": a person's role.
        if (d >= 0 && lx_.title.Match(t_, next) > 0) person_cue = true;
        // "and Vietnamese angel investor X": a nationality before the role.
        if (d < 0 && next + 1 < n_ && t_[next].cap && MentionAt(next) < 0 &&
            (lx_.common.Match(t_, next) > 0 || lx_.non_entity.Match(t_, next) == 1)) {
          d = SkipDescription(next + 1);
          if (d >= 0 && lx_.title.Match(t_, next + 1) > 0) {
            person_cue = true;
          } else {
            d = -1;
          }
        }
        next = d >= 0 ? d : next + lx_.org_prefix.Match(t_, next);
      }
      // "A và quỹ Nhật Bản B": the country of the next member after its cue noun.
      int pm = MentionAt(next);
      if (pm >= 0 && next > e + 1 && M(pm).type == EntityType::kPlace && !M(pm).city &&
          TypeOf(first) != EntityType::kPlace && lx_.org_prefix.MatchEndingAt(t_, next) > 0 &&
          MentionAt(M(pm).te) >= 0 && M(MentionAt(M(pm).te)).tb == M(pm).te) {
        next = M(pm).te;
      }
    }
    // "quận Ninh Kiều, TP Cần Thơ": a city's abbreviated cue before it.
    if (MentionAt(next) < 0 && next + 1 < n_ && In(lx_.city_cue, t_[next]) &&
        MentionAt(next + 1) >= 0 && TypeOf(MentionAt(next + 1)) == EntityType::kPlace) {
      ++next;
    }
    int mi = MentionAt(next);
    // Investors and founders may be companies and people in one list ("quỹ X và ông
    // Y"): a person named with a cue joins a list of organisations.
    bool mixed = person_cue && mi >= 0 && TypeOf(mi) == EntityType::kPerson &&
                 TypeOf(first) == EntityType::kOrganization;
    if (mi < 0 || !(Compatible(mi, first) || mixed) || M(mi).tb != next) break;
    // "Santa Clara, California": a region or country after a city only says where the
    // city is.
    if (IsCity(first) && !M(first).region && TypeOf(mi) == EntityType::kPlace &&
        (!IsCity(mi) || M(mi).region) && c == 1 && IsPunct(t_[e], ",")) {
      break;
    }
    slot->mentions.push_back(mi);
    e = M(mi).te;
    slot->end = e;
  }
}

Slot SentenceRules::RightGroup(int pos, int max_gap) const {
  Slot slot;
  int k = pos;
  while (k < n_ && MentionAt(k) < 0) {
    int f = lx_.filler.Match(t_, k);
    if (f == 0) break;
    k += f;
  }
  int gap = 0;
  bool after_former = false;
  while (k < n_) {
    int here = MentionAt(k);
    if (here >= 0) {
      // "startup tại Đông Nam Á, bao gồm X": a place after a locative word only
      // says where; keep looking for the name.
      if (M(here).type == EntityType::kPlace && k > pos && t_[k - 1].word &&
          In(lx_.locative, t_[k - 1])) {
        k = M(here).te;
        ++gap;
        continue;
      }
      // "của quỹ Nhật Bản Kizuna Capital": a country between a cue noun and the name.
      if (M(here).type == EntityType::kPlace && !M(here).city && k > pos &&
          lx_.org_prefix.MatchEndingAt(t_, k) > 0 && MentionAt(M(here).te) >= 0 &&
          M(MentionAt(M(here).te)).type != EntityType::kPlace) {
        k = M(here).te;
        continue;
      }
      // "MIT graduates Daniel Okafor and Wei Zhang", "Google veterans X": the
      // organisation describes the people who follow.
      {
        int rk = M(here).te;
        if (rk + 1 < n_ && In(lx_.role_plural, t_[rk]) && MentionAt(rk + 1) >= 0 &&
            M(MentionAt(rk + 1)).tb == rk + 1) {
          k = rk + 1;
          continue;
        }
      }
      // "acquired UK-based Etergo": the "-based" name is a modifier.
      int te = M(here).te;
      if (te + 1 < n_ && IsPunct(t_[te], "-") &&
          (In(lx_.based_compound, t_[te + 1]) || In(lx_.backed_compound, t_[te + 1]))) {
        k = te + 2;
        continue;
      }
      break;
    }
    const Token& t = t_[k];
    // "founded by former Google researcher Chen Hao": the former employer is part of
    // the description of the person.
    {
      int tv = -1;
      int fm = lx_.triggers.Match(t_, k, &tv);
      if (fm > 0 && (lx_.trigger_info[tv].flags & kFormer) && MentionAt(k + fm) >= 0) {
        k = M(MentionAt(k + fm)).te;
        ++gap;
        after_former = true;  // "former OpenAI employees X": "employees" describes X.
        continue;
      }
    }
    // "a stake in drone maker X": the head of a description right before the name
    // is free, though "maker" alone would block.
    if (MentionAt(k + 1) >= 0 && lx_.org_head.Match(t_, k) == 1) {
      ++k;
      continue;
    }
    if (!after_former && lx_.blocker.Match(t_, k) > 0) return slot;
    // "các nhà đầu tư, bao gồm X": an explicit list marker resets the gap.
    int im = lx_.introducer.Match(t_, k);
    if (im > 0) {
      k += im;
      gap = 0;
      continue;
    }
    if (IsQuote(t)) {
      ++k;
      continue;
    }
    if (IsPunct(t, ",") && k + 1 < n_ && lx_.introducer.Match(t_, k + 1) > 0) {
      ++k;
      continue;
    }
    // A cue noun with its description ("startup xử lý giọng nói X") is free.
    if (int d = SkipDescription(k); d > k + 1) {
      k = d;
      continue;
    }
    // The head noun of a description ("các công ty khởi nghiệp X") is free, and so is
    // a registered designator ("Công ty Cổ phần X").
    int om = std::max(lx_.org_prefix.Match(t_, k), lx_.legal_prefix.Match(t_, k));
    if (om > 0) {
      k += om;
      continue;
    }
    // "by Dr. Elena Petrova": the dot of an abbreviated title.
    if (IsPunct(t, ".") && k > 0 && t.begin == t_[k - 1].end &&
        (lx_.title.MatchEndingAt(t_, k) > 0 || lx_.person_prefix.MatchEndingAt(t_, k) > 0)) {
      ++k;
      continue;
    }
    if (!t.word && t.lower != "$" && t.lower != "%") return slot;
    if ((lx_.triggers.Match(t_, k) > 0 && !(k > 0 && In(lx_.agent_noun, t_[k - 1]))) ||
        lx_.stop.Match(t_, k) > 0) {
      return slot;
    }
    if (++gap > max_gap + 2) return slot;
    ++k;
  }
  int mi = MentionAt(k);
  if (mi < 0 || M(mi).source) return slot;
  // "Saudi Aramco's venture arm Prosperity7 Ventures", "quỹ đầu tư của Nvidia"
  // aside: the owner's unit named after a possessive is the actor.
  if (M(mi).te < n_ && t_[M(mi).te].lower == "'s") {
    int q = M(mi).te + 1;
    while (q < n_ && q <= M(mi).te + 4 && MentionAt(q) < 0 && t_[q].word && !t_[q].cap) ++q;
    if (q > M(mi).te + 1 && MentionAt(q) >= 0 && TypeOf(MentionAt(q)) != EntityType::kPlace) {
      mi = MentionAt(q);
    } else if (q == M(mi).te + 1 && MentionAt(q) >= 0 && M(MentionAt(q)).tb == q &&
               TypeOf(MentionAt(q)) != EntityType::kPlace) {
      // "backed by Warren Buffett's Berkshire Hathaway": the owner's company acts.
      mi = MentionAt(q);
    }
  }
  slot.mentions.push_back(mi);
  slot.begin = M(mi).tb;
  slot.end = M(mi).te;
  if (gap > max_gap) return Slot{};
  slot.penalty = gap > 2 ? 5 : 0;
  ExtendRight(&slot);
  return slot;
}

Slot SentenceRules::SentenceSubject(int before) const {
  Slot slot;
  // "Hà Nội, ngày 12/3 - X ...", "TP.HCM - X ...": a dateline before a dash.
  int start = 0;
  for (int k = 0; k < n_ && k < 10; ++k) {
    bool spaced = k > 0 && t_[k].begin > t_[k - 1].end;  // Not "Austin-based".
    if (spaced && (IsPunct(t_[k], "-") || t_[k].lower == "–" || t_[k].lower == "—")) {
      if (k > 0 && (MentionAt(k - 1) < 0 || TypeOf(MentionAt(k - 1)) == EntityType::kPlace ||
                    M(MentionAt(k - 1)).source || !t_[k - 1].word)) {
        start = k + 1;
      }
      break;
    }
  }
  // "Công ty Cổ phần X ...", "- X: ...": a leading cue or bullet is not a word of
  // the subject.
  while (start < n_ && !t_[start].word) ++start;
  // "Về phía nhà đầu tư, năm 2020 X ...", "In 2021, X ...": an opening adverbial of
  // time or topic, closed by a comma and naming nobody, then a year phrase.
  for (int k = start; k < n_ && k < start + 8; ++k) {
    if (MentionAt(k) >= 0 || IsPunct(t_[k], ".")) break;
    if (IsPunct(t_[k], ",") && !InNumber(t_, k)) {
      start = k + 1;
      break;
    }
  }
  if (start + 1 < n_ && In(lx_.year_marker, t_[start]) && IsYear(t_[start + 1])) {
    start += 2;
    if (start < n_ && IsPunct(t_[start], ",")) ++start;
  }
  if (MentionAt(start) < 0) start += lx_.org_prefix.Match(t_, start);
  for (int mi : s_.mentions) {
    const Mention& m = M(mi);
    if (m.tb >= before) break;
    if (m.tb < start) continue;
    if (m.tb > start + 3 || m.source) break;
    if (TypeOf(mi) == EntityType::kPlace) continue;
    slot.mentions.push_back(mi);
    slot.begin = m.tb;
    slot.end = m.te;
    slot.penalty = 15;
    slot.fallback = true;
    return slot;
  }
  return slot;
}

int SentenceRules::SkipAppositive(int e) const {
  // ", cựu CEO của Sogou,", ", a professor at Tsinghua University,": a comma-enclosed
  // description of the name before `e`, opening with a lower-case word that is not a
  // conjunction and holding no relation verb. Returns the token after its closing
  // comma, or `e` when there is none.
  if (e + 1 >= n_ || !IsPunct(t_[e], ",")) return e;
  int k = e + 1;
  const Token& first = t_[k];
  // "A, who previously worked at Tesla, and B": a relative clause about the person
  // may state a past job; it is still a description.
  bool relative = In(lx_.relative, first);
  if (!relative && (!first.word || first.cap || lx_.coord.Match(t_, k) > 0 ||
                    lx_.stop.Match(t_, k) > 0 || lx_.filler.Match(t_, k) > 0 ||
                    lx_.modality.Match(t_, k) > 0 || lx_.copula.Match(t_, k) > 0)) {
    return e;
  }
  for (; k < n_ && k <= e + 16; ++k) {
    if (IsPunct(t_[k], ",")) {
      if (!HasTrigger(e + 1, k)) return k + 1;
      if (!relative) return e;
      for (int q = e + 1; q < k; ++q) {
        int tv = -1;
        if (lx_.triggers.Match(t_, q, &tv) > 0 &&
            lx_.trigger_info[tv].relation != RelationType::kAlumniOf) {
          return e;
        }
      }
      return k + 1;
    }
    if (!t_[k].word && !IsPunct(t_[k], "-") && !IsPunct(t_[k], "'s") && t_[k].lower != "'s") {
      return e;
    }
  }
  return e;
}

bool SentenceRules::FinanceNear(int tb, int te) const {
  auto has = [&](const std::vector<Token>& toks, int skip_b, int skip_e) {
    for (int k = 0; k < static_cast<int>(toks.size()); ++k) {
      if (k >= skip_b && k < skip_e) continue;
      if (lx_.finance.Match(toks, k) > 0) return true;
    }
    return false;
  };
  if (has(t_, tb, te)) return true;
  return si_ > 0 && has(doc_.sentences[si_ - 1].tokens, -1, -1);
}

int SentenceRules::EnclosedAppositive(int close) const {
  // The name before a comma-enclosed clause that ends at `close` and opens with a
  // lower-case word that is not a conjunction.
  for (int j = close - 1; j >= 1 && j >= close - 18; --j) {
    const Token& t = t_[j];
    if (IsPunct(t, ";") || IsPunct(t, ":") || IsPunct(t, ".")) return -1;
    if (!IsPunct(t, ",")) continue;
    if (j + 1 >= close || !t_[j + 1].word || t_[j + 1].cap) return -1;
    // "Đồng sáng lập X, ông Y, từng ...": the enclosed clause is the person's name,
    // and the person is who the verb is about.
    int pp = lx_.person_prefix.Match(t_, j + 1);
    if (pp > 0 && MentionAt(j + 1 + pp) >= 0 && M(MentionAt(j + 1 + pp)).te == close) {
      return MentionAt(j + 1 + pp);
    }
    if (lx_.coord.Match(t_, j + 1) > 0 || lx_.stop.Match(t_, j + 1) > 0 ||
        lx_.source.Match(t_, j + 1) > 0) {
      return -1;
    }
    int mi = MentionAt(j - 1);
    if (mi < 0 || M(mi).source) return -1;
    return mi;
  }
  return -1;
}

bool SentenceRules::SubjectOmitted(int i) const {
  // "X left Y in 2021 to start Z", "... để thành lập Z": a purpose clause of the
  // sentence's subject.
  if (i < n_ && In(lx_.purpose, t_[i])) return true;
  // "..., bằng cách mua cổ phần tại X", "... sau 7 năm làm việc tại X": a clause whose
  // subject is the sentence's. A noun right before the verb ("những người từng...")
  // is its own subject, so no fallback then.
  int k0 = i - 1;
  while (k0 >= 0 && MentionAt(k0) < 0) {
    int f = lx_.filler.MatchEndingAt(t_, k0 + 1);
    if (f == 0) break;
    k0 -= f;
  }
  // "X có trụ sở ở Tokyo và đã rót vốn vào Y": a second verb phrase of X. So is
  // "X được Y thành lập năm 2022 và có trụ sở tại Z": after a year closing a clause.
  if (k0 >= 1 && In(lx_.and_word, t_[k0]) && MentionAt(k0 - 1) >= 0 &&
      M(MentionAt(k0 - 1)).type == EntityType::kPlace) {
    return true;
  }
  if (k0 >= 2 && In(lx_.and_word, t_[k0]) && IsYear(t_[k0 - 1]) &&
      In(lx_.year_marker, t_[k0 - 2])) {
    return true;
  }
  // "X tốt nghiệp Y (Z) và từng làm việc tại W", "graduated from Y and earned an MBA
  // from Z", "..., and earlier graduated from X": "và"/"and" right before the verb
  // (fillers aside) joins a second verb phrase of the sentence's subject; two names
  // joined would have left a name before the verb.
  if (k0 >= 1 && In(lx_.and_word, t_[k0])) return true;
  for (int k = i - 1; k >= 0 && k >= i - 3; --k) {
    if (lx_.stop.MatchEndingAt(t_, k + 1) > 0) return true;
    if (In(lx_.after, t_[k])) return true;
    if (!t_[k].word) return false;
  }
  return false;
}

void SentenceRules::ClauseAround(int b, int e, bool phrase_only, int* begin, int* end) const {
  b = std::max(0, b);
  e = std::min(n_, e);
  // Rightwards: segment by segment, each ending at a comma.
  int k = e;
  while (k < n_) {
    if (HardBreak(k)) break;
    if (lx_.clause_break.Match(t_, k) > 0) break;
    if (IsPunct(t_[k], ",") && !InNumber(t_, k)) {
      int next = k + 1;
      while (next < n_ && !(IsPunct(t_[next], ",") && !InNumber(t_, next)) && !HardBreak(next)) {
        ++next;
      }
      // Rightwards only an appositive ("a former Google engineer") or a time or
      // place adverbial ("in 2015") continues the clause; anything else may be the
      // predicate of the subject ("X, founded by Y, moved to Austin in 2021").
      bool continues =
          next > k + 1 && (In(lx_.article, t_[k + 1]) || In(lx_.generic_det, t_[k + 1]) ||
                           In(lx_.year_marker, t_[k + 1]));
      if (phrase_only || !continues || OpensClause(k + 1, next)) break;
    }
    ++k;
  }
  *end = k;
  // Leftwards, likewise.
  k = b;
  while (k > 0) {
    int p = k - 1;
    if (HardBreak(p)) break;
    if (lx_.clause_break.MatchEndingAt(t_, k) > 0) {
      // The clause word itself opens this clause ("sau khi X rời Y năm 2015"): keep
      // what follows it, not what precedes it.
      break;
    }
    if (IsPunct(t_[p], ",") && !InNumber(t_, p)) {
      int prev = p;
      while (prev > 0 && !(IsPunct(t_[prev - 1], ",") && !InNumber(t_, prev - 1)) &&
             !HardBreak(prev - 1)) {
        --prev;
      }
      if (phrase_only || OpensClause(prev, p)) break;
    }
    --k;
  }
  *begin = k;
}

int SentenceRules::FindBridge(int from, int limit, bool need_round, bool former) const {
  bool round = !need_round;
  for (int k = from; k < n_ && k < from + limit; ++k) {
    const Token& t = t_[k];
    if (!t.word && t.lower != "$" && t.lower != "%" && !IsQuote(t) &&
        !(t.lower == "(" || t.lower == ")") && !InNumber(t_, k)) {
      return -1;
    }
    if (lx_.round.Match(t_, k) > 0) round = true;
    if (former && k >= from && lx_.triggers.Match(t_, k) > 0) {
      int tv = -1;
      lx_.triggers.Match(t_, k, &tv);
      // "previously led infrastructure teams at X": a verb that means investing only
      // with a funding round ("led") is not one here.
      const Trigger& tr = lx_.trigger_info[tv];
      if (tr.relation != RelationType::kAlumniOf && !(tr.flags & kRound)) return -1;
    }
    int b = lx_.bridge.Match(t_, k);
    if (b > 0 && round) {
      if (former && !In(lx_.former_bridge, t)) continue;
      return k + b;
    }
  }
  return -1;
}

bool SentenceRules::SlotFits(RelationType rel, bool subject, int mi) const {
  EntityType t = TypeOf(mi);
  const Mention& m = M(mi);
  if (m.anaphor && m.entity < 0) return false;
  switch (rel) {
    case RelationType::kFoundedBy:
      // A company founds a company too: "quỹ do Tập đoàn X lập ra", "a venture arm
      // Nvidia launched", "được FPT thành lập".
      return subject ? TypeFits(t, EntityType::kOrganization) : t != EntityType::kPlace;
    case RelationType::kInvestedIn:
      return subject ? t != EntityType::kPlace : TypeFits(t, EntityType::kOrganization);
    case RelationType::kAlumniOf:
      // Only a person is an alumnus: not a possessor left untyped ("Bà Lan, CEO của
      // Sao Mai, tốt nghiệp ..."), not an anaphor that took anything but a person.
      if (subject && t != EntityType::kPerson &&
          (m.genitive || m.anaphor || lx_.legal_prefix.MatchEndingAt(t_, m.tb) > 0)) {
        return false;
      }
      // "từng làm việc tại Morgan Stanley", "worked at Morgan Stanley": no one works "at" a
      // person, so a name typed a person only by its words is the employer.
      if (!subject && t == EntityType::kPerson && m.strength < 2 && m.tb > 0 && m.sentence == si_ &&
          In(lx_.locative, t_[m.tb - 1]) && m.te - m.tb >= 2) {
        return true;
      }
      return subject ? TypeFits(t, EntityType::kPerson) : TypeFits(t, EntityType::kOrganization);
    case RelationType::kHqIn:
      return subject ? TypeFits(t, EntityType::kOrganization) : IsCity(mi);
  }
  return false;
}

void SentenceRules::AddFact(RelationType rel, int subject, int object, const std::string& rule,
                            int conf, int lo, int hi) {
  if (!SlotFits(rel, true, subject) || !SlotFits(rel, false, object)) return;
  const Mention& sm_real = M(subject);
  const Mention& om_real = M(object);
  if (sm_real.entity >= 0 && sm_real.entity == om_real.entity) return;
  // An argument named in an earlier sentence (the company whose round "X also joined",
  // the two people "Cả hai" stands for) stands at the trigger for the token-range
  // checks below and in the evidence.
  Mention sm_here, om_here;
  sm_here.tb = om_here.tb = lo;
  sm_here.te = om_here.te = std::max(lo + 1, hi);
  const Mention& sm = sm_real.sentence != si_ ? sm_here : sm_real;
  const Mention& om = om_real.sentence != si_ ? om_here : om_real;
  Fact f;
  f.relation = rel;
  f.subject = subject;
  f.object = object;
  f.sentence = si_;
  f.rule = rule;
  f.subject_elsewhere = sm_real.sentence != si_;
  f.object_elsewhere = om_real.sentence != si_;
  if (f.subject_elsewhere || f.object_elsewhere) {
    int b = std::max(0, std::min(lo, n_ - 1));
    int e = std::max(b + 1, std::min(hi, n_));
    f.stand_in_begin = t_[b].begin;
    f.stand_in_end = t_[e - 1].end;
  }
  if (sm.anaphor) conf -= 5;
  if (om.anaphor) conf -= 5;
  f.confidence = std::max(5, std::min(conf, 99)) / 100.0f;
  // Modality: negation or hedging between (and just before) the arguments.
  int from = std::max(0, std::min(sm.tb, om.tb) - 4);
  int to = std::min(n_, std::max(sm.te, om.te));
  from = std::min(from, lo);
  to = std::max(to, hi);
  if (phrase_internal_) to = from;
  for (int k = from; k < to;) {
    if (MentionAt(k) >= 0 && MentionAt(k) != -1 && k >= std::min(sm.tb, om.tb)) {
      k = M(MentionAt(k)).te;
      continue;
    }
    // "X, a partner who will join Y's board, previously worked at Z": a relative or
    // descriptive clause closed before the trigger says nothing of the fact's modality.
    if (IsPunct(t_[k], ",") && k + 1 < lo &&
        (In(lx_.clause_relative, t_[k + 1]) || In(lx_.article, t_[k + 1]))) {
      int close = k + 1;
      while (close < lo && !IsPunct(t_[close], ",")) ++close;
      if (close < lo) {
        k = close + 1;
        continue;
      }
    }
    int v = -1;
    int mm = lx_.modality.Match(t_, k, &v);
    // "May 2023": the month, not the modal verb.
    if (mm == 1 && t_[k].cap && k + 1 < n_ && t_[k + 1].has_digit && In(lx_.month, t_[k])) mm = 0;
    if (mm > 0) {
      if (static_cast<Modality>(v) != Modality::kNotNegation) {
        f.confirmed = false;
        f.qualifiers["modality"] =
            static_cast<Modality>(v) == Modality::kNegation ? "negated" : "hedged";
      }
      k += mm;
    } else {
      ++k;
    }
  }
  // "X denied a report that it had bought Y", "X phủ nhận thông tin rằng ...": a
  // denial earlier in the sentence negates the clause it governs.
  // Likewise a rumour or unattributed report ("một số trang tin cho biết X ...").
  if (f.confirmed && !phrase_internal_) {
    for (int k = 0; k < from; ++k) {
      if (lx_.denial.Match(t_, k) > 0) {
        f.confirmed = false;
        f.qualifiers["modality"] = "negated";
        break;
      }
      if (lx_.report_hedge.Match(t_, k) > 0) {
        f.confirmed = false;
        f.qualifiers["modality"] = "hedged";
        break;
      }
    }
  }
  // Qualifiers stated in the sentence: year from the fact's own clause, amount and round.
  int clause_begin = 0, clause_end = n_;
  // A former job named in a noun phrase ("X, a former Google engineer, ...") keeps to
  // that phrase.
  ClauseAround(std::min({sm.tb, om.tb, lo}), std::max({sm.te, om.te, hi}),
               absl::StartsWith(rule, "former:"), &clause_begin, &clause_end);
  // Of several years in the clause, the one nearest the trigger.
  int year_distance = n_ + 1;
  for (int k = std::max(1, clause_begin); k < clause_end; ++k) {
    if (!IsYear(t_[k]) || !In(lx_.year_marker, t_[k - 1])) continue;
    int d = k < lo ? lo - k : (k >= hi ? k - hi + 1 : 0);
    if (d < year_distance) {
      year_distance = d;
      f.qualifiers["year"] = t_[k].lower;
    }
  }
  for (int k = 0; k < n_; ++k) {
    if (rel == RelationType::kInvestedIn && !f.qualifiers.count("amount")) {
      int b = k;
      bool dollar = IsPunct(t_[k], "$") && k + 1 < n_ && IsNumber(t_[k + 1]);
      if (dollar || IsNumber(t_[k])) {
        int e = dollar ? k + 2 : k + 1;
        if (e < n_ && In(lx_.scale, t_[e])) ++e;
        bool currency = dollar || absl::EndsWith(t_[k].lower, "bn");
        // The longest currency phrase ("nhân dân tệ", "đô la"), else its first word.
        if (e < n_) {
          int cm = lx_.currency.Match(t_, e);
          if (cm > 0) {
            currency = true;
            e += cm;
          }
        }
        if (currency) {
          f.qualifiers["amount"] = doc_.norm.text.substr(t_[b].begin, t_[e - 1].end - t_[b].begin);
        }
      }
    }
    if (rel == RelationType::kInvestedIn && !f.qualifiers.count("round")) {
      if (In(lx_.round_name, t_[k]) && k + 1 < n_ && t_[k + 1].word &&
          t_[k + 1].all_caps == false && t_[k + 1].lower.size() == 1) {
        f.qualifiers["round"] = absl::StrCat("Series ", absl::AsciiStrToUpper(t_[k + 1].lower));
      } else if (lx_.seed_round.Match(t_, k) > 0) {
        f.qualifiers["round"] = "seed";
      }
    }
  }
  out_->push_back(std::move(f));
}

void SentenceRules::Emit(RelationType rel, const Slot& left, const Slot& right,
                         bool left_is_subject, const std::string& rule, int base, int trigger_begin,
                         int trigger_end) {
  int conf = base - left.penalty - right.penalty;
  for (int l : left.mentions) {
    for (int r : right.mentions) {
      if (left_is_subject) {
        AddFact(rel, l, r, rule, conf, trigger_begin, trigger_end);
      } else {
        AddFact(rel, r, l, rule, conf, trigger_begin, trigger_end);
      }
    }
  }
}

void SentenceRules::Generic(int i, int m, const Trigger& trig) {
  RelationType rel = trig.relation;
  std::string rule = absl::StrCat("verb:", trig.phrase);
  int base = (trig.flags & kWeak) ? 78 : 90;
  if (rel == RelationType::kFoundedBy && !(trig.flags & kNoun) && i >= 4) {
    // "Synspective, which Motoyuki Arai founded in 2018, ...": the founders sit between a
    // relative word and the verb; the organisation stands before the relative word.
    Slot founders = LeftGroup(i, false);
    int r = founders.begin - 1;
    if (!founders.mentions.empty() && r >= 2 && lx_.clause_relative.MatchEndingAt(t_, r + 1) == 1 &&
        IsPunct(t_[r - 1], ",") && MentionAt(r - 2) >= 0 && SlotFits(rel, true, MentionAt(r - 2)) &&
        SlotFits(rel, false, founders.mentions.front())) {
      Slot company;
      company.mentions.push_back(MentionAt(r - 2));
      Emit(rel, company, founders, true, absl::StrCat("relative:", trig.phrase), base - 10, i,
           i + m);
      return;
    }
  }
  if (rel == RelationType::kFoundedBy && !trig.left_is_subject && !(trig.flags & kNoun)) {
    // "X, công ty do ông Y sáng lập năm 2010 và đã về tay Z": the founders are the agent
    // of a "do"/"được" construction whose organisation stands before it (read by
    // Circum); the name after the verb belongs to another clause.
    Slot founders = LeftGroup(i, false);
    int b = founders.begin;
    if (!founders.mentions.empty() && b > 0) b -= lx_.person_prefix.MatchEndingAt(t_, b);
    int cv = -1;
    if (!founders.mentions.empty() && b > 0 && lx_.triggers.Match(t_, b - 1, &cv) == 1 &&
        (lx_.trigger_info[cv].flags & kCircum)) {
      return;
    }
  }
  // "hỗ trợ" (support), "backed", "funded" mean investing only in a financial
  // context: this sentence or the one before it speaks of money.
  if ((trig.flags & kWeak) && rel == RelationType::kInvestedIn && !FinanceNear(i, i + m)) return;
  // "X cũng tham gia vòng này", "Y joined the round": the round stands for the company
  // that raised it.
  if (rel == RelationType::kInvestedIn && trig.left_is_subject) {
    for (int k = i + m - 1; k <= i + m + 1 && k < n_; ++k) {
      int rm = MentionAt(k);
      if (rm < 0 || !M(rm).anaphor || M(rm).anaphor_kind != AnaphorKind::kRound) continue;
      Slot round;
      round.mentions.push_back(rm);
      round.begin = M(rm).tb;
      round.end = M(rm).te;
      Slot investors = LeftGroup(i, true);
      if (!investors.mentions.empty()) {
        Emit(rel, investors, round, true, absl::StrCat("round-join:", trig.phrase), 80, i, i + m);
      }
      return;
    }
  }
  if (trig.flags & kDepart) {
    bool left_job = false;
    for (int k = 0; k < n_; ++k) {
      if (k >= i && k < i + m) continue;
      if (lx_.depart.Match(t_, k) > 0) left_job = true;
    }
    if (!left_job) return;
    rule = absl::StrCat("past-job:", trig.phrase);
    base = 80;
  }
  Slot right;
  if ((trig.flags & kRound) && !(trig.flags & kBridge)) {
    // "X raised $50m in a round led by Y": Y invested in the sentence's subject. So
    // does "The round was led by Y", the round standing for the company.
    int rb = i;
    if (rb > 0 && lx_.copula.MatchEndingAt(t_, rb) > 0) rb -= lx_.copula.MatchEndingAt(t_, rb);
    // "a Series A led by Y": the round's letter after the round word.
    if (rb >= 2 && t_[rb - 1].word && t_[rb - 1].lower.size() == 1 &&
        lx_.round.MatchEndingAt(t_, rb - 1) > 0) {
      --rb;
    }
    if (rb == 0 || lx_.round.MatchEndingAt(t_, rb) == 0) {
      int rm = MentionAt(rb - 1);
      if (rb == 0 || rm < 0 || !M(rm).anaphor || M(rm).anaphor_kind != AnaphorKind::kRound) {
        return;
      }
    }
    right = RightGroup(i + m, 2);
    Slot subject = SentenceSubject(i);
    if (right.mentions.empty() || subject.mentions.empty()) return;
    Emit(rel, subject, right, trig.left_is_subject, absl::StrCat("round:", trig.phrase), 85, i,
         i + m);
    return;
  }
  // "Y, which led X's $6 million Series A": the round's owner named before it.
  int owner = MentionAt(i + m);
  if ((trig.flags & kRound) && (trig.flags & kBridge) && owner >= 0 && M(owner).te < n_ &&
      t_[M(owner).te].lower == "'s") {
    bool round = false;
    for (int k = M(owner).te + 1; k < n_ && k <= M(owner).te + 6 && !round; ++k) {
      if (MentionAt(k) >= 0) break;
      round = lx_.round.Match(t_, k) > 0;
    }
    if (round) {
      right.mentions.push_back(owner);
      right.begin = M(owner).tb;
      right.end = M(owner).te;
      rule = absl::StrCat("owner-round:", trig.phrase);
    }
  }
  if (!right.mentions.empty()) {
    // Found above.
  } else if (trig.flags & kBridge) {
    int after = FindBridge(i + m, 14, (trig.flags & kRound) != 0, false);
    if (after < 0) return;
    // "nhận khoản đầu tư 8 triệu USD trong vòng Series A từ Y": a bridge that leads to
    // no name, or is not the one the trigger wants, gives way to the next one.
    auto wanted = [&](int a) {
      if ((trig.flags & kBy) && !In(lx_.agent_by, t_[a - 1])) return false;
      if ((trig.flags & kFrom) && !In(lx_.source_from, t_[a - 1])) return false;
      return true;
    };
    for (int tries = 0; tries < 3 && after >= 0 && after < n_; ++tries) {
      bool round_place = In(lx_.within, t_[after - 1]);
      if (wanted(after) && (!round_place || !RightGroup(after, 4).mentions.empty())) break;
      int next = FindBridge(after, 14 - (after - i - m), (trig.flags & kRound) != 0, false);
      if (next < 0) break;
      after = next;
    }
    if ((trig.flags & kBy) && !In(lx_.agent_by, t_[after - 1])) {
      return;
    }
    if ((trig.flags & kFrom) && !In(lx_.source_from, t_[after - 1])) {
      return;
    }
    // "nhận cam kết đầu tư từ Y": money from Y, so Y is the investor; without a
    // receiving verb before it, "đầu tư từ" says nothing of who invested.
    if (rel == RelationType::kInvestedIn && trig.left_is_subject && !(trig.flags & kFrom) &&
        In(lx_.source_from, t_[after - 1])) {
      bool received = false;
      for (int k = i - 1; k >= 0 && k >= i - 4; --k) {
        received = received || In(lx_.receive_verb, t_[k]);
      }
      if (!received) return;
      right = RightGroup(after, 4);
      if (right.mentions.empty()) return;
      Slot company = LeftGroup(i - 1, true);
      if (company.mentions.empty()) company = SentenceSubject(i);
      if (company.mentions.empty() && TimelineColon() >= 0) {
        // "March 2022: raised $3 million from X": the timeline's topic raised it.
        int topic = TimelineTopic();
        if (topic >= 0) company.mentions.push_back(topic);
      }
      if (company.mentions.empty()) return;
      Emit(rel, right, company, true, absl::StrCat("bridge:", trig.phrase), 82, i, i + m);
      return;
    }
    right = RightGroup(after, 4);
    rule = absl::StrCat("bridge:", trig.phrase);
  } else {
    right = RightGroup(i + m, (trig.flags & kTight) ? 1 : 6);
    // "bought Nvidia chips", "left Google headquarters": with a bare verb, a name
    // followed by a common noun modifies that noun and is not the object.
    if ((trig.flags & kTight) && !right.mentions.empty()) {
      int e = right.end;
      if (e < n_ && t_[e].word && !t_[e].cap && !t_[e].has_digit && MentionAt(e) < 0 &&
          lx_.common.Match(t_, e) == 0 && lx_.filler.Match(t_, e) == 0 &&
          lx_.bridge.Match(t_, e) == 0 && lx_.coord.Match(t_, e) == 0 &&
          lx_.stop.Match(t_, e) == 0 && lx_.modality.Match(t_, e) == 0) {
        return;
      }
    }
  }
  if (right.mentions.empty()) return;
  Slot left = LeftGroup(i, true);
  if (left.mentions.empty() && rel == RelationType::kAlumniOf && trig.left_is_subject) {
    // "X holds a master's degree from Y", "X has a PhD from Y": the holder stands before
    // the verb of holding and the degree's level.
    int k = i;
    while (k > 0 && k > i - 5 && (In(lx_.degree_lead, t_[k - 1]) || t_[k - 1].lower == "'s")) --k;
    if (k < i) left = LeftGroup(k, true);
  }
  bool noun = (trig.flags & kNoun) != 0;
  // "Đồng sáng lập X, ông Y, ...": a founder verb opening the sentence is a noun.
  if (!noun && rel == RelationType::kFoundedBy && !trig.left_is_subject && left.mentions.empty()) {
    bool first = true;
    for (int k = 0; k < i; ++k) first = first && !t_[k].word;
    noun = first;
  }
  if (noun) {
    rule = absl::StrCat("founder-noun:", trig.phrase);
    // "X founder Y", "X's co-founder Y", "X: nhà sáng lập là Y": the organisation
    // comes first, right before the noun, and the founder follows it.
    if (!left.mentions.empty() && TypeOf(left.mentions.back()) != EntityType::kPerson &&
        left.end == i - (i > 0 && (t_[i - 1].lower == "'s" || IsPunct(t_[i - 1], ":")) ? 1 : 0) &&
        TypeOf(right.mentions.front()) != EntityType::kOrganization) {
      Emit(rel, left, right, true, rule, base, i, i + m);
      return;
    }
    if (left.mentions.empty() && TypeOf(right.mentions.front()) != EntityType::kOrganization) {
      // "X's chief executive and co-founder Y".
      for (int k = i - 1; k >= 1 && k >= i - 5; --k) {
        if (t_[k].lower == "'s" && MentionAt(k - 1) >= 0) {
          Slot org;
          org.mentions.push_back(MentionAt(k - 1));
          Emit(rel, org, right, true, rule, base - 10, i, i + m);
          return;
        }
        if (!t_[k].word) break;
      }
    }
    if (left.mentions.empty()) {
      // "nhà sáng lập X, Y", "người sáng lập X là Y": the founder follows.
      int e = right.end;
      if (e < n_ && (IsPunct(t_[e], ",") || lx_.copula.Match(t_, e) > 0)) {
        int k = e + 1;
        k += lx_.person_prefix.Match(t_, k);
        if (MentionAt(k) >= 0) {
          Slot person;
          person.mentions.push_back(MentionAt(k));
          Emit(rel, person, right, false, rule, base - 10, i, i + m);
        }
      }
      return;
    }
  }
  if (left.mentions.empty() && rel == RelationType::kHqIn && i == 0) {
    // "Based in Hanoi, the startup Timo ...": the organisation follows the place.
    int k = right.end;
    if (k < n_ && IsPunct(t_[k], ",")) {
      ++k;
      while (k < n_ && k <= right.end + 5 && MentionAt(k) < 0 && t_[k].word && !t_[k].cap) ++k;
      if (MentionAt(k) >= 0) {
        Slot org;
        org.mentions.push_back(MentionAt(k));
        Emit(rel, org, right, true, rule, base - 10, i, i + m);
      }
    }
    return;
  }
  // "X, the firm founded by A and B, first invested in Y", "X was set up by A, B and C,
  // and remains headquartered in Z": the agents of an earlier passive, with a comma
  // between them and this verb, are not its subject; the sentence's subject is.
  int agent = left.begin - (left.begin > 0 ? lx_.person_prefix.MatchEndingAt(t_, left.begin) : 0);
  if (!left.mentions.empty() && trig.left_is_subject && agent > 0 &&
      In(lx_.agent_by, t_[agent - 1])) {
    // An appositive, relative clause or quantifier between them ("by A, the venture arm",
    // "by A, an engineer who left Y", "by A and B, both alumni of Y") is about A itself.
    bool comma = false, described = false;
    for (int q = left.end; q < i; ++q) {
      comma = comma || IsPunct(t_[q], ",");
      described = described || In(lx_.article, t_[q]) || In(lx_.relative, t_[q]) ||
                  lx_.quantifier.Match(t_, q) > 0 ||
                  lx_.clause_relative.Match(t_, q) > 0;
    }
    if (comma && !described) {
      Slot subject = SentenceSubject(agent - 1);
      if (subject.mentions.empty() ||
          !SlotFits(rel, trig.left_is_subject, subject.mentions.front())) {
        return;
      }
      left = subject;
    }
  }
  // "X, do Y, cựu CEO của Z, thành lập năm 2023, cũng nhận vốn từ W": a possessor
  // inside the descriptions is not the actor; the sentence's subject is.
  // But "... of X, a drone services firm based in Y": an appositive opening with an
  // article and running up to the verb describes X itself.
  bool described = false;
  if (!left.mentions.empty()) {
    int te = M(left.mentions.front()).te;
    described = te + 1 < i && IsPunct(t_[te], ",") && In(lx_.article, t_[te + 1]);
    for (int q = te + 1; described && q < i; ++q) described = t_[q].word;
  }
  if (!left.mentions.empty() && left.penalty > 0 && !described &&
      (M(left.mentions.front()).genitive ||
       !SlotFits(rel, trig.left_is_subject, left.mentions.front()))) {
    Slot subject = SentenceSubject(i);
    if (!subject.mentions.empty() &&
        SlotFits(rel, trig.left_is_subject, subject.mentions.front())) {
      left = subject;
    }
  }
  if (left.mentions.empty() && !trig.left_is_subject && rel == RelationType::kFoundedBy && i >= 1 &&
      i <= 3 && lx_.clause_break.MatchEndingAt(t_, i) == i) {
    // "Trước khi đồng sáng lập công ty, chị Duyên từng ...", "Before co-founding X in
    // 2019, Y worked at Z": the founder is the subject of the main clause after it.
    int k = right.end;
    while (k < n_ && k <= right.end + 6 && !IsPunct(t_[k], ",")) ++k;
    if (k + 1 < n_ && IsPunct(t_[k], ",")) {
      int q = k + 1 + lx_.person_prefix.Match(t_, k + 1);
      int mi = MentionAt(q);
      if (mi >= 0 && M(mi).tb == q && TypeFits(TypeOf(mi), EntityType::kPerson)) {
        Slot founder;
        founder.mentions.push_back(mi);
        Emit(rel, founder, right, false, rule, base - 8, i, i + m);
      }
    }
    return;
  }
  if (left.mentions.empty() && trig.left_is_subject && !(trig.flags & kNoun)) {
    // "Được thành lập bởi A và B vào năm 2016, PayNow ...", "Founded in 2020 by A,
    // Ledgerly sells ...": a participle clause opening the sentence describes the name
    // after its comma.
    bool opens = true;
    for (int k = 0; k < i; ++k) {
      if (MentionAt(k) >= 0 || (t_[k].word && lx_.filler.Match(t_, k) == 0 &&
                                lx_.modality.Match(t_, k) == 0 && !In(lx_.passive, t_[k]))) {
        opens = false;
      }
    }
    if (opens) {
      // "Founded in 2018 by A and B, Parcelly ...": a name after a bare comma that closes
      // the founder list is the clause's subject, not one more founder.
      if (right.mentions.size() >= 2) {
        const Mention& last = M(right.mentions.back());
        if (last.tb >= 1 && IsPunct(t_[last.tb - 1], ",") &&
            TypeOf(right.mentions.back()) != EntityType::kPerson &&
            (last.te >= n_ || !t_[last.te].word || lx_.coord.Match(t_, last.te) == 0)) {
          Slot subj;
          subj.mentions.push_back(right.mentions.back());
          right.mentions.pop_back();
          right.end = M(right.mentions.back()).te;
          Emit(rel, subj, right, trig.left_is_subject, rule, base - 8, i, i + m);
          return;
        }
      }
      // "Rời Intel năm 2019 sau 7 năm làm kỹ sư, X ...": a past job may take longer.
      int reach = rel == RelationType::kAlumniOf ? 12 : 8;
      int k = SkipAppositive(right.end);
      // "Founded in 2021 by A and B, who met at GitHub, Quillmark sells ...": the name
      // right after the founders' description.
      if (k > right.end && MentionAt(k) >= 0 && M(MentionAt(k)).tb == k &&
          !M(MentionAt(k)).source && TypeOf(MentionAt(k)) != EntityType::kPlace) {
        Slot subj;
        subj.mentions.push_back(MentionAt(k));
        Emit(rel, subj, right, trig.left_is_subject, rule, base - 8, i, i + m);
        return;
      }
      while (k < n_ && k <= right.end + reach && !IsPunct(t_[k], ",") &&
             (t_[k].word || t_[k].lower == "$" || IsPunct(t_[k], "-"))) {
        ++k;
      }
      if (k < n_ && IsPunct(t_[k], ",")) {
        int q = k + 1;
        while (q < n_ && q <= k + 4 && MentionAt(q) < 0 && t_[q].word && !t_[q].cap) ++q;
        int mi = MentionAt(q);
        if (mi >= 0 && !M(mi).source) {
          Slot subj;
          subj.mentions.push_back(mi);
          subj.begin = M(mi).tb;
          subj.end = M(mi).te;
          Emit(rel, subj, right, trig.left_is_subject, rule, base - 8, i, i + m);
        }
      }
      return;
    }
  }
  if (left.mentions.empty() && trig.left_is_subject && i >= 4 &&
      In(lx_.clause_relative, t_[i - 1])) {
    // "A, a former Viettel engineer who graduated from X": the relative clause is
    // about the name the description describes.
    for (int k = i - 2; k >= 1 && k >= i - 9; --k) {
      if (!t_[k].word && !IsPunct(t_[k], "-")) {
        if (IsPunct(t_[k], ",") && In(lx_.article, t_[k + 1]) && MentionAt(k - 1) >= 0) {
          int mi = MentionAt(k - 1);
          left.mentions.push_back(mi);
          left.begin = M(mi).tb;
          left.end = M(mi).te;
          left.penalty = 8;
        }
        break;
      }
    }
  }
  // "- Tháng 6/2021: nhận vốn từ X": a timeline item's subject is the list's topic.
  if (left.mentions.empty() && (rel == RelationType::kInvestedIn) && !trig.left_is_subject) {
    int colon = TimelineColon();
    bool bare = colon >= 0;
    for (int k = colon + 1; bare && k < i; ++k) bare = MentionAt(k) < 0;
    int topic = bare ? TimelineTopic() : -1;
    if (topic >= 0) {
      left.mentions.push_back(topic);
      left.penalty = 10;
    }
  }
  if (left.mentions.empty() && rel == RelationType::kInvestedIn && !trig.left_is_subject &&
      !(trig.flags & kNoun)) {
    // "X, a Boston-based maker of robots, emerged from stealth with $30 million in
    // funding from Y": the company that receives is the sentence's subject.
    left = SentenceSubject(i);
    if (left.mentions.empty()) return;
  }
  if (left.mentions.empty() && trig.left_is_subject && rel == RelationType::kAlumniOf) {
    left = PairSubject(i);
  }
  if (left.mentions.empty()) {
    if (!SubjectOmitted(i)) return;
    left = SentenceSubject(i);
    // "X was started by Y after leaving Z", "X được ông Y sáng lập sau khi rời Z": only
    // a person leaves a job; the last person named before the clause is its subject.
    if (rel == RelationType::kAlumniOf && trig.left_is_subject &&
        (left.mentions.empty() || TypeOf(left.mentions.front()) != EntityType::kPerson)) {
      left = Slot{};
      for (int k = i - 1; k >= 0; --k) {
        int mi = MentionAt(k);
        if (mi >= 0 && TypeOf(mi) == EntityType::kPerson && !M(mi).genitive) {
          left.mentions.push_back(mi);
          left.begin = M(mi).tb;
          left.end = M(mi).te;
          left.penalty = 10;
          break;
        }
      }
    }
    if (left.mentions.empty()) return;
  }
  Emit(rel, left, right, trig.left_is_subject, rule, base, i, i + m);
}

void SentenceRules::Former(int i, int m, const Trigger& trig) {
  std::string rule = absl::StrCat("former:", trig.phrase);
  bool needs_bridge = (trig.flags & kNeedsBridge) != 0;
  // "ex-Meta researcher", "cựu Google": the organisation right after the marker;
  // otherwise the one after a bridge ("cựu giám đốc của X", "former executive at X").
  int after = MentionAt(i + m) >= 0 ? -1 : FindBridge(i + m, 12, false, true);
  Slot org;
  if (after >= 0) {
    org = RightGroup(after, 6);
  } else if (!needs_bridge) {
    org = RightGroup(i + m, 4);
  }
  // "ba cựu nhân viên VNG là A, B và C", "former Grab staff X": the staff noun, which
  // elsewhere blocks a name, here says who worked there.
  if (org.mentions.empty() && !needs_bridge) {
    int sm = lx_.staff_noun.Match(t_, i + m);
    int om = sm > 0 ? MentionAt(i + m + sm) : -1;
    if (om >= 0 && M(om).tb == i + m + sm && TypeOf(om) != EntityType::kPlace &&
        TypeOf(om) != EntityType::kPerson) {
      org.mentions.push_back(om);
      org.begin = M(om).tb;
      org.end = M(om).te;
    }
  }
  if (org.mentions.empty()) return;
  Slot person;
  // "do Y, cựu CEO của Z, thành lập": the description right after a name is its own.
  if (i >= 2 && IsPunct(t_[i - 1], ",") && MentionAt(i - 2) >= 0 &&
      TypeOf(MentionAt(i - 2)) == EntityType::kPerson) {
    int mi = MentionAt(i - 2);
    person.mentions.push_back(mi);
    person.begin = M(mi).tb;
    person.end = M(mi).te;
  } else {
    person = LeftGroup(i, true);
  }
  if (person.mentions.empty()) {
    // "Hayes is a former AWS engineer", "Bà Lan là cựu giám đốc của X": the person is
    // the copula's subject.
    int k = i;
    if (k > 0 && In(lx_.article, t_[k - 1])) --k;
    int c = lx_.copula.MatchEndingAt(t_, k);
    if (c > 0 && k - c > 0) person = LeftGroup(k - c, true);
    if (!person.mentions.empty() && TypeOf(person.mentions.front()) == EntityType::kOrganization) {
      person = Slot{};
    }
  }
  if (person.mentions.empty() || TypeOf(person.mentions.front()) == EntityType::kOrganization) {
    // "former Google engineer Jane Doe": the person follows.
    int e = org.end;
    int k = e;
    while (k < n_ && k <= e + 3 && MentionAt(k) < 0 && (t_[k].word || IsPunct(t_[k], ","))) ++k;
    int mi = MentionAt(k);
    // Not the organisation of a relation that follows ("cựu nhân viên VNG thành lập
    // X"): only names right after the description or its copula.
    if (mi >= 0 && HasTrigger(e, k)) mi = -1;
    if (mi >= 0 && TypeFits(TypeOf(mi), EntityType::kPerson)) {
      person = Slot{};
      person.mentions.push_back(mi);
      person.begin = M(mi).tb;
      person.end = M(mi).te;
      ExtendRight(&person, /*skip_former=*/false);
      // "ex-Stripe manager B, Ledgerly sells ...": only people are former employees.
      while (person.mentions.size() > 1 && TypeOf(person.mentions.back()) != EntityType::kPerson &&
             IsPunct(t_[M(person.mentions.back()).tb - 1], ",")) {
        person.mentions.pop_back();
      }
    } else if (Slot pair = PairSubject(i); !pair.mentions.empty()) {
      person = pair;
    } else if (SubjectOmitted(i)) {
      person = SentenceSubject(i);
    } else {
      return;
    }
  }
  if (person.mentions.empty()) return;
  Emit(RelationType::kAlumniOf, person, org, true, rule, 85, i, i + m);
}

void SentenceRules::Circum(int i, int m) {
  // "X do Y thành lập", "X được Y hậu thuẫn".
  int k = i + m;
  while (k < n_ && MentionAt(k) < 0 && k <= i + m + 2 && t_[k].word && !t_[k].cap) ++k;
  // "được Quỹ đầu tư Nextrans rót vốn": a capitalised cue noun before the name.
  if (MentionAt(k) < 0 && k == i + m) k += lx_.org_prefix.Match(t_, k);
  // "do ba cựu nhân viên VNG là A, B và C thành lập": a description of the agents,
  // then a copula naming them.
  for (int q = i + m; q < n_ && q <= i + m + 8; ++q) {
    if (!t_[q].word) break;
    int cm = lx_.copula.Match(t_, q);
    if (cm > 0 && q + cm < n_ && MentionAt(q + cm) < 0) {
      cm += lx_.person_prefix.Match(t_, q + cm);  // "là ông A và ông B"
    }
    if (cm > 0 && q > i + m && MentionAt(q + cm) >= 0 && M(MentionAt(q + cm)).tb == q + cm) {
      k = q + cm;
      break;
    }
    if (lx_.circum_verbs.Match(t_, q) > 0) break;
  }
  int mi = MentionAt(k);
  if (mi < 0) return;
  Slot agent;
  agent.mentions.push_back(mi);
  agent.begin = M(mi).tb;
  agent.end = M(mi).te;
  ExtendRight(&agent);
  int v = agent.end;
  // "do Lý Minh Viễn (Li Mingyuan), cựu ...": the agent's other name in parentheses.
  if (v + 2 < n_ && IsPunct(t_[v], "(")) {
    int q = v + 1;
    while (q < n_ && q <= v + 6 && !IsPunct(t_[q], ")")) ++q;
    if (q < n_ && IsPunct(t_[q], ")")) v = q + 1;
  }
  v = SkipAppositive(v);
  // "được tập đoàn NTT Data của Nhật Bản mua lại": the agent's country.
  if (v + 1 < n_ && lx_.genitive.Contains(t_[v].lower) && MentionAt(v + 1) >= 0 &&
      TypeOf(MentionAt(v + 1)) == EntityType::kPlace) {
    v = M(MentionAt(v + 1)).te;
  }
  while (v < n_) {
    int f = lx_.filler.Match(t_, v);
    if (f == 0) break;
    v += f;
  }
  int rel_value = 0;
  int vm = lx_.circum_verbs.Match(t_, v, &rel_value);
  if (vm == 0) return;
  RelationType rel = static_cast<RelationType>(rel_value);
  Slot patient = LeftGroup(i, true);
  // "X, quỹ có trụ sở tại Thâm Quyến do A và B đồng sáng lập", "startup có trụ sở tại
  // TP HCM được Y hậu thuẫn": the headquarters phrase describes the name before it,
  // which is the patient, not the place.
  if (patient.mentions.size() == 1 && TypeOf(patient.mentions.front()) == EntityType::kPlace) {
    const Mention& place = M(patient.mentions.front());
    int hv = -1;
    int hb = -1;
    for (int k = place.tb - 1; k >= 0 && k >= place.tb - 6; --k) {
      int hm = lx_.triggers.Match(t_, k, &hv);
      if (hm > 0 && k + hm == place.tb && lx_.trigger_info[hv].relation == RelationType::kHqIn) {
        hb = k;
        break;
      }
    }
    patient = Slot{};
    if (hb > 0) {
      // The name, or the anaphoric description ("startup") with its name before a
      // comma, ahead of the phrase.
      for (int k = hb - 1; k >= 0 && k >= hb - 6; --k) {
        int mi = MentionAt(k);
        if (mi >= 0 && TypeOf(mi) != EntityType::kPlace && TypeOf(mi) != EntityType::kPerson) {
          patient.mentions.push_back(mi);
          patient.begin = M(mi).tb;
          patient.end = M(mi).te;
          break;
        }
      }
    } else {
      // "Woowa Brothers, công ty Hàn Quốc do ông Kim Bong-jin sáng lập": the place says
      // where the organisation noun before it is from; the name before the comma is the
      // patient.
      int om = lx_.org_prefix.MatchEndingAt(t_, place.tb);
      int c = place.tb - om - 1;
      if (om > 0 && c >= 1 && IsPunct(t_[c], ",")) {
        int mi = MentionAt(c - 1);
        if (mi >= 0 && TypeOf(mi) != EntityType::kPlace && TypeOf(mi) != EntityType::kPerson) {
          patient.mentions.push_back(mi);
          patient.begin = M(mi).tb;
          patient.end = M(mi).te;
        }
      }
    }
  }
  if (patient.mentions.empty() && rel == RelationType::kInvestedIn && i > 0) {
    // "X huy động 10 triệu USD trong vòng gọi vốn (Series A, trị giá 5 triệu USD) do Y
    // dẫn dắt": the round is the sentence subject's.
    for (int k = i; k > 0 && k >= i - 12 && MentionAt(k - 1) < 0; --k) {
      if (lx_.round.MatchEndingAt(t_, k) > 0) {
        patient = SentenceSubject(i);
        break;
      }
    }
  }
  if (patient.mentions.empty()) return;
  std::string rule = absl::StrCat("circum:", t_[i].lower, "...", t_[v].lower);
  Emit(rel, patient, agent, rel == RelationType::kFoundedBy, rule, 85, i, v + vm);
}

void SentenceRules::InvestNoun(int i, int m, const Trigger& trig) {
  // "khoản đầu tư của Y vào X", "investment by Y in X".
  Slot investor = RightGroup(i + m, 1);
  if (investor.mentions.empty()) return;
  int k = investor.end;
  int b = lx_.bridge.Match(t_, k);
  if (b == 0 || !In(lx_.into, t_[k])) return;
  Slot company = RightGroup(k + b, 3);
  if (company.mentions.empty()) return;
  Emit(RelationType::kInvestedIn, investor, company, true,
       absl::StrCat("invest-noun:", trig.phrase), 85, i, k);
}

void SentenceRules::Based(int i) {
  // "<place>-based X", "X, a <place>-based startup".
  if (i < 2 || !IsPunct(t_[i - 1], "-")) return;
  int place = MentionAt(i - 2);
  if (place < 0 || !IsCity(place)) return;
  Slot org;
  for (int k = i + 1; k < n_ && k <= i + 4; ++k) {
    if (MentionAt(k) >= 0) {
      org.mentions.push_back(MentionAt(k));
      break;
    }
    // "the Shenzhen-based carmaker backed by X": a verb or a bridge ends the
    // description; a name after it is someone else.
    if (!t_[k].word || lx_.triggers.Match(t_, k) > 0 || lx_.bridge.Match(t_, k) > 0) break;
  }
  Slot city;
  city.mentions.push_back(place);
  if (org.mentions.empty() || TypeOf(org.mentions.front()) == EntityType::kPerson) {
    int k = M(place).tb - 1;
    if (k >= 0 && In(lx_.article, t_[k])) --k;
    if (k >= 1 && (IsPunct(t_[k], ",") || lx_.copula.Match(t_, k) > 0) && MentionAt(k - 1) >= 0) {
      org = Slot{};
      org.mentions.push_back(MentionAt(k - 1));
    }
  }
  if (org.mentions.empty()) return;
  // Stated inside a noun phrase: "in talks to acquire X, a Chicago-based startup"
  // hedges the acquisition, not where X is.
  phrase_internal_ = true;
  Emit(RelationType::kHqIn, org, city, true, "based:-based", 85, i - 1, i + 1);
  phrase_internal_ = false;
}

void SentenceRules::Backed(int i) {
  // "SoftBank-backed Ola Electric", "a Sequoia-funded startup, Nestwise".
  if (i < 2 || !IsPunct(t_[i - 1], "-")) return;
  int investor = MentionAt(i - 2);
  if (investor < 0) return;
  Slot company;
  for (int k = i + 1; k < n_ && k <= i + 4; ++k) {
    if (MentionAt(k) >= 0) {
      // "Samsung-Backed Chip Startup Lumira Raises ...": a title-case headline run
      // that swallowed the compound is no name.
      if (M(MentionAt(k)).tb > i) company.mentions.push_back(MentionAt(k));
      break;
    }
    if (!t_[k].word || lx_.triggers.Match(t_, k) > 0 || lx_.bridge.Match(t_, k) > 0) break;
  }
  // "Lazada, the Alibaba-owned e-commerce platform": the company before the
  // appositive.
  if (company.mentions.empty()) {
    int k = M(investor).tb - 1;
    if (k >= 0 && In(lx_.article, t_[k])) --k;
    if (k >= 1 && (IsPunct(t_[k], ",") || lx_.copula.Match(t_, k) > 0) && MentionAt(k - 1) >= 0 &&
        TypeOf(MentionAt(k - 1)) != EntityType::kPerson &&
        TypeOf(MentionAt(k - 1)) != EntityType::kPlace) {
      company.mentions.push_back(MentionAt(k - 1));
    }
  }
  if (company.mentions.empty()) return;
  Slot inv;
  inv.mentions.push_back(investor);
  Emit(RelationType::kInvestedIn, inv, company, true, absl::StrCat("compound:-", t_[i].lower), 80,
       i - 2, i + 1);
}

void SentenceRules::HqNoun(int i, int m, const Trigger& trig) {
  // "Trụ sở chính của X đặt tại Y", "The headquarters of X are in Y".
  Slot org = RightGroup(i + m, 2);
  if (org.mentions.empty()) return;
  for (int k = org.end; k < n_ && k <= org.end + 3; ++k) {
    if (!t_[k].word) return;
    if (In(lx_.locative, t_[k]) && MentionAt(k + 1) >= 0) {
      Slot city;
      city.mentions.push_back(MentionAt(k + 1));
      Emit(RelationType::kHqIn, org, city, true, absl::StrCat("hq-noun:", trig.phrase), 85, i,
           k + 1);
      return;
    }
  }
}

void SentenceRules::HqAppositive(int i) {
  // "X, một công ty khởi nghiệp ở Hàng Châu", "X, a startup in Hangzhou".
  if (!In(lx_.locative, t_[i])) return;
  int place = MentionAt(i + 1);
  if (place < 0 || !IsCity(place) || M(place).tb != i + 1) return;
  for (int j = i - 1; j >= 2 && j >= i - 7; --j) {
    if (!t_[j].word) return;
    if (In(lx_.article, t_[j]) && IsPunct(t_[j - 1], ",") && lx_.org_prefix.Match(t_, j + 1) > 0) {
      int org = MentionAt(j - 2);
      if (org < 0) return;
      Slot o, c;
      o.mentions.push_back(org);
      c.mentions.push_back(place);
      Emit(RelationType::kHqIn, o, c, true, "appositive:located", 75, j, i + 1);
      return;
    }
  }
}

void SentenceRules::TableRow() {
  if (s_.mentions.size() < 2) return;
  Slot org, city;
  org.mentions.push_back(s_.mentions.front());
  city.mentions.push_back(s_.mentions.back());
  Emit(RelationType::kHqIn, org, city, true, "table:headquarters", 80, 0, 0);
}

void SentenceRules::Participation(int i, int m) {
  // "X huy động 35 triệu USD vòng Series B, với sự tham gia của A và B", "X raised
  // $50 million ..., with participation from A and B": A and B joined X's round. Only
  // in a sentence about money, and only for the sentence's subject.
  if (!FinanceNear(i, i + m)) {
    bool round = false;
    for (int k = 0; k < i && !round; ++k) round = lx_.round.Match(t_, k) > 0;
    if (!round) return;
  }
  Slot investors = RightGroup(i + m, 2);
  if (investors.mentions.empty()) return;
  Slot company = SentenceSubject(i);
  if (company.mentions.empty()) return;
  Emit(RelationType::kInvestedIn, investors, company, true, "participation", 82, i, i + m);
}

// "Quỹ X cũng tham gia.", "X and Y also took part.", "Also participating were X and
// Y": investors joining a round the article has just described, with no name after
// the verb. The company is the one whose round the last sentences spoke of: a round
// anaphor here, else the company of the last investment stated in the two sentences
// before.
void SentenceRules::BareJoin(int i, int m, bool investors_after) {
  int e = i + m;
  int round_mention = -1;
  if (!investors_after) {
    // Only the end of the clause, or a round ("trong vòng này", "in the round"), may
    // follow; a name after the verb is its object and the verb rules read it.
    int k = e;
    while (k < n_ && k < e + 4 && t_[k].word && MentionAt(k) < 0 && lx_.round.Match(t_, k) == 0) {
      ++k;
    }
    if (k < n_ && MentionAt(k) >= 0) {
      const Mention& r = M(MentionAt(k));
      if (!r.anaphor || r.anaphor_kind != AnaphorKind::kRound) return;
      round_mention = MentionAt(k);
    } else if (k < n_ && t_[k].word && lx_.round.Match(t_, k) == 0) {
      return;
    } else if (k < n_ && !t_[k].word && k > e && lx_.round.Match(t_, k) == 0) {
      // Words, then punctuation: "also took part in talks." says nothing of money.
      return;
    }
  }
  Slot investors = investors_after ? RightGroup(e, 1) : LeftGroup(i, true);
  if (investors.mentions.empty()) return;
  int company = round_mention >= 0 ? round_mention : RoundOwner();
  if (company < 0) return;
  Slot object;
  object.mentions.push_back(company);
  Emit(RelationType::kInvestedIn, investors, object, true, "bare-join", 80, i, e);
}

// "Nhà đầu tư dẫn dắt là X", "The lead investor was X", "X là nhà đầu tư dẫn dắt",
// "X was the lead investor": X led the round the article has just described.
void SentenceRules::LeadInvestor(int i, int m) {
  Slot investors;
  int c = lx_.copula.Match(t_, i + m);
  if (c > 0) {
    investors = RightGroup(i + m + c, 1);
  } else {
    int k = i;
    if (k > 0 && In(lx_.article, t_[k - 1])) --k;
    int cb = lx_.copula.MatchEndingAt(t_, k);
    if (cb > 0 && k - cb > 0) investors = LeftGroup(k - cb, false);
  }
  if (investors.mentions.empty()) return;
  // "nhà đầu tư dẫn dắt vòng Series A của X là Y": the round's owner named here.
  int company = -1;
  for (int k = i + m; k < n_ && k < i + m + 6 && company < 0; ++k) {
    if (IsPunct(t_[k], ",") || IsPunct(t_[k], ";") || lx_.copula.Match(t_, k) > 0) break;
    int mi = MentionAt(k);
    if (mi >= 0 && TypeOf(mi) != EntityType::kPlace && TypeOf(mi) != EntityType::kPerson) {
      company = mi;
    }
  }
  if (company < 0) company = RoundOwner();
  if (company < 0) return;
  Slot object;
  object.mentions.push_back(company);
  Emit(RelationType::kInvestedIn, investors, object, true, "lead-investor", 80, i, i + m);
}

// "NVentures, the venture capital arm of Nvidia", "X, Y's investment arm", "Y's venture
// arm X", "X, the venture arm Y launched in 2022", "X, quỹ đầu tư mạo hiểm của Y": a
// fund a company set up; the company founded it.
void SentenceRules::ArmOf(int i, int m) {
  int e = i + m;
  int fund = -1, parent = -1;
  if (i >= 2 && t_[i - 1].lower == "'s" && MentionAt(i - 2) >= 0) {
    parent = MentionAt(i - 2);
    int pb = M(parent).tb;
    if (pb >= 2 && IsPunct(t_[pb - 1], ",") && MentionAt(pb - 2) >= 0) {
      fund = MentionAt(pb - 2);  // "X, Y's venture arm"
    } else {
      int k = e;
      if (k < n_ && IsPunct(t_[k], ",")) ++k;
      if (MentionAt(k) >= 0) fund = MentionAt(k);  // "Y's venture arm (,) X"
    }
  } else {
    // "X, the venture arm of Y", "X, quỹ đầu tư mạo hiểm của Y".
    int k = i;
    if (k >= 1 && In(lx_.article, t_[k - 1])) --k;
    if (k >= 2 && IsPunct(t_[k - 1], ",") && MentionAt(k - 2) >= 0) fund = MentionAt(k - 2);
    int r = e;
    if (r < n_ && lx_.genitive.Match(t_, r) > 0) {
      r += lx_.genitive.Match(t_, r);
      if (MentionAt(r) >= 0) parent = MentionAt(r);
    } else if (MentionAt(r) >= 0) {
      // "the venture arm Nvidia launched": only with a founding verb after the name.
      int v = -1;
      int after = M(MentionAt(r)).te;
      if (after < n_ && lx_.triggers.Match(t_, after, &v) > 0 &&
          lx_.trigger_info[v].relation == RelationType::kFoundedBy) {
        parent = MentionAt(r);
      }
    }
  }
  if (fund < 0 || parent < 0 || fund == parent) return;
  if (TypeOf(parent) == EntityType::kPerson || TypeOf(fund) == EntityType::kPerson) return;
  Slot subject, object;
  subject.mentions.push_back(fund);
  object.mentions.push_back(parent);
  bool saved = phrase_internal_;
  phrase_internal_ = true;
  Emit(RelationType::kFoundedBy, subject, object, true, "arm", 80, i, e);
  phrase_internal_ = saved;
}

// "A đồng sáng lập X năm 1993 cùng B và C", "A co-founded X with B", "người đồng sáng
// lập X cùng B": the people after "cùng"/"with" founded X too.
void SentenceRules::CoFounders(int i, int m) {
  int k = i + m;
  while (k < n_ && MentionAt(k) < 0) {
    int f = lx_.filler.Match(t_, k);
    if (f == 0) break;
    k += f;
  }
  int org = MentionAt(k);
  if (org < 0 || M(org).tb != k) return;
  EntityType ot = TypeOf(org);
  if (ot == EntityType::kPerson || ot == EntityType::kPlace) return;
  k = M(org).te;
  // A year or a place between: "năm 1993", "in 2019", "vào năm 2015", "in Hangzhou".
  for (int guard = 0; guard < 2 && k < n_; ++guard) {
    int b = k;
    if (k < n_ && In(lx_.time_prep, t_[k])) ++k;
    if (k + 1 < n_ && In(lx_.year_marker, t_[k]) && IsYear(t_[k + 1])) {
      k += 2;
    } else if (k < n_ && IsYear(t_[k])) {
      ++k;
    } else if (MentionAt(k) >= 0 && TypeOf(MentionAt(k)) == EntityType::kPlace && k > b) {
      k = M(MentionAt(k)).te;
    } else {
      k = b;
      break;
    }
  }
  int w = lx_.cofound_with.Match(t_, k);
  if (w == 0) return;
  k += w;
  k += lx_.person_prefix.Match(t_, k);
  int first = MentionAt(k);
  if (first < 0 || M(first).tb != k) return;
  Slot people;
  people.mentions.push_back(first);
  people.begin = M(first).tb;
  people.end = M(first).te;
  ExtendRight(&people, /*skip_former=*/false);
  Slot company;
  company.mentions.push_back(org);
  Slot persons;
  for (int p : people.mentions) {
    if (TypeOf(p) != EntityType::kPlace) persons.mentions.push_back(p);
  }
  if (persons.mentions.empty()) return;
  Emit(RelationType::kFoundedBy, company, persons, true, "co-founders", 82, i, i + m);
}

// "X mua 25% cổ phần (Công ty) Y", "X đang sở hữu 12% cổ phần công ty Y", "X nắm giữ
// 35% cổ phần Y", "X has bought a 20% stake in Y", "X already owns 30% of Y": a share of
// a company, bought or held, after a verb of owning.
void SentenceRules::Stake(int i) {
  if (i + 2 >= n_ || !IsNumber(t_[i]) || !IsPunct(t_[i + 1], "%")) return;
  int k = i + 2;
  // "4,99%", "12.5%": the number's integer part opens the phrase.
  if (i >= 2 && (IsPunct(t_[i - 1], ",") || IsPunct(t_[i - 1], ".")) && IsNumber(t_[i - 2]) &&
      t_[i - 1].begin == t_[i - 2].end && t_[i].begin == t_[i - 1].end) {
    i -= 2;
  }
  int vb = -1, start = i;
  for (int k = i - 1; k >= 0 && k >= i - 6; --k) {
    if (MentionAt(k) >= 0 || !t_[k].word) break;
    if (In(lx_.own_verb, t_[k])) {
      vb = k;
    } else if (!In(lx_.stake_glue, t_[k])) {
      break;
    }
    start = k;
  }
  if (vb < 0) return;
  vb = start;  // The subject stands before the whole verb phrase.
  if (vb > 0 && lx_.own_verb.MatchEndingAt(t_, vb + 1) == 2) --vb;  // "sở hữu"
  bool share = false;
  while (k < n_ && MentionAt(k) < 0 && In(lx_.share_word, t_[k])) {
    share = true;
    ++k;
  }
  if (!share) return;
  Slot left = LeftGroup(vb, true);
  Slot right = RightGroup(k, 1);
  if (right.mentions.empty()) return;
  if (left.mentions.empty()) {
    // "X vừa hoàn tất thương vụ mua 25% ...": the verb closes a verb phrase whose
    // subject is the sentence's, with only lower-case words in between.
    Slot subject = SentenceSubject(vb);
    if (subject.mentions.empty()) return;
    for (int q = subject.end; q < vb; ++q) {
      // "Tập đoàn X (X Group) vừa công bố ...": the subject's alias in parentheses.
      if (q == subject.end && IsPunct(t_[q], "(")) {
        while (q < vb && !IsPunct(t_[q], ")")) ++q;
        continue;
      }
      if (MentionAt(q) >= 0 || !t_[q].word || t_[q].cap || lx_.stop.Match(t_, q) > 0) return;
    }
    left = subject;
  }
  Emit(RelationType::kInvestedIn, left, right, true, "stake", 85, vb, k);
}

// "X, who joined Lanxin from Huawei in 2016", "bà Y gia nhập A từ B": the person
// came from B, a former employer.
void SentenceRules::JoinedFrom(int i) {
  int jm = lx_.join_verb.Match(t_, i);
  if (jm == 0) return;
  int to = MentionAt(i + jm);
  int k = i + jm;
  // "Vinh joined from Grab": the new employer left unsaid.
  if (!(k + 1 < n_ && In(lx_.source_from, t_[k]))) {
    if (to < 0 || M(to).tb != i + jm || TypeOf(to) == EntityType::kPlace) return;
    k = M(to).te;
  }
  if (k + 1 >= n_ || !In(lx_.source_from, t_[k])) return;
  int from = MentionAt(k + 1);
  if (from < 0 || M(from).tb != k + 1 || TypeOf(from) == EntityType::kPlace) return;
  Slot person = LeftGroup(i, true);
  if (person.mentions.empty() || TypeOf(person.mentions.front()) != EntityType::kPerson) return;
  Slot org;
  org.mentions.push_back(from);
  Emit(RelationType::kAlumniOf, person, org, true, "joined-from", 80, i, k + 1);
}

// "spent five years as an engineering manager at Atlassian", "có 8 năm làm bác sĩ tại
// Bệnh viện Chợ Rẫy trước khi nghỉ việc": a person's years of work at an organisation,
// past only when the sentence also says the person left ("Y spent eight years at Google
// and still works there" is not).
void SentenceRules::Tenure(int i) {
  if (!In(lx_.have_verb, t_[i])) return;
  int k = i + 1;
  if (k < n_ && t_[k].word && !IsNumber(t_[k]) && !In(lx_.number_word, t_[k]) &&
      In(lx_.stake_glue, t_[k])) {
    ++k;  // "gần 10 năm", "nearly ten years"
  }
  if (k + 1 >= n_ || !(IsNumber(t_[k]) || In(lx_.number_word, t_[k])) ||
      !In(lx_.time_unit, t_[k + 1])) {
    return;
  }
  int duration_end = k + 2;
  // The organisation: after a bridge ("tại", "cho", "at", "for") within the clause.
  int org = -1, bridge = -1;
  for (int q = duration_end; q < n_ && q <= duration_end + 10; ++q) {
    if (!t_[q].word && !IsPunct(t_[q], "-")) break;
    int mi = MentionAt(q);
    if (mi >= 0) {
      if (q > duration_end && In(lx_.former_bridge, t_[q - 1]) && M(mi).tb == q) {
        org = mi;
        bridge = q - 1;
      }
      break;
    }
  }
  if (org < 0 || !SlotFits(RelationType::kAlumniOf, false, org)) return;
  if (TypeOf(org) == EntityType::kPlace) return;
  bool left_job = false;
  for (int q = 0; q < n_; ++q) {
    if (q >= i && q <= bridge) continue;
    if (lx_.depart.Match(t_, q) > 0) left_job = true;
  }
  if (!left_job) return;
  // "Ông Phát là cựu sinh viên Đại học Cần Thơ, sau đó có ...": the name just before
  // may be another organisation; the person is then the sentence's subject.
  auto is_person = [&](const Slot& sl) {
    if (sl.mentions.empty()) return false;
    EntityType t = TypeOf(sl.mentions.front());
    return t != EntityType::kOrganization && t != EntityType::kPlace &&
           SlotFits(RelationType::kAlumniOf, true, sl.mentions.front());
  };
  Slot person = LeftGroup(i, true);
  if (!is_person(person)) person = SentenceSubject(i);
  if (!is_person(person)) return;
  Slot o;
  o.mentions.push_back(org);
  Emit(RelationType::kAlumniOf, person, o, true, "tenure", 78, i, bridge + 1);
}

// "Kestrel Robotics of Denver": an organisation named with its city.
void SentenceRules::OrgOfCity(int i) {
  if (i < 1 || i + 1 >= n_ || !In(lx_.name_of, t_[i])) return;
  int org = MentionAt(i - 1), city = MentionAt(i + 1);
  if (org < 0 || city < 0 || !IsCity(city) || M(city).tb != i + 1) return;
  // Only a name that is an organisation by its own words ("X Robotics", "X Inc.").
  if (M(org).type != EntityType::kOrganization || M(org).strength < 2 || M(org).anaphor) return;
  // "the Bank of Hanoi branch": the city must close the name phrase.
  int e = M(city).te;
  if (e < n_ && t_[e].word && t_[e].cap) return;
  Slot o, c;
  o.mentions.push_back(org);
  c.mentions.push_back(city);
  phrase_internal_ = true;
  Emit(RelationType::kHqIn, o, c, true, "org-of-city", 75, i, i + 1);
  phrase_internal_ = false;
}

// "MIT graduates Daniel Okafor and Wei Zhang", "cựu sinh viên Harvard": the people are
// alumni of the organisation before the role word.
void SentenceRules::RoleOf(int i) {
  if (i < 1 || i + 1 >= n_ || !In(lx_.role_plural, t_[i])) return;
  int org = MentionAt(i - 1);
  if (org < 0 || M(org).te != i || TypeOf(org) == EntityType::kPlace ||
      TypeOf(org) == EntityType::kPerson || M(org).anaphor) {
    return;
  }
  int first = MentionAt(i + 1);
  // "Goldberg, a Carnegie Mellon graduate, ...", "Lan, một cựu sinh viên RMIT, ...": the
  // person the appositive describes, before it.
  if (first < 0 || M(first).tb != i + 1) {
    int k = M(org).tb;
    if (k >= 1 && (In(lx_.article, t_[k - 1]) || In(lx_.generic_det, t_[k - 1]))) --k;
    if (k >= 2 && IsPunct(t_[k - 1], ",") && MentionAt(k - 2) >= 0 &&
        TypeFits(TypeOf(MentionAt(k - 2)), EntityType::kPerson) && !M(MentionAt(k - 2)).anaphor &&
        (i + 1 >= n_ || !t_[i + 1].word || In(lx_.clause_relative, t_[i + 1]))) {
      first = MentionAt(k - 2);
      Slot person, o;
      person.mentions.push_back(first);
      o.mentions.push_back(org);
      phrase_internal_ = true;
      Emit(RelationType::kAlumniOf, person, o, true, "role-of", 80, i, i + 1);
      phrase_internal_ = false;
    }
    return;
  }
  Slot people;
  people.mentions.push_back(first);
  people.begin = M(first).tb;
  people.end = M(first).te;
  ExtendRight(&people, /*skip_former=*/false);
  Slot o;
  o.mentions.push_back(org);
  phrase_internal_ = true;
  Emit(RelationType::kAlumniOf, people, o, true, "role-of", 80, i, i + 1);
  phrase_internal_ = false;
}

void SentenceRules::Run() {
  if (s_.headline) return;
  if (s_.table_row) {
    TableRow();
    return;
  }
  for (int i = 0; i < n_;) {
    if (In(lx_.based_compound, t_[i])) Based(i);
    if (In(lx_.backed_compound, t_[i])) Backed(i);
    HqAppositive(i);
    Stake(i);
    JoinedFrom(i);
    Tenure(i);
    RoleOf(i);
    OrgOfCity(i);
    if (int arm = lx_.arm_noun.Match(t_, i); arm > 0) ArmOf(i, arm);
    if (int lm = lx_.lead_investor.Match(t_, i); lm > 0) LeadInvestor(i, lm);
    if (int bm = lx_.bare_join.Match(t_, i); bm > 0) {
      BareJoin(i, bm, false);
    } else if (int am = lx_.join_after.Match(t_, i); am > 0) {
      BareJoin(i, am, true);
    }
    if (int pm = lx_.participation.Match(t_, i); pm > 0) {
      Participation(i, pm);
      i += pm;
      continue;
    }
    int tv = -1;
    int m = lx_.triggers.Match(t_, i, &tv);
    if (m == 0) {
      ++i;
      continue;
    }
    // "SoftBank-backed X" was read as a compound above, not as the verb.
    if (i >= 1 && IsPunct(t_[i - 1], "-") &&
        (In(lx_.backed_compound, t_[i]) || In(lx_.based_compound, t_[i]))) {
      i += m;
      continue;
    }
    // A trigger inside a name ("Founder Fund") is part of the name.
    bool in_mention = false;
    for (int k = i; k < i + m; ++k) {
      if (MentionAt(k) >= 0 && !M(MentionAt(k)).anaphor) in_mention = true;
    }
    if (in_mention) {
      ++i;
      continue;
    }
    const Trigger& trig = lx_.trigger_info[tv];
    // "nhà đầu tư" (investor) is a noun made from the verb, not the verb.
    // ("Bếp Nhà do ...": a word of a name before the trigger is no such noun.)
    if (i > 0 && In(lx_.agent_noun, t_[i - 1]) && MentionAt(i - 1) < 0 && !(trig.flags & kNoun)) {
      i += m;
      continue;
    }
    if (trig.relation == RelationType::kFoundedBy && !trig.left_is_subject &&
        !(trig.flags & kCircum)) {
      CoFounders(i, m);
    }
    if (trig.flags & kHqNoun) {
      HqNoun(i, m, trig);
    } else if (trig.flags & kCircum) {
      Circum(i, m);
    } else if (trig.flags & kFormer) {
      Former(i, m, trig);
    } else if (trig.flags & kInvestNoun) {
      InvestNoun(i, m, trig);
    } else {
      Generic(i, m, trig);
    }
    i += m;
  }
}

}  // namespace

std::vector<Fact> Analyzer::FindFacts(const Document& doc) const {
  std::vector<Fact> facts;
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
    SentenceRules rules(*lex_, doc, si, &facts);
    rules.Run();
  }
  // One fact per (subject, relation, object, sentence): the most confident one.
  std::vector<Fact> out;
  absl::flat_hash_map<std::string, size_t> index;
  for (Fact& f : facts) {
    const Mention& s = doc.mentions[f.subject];
    const Mention& o = doc.mentions[f.object];
    std::string key =
        absl::StrCat(s.entity, "/", static_cast<int>(f.relation), "/", o.entity, "/", f.sentence);
    auto it = index.find(key);
    if (it == index.end()) {
      index.emplace(key, out.size());
      out.push_back(std::move(f));
    } else if (out[it->second].confidence < f.confidence ||
               (!out[it->second].confirmed && f.confirmed)) {
      out[it->second] = std::move(f);
    }
  }
  return out;
}

}  // namespace kg::extract::internal
