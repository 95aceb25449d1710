// extract/internal/lexicon.h: the cue words, places, triggers and function words the
// rules use, parsed from the data files embedded at build time. Private to extract/.
#ifndef KG_EXTRACT_INTERNAL_LEXICON_H_
#define KG_EXTRACT_INTERNAL_LEXICON_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "extract/internal/text.h"
#include "graph/model.h"

namespace kg::extract::internal {

// A set of phrases, each a sequence of lower-case tokens, matched against tokens.
class PhraseTable {
 public:
  void Add(absl::string_view phrase, int value);
  // Length in tokens of the longest phrase that starts at tokens[i] (0 if none);
  // its value goes to *value when value is not null.
  // The bit test that rejects most probes is inline; the rest is out of line.
  int Match(const std::vector<Token>& tokens, size_t i, int* value = nullptr) const {
    if (i >= tokens.size() || !first_words_.MayHold(tokens[i].lower_hash)) return 0;
    return MatchAt(tokens, i, value);
  }
  // Like Match, but ending at tokens[end - 1].
  int MatchEndingAt(const std::vector<Token>& tokens, size_t end, int* value = nullptr) const {
    if (end == 0 || end > tokens.size() || !last_words_.MayHold(tokens[end - 1].lower_hash)) {
      return 0;
    }
    return MatchEndingAtFrom(tokens, end, value);
  }
  bool Contains(absl::string_view lower_phrase) const;
  // Whether the token alone is one of the phrases.
  bool Contains(const Token& token) const {
    return phrases_filter_.MayHold(token.lower_hash) && ContainsWord(token);
  }

 private:
  int MatchAt(const std::vector<Token>& tokens, size_t i, int* value) const;
  int MatchEndingAtFrom(const std::vector<Token>& tokens, size_t end, int* value) const;
  bool ContainsWord(const Token& token) const;

  // A word and its WordHash, so a token is looked up without hashing it again.
  struct HashedWord {
    absl::string_view word;
    uint64_t hash;
  };
  struct WordKeyHash {
    using is_transparent = void;
    size_t operator()(absl::string_view w) const { return WordHash(w); }
    size_t operator()(const HashedWord& w) const { return w.hash; }
  };
  struct WordKeyEq {
    using is_transparent = void;
    static absl::string_view View(absl::string_view w) { return w; }
    static absl::string_view View(const HashedWord& w) { return w.word; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return View(a) == View(b);
    }
  };
  struct Entry {
    std::vector<std::string> tokens;
    std::vector<uint64_t> hashes;  // WordHash of each token.
    int value;
  };
  // The rules probe every table at almost every token and nearly all probes miss,
  // so a word's hash is first tested against a bitmap of the table's word hashes:
  // one bit test, and a probe of the map only when it passes.
  class WordFilter {
   public:
    void Add(uint64_t hash) { bits_[Row(hash)] |= Bit(hash); }
    bool MayHold(uint64_t hash) const { return (bits_[Row(hash)] & Bit(hash)) != 0; }

   private:
    static constexpr size_t kRows = 64;  // 4,096 bits: few false hits on tables of hundreds.
    static size_t Row(uint64_t h) { return (h >> 6) & (kRows - 1); }
    static uint64_t Bit(uint64_t h) { return uint64_t{1} << (h & 63); }
    std::array<uint64_t, kRows> bits_{};
  };
  template <typename V>
  using WordMap = absl::flat_hash_map<std::string, V, WordKeyHash, WordKeyEq>;
  WordFilter first_words_, last_words_, phrases_filter_;
  WordMap<std::vector<Entry>> by_first_;
  WordMap<std::vector<Entry>> by_last_;
  absl::flat_hash_set<std::string, WordKeyHash, WordKeyEq> phrases_;
};

enum TriggerFlag : uint32_t {
  kWeak = 1 << 0,
  kBridge = 1 << 1,
  kRound = 1 << 2,
  kNoun = 1 << 3,
  kFormer = 1 << 4,
  kDepart = 1 << 5,
  kTight = 1 << 6,
  kCircum = 1 << 7,
  kInvestNoun = 1 << 8,
  kReverseHq = 1 << 9,
  kHqNoun = 1 << 10,
  kBy = 1 << 11,
  kFrom = 1 << 12,
  kNeedsBridge = 1 << 13,
};

struct Trigger {
  std::string phrase;
  graph::RelationType relation = graph::RelationType::kFoundedBy;
  bool left_is_subject = true;
  uint32_t flags = 0;
};

struct Place {
  std::string surface;
  std::string key;      // Same for every name of one place.
  bool city = false;    // City or region: what HQ-in points to (not a country).
  bool region = false;  // A region ("California"), which may follow a city as its place.
  bool home = false;    // The home country (kind home_country): part of names, see places.tsv.
};

// kRound: "vòng này", "the round": the company whose funding round the article just
// described. kRoundInitial: the same, but only when it opens the sentence
// ("Vòng gọi vốn còn có sự tham gia của ...").
enum class AnaphorKind : int {
  kOrgDemonstrative = 0,
  kOrgBare = 1,
  kPerson = 2,
  kRound = 3,
  kRoundInitial = 4,
  // "it": a company only as the subject of a relation verb right after it ("it
  // acquired X"); resolved like kOrgBare.
  kOrgPronoun = 5
};
enum class Modality : int { kNegation = 0, kHedge = 1, kNotNegation = 2 };

// All lexicons. Immutable after Load, so it may be shared across threads.
struct Lexicons {
  PhraseTable places;  // value: index into place_info
  std::vector<Place> place_info;
  absl::flat_hash_map<std::string, std::vector<std::string>> place_names_by_key;

