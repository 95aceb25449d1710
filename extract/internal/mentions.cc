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
#include "extract/internal/token_util.h"
#include "graph/status_macros.h"

namespace kg::extract::internal {

using graph::EntityType;
using graph::RelationType;

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
  // A sentence written in Vietnamese: English modal words spelt without diacritics are
  // Vietnamese syllables there ("Dệt may Thiên Thanh": "may" is "sew", not "may").
  int viet_words = 0;
  for (const Token& t : toks) viet_words += t.word && t.viet ? 1 : 0;
  const bool viet_sentence = viet_words >= 2 && viet_words * 4 >= letter_words;
  auto modal = [&](int k) {
    if (lx.modality.Match(toks, k) == 0) return false;
    return !(viet_sentence && !toks[k].viet && !toks[k].cap);
  };

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

  // Whether the name ending at e is set off as a product ("Sen-7B, mô hình ...").
  auto is_product = [&](int e) {
    if (e + 1 >= n || !IsPunct(toks[e], ",")) return false;
    // "the company's flagship model", "its new model": a possessor and a few modifiers
    // may come before the head.
    for (int k = e + 1; k < n && k <= e + 4; ++k) {
      if (lx.product_head.Match(toks, k) > 0) return true;
      const Token& t = toks[k];
      bool glue = In(lx.article, t) || t.lower == "'s" || In(lx.own_pronoun, t);
      if (!glue && (!t.word || t.cap || is_function_word(k) || lx.triggers.Match(toks, k) > 0 ||
                    lx.coord.Contains(t))) {
        return false;
      }
    }
    return false;
  };
  // Types a name run [b, e) from its own words and its context.
  auto type_run = [&](int b, int e, EntityType* type, int* strength) {
    *type = EntityType::kUnknown;
    *strength = 0;
    const Token& last = toks[e - 1];
    if (lx.org_suffix.Contains(last) && e - b >= 2) {
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
    bool has_surname = false;
    for (int k = b; k < e; ++k) has_surname = has_surname || lx.surname.Contains(toks[k]);
    // "Wei-Lin Chang", "Kang Min-Jun": capitals only at the start of each hyphenated part
    // of a name with a family name are a given name's, not a brand's inner capitals.
    auto camel = [&](int k) {
      const Token& t = toks[k];
      if (!t.has_upper_inside) return false;
      if (!has_surname || t.lower.find('-') == std::string::npos) return true;
      // "Saigon Hi-Tech Park": a part that is an organisation word is a brand's.
      for (absl::string_view part : absl::StrSplit(t.lower, '-')) {
        if (lx.org_suffix.Contains(part)) return true;
      }
      absl::string_view w(doc->norm.text.data() + t.begin, t.end - t.begin);
      for (size_t p = 1; p < w.size(); ++p) {
        if (absl::ascii_isupper(static_cast<unsigned char>(w[p])) && w[p - 1] != '-') return true;
      }
      return false;
    };
    bool plain = true;
    for (int k = b; k < e; ++k) {
      const Token& t = toks[k];
      if (t.has_digit || camel(k) || t.all_caps || t.lower.find('.') != std::string::npos) {
        plain = false;
      }
    }
    // "University of Southampton", "Technical University of Munich": an institution
    // word inside the run names an organisation.
    if (e - b >= 2) {
      for (int k = b; k < e; ++k) {
        // "Nguyễn Xuân Trường": inside a Vietnamese name with a family name, "Trường"
        // is a given name; a school's name opens with it.
        if (has_surname && k > b && toks[k].viet) continue;
        if (lx.institution.Contains(toks[k])) {
          *type = EntityType::kOrganization;
          *strength = 2;
          return;
        }
      }
    }
    // "Vertex Ventures Southeast Asia & India": an organisation word, then only places
    // and joiners, names the organisation's regional arm.
    for (int k = b + 1; k + 1 < e; ++k) {
      if (!lx.org_suffix.Contains(toks[k])) continue;
      int q = k + 1;
      while (q < e) {
        int pm = lx.places.Match(toks, q);
        if (pm > 0 && q + pm <= e) {
          q += pm;
        } else if (!toks[q].word || In(lx.name_joiner, toks[q])) {
          ++q;
        } else {
          break;
        }
      }
      if (q == e) {
        *type = EntityType::kOrganization;
        *strength = 2;
        return;
      }
    }
    // A title before a name marks a person, but "cựu Chủ tịch Baidu" names the
    // company: one word after a title is a person only if it is a family name.
    // Weak: "Giám đốc điều hành Nông Sản Xanh" names the company after the title.
    // "cựu giám đốc tài chính của POSCO", "the former CFO of ZTE": the name after a role
    // and "của" / "of" is the employer, an organisation, however its letters look.
    if (b >= 3 && !person_cue_before[b] && In(lx.genitive, toks[b - 1]) &&
        lx.title.MatchEndingAt(toks, b - 1) > 0 && !has_surname) {
      *type = EntityType::kOrganization;
      *strength = 1;
      return;
    }
    if (former_title_before[b] && !has_surname) {
      *type = EntityType::kOrganization;
      *strength = 1;
      return;
    }
    // "tổng giám đốc Tân Cảng Xanh": a Vietnamese person's name after a title opens
    // with the family name, so a Vietnamese run that does not names the company.
    // A middle name ("Văn", "Thị") still marks a person whose family name is rare.
    if (person_cue_before[b] && toks[b].viet && !lx.surname.Contains(toks[b]) &&
        lx.surname.Match(toks, b) == 0 && !(e - b >= 3 && In(lx.middle_name, toks[b + 1]))) {
      *type = EntityType::kOrganization;
      *strength = 1;
      return;
    }
    // "phó tổng giám đốc Viettel IDC": an acronym, digits or inner capitals make the
    // name after a title a company's.
    if (person_cue_before[b] && (e - b >= 2 || has_surname) && plain) {
      *type = EntityType::kPerson;
      *strength = 1;
      return;
    }
    // "Sen-7B, mô hình 7 tỷ tham số", "Lumi X2, the company's new model": a product,
    // which no organisation cue below may type.
    if (is_product(e)) return;
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
        // "Theo Thành, startup này ...": an anaphor opening the next clause is no
        // appositive.
        if (hm > 0 && !det && lx.anaphora.Match(toks, k) > hm) break;
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
        if (int tm = lx.title.Match(toks, k); det && tm > 0) {
          // "Temasek, the Singapore state investor": a role organisations play as
          // often as people says nothing of the name.
          std::vector<std::string> kinds;
          AddOrgClasses(lx, toks, k, k + tm, &kinds);
          if (std::find(kinds.begin(), kinds.end(), "investor") != kinds.end()) break;
          *type = EntityType::kPerson;
          *strength = 2;
          return;
        }
        if (!toks[k].word || is_function_word(k)) break;
      }
    }
    // "His co-founder, Jonas Müller, ...": a name of two words or more set off after a
    // role is the person holding it (not a role organisations hold, see org_class).
    // "Its founders, Anika Rao and Peter Lim, ...": the first of a list set off the same way.
    if (b >= 2 && e - b >= 2 && IsPunct(toks[b - 1], ",") && e < n &&
        (IsPunct(toks[e], ",") || lx.coord.Contains(toks[e]))) {
      int tm =
          std::max(lx.title.MatchEndingAt(toks, b - 1), lx.founder_noun.MatchEndingAt(toks, b - 1));
      // "His co-founder, X, ...": a founder noun is a role too.
      int tv = -1;
      int fm = lx.triggers.MatchEndingAt(toks, b - 1, &tv);
      if (fm > tm && tv >= 0 && (lx.trigger_info[tv].flags & kNoun) &&
          lx.trigger_info[tv].relation == RelationType::kFoundedBy) {
        tm = fm;
      }
      std::vector<std::string> kinds;
      if (tm > 0) AddOrgClasses(lx, toks, b - 1 - tm, b - 1, &kinds);
      if (tm > 0 && std::find(kinds.begin(), kinds.end(), "investor") == kinds.end()) {
        *type = EntityType::kPerson;
        *strength = 1;
        return;
      }
    }
    // "X, người ..." / "X, who ...": a person.
    if (e + 1 < n && IsPunct(toks[e], ",") && In(lx.relative, toks[e + 1])) {
      *type = EntityType::kPerson;
      *strength = 2;
      return;
    }
    int len = e - b;
    // "từng làm việc tại Morgan Stanley", "worked at Goldman Sachs": right after a
    // locative word a name that only looks like a person's is a workplace.
    if (plain && len >= 2 && len <= 4 && has_surname && b > 0 && In(lx.locative, toks[b - 1]) &&
        !person_cue_before[b]) {
      return;
    }
    if (plain && len >= 2 && len <= 4 && has_surname) {
      *type = EntityType::kPerson;
      *strength = 1;
      return;
    }
    for (int k = b; k < e; ++k) {
      if (camel(k) || (toks[k].has_digit && !toks[k].all_caps)) {
        *type = EntityType::kOrganization;
        *strength = 1;
        return;
      }
    }
    if (len == 1 && lx.org_suffix.Contains(last)) {
      *type = EntityType::kUnknown;
    }
  };

  // Adds the name run [b, e), splitting off places at its ends.
  std::function<void(int, int)> add_run = [&](int b, int e) {
    if (b >= e) return;
    // Runs made only of words that are never entities ("AI", "CEO", "Big Tech"). After
    // an honorific such a word is a given name ("ông Nhật", "anh Việt").
    bool honorific_before = b > 0 && lx.person_prefix.MatchEndingAt(toks, b) > 0 && toks[b].viet;
    if (!honorific_before) {
      int k = b;
      while (k < e) {
        int m = lx.non_entity.Match(toks, k);
        if (m == 0 || k + m > e) break;
        k += m;
      }
      if (k == e) return;
    }
    // "$6M", "10B", "1.2bn": an amount, never a name. Nor the start of one: "$12m Series
    // A", "20M Series B round" name a round and its size, and the words after the amount
    // are judged alone.
    auto is_amount = [&](int k) {
      if (!toks[k].has_digit) return false;
      if (k > 0 && IsPunct(toks[k - 1], "$")) return true;
      if (!absl::ascii_isdigit(toks[k].lower[0])) return false;
      absl::string_view w = toks[k].lower;
      size_t d = 0;
      while (d < w.size() && (absl::ascii_isdigit(w[d]) || w[d] == '.' || w[d] == ',')) ++d;
      absl::string_view unit = w.substr(d);
      return unit == "m" || unit == "b" || unit == "k" || unit == "bn" || unit == "mn";
    };
    if (is_amount(b)) {
      if (e - b > 1 && lx.round_name.Match(toks, b + 1) > 0) add_run(b + 1, e);
      if (e - b == 1 || lx.round_name.Match(toks, b + 1) > 0) return;
    }
    // "Robotics startup X", "AI company Y": a sector word before an organisation noun
    // describes the name that follows. So does any word opening the sentence there
    // ("Drone maker X", "Fintech startup Y").
    if (e - b == 1 && e < n && lx.org_suffix.Contains(toks[b]) &&
        lx.org_prefix.Match(toks, e) > 0) {
      return;
    }
    // "invested in Lendtech startup Kredo": a single plain word right before a cue noun
    // and the name it introduces is the name's sector, unless the article has already
    // named it.
    if (e - b == 1 && b > 0 && e + 1 < n && !toks[b].all_caps && !toks[b].has_upper_inside &&
        !toks[b].has_digit && toks[b - 1].word && !toks[b - 1].cap &&
        std::max(lx.org_prefix.Match(toks, e), lx.org_head.Match(toks, e)) == 1 &&
        toks[e + 1].word && toks[e + 1].cap && lx.places.Match(toks, b) == 0) {
      bool named = false;
      for (const Mention& pm : doc->mentions) named = named || Fold(pm.text) == toks[b].lower;
      if (!named) return;
    }
    if (e - b == 1 && b == 0 && e < n && !toks[b].all_caps) {
      int pm = std::max(lx.org_prefix.Match(toks, e), lx.org_head.Match(toks, e));
      if (pm > 0 && e + pm < n && toks[e + pm].cap && !toks[e + pm - 1].cap) return;
    }
    // "ông Đức", "bà Giang": right after an honorific a place word is a given name.
    if (b > 0 && lx.person_prefix.MatchEndingAt(toks, b) > 0 &&
        (lx.places.Match(toks, b) == e - b || (honorific_before && e - b == 1))) {
      add_mention(b, e, EntityType::kPerson, 2);
      return;
    }
    bool org_tail = lx.org_suffix.Contains(toks[e - 1]) && e - b >= 2;
    // A place inside a run is split off ("Trung Quốc ByteDance", "Lazada Việt Nam"),
    // unless the rest reads as a person's name ("Hoàng Đức Anh": Đức and Anh are also
    // given names) or as a company's ("Sequoia Capital India").
    auto person_like = [&](int from, int to) {
      for (int k = from; k < to; ++k) {
        if (lx.surname.Contains(toks[k])) return true;
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
      // follows. So does the home country when the name after it is not Vietnamese
      // ("Quỹ Việt Nam ThinkZone Ventures"; "Ngân hàng Việt Nam Thịnh Vượng" is one name).
      // "nhóm nhà đầu tư Nhật Bản Aozora Partners": an investor noun is such a cue too.
      bool investor_cue = false;
      if (b > 0) {
        int tm = lx.title.MatchEndingAt(toks, b);
        std::vector<std::string> kinds;
        if (tm > 0) AddOrgClasses(lx, toks, b - tm, b, &kinds);
        investor_cue = std::find(kinds.begin(), kinds.end(), "investor") != kinds.end();
      }
      // "Tập đoàn thủy sản Thái Lan X": the business line may stand between the cue and
      // the country, in lower case.
      bool cue_before = false;
      for (int j = b; j > 0 && j >= b - 3 && !cue_before; --j) {
        if (j < b && (!toks[j].word || toks[j].cap)) break;
        cue_before = lx.org_prefix.MatchEndingAt(toks, j) > 0;
      }
      bool country_after_cue =
          b > 0 && (cue_before || investor_cue) &&
          !lx.place_info[pv].city &&
          (!lx.place_info[pv].home || !toks[b + pm].viet) && toks[b + pm].cap &&
          !(e - (b + pm) == 1 && lx.org_suffix.Contains(toks[b + pm]));
      // "doanh nhân Singapore Rachel Goh", "investor Japan Kenji Sato": after a person
      // cue a place is where the person is from, never part of the name.
      // "doanh nhân người Mỹ Chris Blank", "kỹ sư người Hàn Quốc Kim Min-su": the noun
      // "người" (a person of) between the cue and the place says the same.
      bool cue_then_person_noun =
          b >= 2 && !toks[b - 1].cap && In(lx.relative, toks[b - 1]) &&
          (person_cue_before[b - 1] || lx.person_prefix.MatchEndingAt(toks, b - 1) > 0 ||
           lx.title.MatchEndingAt(toks, b - 1) > 0);
      bool place_before_person =
          b > 0 &&
          (person_cue_before[b] || cue_then_person_noun ||
           lx.person_prefix.MatchEndingAt(toks, b) > 0) &&
          e - (b + pm) >= 2 && toks[b + pm].cap && !org_tail && !person_like(b, b + pm);
      // "Ngân hàng Việt Nam Thịnh Vượng": after an organisation cue the home country
      // followed by a Vietnamese name is part of that name.
      bool home_name = b > 0 && lx.org_prefix.MatchEndingAt(toks, b) > 0 &&
                       lx.place_info[pv].home && toks[b + pm].viet;
      if (place_before_person) {
        // The nationality is no mention of its own: it only describes the person.
        add_run(b + pm, e);
        return;
      }
      if (((!org_tail && pm > 1) && !home_name) || country_after_cue) {
        add_place(b, b + pm, pv);
        add_run(b + pm, e);
        return;
      }
    }
    // "University of Hong Kong", "Bank of America": a place after "of" is in the name.
    bool of_name = false;
    for (int k = b + 1; k < e; ++k) of_name = of_name || In(lx.name_of, toks[k]);
    for (int k = b + 1; k < e && !of_name; ++k) {
      int v = -1;
      int m = lx.places.Match(toks, k, &v);
      // "Tôm Sạch Cà Mau", "Cấp Nước Hải Phòng": a Vietnamese name of two words or more
      // that ends with a Vietnamese city or province keeps it; the city is part of the
      // registered name, not where a name before it is ("Lazada Việt Nam" still splits).
      bool city_in_name = false;
      if (m > 0 && k + m == e && k - b >= 2 && v >= 0 && lx.place_info[v].city &&
          !lx.place_info[v].region && !lx.place_info[v].home && !person_like(b, k)) {
        bool viet_name = false, viet_place = false;
        for (int q = b; q < k; ++q) viet_name = viet_name || toks[q].viet;
        for (int q = k; q < e; ++q) viet_place = viet_place || toks[q].viet;
        city_in_name = viet_name && viet_place;
      }
      if (m > 0 && k + m == e && !org_tail && !lx.org_suffix.Contains(toks[k - 1]) && m > 1 &&
          !person_like(b, k) && !city_in_name) {
        add_run(b, k);
        add_place(k, e, v);
        return;
      }
    }
    EntityType type;
    int strength;
    type_run(b, e, &type, &strength);
    // "Đoàn Khắc Thành ... . Theo Thành, ...": a single word that is the given name of a
    // person named before is that person, unless its own words made it a company.
    if (e - b == 1 && !(type == EntityType::kOrganization && strength == 2) && toks[b].viet) {
      for (const Mention& pm : doc->mentions) {
        if (pm.anaphor || pm.type != EntityType::kPerson || pm.te - pm.tb < 2) continue;
        const std::vector<Token>& pt = doc->sentences[pm.sentence].tokens;
        if (pm.sentence == si ? pm.te <= b : true) {
          if (pt[pm.te - 1].lower == toks[b].lower) {
            type = EntityType::kPerson;
            strength = 1;
            break;
          }
        }
      }
    }
    // "Kestrel Dynamics Inc. is ...": the designator's dot belongs to the name when
    // the sentence goes on after it.
    if (e + 1 < n && IsPunct(toks[e], ".") && toks[e].begin == toks[e - 1].end &&
        lx.corp_suffix.Match(toks, e - 1) == 2) {
      ++e;
    }
    int idx = add_mention(b, e, type, strength);
    doc->mentions[idx].product = is_product(e);
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
    // "Công ty CP Chuỗi nhà thuốc Minh Tâm", "Công ty TNHH Dịch vụ nhà hàng Sen Vàng": a
    // common noun ("nhà") of the business line, between a word of the name and one more
    // lower-case syllable right before the brand.
    if (k > 0 && k + 2 < n && toks[k].word && !toks[k].cap && !toks[k].has_digit &&
        lx.common.Contains(toks[k]) && !lx.coord.Contains(toks[k]) &&
        !lx.bridge.Contains(toks[k]) && !lx.filler.Contains(toks[k]) &&
        !lx.stop.Contains(toks[k]) && !lx.genitive.Contains(toks[k]) &&
        toks[k].viet == toks[k - 1].viet && toks[k - 1].word && toks[k + 1].word &&
        !toks[k + 1].cap && !toks[k + 1].has_digit && !is_function_word(k + 1) &&
        lx.triggers.Match(toks, k + 1) == 0 && toks[k + 2].word && toks[k + 2].cap) {
      return true;
    }
    if (k >= n || !toks[k].word || toks[k].cap || toks[k].has_digit || is_function_word(k) ||
        lx.triggers.Match(toks, k) > 0 || modal(k) ||
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
  // Whether the lower-case word at k, right after a capitalised word, is the second
  // syllable of that word inside a Vietnamese name ("Quỹ Khí hậu Sáng tạo", "Đại học
  // Ngoại thương"): Vietnamese names capitalise only a word's first syllable.
  auto tail_syllable = [&](int k) {
    if (k <= 0 || k >= n) return false;
    const Token& u = toks[k];
    return u.word && !u.cap && !u.has_digit && toks[k - 1].cap && (u.viet || toks[k - 1].viet) &&
           !is_function_word(k) && !time_unit(k) && !(k + 1 < n && toks[k + 1].has_digit) &&
           lx.name_end.Match(toks, k) == 0 && lx.triggers.Match(toks, k) == 0 &&
           !modal(k) && lx.anaphora.Match(toks, k) == 0 &&
           lx.org_prefix.Match(toks, k) == 0 && lx.title.Match(toks, k) == 0;
  };
  // Whether the name may end at k: nothing, punctuation or a function word follows.
  auto boundary_at = [&](int k) {
    return k >= n || !toks[k].word || is_function_word(k) || lx.triggers.Match(toks, k) > 0 ||
           modal(k);
  };
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
                      (!lx.finance.Contains(toks[j + 1]) && !lx.round.Match(toks, j + 1) &&
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
        // "Quỹ Khí hậu Sáng tạo, ...": a name written in the Vietnamese way may end on
        // the second syllable of its last word, when the clause goes on after it.
        if (inner_lower && !number && j > b && tail_syllable(j) && boundary_at(j + 1)) ++j;
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
            while (tb2 < j - 2 && lx.org_suffix.Contains(toks[tb2])) ++tb2;
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
        !lx.common.Contains(toks[i + 1])) {
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
    // "Đài Loan" is a place, not the broadcaster noun "Đài".
    if (im > 0 && lx.places.Match(toks, i) > im) im = 0;
    // "Trường" opens a school's name ("Trường Quốc tế Sông Lam") but is also a given
    // name: after an honorific or inside a person's name ("ông Trường Giang", "Nguyễn
    // Xuân Trường") it is the person's.
    if (im == 1 && i > 0 &&
        (lx.person_prefix.MatchEndingAt(toks, i) > 0 ||
         (toks[i - 1].cap && lx.surname.Contains(toks[i - 1])) ||
         (i > 1 && toks[i - 1].cap && toks[i - 2].cap && lx.surname.Contains(toks[i - 2])))) {
      im = 0;
    }
    if (im > 0) {
      int j = i + im;
      // "Tổ chức tài chính vi mô Tình Thương", "Viện nghiên cứu Lúa Xanh": the business
      // line may follow the prefix in lower case, up to four syllables, before the name.
      if (j < n && toks[j].word && !toks[j].cap && toks[i + im - 1].viet) {
        int q = j;
        while (q < n && q < j + 4 && toks[q].word && !toks[q].cap && !toks[q].has_digit &&
               !is_function_word(q) && !time_unit(q) && lx.triggers.Match(toks, q) == 0 &&
               lx.modality.Match(toks, q) == 0 && lx.org_prefix.Match(toks, q) == 0 &&
               lx.title.Match(toks, q) == 0 && lx.anaphora.Match(toks, q) == 0) {
          ++q;
        }
        if (q > j && q < n && toks[q].word && toks[q].cap && !blocked[q] &&
            lx.places.Match(toks, q) == 0 && lx.institution.Match(toks, q) == 0) {
          j = q;
        }
      }
      while (j < n) {
        const Token& u = toks[j];
        int inner_place = u.word && u.cap && !blocked[j] ? lx.places.Match(toks, j) : 0;
        if (inner_place > 1) {
          // "Viện Lúa Đồng bằng sông Cửu Long": a place written with lower-case words is
          // in the name whole.
          j += inner_place;
        } else if (u.word && u.cap && !blocked[j]) {
          ++j;
        } else if (u.word && !u.cap && j > i + im && toks[j - 1].cap && !u.has_digit &&
                   !lx.coord.Contains(u) && !lx.genitive.Contains(u) &&
                   !lx.bridge.Contains(u) && lx.triggers.Match(toks, j) == 0 &&
                   (!is_function_word(j) ||
                    ((u.viet || toks[j - 1].viet) && !In(lx.locative, u) &&
                     !In(lx.agent_by, u) && !In(lx.source_from, u) && !In(lx.time_prep, u) &&
                     !lx.filler.Contains(u))) &&
                   j + 1 < n && toks[j + 1].word && toks[j + 1].cap && !blocked[j + 1]) {
          // "Học viện Hàng không Việt Nam", "Đài Tiếng nói Việt Nam": between two
          // capitalised words of a name even a word that is elsewhere a function word
          // ("không", "nói") is a syllable of the name.
          ++j;

        } else if (u.word && !u.cap && !u.has_digit && j > i + im && toks[j - 1].cap &&
                   (u.viet || toks[j - 1].viet) && !is_function_word(j) && !time_unit(j) &&
                   !(j + 1 < n && toks[j + 1].has_digit) &&
                   // "Đại học Bách khoa." ends on "khoa"; "Đại học X khoa Luật" does not.
                   (lx.name_end.Match(toks, j) == 0 ||
                    (lx.name_end.Match(toks, j) == 1 && boundary_at(j + 1))) &&
                   lx.triggers.Match(toks, j) == 0 && lx.modality.Match(toks, j) == 0 &&
                   lx.anaphora.Match(toks, j) == 0 && lx.org_prefix.Match(toks, j) == 0 &&
                   lx.title.Match(toks, j) == 0) {
          // "Đại học Ngoại thương", "Học viện Bưu chính Viễn thông": a Vietnamese word's
          // second syllable is written lower-case inside the name; it ends at the
          // next boundary ("năm", "và", a verb, punctuation).
          ++j;
          // "Tổ chức Tài chính vi mô Hoa Lúa": more syllables of the business line
          // before the next capitalised word.
          while (j < n && name_syllable(j)) ++j;
          if (j + 2 < n && lx.coord.Contains(toks[j]) &&
              toks[j + 1].word && toks[j + 1].cap && !blocked[j + 1] &&
              lx.institution.Match(toks, j + 1) == 0 && lx.org_prefix.Match(toks, j + 1) == 0 &&
              lx.places.Match(toks, j + 1) == 0 && tail_syllable(j + 2) &&
              (boundary_at(j + 3) ||
               (toks[j + 3].word && toks[j + 3].cap && !blocked[j + 3] &&
                lx.institution.Match(toks, j + 3) == 0 &&
                lx.org_prefix.Match(toks, j + 3) == 0 &&
                lx.person_prefix.Match(toks, j + 3) == 0))) {
            // "Bộ Tài nguyên và Môi trường": two Vietnamese words joined by "và" inside
            // one name, each a capitalised syllable and a lower-case one. "Viện Hàn lâm
            // Khoa học và Công nghệ Việt Nam": the name runs on over capitalised words
            // after the second one.
            j += 3;
            if (boundary_at(j)) break;
            continue;
          }
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
    // "sở hữu Xi măng Hải Vân cùng Gạch men Trà Khúc": inside a sentence, one
    // capitalised word, one lower-case syllable of the same word (a business line) and a
    // brand of two words or more are one company's registered name.
    // Only after a lower-case word (the verb or preposition that takes it), so a person
    // before an English verb ("..., Tuấn told Nikkei Asia") is not read as one.
    if (i > 0 && toks[i - 1].word && !toks[i - 1].cap && i + 3 < n &&
        tail_syllable(i + 1) && (toks[i].viet || toks[i + 1].viet) && toks[i + 2].word &&
        toks[i + 2].cap && !blocked[i + 2] && !lx.surname.Contains(toks[i]) &&
        !lx.surname.Contains(toks[i + 2]) && lx.places.Match(toks, i) == 0 &&
        lx.common.Match(toks, i) == 0 && lx.non_entity.Match(toks, i) == 0 &&
        lx.title.Match(toks, i) == 0 && lx.person_prefix.Match(toks, i) == 0 &&
        lx.org_prefix.Match(toks, i) == 0 && lx.anaphora.Match(toks, i) == 0 &&
        lx.triggers.Match(toks, i + 1) == 0) {
      int q = i + 2;
      while (q < n && toks[q].word && toks[q].cap && !blocked[q]) ++q;
      // "Dệt may Nam Định", "Xi măng Hà Tiên": the brand may be the province alone when
      // the business line is a whole two-syllable word that names no place itself.
      int brand_place = -1;
      const bool place_brand = lx.places.Match(toks, i + 2, &brand_place) == q - (i + 2) &&
                               brand_place >= 0 && lx.place_info[brand_place].city &&
                               !In(lx.locative, toks[i]) && !In(lx.locative, toks[i + 1]);
      if (q - (i + 2) >= 2 && (lx.places.Match(toks, i + 2) < q - (i + 2) || place_brand)) {
        // "Điện gió Long Hòa 5 ở Trà Vinh": a plant's or project's number ends the name
        // when punctuation, a locative word or nothing follows it.
        if (q < n && toks[q].word && toks[q].has_digit && !IsYear(toks[q]) &&
            toks[q].lower.size() <= 2 && toks[q].begin == toks[q - 1].end + 1 &&
            std::all_of(toks[q].lower.begin(), toks[q].lower.end(),
                        [](char c) { return c >= '0' && c <= '9'; }) &&
            (q + 1 >= n ||
             (!toks[q + 1].word && !IsPunct(toks[q + 1], "%") && !IsPunct(toks[q + 1], "/") &&
              !IsPunct(toks[q + 1], "-") &&
              !(IsPunct(toks[q + 1], ".") && q + 2 < n && toks[q + 2].has_digit)) ||
             In(lx.locative, toks[q + 1]))) {
          ++q;
        }
        int idx = add_mention(i, q, EntityType::kOrganization, 1);
        // The brand alone may stand for it later ("Hải Vân").
        doc->mentions[idx].short_forms.push_back(
            doc->norm.text.substr(toks[i + 2].begin, toks[q - 1].end - toks[i + 2].begin));
        i = q;
        continue;
      }
    }
    int j = i;
    while (j < n && toks[j].word && toks[j].cap && !blocked[j]) ++j;
    for (bool grew = true; grew && j > i && j + 1 < n;) {
      grew = false;
      // "Monk's Hill Ventures": a possessive inside a name that an organisation suffix
      // ends. The word before "'s" must never stand alone in the article, or it is an
      // owner of its own ("Google's Gradient Ventures" when Google appears elsewhere).
      // A place's possessive is where the name is from ("Japan's Sora Capital").
      if (j - i == 1 && toks[j].lower == "'s" && toks[j].begin == toks[j - 1].end &&
          lx.places.Match(toks, i) == 0 &&
          toks[j + 1].word && toks[j + 1].cap && !blocked[j + 1]) {
        int q = j + 1;
        while (q < n && toks[q].word && toks[q].cap && !blocked[q]) ++q;
        if (q - (j + 1) >= 2 && lx.org_suffix.Contains(toks[q - 1])) {
          const std::string& text = doc->norm.text;
          const std::string owner = text.substr(toks[i].begin, toks[i].end - toks[i].begin);
          bool alone = false;
          for (size_t at = text.find(owner); at != std::string::npos && !alone;
               at = text.find(owner, at + 1)) {
            size_t after = at + owner.size();
            bool word_start = at == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(text[at - 1]));
            bool word_end = after >= text.size() ||
                            (!absl::ascii_isalnum(static_cast<unsigned char>(text[after])) &&
                             static_cast<unsigned char>(text[after]) < 0x80);
            bool possessive = text.compare(after, 2, "'s") == 0;
            if (word_start && word_end && !possessive) alone = true;
          }
          if (!alone) {
            j = q;
            grew = true;
            continue;
          }
        }
      }
      // "McKinsey & Company", "Hyundai E&C": '&' between capitalised words joins one name.
      if (IsPunct(toks[j], "&") && toks[j + 1].word && toks[j + 1].cap && !blocked[j + 1]) {
        j += 2;
        while (j < n && toks[j].word && toks[j].cap && !blocked[j]) ++j;
        grew = true;
        continue;
      }
      // "Thomas G. Tsao", "John D. Rockefeller": a middle initial and its dot inside a
      // person's name (after a first name, so "Series A. Nguyen ..." stays apart).
      if (j - i >= 2 && IsPunct(toks[j], ".") && toks[j].begin == toks[j - 1].end &&
          toks[j - 1].word && toks[j - 1].lower.size() == 1 && toks[j - 1].cap &&
          !toks[j - 2].all_caps && toks[j + 1].word && toks[j + 1].cap && !blocked[j + 1] &&
          !toks[j + 1].all_caps) {
        j += 2;
        while (j < n && toks[j].word && toks[j].cap && !blocked[j]) ++j;
        grew = true;
        continue;
      }
      // "Vĩnh Tân 1 Power Company": a small number inside a name that goes on to an
      // organisation word.
      if (toks[j].word && toks[j].has_digit && !toks[j].cap && toks[j].lower.size() <= 2 &&
          absl::ascii_isdigit(static_cast<unsigned char>(toks[j].lower[0])) && toks[j + 1].word &&
          toks[j + 1].cap && !blocked[j + 1]) {
        int q = j + 1;
        while (q < n && toks[q].word && toks[q].cap && !blocked[q]) ++q;
        if (lx.org_suffix.Contains(toks[q - 1]) ||
            lx.corp_suffix.Contains(toks[q - 1])) {
          j = q;
          grew = true;
        }
      }
    }
    // "Kho Lạnh 4.0", "Web3 Hub 2.0": a version number right after a name of two words
    // or more ends it, unless an amount's unit follows ("Tiki 2.5 triệu USD").
    if (j - i >= 2 && j < n && toks[j].word && toks[j].has_digit && !toks[j].cap &&
        toks[j].begin == toks[j - 1].end + 1 && toks[j].lower.size() <= 4 &&
        absl::ascii_isdigit(static_cast<unsigned char>(toks[j].lower[0])) &&
        toks[j].lower.find('.') != std::string::npos &&
        std::all_of(toks[j].lower.begin(), toks[j].lower.end(),
                    [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
        (j + 1 >= n || !toks[j + 1].word ||
         (!time_unit(j + 1) && !lx.finance.Contains(toks[j + 1]) &&
          !lx.scale.Match(toks, j + 1) && !lx.currency.Match(toks, j + 1)))) {
      ++j;
    }
    // "Kho Lạnh 247", "Giao Hàng 365": a bare number of two to four digits right after
    // a name of two words or more ends it, when no unit, amount or noun follows (a count
    // is followed by what it counts: "Sao Mai 300 cửa hàng") and it is no year.
    if (j - i >= 2 && j < n && toks[j].word && toks[j].has_digit && !toks[j].cap && !IsYear(toks[j]) &&
        toks[j].begin == toks[j - 1].end + 1 &&
        // "Điện gió Long Hòa 5 ở Trà Vinh", "Vĩnh Tân 4, ...": a single digit only right
        // before punctuation, a locative word or the end.
        (toks[j].lower.size() >= 2 ||
         (j + 1 >= n || (!toks[j + 1].word && !IsPunct(toks[j + 1], "-")) ||
          In(lx.locative, toks[j + 1]))) &&
        toks[j].lower.size() <= 4 &&
        std::all_of(toks[j].lower.begin(), toks[j].lower.end(),
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        (j + 1 >= n || !toks[j + 1].word || (boundary_at(j + 1) && !time_unit(j + 1))) &&
        !(j + 1 < n && (IsPunct(toks[j + 1], "%") || IsPunct(toks[j + 1], "/") ||
                        (IsPunct(toks[j + 1], ".") && j + 2 < n && toks[j + 2].has_digit)))) {
      ++j;
    }
    // "Vision Fund 2", "Quỹ Mekong 3": a fund's series number ends its name.
    if (j > i && j < n && lx.org_suffix.Contains(toks[j - 1]) && toks[j].word &&
        toks[j].has_digit && toks[j].lower.size() <= 2 && !toks[j].cap &&
        (j + 1 >= n || !toks[j + 1].word ||
         (!time_unit(j + 1) && !lx.finance.Contains(toks[j + 1]) &&
          !lx.scale.Contains(toks[j + 1])))) {
      ++j;
    }
    // "Hanoi University of Science and Technology", "the University of Melbourne": an
    // institution's name runs on over "of" and the joiners after it.
    // So does "Bank of America", "Development Bank of Singapore": a bank, "of" and a
    // place ("Kestrel Robotics of Denver" says where a company is).
    auto bank_word = [&](int k) {
      std::vector<std::string> kinds;
      AddOrgClasses(lx, toks, k, k + 1, &kinds);
      return std::find(kinds.begin(), kinds.end(), "bank") != kinds.end();
    };
    if (j > i && j + 2 < n && bank_word(j - 1) && In(lx.name_of, toks[j]) && toks[j + 1].word &&
        toks[j + 1].cap && !blocked[j + 1]) {
      int pm = lx.places.Match(toks, j + 1);
      if (pm > 0 && (j + 1 + pm >= n || !toks[j + 1 + pm].word || !toks[j + 1 + pm].cap)) {
        j += 1 + pm;
      }
    }
    if (j > i && lx.institution.Contains(toks[j - 1])) {
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
    // "Sữa Ba Vì Organics ... . Ba Vi Organics is ...": a common word that opens a run
    // is part of the name when the article already named a company ending with the run.
    auto named_with = [&](int from, int to) {
      if (to - from < 2) return false;
      std::string run = Fold(absl::string_view(doc->norm.text)
                                 .substr(toks[from].begin, toks[to - 1].end - toks[from].begin));
      for (const Mention& pm : doc->mentions) {
        if (pm.anaphor || pm.type == EntityType::kPlace || pm.type == EntityType::kPerson) {
          continue;
        }
        std::string f = Fold(pm.text);
        if (f == run || (f.size() > run.size() && absl::EndsWith(f, run) &&
                         f[f.size() - run.size() - 1] == ' ')) {
          return true;
        }
      }
      return false;
    };
    // Leading cue words are not part of the name: "Ông Xiaochuan", "Tập đoàn Alibaba".
    while (b < j) {
      int pm = lx.person_prefix.Match(toks, b);
      int om = lx.org_prefix.Match(toks, b);
      if (pm > 0 && b + pm < j) {
        for (int k = b + pm; k <= b + pm && k < n; ++k) person_cue_before[k] = true;
        b += pm;
      } else if (om > 0 && b + om < j) {
        b += om;
      } else if (lx.common.Contains(toks[b]) && !lx.places.Match(toks, b) &&
                 !(lx.surname.Contains(toks[b]) && j - b >= 2 && j - b <= 3 &&
                   toks[b + 1].lower.size() >= 4 && !toks[b + 1].viet &&
                   lx.common.Match(toks, b + 1) == 0 && lx.org_suffix.Match(toks, b + 1) == 0) &&
                 !named_with(b, j)) {
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
    // Unless the article has already named it ("L'Oréal, which ...").
    // A brand written with an inner capital ("VayNhỏ", "MoMo") is never a plain word.
    if (b < j && j - b == 1 && sentence_initial(b) && toks[b].viet && !toks[b].has_upper_inside &&
        lx.places.Match(toks, b) == 0) {
      bool named = false;
      for (const Mention& pm : doc->mentions) {
        if (pm.anaphor || pm.sentence >= si) continue;
        const std::vector<Token>& pt = doc->sentences[pm.sentence].tokens;
        // "Ngô Phương Thảo ... . Thảo nghỉ việc ở Shopee": the given name of a person
        // named before, alone, is that person.
        bool given_name = pm.type == EntityType::kPerson && pm.te - pm.tb >= 2 &&
                          pt[pm.te - 1].lower == toks[b].lower;
        // "Trụ" in a heading "Trụ sở" is the first syllable of a word, not a name.
        bool word_start = pm.te < static_cast<int>(pt.size()) && pt[pm.te].word &&
                          !pt[pm.te].cap && !pt[pm.te].has_digit;
        if ((pm.te - pm.tb == 1 && pt[pm.tb].lower == toks[b].lower && !word_start) ||
            given_name) {
          named = true;
          break;
        }
      }
      if (!named) b = j;
    }
    // "Returning backers X and Y ...", "Following the deal, ...": a capitalised English
    // gerund opening the sentence before a lower-case word is no name, unless the article
    // also writes it capitalised inside a sentence ("... by Keeling"). Plural nouns
    // ("Sales took off") are data (cues.tsv non_entity): brands end in -s too ("Finlytics
    // raised ...").
    if (b < j && j - b == 1 && j < n && sentence_initial(b) && !toks[b].viet &&
        !toks[b].all_caps && !toks[b].has_upper_inside && !toks[b].has_digit &&
        toks[j].word && !toks[j].cap && lx.places.Match(toks, b) == 0 &&
        absl::EndsWith(toks[b].lower, "ing") && toks[b].lower.size() >= 6) {
      absl::string_view norm = doc->norm.text;
      absl::string_view w = norm.substr(toks[b].begin, toks[b].end - toks[b].begin);
      bool inside = false;
      for (size_t pos = norm.find(w); pos != absl::string_view::npos && !inside;
           pos = norm.find(w, pos + 1)) {
        if (pos == toks[b].begin) continue;
        size_t after = pos + w.size();
        if (after < norm.size() && absl::ascii_isalnum(norm[after])) continue;
        size_t q = pos;
        while (q > 0 && norm[q - 1] == ' ') --q;
        if (q == pos || q == 0) continue;  // Part of a longer word, or the text's start.
        unsigned char c = static_cast<unsigned char>(norm[q - 1]);
        inside = absl::ascii_isalnum(c) || c == ',' || c >= 0x80;  // 0x80+: a Vietnamese letter.
      }
      if (!inside) b = j;
    }
    // "Giám đốc Điều hành Alibaba Eddie Yongming Wu", "Chủ tịch FPT Trương Gia Bình":
    // after a title one capitalised run may hold the company, then the person.
    if (b < j && j - b >= 3 && person_cue_before[b] && !lx.surname.Contains(toks[b])) {
      int split = -1;
      // Not before places ("Vertex Ventures Southeast Asia & India": a regional arm).
      for (int k = b + 1; k + 1 < j && split < 0; ++k) {
        if (lx.org_suffix.Contains(toks[k - 1]) && j - k <= 4 &&
            lx.places.Match(toks, k) == 0) {
          split = k;
        }
      }
      for (int k = b + 1; k + 1 < j && split < 0; ++k) {
        // Not inside a compound family name ("thầy giáo Tôn Thất Bình").
        if (toks[k].viet && lx.surname.Contains(toks[k]) && j - k <= 4 &&
            lx.surname.MatchEndingAt(toks, k + 1) <= 1) {
          split = k;
        }
      }
      // "Chủ tịch Hanbit Park Ji-hoon", "CEO Naver Lee Hae-jin": a family name, then a
      // hyphenated given name, closing the run (East Asian order) is the person.
      if (split < 0 && lx.surname.Contains(toks[j - 2]) && j - 2 > b &&
          toks[j - 1].lower.find('-') != std::string::npos && !toks[j - 1].has_digit &&
          !lx.surname.Contains(toks[j - 3])) {
        split = j - 2;
      }
      if (split < 0 && j - b >= 4 && lx.surname.Contains(toks[j - 1])) split = j - 3;
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
    // "TP Cao Lãnh", "Tp. Vinh": the abbreviated cue opens the run, and the city after
    // it is one the place lexicon lacks.
    if (b + 1 < j && j - b - 1 <= 3 && In(lx.city_cue, toks[b]) &&
        lx.places.Match(toks, b) == 0 && lx.places.Match(toks, b + 1) == 0) {
      int idx = add_mention(b + 1, j, EntityType::kPlace, 2);
      doc->mentions[idx].city = true;
      doc->mentions[idx].place_key = absl::StrCat("city:", Fold(doc->mentions[idx].text));
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
    // "the Japanese group", "the Korean fund": a nationality (no mention of its own)
    // between the article and the head of "the group" points back like "the group".
    if (m == 0 && In(lx.demonstrative, toks[i]) && i + 2 < n) {
      int j = i + 1;
      while (j < n && j <= i + 2 && toks[j].word && toks[j].cap && s.token_mention[j] < 0 &&
             lx.non_entity.Match(toks, j) == 1) {
        ++j;
      }
      for (int hl = 2; j > i + 1 && hl >= 1 && m == 0; --hl) {
        if (j + hl > n) continue;
        std::vector<Token> phrase = {toks[i]};
        phrase.insert(phrase.end(), toks.begin() + j, toks.begin() + j + hl);
        int pk = 0;
        if (lx.anaphora.Match(phrase, 0, &pk) == hl + 1) {
          m = j + hl - i;
          kind = pk;
        }
      }
    }
    // "rời tập đoàn gọi xe này", "Tập đoàn có trụ sở tại An Giang này": an organisation
    // noun, a short lower-case description (places allowed) and the demonstrative that
    // closes "tập đoàn này" point back like "tập đoàn này"; the noun stands for it.
    // The noun may start with a shorter anaphor ("quỹ" in "Quỹ đầu tư ... này").
    if (int om = lx.org_prefix.Match(toks, i);
        om >= m && om > 0 && (i == 0 || !In(lx.generic_det, toks[i - 1]))) {
      if (i + om < n && toks[i + om].word && !toks[i + om].cap && s.token_mention[i] < 0) {
        std::string noun;
        for (int k = i; k < i + om; ++k) absl::StrAppend(&noun, k > i ? " " : "", toks[k].lower);
        int close = -1;
        bool statement = false;  // The description says something ("có trụ sở tại X").
        for (int q = i + om; q < n && q <= i + om + 7; ++q) {
          if (s.token_mention[q] >= 0) {
            const Mention& pm = doc->mentions[s.token_mention[q]];
            if (pm.type != EntityType::kPlace || pm.anaphor) break;
            statement = true;
            q = pm.te - 1;
            continue;
          }
          statement = statement || lx.triggers.Match(toks, q) > 0;
          if (!toks[q].word || toks[q].cap) break;
          if (q > i + om && lx.anaphora.Contains(absl::StrCat(noun, " ", toks[q].lower))) {
            close = q;
            break;
          }
          if (lx.anaphora.Match(toks, q) > 0 || lx.org_prefix.Match(toks, q) > 0) break;
        }
        if (close > 0) {
          // A plain modifier ("tập đoàn sản xuất tôn này") belongs to the anaphor; a
          // description that states something keeps its words for the rules, and the
          // noun alone stands for the company.
          int end = statement ? i + om : close + 1;
          Mention mm = MentionOver(doc->norm, si, toks, i, end);
          mm.anaphor = true;
          mm.anaphor_kind = AnaphorKind::kOrgDemonstrative;
          mm.type = EntityType::kOrganization;
          int idx = static_cast<int>(doc->mentions.size());
          for (int k = i; k < end; ++k) s.token_mention[k] = idx;
          doc->mentions.push_back(std::move(mm));
          i = close + 1;
          continue;
        }
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
    // Followed by a name: a cue ("ông Wu", "công ty Sogou"), not an anaphor. So is the
    // start of a longer cue before a name ("Quỹ đầu tư Do Ventures").
    // But "tập đoàn Nhật cũng đã mua ...": a country after the noun, with no name after
    // it, only says where the company is from; when it is no mention of its own (a
    // nationality, see non_entity) the anaphor takes it in.
    if (after < n && toks[after].word && toks[after].cap) {
      int pv = -1;
      int pm = lx.places.Match(toks, after, &pv);
      bool from_country = pm > 0 && !lx.place_info[pv].city && ak != AnaphorKind::kPerson &&
                          (after + pm >= n || !toks[after + pm].word || !toks[after + pm].cap);
      if (!from_country) ok = false;
      bool unnamed = true;
      for (int k = after; k < after + pm && k < n; ++k) unnamed = unnamed && s.token_mention[k] < 0;
      if (from_country && unnamed) after += pm;
    }
    if (int om = lx.org_prefix.Match(toks, i);
        om > m && i + om < n && toks[i + om].word && toks[i + om].cap) {
      ok = false;
    }
    // "Lotus Peak Capital, quỹ đầu tư mạo hiểm ...": a longer cue after a name and a
    // comma describes that name.
    if (i >= 2 && IsPunct(toks[i - 1], ",") && s.token_mention[i - 2] >= 0 &&
        lx.org_prefix.Match(toks, i) > m) {
      ok = false;
    }
    if (ak == AnaphorKind::kPerson) {
      if (toks[i].cap && !sentence_initial(i)) ok = false;
    }
    if (ak == AnaphorKind::kRoundInitial) {
      // Or right after a short opening phrase ("Ngoài Quỹ Mekong, vòng vốn còn có ...").
      bool opening = i >= 2 && i <= 7 && IsPunct(toks[i - 1], ",");
      for (int k = 0; opening && k + 1 < i; ++k) opening = !IsPunct(toks[k], ",");
      if (!sentence_initial(i) && !opening) ok = false;
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
        if (!toks[k].word || lx.filler.Contains(toks[k]) || lx.triggers.Match(toks, k) ||
            lx.bridge.Contains(toks[k])) {
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
      // "Hai người cùng thành lập công ty năm 2020": the object of a relation verb,
      // when nothing describes it further ("thành lập công ty riêng" is a new one).
      bool verb_object = lx.triggers.MatchEndingAt(toks, i) > 0 &&
                         (after >= n || !toks[after].word || toks[after].has_digit ||
                          is_function_word(after) || time_unit(after));
      bool object_slot =
          founder_of || share_of || verb_object || (i > 0 && In(lx.object_marker, toks[i - 1]));
      bool giant = In(lx.epithet, toks[i]);
      if (!ascii && !clause_start && !object_slot && !giant) ok = false;
      // "Delivery Hero là doanh nghiệp niêm yết ...": after a copula the noun is what the
      // subject is, not a word pointing back to someone else.
      if (i > 0 && lx.copula.MatchEndingAt(toks, i) > 0) ok = false;
      // "VNG, công ty công nghệ ...": an appositive describing the name before it.
      // Not after a clause that opens the sentence ("Sau khi mua lại Minh Phú, tập đoàn
      // mở rộng"): there the noun is the subject of the main clause.
      // ("khi Mekong Partners, quỹ đặt trụ sở ở Singapore, mua ...": the name right
      // after the opener is the clause's subject, and the noun its appositive.)
      bool after_clause = false;
      const int name_b =
          i >= 2 && s.token_mention[i - 2] >= 0 ? doc->mentions[s.token_mention[i - 2]].tb : 0;
      for (int k = name_b - 2; k >= 0 && !IsPunct(toks[k], ","); --k) {
        after_clause = after_clause || lx.clause_break.MatchEndingAt(toks, k + 1) > 0 ||
                       lx.after.MatchEndingAt(toks, k + 1) > 0;
      }
      // Nor "..., quỹ cho biết": a noun that a verb of saying follows is the speaker.
      auto saying = [&](int q) {
        return q < n && In(lx.clause_opener, toks[q]) && !In(lx.clause_relative, toks[q]);
      };
      bool speaker = saying(after) || saying(after + 1);
      if (i >= 2 && IsPunct(toks[i - 1], ",") && s.token_mention[i - 2] >= 0 && after < n &&
          toks[after].word && lx.filler.Match(toks, after) == 0 &&
          lx.modality.Match(toks, after) == 0 && lx.triggers.Match(toks, after) == 0 &&
          !after_clause && !speaker) {
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

  // "Quek Siu Rui, Marcus Tan và Lucas Ngoo", "Anika Rao and Peter Lim": names listed
  // beside a person are people too, when nothing marks them as organisations: a plain
  // name of two to four capitalised words, which in Vietnamese opens with a family name
  // or holds a middle name ("Sao Mai" beside a person stays what it was).
  {
    std::vector<int> order;
    for (int k = 0; k < n; ++k) {
      int mi = s.token_mention[k];
      if (mi >= 0 && (order.empty() || order.back() != mi)) order.push_back(mi);
    }
    auto listed_person_like = [&](const Mention& m) {
      int len = m.te - m.tb;
      if (m.anaphor || m.type != EntityType::kUnknown || len < 2 || len > 4) return false;
      bool viet = false, family = lx.surname.Contains(toks[m.tb]), middle = false;
      for (int k = m.tb; k < m.te; ++k) {
        const Token& t = toks[k];
        if (!t.word || !t.cap || t.has_digit || t.all_caps || t.has_upper_inside ||
            lx.org_suffix.Contains(t) || lx.corp_suffix.Contains(t) ||
            lx.places.Match(toks, k) > 0) {
          return false;
        }
        viet = viet || t.viet;
        if (k > m.tb && In(lx.middle_name, t)) middle = true;
      }
      return !viet || family || middle;
    };
    auto listed = [&](const Mention& a, const Mention& b) {
      // b follows a after ",", a joiner, or ", and".
      int gap = b.tb - a.te;
      if (gap == 1) return IsPunct(toks[a.te], ",") || lx.coord.Contains(toks[a.te]);
      return gap == 2 && IsPunct(toks[a.te], ",") && lx.coord.Contains(toks[a.te + 1]);
    };
    // A comma alone links two names only inside a list that a joiner closes ("A, B và
    // C"); "Theo bà Linh, Kiddo Learn ..." is a clause boundary.
    auto joined = [&](size_t a) {
      const Mention& x = doc->mentions[order[a]];
      const Mention& y = doc->mentions[order[a + 1]];
      if (!listed(x, y)) return false;
      if (y.tb - x.te > 1 || !IsPunct(toks[x.te], ",")) return true;
      for (size_t c = a + 1; c + 1 < order.size(); ++c) {
        const Mention& p = doc->mentions[order[c]];
        const Mention& q = doc->mentions[order[c + 1]];
        if (!listed(p, q)) return false;
        if (q.tb - p.te > 1 || !IsPunct(toks[p.te], ",")) return true;
      }
      return false;
    };
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t a = 0; a + 1 < order.size(); ++a) {
        Mention& x = doc->mentions[order[a]];
        Mention& y = doc->mentions[order[a + 1]];
        if (!joined(a)) continue;
        bool xp = x.type == EntityType::kPerson && !x.anaphor;
        bool yp = y.type == EntityType::kPerson && !y.anaphor;
        if (xp && listed_person_like(y)) {
          y.type = EntityType::kPerson;
          y.strength = 1;
          changed = true;
        } else if (yp && listed_person_like(x)) {
          x.type = EntityType::kPerson;
          x.strength = 1;
          changed = true;
        }
      }
    }
  }

  // Collect this sentence's mentions in token order, and their context flags.
  for (int k = 0; k < n; ++k) {
    int mi = s.token_mention[k];
    if (mi >= 0 && (s.mentions.empty() || s.mentions.back() != mi)) s.mentions.push_back(mi);
  }
  for (size_t a = 0; a < s.mentions.size(); ++a) {
    Mention& m = doc->mentions[s.mentions[a]];
    if (m.tb > 0 && lx.genitive.Contains(toks[m.tb - 1])) m.genitive = true;
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
    // So does "Người Lao Động - Sáng 1/11, ...": a common word may open the name.
    bool opens_line = a == 0;
    for (int k = 0; k < m.tb && opens_line; ++k) {
      opens_line = k < 2 && toks[k].word && lx.common.Contains(toks[k]);
    }
    if (opens_line && a + 1 < s.mentions.size() && m.te + 1 < n && !m.anaphor &&
        (IsPunct(toks[m.te], "-") || toks[m.te].lower == "–") &&
        doc->mentions[s.mentions[a + 1]].tb == m.te + 1 && m.type != EntityType::kPlace &&
        m.type != EntityType::kPerson) {
      m.source = true;
      // Near the top of the article it names the publisher.
      if (m.tb > 0 && si <= 3) m.outlet = true;
    }
    // "CafeF | 14:20 07/10/2026", "Reuters | HANOI, June 30": a byline near the top
    // names the publisher before a bar and a date after it. (A table row also has bars,
    // but no date and no place among the first lines.)
    if (si <= 3 && !s.table_row && !m.anaphor && m.type != EntityType::kPlace &&
        m.type != EntityType::kPerson) {
      int bar = -1;
      for (int k = m.te; k < n && bar < 0; ++k) {
        if (IsPunct(toks[k], "|")) bar = k;
        if (toks[k].word && !toks[k].cap) break;
      }
      bool dated = false;
      for (int k = bar + 1; bar >= 0 && k < n && !dated; ++k) dated = toks[k].has_digit;
      bool alone = true;
      for (int k = 0; k < m.tb && alone; ++k) alone = !toks[k].word || lx.common.Contains(toks[k]);
      if (dated && alone) {
        m.outlet = true;
        m.source = true;
      }
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


}  // namespace kg::extract::internal
