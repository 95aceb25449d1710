// kg-extract: prints the facts found in article files as JSON lines, or scores the
// extractor against a gold file.
//
//   kg-extract [--all] FILE...        one JSON object per fact
//   kg-extract --gold GOLD.tsv DIR    precision, recall and F1 on DIR/*.txt
//   kg-extract --debug FILE           the sentences, mentions and entities seen
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "extract/extractor.h"
#include "extract/gold_scorer.h"
#include "extract/internal/analysis.h"

namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::string Json(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

std::string JsonList(const std::vector<std::string>& v) {
  std::vector<std::string> parts;
  for (const std::string& s : v) parts.push_back(Json(s));
  return absl::StrCat("[", absl::StrJoin(parts, ","), "]");
}

std::string ArticleId(const std::string& path) {
  std::filesystem::path p(path);
  std::string name = p.filename().string();
  if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") name.resize(name.size() - 4);
  return name;
}

std::string FactJson(const kg::graph::RelationFact& f) {
  const kg::graph::Evidence& e = f.evidence;
  std::vector<std::string> quals;
  for (const auto& [k, v] : e.qualifiers) quals.push_back(absl::StrCat(Json(k), ":", Json(v)));
  return absl::StrCat(
      "{\"article\":", Json(e.article_id), ",\"subject\":", Json(f.subject.name),
      ",\"subject_type\":", Json(std::string(kg::graph::EntityTypeName(f.subject.type))),
      ",\"relation\":", Json(std::string(kg::graph::RelationName(f.relation))),
      ",\"object\":", Json(f.object.name),
      ",\"object_type\":", Json(std::string(kg::graph::EntityTypeName(f.object.type))),
      ",\"subject_aliases\":", JsonList(f.subject.aliases),
      ",\"object_aliases\":", JsonList(f.object.aliases), ",\"evidence\":", Json(e.sentence),
      ",\"sentence_span\":[", e.sentence_span.begin, ",", e.sentence_span.end, "]",
      ",\"subject_span\":[", e.subject_span.begin, ",", e.subject_span.end, "]",
      ",\"object_span\":[", e.object_span.begin, ",", e.object_span.end, "]",
      ",\"rule\":", Json(e.rule), ",\"confidence\":", absl::StrFormat("%.2f", e.confidence),
      ",\"confirmed\":", e.confirmed ? "true" : "false", ",\"qualifiers\":{",
      absl::StrJoin(quals, ","), "}}");
}

// --debug: the sentences, mentions and entities the extractor saw.
void Debug(const std::string& text) {
  auto analyzer = kg::extract::internal::Analyzer::Create();
  if (!analyzer.ok()) return;
  kg::extract::internal::Document doc = (*analyzer)->Analyze(text);
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const auto& s = doc.sentences[si];
    std::printf("S%zu%s%s: %s\n", si, s.headline ? " [headline]" : "", s.table_row ? " [row]" : "",
                doc.norm.text.substr(s.span.begin, s.span.end - s.span.begin).c_str());
    for (int mi : s.mentions) {
      const auto& m = doc.mentions[mi];
      std::string ent = m.entity >= 0 ? doc.entities[m.entity].name : "?";
      std::printf("   [%s] %s%s -> %s (%s)\n",
                  std::string(kg::graph::EntityTypeName(m.type)).c_str(), m.text.c_str(),
                  m.anaphor ? " (anaphor)" : "", ent.c_str(),
                  m.entity >= 0
                      ? std::string(kg::graph::EntityTypeName(doc.entities[m.entity].type)).c_str()
                      : "");
    }
  }
}

int Usage() {
  std::fprintf(stderr,
               "usage: kg-extract [--all] FILE...\n"
               "       kg-extract --gold GOLD.tsv DIR\n"
               "       kg-extract --debug FILE\n"
               "  --all  also print planned, rumoured and negated facts (confirmed=false)\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  kg::extract::ExtractorOptions options;
  std::string gold_path;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--debug" && i + 1 < args.size()) {
      std::string text;
      if (!ReadFile(args[i + 1], &text)) return 1;
      Debug(text);
      return 0;
    }
    if (args[i] == "--all") {
      options.keep_unconfirmed = true;
    } else if (args[i] == "--gold") {
      if (i + 1 >= args.size()) return Usage();
      gold_path = args[++i];
    } else if (args[i] == "-h" || args[i] == "--help") {
      Usage();
      return 0;
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "kg-extract: unknown flag %s\n", args[i].c_str());
      return Usage();
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.empty()) return Usage();
  auto extractor = kg::extract::Extractor::Create(options);
  if (!extractor.ok()) {
    std::fprintf(stderr, "kg-extract: %s\n", extractor.status().ToString().c_str());
    return 1;
  }

  if (!gold_path.empty()) {
    if (files.size() != 1) return Usage();
    std::string gold_text;
    if (!ReadFile(gold_path, &gold_text)) {
      std::fprintf(stderr, "kg-extract: cannot read gold file %s\n", gold_path.c_str());
      return 1;
    }
    auto gold = kg::extract::ParseGold(gold_text);
    if (!gold.ok()) {
      std::fprintf(stderr, "kg-extract: %s: %s\n", gold_path.c_str(),
                   gold.status().ToString().c_str());
      return 1;
    }
    std::error_code ec;
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::directory_iterator(files[0], ec)) {
      if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
    }
    if (ec) {
      std::fprintf(stderr, "kg-extract: cannot list %s: %s\n", files[0].c_str(),
                   ec.message().c_str());
      return 1;
    }
    std::sort(paths.begin(), paths.end());
    std::set<std::string> articles;
    std::vector<kg::graph::RelationFact> predicted;
    for (const std::string& path : paths) {
      kg::graph::Article article;
      article.id = ArticleId(path);
      if (!ReadFile(path, &article.text)) continue;
      auto facts = (*extractor)->Extract(article);
      if (!facts.ok()) {
        std::fprintf(stderr, "kg-extract: %s: %s\n", path.c_str(),
                     facts.status().ToString().c_str());
        continue;
      }
      articles.insert(article.id);
      predicted.insert(predicted.end(), facts->begin(), facts->end());
    }
    kg::extract::ScoreReport report = kg::extract::Score(*gold, predicted, articles);
    std::fputs(kg::extract::FormatReport(report).c_str(), stdout);
    return 0;
  }

  int status = 0;
  for (const std::string& path : files) {
    kg::graph::Article article;
    article.id = ArticleId(path);
    if (!ReadFile(path, &article.text)) {
      std::fprintf(stderr, "kg-extract: cannot read %s\n", path.c_str());
      status = 1;
      continue;
    }
    auto facts = (*extractor)->Extract(article);
    if (!facts.ok()) {
      std::fprintf(stderr, "kg-extract: %s: %s\n", path.c_str(), facts.status().ToString().c_str());
      status = 1;
      continue;
    }
    for (const kg::graph::RelationFact& f : *facts) std::printf("%s\n", FactJson(f).c_str());
  }
  return status;
}