  PhraseTable org_prefix, legal_prefix, org_head, org_suffix, corp_suffix, institution,
      person_prefix, title, surname, non_entity, common;
  PhraseTable honorific_male, honorific_female, registered_abbrev;
  PhraseTable anaphora;  // value: AnaphorKind
  PhraseTable modality;  // value: Modality
  PhraseTable triggers;  // value: index into trigger_info
  std::vector<Trigger> trigger_info;
  PhraseTable circum_verbs;  // value: RelationType
  PhraseTable filler, bridge, round, introducer, coord, blocker, stop, depart, source, genitive,
      copula, finance, participation;
  // Word classes of single rules; words.tsv says what each is for.
  PhraseTable time_unit, own_verb, stake_glue, share_word, article, generic_det, clause_opener,
      founder_noun, object_marker, epithet, relative, locative, have_verb, and_word, after,
      former_bridge, agent_by, source_from, within, receive_verb, year_marker, scale, currency,
      round_name, seed_round, into, passive, agent_noun, based_compound, backed_compound,
      demonstrative, name_end, clause_relative, name_of, name_joiner, middle_name, denial,
      join_verb, city_cue, report_hedge, role_plural, quantifier, clause_break, bare_join,
      join_after, arm_noun, number_word, cofound_with, district_cue, staff_noun, lead_investor,
      holder_noun, product_head, venture_between, as_word, own_pronoun, join_tail, portfolio_noun,
      pair_subject, purpose, time_prep, month, degree_lead, besides, sell_verb, stake_size,
      stake_noun, unit_noun, among_investors, join_with, before_found, kin_noun, family_word,
      family_after, job_span, job_verb, current_marker;
  // A percentage spelled out ("per cent", "phần trăm"), and a vehicle that makes the
  // sentence subject the owner ("through its subsidiary Y").
  PhraseTable percent_word, via_vehicle;
  // Tables read by their header row (tables.cc): header words that give a column a
  // role, cells that say nothing, headings that make a city column a list of offices,
  // subject headers naming products, and words that split a cell into a list.
  PhraseTable table_hq, table_investor, table_founder, table_empty, table_not_hq, table_product,
      table_joiner;
  // A group of investors named as a list member before its members ("a handful of
  // angel investors, including X").
  PhraseTable investor_group;
  // Heads of a description that points back ("the Beijing-based company"); value:
  // AnaphorKind.
  PhraseTable description_head;
  // Folded cue or name word ("quỹ", "Ventures", "the group") -> the kinds of
  // organisation it says ("fund", "group"), from cues.tsv kind org_class. A typed
  // anaphor ("tập đoàn", "the fund") takes an entity of one of its kinds.
  absl::flat_hash_map<std::string, std::vector<std::string>> org_class;
  PhraseTable tld;  // Last part of a domain-like company name ("JD.com").
  // Folded words of a table heading over a column of headquarters ("Trụ sở").
  std::vector<std::string> hq_heading;
  absl::flat_hash_set<std::string> abbreviations;
  // Lower-cased words after which a capital letter and a dot is a label that may end
  // a sentence ("Series A."), not a person's initial.
  absl::flat_hash_set<std::string> letter_labels;

  // Parses the embedded lexicon files. Returns INTERNAL naming the file and line of
  // a malformed entry: a build defect, not a user error.
  static absl::StatusOr<std::unique_ptr<Lexicons>> Load();
};

}  // namespace kg::extract::internal

#endif  // KG_EXTRACT_INTERNAL_LEXICON_H_
