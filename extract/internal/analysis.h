// extract/internal/analysis.h: one article's sentences, mentions, entities and
// coreference, and the relation rules that run over them. Private to extract/.
// analysis.cc drives the pipeline; mentions.cc finds names, coreference.cc joins them
// into entities and resolves anaphors, rules.cc states the relations.
#ifndef KG_EXTRACT_INTERNAL_ANALYSIS_H_
#define KG_EXTRACT_INTERNAL_ANALYSIS_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "extract/internal/lexicon.h"
#include "extract/internal/text.h"
#include "graph/model.h"

namespace kg::extract::internal {

struct Mention {
  int sentence = 0;
  int tb = 0, te = 0;           // Token range [tb, te) in its sentence.
  uint32_t begin = 0, end = 0;  // Byte span in the normalised text.
  std::string text;             // As written (normalised).
  graph::EntityType type = graph::EntityType::kUnknown;
  int strength = 0;  // How sure the type is: 0 no cue, 1 a weak cue, 2 a strong cue.
  bool anaphor = false;
  AnaphorKind anaphor_kind = AnaphorKind::kOrgBare;
  bool city = false;      // A place an organisation can be based in (not a country).
  bool region = false;    // A region ("California"): a city's place after a comma.
  std::string place_key;  // For places: the key shared by all names of the place.
  int alias_of = -1;      // Mention this one is a parenthesised alias of.
  bool genitive = false;  // Possessor: "của X", "of X".
  bool source = false;    // Named as a source: "Theo X, ...".
  // Names the publisher on a byline line ("CafeF | 14:20 07/10/2026"); every mention of
  // its entity is then a source, never an actor or an antecedent.
  bool outlet = false;
  bool product = false;   // Described as a product ("X, mô hình ..."): never an actor.
  int entity = -1;        // Index into Document::entities, -1 if unresolved.
  // Short forms the article may use alone for a registered name: the brand after
  // the business line ("Hồng Hà" in "Công ty TNHH Giải pháp Phần mềm Hồng Hà") and its
  // shorter tails of two words or more. Used to join mentions, not as aliases.
  std::vector<std::string> short_forms;
  // Names to keep as the entity's aliases: the full registered form with its
  // designator ("Công ty Cổ phần Công nghệ Sao Mai", "Tập đoàn Viettel") and the brand
  // ("Sao Mai"), so articles using either form find the same entity.
  std::vector<std::string> registered_forms;
};

// What a table column says about the row's company (tables.cc).
enum class TableRole : int { kNone = 0, kSubject, kHq, kInvestor, kFounder };

// One cell of a row in a table read by its header row: tokens [b, e) of the row, the
// column's role, and the mentions made for the cell (a list cell gives several).
struct TableCell {
  int b = 0, e = 0;
  TableRole role = TableRole::kNone;
  // Under a headquarters header, a capitalised cell the place lexicon lacks while the
  // column's other cells are known cities: taken as a city.
  bool unlisted_city = false;
  std::vector<int> mentions;
};

struct SentenceInfo {
  Sentence span;
  std::vector<Token> tokens;
  std::vector<int> token_mention;  // Mention index covering each token, or -1.
  std::vector<int> mentions;       // Mention indices in text order.
  bool headline = false;           // An all-capitals heading.
  bool table_row = false;          // A row under a table heading about headquarters.
  // In a table whose cells are split by '|': the tokens [b, e) of the row's
  // headquarters cell, which need not be the last; -1 otherwise.
  int table_place_b = -1, table_place_e = -1;
  // A row of a table whose header row names column roles (tables.cc); empty otherwise.
  std::vector<TableCell> table_cells;
};

struct EntityInfo {
  std::string name;  // The fullest name the article uses.
  graph::EntityType type = graph::EntityType::kUnknown;
  std::vector<std::string> aliases;  // Other names, `name` excluded.
  std::string place_key;
  bool city = false;
  int count = 0;  // Named mentions in the article.
};

struct Document {
  NormalizedText norm;
  std::vector<SentenceInfo> sentences;
  std::vector<Mention> mentions;
  std::vector<EntityInfo> entities;
  // Lower-case tokens of names that contain lower-case syllables, learned where a
  // legal designator introduced them, so later bare mentions are found whole.
  std::vector<std::vector<std::string>> known_names;
};

struct Fact {
  graph::RelationType relation = graph::RelationType::kFoundedBy;
  int subject = -1;  // Mention indices.
  int object = -1;
  int sentence = -1;
  std::string rule;
  float confidence = 0.0f;
  bool confirmed = true;
  std::map<std::string, std::string> qualifiers;
  // An argument named in an earlier sentence ("Cả hai cùng tốt nghiệp X", "Y also took
  // part") is pointed at, in this sentence, by the words that stand for it: the byte
  // span [stand_in_begin, stand_in_end) of the normalised text.
  bool subject_elsewhere = false;
  bool object_elsewhere = false;
  uint32_t stand_in_begin = 0, stand_in_end = 0;
};

// Analyzer runs the whole pipeline over one article. Immutable after Create, so
// Analyze and FindFacts may run concurrently.
class Analyzer {
 public:
  // Returns INTERNAL if a lexicon is malformed or ICU fails to initialise.
  static absl::StatusOr<std::unique_ptr<Analyzer>> Create();
  ~Analyzer();

  // Normalises, splits and finds mentions, entities and coreference.
  // REQUIRES: ValidateUtf8(text).ok().
  Document Analyze(absl::string_view text) const;

  // The relations stated in the analysed article, confirmed or not, deduplicated
  // per sentence.
  std::vector<Fact> FindFacts(const Document& doc) const;

  const Lexicons& lexicons() const { return *lex_; }

 private:
  Analyzer(std::unique_ptr<Lexicons> lex, std::unique_ptr<SentenceSplitter> splitter);
  void FindMentions(Document* doc, int sentence) const;
  void ResolveEntities(Document* doc) const;
  void ResolveAnaphora(Document* doc) const;

  std::unique_ptr<Lexicons> lex_;
  std::unique_ptr<SentenceSplitter> splitter_;
};

}  // namespace kg::extract::internal

#endif  // KG_EXTRACT_INTERNAL_ANALYSIS_H_
