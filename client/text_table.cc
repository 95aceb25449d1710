#include "client/text_table.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"

namespace kg::client {
namespace {

// Decodes one UTF-8 code point at text[*i] and advances *i; invalid bytes decode
// as themselves, one byte each.
uint32_t NextCodePoint(absl::string_view text, size_t* i) {
  const uint8_t lead = static_cast<uint8_t>(text[*i]);
  size_t extra = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
  }
  if (extra == 0 || *i + extra >= text.size()) {
    ++*i;
    return lead;
  }
  uint32_t cp = lead & (0x3F >> extra);
  for (size_t k = 1; k <= extra; ++k) {
    const uint8_t next = static_cast<uint8_t>(text[*i + k]);
    if ((next & 0xC0) != 0x80) {
      ++*i;
      return lead;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  *i += extra + 1;
  return cp;
}

bool IsCombining(uint32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200D;
}

bool IsWide(uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  size_t i = 0;
  while (i < text.size()) {
    // ANSI escape sequences (colours) take no columns: ESC [ parameters final-byte.
    if (text[i] == '\033' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7E)) ++i;
      ++i;
      continue;
    }
    uint32_t cp = NextCodePoint(text, &i);
    if (IsCombining(cp)) continue;
    width += IsWide(cp) ? 2 : 1;
  }
  return width;
}

std::string OneLine(absl::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return line;
}

TextTable::TextTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void TextTable::AddRow(std::vector<std::string> cells, std::vector<std::string> notes) {
  cells.resize(std::max(cells.size(), headers_.size()));
  rows_.push_back(Row{std::move(cells), std::move(notes)});
}

std::string TextTable::Render(bool terminal, bool color) const {
  std::string out;
  if (!terminal) {
    for (const Row& row : rows_) {
      std::vector<std::string> cells;
      cells.reserve(row.cells.size());
      for (const std::string& cell : row.cells) cells.push_back(OneLine(cell));
      out += absl::StrJoin(cells, "\t");
      out += '\n';
      for (const std::string& note : row.notes) out += note + "\n";
    }
    return out;
  }
  std::vector<size_t> widths(headers_.size(), 0);
  for (size_t c = 0; c < headers_.size(); ++c) widths[c] = DisplayWidth(headers_[c]);
  for (const Row& row : rows_) {
    if (row.cells.size() > widths.size()) widths.resize(row.cells.size(), 0);
    for (size_t c = 0; c < row.cells.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(OneLine(row.cells[c])));
    }
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t c = 0; c < cells.size(); ++c) {
      std::string cell = OneLine(cells[c]);
      text += cell;
      // The last column is not padded, so lines carry no trailing blanks.
      if (c + 1 < cells.size()) text += std::string(widths[c] - DisplayWidth(cell) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  };
  std::string header = line(headers_);
  out += color ? "\033[1m" + header + "\033[0m\n" : header + "\n";
  for (const Row& row : rows_) {
    out += line(row.cells) + "\n";
    for (const std::string& note : row.notes) out += note + "\n";
  }
  return out;
}

}  // namespace kg::client
