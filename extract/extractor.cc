#include "extract/extractor.h"

#include <utility>

#include "absl/status/status.h"
#include "extract/internal/analysis.h"
#include "extract/internal/text.h"
#include "graph/status_macros.h"

namespace kg::extract {

struct Extractor::Rep {
  ExtractorOptions options;
  std::unique_ptr<internal::Analyzer> analyzer;
};

Extractor::Extractor(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Extractor::~Extractor() = default;

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  auto rep = std::make_unique<Rep>();
  rep->options = options;
  KG_ASSIGN_OR_RETURN(rep->analyzer, internal::Analyzer::Create());
  return std::unique_ptr<Extractor>(new Extractor(std::move(rep)));
}

namespace {

graph::EntityMention ToEntityMention(const internal::Document& doc, int mention) {
  const internal::Mention& m = doc.mentions[mention];
  const internal::EntityInfo& e = doc.entities[m.entity];
  graph::EntityMention out;
  out.name = e.name;
  out.type = e.type;
  out.aliases = e.aliases;
  return out;
}

}  // namespace

absl::StatusOr<std::vector<graph::RelationFact>> Extractor::Extract(
    const graph::Article& article) const {
  if (article.text.empty()) {
    return absl::InvalidArgumentError("article text is empty; send the article's body text");
  }
  KG_RETURN_IF_ERROR(internal::ValidateUtf8(article.text));
  const internal::Analyzer& analyzer = *rep_->analyzer;
  internal::Document doc = analyzer.Analyze(article.text);
  std::vector<internal::Fact> facts = analyzer.FindFacts(doc);
  std::vector<graph::RelationFact> out;
  out.reserve(facts.size());
  for (const internal::Fact& f : facts) {
    if (f.confidence < rep_->options.min_confidence) continue;
    if (!f.confirmed && !rep_->options.keep_unconfirmed) continue;
    const internal::Mention& sm = doc.mentions[f.subject];
    const internal::Mention& om = doc.mentions[f.object];
    if (sm.entity < 0 || om.entity < 0) continue;
    graph::RelationFact fact;
    fact.subject = ToEntityMention(doc, f.subject);
    fact.object = ToEntityMention(doc, f.object);
    fact.relation = f.relation;
    const internal::SentenceInfo& s = doc.sentences[f.sentence];
    graph::Evidence& ev = fact.evidence;
    ev.article_id = article.id;
    ev.sentence_span = doc.norm.ToOriginal(s.span.begin, s.span.end);
    ev.sentence =
        article.text.substr(ev.sentence_span.begin, ev.sentence_span.end - ev.sentence_span.begin);
    ev.subject_span = f.subject_elsewhere ? doc.norm.ToOriginal(f.stand_in_begin, f.stand_in_end)
                                          : doc.norm.ToOriginal(sm.begin, sm.end);
    ev.object_span = f.object_elsewhere ? doc.norm.ToOriginal(f.stand_in_begin, f.stand_in_end)
                                        : doc.norm.ToOriginal(om.begin, om.end);
    ev.rule = f.rule;
    ev.confidence = f.confidence;
    ev.confirmed = f.confirmed;
    ev.qualifiers = f.qualifiers;
    out.push_back(std::move(fact));
  }
  return out;
}

}  // namespace kg::extract
