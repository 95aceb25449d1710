// server/question.h: turns an English or Vietnamese question into a graph query.
//
// Questions are matched against a table of templates (server/question.cc) written in a
// small pattern language: literal words, "(a|b c)" for alternatives, "[a|b]" for an
// optional group, and the slots {X} and {Y} for entity names, which take one or more
// words. Matching ignores ASCII case and trailing punctuation, and splits a possessive
// "'s" off the word before it, so "Alibaba's investors" matches "{X} 's investors".
#ifndef KG_SERVER_QUESTION_H_
#define KG_SERVER_QUESTION_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace kg::server {

// One step of a chain query: from every entity reached so far, follow `relation` in
// `direction` (kOut: subject -> object, kIn: object -> subject).
struct QuestionStep {
  graph::RelationType relation = graph::RelationType::kFoundedBy;
  graph::Direction direction = graph::Direction::kOut;
};

struct ParsedQuestion {
  enum class Kind { kTraversal = 1, kConnection = 2 };
  Kind kind = Kind::kTraversal;
  // The entity name as written in the question: the start of a traversal, or the
  // first end of a connection.
  std::string entity;
  // The second end of a connection; empty for a traversal.
  std::string other_entity;
  // For a traversal: the steps, in order.
  std::vector<QuestionStep> steps;
  // What is asked, in words, with {X} and {Y} standing for the entities, e.g.
  // "companies that {X} invested in".
  std::string description;
  // The template that matched.
  std::string pattern;
};

// Returns every reading of `question`, in template order (most specific first), with
// at most a few splits of the words into entity names. The caller resolves the names
// and takes the first reading whose entities exist. Returns INVALID_ARGUMENT listing
// the understood forms when no template matches.
absl::StatusOr<std::vector<ParsedQuestion>> ParseQuestion(absl::string_view question);

// Example questions, one per form understood, for help and error messages.
std::vector<std::string> UnderstoodQuestionForms();

}  // namespace kg::server

#endif  // KG_SERVER_QUESTION_H_
