#include "extract/internal/lexicon.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "extract/internal/embedded_lexicons.h"

namespace kg::extract::internal {

void PhraseTable::Add(absl::string_view phrase, int value) {
  std::vector<Token> toks = Tokenize(phrase);
  if (toks.empty()) return;
  Entry entry;
  for (const Token& t : toks) {
    entry.tokens.push_back(t.lower);
    entry.hashes.push_back(t.lower_hash);
  }
  std::string joined = absl::StrJoin(entry.tokens, " ");
  phrases_filter_.Add(WordHash(joined));
  phrases_.insert(std::move(joined));
  first_words_.Add(entry.hashes.front());
  last_words_.Add(entry.hashes.back());
  entry.value = value;
  auto sorter = [](const Entry& a, const Entry& b) { return a.tokens.size() > b.tokens.size(); };
  auto& f = by_first_[entry.tokens.front()];
  f.push_back(entry);
  std::stable_sort(f.begin(), f.end(), sorter);
  auto& l = by_last_[entry.tokens.back()];
  l.push_back(std::move(entry));
  std::stable_sort(l.begin(), l.end(), sorter);
}

namespace {

bool SameWord(const Token& t, const std::string& word, uint64_t hash) {
  return t.lower_hash == hash && t.lower == word;
}

}  // namespace

int PhraseTable::MatchAt(const std::vector<Token>& tokens, size_t i, int* value) const {
  const Token& first = tokens[i];
  auto it = by_first_.find(HashedWord{first.lower, first.lower_hash});
  if (it == by_first_.end()) return 0;
  for (const Entry& e : it->second) {
    if (i + e.tokens.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < e.tokens.size() && ok; ++k) {
      ok = SameWord(tokens[i + k], e.tokens[k], e.hashes[k]);
    }
    if (ok) {
      if (value != nullptr) *value = e.value;
      return static_cast<int>(e.tokens.size());
    }
  }
  return 0;
}

int PhraseTable::MatchEndingAtFrom(const std::vector<Token>& tokens, size_t end,
                                   int* value) const {
  const Token& last = tokens[end - 1];
  auto it = by_last_.find(HashedWord{last.lower, last.lower_hash});
  if (it == by_last_.end()) return 0;
  for (const Entry& e : it->second) {
    if (e.tokens.size() > end) continue;
    size_t start = end - e.tokens.size();
    bool ok = true;
    for (size_t k = 0; k + 1 < e.tokens.size() && ok; ++k) {
      ok = SameWord(tokens[start + k], e.tokens[k], e.hashes[k]);
    }
    if (ok) {
      if (value != nullptr) *value = e.value;
      return static_cast<int>(e.tokens.size());
    }
  }
  return 0;
}

bool PhraseTable::Contains(absl::string_view lower_phrase) const {
  uint64_t hash = WordHash(lower_phrase);
  return phrases_filter_.MayHold(hash) && phrases_.contains(HashedWord{lower_phrase, hash});
}

bool PhraseTable::ContainsWord(const Token& token) const {
  return phrases_.contains(HashedWord{token.lower, token.lower_hash});
}


namespace {

absl::Status Malformed(absl::string_view file, int line, absl::string_view why) {
  return absl::InternalError(
      absl::StrFormat("lexicon %s.tsv line %d is malformed: %s", file, line, why));
}

}  // namespace

absl::StatusOr<std::unique_ptr<Lexicons>> Lexicons::Load() {
  auto lex = std::make_unique<Lexicons>();
  size_t count = 0;
  const EmbeddedLexicon* files = EmbeddedLexicons(&count);
  absl::flat_hash_map<std::string, PhraseTable*> cue_tables = {
      {"org_prefix", &lex->org_prefix},
      {"legal_prefix", &lex->legal_prefix},
      {"org_suffix", &lex->org_suffix},
      {"org_head", &lex->org_head},
      {"corp_suffix", &lex->corp_suffix},
      {"institution", &lex->institution},
      {"person_prefix", &lex->person_prefix},
      {"title", &lex->title},
      {"surname", &lex->surname},
      {"non_entity", &lex->non_entity},
      {"common", &lex->common},
      {"honorific_male", &lex->honorific_male},
      {"honorific_female", &lex->honorific_female},
      {"registered_abbrev", &lex->registered_abbrev}};
  absl::flat_hash_map<std::string, PhraseTable*> word_tables = {
      {"filler", &lex->filler},
      {"bridge", &lex->bridge},
      {"round", &lex->round},
      {"introducer", &lex->introducer},
      {"coord", &lex->coord},
      {"blocker", &lex->blocker},
      {"stop", &lex->stop},
      {"depart", &lex->depart},
      {"source", &lex->source},
      {"genitive", &lex->genitive},
      {"copula", &lex->copula},
      {"finance", &lex->finance},
      {"participation", &lex->participation},
      {"time_unit", &lex->time_unit},
      {"own_verb", &lex->own_verb},
      {"stake_glue", &lex->stake_glue},
      {"share_word", &lex->share_word},
      {"article", &lex->article},
      {"generic_det", &lex->generic_det},
      {"clause_opener", &lex->clause_opener},
      {"founder_noun", &lex->founder_noun},
      {"object_marker", &lex->object_marker},
      {"epithet", &lex->epithet},
      {"relative", &lex->relative},
      {"locative", &lex->locative},
      {"have_verb", &lex->have_verb},
      {"and", &lex->and_word},
      {"after", &lex->after},
      {"former_bridge", &lex->former_bridge},
      {"agent_by", &lex->agent_by},
      {"source_from", &lex->source_from},
      {"within", &lex->within},
      {"receive_verb", &lex->receive_verb},
      {"year_marker", &lex->year_marker},
      {"clause_break", &lex->clause_break},
      {"bare_join", &lex->bare_join},
      {"join_after", &lex->join_after},
      {"arm_noun", &lex->arm_noun},
      {"number_word", &lex->number_word},
      {"cofound_with", &lex->cofound_with},
      {"district_cue", &lex->district_cue},
      {"staff_noun", &lex->staff_noun},
      {"lead_investor", &lex->lead_investor},
      {"holder_noun", &lex->holder_noun},
      {"product_head", &lex->product_head},
      {"venture_between", &lex->venture_between},
      {"as_word", &lex->as_word},
      {"own_pronoun", &lex->own_pronoun},
      {"join_tail", &lex->join_tail},
      {"portfolio_noun", &lex->portfolio_noun},
      {"pair_subject", &lex->pair_subject},
      {"purpose", &lex->purpose},
      {"time_prep", &lex->time_prep},
      {"month", &lex->month},
      {"degree_lead", &lex->degree_lead},
      {"besides", &lex->besides},
      {"sell_verb", &lex->sell_verb},
      {"stake_size", &lex->stake_size},
      {"stake_noun", &lex->stake_noun},
      {"percent_word", &lex->percent_word},
      {"via_vehicle", &lex->via_vehicle},
      {"before_found", &lex->before_found},
      {"kin_noun", &lex->kin_noun},
      {"family_word", &lex->family_word},
      {"family_after", &lex->family_after},
      {"job_span", &lex->job_span},
      {"job_verb", &lex->job_verb},
      {"current_marker", &lex->current_marker},
      {"unit_noun", &lex->unit_noun},
      {"among_investors", &lex->among_investors},
      {"join_with", &lex->join_with},
      {"scale", &lex->scale},
      {"currency", &lex->currency},
      {"round_name", &lex->round_name},
      {"seed_round", &lex->seed_round},
      {"into", &lex->into},
      {"passive", &lex->passive},
      {"agent_noun", &lex->agent_noun},
      {"based_compound", &lex->based_compound},
      {"backed_compound", &lex->backed_compound},
      {"demonstrative", &lex->demonstrative},
      {"tld", &lex->tld},
      {"name_end", &lex->name_end},
      {"clause_relative", &lex->clause_relative},
      {"name_of", &lex->name_of},
      {"name_joiner", &lex->name_joiner},
      {"middle_name", &lex->middle_name},
      {"denial", &lex->denial},
      {"join_verb", &lex->join_verb},
      {"city_cue", &lex->city_cue},
      {"report_hedge", &lex->report_hedge},
      {"role_plural", &lex->role_plural},
      {"quantifier", &lex->quantifier},
      {"table_hq", &lex->table_hq},
      {"table_investor", &lex->table_investor},
      {"table_founder", &lex->table_founder},
      {"table_empty", &lex->table_empty},
      {"table_not_hq", &lex->table_not_hq},
      {"table_product", &lex->table_product},
      {"table_joiner", &lex->table_joiner},
      {"investor_group", &lex->investor_group}};
  bool seen_places = false, seen_triggers = false;
  for (size_t f = 0; f < count; ++f) {
    absl::string_view name = files[f].name;
    std::vector<TsvLine> lines = ParseTsvLines(absl::string_view(files[f].data, files[f].size));
    if (name == "places") {
      seen_places = true;
      for (const TsvLine& l : lines) {
        if (l.fields.size() < 3) return Malformed(name, l.number, "want surface, key, kind");
        const std::string& kind = l.fields[2];
        if (kind != "city" && kind != "region" && kind != "country" && kind != "home_country") {
          return Malformed(name, l.number, "unknown kind " + kind);
        }
        Place p{l.fields[0], l.fields[1], kind == "city" || kind == "region", kind == "region",
                kind == "home_country"};
        lex->places.Add(p.surface, static_cast<int>(lex->place_info.size()));
        lex->place_names_by_key[p.key].push_back(p.surface);
        lex->place_info.push_back(std::move(p));
      }
    } else if (name == "cues" || name == "words") {
      auto& tables = name == "cues" ? cue_tables : word_tables;
      for (const TsvLine& l : lines) {
        if (l.fields.size() < 2) return Malformed(name, l.number, "want phrase, kind");
        // "description_head_bare" / "description_head": one table, valued by AnaphorKind.
        if (name == "words" && l.fields[1] == "hq_heading") {
          lex->hq_heading.push_back(Fold(l.fields[0]));
          continue;
        }
        // "quỹ<TAB>org_class<TAB>fund": the kinds of organisation a cue, a name's last
        // word or a typed anaphor stands for, so "the fund" takes a fund.
        if (name == "cues" && l.fields[1] == "org_class") {
          if (l.fields.size() < 3) {
            return Malformed(name, l.number, "want phrase, org_class, kinds");
          }
          std::vector<std::string> kinds = absl::StrSplit(l.fields[2], ' ', absl::SkipEmpty());
          auto& slot = lex->org_class[Fold(l.fields[0])];
          slot.insert(slot.end(), kinds.begin(), kinds.end());
          continue;
        }
        if (name == "words" && absl::StartsWith(l.fields[1], "description_head")) {
          AnaphorKind kind = l.fields[1] == "description_head_bare"
                                 ? AnaphorKind::kOrgBare
                                 : AnaphorKind::kOrgDemonstrative;
          lex->description_head.Add(l.fields[0], static_cast<int>(kind));
          continue;
        }
        auto it = tables.find(l.fields[1]);
        if (it == tables.end()) return Malformed(name, l.number, "unknown kind " + l.fields[1]);
        it->second->Add(l.fields[0], 0);
      }
    } else if (name == "anaphora") {
      for (const TsvLine& l : lines) {
        if (l.fields.size() < 3) return Malformed(name, l.number, "want phrase, kind, form");
        AnaphorKind kind =
            l.fields[1] == "person" ? AnaphorKind::kPerson
            : l.fields[1] == "round"
                ? (l.fields[2] == "initial" ? AnaphorKind::kRoundInitial : AnaphorKind::kRound)
            : l.fields[2] == "pronoun"       ? AnaphorKind::kOrgPronoun
            : l.fields[2] == "demonstrative" ? AnaphorKind::kOrgDemonstrative
                                             : AnaphorKind::kOrgBare;
        lex->anaphora.Add(l.fields[0], static_cast<int>(kind));
      }
    } else if (name == "modality") {
      for (const TsvLine& l : lines) {
        if (l.fields.size() < 2) return Malformed(name, l.number, "want phrase, kind");
        Modality m = l.fields[1] == "negation" ? Modality::kNegation
                     : l.fields[1] == "hedge"  ? Modality::kHedge
                                               : Modality::kNotNegation;
        lex->modality.Add(l.fields[0], static_cast<int>(m));
      }
    } else if (name == "abbreviations") {
      for (const TsvLine& l : lines) {
        if (l.fields.size() >= 2 && l.fields[1] == "letter_label") {
          lex->letter_labels.insert(absl::AsciiStrToLower(l.fields[0]));
        } else {
          lex->abbreviations.insert(l.fields[0]);
        }
      }
    } else if (name == "triggers") {
      seen_triggers = true;
      for (const TsvLine& l : lines) {
        if (l.fields.size() < 4)
          return Malformed(name, l.number, "want phrase, relation, left, flags");
        Trigger t;
        t.phrase = l.fields[0];
        if (l.fields[1] != "-") {
          std::optional<graph::RelationType> rel = graph::ParseRelationName(l.fields[1]);
          if (!rel) return Malformed(name, l.number, "unknown relation " + l.fields[1]);
          t.relation = *rel;
        }
        t.left_is_subject = l.fields[2] != "object";
        static const std::pair<const char*, uint32_t> kFlags[] = {{"weak", kWeak},
                                                                  {"bridge", kBridge},
                                                                  {"round", kRound},
                                                                  {"noun", kNoun},
                                                                  {"former", kFormer},
                                                                  {"depart", kDepart},
                                                                  {"tight", kTight},
                                                                  {"circum", kCircum},
                                                                  {"invest_noun", kInvestNoun},
                                                                  {"reverse_hq", kReverseHq},
                                                                  {"hq_noun", kHqNoun},
                                                                  {"by", kBy},
                                                                  {"from", kFrom},
                                                                  {"needs_bridge", kNeedsBridge}};
        bool circum_verb = false;
        for (absl::string_view flag : absl::StrSplit(l.fields[3], ',')) {
          if (flag == "-") continue;
          if (flag == "circum_verb") {
            circum_verb = true;
            continue;
          }
          bool known = false;
          for (const auto& [fname, bit] : kFlags) {
            if (flag == fname) {
              t.flags |= bit;
              known = true;
            }
          }
          if (!known) return Malformed(name, l.number, "unknown flag " + std::string(flag));
        }
        if (circum_verb) {
          lex->circum_verbs.Add(t.phrase, static_cast<int>(t.relation));
        } else {
          lex->triggers.Add(t.phrase, static_cast<int>(lex->trigger_info.size()));
          lex->trigger_info.push_back(std::move(t));
        }
      }
    }
  }
  if (!seen_places || !seen_triggers) {
    return absl::InternalError("lexicons places.tsv and triggers.tsv are not embedded");
  }
  return lex;
}

}  // namespace kg::extract::internal
