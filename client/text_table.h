// client/text_table.h: rows of cells shown as an aligned table on a terminal, or as
// stable tab-separated lines when the output is piped.
#ifndef KG_CLIENT_TEXT_TABLE_H_
#define KG_CLIENT_TEXT_TABLE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace kg::client {

// Columns a terminal uses to show `text` (UTF-8): combining marks and ANSI escape
// sequences take none, East Asian wide characters two, everything else one. Invalid
// bytes count one each.
size_t DisplayWidth(absl::string_view text);

// Replaces tabs, newlines and carriage returns by spaces, so that a value never
// breaks the tab-separated line it is printed on.
std::string OneLine(absl::string_view text);

// A table built row by row. Not thread-safe.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers);

  // Adds a row; a short row is padded with empty cells. `notes` are printed as they
  // are, one per line, right under the row (evidence sentences, for instance).
  void AddRow(std::vector<std::string> cells, std::vector<std::string> notes = {});

  size_t size() const { return rows_.size(); }

  // On a terminal: the header (bold when `color`), then rows with columns padded to
  // line up by display width. Otherwise: no header, one line per row with the cells
  // joined by tabs (tabs and newlines inside a cell become spaces).
  std::string Render(bool terminal, bool color) const;

 private:
  struct Row {
    std::vector<std::string> cells;
    std::vector<std::string> notes;
  };
  std::vector<std::string> headers_;
  std::vector<Row> rows_;
};

}  // namespace kg::client

#endif  // KG_CLIENT_TEXT_TABLE_H_
