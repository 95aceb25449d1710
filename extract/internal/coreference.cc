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
           (lx.corp_suffix.Contains(s.tokens[e - 1]) || !s.tokens[e - 1].word)) {
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
          if (lx.surname.Contains(s.tokens[k])) person_like = true;
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
      // Not a name the article gives its own designator ("Tập đoàn Sao Mai" beside
      // "Sao Mai Solar"), nor one named in the same sentence as the longer name.
      if (c < 0 && !(m.type == EntityType::kPerson && m.strength == 2) && m.te - m.tb >= 2 &&
          m.registered_forms.empty()) {
        // "Bảo Tín" after "Bảo Tín Online": the leading words of exactly one longer
        // organisation's name.
        std::vector<std::string> words = absl::StrSplit(fold, ' ', absl::SkipEmpty());
        int found = -1, hits = 0;
        for (int k = 0; k < static_cast<int>(clusters.size()); ++k) {
          const Cluster& cl = clusters[k];
          // An untyped longer name counts when it ends like a registered name
          // ("Southern Cross Critical Metals" ... "Southern Cross").
          bool registered_end = !cl.tokens.empty() && lx.corp_suffix.Contains(cl.tokens.back());
          if ((!cl.org && !registered_end) || cl.person || cl.tokens.size() <= words.size()) {
            continue;
          }
          // "Hòa Bình Ventures" is the fund of "Hòa Bình", not another name for it.
          bool unit = false;
          for (size_t k = words.size(); k < cl.tokens.size(); ++k) {
            unit =
                unit || lx.org_suffix.Contains(cl.tokens[k]) || lx.org_class.contains(cl.tokens[k]);
          }
          for (int other : cl.mentions) unit = unit || doc->mentions[other].sentence == m.sentence;
          if (!unit && std::equal(words.begin(), words.end(), cl.tokens.begin())) {
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
    // A name the article describes as a product stays untyped wherever it recurs.
    bool product = false;
    for (int mi : members[e]) product = product || doc->mentions[mi].product;
    for (int strength = 2; !product && strength >= 1 && info.type == EntityType::kUnknown;
         --strength) {
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
      while (e > 1 && (!nt[e - 1].word || lx.corp_suffix.Contains(nt[e - 1]))) --e;
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

// Whether two lists of org_class kinds have one in common.
bool SharesClass(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

// The kinds of organisation (cues.tsv org_class) each entity is named or described as:
// the cue before a mention ("Tập đoàn VNG", "quỹ đầu tư mạo hiểm X"), the name's last
// word ("Masan Group", "Mekong Capital") and an appositive head ("Kubota, nhà sản xuất
// ...", "X, the Japanese bank").
std::vector<std::vector<std::string>> EntityClasses(const Lexicons& lx, const Document& doc) {
  std::vector<std::vector<std::string>> classes(doc.entities.size());
  for (const Mention& m : doc.mentions) {
    if (m.anaphor || m.entity < 0 || m.type == EntityType::kPlace ||
        m.type == EntityType::kPerson) {
      continue;
    }
    const std::vector<Token>& toks = doc.sentences[m.sentence].tokens;
    const int n = static_cast<int>(toks.size());
    std::vector<std::string>* out = &classes[m.entity];
    AddOrgClasses(lx, toks, m.te - 1, m.te, out);
    // "VPBank", "Techcombank", "HDBank": a brand glued to "bank" names a bank.
    if (const std::string& last = toks[m.te - 1].lower;
        last.size() > 5 && absl::EndsWith(last, "bank") &&
        std::find(out->begin(), out->end(), "bank") == out->end()) {
      out->push_back("bank");
    }
    for (int k = m.tb, steps = 0; k >= 1 && steps <= 4; --k, ++steps) {
      int om = std::max(lx.org_prefix.MatchEndingAt(toks, k), lx.org_head.MatchEndingAt(toks, k));
      if (om > 0) {
        AddOrgClasses(lx, toks, k - om, k, out);
        break;
      }
      const Token& t = toks[k - 1];
      const std::string& w = t.lower;
      if (!t.word || t.cap || lx.common.Contains(w) || lx.bridge.Contains(w) ||
          lx.coord.Contains(w) || lx.filler.Contains(w) || lx.stop.Contains(w) ||
          lx.genitive.Contains(w) || lx.triggers.Match(toks, k - 1) > 0) {
        break;
      }
    }
    // "Gió Lào Coffee là chuỗi nhỏ nhất", "X is a fund": a copula, then the head.
    if (int cm = m.te < n ? lx.copula.Match(toks, m.te) : 0; cm > 0) {
      int k = m.te + cm;
      if (k < n && (In(lx.article, toks[k]) || In(lx.generic_det, toks[k]))) ++k;
      int hm = k < n ? std::max(lx.org_head.Match(toks, k), lx.org_prefix.Match(toks, k)) : 0;
      if (hm > 0) AddOrgClasses(lx, toks, k, k + hm, out);
    }
    if (m.te + 1 < n && IsPunct(toks[m.te], ",")) {
      int k = m.te + 1;
      // The head comes first ("X, nhà sản xuất ...") or after an article and a few
      // modifiers ("X, the Japanese bank"); "X, được Tập đoàn Y lập ra" is no appositive.
      bool det = In(lx.article, toks[k]);
      if (det) ++k;
      // Not an anaphor opening the next clause ("Ngoài X, tập đoàn còn ...").
      const std::vector<int>& covered = doc.sentences[m.sentence].token_mention;
      // "X, the Singapore-headquartered early-stage investor": with an article, a place
      // and hyphenated modifiers may come before the head.
      for (int steps = 0; k < n && steps <= (det ? 7 : 0); ++k, ++steps) {
        if (covered[k] >= 0) {
          if (!det || doc.mentions[covered[k]].type != EntityType::kPlace) break;
          continue;
        }
        int hm = std::max(lx.org_head.Match(toks, k), lx.org_prefix.Match(toks, k));
        // "X, quỹ cho biết", "X, the firm said": the speaker, not X's description.
        // ("the fruit-tea chain that started ...": "that" opens a relative clause.)
        auto saying = [&](int q) {
          return q < n && In(lx.clause_opener, toks[q]) && !In(lx.clause_relative, toks[q]);
        };
        if (hm > 0 && (saying(k + hm) || saying(k + hm + 1))) {
          break;
        }
        if (hm > 0) {
          AddOrgClasses(lx, toks, k, k + hm, out);
          break;
        }
        if (det && IsPunct(toks[k], "-")) continue;
        if (!toks[k].word || lx.triggers.Match(toks, k) > 0) break;
        // "X, the ... investor": a role word that says a kind ends the description.
        if (det && toks[k].word && lx.org_class.contains(Fold(toks[k].lower)) &&
            (k + 1 >= n || !toks[k + 1].word)) {
          AddOrgClasses(lx, toks, k, k + 1, out);
          break;
        }
      }
    }
  }
  return classes;
}

}  // namespace

void Analyzer::ResolveAnaphora(Document* doc) const {
  // The publisher a byline names ("CafeF | 14:20 ...") is no party to the news when the
  // body names it again ("CafeF tổng hợp ..."): no anaphor points back to it.
  {
    std::vector<bool> outlet(doc->entities.size(), false);
    for (const Mention& m : doc->mentions) {
      if (m.outlet && m.entity >= 0) outlet[m.entity] = true;
    }
    for (Mention& m : doc->mentions) {
      if (m.entity >= 0 && outlet[m.entity]) m.source = true;
    }
  }
  const std::vector<std::vector<std::string>> entity_classes = EntityClasses(*lex_, *doc);
  // The sentence each entity is first named in.
  std::vector<int> first_named(doc->entities.size(), -1);
  for (const Mention& m : doc->mentions) {
    if (m.anaphor || m.entity < 0) continue;
    int& f = first_named[m.entity];
    if (f < 0 || m.sentence < f) f = m.sentence;
  }
  std::vector<bool> product_entity(doc->entities.size(), false);
  for (const Mention& m : doc->mentions) {
    if (m.product && m.entity >= 0) product_entity[m.entity] = true;
  }
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
      // "Ayala-affiliated Kickstart Ventures", "Sequoia-backed Kredo": a name glued by a
      // hyphen to a lower-case word modifies the name after it; no anaphor means it.
      auto hyphen_modifier = [&](int mention) {
        const Mention& c = doc->mentions[mention];
        const std::vector<Token>& pt = doc->sentences[c.sentence].tokens;
        return c.te + 1 < static_cast<int>(pt.size()) && IsPunct(pt[c.te], "-") &&
               pt[c.te].begin == pt[c.te - 1].end && pt[c.te + 1].word && !pt[c.te + 1].cap &&
               pt[c.te + 1].begin == pt[c.te].end;
      };
      auto entity_type = [&](int mention) {
        int e = doc->mentions[mention].entity;
        return e >= 0 ? doc->entities[e].type : EntityType::kUnknown;
      };
      int chosen = -1;
      // "tập đoàn", "quỹ này", "the fund": a typed anaphor takes the nearest entity of
      // its kind within the last few sentences ("Ngoài VNG Ventures, tập đoàn còn ..."
      // is the group VNG, not its fund named last).
      std::vector<std::string> wanted;
      if (m.anaphor_kind == AnaphorKind::kOrgBare ||
          m.anaphor_kind == AnaphorKind::kOrgDemonstrative) {
        AddOrgClasses(*lex_, s.tokens, m.tb, m.te, &wanted);
      }
      // "company" only rules funds out (below); "investor" is no kind to look for.
      bool wants_company = std::find(wanted.begin(), wanted.end(), "company") != wanted.end();
      for (const char* drop : {"investor", "company"}) {
        wanted.erase(std::remove(wanted.begin(), wanted.end(), drop), wanted.end());
      }
      // "cựu giám đốc của Grab rời tập đoàn gọi xe này": after a verb or preposition that
      // takes an object, the company its own sentence named comes first (below).
      bool object_slot = m.anaphor_kind == AnaphorKind::kOrgDemonstrative && m.tb > 0 &&
                         lex_->object_marker.Contains(s.tokens[m.tb - 1]) &&
                         !lex_->genitive.Contains(s.tokens[m.tb - 1]);
      // "Công ty khởi nghiệp này" after a bank, "the startup" after an investor: an
      // entity named or described as a fund, bank or investor is not what a startup or
      // company anaphor stands for, nor is a startup what "quỹ này" stands for.
      auto clashes = [&](int entity) {
        if (entity < 0 || (wanted.empty() && !wants_company)) return false;
        const std::vector<std::string>& kinds = entity_classes[entity];
        if (SharesClass(wanted, kinds)) return false;
        static const std::vector<std::string> kMoney = {"fund", "bank", "investor"};
        static const std::vector<std::string> kStartup = {"startup"};
        return SharesClass(wanted, kMoney) ? SharesClass(kStartup, kinds)
                                           : SharesClass(kMoney, kinds);
      };
      // "Crescent Lane closed its fund ... . Temasek did not participate, a spokesman
      // said. The firm was co-founded by ...": a company the sentence before names for
      // the first time only to say it took no part is no centre the next sentence goes on
      // about.
      auto bystander = [&](int entity) {
        if (si == 0 || entity < 0) return false;
        const SentenceInfo& p = doc->sentences[si - 1];
        bool negated = false;
        for (size_t k = 0; k < p.tokens.size() && !negated; ++k) {
          int v = -1;
          negated = lex_->modality.Match(p.tokens, k, &v) > 0 &&
                    static_cast<Modality>(v) == Modality::kNegation;
        }
        return negated && first_named[entity] == si - 1;
      };
      // "Strava itself, the San Francisco-based company founded by ...": a description
      // set off by a comma right after a name is that name's appositive.
      if (m.anaphor_kind == AnaphorKind::kOrgBare ||
          m.anaphor_kind == AnaphorKind::kOrgDemonstrative) {
        const std::vector<Token>& mt = s.tokens;
        int k = m.tb;
        // "Hòa Phát, tập đoàn có trụ sở tại Hà Nội, ...": a bare organisation noun set off
        // by a comma right after a name describes that name, as "the company" does.
        bool bare_after_comma = m.anaphor_kind == AnaphorKind::kOrgBare && k >= 2 &&
                                IsPunct(mt[k - 1], ",");
        if (!bare_after_comma &&
            !(In(lex_->article, mt[k]) || In(lex_->demonstrative, mt[k]))) {
          --k;
          for (int steps = 0; k >= 0 && steps < 8; ++steps) {
            int pm = s.token_mention[k];
            if (pm >= 0 && doc->mentions[pm].type == EntityType::kPlace) {
              k = doc->mentions[pm].tb - 1;
            } else if (IsPunct(mt[k], "-") || In(lex_->based_compound, mt[k])) {
              --k;
            } else {
              break;
            }
          }
          if (k < 0 || !(In(lex_->article, mt[k]) || In(lex_->demonstrative, mt[k]))) k = -1;
        }
        // Not "the group's unit" (someone else's), nor after an opening phrase
        // ("Besides Vireo Ventures, the group ...", "Theo X, công ty ...").
        bool owner = m.te < static_cast<int>(mt.size()) && mt[m.te].lower == "'s";
        if (k >= 2 && IsPunct(mt[k - 1], ",") && !owner) {
          int q = k - 2;
          // "Strava itself, the SF-based company": an adverb before the comma.
          if (q >= 1 && In(lex_->filler, mt[q])) --q;
          int pm = s.token_mention[q];
          bool opening = false;
          if (pm >= 0) {
            const int name_b = doc->mentions[pm].tb;
            for (int b = name_b - 1; b >= 0 && !IsPunct(mt[b], ","); --b) {
              opening = opening || lex_->besides.MatchEndingAt(mt, b + 1) > 0 ||
                        lex_->source.MatchEndingAt(mt, b + 1) > 0 ||
                        // "Sau khi rời Grab, công ty ...", "After buying X, the company
                        // ...": a clause whose verb takes the name; not "khi X, quỹ ...",
                        // where the name is the clause's subject.
                        (b + 1 < name_b && (lex_->clause_break.MatchEndingAt(mt, b + 1) > 0 ||
                                            lex_->after.MatchEndingAt(mt, b + 1) > 0));
            }
          }
          if (pm >= 0 && pm != mi && !opening && doc->mentions[pm].te == q + 1 &&
              !doc->mentions[pm].anaphor &&
              doc->mentions[pm].entity >= 0 && !doc->mentions[pm].source) {
            EntityType t = entity_type(pm);
            if (t == EntityType::kOrganization || t == EntityType::kUnknown) {
              chosen = doc->mentions[pm].entity;
            }
          }
        }
      }
      if (chosen < 0 && !wanted.empty() && !object_slot) {
        bool possessive =
            m.genitive || (m.tb > 0 && lex_->genitive.Contains(s.tokens[m.tb - 1]));
        for (auto it = history.rbegin(); it != history.rend(); ++it) {
          if (si - it->sentence > 8) break;
          if (possessive && it->sentence == si) continue;
          const Mention& c = doc->mentions[it->mention];
          if (c.source || c.entity < 0) continue;
          EntityType t = entity_type(it->mention);
          if (t == EntityType::kPlace || t == EntityType::kPerson) continue;
          if (SharesClass(wanted, entity_classes[c.entity])) {
            chosen = c.entity;
            break;
          }
        }
      }
      if (chosen >= 0) {
        // Resolved by kind.
      } else if (m.anaphor_kind == AnaphorKind::kRound) {
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
            // "Trước khi gia nhập Bảo Tín, bà ...": a Vietnamese name that does not open
            // with a family name, or one after a word (the object of a verb or a
            // preposition), is not the person meant.
            const std::vector<Token>& ct = doc->sentences[it->sentence].tokens;
            if (!nt.empty() && nt[0].viet && !lex_->surname.Contains(nt[0])) {
              name_like = false;
            }
            if (c.tb > 0 && ct[c.tb - 1].word) name_like = false;
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
        // "mua cổ phần Hải Đăng Seafood từ ông Lộc, người sáng lập doanh nghiệp này": after
        // a founder noun, the company this sentence named last before the founder.
        if (chosen < 0 && lex_->founder_noun.MatchEndingAt(ms.tokens, m.tb) > 0) {
          for (auto it = history.rbegin(); it != history.rend() && it->sentence == si; ++it) {
            const Mention& c = doc->mentions[it->mention];
            EntityType t = entity_type(it->mention);
            if (c.entity >= 0 && !c.source && !c.genitive && !clashes(c.entity) &&
                (t == EntityType::kOrganization || t == EntityType::kUnknown)) {
              chosen = c.entity;
              break;
            }
          }
        }
        if (chosen < 0 && m.tb > 0 && lex_->object_marker.Contains(ms.tokens[m.tb - 1])) {
          for (auto it = history.rbegin(); it != history.rend() && it->sentence == si; ++it) {
            const Mention& c = doc->mentions[it->mention];
            EntityType t = entity_type(it->mention);
            // An untyped name counts when it was a possessor or a workplace ("của X").
            bool owner =
                c.genitive || (c.tb > 0 && lex_->locative.Contains(ms.tokens[c.tb - 1]));
            if (!c.source &&
                (t == EntityType::kOrganization || (t == EntityType::kUnknown && owner))) {
              chosen = c.entity;
              break;
            }
          }
        }
        // "The startup ..." right after a sentence about X: X, the previous
        // sentence's subject, if it is a company or an untyped name.
        // A dateline's agency ("(Bloomberg) -- X ...") and city ("HANOI (Reuters) - X")
        // are not the subject.
        int first = -1;
        // "\"Siam Brew mang đến chuỗi cung ứng, còn Hạt Nâu giữ chất Việt\", chị Ngọc chia
        // sẻ. Công ty ...": a quotation's first name is no subject the narrative goes on
        // about (the speaker may name a partner first).
        // The sentence before the quotation says instead.
        auto quoted = [&](int sentence) {
          for (const Token& t : doc->sentences[sentence].tokens) {
            if (!t.word && t.lower == "\"") return true;
          }
          return false;
        };
        int prev = si - 1;
        if (prev >= 1 && quoted(prev) && !quoted(prev - 1)) --prev;
        if (prev >= 0 && !quoted(prev)) {
          for (int pm : doc->sentences[prev].mentions) {
            const Mention& pc = doc->mentions[pm];
            bool dateline_city = pc.type == EntityType::kPlace && pc.tb == 0;
            // "Ayala-affiliated Kickstart Ventures", "Sequoia-backed Kredo": a name glued
            // by a hyphen to a lower-case word modifies the name after it, which is the
            // subject.
            const std::vector<Token>& pt = doc->sentences[prev].tokens;
            bool modifier = pc.te + 1 < static_cast<int>(pt.size()) && IsPunct(pt[pc.te], "-") &&
                            pt[pc.te].begin == pt[pc.te - 1].end && pt[pc.te + 1].word &&
                            !pt[pc.te + 1].cap && pt[pc.te + 1].begin == pt[pc.te].end;
            if (!pc.source && !dateline_city && !modifier) {
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
          const std::vector<Token>& pt0 = doc->sentences[prev].tokens;
          if (t == EntityType::kUnknown && c.entity >= 0 && pt0[c.tb].viet &&
              !lex_->surname.Contains(pt0[c.tb])) {
            untyped_word = true;
          }
          // "Theo thỏa thuận, Lion Peak nắm 40% cổ phần. Quỹ này ...": a fund, bank or
          // group is never a person, so any untyped name without a family name will do.
          if (t == EntityType::kUnknown && c.entity >= 0 && !wanted.empty() &&
              !SharesClass(wanted, {"startup"})) {
            bool surname = false;
            for (int k = c.tb; k < c.te; ++k) surname = surname || lex_->surname.Contains(pt0[k]);
            untyped_word = untyped_word || !surname;
          }
          // The subject opens the sentence, or follows a short opening phrase ("Năm
          // 2017, X ...", "In 2019, X ...", "Trong khi đó, X ...").
          const std::vector<Token>& pt = doc->sentences[prev].tokens;
          const std::string& before = c.tb >= 1 ? pt[c.tb - 1].lower : "";
          bool opens = c.tb <= 1 || (c.tb >= 2 && c.tb <= 7 &&
                                     (before == "," || before == "-" || before == "--" ||
                                      before == "\u2013" || before == "\u2014"));
          if (!c.anaphor && c.entity >= 0 && opens && !clashes(c.entity) &&
              !bystander(c.entity) && (t == EntityType::kOrganization || untyped_word)) {
            chosen = c.entity;
          }
          // "Đồng sáng lập công ty là Y. ... startup này ...": the company the previous
          // sentence's first anaphor stood for stays the centre.
          if (chosen < 0 && c.anaphor && c.entity >= 0 && c.type == EntityType::kOrganization &&
              !clashes(c.entity) && !product_entity[c.entity]) {
            chosen = c.entity;
          }
        }
        // Otherwise the last organisation the previous sentence names ("..., để
        // thành lập doanh nghiệp riêng, Rokid. Startup này ...").
        if (chosen < 0 && si > 0) {
          const std::vector<Token>& pt = doc->sentences[si - 1].tokens;
          for (int pm : doc->sentences[si - 1].mentions) {
            const Mention& c = doc->mentions[pm];
            // "Trước đó, bà Bích làm việc tại Carousell. Startup này ...", "Ms Tan worked at
            // Shopee. The startup ...": a workplace after a locative word is where someone
            // worked, not the company the next sentence goes on about.
            if (c.tb > 0 && In(lex_->locative, pt[c.tb - 1])) continue;
            if (c.entity >= 0 && bystander(c.entity)) continue;
            // "Ayala-affiliated Kickstart Ventures": a modifier of the name after it.
            if (c.te + 1 < static_cast<int>(pt.size()) && IsPunct(pt[c.te], "-") &&
                pt[c.te].begin == pt[c.te - 1].end && pt[c.te + 1].word && !pt[c.te + 1].cap &&
                pt[c.te + 1].begin == pt[c.te].end) {
              continue;
            }
            if (!c.anaphor && c.entity >= 0 && !c.source && !c.genitive && !clashes(c.entity) &&
                entity_type(pm) == EntityType::kOrganization) {
              chosen = c.entity;
            }
          }
        }
        // Otherwise the organisation the last few sentences talk about most: an
        // untyped name just before ("Lindqvist previously worked ...") is more often
        // a person than the company.
        // "Xe Lướt ... bà Trâm làm tại Carousell. Startup này ...": when no known
        // company will do, an untyped Vietnamese name that does not open with a family
        // name, and that the last sentences keep as their subject, is one (a name typed
        // only by what the article says later is no better a candidate).
        for (int pass = 0; pass < 2 && chosen < 0; ++pass) {
          int best_score = 0;
          for (auto it = history.rbegin(); it != history.rend(); ++it) {
            if (si - it->sentence > 6) break;
            const Mention& c = doc->mentions[it->mention];
            EntityType t = entity_type(it->mention);
            bool viet_company = false;
            if (pass == 1 && t == EntityType::kUnknown && c.entity >= 0 && !c.genitive) {
              const std::vector<Token>& ct = doc->sentences[c.sentence].tokens;
              bool viet = false;
              for (int k = c.tb; k < c.te; ++k) viet = viet || ct[k].viet;
              viet_company = c.te - c.tb >= 2 && viet && !lex_->surname.Contains(ct[c.tb]) &&
                             seen_count[c.entity] >= 3;
              for (int k = c.tb; k < c.te && viet_company; ++k) {
                viet_company = ct[k].word && ct[k].cap && !ct[k].has_digit;
              }
            }
            if ((t != EntityType::kOrganization && !viet_company) || c.source || c.genitive ||
                clashes(c.entity) || hyphen_modifier(it->mention)) {
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
            // An untyped workplace ("worked at Shopee") is not the company meant either.
            const std::vector<Token>& ct = doc->sentences[it->sentence].tokens;
            if (want == EntityType::kUnknown && c.tb > 0 && In(lex_->locative, ct[c.tb - 1])) {
              continue;
            }
            if (entity_type(it->mention) == want && !c.source && !clashes(c.entity) &&
                !hyphen_modifier(it->mention)) {
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
        // "X also invested in the company's Series A": a possessor too.
        bool possessive =
            m.genitive || (m.tb > 0 && lex_->genitive.Contains(ms.tokens[m.tb - 1])) ||
            (m.te < static_cast<int>(ms.tokens.size()) && ms.tokens[m.te].lower == "'s");
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
        // "Anh Wei từng làm kỹ sư tại ByteDance. Anh ấy rời công ty năm 2021": the company
        // a person leaves is the workplace ("tại X", "at X") the sentence before gave
        // that same person, not the company the article is about.
        int leave_tv = -1;
        if (chosen < 0 && si > 0 && m.tb > 0 &&
            lex_->triggers.MatchEndingAt(ms.tokens, m.tb, &leave_tv) > 0 && leave_tv >= 0 &&
            lex_->trigger_info[leave_tv].relation == RelationType::kAlumniOf) {
          int person = -1;
          for (int pm : ms.mentions) {
            if (pm == mi) break;
            if (entity_type(pm) == EntityType::kPerson) person = doc->mentions[pm].entity;
          }
          const SentenceInfo& ps = doc->sentences[si - 1];
          bool same_person = false;
          int workplace = -1;
          for (int pm : ps.mentions) {
            const Mention& c = doc->mentions[pm];
            if (person >= 0 && c.entity == person) same_person = true;
            EntityType t = entity_type(pm);
            if (same_person && c.entity >= 0 && !c.source && c.entity != person &&
                (t == EntityType::kOrganization || t == EntityType::kUnknown) && c.tb > 0 &&
                In(lex_->locative, ps.tokens[c.tb - 1])) {
              workplace = c.entity;
              break;
            }
          }
          if (workplace >= 0) chosen = workplace;
        }
        // "X, nhà sáng lập Tàu Nhanh, ... . Đồng sáng lập công ty là Y": after a founder
        // noun, the company whose founder the last sentences named.
        if (chosen < 0 && lex_->founder_noun.MatchEndingAt(ms.tokens, m.tb) > 0) {
          for (auto it = history.rbegin(); it != history.rend(); ++it) {
            if (si - it->sentence > 3) break;
            const Mention& c = doc->mentions[it->mention];
            const std::vector<Token>& ct = doc->sentences[c.sentence].tokens;
            EntityType t = entity_type(it->mention);
            if (c.source || (t != EntityType::kOrganization && t != EntityType::kUnknown)) continue;
            if (lex_->founder_noun.MatchEndingAt(ct, c.tb) > 0) {
              chosen = c.entity;
              break;
            }
          }
        }
        // "Trong khi đó, Xanh SM ... . Công ty được thành lập ...": a bare anaphor opening
        // its sentence continues the previous sentence's subject (its centre) when that
        // is a company, or an untyped name that is not a person's, rather than the
        // company the article talks about most.
        // "The Hanoi-headquartered company": a description opening with a place counts.
        bool only_places_before = true;
        for (int pm : ms.mentions) {
          if (pm == mi) break;
          only_places_before = only_places_before && doc->mentions[pm].type == EntityType::kPlace;
        }
        bool at_start =
            m.tb == 0 ||
            (m.tb <= 7 && only_places_before &&
             (IsPunct(ms.tokens[m.tb - 1], ",") || In(lex_->based_compound, ms.tokens[m.tb - 1])));
        // "Tiền Nhanh do ông Khải thành lập. Ông Khải là cựu ... . Doanh nghiệp đặt trụ sở
        // tại Hà Nội": when the sentence before is about a person (its subject), the
        // centre is still the subject of the sentence before that one.
        for (int back = 1; back <= 2 && chosen < 0 && m.anaphor_kind == AnaphorKind::kOrgBare &&
                           at_start && si - back >= 0;
             ++back) {
          const SentenceInfo& p = doc->sentences[si - back];
          // A quotation's first name is no subject the narrative goes on about (see
          // quoted_before): the sentence before it may say.
          bool quoted = false;
          for (const Token& t : p.tokens) quoted = quoted || (!t.word && t.lower == "\"");
          if (quoted) continue;
          int first = -1;
          for (size_t a = 0; a < p.mentions.size(); ++a) {
            const Mention& c = doc->mentions[p.mentions[a]];
            // A dateline's city and agency ("BEIJING (Reuters) - X ...") are not it.
            if (c.source || c.type == EntityType::kPlace || hyphen_modifier(p.mentions[a])) {
              continue;
            }
            first = p.mentions[a];
            // "Trước Dai-ichi, Bảo Tín Online ...": a name in an opening phrase is not
            // the subject; the name right after the comma is.
            if (c.tb >= 1 && p.tokens[c.tb - 1].word && c.te < static_cast<int>(p.tokens.size()) &&
                IsPunct(p.tokens[c.te], ",") && a + 1 < p.mentions.size() &&
                doc->mentions[p.mentions[a + 1]].tb <= c.te + 4 &&
                doc->mentions[p.mentions[a + 1]].type != EntityType::kPlace) {
              first = p.mentions[a + 1];
            }
            break;
          }
          if (first >= 0) {
            const Mention& c = doc->mentions[first];
            EntityType t = entity_type(first);
            const std::string& before = c.tb >= 1 ? p.tokens[c.tb - 1].lower : "";
            bool opens = c.tb <= 1 || (c.tb >= 2 && c.tb <= 7 &&
                                       (before == "," || before == "-" || before == "--" ||
                                        before == "\u2013" || before == "\u2014"));
            // An untyped word opening its sentence counts only when the article names
            // it again ("Every" opening a sentence is a word, not a company).
            bool untyped_company =
                t == EntityType::kUnknown && c.entity >= 0 &&
                ((c.te - c.tb == 1 && (std::any_of(p.tokens.begin(), p.tokens.begin() + c.tb,
                                                   [](const Token& w) { return w.word; }) ||
                                       doc->entities[c.entity].count >= 2)) ||
                 (p.tokens[c.tb].viet && !lex_->surname.Contains(p.tokens[c.tb])));
            // "Lumo Health was founded by Dara Singh. Singh previously worked at ...": one
            // word that ends a longer untyped name the article gave before is a person's
            // family name, not a company.
            if (untyped_company && c.te - c.tb == 1) {
              const std::string& full = doc->entities[c.entity].name;
              const std::string& word = p.tokens[c.tb].lower;
              std::vector<Token> nt = Tokenize(full);
              if (nt.size() >= 2 && nt.back().lower == word) untyped_company = false;
            }
            if (!c.anaphor && c.entity >= 0 && opens && !clashes(c.entity) &&
                !(back == 1 && bystander(c.entity)) &&
                (t == EntityType::kOrganization || untyped_company)) {
              chosen = c.entity;
            }
          }
          // Go one sentence further back only past a sentence whose subject is a person.
          if (first < 0 || entity_type(first) != EntityType::kPerson ||
              doc->mentions[first].tb > 1) {
            break;
          }
        }
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
              // "Southern Cross said it had acquired ...": "it" never stands for a
              // person, so an untyped name of several words opening the same sentence
              // is its antecedent unless a family name makes it a person's.
              if (t == EntityType::kUnknown && sentence == si && !word) {
                bool surname = false;
                for (const Token& nt : Tokenize(doc->entities[c.entity].name)) {
                  surname = surname || lex_->surname.Contains(nt);
                }
                word = !surname;
              }
              return t == EntityType::kOrganization || word ? c.entity : -1;
            }
            return -1;
          };
          int subj = subject_of(si);
          if (subj < 0 && si > 0) subj = subject_of(si - 1);
          if (subj >= 0) chosen = subj;
        }
        bool salience_pick = false;
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
            if ((t != EntityType::kOrganization && t != EntityType::kUnknown) || c.source ||
                clashes(c.entity) || hyphen_modifier(it->mention)) {
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
          salience_pick = true;
        }
        if (salience_pick && m.anaphor_kind == AnaphorKind::kOrgBare && at_start && chosen >= 0 &&
            doc->entities[chosen].type == EntityType::kUnknown) {
          // "... làm giám đốc vận hành cho Cơm Nhà. Công ty có trụ sở tại Hà Nội": at the
          // start of a sentence, a known company of the last three sentences (the most
          // talked-about one) before an untyped name talked about longer ago.
          int best_score = 0;
          for (auto it = history.rbegin(); it != history.rend(); ++it) {
            if (si - it->sentence > 3) break;
            const Mention& c = doc->mentions[it->mention];
            if (c.source || c.genitive || entity_type(it->mention) != EntityType::kOrganization) {
              continue;
            }
            // A fund or an investor is not what "công ty" / "the company" stands for here.
            const std::vector<std::string>& kinds = entity_classes[c.entity];
            if (std::find(kinds.begin(), kinds.end(), "fund") != kinds.end() ||
                std::find(kinds.begin(), kinds.end(), "investor") != kinds.end()) {
              continue;
            }
            if (seen_count[c.entity] > best_score) {
              chosen = c.entity;
              best_score = seen_count[c.entity];
            }
          }
        }
      }
      // "The company" is not a fund when a company was named in the last few sentences:
      // the most talked-about of those instead.
      auto is_fund = [&](int entity) {
        const std::vector<std::string>& kinds = entity_classes[entity];
        return std::find(kinds.begin(), kinds.end(), "fund") != kinds.end() &&
               std::find(kinds.begin(), kinds.end(), "company") == kinds.end();
      };
      // ("KB Investment, công ty có trụ sở ở Seoul": the fund its own sentence names
      // stays.)
      bool named_here = false;
      for (auto it = history.rbegin(); it != history.rend() && it->sentence == si; ++it) {
        named_here = named_here || doc->mentions[it->mention].entity == chosen;
      }
      if (chosen >= 0 && wants_company && is_fund(chosen) && !named_here) {
        int best = -1, best_score = 0;
        for (auto it = history.rbegin(); it != history.rend(); ++it) {
          if (si - it->sentence > 8) break;
          const Mention& c = doc->mentions[it->mention];
          EntityType t = entity_type(it->mention);
          if (c.entity < 0 || c.source || c.genitive || is_fund(c.entity) ||
              (t != EntityType::kOrganization && t != EntityType::kUnknown)) {
            continue;
          }
          // Untyped names of two words or more are as often people.
          if (t == EntityType::kUnknown &&
              doc->entities[c.entity].name.find(' ') != std::string::npos) {
            continue;
          }
          int score = 2 * seen_count[c.entity] + (t == EntityType::kOrganization ? 1 : 0);
          if (score > best_score) {
            best = c.entity;
            best_score = score;
          }
        }
        if (best >= 0) chosen = best;
      }
      // "công ty", "the company", "startup này" never mean a school: a university
      // named just before ("tốt nghiệp tại Đại học Cần Thơ. Trước khi đồng sáng lập
      // công ty, ...") gives way to the organisation the article talks about most.
      // Nor do they mean a product ("Sen-7B, mô hình ...").
      auto institution = [&](int entity) {
        if (product_entity[entity]) return true;
        std::vector<Token> name = Tokenize(doc->entities[entity].name);
        // A lower-case institution word is the business line of a company ("Chuỗi nhà
        // thuốc Minh Tâm", a pharmacy chain), not an institution's name.
        for (size_t k = 0; k < name.size(); ++k) {
          if ((k == 0 || name[k].cap) && lex_->institution.Match(name, k) > 0) return true;
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
      // A company the article keeps pointing back to ("the firm said") stays its centre:
      // each resolved organisation anaphor counts as a mention of it.
      if (chosen >= 0 && m.anaphor_kind != AnaphorKind::kPerson &&
          m.anaphor_kind != AnaphorKind::kRound) {
        seen_count[chosen]++;
      }
      // "Mèo Mập ... Công ty này ...": a name the article calls "công ty", "the firm" or
      // "chuỗi này" is an organisation, however its words look.
      // Not a name that may be a person's: only one word, or a Vietnamese name that
      // does not open with a family name.
      if (chosen >= 0 && doc->entities[chosen].type == EntityType::kUnknown &&
          (m.anaphor_kind == AnaphorKind::kOrgBare ||
           m.anaphor_kind == AnaphorKind::kOrgDemonstrative)) {
        std::vector<Token> nt = Tokenize(doc->entities[chosen].name);
        bool viet = std::any_of(nt.begin(), nt.end(), [](const Token& t) { return t.viet; });
        bool company_like =
            nt.size() == 1 || (!nt.empty() && viet && !lex_->surname.Contains(nt[0]));
        if (company_like) doc->entities[chosen].type = EntityType::kOrganization;
      }
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


}  // namespace kg::extract::internal
