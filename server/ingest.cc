#include "server/ingest.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "graph/status_macros.h"

namespace kg::server {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not a valid one.
size_t Utf8SequenceLength(absl::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t length;
  uint32_t min_code;
  uint32_t code;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    min_code = 0x80;
    code = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    min_code = 0x800;
    code = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    min_code = 0x10000;
    code = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

absl::Status ValidateUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("text is not valid UTF-8: bad byte 0x%02X at byte offset %d",
                          static_cast<unsigned char>(text[i]), i));
    }
    i += length;
  }
  return absl::OkStatus();
}

std::string ArticleIdFromText(absl::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a offset basis; stable by definition.
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return absl::StrFormat("text-%016x", hash);
}

std::string FirstLineTitle(absl::string_view text) {
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    absl::string_view line = absl::StripAsciiWhitespace(text.substr(0, newline));
    if (!line.empty()) {
      if (line.size() > 200) {
        size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        line = line.substr(0, cut);
      }
      return std::string(line);
    }
    if (newline == absl::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return "";
}

absl::StatusOr<IngestResult> Ingester::Ingest(const graph::Article& article) const {
  if (article.text.empty()) {
    return absl::InvalidArgumentError("text is empty: send the article's UTF-8 text");
  }
  KG_RETURN_IF_ERROR(ValidateUtf8(article.text));
  IngestResult result;
  KG_ASSIGN_OR_RETURN(result.facts, extractor_->Extract(article));
  KG_ASSIGN_OR_RETURN(result.outcome, store_->AddArticle(article, result.facts));
  return result;
}

absl::StatusOr<SeedReport> Ingester::LoadSeeds(const std::string& dir) const {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return absl::NotFoundError(absl::StrCat("seed directory \"", dir, "\" does not exist"));
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".txt" && it->is_regular_file(error)) {
      files.push_back(it->path());
    }
  }
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("cannot list seed directory \"", dir, "\": ", error.message()));
  }
  std::sort(files.begin(), files.end());

  SeedReport report;
  report.files = files.size();
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in.good() && !in.eof()) {
      report.skipped.push_back(absl::StrCat(file.string(), ": cannot be read"));
      continue;
    }
    graph::Article article;
    article.id = file.stem().string();
    article.text = buffer.str();
    if (absl::Status utf8 = ValidateUtf8(article.text); !utf8.ok()) {
      report.skipped.push_back(absl::StrCat(file.string(), ": ", utf8.message()));
      continue;
    }
    if (absl::StripAsciiWhitespace(article.text).empty()) {
      report.skipped.push_back(absl::StrCat(file.string(), ": the file is empty"));
      continue;
    }
    article.title = FirstLineTitle(article.text);
    absl::StatusOr<IngestResult> result = Ingest(article);
    if (!result.ok()) {
      if (result.status().code() == absl::StatusCode::kInvalidArgument) {
        report.skipped.push_back(absl::StrCat(file.string(), ": ", result.status().message()));
        continue;
      }
      return result.status();
    }
    if (result->outcome.kind == graph::IngestOutcomeKind::kUnchanged) {
      ++report.unchanged;
    } else {
      ++report.added;
    }
  }
  return report;
}

}  // namespace kg::server
