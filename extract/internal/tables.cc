#include "extract/internal/tables.h"

#include <algorithm>
#include <string>
#include <vector>

#include "extract/internal/token_util.h"

namespace kg::extract::internal {

using graph::EntityType;

namespace {

// Cells of a line split by '|': token ranges [b, e), '|' excluded.
std::vector<TableCell> SplitCells(const std::vector<Token>& t) {
  std::vector<TableCell> cells;
  int b = 0;
  for (int k = 0; k <= static_cast<int>(t.size()); ++k) {
    if (k == static_cast<int>(t.size()) || IsPunct(t[k], "|")) {
      TableCell c;
      c.b = b;
      c.e = k;
      cells.push_back(c);
      b = k + 1;
    }
  }
  return cells;
}

// Narrows [*b, *e) to its words: leading and trailing punctuation dropped, and cut at a
// parenthesis ("Bảo Tín Bank (30%)" -> "Bảo Tín Bank").
void Trim(const std::vector<Token>& t, int* b, int* e) {
  while (*b < *e && !t[*b].word) ++*b;
  for (int k = *b; k < *e; ++k) {
    if (IsPunct(t[k], "(") || IsPunct(t[k], "[")) {
      *e = k;
      break;
    }
  }
  // A closing '+' belongs to the name ("WinMart+", "Disney+").
  while (*e > *b && !t[*e - 1].word && !IsPunct(t[*e - 1], "+")) --*e;
}

bool AnyIn(const PhraseTable& table, const std::vector<Token>& t, int b, int e) {
  for (int k = b; k < e; ++k) {
    if (table.Match(t, k) > 0) return true;
  }
  return false;
}

TableRole HeaderRole(const Lexicons& lx, const std::vector<Token>& t, int b, int e) {
  Trim(t, &b, &e);
  if (b >= e) return TableRole::kNone;
  // The cell starts with the role's words ("Nhà đầu tư chính", "Lead investor(s)",
  // "Cổ đông ngân hàng"); "Văn phòng" or "Offices" in the cell makes it no HQ column.
  if (lx.table_hq.Match(t, b) > 0 && !AnyIn(lx.table_not_hq, t, b, e)) return TableRole::kHq;
  if (lx.table_investor.Match(t, b) > 0) return TableRole::kInvestor;
  if (lx.table_founder.Match(t, b) > 0) return TableRole::kFounder;
  return TableRole::kNone;
}

bool KnownCity(const Lexicons& lx, const std::vector<Token>& t, int b, int e) {
  Trim(t, &b, &e);
  int v = -1;
  return b < e && lx.places.Match(t, b, &v) == e - b && v >= 0 && lx.place_info[v].city;
}

}  // namespace

void ReadRoleTables(const Lexicons& lx, Document* doc) {
  std::vector<SentenceInfo>& ss = doc->sentences;
  const std::string& text = doc->norm.text;
  for (size_t si = 0; si < ss.size(); ++si) {
    const SentenceInfo& h = ss[si];
    if (!h.span.line_start || h.tokens.empty()) continue;
    std::vector<TableCell> header = SplitCells(h.tokens);
    if (header.size() < 2) continue;
    bool any_role = false;
    int subject = -1;
    for (size_t c = 0; c < header.size(); ++c) {
      header[c].role = HeaderRole(lx, h.tokens, header[c].b, header[c].e);
      any_role = any_role || header[c].role != TableRole::kNone;
    }
    if (!any_role) continue;
    for (size_t c = 0; c < header.size() && subject < 0; ++c) {
      int b = header[c].b, e = header[c].e;
      Trim(h.tokens, &b, &e);
      if (header[c].role == TableRole::kNone && b < e) subject = static_cast<int>(c);
    }
    // No company column, or a table of products: its rows give nothing.
    if (subject < 0) continue;
    {
      int b = header[subject].b, e = header[subject].e;
      Trim(h.tokens, &b, &e);
      if (lx.table_product.Match(h.tokens, b) > 0) continue;
    }
    header[subject].role = TableRole::kSubject;
    // The heading line just above: "Văn phòng của X" / "X's offices" makes the city
    // column a list of offices.
    bool offices = false;
    for (int j = static_cast<int>(si) - 1; j >= 0; --j) {
      const SentenceInfo& p = ss[j];
      // A heading is short; a long sentence above the table only talks around it.
      offices = offices || (p.tokens.size() <= 16 &&
                            AnyIn(lx.table_not_hq, p.tokens, 0, static_cast<int>(p.tokens.size())));
      if (p.span.line_start) break;
    }
    if (offices) {
      for (TableCell& c : header) {
        if (c.role == TableRole::kHq) c.role = TableRole::kNone;
      }
    }
    size_t last = si;
    uint32_t prev_end = h.span.end;
    for (size_t r = si + 1; r < ss.size(); ++r) {
      SentenceInfo& row = ss[r];
      if (!row.span.line_start || row.tokens.empty()) break;
      // A blank line ends the table.
      int newlines = 0;
      for (uint32_t b = prev_end; b < row.span.begin && b < text.size(); ++b) {
        newlines += text[b] == '\n';
      }
      if (newlines > 1) break;
      std::vector<TableCell> cells = SplitCells(row.tokens);
      if (cells.size() != header.size()) break;
      for (size_t c = 0; c < cells.size(); ++c) cells[c].role = header[c].role;
      row.table_cells = std::move(cells);
      last = r;
      prev_end = row.span.end;
    }
    // A city the place lexicon lacks ("Vinh") under a headquarters header is taken
    // only when every other cell of the column is a known city, two at least.
    for (size_t c = 0; c < header.size(); ++c) {
      if (header[c].role != TableRole::kHq) continue;
      int known = 0, unknown = 0;
      for (size_t r = si + 1; r <= last; ++r) {
        const TableCell& cell = ss[r].table_cells[c];
        (KnownCity(lx, ss[r].tokens, cell.b, cell.e) ? known : unknown) += 1;
      }
      if (unknown == 0 || known < 2 || unknown > 1) continue;
      for (size_t r = si + 1; r <= last; ++r) {
        TableCell& cell = ss[r].table_cells[c];
        const std::vector<Token>& t = ss[r].tokens;
        int b = cell.b, e = cell.e;
        Trim(t, &b, &e);
        if (KnownCity(lx, t, b, e) || b >= e || e - b > 3) continue;
        bool caps = true;
        for (int k = b; k < e; ++k) caps = caps && t[k].word && t[k].cap;
        cell.unlisted_city = caps;
      }
    }
    si = last;
  }
}

void AddTableMentions(const Lexicons& lx, Document* doc, int si) {
  SentenceInfo& s = doc->sentences[si];
  const std::vector<Token>& t = s.tokens;
  s.token_mention.assign(t.size(), -1);
  auto add = [&](TableCell* cell, int b, int e, EntityType type, int strength, int place) {
    Mention m = MentionOver(doc->norm, si, t, b, e);
    m.type = type;
    m.strength = strength;
    if (type == EntityType::kPlace) {
      if (place >= 0) {
        m.place_key = lx.place_info[place].key;
        m.city = lx.place_info[place].city;
        m.region = lx.place_info[place].region;
      } else {
        m.place_key = Fold(m.text);
        m.city = true;
      }
    }
    int idx = static_cast<int>(doc->mentions.size());
    for (int k = b; k < e; ++k) s.token_mention[k] = idx;
    s.mentions.push_back(idx);
    cell->mentions.push_back(idx);
    doc->mentions.push_back(std::move(m));
  };
  // No company, no facts: the row's other cells are left unread.
  bool has_subject = false;
  for (const TableCell& c : s.table_cells) {
    if (c.role != TableRole::kSubject) continue;
    int b = c.b, e = c.e;
    Trim(t, &b, &e);
    has_subject = b < e && t[b].cap && lx.table_empty.Match(t, b) == 0;
  }
  if (!has_subject) return;
  for (TableCell& c : s.table_cells) {
    int b = c.b, e = c.e;
    switch (c.role) {
      case TableRole::kNone:
        break;
      case TableRole::kSubject:
        Trim(t, &b, &e);
        add(&c, b, e, EntityType::kOrganization, 1, -1);
        break;
      case TableRole::kHq: {
        Trim(t, &b, &e);
        int v = -1;
        if (b < e && lx.places.Match(t, b, &v) == e - b && v >= 0) {
          add(&c, b, e, EntityType::kPlace, 2, v);
          s.table_row = true;
        } else if (c.unlisted_city) {
          add(&c, b, e, EntityType::kPlace, 1, -1);
          s.table_row = true;
        }
        break;
      }
      case TableRole::kInvestor:
      case TableRole::kFounder: {
        // A list cell: "A, B", "A và B", "A; B".
        int item = c.b;
        for (int k = c.b; k <= c.e; ++k) {
          int j = k < c.e ? lx.table_joiner.Match(t, k) : 0;
          if (k < c.e && j == 0) continue;
          int ib = item, ie = k;
          Trim(t, &ib, &ie);
          if (ib < ie && ie - ib <= 8 && t[ib].cap && lx.table_empty.Match(t, ib) == 0) {
            if (c.role == TableRole::kInvestor) {
              add(&c, ib, ie, EntityType::kOrganization, 0, -1);
            } else {
              add(&c, ib, ie, EntityType::kPerson, 1, -1);
            }
          }
          item = k + std::max(j, 1);
          if (j > 1) k += j - 1;
        }
        break;
      }
    }
  }
}

}  // namespace kg::extract::internal
