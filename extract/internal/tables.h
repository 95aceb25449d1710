// extract/internal/tables.h: tables read by their header row. A header row whose cells
// name roles ("Công ty | Nhà đầu tư chính | Trụ sở", "Startup | Founders | HQ") gives
// each row below it a company (the first column without a role), and the investors,
// founders and city its role columns hold. Private to extract/.
#ifndef KG_EXTRACT_INTERNAL_TABLES_H_
#define KG_EXTRACT_INTERNAL_TABLES_H_

#include "extract/internal/analysis.h"
#include "extract/internal/lexicon.h"

namespace kg::extract::internal {

// Finds header rows split by '|' that name at least one role (words.tsv kinds table_hq,
// table_investor, table_founder) and gives each row under them its table_cells. Rows
// end at a blank line, a line that is not the first sentence of its line, or a line
// with a different number of cells. A city column under a heading about offices
// (table_not_hq) loses its role. REQUIRES: doc->sentences tokenised, no mentions yet.
void ReadRoleTables(const Lexicons& lx, Document* doc);

// Makes the mentions of one row marked by ReadRoleTables: the company, the city, and
// each name of a list cell ("A, B và C"); cells that name no one ("n/a", "chưa công
// bố") give none. Fills token_mention, mentions and table_cells[*].mentions, and sets
// table_row when the headquarters cell holds a city.
// REQUIRES: !doc->sentences[si].table_cells.empty().
void AddTableMentions(const Lexicons& lx, Document* doc, int si);

}  // namespace kg::extract::internal

#endif  // KG_EXTRACT_INTERNAL_TABLES_H_
