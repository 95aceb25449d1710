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
  // A dash with a space on each side ("X - mô tả - Y"), not one inside "Hà Nội-based".
  bool IsSpacedDash(int k) const {
    if (k <= 0 || k + 1 >= n_) return false;
    const std::string& w = t_[k].lower;
    return (w == "-" || w == "–" || w == "—") && t_[k].begin > t_[k - 1].end &&
           t_[k + 1].begin > t_[k].end;
  }
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
  // The list that opens with mention mi ("A, B và C"), extended right as far as it goes.
  // A slot of the one mention mi, for a fact whose argument a rule found by itself.
  static Slot One(int mi) {
    Slot slot;
    slot.mentions.push_back(mi);
    return slot;
  }
  Slot ListFrom(int mi, bool skip_former = true) const {
    Slot slot;
    slot.mentions.push_back(mi);
    slot.begin = M(mi).tb;
    slot.end = M(mi).te;
    ExtendRight(&slot, skip_former);
    return slot;
  }
  Slot SentenceSubject(int before) const;
  // The name right before the comma at `comma` when a relative word follows the comma
  // and the name closes an "of" phrase ("the brand of state-owned VNPT, which ..."), or -1.
  int OwnerBeforeRelative(int comma) const {
    int mi = MentionAt(comma - 1);
    if (mi < 0 || comma + 1 >= n_ || !In(lx_.clause_relative, t_[comma + 1]) ||
        TypeOf(mi) == EntityType::kPlace || TypeOf(mi) == EntityType::kPerson || M(mi).anaphor) {
      return -1;
    }
    // "of the French retailer Decathlon": a description that ends on its head noun.
    int start = M(mi).tb;
    if (int d = DescriptionBefore(start); d < start && d >= 1 &&
        lx_.genitive.Contains(t_[d - 1])) {
      start = d;
    }
    for (int q = start - 1; q >= 1 && q >= start - 4; --q) {
      if (lx_.genitive.Contains(t_[q])) {
        // Only inside an appositive: "X, the brand of Y, which ...".
        for (int c = q - 1; c >= 1 && c >= q - 6; --c) {
          if (IsPunct(t_[c], ",")) return MentionAt(c - 1) >= 0 ? mi : -1;
          if (MentionAt(c) >= 0 || !t_[c].word) return -1;
        }
        return -1;
      }
      if (MentionAt(q) >= 0 || !(t_[q].word || IsPunct(t_[q], "-")) || t_[q].cap) return -1;
    }
    return -1;
  }
  // The parent named after a local unit that opens at token k ("the Vietnamese unit of
  // X", "the Singapore subsidiary of X"), or -1.
  int UnitParent(int k) const {
    if (k < n_ && In(lx_.article, t_[k])) ++k;
    for (int steps = 0; k < n_ && steps < 3; ++steps) {
      int pm = MentionAt(k);
      if (pm >= 0 && M(pm).tb == k && TypeOf(pm) == EntityType::kPlace) {
        k = M(pm).te;
      } else if (pm < 0 && t_[k].word && t_[k].cap) {
        ++k;  // A nationality: "Vietnamese".
      } else {
        break;
      }
    }
    int um = k < n_ ? lx_.unit_noun.Match(t_, k) : 0;
    if (um == 0 || k + um + 1 >= n_ || !lx_.genitive.Contains(t_[k + um])) return -1;
    int mi = MentionAt(k + um + 1);
    if (mi < 0 || M(mi).tb != k + um + 1 || TypeOf(mi) == EntityType::kPlace ||
        TypeOf(mi) == EntityType::kPerson) {
      return -1;
    }
    return mi;
  }
  // The token where a name begins after its home city and a lower-case description
  // ending on a head noun ("Hanoi noodle maker X") that open at token i, or -1.
  int AfterCityDescription(int i) const;
  bool SubjectOmitted(int i) const;
  int EnclosedAppositive(int close) const;
  int SkipAppositive(int e) const;
  // The organisation named before a description that ends at token `end`: "Name, <org
  // head noun> <lower-case words, places>" ("Kén Studio, startup cho thuê trang phục có
  // trụ sở tại Đà Nẵng"). Returns its mention, or -1.
  int DescribedName(int end) const;
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
  // The first token of a description right before the name at b that ends on a head
  // noun ("the Singapore-based fund", "quỹ Nhật Bản", "Korean food giant", "Singapore
  // state investor"), or b if there is none. Stops at a joiner, a name that is no
  // place, a verb or a function word.
  int DescriptionBefore(int b) const {
    if (b < 1) return b;
    int h = std::max({lx_.org_head.MatchEndingAt(t_, b), lx_.org_prefix.MatchEndingAt(t_, b),
                      lx_.title.MatchEndingAt(t_, b)});
    int q = b;
    if (h > 0) {
      q = b - h;
    } else {
      // "quỹ Nhật Bản B": a country between the head noun and the name.
      int pm = MentionAt(b - 1);
      if (pm < 0 || M(pm).type != EntityType::kPlace || M(pm).city) return b;
      int pb = M(pm).tb;
      int h2 = std::max(lx_.org_prefix.MatchEndingAt(t_, pb), lx_.title.MatchEndingAt(t_, pb));
      if (h2 == 0) return b;
      q = pb - h2;
    }
    for (int steps = 0; q > 0 && steps < 7; ++steps) {
      const Token& t = t_[q - 1];
      int pm = MentionAt(q - 1);
      if (pm >= 0) {
        if (M(pm).type != EntityType::kPlace || M(pm).anaphor) break;
        q = M(pm).tb;
        continue;
      }
      if (In(lx_.article, t) || IsPunct(t, "-") || In(lx_.based_compound, t)) {
        --q;
        continue;
      }
      if (!t.word || t.has_digit || lx_.coord.Match(t_, q - 1) > 0 ||
          lx_.triggers.Match(t_, q - 1) > 0 || lx_.filler.Match(t_, q - 1) > 0 ||
          lx_.stop.Match(t_, q - 1) > 0 || lx_.genitive.Contains(t) ||
          lx_.locative.Contains(t) || lx_.agent_by.Contains(t) ||
          lx_.source_from.Contains(t)) {
        break;
      }
      // A nationality ("Korean") or a lower-case modifier ("food", "state").
      if (t.cap && lx_.non_entity.Match(t_, q - 1) != 1) break;
      --q;
    }
    return q;
  }
  // The token where a name begins after a description that starts at k and ends on a
  // head noun ("Korean food giant X", "the Singapore-based fund X", "Vietnam-focused
  // fund X"), or -1.
  int DescriptionAfter(int k) const {
    int q = k;
    for (int steps = 0; q < n_ && steps < 8; ++steps) {
      int pm = MentionAt(q);
      if (pm >= 0) {
        if (M(pm).type != EntityType::kPlace || M(pm).anaphor) {
          // "chuỗi bánh mì Hàn Quốc X": the head may stand before the name's country.
          int hq = q;
          int cm = q > k ? MentionAt(q - 1) : -1;
          if (cm >= 0 && M(cm).type == EntityType::kPlace && !M(cm).city) hq = M(cm).tb;
          int h = std::max({lx_.org_head.MatchEndingAt(t_, hq),
                            lx_.org_prefix.MatchEndingAt(t_, hq), lx_.title.MatchEndingAt(t_, hq)});
          if (h == 0) {
            // "thương hiệu trà sữa Đài Loan X": or before a short business line.
            for (int b = hq - 1; b > k && b >= hq - 3 && h == 0; --b) {
              int hb = std::max(lx_.org_head.MatchEndingAt(t_, b), lx_.org_prefix.MatchEndingAt(t_, b));
              if (hb > 0) h = hb;
            }
          }
          return h > 0 && M(pm).tb == q ? q : -1;
        }
        q = M(pm).te;
        continue;
      }
      const Token& t = t_[q];
      if (In(lx_.article, t) || IsPunct(t, "-")) {
        ++q;
        continue;
      }
      if (!t.word || t.has_digit || lx_.coord.Match(t_, q) > 0 || lx_.triggers.Match(t_, q) > 0 ||
          lx_.filler.Match(t_, q) > 0 || lx_.stop.Match(t_, q) > 0 ||
          lx_.genitive.Contains(t) || lx_.locative.Contains(t) ||
          lx_.clause_break.Match(t_, q) > 0 || lx_.modality.Match(t_, q) > 0) {
        return -1;
      }
      // A capitalised word that is no mention is a modifier ("Lendtech", "Korean").
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
  // One fact between two single mentions stated inside a noun phrase ("X, a unit of Y",
  // "Manila fintech X"), so the sentence's hedges do not reach it.
  void EmitInPhrase(RelationType rel, int subject, int object, const std::string& rule, int base,
                    int trigger_begin, int trigger_end);
  void AddFact(RelationType rel, int subject, int object, const std::string& rule, int conf, int lo,
               int hi);
  bool SlotFits(RelationType rel, bool subject, int mi) const;
  // A short untyped name right after a headquarters phrase ("có trụ sở ở Sa Pa", "based in
  // Tempe"): a city the place lexicon lacks.
  bool UnlistedCity(int mi) const;

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
  void HolderIs(int i, int m);
  void VentureBetween(int i, int m);
  void WithJoining(int i, int m);
  void Portfolio(int i, int m);
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
    // People first ("Mr Koh is a former director at Goldman Sachs. Both are ..." stands
    // for Koh and the person before him, not the untyped firm); then an untyped name of
    // two words or more ("Maya Chen").
    for (int pass = 0; pass < 2 && slot.mentions.size() < 2; ++pass) {
      slot.mentions.clear();
      std::vector<int> entities;
      for (int ps = si_ - 1; ps >= 0 && ps >= si_ - 3 && slot.mentions.size() < 2; --ps) {
        const SentenceInfo& p = doc_.sentences[ps];
        for (auto it = p.mentions.rbegin(); it != p.mentions.rend(); ++it) {
          const Mention& c = M(*it);
          if (c.entity < 0 || c.anaphor) continue;
          const EntityInfo& info = doc_.entities[c.entity];
          if (info.type != EntityType::kPerson &&
              (pass == 0 || info.type != EntityType::kUnknown ||
               info.name.find(' ') == std::string::npos)) {
            continue;
          }
          if (std::find(entities.begin(), entities.end(), c.entity) != entities.end()) continue;
          entities.push_back(c.entity);
          slot.mentions.push_back(*it);
          if (slot.mentions.size() == 2) break;
        }
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
    const int reach = 3;
    for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
      if (it->sentence < si_ - 2) break;
      if (it->relation == RelationType::kInvestedIn && it->sentence < si_) return it->object;
    }
    for (int ps = si_ - 1; ps >= 0 && ps >= si_ - reach; --ps) {
      const SentenceInfo& p = doc_.sentences[ps];
      bool round = false;
      for (size_t k = 0; k < p.tokens.size() && !round; ++k) {
        round = lx_.round.Match(p.tokens, k) > 0;
      }
      if (!round) continue;
      int pm = CompanyOfRound(ps);
      if (pm >= 0) return pm;
    }
    return -1;
  }
  // "Vòng Series A do X dẫn dắt" long after "Sau vòng Series A 9 triệu USD, Livebox ...":
  // the company of the nearest earlier sentence naming the same lettered round, however
  // far back. -1 if none.
  int NamedRoundOwner(int round_mention) const {
    const Mention& r = M(round_mention);
    std::string letter;
    for (int k = r.tb; k + 1 < r.te && letter.empty(); ++k) {
      if (In(lx_.round_name, t_[k]) && t_[k + 1].lower.size() == 1) letter = t_[k + 1].lower;
    }
    if (letter.empty()) return -1;
    for (int ps = si_ - 1; ps >= 0; --ps) {
      const SentenceInfo& p = doc_.sentences[ps];
      bool same = false;
      for (size_t k = 0; k + 1 < p.tokens.size() && !same; ++k) {
        same = In(lx_.round_name, p.tokens[k]) && p.tokens[k + 1].lower == letter;
      }
      if (!same) continue;
      int pm = CompanyOfRound(ps);
      if (pm >= 0) return pm;
    }
    return -1;
  }
  // The first name in sentence `ps` that may own a round it states: not an investor
  // after "by"/"from", not a person or place. -1 if none.
  int CompanyOfRound(int ps) const {
    const SentenceInfo& p = doc_.sentences[ps];
    for (int pm : p.mentions) {
      const Mention& c = M(pm);
      if (c.source || c.genitive) continue;
      // "... được dẫn dắt bởi X", "... from X": the investor, not the round's owner.
      // So is "led by Singapore-based X": a "<place>-based" modifier in between.
      size_t b = c.tb;
      if (b >= 3 && In(lx_.based_compound, p.tokens[b - 1]) && IsPunct(p.tokens[b - 2], "-")) {
        b -= 3;
        while (b > 0 && p.tokens[b - 1].cap && p.tokens[b - 1].word) --b;
      }
      if (b > 0 && (In(lx_.agent_by, p.tokens[b - 1]) || In(lx_.source_from, p.tokens[b - 1]))) {
        continue;
      }
      EntityType t = c.entity >= 0 ? doc_.entities[c.entity].type : c.type;
      if (t == EntityType::kPlace || t == EntityType::kPerson) continue;
      if (c.anaphor && c.entity < 0) continue;
      return pm;
    }
    return -1;
  }
  // "Its most recent round, an $11 million Series A, was led by Y", "Vòng vốn do Y dẫn
  // đầu": a sentence whose subject is a round named by no one stands for the round the
  // article has just described. The round owner when the words before `before` hold a
  // round word and no name; an empty slot otherwise.
  Slot UnnamedRoundOwner(int before) const {
    Slot slot;
    bool round = false;
    int start = 0;
    // "Ngoài X, vòng vốn còn có ...": the fronted phrase names someone else.
    if (n_ > 0 && lx_.besides.Match(t_, 0) > 0) {
      while (start < before && start < n_ && !IsPunct(t_[start], ",")) ++start;
    }
    for (int k = start; k < before && k < n_; ++k) {
      if (MentionAt(k) >= 0 && !(M(MentionAt(k)).anaphor &&
                                 M(MentionAt(k)).anaphor_kind == AnaphorKind::kRound)) {
        return slot;
      }
      round = round || lx_.round.Match(t_, k) > 0;
    }
    if (!round) return slot;
    int owner = RoundOwner();
    // "Ngoài X, vòng vốn còn có ..." several sentences after the round was stated: the
    // round is the company of the last investment the article stated.
    for (auto it = out_->rbegin(); owner < 0 && it != out_->rend(); ++it) {
      if (it->relation == RelationType::kInvestedIn && it->sentence < si_ &&
          it->sentence >= si_ - 8) {
        owner = it->object;
      }
    }
    if (owner < 0) return slot;
    slot.mentions.push_back(owner);
    slot.penalty = 10;
    return slot;
  }
  // The organisation whose founding the last two sentences stated, for a founder
  // named with no organisation ("Người đồng sáng lập thứ hai là bà Y", "Cùng tham gia
  // đồng sáng lập có Y"). -1 if none.
  int FoundingOwner() const {
    for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
      if (it->sentence < si_ - 2) break;
      if (it->relation == RelationType::kFoundedBy && it->sentence < si_) return it->subject;
    }
    return -1;
  }
  // "A làm tại X, còn ông B tốt nghiệp Y và là cựu kỹ sư của Z", "A stayed at X, while B
  // ... and later worked at Z": the subject of a second clause opened after a comma by
  // a contrast or time word. Empty when the clause before `i` opens no such way.
  // "Sau khi tốt nghiệp X (X) bằng học bổng, ông Y ...", "After leaving X, Y ...": the
  // person named right after the comma that closes a clause opening the sentence with a
  // clause word, when the trigger at i stands inside that clause.
  Slot FrontedClauseSubject(int i) const {
    Slot slot;
    int cb = lx_.clause_break.Match(t_, 0);
    if (cb == 0 || cb > i) return slot;
    for (int k = i + 1; k + 1 < n_ && k <= i + 16; ++k) {
      if (IsPunct(t_[k], ";") || IsPunct(t_[k], ".")) return slot;
      if (!IsPunct(t_[k], ",") || InNumber(t_, k)) continue;
      int q = k + 1;
      q += lx_.person_prefix.Match(t_, q);
      int mi = MentionAt(q);
      if (mi >= 0 && M(mi).tb == q && TypeOf(mi) != EntityType::kOrganization &&
          TypeOf(mi) != EntityType::kPlace) {
        slot = One(mi);
        slot.begin = M(mi).tb;
        slot.end = M(mi).te;
        slot.penalty = 10;
      }
      return slot;
    }
    return slot;
  }
  Slot ClauseSubject(int i) const {
    Slot slot;
    for (int k = i - 1; k >= 1; --k) {
      if (IsPunct(t_[k], ";") || IsPunct(t_[k], ".")) break;
      if (!IsPunct(t_[k], ",")) continue;
      int q = k + 1;
      int words = 0;
      while (q < i) {
        int w = std::max(lx_.clause_break.Match(t_, q), lx_.filler.Match(t_, q));
        if (w == 0) break;
        q += w;
        ++words;
      }
      if (words == 0) break;
      q += lx_.person_prefix.Match(t_, q);
      int mi = q < i ? MentionAt(q) : -1;
      if (mi >= 0 && M(mi).tb == q && TypeOf(mi) == EntityType::kPerson) {
        slot.mentions.push_back(mi);
        slot.begin = M(mi).tb;
        slot.end = M(mi).te;
        slot.penalty = 10;
      }
      break;
    }
    return slot;
  }
  void SellStake(int i);
  void UnitOf(int i, int m);
  void AmongInvestors(int i, int m);
  void ArmOf(int i, int m);
  void CoFounders(int i, int m);
  void Stake(int i);
  void StakeNoun(int i);
  // The stake's owner before token vb (or the sentence's subject) invests in the
  // company named from token k on.
  void EmitStake(int vb, int k);
  void JoinedFrom(int i);
  void Tenure(int i);
  void RoleOf(int i);
  void OrgOfCity(int i);
  void CityGenitive(int i);
  void CityDescriptor(int i);
  void BoundedJob(int i);
  void BeforeFounding(int i);

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
  bool single_described = false;  // The name before a description of one thing.
  int k = pos - 1;
  while (k >= 0 && MentionAt(k) < 0) {
    int f = lx_.filler.MatchEndingAt(t_, k + 1);
    if (f == 0) f = lx_.modality.MatchEndingAt(t_, k + 1);
    // "Northwind previously invested in X", "X từng đầu tư vào Y": an adverb that marks
    // a past job elsewhere is only an adverb before another verb.
    if (f == 0 && k + 1 == pos) {
      int tv = -1;
      int tm = lx_.triggers.MatchEndingAt(t_, k + 1, &tv);
      if (tm > 0 && (lx_.trigger_info[tv].flags & kNeedsBridge)) f = tm;
    }
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
  // "Gradient Ventures - quỹ đầu tư do Google lập ra - đã rót vốn vào Y": a description
  // between spaced dashes, like one between commas, is about the name before it.
  int close_dash = -1;  // A filler itself, so skipped above.
  for (int q = std::max(k + 1, 0); q < pos && appositive; ++q) {
    if (IsSpacedDash(q)) close_dash = q;
  }
  if (close_dash >= 2) {
    for (int d = close_dash - 2; d >= 1 && d >= close_dash - 20; --d) {
      if (IsPunct(t_[d], ".") || IsPunct(t_[d], ";")) break;
      if (IsSpacedDash(d)) {
        if (MentionAt(d - 1) >= 0 && TypeOf(MentionAt(d - 1)) != EntityType::kPlace) {
          found = MentionAt(d - 1);
          slot.penalty = 8;
        }
        break;
      }
    }
  }
  // "Amorepacific, hãng mỹ phẩm Hàn Quốc có trụ sở tại Seoul": a country that closes a
  // description (head noun first) says where the described name is from; the name
  // before the description is the one the verb is about.
  if (found < 0 && appositive && k >= 1 && MentionAt(k) >= 0 &&
      M(MentionAt(k)).type == EntityType::kPlace && !M(MentionAt(k)).city) {
    int cb = M(MentionAt(k)).tb;
    for (int q = cb - 1; q >= 1 && q >= cb - 4; --q) {
      if (MentionAt(q) >= 0 || !t_[q].word || t_[q].cap) break;
      if (std::max(lx_.org_prefix.Match(t_, q), lx_.org_head.Match(t_, q)) > 0 &&
          IsPunct(t_[q - 1], ",")) {
        k = cb - 1;
        break;
      }
    }
  }
  if (found >= 0) {
    // Found above.
  } else if (k >= 0 && MentionAt(k) >= 0) {
    found = MentionAt(k);
  } else if (appositive && k >= 1 && k + 1 < pos && IsPunct(t_[k], ",") && MentionAt(k - 1) >= 0 &&
             In(lx_.quantifier, t_[k + 1])) {
    // "A and B, both alumni of X": the quantifier stands for the names before it.
    found = MentionAt(k - 1);
  } else if (appositive && k >= 1 && IsPunct(t_[k], ",") && OwnerBeforeRelative(k) >= 0) {
    // "Vinaphone, the mobile brand of state-owned VNPT, which is based in Hanoi": a
    // relative clause right after a name that closes an "of" phrase is about that name.
    found = OwnerBeforeRelative(k);
    slot.penalty = 8;
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
      // "X, the Singapore firm founded by A": likewise a place before the description's noun.
      if (m.type == EntityType::kPlace && m.tb > 0 && In(lx_.article, t_[m.tb - 1]) &&
          m.te < n_ && t_[m.te].word && !t_[m.te].cap && MentionAt(m.te) < 0) {
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
      // "GSM cũng là doanh nghiệp do ...": fillers may stand before the copula.
      int ce = m.te;
      while (ce < n_ && lx_.copula.Match(t_, ce) == 0 && lx_.filler.Match(t_, ce) > 0) {
        ce += lx_.filler.Match(t_, ce);
      }
      bool copula_after = ce < n_ && lx_.copula.Match(t_, ce) > 0;
      if (m.te >= n_ || !(IsSeparator(t_[m.te]) || copula_after || hq_after)) {
        return slot;
      }
      found = mi;
      // "A và B, quỹ đầu tư do Y lập ra", "A and B, a fund set up by Y": a description
      // of one thing (a bare cue noun, or "a"/"một" with no count) is about the last
      // name only, so the list before it does not share the verb.
      if (m.te + 2 < n_ && IsPunct(t_[m.te], ",")) {
        int d = m.te + 1;
        bool counted = IsNumber(t_[d + 1]) || lx_.number_word.Match(t_, d + 1) > 0 ||
                       lx_.quantifier.Match(t_, d + 1) > 0;
        single_described = lx_.org_prefix.Match(t_, d) > 0 ||
                           (In(lx_.article, t_[d]) && In(lx_.generic_det, t_[d]) && !counted);
      }
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
      // "X, văn phòng gia đình (family office) của doanh nhân Y, vừa mua ...", "X, the
      // investment arm of tycoon Y, bought ...": the owner after a genitive inside the
      // appositive is not the actor; the name before the appositive is.
      if (found == mi && IsPunct(t_[m.te], ",")) {
        int g = m.tb - std::max(lx_.title.MatchEndingAt(t_, m.tb),
                                lx_.person_prefix.MatchEndingAt(t_, m.tb));
        if (g >= 3 && lx_.genitive.Contains(t_[g - 1])) {
          int depth = 0;
          for (int q = g - 2; q >= 1 && q >= g - 16; --q) {
            if (IsPunct(t_[q], ")")) ++depth;
            if (IsPunct(t_[q], "(")) --depth;
            if (depth > 0 || IsPunct(t_[q], "(") || IsPunct(t_[q], ")")) continue;
            if (MentionAt(q) >= 0 || IsPunct(t_[q], ";") || IsPunct(t_[q], ".")) break;
            if (IsPunct(t_[q], ",")) {
              int head = MentionAt(q - 1);
              if (head >= 0 && q + 1 < g - 1 && t_[q + 1].word && !t_[q + 1].cap &&
                  TypeOf(head) != EntityType::kPlace && TypeOf(head) != EntityType::kPerson) {
                found = head;
              }
              break;
            }
          }
        }
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
  while (!single_described) {
    // "A and Japan's B <verb>": a country's genitive before the later member.
    if (b >= 2 && t_[b - 1].lower == "'s" && MentionAt(b - 2) >= 0 &&
        M(MentionAt(b - 2)).type == EntityType::kPlace && !M(MentionAt(b - 2)).city) {
      b = M(MentionAt(b - 2)).tb;
    }
    // "A cùng bà B <verb>": the honorific of the later member stands after the link.
    int pp = b > 0 && MentionAt(b - 1) < 0 ? lx_.person_prefix.MatchEndingAt(t_, b) : 0;
    // "quỹ A và Tập đoàn B <verb>": likewise an organisation's cue noun.
    if (pp == 0 && b > 0 && MentionAt(b - 1) < 0) pp = lx_.org_prefix.MatchEndingAt(t_, b);
    // "A and angel investor B <verb>": a title of the later member.
    int titled = 0;
    if (pp == 0 && b > 0 && MentionAt(b - 1) < 0) pp = titled = lx_.title.MatchEndingAt(t_, b);
    // "A and the Singapore-based fund B", "A và quỹ Nhật Bản B", "A and Korean food
    // giant B": a description of the later member that ends on a head noun.
    int c = lx_.coord.MatchEndingAt(t_, b - pp);
    bool described = false;
    if (c == 0 && b > 0) {
      pp = b - DescriptionBefore(b);
      c = lx_.coord.MatchEndingAt(t_, b - pp);
      described = c > 0;
    }
    // "bà A cùng chồng là ông B <verb>", "A and her husband B <verb>": a kin noun (with
    // its copula or possessive) names the later member's tie to the earlier one.
    if (c == 0 && b > 0 && MentionAt(b - 1) < 0) {
      int q = b - std::max(lx_.person_prefix.MatchEndingAt(t_, b), lx_.title.MatchEndingAt(t_, b));
      int cm = lx_.copula.MatchEndingAt(t_, q);
      int km = lx_.kin_noun.MatchEndingAt(t_, q - cm);
      if (km > 0) {
        int r = q - cm - km;
        int c2 = lx_.coord.MatchEndingAt(t_, r);
        int prev2 = c2 > 0 && !IsPunct(t_[r - 1], ",") ? MentionAt(r - c2 - 1) : -1;
        auto personal = [&](int mi) {
          return TypeOf(mi) != EntityType::kOrganization && TypeOf(mi) != EntityType::kPlace;
        };
        if (prev2 >= 0 && personal(prev2) && personal(found)) {
          slot.mentions.insert(slot.mentions.begin(), prev2);
          b = M(prev2).tb;
          conj_seen = true;
          continue;
        }
      }
    }
    if (c == 0) break;
    bool comma = c == 1 && IsPunct(t_[b - pp - 1], ",");
    if (comma && !conj_seen) break;
    int prev = MentionAt(b - pp - c - 1);
    // Investors may be funds and people in one list ("quỹ A và nhà đầu tư thiên thần B").
    bool mixed = titled > 0 && prev >= 0 && TypeOf(found) == EntityType::kPerson &&
                 TypeOf(prev) == EntityType::kOrganization;
    if (prev < 0 || M(prev).source || !(Compatible(prev, found) || mixed)) break;
    // "Tungsten and fluorspar producer X": a lone capitalised word opening the sentence,
    // of no known type, is a common noun there, and the description is X's.
    if (described && M(prev).tb == 0 && M(prev).te == 1 && TypeOf(prev) == EntityType::kUnknown) {
      break;
    }
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
    // "and a handful of angel investors, including X", "and a group of angel investors
    // that includes X", "và một nhóm nhà đầu tư thiên thần, gồm X": a group of
    // investors, then the list marker that names its members.
    bool group = false;
    if (next < n_ && MentionAt(next) < 0) {
      int q = next;
      while (q < n_ && q < next + 5 && MentionAt(q) < 0 && t_[q].word && !t_[q].cap &&
             lx_.investor_group.Match(t_, q) == 0) {
        ++q;
      }
      int gm = q < n_ ? lx_.investor_group.Match(t_, q) : 0;
      if (gm > 0) {
        int r = q + gm;
        if (r < n_ && IsPunct(t_[r], ",")) ++r;
        if (r < n_ && In(lx_.clause_relative, t_[r])) ++r;
        int im = r < n_ ? lx_.introducer.Match(t_, r) : 0;
        if (im > 0) im += lx_.person_prefix.Match(t_, r + im);
        if (im > 0 && MentionAt(r + im) >= 0) {
          next = r + im;
          // "that includes Grab co-founder Tan Hooi Ling": the company and role
          // describe the member.
          int om = MentionAt(next);
          if (om >= 0 && M(om).tb == next && TypeOf(om) != EntityType::kPerson) {
            int te = M(om).te;
            int tl = std::max(lx_.title.Match(t_, te), lx_.founder_noun.Match(t_, te));
            int pm = tl > 0 ? MentionAt(te + tl) : -1;
            if (pm >= 0 && M(pm).tb == te + tl && TypeOf(pm) == EntityType::kPerson) {
              next = M(pm).tb;
            } else if (te < n_ && t_[te].word && !t_[te].cap) {
              // A role word after the company: it describes a member left unnamed here.
              break;
            }
          }
          group = true;
        }
      }
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
    if (!group && (!(c == 1 && IsPunct(t_[e], ",")) || next > e + 1)) {
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
        // "and Korean food giant X", "and the Singapore-based fund X".
        if (d < 0 && lx_.org_prefix.Match(t_, next) == 0) d = DescriptionAfter(next);
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
    // "X, a Jakarta-based operator, and Manila fintech Y": the next member's home city
    // opens its description.
    if (MentionAt(next) >= 0 && M(MentionAt(next)).type == EntityType::kPlace &&
        TypeOf(first) != EntityType::kPlace) {
      if (int d = AfterCityDescription(next); d > next) next = d;
    }
    // "quận Ninh Kiều, TP Cần Thơ": a city's abbreviated cue before it.
    if (MentionAt(next) < 0 && next + 1 < n_ && In(lx_.city_cue, t_[next]) &&
        MentionAt(next + 1) >= 0 && TypeOf(MentionAt(next + 1)) == EntityType::kPlace) {
      ++next;
    }
    int mi = MentionAt(next);
    // Investors and founders may be companies and people in one list ("quỹ X và ông
    // Y"): a person named with a cue joins a list of organisations.
    bool mixed = (person_cue || group) && mi >= 0 && TypeOf(mi) == EntityType::kPerson &&
                 TypeOf(first) == EntityType::kOrganization;
    // The members of a group of investors are people or companies.
    mixed = mixed || (group && mi >= 0 && TypeOf(mi) != EntityType::kPlace &&
                      TypeOf(first) != EntityType::kPlace);
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
      // "took over Hanoi noodle maker X", "a stake in Jakarta payments startup X": the
      // home city opens the description of the name that follows.
      if (M(here).type == EntityType::kPlace) {
        if (int d = AfterCityDescription(k); d > k) {
          k = d;
          continue;
        }
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
      // "acquired UK-based Etergo": the "-based" name is a modifier. So is a place in
      // "Vietnam-focused fund X".
      int te = M(here).te;
      if (te + 1 < n_ && IsPunct(t_[te], "-") &&
          (In(lx_.based_compound, t_[te + 1]) || In(lx_.backed_compound, t_[te + 1]) ||
           (M(here).type == EntityType::kPlace && t_[te + 1].word && !t_[te + 1].cap &&
            t_[te].begin == t_[te - 1].end && t_[te + 1].begin == t_[te].end && te + 2 < n_ &&
            MentionAt(te + 2) < 0))) {
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
    // "nhận vốn từ quỹ của VNG", "quỹ đầu tư của tập đoàn VNG": an unnamed unit of the
    // company after the genitive acted, not the company.
    if (int um = lx_.org_prefix.Match(t_, k); um > 0 && !t.cap) {
      int g = k + um;
      while (g < n_ && g <= k + um + 2 && t_[g].word && !t_[g].cap && MentionAt(g) < 0 &&
             !lx_.genitive.Contains(t_[g])) {
        ++g;
      }
      if (g + 1 < n_ && lx_.genitive.Contains(t_[g]) && MentionAt(g + 1) < 0) {
        g += 1 + lx_.org_prefix.Match(t_, g + 1);
      } else if (g + 1 < n_ && lx_.genitive.Contains(t_[g])) {
        ++g;
      } else {
        g = -1;
      }
      if (g > 0 && g < n_ && MentionAt(g) >= 0 && M(MentionAt(g)).tb == g &&
          TypeOf(MentionAt(g)) != EntityType::kPlace && TypeOf(MentionAt(g)) != EntityType::kPerson &&
          k > 0 && In(lx_.source_from, t_[k - 1])) {
        return slot;
      }
    }
    // A cue noun with its description ("startup xử lý giọng nói X") is free.
    if (int d = SkipDescription(k); d > k + 1) {
      k = d;
      continue;
    }
    // So is a description that ends on its head noun ("Lendtech startup X", "the Hanoi
    // distributor X").
    if (int d = DescriptionAfter(k); d > k + 1) {
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
  // "Ngoài X, ...", "Besides X, ...": a fronted phrase whose name is never the subject.
  if (start < n_ && lx_.besides.Match(t_, start) > 0) {
    for (int k = start + 1; k < n_ && k < start + 12; ++k) {
      if (IsPunct(t_[k], ",") && !InNumber(t_, k)) {
        start = k + 1;
        break;
      }
      if (!t_[k].word && MentionAt(k) < 0) break;
    }
  }
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
  // "Con trai bà, Lê Minh Khang, ...", "Her son, Tom Lee, ...": a kin noun opens the
  // sentence, and the name in the appositive after it is the subject.
  if (int km = lx_.kin_noun.Match(t_, start); km > 0) {
    int q = start + km;
    if (q < n_ && MentionAt(q) >= 0 && M(MentionAt(q)).tb == q) q = M(MentionAt(q)).te;
    int pm = q + 1 < n_ && IsPunct(t_[q], ",") ? MentionAt(q + 1) : -1;
    if (pm >= 0 && M(pm).tb == q + 1 && M(pm).te < before && M(pm).te < n_ &&
        IsPunct(t_[M(pm).te], ",") && TypeOf(pm) != EntityType::kOrganization &&
        TypeOf(pm) != EntityType::kPlace) {
      slot.mentions.push_back(pm);
      slot.begin = M(pm).tb;
      slot.end = M(pm).te;
      slot.penalty = 15;
      slot.fallback = true;
      return slot;
    }
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

int SentenceRules::DescribedName(int end) const {
  int q = end - 1;
  for (int steps = 0; q > 0 && steps < 14; ++steps) {
    int mi = MentionAt(q);
    if (mi >= 0) {
      if (TypeOf(mi) != EntityType::kPlace) return -1;
      q = M(mi).tb - 1;
      continue;
    }
    if (!t_[q].word || t_[q].cap) break;
    --q;
  }
  if (q < 1 || !IsPunct(t_[q], ",")) return -1;
  int d = q + 1;
  if (d < end && In(lx_.article, t_[d])) ++d;
  if (d >= end || (lx_.org_head.Match(t_, d) == 0 && lx_.org_prefix.Match(t_, d) == 0)) return -1;
  int mi = MentionAt(q - 1);
  if (mi < 0 || M(mi).te != q) return -1;
  EntityType type = TypeOf(mi);
  if (type == EntityType::kPlace || type == EntityType::kPerson) return -1;
  return mi;
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
      // "A, a lawyer who left Baker McKenzie in 2023, and B": an article's description
      // may hold a relative clause of a past job too.
      bool described = In(lx_.article, first);
      for (int q = e + 2; q < k && described; ++q) {
        if (lx_.clause_relative.Match(t_, q) > 0) break;
        if (q + 1 == k) described = false;
      }
      if (!relative && !described) return e;
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
    // "... and in 2023 backed Y", "... và năm 2023 rót vốn vào Y": a year phrase.
    if (f == 0 && k0 >= 2 && IsYear(t_[k0]) && In(lx_.year_marker, t_[k0 - 1]) &&
        !In(lx_.and_word, t_[k0 - 1])) {
      f = 2;
    }
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
    // "X dẫn dắt vòng Series A với sự góp mặt của Y": the names after a participation
    // phrase joined the round; they are not its company.
    if (lx_.participation.Match(t_, k) > 0) return -1;
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
      // "X, có trụ sở ở Sa Pa do bà Y lập ra": the name a headquarters phrase just
      // introduced is a city, whatever follows it.
      if (UnlistedCity(mi)) return false;
      return subject ? TypeFits(t, EntityType::kOrganization) : t != EntityType::kPlace;
    case RelationType::kInvestedIn:
      if (UnlistedCity(mi)) return false;
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
      if (subject) return TypeFits(t, EntityType::kOrganization);
      if (IsCity(mi)) return true;
      // "based in Tempe, Arizona", "có trụ sở tại Biên Hòa": a short name nothing typed,
      // right after a headquarters phrase, is the city the lexicon lacks.
      return UnlistedCity(mi);
  }
  return false;
}

bool SentenceRules::UnlistedCity(int mi) const {
  const Mention& m = M(mi);
  if (TypeOf(mi) != EntityType::kUnknown || m.anaphor || m.sentence != si_ || m.tb == 0 ||
      m.te - m.tb > 2) {
    return false;
  }
  int v = -1;
  return lx_.triggers.MatchEndingAt(t_, m.tb, &v) > 0 && v >= 0 &&
         lx_.trigger_info[v].relation == RelationType::kHqIn;
}

void SentenceRules::AddFact(RelationType rel, int subject, int object, const std::string& rule,
                            int conf, int lo, int hi) {
  // "Vòng Series A do X dẫn dắt", "Series A round led by X": a name the mention finder
  // opened with a round word is the round, which stands for the company that raised it.
  // So is an anaphor tied to it ("Vòng tiền Series A của đơn vị này nhận vốn từ X").
  auto names_round = [&](int mi) {
    const Mention& r = M(mi);
    if (r.sentence != si_ || r.anaphor || r.te - r.tb < 2 || !t_[r.tb].cap ||
        lx_.round.Match(t_, r.tb) == 0) {
      return false;
    }
    // "Vòng Xanh" is a company: the round names its stage ("Series A", "hạt giống").
    for (int k = r.tb + 1; k < r.te; ++k) {
      if (lx_.seed_round.Match(t_, k) > 0) return true;
      if (k + 1 < r.te && In(lx_.round_name, t_[k]) && t_[k + 1].lower.size() == 1) return true;
    }
    return false;
  };
  int round_m = -1;
  if (rel == RelationType::kInvestedIn && object >= 0) {
    if (names_round(object)) {
      round_m = object;
    } else if (M(object).anaphor && M(object).entity >= 0 && M(object).sentence == si_) {
      for (int mi : s_.mentions) {
        if (M(mi).entity == M(object).entity && names_round(mi)) round_m = mi;
      }
    }
  }
  if (round_m >= 0) {
    // "Vòng Series A của Y", "the Series A of Y": the possessor owns it.
    int te = M(round_m).te;
    int owner = te + 1 < n_ && MentionAt(te + 1) >= 0 && M(MentionAt(te + 1)).genitive &&
                        M(MentionAt(te + 1)).tb == te + 1
                    ? MentionAt(te + 1)
                    : -1;
    // An anaphor the coreference step tied to the round itself names no owner.
    // Its possessor is then unknown, and another company's round of the same stage
    // may be meant.
    bool possessed = owner >= 0;
    if (owner >= 0 && M(owner).entity >= 0 && M(owner).entity == M(round_m).entity) owner = -1;
    if (owner < 0) owner = RoundOwner();
    if (owner < 0 && !possessed) owner = NamedRoundOwner(round_m);
    if (owner < 0 || owner == round_m ||
        (M(owner).entity >= 0 && M(owner).entity == M(round_m).entity)) {
      return;
    }
    object = owner;
    conf -= 5;
  }
  // "spent seven years as an associate at X before leaving the firm", "làm việc tại X
  // 5 năm rồi rời công ty": the employer a job phrase just named, between the person
  // and the anaphor, is the one left.
  if (rel == RelationType::kAlumniOf && M(object).anaphor && M(object).sentence == si_ &&
      M(subject).sentence == si_ && M(subject).te <= M(object).tb) {
    for (int k = M(object).tb - 1; k > M(subject).te; --k) {
      int mi = MentionAt(k);
      if (mi < 0 || M(mi).anaphor || M(mi).tb != k) continue;
      if (TypeOf(mi) == EntityType::kOrganization && In(lx_.former_bridge, t_[k - 1])) {
        object = mi;
      }
      break;
    }
  }
  if (!SlotFits(rel, true, subject) || !SlotFits(rel, false, object)) return;
  const Mention& sm_real = M(subject);
  const Mention& om_real = M(object);
  if (sm_real.entity >= 0 && sm_real.entity == om_real.entity) return;
  // "nhà họ Lâm rót vốn vào X", "the Leung family owns X": a family named by its
  // surname is no investor or founder the graph can hold.
  if (rel != RelationType::kAlumniOf && sm_real.sentence == si_ &&
      lx_.family_word.MatchEndingAt(t_, sm_real.tb) > 0) {
    return;
  }
  // "controlled by the Thanakul family", "gia đình Lâm": the English word after the
  // surname names a family too.
  if (rel != RelationType::kAlumniOf && sm_real.sentence == si_ && sm_real.te < n_ &&
      lx_.family_after.Match(t_, sm_real.te) > 0) {
    return;
  }
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
  // "Thị trường đồn đoán X, tập đoàn có trụ sở tại Tokyo, muốn ...", "Analysts expect X,
  // a Tokyo-based group, to ...": where a company is based, said in an appositive of its
  // name, is not under the verb that hedges the sentence.
  // "X, tập đoàn có trụ sở tại Y": the description's head noun, read as a mention of
  // X, opens the appositive just as well.
  bool described = sm.anaphor && sm.tb >= 2 && IsPunct(t_[sm.tb - 1], ",") &&
                   MentionAt(sm.tb - 2) >= 0 && M(MentionAt(sm.tb - 2)).entity == sm.entity &&
                   sm.entity >= 0;
  // So is who founded it ("X, tập đoàn do ông Y sáng lập, ...").
  bool appositive_hq = (rel == RelationType::kHqIn || rel == RelationType::kFoundedBy) &&
                       sm_real.sentence == si_ && sm.te < n_ &&
                       (IsPunct(t_[sm.te], ",") || described) && lo >= sm.te && om.tb > sm.te;
  if (appositive_hq) from = sm.tb;
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
    // "announced in May", "since May": a capitalised month after a preposition.
    if (mm == 1 && t_[k].cap && k > 0 && In(lx_.month, t_[k]) &&
        (In(lx_.year_marker, t_[k - 1]) || In(lx_.time_prep, t_[k - 1]))) {
      mm = 0;
    }
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
  if (f.confirmed && !phrase_internal_ && !appositive_hq) {
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
  size_t before = out_->size();
  for (int l : left.mentions) {
    for (int r : right.mentions) {
      if (left_is_subject) {
        AddFact(rel, l, r, rule, conf, trigger_begin, trigger_end);
      } else {
        AddFact(rel, r, l, rule, conf, trigger_begin, trigger_end);
      }
    }
  }
  // "X bankrolled Y alongside state fund Z", "a round led by X, alongside Z": Z put
  // money into the same company. A join word that is no plain conjunction ("cùng" is
  // one, and ExtendRight has read it) names a co-investor after the right slot.
  if (rel != RelationType::kInvestedIn || out_->size() == before || right.mentions.empty()) return;
  int k = M(right.mentions.back()).te;
  if (k < n_ && IsPunct(t_[k], ",")) ++k;
  int w = k < n_ ? lx_.join_with.Match(t_, k) : 0;
  if (w == 0 || lx_.coord.Match(t_, k) > 0) return;
  Slot more = RightGroup(k + w, 1);
  if (more.mentions.empty() || TypeOf(more.mentions.front()) == EntityType::kPlace) return;
  const Slot& company = left_is_subject ? right : left;
  std::string joined = absl::StrCat(rule, "+alongside");
  for (int investor : more.mentions) {
    for (int c : company.mentions) {
      AddFact(rel, investor, c, joined, conf - 4, trigger_begin, k + w);
    }
  }
}

void SentenceRules::EmitInPhrase(RelationType rel, int subject, int object,
                                 const std::string& rule, int base, int trigger_begin,
                                 int trigger_end) {
  bool saved = phrase_internal_;
  phrase_internal_ = true;
  Emit(rel, One(subject), One(object), true, rule, base, trigger_begin, trigger_end);
  phrase_internal_ = saved;
}

void SentenceRules::Generic(int i, int m, const Trigger& trig) {
  // "with one analyst based in Hanoi", "nhân viên ở TP.HCM": staff based somewhere
  // say where people work, not where the organisation has its headquarters.
  if (trig.relation == RelationType::kHqIn && i > 0 && MentionAt(i - 1) < 0 &&
      In(lx_.staff_noun, t_[i - 1])) {
    return;
  }
  RelationType rel = trig.relation;
  std::string rule = absl::StrCat("verb:", trig.phrase);
  int base = (trig.flags & kWeak) ? 78 : 90;
  if (rel == RelationType::kInvestedIn && trig.left_is_subject &&
      lx_.via_vehicle.Match(t_, i) == m) {
    // "X owns a majority of Y through its subsidiary Z", "X nắm Y thông qua công ty con
    // Z": the sentence subject owns its vehicle Z; Y, the nearest name on the left, is
    // what is owned (the stake rule reads X -> Y), never Z's owner.
    Slot owner = SentenceSubject(i);
    Slot vehicle = RightGroup(i + m, 1);
    if (owner.mentions.empty() || vehicle.mentions.empty()) return;
    Emit(rel, owner, vehicle, true, absl::StrCat("via:", trig.phrase), base - 5, i, i + m);
    return;
  }
  if (rel == RelationType::kFoundedBy && !(trig.flags & kNoun) && i >= 4) {
    // "Synspective, which Motoyuki Arai founded in 2018, ...": the founders sit between a
    // relative word and the verb; the organisation stands before the relative word.
    Slot founders = LeftGroup(i, false);
    int r = founders.begin - 1;
    if (!founders.mentions.empty() && r >= 2 && lx_.clause_relative.MatchEndingAt(t_, r + 1) == 1 &&
        IsPunct(t_[r - 1], ",") && MentionAt(r - 2) >= 0 && SlotFits(rel, true, MentionAt(r - 2)) &&
        SlotFits(rel, false, founders.mentions.front())) {
      Slot company = One(MentionAt(r - 2));
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
    // "Its latest round, an $11 million Series A announced in May, was led by Y": an
    // appositive naming nobody between the round and its verb.
    if (rb > 2 && IsPunct(t_[rb - 1], ",")) {
      for (int k = rb - 2; k > 0 && k >= rb - 16; --k) {
        if (MentionAt(k) >= 0) break;
        if (IsPunct(t_[k], ",")) {
          if (lx_.round.MatchEndingAt(t_, k) > 0 || MentionAt(k - 1) >= 0) rb = k;
          break;
        }
      }
    }
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
    if (subject.mentions.empty()) subject = UnnamedRoundOwner(i);
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
    // "gọi được 5 triệu USD từ A", "raised $5 million from A": with a receiving verb, an
    // amount of money says as much as a round word does.
    bool need_round = (trig.flags & kRound) != 0;
    // "rót 3 triệu USD vào X", "poured $5 million into X": an amount right after the verb.
    // "US$25 million", "S$5 million": a country's letters joined to the dollar sign.
    int amount = i + m;
    if (amount + 1 < n_ && t_[amount + 1].lower == "$" && t_[amount + 1].begin == t_[amount].end) {
      ++amount;
    }
    if (need_round && amount + 1 < n_ && (t_[amount].lower == "$" || IsNumber(t_[amount])) &&
        rel == RelationType::kInvestedIn) {
      int q = amount + 1;
      while (q < n_ && q <= amount + 4 && (InNumber(t_, q) || IsNumber(t_[q]))) ++q;
      if (q < n_ && (In(lx_.scale, t_[q]) || lx_.currency.Match(t_, q) > 0)) need_round = false;
    }
    if (need_round && (trig.flags & kFrom)) {
      for (int k = i + m; k < n_ && k < i + m + 8 && need_round; ++k) {
        if (!t_[k].word && t_[k].lower != "$" && !InNumber(t_, k)) break;
        if (t_[k].lower == "$" || (k > i + m && t_[k - 1].has_digit && (lx_.currency.Match(t_, k) > 0 || In(lx_.scale, t_[k])))) {
          need_round = false;
        }
      }
    }
    int after = FindBridge(i + m, 14, need_round, false);
    if (after < 0 && rel == RelationType::kAlumniOf && trig.left_is_subject) {
      // "Stanford Law School, from which Vinh holds a master's degree": the school is
      // named before the relative clause that holds the degree.
      int k = i;
      while (k > 0 && k > i - 5 && (In(lx_.degree_lead, t_[k - 1]) || t_[k - 1].lower == "'s")) --k;
      Slot holder = LeftGroup(k, true);
      int pb = holder.mentions.empty() ? 0 : holder.begin;
      if (pb >= 4 && lx_.clause_relative.Match(t_, pb - 1) == 1 && In(lx_.source_from, t_[pb - 2]) &&
          IsPunct(t_[pb - 3], ",") && MentionAt(pb - 4) >= 0 &&
          TypeOf(holder.mentions.front()) != EntityType::kOrganization &&
          SlotFits(rel, true, holder.mentions.front()) && SlotFits(rel, false, MentionAt(pb - 4))) {
        Slot school = One(MentionAt(pb - 4));
        Emit(rel, holder, school, true, absl::StrCat("from-which:", trig.phrase), 80, pb - 2,
             i + m);
      }
      return;
    }
    if (after < 0 && rel == RelationType::kInvestedIn && trig.left_is_subject &&
        !(trig.flags & kFrom)) {
      // "Hai năm sau, X dẫn dắt vòng Series A, với sự góp mặt của Y", "X led the Series A":
      // a round with no company named is the one the article has just described.
      int k = i + m;
      while (k < n_ && MentionAt(k) < 0 && lx_.participation.Match(t_, k) == 0 &&
             (t_[k].word || InNumber(t_, k) || t_[k].lower == "$" || t_[k].lower == "%")) {
        ++k;
      }
      bool ends = k >= n_ || lx_.participation.Match(t_, k) > 0 ||
                  (MentionAt(k) < 0 && (IsPunct(t_[k], ".") || IsPunct(t_[k], ",") ||
                                        IsPunct(t_[k], ";")));
      bool round = false;
      for (int q = i; q < k && !round; ++q) round = lx_.round.Match(t_, q) > 0;
      for (int q = i + m; q < k && ends; ++q) {
        ends = lx_.participation.Match(t_, q) == 0 && lx_.bridge.Match(t_, q) == 0;
      }
      if (ends && round) {
        int owner = RoundOwner();
        Slot lead = LeftGroup(i, true);
        // "X: được Quỹ Y rót vốn trong vòng hạt giống": the agent of a "do"/"được"
        // construction, read by Circum with its own patient.
        int b = lead.mentions.empty() ? 0 : lead.begin;
        if (b > 0 && MentionAt(b - 1) < 0) {
          b -= std::max(lx_.org_prefix.MatchEndingAt(t_, b), lx_.person_prefix.MatchEndingAt(t_, b));
        }
        int cv = -1;
        if (b > 0 && lx_.triggers.Match(t_, b - 1, &cv) == 1 &&
            (lx_.trigger_info[cv].flags & kCircum)) {
          return;
        }
        if (owner >= 0 && !lead.mentions.empty()) {
          Slot company = One(owner);
          Emit(rel, lead, company, true, absl::StrCat("round-lead:", trig.phrase), 78, i, i + m);
        }
      }
      return;
    }
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
      int next = FindBridge(after, 14 - (after - i - m), need_round, false);
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
    // "Bookmark's founder, Rina Kartika, said ...": the founder after a comma.
    if (right.mentions.empty() && (trig.flags & kNoun) && rel == RelationType::kFoundedBy &&
        i + m + 1 < n_ && IsPunct(t_[i + m], ",") && i >= 2 &&
        (t_[i - 1].lower == "'s" || t_[i - 1].lower == "'") &&
        MentionAt(i + m + 1) >= 0 && TypeOf(MentionAt(i + m + 1)) == EntityType::kPerson) {
      right = RightGroup(i + m + 1, 1);
    }
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
  // "... at GitHub, Quillmark sells ...": a name after a bare comma, with no conjunction
  // in the list and a word after it, is the subject of the next clause.
  while (right.mentions.size() > 1) {
    const Mention& last = M(right.mentions.back());
    bool conj = false;
    for (int q = M(right.mentions.front()).te; q < last.tb; ++q) {
      conj = conj || (lx_.coord.Match(t_, q) > 0 && !IsPunct(t_[q], ","));
    }
    if (conj || last.tb < 1 || !IsPunct(t_[last.tb - 1], ",") || last.te >= n_ ||
        !t_[last.te].word || lx_.coord.Match(t_, last.te) > 0) {
      break;
    }
    right.mentions.pop_back();
    right.end = M(right.mentions.back()).te;
  }
  if (rel == RelationType::kFoundedBy && !trig.left_is_subject) {
    // "Người đồng sáng lập thứ hai là bà Y", "Cùng tham gia đồng sáng lập có Y": only
    // people in the sentence, after the verb; the company is the one whose founding
    // the article has just stated.
    bool people_only = true;
    for (int mi : s_.mentions) {
      if (M(mi).tb >= right.end) break;  // A description of the founder may follow.
      EntityType t = TypeOf(mi);
      if (t != EntityType::kPerson && t != EntityType::kPlace) people_only = false;
      if (M(mi).tb < i) people_only = false;
    }
    int owner = people_only ? FoundingOwner() : -1;
    if (owner >= 0) {
      Slot company = One(owner);
      Emit(rel, company, right, true, absl::StrCat("co-founder:", trig.phrase), 78, i, i + m);
      return;
    }
  }
  Slot left = LeftGroup(i, true);
  // "Vòng gọi vốn mới được dẫn dắt bởi X" long after the round was stated: a round
  // anaphor left unresolved stands for the company of the article's last investment.
  if (left.mentions.size() == 1 && rel == RelationType::kInvestedIn && !trig.left_is_subject &&
      M(left.mentions.front()).anaphor && M(left.mentions.front()).entity < 0 &&
      M(left.mentions.front()).anaphor_kind == AnaphorKind::kRound) {
    Slot owner = UnnamedRoundOwner(M(left.mentions.front()).te);
    if (owner.mentions.empty()) return;
    left = owner;
  }
  if (left.mentions.empty() && rel == RelationType::kAlumniOf && trig.left_is_subject) {
    // "X holds a master's degree from Y", "X has a PhD from Y": the holder stands before
    // the verb of holding and the degree's level.
    int k = i;
    while (k > 0 && k > i - 5 && (In(lx_.degree_lead, t_[k - 1]) || t_[k - 1].lower == "'s")) --k;
    if (k < i) left = LeftGroup(k, true);
  }
  // "X holds a stake in A, the unit of B, and last year backed C", "Công ty do ông Y,
  // người sáng lập Z, điều hành, và có trụ sở chính ở W": ", and" before the verb
  // (fillers and a year phrase aside) opens a second verb phrase of the sentence's
  // subject, so the name that ends the phrase before it is not the actor.
  if (!left.mentions.empty() && !(trig.flags & kNoun) && left.end + 1 < i) {
    int k = i;
    while (k > left.end + 1) {
      int f = lx_.filler.MatchEndingAt(t_, k);
      if (f == 0 && k - 2 > left.end && In(lx_.year_marker, t_[k - 2]) && IsYear(t_[k - 1])) {
        f = 2;
      }
      if (f == 0) break;
      k -= f;
    }
    if (k - 2 >= left.end && In(lx_.and_word, t_[k - 1]) && IsPunct(t_[k - 2], ",")) {
      Slot subject = SentenceSubject(left.begin);
      if (subject.mentions.empty() || subject.mentions.front() == left.mentions.front() ||
          !SlotFits(rel, trig.left_is_subject, subject.mentions.front())) {
        return;
      }
      left = subject;
    }
  }
  bool noun = (trig.flags & kNoun) != 0;
  // "Đồng sáng lập X, ông Y, ...": a founder verb opening the sentence is a noun.
  if (!noun && rel == RelationType::kFoundedBy && !trig.left_is_subject && left.mentions.empty()) {
    bool first = true;
    for (int k = 0; k < i; ++k) first = first && !t_[k].word;
    noun = first;
  }
  if (noun && rel == RelationType::kFoundedBy && i >= 2 && IsPunct(t_[i - 1], ",") &&
      MentionAt(i - 2) >= 0 && TypeOf(MentionAt(i - 2)) == EntityType::kPerson) {
    // "... and angel investor Y, one of the co-founders of X": the person the
    // appositive describes, right before its comma.
    left = Slot{};
    left.mentions.push_back(MentionAt(i - 2));
    left.begin = M(MentionAt(i - 2)).tb;
    left.end = M(MentionAt(i - 2)).te;
  }
  if (noun) {
    rule = absl::StrCat(rel == RelationType::kFoundedBy ? "founder-noun:" : "noun:", trig.phrase);
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
          Slot org = One(MentionAt(k - 1));
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
          Slot person = One(MentionAt(k));
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
        Slot org = One(MentionAt(k));
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
    // "của A và B, nhà sản xuất pin có trụ sở ở C": the description after a list
    // follows its last member, the one it describes.
    int te = M(left.mentions.back()).te;
    // "... của Bảo Tín Online, công ty công nghệ bảo hiểm (insurtech) có trụ sở tại Hà
    // Nội": a lower-case cue noun opens the description as an article does.
    described = te + 1 < i && IsPunct(t_[te], ",") &&
                (In(lx_.article, t_[te + 1]) ||
                 (!t_[te + 1].cap && std::max(lx_.org_prefix.Match(t_, te + 1),
                                              lx_.org_head.Match(t_, te + 1)) > 0));
    for (int q = te + 1; described && q < i; ++q) {
      described = (t_[q].word && MentionAt(q) < 0) || IsPunct(t_[q], "(") || IsPunct(t_[q], ")");
    }
    // A singular description ("nhà sản xuất pin", "a battery maker") is about that last
    // member alone; "hai quỹ", "both funds" would describe them all.
    if (described && rel == RelationType::kHqIn && left.mentions.size() > 1 &&
        !IsNumber(t_[te + 1]) && !In(lx_.number_word, t_[te + 1]) &&
        lx_.quantifier.Match(t_, te + 1) == 0 && lx_.pair_subject.Match(t_, te + 1) == 0) {
      int last = left.mentions.back();
      left.mentions.assign(1, last);
      left.begin = M(last).tb;
      left.end = M(last).te;
    }
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
        Slot founder = One(mi);
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
    // "TTO - Rời Shopee sau 5 năm ..., X ...": a dateline before a spaced dash.
    int opens_from = 0;
    for (int k = 1; k < i && k <= 4; ++k) {
      if (IsSpacedDash(k)) {
        opens_from = k + 1;
        break;
      }
    }
    // "Both graduated from X", "Cả hai tốt nghiệp X": words that stand for two people
    // named before are the subject, not an opening participle clause.
    if (lx_.pair_subject.Match(t_, opens_from) > 0) opens = false;
    for (int k = opens_from; k < i && opens; ++k) {
      // "Năm 2017, khi nghỉ việc tại X, kỹ sư Y ...": a year and a clause word may open
      // the participle clause (a past job only: "khi" before a founding verb is a time).
      if (rel == RelationType::kAlumniOf && MentionAt(k) < 0 &&
          ((k + 1 < i && In(lx_.year_marker, t_[k]) && IsYear(t_[k + 1])) || IsYear(t_[k]) ||
           lx_.clause_break.Match(t_, k) > 0)) {
        int cb = lx_.clause_break.Match(t_, k);
        if (cb > 1) k += cb - 1;
        continue;
      }
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
          Slot subj = One(right.mentions.back());
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
        Slot subj = One(MentionAt(k));
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
  // "B, a producer who previously spent six years at X": a relative word a few words
  // before a past job's trigger opens the clause that holds it.
  int relative_at = i - 1;
  if (rel == RelationType::kAlumniOf && i >= 1 && !In(lx_.clause_relative, t_[i - 1])) {
    for (int k = i - 1; k >= 1 && k >= i - 5; --k) {
      if (MentionAt(k) >= 0 || !t_[k].word || t_[k].cap) break;
      if (In(lx_.clause_relative, t_[k])) {
        relative_at = k;
        break;
      }
    }
  }
  if (left.mentions.empty() && trig.left_is_subject && relative_at >= 3 &&
      In(lx_.clause_relative, t_[relative_at])) {
    // "A, a former Viettel engineer who graduated from X": the relative clause is
    // about the name the description describes.
    for (int k = relative_at - 1; k >= 1 && k >= relative_at - 8; --k) {
      // "X, his co-founder, is an ex-Siemens architect who graduated from Y": a copula
      // and an article open the description.
      int cm = t_[k].word && MentionAt(k) < 0 ? lx_.copula.Match(t_, k) : 0;
      if (cm > 0 && k + cm < i && In(lx_.article, t_[k + cm])) {
        int q = k - 1;
        if (q >= 1 && IsPunct(t_[q], ",")) --q;
        int mi = MentionAt(q);
        if (mi >= 0 && TypeOf(mi) == EntityType::kPerson) {
          left.mentions.push_back(mi);
          left.begin = M(mi).tb;
          left.end = M(mi).te;
          left.penalty = 8;
        }
        break;
      }
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
  // "The pair launched X in 2022", "Hai vợ chồng đồng sáng lập X": the two people the
  // article named last founded it.
  if (left.mentions.empty() && !trig.left_is_subject && rel == RelationType::kFoundedBy &&
      !(trig.flags & kNoun)) {
    left = PairSubject(i);
  }
  // "Trước khi đứng ra thành lập Hoa Lúa năm 2010, bà Loan ...", "Before founding X,
  // Y worked ...": a fronted clause whose subject follows its comma.
  if (left.mentions.empty() && lx_.clause_break.Match(t_, 0) > 0) {
    int c = i + m;
    while (c < n_ && !(IsPunct(t_[c], ",") && !InNumber(t_, c)) && !HardBreak(c)) ++c;
    int q = c + 1;
    // "..., bà có 17 năm ...": the subject may be a pronoun, itself a mention.
    if (q < n_ && MentionAt(q) < 0) q += lx_.person_prefix.Match(t_, q);
    int mi = q < n_ && c < n_ && IsPunct(t_[c], ",") ? MentionAt(q) : -1;
    if (mi >= 0 && M(mi).tb == q && TypeOf(mi) == EntityType::kPerson) {
      left.mentions.push_back(mi);
      left.begin = M(mi).tb;
      left.end = M(mi).te;
      left.penalty = 10;
    }
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
  // "a former director at the Vietnamese unit of X", "cựu giám đốc chi nhánh Việt Nam
  // của X": a job at a parent's local unit is a job at the parent.
  int parent = after >= 0 ? UnitParent(after) : -1;
  if (parent >= 0) {
    org = One(parent);
    org.begin = M(parent).tb;
    org.end = M(parent).te;
  } else if (after >= 0) {
    org = RightGroup(after, 6);
  } else if (!needs_bridge) {
    org = RightGroup(i + m, 4);
  } else {
    // "từng là phó tổng giám đốc Viettel IDC", "previously was head of X": a copula and
    // a title right before the organisation.
    int k = i + m;
    k += lx_.copula.Match(t_, k);
    int tm = k < n_ ? lx_.title.Match(t_, k) : 0;
    int om = tm > 0 ? MentionAt(k + tm) : -1;
    if (om >= 0 && M(om).tb == k + tm && TypeOf(om) != EntityType::kPlace &&
        TypeOf(om) != EntityType::kPerson) {
      org.mentions.push_back(om);
      org.begin = M(om).tb;
      org.end = M(om).te;
    }
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
  // "by A, a former manager at X, and B", "bà A, cựu giám đốc X, và ông B": an
  // appositive closes at its comma; ", and B" goes on with the list the person belongs
  // to, not with the employers.
  {
    int a = i - (i > 0 && In(lx_.article, t_[i - 1]) ? 1 : 0);
    if (a >= 2 && IsPunct(t_[a - 1], ",") && MentionAt(a - 2) >= 0) {
      for (size_t k = 1; k < org.mentions.size(); ++k) {
        int tb = M(org.mentions[k]).tb;
        tb -= lx_.person_prefix.MatchEndingAt(t_, tb);
        if (tb >= 2 && In(lx_.and_word, t_[tb - 1]) && IsPunct(t_[tb - 2], ",")) {
          org.mentions.resize(k);
          org.end = M(org.mentions.back()).te;
          break;
        }
      }
    }
  }
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
      person = ListFrom(mi, /*skip_former=*/false);
      // "ex-Stripe manager B, Ledgerly sells ...": only people are former employees.
      while (person.mentions.size() > 1 && TypeOf(person.mentions.back()) != EntityType::kPerson &&
             IsPunct(t_[M(person.mentions.back()).tb - 1], ",")) {
        person.mentions.pop_back();
      }
    } else if (Slot fronted = FrontedClauseSubject(i); !fronted.mentions.empty()) {
      person = fronted;
    } else if (Slot pair = PairSubject(i); !pair.mentions.empty()) {
      person = pair;
    } else if (SubjectOmitted(i)) {
      person = ClauseSubject(i);
      if (person.mentions.empty()) person = SentenceSubject(i);
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
  // "do thầy giáo về hưu X", "do doanh nhân Việt kiều X": a longer description that
  // opens with a person's role or title, with a nationality word in it.
  if (MentionAt(k) < 0 && (lx_.title.Match(t_, i + m) > 0 || lx_.person_prefix.Match(t_, i + m) > 0)) {
    int q = i + m;
    while (q < n_ && q <= i + m + 6 && MentionAt(q) < 0 && t_[q].word &&
           lx_.circum_verbs.Match(t_, q) == 0 && lx_.coord.Match(t_, q) == 0) {
      // "doanh nhân Singapore Rachel Goh": a place name the mention finder left as a
      // word is the person's origin.
      int pl = t_[q].cap && lx_.non_entity.Match(t_, q) == 0 ? lx_.places.Match(t_, q) : 0;
      if (t_[q].cap && lx_.non_entity.Match(t_, q) == 0 && pl == 0) break;
      q += std::max(pl, 1);
    }
    if (q < n_ && MentionAt(q) >= 0 && M(MentionAt(q)).tb == q &&
        TypeOf(MentionAt(q)) != EntityType::kPlace) {
      k = q;
    }
  }
  // "được Quỹ đầu tư Nextrans rót vốn": a capitalised cue noun before the name.
  if (MentionAt(k) < 0 && k == i + m) k += lx_.org_prefix.Match(t_, k);
  // "được nhà phát hành Hàn Quốc Hanbit Play mua lại": a description, then its country.
  if (MentionAt(k) < 0 || TypeOf(MentionAt(k)) == EntityType::kPlace) {
    int q = i + m;
    while (q < n_ && q <= i + m + 4 && MentionAt(q) < 0 && t_[q].word && !t_[q].cap &&
           lx_.circum_verbs.Match(t_, q) == 0) {
      ++q;
    }
    int pm = MentionAt(q);
    // "do doanh nhân Singapore Rachel Goh": after a person's title, even a city-state
    // is the agent's origin.
    bool origin = pm >= 0 && (!M(pm).city || lx_.title.Match(t_, i + m) > 0 ||
                              lx_.person_prefix.Match(t_, i + m) > 0);
    if (pm >= 0 && TypeOf(pm) == EntityType::kPlace && origin && MentionAt(M(pm).te) >= 0 &&
        TypeOf(MentionAt(M(pm).te)) != EntityType::kPlace) {
      k = M(pm).te;
    }
  }
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
  // "được cựu kỹ sư Cargill Lý Gia Hào lập ra": a former job describes the agent, who
  // follows its employer.
  {
    int tv = -1;
    int fm = lx_.triggers.Match(t_, i + m, &tv);
    if (fm > 0 && (lx_.trigger_info[tv].flags & kFormer)) {
      int q = i + m + fm;
      while (q < n_ && q <= i + m + fm + 3 && MentionAt(q) < 0 && t_[q].word && !t_[q].cap) ++q;
      int om = MentionAt(q);
      int pm = om >= 0 && M(om).tb == q ? MentionAt(M(om).te) : -1;
      if (pm >= 0 && M(pm).tb == M(om).te && TypeOf(om) != EntityType::kPlace &&
          TypeFits(TypeOf(pm), EntityType::kPerson) && TypeOf(pm) != EntityType::kOrganization) {
        k = M(om).te;
      }
    }
  }
  int mi = MentionAt(k);
  if (mi < 0) return;
  Slot agent = ListFrom(mi);
  int v = agent.end;
  // "do Lý Minh Viễn (Li Mingyuan), cựu ...": the agent's other name in parentheses.
  if (v + 2 < n_ && IsPunct(t_[v], "(")) {
    int q = v + 1;
    while (q < n_ && q <= v + 6 && !IsPunct(t_[q], ")")) ++q;
    if (q < n_ && IsPunct(t_[q], ")")) v = q + 1;
  }
  // "do ông A và người bạn học cũ B sáng lập": a description before the second agent.
  // "được A cùng các cộng sự thành lập": unnamed partners before the verb.
  for (int c = v < n_ ? lx_.coord.Match(t_, v) : 0; c > 0 && !IsPunct(t_[v], ",");
       c = v < n_ ? lx_.coord.Match(t_, v) : 0) {
    int q = v + c;
    while (q < n_ && q <= v + c + 4 && MentionAt(q) < 0 && t_[q].word && !t_[q].cap &&
           lx_.circum_verbs.Match(t_, q) == 0) {
      ++q;
    }
    if (q < n_ && q > v + c && MentionAt(q) < 0 && lx_.circum_verbs.Match(t_, q) > 0) {
      v = q;
      break;
    }
    int am = q < n_ ? MentionAt(q) : -1;
    if (am < 0 || M(am).tb != q || TypeOf(am) != TypeOf(mi)) break;
    agent.mentions.push_back(am);
    agent.end = M(am).te;
    v = agent.end;
  }
  v = SkipAppositive(v);
  // "được tập đoàn NTT Data của Nhật Bản mua lại": the agent's country.
  if (v + 1 < n_ && lx_.genitive.Contains(t_[v]) && MentionAt(v + 1) >= 0 &&
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
      // "có trụ sở tại TP Cao Lãnh": a city's abbreviated cue may stand before its name.
      bool cue = k + hm + 1 == place.tb && In(lx_.city_cue, t_[place.tb - 1]);
      if (hm > 0 && (k + hm == place.tb || cue) &&
          lx_.trigger_info[hv].relation == RelationType::kHqIn) {
        hb = k;
        break;
      }
    }
    patient = Slot{};
    int before = place.tb >= 1 ? MentionAt(place.tb - 1) : -1;
    if (hb < 0 && before >= 0 && !place.city && TypeOf(before) != EntityType::kPlace &&
        TypeOf(before) != EntityType::kPerson) {
      // "SolarX Việt Nam, do ông A sáng lập": a country right after the name is part of
      // the company's name ("Samsung Việt Nam").
      patient.mentions.push_back(before);
      patient.begin = M(before).tb;
      patient.end = place.te;
    } else if (hb > 0) {
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
      // "AquaLoop, một doanh nghiệp xử lý nước thải của Thái Lan do Y thành lập": the
      // description's country after a genitive word.
      if (om == 0 && place.tb >= 3 && lx_.genitive.Contains(t_[place.tb - 1])) {
        int q = place.tb - 2;
        while (q > 0 && q >= place.tb - 10 && MentionAt(q) < 0 && t_[q].word && !t_[q].cap) --q;
        if (q > 0 && IsPunct(t_[q], ",") && q + 1 < place.tb - 1 && In(lx_.article, t_[q + 1])) {
          om = 1;
          c = q;
        }
      }
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
  if (patient.mentions.empty()) {
    // "Pawsome, thương hiệu thức ăn hữu cơ cho thú cưng do Y sáng lập", "Kén Studio,
    // startup cho thuê trang phục có trụ sở tại Đà Nẵng do Y thành lập": a longer
    // description after the name.
    int named = DescribedName(i);
    if (named >= 0) {
      patient.mentions.push_back(named);
      patient.begin = M(named).tb;
      patient.end = M(named).te;
    }
  }
  if (patient.mentions.empty() && i > 1 &&
      (IsPunct(t_[i - 1], ",") || In(lx_.and_word, t_[i - 1]))) {
    // "X ra đời năm 2019, do ông Y sáng lập", "X có trụ sở tại Z và được Y sáng lập": a
    // clause after the comma, or a second verb phrase, about the sentence's subject.
    Slot subject = SentenceSubject(i);
    if (!subject.mentions.empty() && TypeOf(subject.mentions.front()) != EntityType::kPerson &&
        TypeOf(subject.mentions.front()) != EntityType::kPlace) {
      bool verb_phrase = false;
      for (int k = subject.end; k < i - 1; ++k) {
        if (MentionAt(k) >= 0 && TypeOf(MentionAt(k)) == EntityType::kPlace) {
          k = M(MentionAt(k)).te - 1;
          continue;
        }
        if (MentionAt(k) >= 0) {
          verb_phrase = false;
          break;
        }
        verb_phrase = verb_phrase || t_[k].word;
      }
      if (verb_phrase) patient = subject;
    }
  }
  if (patient.mentions.empty() && rel == RelationType::kInvestedIn && i > 0) {
    // "X huy động 10 triệu USD trong vòng gọi vốn (Series A, trị giá 5 triệu USD) do Y
    // dẫn dắt": the round is the sentence subject's.
    for (int k = i; k > 0 && k >= i - 12 && MentionAt(k - 1) < 0; --k) {
      if (lx_.round.MatchEndingAt(t_, k) > 0) {
        patient = SentenceSubject(i);
        if (patient.mentions.empty()) patient = UnnamedRoundOwner(i);
        break;
      }
    }
  }
  if (patient.mentions.empty() && i == 0) {
    // "Được A và B sáng lập năm 2020, X có 40 nhân viên": a fronted clause; the name
    // right after its comma is the patient.
    // "năm 2017", "from 2017": a year may close the clause.
    int q = v + vm;
    while (q < n_ && q <= v + vm + 6 && (t_[q].word || IsNumber(t_[q])) && MentionAt(q) < 0) ++q;
    if (q + 1 < n_ && IsPunct(t_[q], ",")) {
      // "..., công ty Gạo Ngon hiện có": the name after its cue noun.
      int nb = q + 1;
      if (MentionAt(nb) < 0) {
        nb += std::max(lx_.org_prefix.Match(t_, nb), lx_.legal_prefix.Match(t_, nb));
      }
      int pm = MentionAt(nb);
      if (pm >= 0 && M(pm).tb == nb && TypeOf(pm) != EntityType::kPerson &&
          TypeOf(pm) != EntityType::kPlace && !(M(pm).anaphor && M(pm).entity < 0)) {
        patient.mentions.push_back(pm);
        patient.begin = M(pm).tb;
        patient.end = M(pm).te;
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
  Slot city = One(place);
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
  Slot inv = One(investor);
  // "He denied that Alibaba-backed Lazada had approached X": the compound names a
  // standing fact about the company, not the clause the sentence hedges or denies.
  bool saved = phrase_internal_;
  phrase_internal_ = true;
  Emit(RelationType::kInvestedIn, inv, company, true, absl::StrCat("compound:-", t_[i].lower), 80,
       i - 2, i + 1);
  phrase_internal_ = saved;
}

void SentenceRules::HqNoun(int i, int m, const Trigger& trig) {
  // "Trụ sở chính của X đặt tại Y", "The headquarters of X are in Y".
  Slot org = RightGroup(i + m, 2);
  if (org.mentions.empty()) return;
  // "Trụ sở công ty đặt tại ...": the noun right before the organisation it is of.
  if (org.begin > i + m + 1 || TypeOf(org.mentions.front()) == EntityType::kPlace) return;
  for (int k = org.end; k < n_ && k <= org.end + 3; ++k) {
    if (!t_[k].word) return;
    int at = k + 1;
    // "đặt tại quận 3, TP.HCM": a numbered district the mention finder leaves alone.
    if (In(lx_.locative, t_[k]) && lx_.district_cue.Match(t_, at) > 0 &&
        (MentionAt(at) < 0 || TypeOf(MentionAt(at)) != EntityType::kPlace)) {
      int q = at + lx_.district_cue.Match(t_, at);
      while (q < n_ && q <= at + 4 && !IsPunct(t_[q], ",")) ++q;
      if (q + 1 < n_ && IsPunct(t_[q], ",") && MentionAt(q + 1) >= 0) at = q + 1;
    }
    if (In(lx_.locative, t_[k]) && MentionAt(at) >= 0) {
      Slot city;
      int cm = MentionAt(at);
      // "đặt tại quận 3, TP.HCM": the city after the district.
      if (!IsCity(cm) && TypeOf(cm) == EntityType::kPlace && M(cm).te + 1 < n_ &&
          IsPunct(t_[M(cm).te], ",") && MentionAt(M(cm).te + 1) >= 0 &&
          IsCity(MentionAt(M(cm).te + 1))) {
        cm = MentionAt(M(cm).te + 1);
      }
      city.mentions.push_back(cm);
      Emit(RelationType::kHqIn, org, city, true, absl::StrCat("hq-noun:", trig.phrase), 85, i,
           at);
      return;
    }
  }
}

void SentenceRules::HqAppositive(int i) {
  // "X, the Singapore firm ...", "X, a San Francisco firm that ...": a city before the
  // head noun of an appositive.
  if (i >= 3 && In(lx_.article, t_[i]) && IsPunct(t_[i - 1], ",") && MentionAt(i - 2) >= 0 &&
      MentionAt(i + 1) >= 0 && IsCity(MentionAt(i + 1)) && M(MentionAt(i + 1)).tb == i + 1) {
    int place = MentionAt(i + 1);
    int e = M(place).te;
    int org = MentionAt(i - 2);
    // "X, a Singapore boutique cycling studio operator": modifiers before the head noun.
    int head = e;
    for (int q = e; q < n_ && q < e + 4 && lx_.org_head.Match(t_, head) == 0; ++q) {
      if (MentionAt(q) >= 0 || !t_[q].word || t_[q].cap || lx_.triggers.Match(t_, q) > 0 ||
          lx_.stop.Match(t_, q) > 0) {
        break;
      }
      head = q + 1;
    }
    if (head < n_ && lx_.org_head.Match(t_, head) > 0) e = head;
    if (e < n_ && lx_.org_head.Match(t_, e) > 0 && TypeOf(org) != EntityType::kPlace &&
        TypeOf(org) != EntityType::kPerson) {
      Emit(RelationType::kHqIn, One(org), One(place), true, "appositive:city-noun", 75, i, e);
      return;
    }
  }
  // "Tập đoàn Gió Bắc (trụ sở Hà Nội)", "Carousell, trụ sở Singapore": a headquarters
  // noun set off right after the name, then the city and the end of the aside.
  if (i >= 2 && (IsPunct(t_[i - 1], "(") || IsPunct(t_[i - 1], ",")) && MentionAt(i - 2) >= 0) {
    int tv = -1;
    int tm = lx_.triggers.Match(t_, i, &tv);
    if (tm > 0 && lx_.trigger_info[tv].relation == RelationType::kHqIn &&
        (lx_.trigger_info[tv].flags & kHqNoun) && lx_.genitive.MatchEndingAt(t_, i + tm) == 0) {
      int k = i + tm;
      if (k < n_ && (In(lx_.locative, t_[k]) || IsPunct(t_[k], ":"))) ++k;
      int place = k < n_ ? MentionAt(k) : -1;
      int org = MentionAt(i - 2);
      if (place >= 0 && M(place).tb == k && IsCity(place) && TypeOf(org) != EntityType::kPlace &&
          TypeOf(org) != EntityType::kPerson) {
        int e = M(place).te;
        // A region may follow the city ("trụ sở Biên Hòa, Đồng Nai").
        if (e + 1 < n_ && IsPunct(t_[e], ",") && MentionAt(e + 1) >= 0 &&
            TypeOf(MentionAt(e + 1)) == EntityType::kPlace && !IsCity(MentionAt(e + 1))) {
          e = M(MentionAt(e + 1)).te;
        }
        if (e >= n_ || IsPunct(t_[e], ")") || IsPunct(t_[e], ",") || IsPunct(t_[e], ".") ||
            IsPunct(t_[e], ";")) {
          Emit(RelationType::kHqIn, One(org), One(place), true, "appositive:hq", 75, i, e);
          return;
        }
      }
    }
  }
  // "X, một công ty khởi nghiệp ở Hàng Châu", "X, a startup in Hangzhou".
  if (!In(lx_.locative, t_[i])) return;
  int place = MentionAt(i + 1);
  if (place < 0 || !IsCity(place) || M(place).tb != i + 1) return;
  for (int j = i - 1; j >= 2 && j >= i - 7; --j) {
    if (!t_[j].word) return;
    if (In(lx_.article, t_[j]) && IsPunct(t_[j - 1], ",") && lx_.org_prefix.Match(t_, j + 1) > 0) {
      int org = MentionAt(j - 2);
      if (org < 0) return;
      Emit(RelationType::kHqIn, One(org), One(place), true, "appositive:located", 75, j, i + 1);
      return;
    }
  }
}

void SentenceRules::TableRow() {
  if (!s_.table_cells.empty()) {
    // A row of a table read by its header (tables.cc): the company against each role
    // column's names.
    Slot company;
    for (const TableCell& c : s_.table_cells) {
      if (c.role == TableRole::kSubject) company.mentions = c.mentions;
    }
    if (company.mentions.empty()) return;
    // A cell is a phrase of its own: "chưa công bố" or "Not disclosed" in one cell
    // does not reach the facts of another, but a cell that hedges its own names
    // ("Quỹ X (dự kiến)") gives no fact.
    bool saved = phrase_internal_;
    phrase_internal_ = true;
    for (const TableCell& c : s_.table_cells) {
      if (c.mentions.empty()) continue;
      bool hedged = false;
      for (int k = c.b; k < c.e && !hedged; ++k) hedged = lx_.modality.Match(t_, k) > 0;
      if (hedged) continue;
      Slot names;
      names.mentions = c.mentions;
      switch (c.role) {
        case TableRole::kHq:
          Emit(RelationType::kHqIn, company, names, true, "table:hq-column", 80, 0, 0);
          break;
        case TableRole::kInvestor:
          Emit(RelationType::kInvestedIn, names, company, true, "table:investor-column", 80, 0, 0);
          break;
        case TableRole::kFounder:
          Emit(RelationType::kFoundedBy, company, names, true, "table:founder-column", 80, 0, 0);
          break;
        default:
          break;
      }
    }
    phrase_internal_ = saved;
    return;
  }
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
  // "với sự tham gia của hai nhà đầu tư thiên thần là ông A và bà B": a description of
  // the investors, then a copula naming them.
  for (int q = i + m; investors.mentions.empty() && q < n_ && q <= i + m + 7; ++q) {
    if (!t_[q].word || MentionAt(q) >= 0) break;
    int cm = lx_.copula.Match(t_, q);
    if (cm > 0 && q > i + m) {
      investors = RightGroup(q + cm, 1);
      break;
    }
  }
  if (investors.mentions.empty()) return;
  Slot company = SentenceSubject(i);
  if (company.mentions.empty()) company = UnnamedRoundOwner(i);
  if (company.mentions.empty()) return;
  // "X dẫn dắt vòng Series A với sự góp mặt của Y": the subject led the round, so Y
  // joined the company the lead went to, not X.
  for (auto it = out_->rbegin(); it != out_->rend() && it->sentence == si_; ++it) {
    if (it->relation == RelationType::kInvestedIn &&
        M(it->subject).entity == M(company.mentions.front()).entity &&
        M(it->subject).entity >= 0) {
      company = Slot{};
      company.mentions.push_back(it->object);
      break;
    }
  }
  if (TypeOf(company.mentions.front()) == EntityType::kPerson) return;
  // "Y led the Series A, with participation from Z" with no company known: the
  // subject is an investor, so the round's company is unknown.
  Slot subject = SentenceSubject(i);
  if (!subject.mentions.empty() && company.mentions.front() == subject.mentions.front()) {
    for (int k = M(company.mentions.front()).te; k < i; ++k) {
      int v = -1;
      if (lx_.triggers.Match(t_, k, &v) > 0 &&
          lx_.trigger_info[v].relation == RelationType::kInvestedIn &&
          lx_.trigger_info[v].left_is_subject && !(lx_.trigger_info[v].flags & kCircum)) {
        return;
      }
    }
  }
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
  int company = round_mention;
  // "The startup's earlier backers include X", "Kiwi Labs' investors include X": the
  // possessor's investors.
  for (int k = i - 1; company < 0 && investors_after && k >= 1 && k >= i - 3; --k) {
    if (t_[k].lower == "'s" || t_[k].lower == "'") {
      int pm = MentionAt(k - 1);
      if (pm >= 0 && TypeOf(pm) != EntityType::kPerson && TypeOf(pm) != EntityType::kPlace &&
          !(M(pm).anaphor && M(pm).entity < 0)) {
        company = pm;
      }
      break;
    }
    if (!t_[k].word) break;
  }
  if (company < 0) {
    // "The round was led by X and was joined by Y", "vòng do X dẫn dắt; Y và Z tham
    // gia đồng đầu tư": the round this sentence has already given to its company.
    for (auto it = out_->rbegin(); it != out_->rend() && it->sentence == si_; ++it) {
      if (it->relation == RelationType::kInvestedIn) {
        company = it->object;
        break;
      }
    }
  }
  if (company < 0) company = RoundOwner();
  if (company < 0) return;
  Slot object = One(company);
  Emit(RelationType::kInvestedIn, investors, object, true, "bare-join", 80, i, e);
  // "X also participated, alongside Y", "X cũng tham gia, cùng với Y": Y joined too. A
  // bare "with"/"với" is not in join_with: "with X taking a board seat" says something else.
  if (investors_after) return;
  int k = e;
  if (k < n_ && IsPunct(t_[k], ",")) ++k;
  int w = k < n_ ? lx_.join_with.Match(t_, k) : 0;
  if (w == 0) return;
  Slot more = RightGroup(k + w, 1);
  if (more.mentions.empty()) return;
  Emit(RelationType::kInvestedIn, more, object, true, "bare-join:with", 78, i, k + w);
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
  Slot object = One(company);
  Emit(RelationType::kInvestedIn, investors, object, true, "lead-investor", 80, i, i + m);
}

// "Cổ đông lớn nhất của X là Y", "The largest shareholder of X is Y", "X's biggest
// shareholder is Y": Y holds a stake in X. X may be an anaphor ("của hãng").
void SentenceRules::HolderIs(int i, int m) {
  int e = i + m;
  int company = -1;
  int k = e;
  if (k < n_ && lx_.genitive.Match(t_, k) > 0) {
    k += lx_.genitive.Match(t_, k);
    int mi = MentionAt(k);
    if (mi < 0) return;
    company = mi;
    k = M(mi).te;
  } else {
    int b = i;
    if (b >= 1 && In(lx_.article, t_[b - 1])) --b;
    if (b >= 2 && (t_[b - 1].lower == "'s" || t_[b - 1].lower == "'") && MentionAt(b - 2) >= 0) {
      company = MentionAt(b - 2);
    } else if (b >= 3 && In(lx_.own_pronoun, t_[b - 1]) && In(lx_.as_word, t_[b - 2]) &&
               MentionAt(b - 3) >= 0) {
      // "FPT Retail counts FPT Corporation as its largest shareholder".
      int investor = MentionAt(b - 3);
      Slot owner = LeftGroup(M(investor).tb - 1, false);
      if (owner.mentions.empty() || TypeOf(investor) == EntityType::kPlace) return;
      EntityType ot = TypeOf(owner.mentions.front());
      if (ot == EntityType::kPlace || ot == EntityType::kPerson) return;
      Slot inv = One(investor);
      Emit(RelationType::kInvestedIn, inv, owner, true, "holder-is", 80, i, e);
      return;
    } else if (b >= 1 && In(lx_.own_pronoun, t_[b - 1])) {
      // "its largest shareholder is Y".
      return;
    }
  }
  // "Vinamilk có trụ sở tại TP HCM, với cổ đông lớn gồm A, B và C": the holders
  // listed after the noun are the sentence subject's.
  int intro = company < 0 && e < n_ ? lx_.introducer.Match(t_, e) : 0;
  if (intro > 0 && !In(lx_.copula, t_[e])) {
    Slot subject = SentenceSubject(i);
    if (subject.mentions.empty()) return;
    company = subject.mentions.front();
    k = e + intro;
    EntityType st = TypeOf(company);
    if (st == EntityType::kPlace || st == EntityType::kPerson) return;
    Slot investors = RightGroup(k, 0);
    if (investors.mentions.empty()) return;
    Slot object = One(company);
    Emit(RelationType::kInvestedIn, investors, object, true, "holder-list", 78, i, k);
    return;
  }
  if (company < 0) return;
  EntityType ct = TypeOf(company);
  if (ct == EntityType::kPlace || ct == EntityType::kPerson) return;
  if (M(company).anaphor && M(company).entity < 0) return;
  int c = k < n_ ? lx_.copula.Match(t_, k) : 0;
  if (c == 0) return;
  Slot investors = RightGroup(k + c, 1);
  if (investors.mentions.empty()) return;
  Slot object = One(company);
  Emit(RelationType::kInvestedIn, investors, object, true, "holder-is", 82, i, e);
}

// "Sparkline raised $40 million, with Japan's Kaito Capital and Temasek joining",
// "..., với Quỹ A và B cùng tham gia": investors in the round this sentence states.
void SentenceRules::WithJoining(int i, int m) {
  // The clause must end here.
  if (i + m < n_ && t_[i + m].word && lx_.round.Match(t_, i + m) == 0) return;
  Slot investors = LeftGroup(i, false);
  if (investors.mentions.empty()) return;
  int b = investors.begin;
  // "with Japan's X": a country's genitive before the first member.
  if (b >= 2 && t_[b - 1].lower == "'s" && MentionAt(b - 2) >= 0 &&
      TypeOf(MentionAt(b - 2)) == EntityType::kPlace) {
    b = M(MentionAt(b - 2)).tb;
  }
  // "với Quỹ A": the first member's cue noun.
  if (MentionAt(b - 1) < 0) b -= std::max(lx_.org_prefix.MatchEndingAt(t_, b), 0);
  if (b < 2 || (!In(lx_.join_with, t_[b - 1]) && !In(lx_.bridge, t_[b - 1]) &&
                 !In(lx_.cofound_with, t_[b - 1]))) {
    return;
  }
  if (!IsPunct(t_[b - 2], ",")) return;
  // The round: a funding word earlier in the sentence, whose subject is the company.
  bool money = false;
  for (int k = 0; k < b && !money; ++k) {
    money = lx_.round.Match(t_, k) > 0 || lx_.finance.Match(t_, k) > 0;
  }
  if (!money) return;
  Slot company = SentenceSubject(b);
  if (company.mentions.empty()) return;
  EntityType ct = TypeOf(company.mentions.front());
  if (ct == EntityType::kPlace || ct == EntityType::kPerson) return;
  for (int mi : investors.mentions) {
    if (mi == company.mentions.front()) return;
  }
  Emit(RelationType::kInvestedIn, investors, company, true, "with-joining", 78, i, i + m);
}

// "Trong danh mục của quỹ còn có A và B", "Its portfolio includes A", "X's portfolio
// includes A and B": the owner of the portfolio holds stakes in the names listed.
void SentenceRules::Portfolio(int i, int m) {
  int owner = -1;
  int k = i + m;
  if (k < n_ && lx_.genitive.Match(t_, k) > 0) {
    k += lx_.genitive.Match(t_, k);
    owner = MentionAt(k);
    if (owner < 0 || M(owner).tb != k) return;
    k = M(owner).te;
  } else if (i >= 2 && (t_[i - 1].lower == "'s" || t_[i - 1].lower == "'")) {
    owner = MentionAt(i - 2);
  }
  if (owner < 0) return;
  EntityType ot = TypeOf(owner);
  if (ot == EntityType::kPlace || ot == EntityType::kPerson) return;
  if (M(owner).anaphor && M(owner).entity < 0) return;
  while (k < n_ && lx_.filler.Match(t_, k) > 0) k += lx_.filler.Match(t_, k);
  int v = k < n_ ? std::max(lx_.introducer.Match(t_, k), lx_.have_verb.Match(t_, k)) : 0;
  if (v == 0) return;
  Slot held = RightGroup(k + v, 1);
  if (held.mentions.empty()) return;
  Slot o = One(owner);
  Emit(RelationType::kInvestedIn, o, held, true, "portfolio", 76, i, k + v);
}

// "HD Saison, liên doanh giữa HDBank và Credit Saison", "X is a joint venture between
// A and B": the partners hold stakes in X, named before a comma or a copula.
void SentenceRules::VentureBetween(int i, int m) {
  int k = i;
  while (k > 0 && (In(lx_.article, t_[k - 1]) || In(lx_.generic_det, t_[k - 1]))) --k;
  int venture = -1;
  if (k >= 2 && IsPunct(t_[k - 1], ",")) {
    venture = MentionAt(k - 2);
  } else if (int cm = lx_.copula.MatchEndingAt(t_, k); cm > 0 && k - cm >= 1) {
    venture = MentionAt(k - cm - 1);
  }
  if (venture < 0) return;
  EntityType vt = TypeOf(venture);
  if (vt == EntityType::kPlace || vt == EntityType::kPerson) return;
  if (M(venture).anaphor && M(venture).entity < 0) return;
  Slot partners = RightGroup(i + m, 0);
  if (partners.mentions.size() < 2) return;
  Slot object = One(venture);
  Emit(RelationType::kInvestedIn, partners, object, true, "venture-between", 80, i, i + m);
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
  EmitInPhrase(RelationType::kFoundedBy, fund, parent, "arm", 80, i, e);
}

// "Hengyuan counts Legend Capital among its investors", "X lists A and B among its
// backers": the names before the phrase invested in the sentence's subject.
void SentenceRules::AmongInvestors(int i, int m) {
  Slot investors = LeftGroup(i, false);
  if (investors.mentions.empty()) return;
  Slot company = SentenceSubject(investors.begin);
  if (company.mentions.empty() || company.mentions.front() == investors.mentions.front() ||
      TypeOf(company.mentions.front()) == EntityType::kPerson ||
      TypeOf(company.mentions.front()) == EntityType::kPlace) {
    return;
  }
  Emit(RelationType::kInvestedIn, investors, company, true, "among-investors", 80, i, i + m);
}

// "X, the group's industrial unit", "Samsung's Vietnamese subsidiary X": the possessor
// owns the unit.
void SentenceRules::UnitOf(int i, int m) {
  int k = i - 1;
  for (int words = 0; k >= 1 && words < 3 && t_[k].word && MentionAt(k) < 0 && t_[k].lower != "'s";
       ++words) {
    --k;
  }
  if (k < 1 || t_[k].lower != "'s" || MentionAt(k - 1) < 0) return;
  int parent = MentionAt(k - 1);
  int pb = M(parent).tb;
  if (pb >= 1 && In(lx_.article, t_[pb - 1]) && MentionAt(pb - 1) < 0) --pb;
  int unit = -1;
  if (pb >= 2 && IsPunct(t_[pb - 1], ",") && MentionAt(pb - 2) >= 0) {
    unit = MentionAt(pb - 2);  // "X, the group's industrial unit"
  } else {
    int e = i + m;
    if (e < n_ && IsPunct(t_[e], ",")) ++e;
    if (MentionAt(e) >= 0 && M(MentionAt(e)).tb == e) unit = MentionAt(e);  // "Y's unit X"
  }
  if (unit < 0 || unit == parent) return;
  if (!SlotFits(RelationType::kInvestedIn, true, parent) ||
      !SlotFits(RelationType::kInvestedIn, false, unit) || TypeOf(parent) == EntityType::kPerson) {
    return;
  }
  EmitInPhrase(RelationType::kInvestedIn, parent, unit, "unit", 78, i, i + m);
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
  // "with his university friend X", "cùng chồng là anh X", "cùng người bạn học cũ X": a
  // description of the partner, who must then be a person.
  bool described = false;
  if (MentionAt(k) < 0) {
    int q = k;
    while (q < n_ && q < k + 5 && MentionAt(q) < 0 && t_[q].word && !t_[q].cap &&
           lx_.triggers.Match(t_, q) == 0 && lx_.coord.Match(t_, q) == 0 &&
           lx_.copula.Match(t_, q) == 0) {
      ++q;
    }
    if (q < n_ && lx_.copula.Match(t_, q) > 0) q += lx_.copula.Match(t_, q);
    if (q < n_) q += lx_.person_prefix.Match(t_, q);
    if (q > k && q < n_ && MentionAt(q) >= 0 && M(MentionAt(q)).tb == q &&
        TypeOf(MentionAt(q)) == EntityType::kPerson) {
      k = q;
      described = true;
    }
  }
  int first = MentionAt(k);
  if (first < 0 || M(first).tb != k) return;
  if (described && TypeOf(first) != EntityType::kPerson) return;
  Slot people = ListFrom(first, /*skip_former=*/false);
  Slot company = One(org);
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
  if (i + 2 >= n_ || !IsNumber(t_[i])) return;
  // "75%", or spelled out: "75 per cent", "75 percent" (stake_size words after a number).
  int pct = IsPunct(t_[i + 1], "%") ? 1 : lx_.percent_word.Match(t_, i + 1);
  if (pct == 0) return;
  int k = i + 1 + pct;
  if (k >= n_) return;
  // "4,99%", "12.5%": the number's integer part opens the phrase.
  if (i >= 2 && (IsPunct(t_[i - 1], ",") || IsPunct(t_[i - 1], ".")) && IsNumber(t_[i - 2]) &&
      t_[i - 1].begin == t_[i - 2].end && t_[i].begin == t_[i - 1].end) {
    i -= 2;
  }
  int vb = -1, start = i;
  for (int k = i - 1; k >= 0 && k >= i - 6; --k) {
    if (MentionAt(k) >= 0 || !t_[k].word) break;
    // A verb of several words ("nhận chuyển nhượng": take over by transfer) ends here.
    if (int ov = lx_.own_verb.MatchEndingAt(t_, k + 1); ov > 1 && k - ov + 1 >= 0) {
      vb = k = k - ov + 1;
    } else if (In(lx_.own_verb, t_[k])) {
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
  // "sở hữu 100% Công ty X", "mua 65% Minh Tâm": the company named right after the share.
  if (!share) {
    int p = k + std::max(lx_.legal_prefix.Match(t_, k), lx_.org_prefix.Match(t_, k));
    if (p >= n_ || MentionAt(p) < 0 || M(MentionAt(p)).tb != p ||
        TypeOf(MentionAt(p)) == EntityType::kPlace || TypeOf(MentionAt(p)) == EntityType::kPerson) {
      return;
    }
  }
  EmitStake(vb, k);
}

// "X owns a minority stake in Y", "X has taken a 15 per cent stake in Y": the stake noun
// with no "N%" right before it; the owning verb stands a few size words earlier.
void SentenceRules::StakeNoun(int i) {
  if (!In(lx_.stake_noun, t_[i]) || (i > 0 && IsPunct(t_[i - 1], "%"))) return;
  int vb = -1, start = i;
  for (int k = i - 1; k >= 0 && k >= i - 8; --k) {
    if (MentionAt(k) >= 0) break;
    const Token& t = t_[k];
    if (t.word && In(lx_.own_verb, t)) {
      vb = k;
    } else if (!(t.word && (In(lx_.stake_glue, t) || In(lx_.stake_size, t) || IsNumber(t))) &&
               !IsPunct(t, "%")) {
      break;
    }
    start = k;
  }
  if (vb < 0) return;
  int k = i + 1;
  if (k >= n_ || MentionAt(k) >= 0 || !In(lx_.share_word, t_[k])) return;
  while (k < n_ && MentionAt(k) < 0 && In(lx_.share_word, t_[k])) ++k;
  // "a stake of about 30% in X", "cổ phần khoảng 20% tại X": the size after the noun.
  int q = k;
  while (q < n_ && MentionAt(q) < 0 && t_[q].word && In(lx_.stake_glue, t_[q])) ++q;
  if (q + 1 < n_ && IsNumber(t_[q])) {
    int pct = IsPunct(t_[q + 1], "%") ? 1 : lx_.percent_word.Match(t_, q + 1);
    int r = q + 1 + pct;
    if (pct > 0 && r < n_ && MentionAt(r) < 0 && In(lx_.share_word, t_[r])) {
      while (r < n_ && MentionAt(r) < 0 && In(lx_.share_word, t_[r])) ++r;
      k = r;
    }
  }
  EmitStake(start, k);
}

void SentenceRules::EmitStake(int vb, int k) {
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
      // "X, the Hanoi-based market leader, controls ... and owns 30% of Y": a
      // comma-enclosed description of the subject, naming no person or company.
      if (q == subject.end && IsPunct(t_[q], ",")) {
        int close = -1;
        for (int r = q + 1; r < vb && r <= q + 16; ++r) {
          if (IsPunct(t_[r], ",")) {
            close = r;
            break;
          }
          int rm = MentionAt(r);
          if ((rm >= 0 && TypeOf(rm) != EntityType::kPlace) ||
              (rm < 0 && !t_[r].word && !IsPunct(t_[r], "-"))) {
            break;
          }
        }
        if (close > q + 1 && t_[q + 1].word && !t_[q + 1].cap && MentionAt(q + 1) < 0) {
          q = close;
          continue;
        }
      }
      if (MentionAt(q) >= 0 || !t_[q].word || t_[q].cap || lx_.stop.Match(t_, q) > 0) return;
    }
    left = subject;
  }
  Emit(RelationType::kInvestedIn, left, right, true, "stake", 85, vb, k);
}

// "X sold a 49% stake to A and B", "X has sold a majority stake to Y", "X bán 30% cổ
// phần cho Y": a company selling a stake of itself (no "in"/"của" naming another
// company after the stake) takes the buyers as investors. "Y sold its shares to Z"
// sells a holding, not the company, so a possessive before the stake stops it.
void SentenceRules::SellStake(int i) {
  int vm = lx_.sell_verb.Match(t_, i);
  if (vm == 0) return;
  int k = i + vm;
  // The size: "a", "a 49%", "a majority", "30%", "gần 10%".
  while (k < n_ && k <= i + vm + 5 && MentionAt(k) < 0 &&
         (In(lx_.article, t_[k]) || In(lx_.stake_glue, t_[k]) || lx_.stake_size.Match(t_, k) > 0 ||
          IsNumber(t_[k]) || IsPunct(t_[k], "%") || InNumber(t_, k))) {
    k += std::max(1, lx_.stake_size.Match(t_, k));
  }
  bool share = false;
  while (k < n_ && MentionAt(k) < 0 && In(lx_.share_word, t_[k]) && !In(lx_.into, t_[k]) &&
         !lx_.genitive.Contains(t_[k])) {
    share = true;
    ++k;
  }
  if (!share || k >= n_) return;
  // "a 10% stake in Kiwi Labs to Orbit Media", "20% cổ phần của Học Vui cho Y": a holding
  // in the company named there changes hands.
  int held = -1;
  if ((In(lx_.into, t_[k]) || lx_.genitive.Contains(t_[k])) && MentionAt(k + 1) >= 0 &&
      M(MentionAt(k + 1)).tb == k + 1 && TypeOf(MentionAt(k + 1)) != EntityType::kPlace) {
    held = MentionAt(k + 1);
    k = M(held).te;
  }
  // "cho"/"to": the buyers follow.
  int b = k < n_ ? std::max(lx_.bridge.Match(t_, k), lx_.purpose.Match(t_, k)) : 0;
  if (b == 0 || In(lx_.into, t_[k]) || lx_.genitive.Contains(t_[k]) ||
      In(lx_.locative, t_[k]) || In(lx_.source_from, t_[k])) {
    return;
  }
  Slot buyers = RightGroup(k + b, 3);
  if (buyers.mentions.empty()) return;
  Slot company;
  if (held >= 0) {
    company.mentions.push_back(held);
  } else {
    company = LeftGroup(i, true);
    if (company.mentions.empty() && SubjectOmitted(i)) company = SentenceSubject(i);
  }
  if (company.mentions.empty() || TypeOf(company.mentions.front()) == EntityType::kPerson) return;
  Emit(RelationType::kInvestedIn, buyers, company, true, "sell-stake", 80, i, k + b);
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
  Slot org = One(from);
  Emit(RelationType::kAlumniOf, person, org, true, "joined-from", 80, i, k + 1);
}

// "spent five years as an engineering manager at Atlassian", "có 8 năm làm bác sĩ tại
// Bệnh viện Chợ Rẫy trước khi nghỉ việc": a person's years of work at an organisation,
// past only when the sentence also says the person left ("Y spent eight years at Google
// and still works there" is not).
void SentenceRules::Tenure(int i) {
  // "gia nhập PayLi sau năm năm làm việc tại Grab", "joined Kimo after six years at Ant
  // Group": a duration after "after" is a past job when the sentence joins or founds
  // something else.
  bool after_years = In(lx_.after, t_[i]);
  if (!In(lx_.have_verb, t_[i]) && !after_years) return;
  int k = i + 1;
  // "worked for eight years as ... at X": the duration's preposition.
  if (k + 1 < n_ && (In(lx_.former_bridge, t_[k]) || In(lx_.within, t_[k])) &&
      (IsNumber(t_[k + 1]) || In(lx_.number_word, t_[k + 1]))) {
    ++k;
  }
  if (k < n_ && t_[k].word && !IsNumber(t_[k]) && !In(lx_.number_word, t_[k]) &&
      In(lx_.stake_glue, t_[k])) {
    ++k;  // "gần 10 năm", "nearly ten years"
  }
  // "after a decade as ...": an article counts one unit.
  if (after_years && k + 1 < n_ && k > i && In(lx_.article, t_[k - 1]) && t_[k - 1].word &&
      In(lx_.time_unit, t_[k])) {
    --k;
  } else if (k + 1 >= n_ || !(IsNumber(t_[k]) || In(lx_.number_word, t_[k])) ||
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
    if (after_years && q < i && lx_.join_verb.Match(t_, q) > 0) left_job = true;
    int tv = -1;
    if (after_years && q < i && lx_.triggers.Match(t_, q, &tv) > 0 &&
        lx_.trigger_info[tv].relation == RelationType::kFoundedBy &&
        !(lx_.trigger_info[tv].flags & kNoun)) {
      left_job = true;
    }
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
  // After "after" the name just before is what the person joined; the person is the
  // sentence's subject.
  Slot person = after_years ? SentenceSubject(i) : LeftGroup(i, true);
  if (!is_person(person)) person = SentenceSubject(i);
  if (!is_person(person)) return;
  Slot o = One(org);
  Emit(RelationType::kAlumniOf, person, o, true, "tenure", 78, i, bridge + 1);
}

// "làm trưởng nhóm sản phẩm tại X trong ba năm", "giữ chức tổng quản lý X trong ba năm
// rồi rời đi": a job whose span the sentence closes ("trong N năm") is a past job. A span
// still running is said with "được N năm" and is not read here.
void SentenceRules::BoundedJob(int i) {
  if (!In(lx_.job_span, t_[i]) || i + 2 >= n_) return;
  int k = i + 1;
  if (!(IsNumber(t_[k]) || In(lx_.number_word, t_[k])) || !In(lx_.time_unit, t_[k + 1])) return;
  // The organisation ends right before the span; a job verb opens the clause before it.
  int org = MentionAt(i - 1);
  if (org < 0 || TypeOf(org) == EntityType::kPlace || TypeOf(org) == EntityType::kPerson) return;
  int verb = -1;
  for (int q = M(org).tb - 1; q >= 0 && q >= M(org).tb - 8; --q) {
    if (!t_[q].word || MentionAt(q) >= 0) break;
    if (lx_.job_verb.Match(t_, q) > 0) {
      verb = q;
      break;
    }
  }
  if (verb < 0) return;
  // "hiện làm ...", "sẽ làm ...": a job held now or planned.
  for (int q = std::max(0, verb - 3); q < verb; ++q) {
    if (lx_.modality.Match(t_, q) > 0 || lx_.current_marker.Match(t_, q) > 0) return;
  }
  Slot person = LeftGroup(verb, true);
  if (person.mentions.empty()) person = ClauseSubject(verb);
  if (person.mentions.empty()) person = SentenceSubject(verb);
  if (person.mentions.empty() || TypeOf(person.mentions.front()) == EntityType::kOrganization ||
      TypeOf(person.mentions.front()) == EntityType::kPlace) {
    return;
  }
  Emit(RelationType::kAlumniOf, person, One(org), true, "bounded-job", 78, verb, i + 3);
}

// "Kestrel Robotics of Denver": an organisation named with its city.
// "Singapore's Kestrel Fund", "Shenzhen's Pearl Delta Entertainment": a city's possessive
// right before an organisation's name says where it is based. A country's ("Vietnam's
// Vingroup") says nothing of a city, and "Bangkok's Sathorn district" names a place in it.
void SentenceRules::CityGenitive(int i) {
  if (i < 1 || i + 1 >= n_ || t_[i].lower != "'s") return;
  int city = MentionAt(i - 1), org = MentionAt(i + 1);
  if (city < 0 || org < 0 || M(city).te != i || !IsCity(city) || M(org).tb != i + 1) return;
  if (TypeOf(org) != EntityType::kOrganization || M(org).anaphor) return;
  int e = M(org).te;
  if (e < n_ && (lx_.district_cue.Match(t_, e) > 0 || (t_[e].word && t_[e].cap))) return;
  EmitInPhrase(RelationType::kHqIn, org, city, "city-genitive", 78, i, i + 1);
}

void SentenceRules::OrgOfCity(int i) {
  if (i < 1 || i + 1 >= n_ || !In(lx_.name_of, t_[i])) return;
  int org = MentionAt(i - 1), city = MentionAt(i + 1);
  if (org < 0 || city < 0 || !IsCity(city) || M(city).tb != i + 1) return;
  // Only a name that is an organisation by its own words ("X Robotics", "X Inc.").
  if (M(org).type != EntityType::kOrganization || M(org).strength < 2 || M(org).anaphor) return;
  // "the Bank of Hanoi branch": the city must close the name phrase.
  int e = M(city).te;
  if (e < n_ && t_[e].word && t_[e].cap) return;
  EmitInPhrase(RelationType::kHqIn, org, city, "org-of-city", 75, i, i + 1);
}

// "Manila fintech PeraHub", "Guangzhou animation studio Lingnan Pixels": a city, then a
// lower-case description ending in a head noun (org_head), then the name it describes. News
// writes the home city this way as often as with "-based".
void SentenceRules::CityDescriptor(int i) {
  int city = MentionAt(i);
  if (city < 0 || M(city).tb != i || !IsCity(city) || M(city).region || M(city).anaphor) return;
  // "the University of Hanoi business school X": a city inside another name.
  if (i > 0 && In(lx_.name_of, t_[i - 1])) return;
  int k = M(city).te, head = -1;
  for (int q = k; q < n_ && q < k + 6; ++q) {
    const Token& t = t_[q];
    if (MentionAt(q) >= 0) break;
    if (t.word && !t.cap) {
      if (lx_.org_head.MatchEndingAt(t_, q + 1) > 0) head = q;
      continue;
    }
    // "private-school operator": a hyphen joining two description words.
    if (IsPunct(t, "-") && q > k && q + 1 < n_ && t.begin == t_[q - 1].end &&
        t_[q + 1].begin == t.end) {
      continue;
    }
    break;
  }
  if (head < 0 || head + 1 >= n_) return;
  int org = MentionAt(head + 1);
  if (org < 0 || M(org).tb != head + 1 || M(org).anaphor) return;
  EmitInPhrase(RelationType::kHqIn, org, city, "city-descriptor", 70, i, head + 1);
}

int SentenceRules::AfterCityDescription(int i) const {
  int city = MentionAt(i);
  if (city < 0 || M(city).tb != i || !IsCity(city) || M(city).region || M(city).anaphor) return -1;
  int k = M(city).te, head = -1;
  bool person_head = false;
  for (int q = k; q < n_ && q < k + 6; ++q) {
    const Token& t = t_[q];
    if (MentionAt(q) >= 0) break;
    if (t.word && !t.cap) {
      if (lx_.triggers.Match(t_, q) > 0 || lx_.stop.Match(t_, q) > 0) return -1;
      if (lx_.org_head.MatchEndingAt(t_, q + 1) > 0) {
        head = q;
        person_head = false;
      } else if (lx_.title.MatchEndingAt(t_, q + 1) > 0) {
        // "by Singapore entrepreneur Tan Mei Lin": a person's title after the city.
        head = q;
        person_head = true;
      }
      continue;
    }
    if (IsPunct(t, "-") && q > k && q + 1 < n_ && t.begin == t_[q - 1].end &&
        t_[q + 1].begin == t.end) {
      continue;
    }
    break;
  }
  if (head < 0 || head + 1 >= n_) return -1;
  int org = MentionAt(head + 1);
  if (org < 0 || M(org).tb != head + 1 || M(org).anaphor ||
      TypeOf(org) == EntityType::kPlace ||
      (person_head && TypeOf(org) == EntityType::kOrganization)) {
    return -1;
  }
  return head + 1;
}

// "X worked at A before founding B", "X làm kỹ sư tại A 6 năm trước khi thành lập B": the
// subject founded B, and a job the clause names before the founding is a former one.
void SentenceRules::BeforeFounding(int i) {
  int bm = lx_.before_found.Match(t_, i);
  if (bm == 0) return;
  // "before founding fintech startup Loop": a few lower-case words may describe it.
  int k = i + bm;
  while (k < n_ && k < i + bm + 3 && MentionAt(k) < 0 && t_[k].word && !t_[k].cap) ++k;
  int org = MentionAt(k);
  if (org < 0 || M(org).tb != k || M(org).anaphor) return;
  Slot person = SentenceSubject(i);
  if (person.mentions.size() != 1 || TypeOf(person.mentions[0]) == EntityType::kOrganization) {
    return;
  }
  // A clause, not a noun phrase: "plans to leave A before founding B" stays a plan.
  Slot company = One(org);
  Emit(RelationType::kFoundedBy, company, person, true, "before-founding", 78, i, i + bm);
  for (int q = person.end; q + 1 < i; ++q) {
    int job = MentionAt(q + 1);
    if (!In(lx_.locative, t_[q]) || job < 0 || M(job).tb != q + 1) continue;
    Slot employer = One(job);
    Emit(RelationType::kAlumniOf, person, employer, true, "job-before-founding", 75, q, i + bm);
  }
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
      EmitInPhrase(RelationType::kAlumniOf, first, org, "role-of", 80, i, i + 1);
    }
    return;
  }
  Slot people = ListFrom(first, /*skip_former=*/false);
  Slot o = One(org);
  phrase_internal_ = true;
  Emit(RelationType::kAlumniOf, people, o, true, "role-of", 80, i, i + 1);
  phrase_internal_ = false;
}

void SentenceRules::Run() {
  if (s_.headline) return;
  if (s_.table_row || !s_.table_cells.empty()) {
    TableRow();
    return;
  }
  for (int i = 0; i < n_;) {
    if (In(lx_.based_compound, t_[i])) Based(i);
    if (In(lx_.backed_compound, t_[i])) Backed(i);
    HqAppositive(i);
    Stake(i);
    StakeNoun(i);
    SellStake(i);
    JoinedFrom(i);
    Tenure(i);
    RoleOf(i);
    OrgOfCity(i);
    CityGenitive(i);
    CityDescriptor(i);
    BoundedJob(i);
    BeforeFounding(i);
    if (int arm = lx_.arm_noun.Match(t_, i); arm > 0) ArmOf(i, arm);
    if (int un = lx_.unit_noun.Match(t_, i); un > 0) UnitOf(i, un);
    if (int am = lx_.among_investors.Match(t_, i); am > 0) AmongInvestors(i, am);
    if (int lm = lx_.lead_investor.Match(t_, i); lm > 0) LeadInvestor(i, lm);
    if (int hm = lx_.holder_noun.Match(t_, i); hm > 0) HolderIs(i, hm);
    if (int vm = lx_.venture_between.Match(t_, i); vm > 0) VentureBetween(i, vm);
    if (int jm = lx_.join_tail.Match(t_, i); jm > 0) WithJoining(i, jm);
    if (int pf = lx_.portfolio_noun.Match(t_, i); pf > 0) Portfolio(i, pf);
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
    size_t facts_before = out_->size();
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
    // "hiện sở hữu cổ phần tại X": a trigger that opens with an adverb ("hiện sở hữu"
    // wants a name right after) and finds nothing leaves the verb after the adverb to
    // be read on its own.
    if (out_->size() == facts_before && m > 1 && lx_.filler.Match(t_, i) > 0 &&
        lx_.filler.Match(t_, i) < m) {
      i += lx_.filler.Match(t_, i);
      continue;
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
  // "nghỉ việc tại X để lập công ty", "left X to start his own company": a company named
  // by a bare noun, founded in the sentence that says the founder left X, is not X.
  // ("A, người đồng sáng lập VNG, đã rời VNG" names VNG and keeps both facts.)
  // So are the co-founders the same bare noun took.
  auto entity_of = [&](int mi) { return doc.mentions[mi].entity; };
  std::vector<std::pair<int, int>> not_left;  // (sentence, company mention)
  for (const Fact& f : facts) {
    if (f.relation != RelationType::kFoundedBy || !doc.mentions[f.subject].anaphor ||
        entity_of(f.subject) < 0) {
      continue;
    }
    for (const Fact& g : facts) {
      if (g.relation == RelationType::kAlumniOf && g.sentence == f.sentence &&
          entity_of(g.subject) == entity_of(f.object) &&
          entity_of(g.object) == entity_of(f.subject)) {
        not_left.emplace_back(f.sentence, f.subject);
        break;
      }
    }
  }
  facts.erase(std::remove_if(facts.begin(), facts.end(),
                             [&](const Fact& f) {
                               return f.relation == RelationType::kFoundedBy &&
                                      std::find(not_left.begin(), not_left.end(),
                                                std::make_pair(f.sentence, f.subject)) !=
                                          not_left.end();
                             }),
              facts.end());
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
