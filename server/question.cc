#include "server/question.h"

#include <cstddef>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kg::server {
namespace {

using graph::Direction;
using graph::RelationType;

// What a template asks. The steps of a traversal, or a connection (two slots).
struct QueryShape {
  std::vector<QuestionStep> steps;  // Empty for a connection.
  const char* description;
  const char* example;  // Shown to users when no template matches.
};

const QueryShape kInvestedInByX = {
    {{RelationType::kInvestedIn, Direction::kOut}},
    "companies that {X} invested in",
    "who did Alibaba invest in / Alibaba đã đầu tư vào những công ty nào"};
const QueryShape kInvestorsOfX = {{{RelationType::kInvestedIn, Direction::kIn}},
                                  "investors in {X}",
                                  "who invested in Moonshot AI / ai đã đầu tư vào Moonshot AI"};
const QueryShape kFoundersOfX = {{{RelationType::kFoundedBy, Direction::kOut}},
                                 "founders of {X}",
                                 "who founded Rokid / ai thành lập Rokid"};
const QueryShape kFoundedByX = {{{RelationType::kFoundedBy, Direction::kIn}},
                                "organizations founded by {X}",
                                "which companies did Wang Xiaochuan found / Wang Xiaochuan đã "
                                "thành lập công ty nào"};
const QueryShape kHqOfX = {{{RelationType::kHqIn, Direction::kOut}},
                           "the city where {X} is headquartered",
                           "where is MiniMax headquartered / MiniMax có trụ sở ở đâu"};
const QueryShape kHeadquarteredInX = {{{RelationType::kHqIn, Direction::kIn}},
                                      "organizations headquartered in {X}",
                                      "which companies are headquartered in Hangzhou / những công "
                                      "ty nào có trụ sở tại Hàng Châu"};
const QueryShape kAlumniOfX = {
    {{RelationType::kAlumniOf, Direction::kIn}},
    "people who formerly worked or studied at {X}",
    "who are the alumni of Alibaba / những ai từng làm việc tại Alibaba"};
const QueryShape kFormerOrgsOfX = {{{RelationType::kAlumniOf, Direction::kOut}},
                                   "organizations where {X} formerly worked or studied",
                                   "where did Zhou Chang work / Zhou Chang từng làm việc ở đâu"};
const QueryShape kFoundedByAlumniOfX = {
    {{RelationType::kAlumniOf, Direction::kIn}, {RelationType::kFoundedBy, Direction::kIn}},
    "organizations founded by alumni of {X}",
    "which companies did alumni of Alibaba found / cựu nhân viên Alibaba đã thành lập những công "
    "ty nào"};
const QueryShape kConnection = {{},
                                "how {X} is connected to {Y}",
                                "how is Misa Zhu connected to Eddie Wu / Misa Zhu và Eddie Wu "
                                "liên quan với nhau thế nào"};

struct QuestionTemplate {
  const char* pattern;
  const QueryShape* shape;
};

// Most specific first: the chain forms come before the one-step forms they contain.
// Word lists name the usual verbs, tenses and nouns for each relation; a template
// never names an entity.
const QuestionTemplate kTemplates[] = {
    // ---- Organizations founded by alumni of X. ----
    {"(which|what) [companies|company|startups|startup|firms|organizations] (did|have|has) "
     "[the] (alumni|former employees|ex-employees|former staff|former engineers) of {X} "
     "(found|start|create|establish|co-found|cofound)",
     &kFoundedByAlumniOfX},
    {"(which|what) (companies|company|startups|startup|firms|organizations) (were|was|have been) "
     "(founded|started|created|established) by [the] (alumni|former employees|ex-employees|"
     "former staff) of {X}",
     &kFoundedByAlumniOfX},
    {"[the] (companies|startups|firms|organizations) (founded|started|created) by [the] "
     "(alumni|former employees|ex-employees) of {X}",
     &kFoundedByAlumniOfX},
    {"[các|những] (cựu nhân viên|cựu kỹ sư|người từng làm việc tại|người từng làm ở) [của] {X} "
     "[đã] (thành lập|sáng lập|lập ra|khởi nghiệp) (những công ty nào|các công ty nào|công ty "
     "nào|những gì|gì|những startup nào|startup nào)",
     &kFoundedByAlumniOfX},
    {"(những|các) (công ty|startup|doanh nghiệp) [nào] (được thành lập|được sáng lập|do) [bởi] "
     "[các|những] cựu nhân viên [của] {X} [thành lập|sáng lập]",
     &kFoundedByAlumniOfX},

    // ---- Connections. ----
    {"how (is|are|was|were) {X} (connected|related|linked|tied) (to|with) {Y}", &kConnection},
    {"how (is|are|was|were) {X} and {Y} (connected|related|linked)", &kConnection},
    {"(what is|what's|what are|show|find) [the] (connection|connections|relationship|"
     "relationships|link|links|path|paths) between {X} and {Y}",
     &kConnection},
    {"(connection|relationship|link|path|paths) (between|from) {X} (and|to) {Y}", &kConnection},
    {"(is|are) {X} (connected|related|linked) to {Y}", &kConnection},
    {"{X} và {Y} (liên quan|có liên quan|kết nối|liên hệ|có quan hệ) [với nhau|đến nhau|tới "
     "nhau] (thế nào|như thế nào|ra sao|gì)",
     &kConnection},
    {"{X} (liên quan|có liên quan|kết nối|liên hệ) (đến|tới|với) {Y} (thế nào|như thế nào|ra "
     "sao)",
     &kConnection},
    {"(mối quan hệ|mối liên hệ|quan hệ|liên hệ) giữa {X} và {Y} [là gì|ra sao|thế nào|như thế "
     "nào]",
     &kConnection},

    // ---- X invested in whom. ----
    {"(who|whom|what|which companies|what companies|which startups|what startups|which firms|"
     "which company|what company) (did|does|has|have) {X} (invest in|invested in|back|backed|"
     "fund|funded|finance|financed)",
     &kInvestedInByX},
    {"(who|what) (is|are) {X} investing in", &kInvestedInByX},
    {"(where|in what|in which companies) (did|does|has) {X} (invest|invested)", &kInvestedInByX},
    {"(what|which) (are|were) {X} 's (investments|portfolio companies|portfolio)", &kInvestedInByX},
    {"[the] (investments|portfolio|portfolio companies) of {X}", &kInvestedInByX},
    {"{X} 's (investments|portfolio|portfolio companies)", &kInvestedInByX},
    {"(companies|startups) (that|which) {X} (invested in|backed|funded|has invested in)",
     &kInvestedInByX},
    {"{X} [đã|từng|đã từng] (đầu tư|rót vốn) vào (những công ty nào|các công ty nào|công ty "
     "nào|những startup nào|startup nào|những doanh nghiệp nào|doanh nghiệp nào|đâu|ai|những "
     "ai|những đâu)",
     &kInvestedInByX},
    {"{X} [đã|từng|đã từng] (đầu tư|rót vốn) (những công ty nào|các công ty nào|công ty nào)",
     &kInvestedInByX},
    {"(những|các) (công ty|startup|doanh nghiệp) nào (được|đã được) {X} (đầu tư|rót vốn|hỗ trợ)",
     &kInvestedInByX},
    {"{X} (đầu tư|rót vốn) (cho|vào) (ai|đâu)", &kInvestedInByX},

    // ---- Who invested in X. ----
    {"(who|which companies|what companies|which investors|what investors|which firms|which "
     "company) (invested in|invests in|has invested in|have invested in|backed|backs|has backed|"
     "have backed|funded|funds|has funded|have funded|financed|is investing in|are investing "
     "in|owns a stake in|bought a stake in) {X}",
     &kInvestorsOfX},
    {"who (are|were|is|was) [the] (investors|investor|backers|backer|funders) (of|in|behind) {X}",
     &kInvestorsOfX},
    {"who (are|were|is|was) {X} 's (investors|investor|backers|backer|funders)", &kInvestorsOfX},
    {"[the] (investors|backers|funders) (of|in|behind) {X}", &kInvestorsOfX},
    {"{X} 's (investors|backers|funders)", &kInvestorsOfX},
    {"who (is|was|has been) {X} (backed|funded|financed) by", &kInvestorsOfX},
    {"(ai|những ai|nhà đầu tư nào|những nhà đầu tư nào|các nhà đầu tư nào|công ty nào|những công "
     "ty nào) [đã|từng|đã từng] (đầu tư|rót vốn|hỗ trợ) (vào|cho) {X}",
     &kInvestorsOfX},
    {"{X} [đã] (được|nhận) (ai|những ai) (đầu tư|rót vốn|hỗ trợ)", &kInvestorsOfX},
    {"{X} [đã] (nhận|được nhận) (đầu tư|vốn|tài trợ) từ (ai|đâu|những ai)", &kInvestorsOfX},
    {"(nhà đầu tư|các nhà đầu tư|những nhà đầu tư) (của|vào) {X} là (ai|những ai)", &kInvestorsOfX},
    {"ai là (nhà đầu tư|những nhà đầu tư|các nhà đầu tư) (của|vào) {X}", &kInvestorsOfX},

    // ---- Founders of X. ----
    {"who (founded|co-founded|cofounded|started|created|established|set up) {X}", &kFoundersOfX},
    {"who (is|are|was|were) [the] (founder|founders|co-founder|co-founders|cofounder|cofounders) "
     "of {X}",
     &kFoundersOfX},
    {"who (is|are|was|were) {X} 's (founder|founders|co-founder|co-founders)", &kFoundersOfX},
    {"[the] (founder|founders|co-founder|co-founders) of {X}", &kFoundersOfX},
    {"{X} 's (founder|founders|co-founder|co-founders)", &kFoundersOfX},
    {"(who|by whom) (was|is) {X} (founded|started|created|established) [by]", &kFoundersOfX},
    {"{X} (was|is) (founded|started|created|established) by whom", &kFoundersOfX},
    {"(ai|những ai|người nào|những người nào) [đã] (thành lập|sáng lập|đồng sáng lập|lập ra|"
     "đồng thành lập) [nên] {X}",
     &kFoundersOfX},
    {"{X} [đã] (được|do) (thành lập|sáng lập|lập ra) bởi (ai|những ai)", &kFoundersOfX},
    {"{X} (được|do) (ai|những ai) (thành lập|sáng lập|lập ra)", &kFoundersOfX},
    {"{X} do (ai|những ai) (thành lập|sáng lập|lập ra)", &kFoundersOfX},
    {"(người|nhà|những người|những nhà) (sáng lập|thành lập|đồng sáng lập) [của|ra] {X} là "
     "(ai|những ai)",
     &kFoundersOfX},
    {"ai là (người|nhà|những người|những nhà) (sáng lập|thành lập|đồng sáng lập) [của|ra] {X}",
     &kFoundersOfX},

    // ---- Organizations founded by X. ----
    {"(what|which|which companies|what companies|which company|what company|which startups) "
     "(did|has|have) {X} (found|co-found|cofound|start|create|establish|set up)",
     &kFoundedByX},
    {"(what|which) (companies|company|startups|organizations) (were|was|have been|has been) "
     "(founded|co-founded|started|created|established) by {X}",
     &kFoundedByX},
    {"[the] (companies|startups|organizations) (founded|co-founded|started|created) by {X}",
     &kFoundedByX},
    {"{X} [đã] (thành lập|sáng lập|đồng sáng lập|lập ra) (những công ty nào|các công ty nào|"
     "công ty nào|gì|những gì|startup nào|những startup nào)",
     &kFoundedByX},
    {"(những|các) (công ty|startup|doanh nghiệp) nào (được thành lập|được sáng lập|do) [bởi] "
     "{X} [thành lập|sáng lập]",
     &kFoundedByX},

    // ---- Where X is headquartered. ----
    {"where (is|are|was|were) {X} (headquartered|based|located|headquarted)", &kHqOfX},
    {"where (is|are) [the] (headquarters|hq|head office|head offices|headquarter) of {X}", &kHqOfX},
    {"where (is|are) {X} 's (headquarters|hq|head office|headquarter)", &kHqOfX},
    {"(in which|in what|which|what) city (is|are) {X} (headquartered|based|located) [in]", &kHqOfX},
    {"[the] (headquarters|hq|head office|headquarter) of {X}", &kHqOfX},
    {"{X} 's (headquarters|hq|head office|headquarter)", &kHqOfX},
    {"{X} (có|đặt|có đặt) trụ sở (ở|tại|ở tại) (đâu|thành phố nào|nơi nào)", &kHqOfX},
    {"trụ sở [chính] [của] {X} (ở|nằm ở|đặt ở|đặt tại|ở tại|nằm tại|là) (đâu|thành phố nào|nơi "
     "nào)",
     &kHqOfX},
    {"{X} (ở|nằm ở|đặt ở) (đâu|thành phố nào)", &kHqOfX},
    {"trụ sở [chính] của {X}", &kHqOfX},

    // ---- Organizations headquartered in X. ----
    {"(which|what) (companies|company|startups|startup|firms|organizations) (are|is|were|was) "
     "(headquartered|based|located) in {X}",
     &kHeadquarteredInX},
    {"(who|what) (is|are) (headquartered|based) in {X}", &kHeadquarteredInX},
    {"[the] (companies|startups|firms|organizations) (headquartered|based) in {X}",
     &kHeadquarteredInX},
    {"(những|các) (công ty|startup|doanh nghiệp) nào (có|đặt) trụ sở (ở|tại) {X}",
     &kHeadquarteredInX},
    {"(công ty|startup|doanh nghiệp) nào (có|đặt) trụ sở (ở|tại) {X}", &kHeadquarteredInX},
    {"(ai|những ai|những công ty nào) (có|đặt) trụ sở (ở|tại) {X}", &kHeadquarteredInX},

    // ---- Alumni of X. ----
    {"who (are|were|is|was) [the] (alumni|alumnus|alumnae|former employees|ex-employees|former "
     "staff|former engineers|former executives) of {X}",
     &kAlumniOfX},
    {"who (are|were) {X} 's (alumni|former employees|ex-employees)", &kAlumniOfX},
    {"[the] (alumni|former employees|ex-employees|former staff) of {X}", &kAlumniOfX},
    {"{X} (alumni|'s alumni|'s former employees)", &kAlumniOfX},
    {"{X} 's (alumni|former employees|ex-employees)", &kAlumniOfX},
    {"who (worked|used to work|formerly worked|previously worked|has worked|once worked|studied|"
     "has studied|graduated) (at|for|from|in) {X}",
     &kAlumniOfX},
    {"who (left|quit|has left) {X}", &kAlumniOfX},
    {"(những ai|ai|những người nào|người nào) [đã] [từng] (làm việc|làm|học|công tác) (tại|ở|cho) "
     "{X}",
     &kAlumniOfX},
    {"(những ai|ai) [đã] (rời|rời khỏi|rời bỏ) {X}", &kAlumniOfX},
    {"(cựu nhân viên|những cựu nhân viên|các cựu nhân viên|cựu kỹ sư) [của] {X} [là] [ai|những "
     "ai|gồm những ai]",
     &kAlumniOfX},
    {"ai là (cựu nhân viên|cựu kỹ sư) [của] {X}", &kAlumniOfX},

    // ---- Where X formerly worked or studied. ----
    {"where (did|has) {X} (work|worked|study|studied|used to work)", &kFormerOrgsOfX},
    {"(which|what) (companies|company|organizations|organization|universities) (did|has) {X} "
     "(work at|work for|worked at|worked for|study at|studied at|leave|left)",
     &kFormerOrgsOfX},
    {"{X} [đã] [từng] (làm việc|làm|học|công tác) (ở|tại|cho) (đâu|công ty nào|những công ty "
     "nào|những đâu|nơi nào)",
     &kFormerOrgsOfX},
};

// ---- The pattern language. ----

struct Element {
  enum class Kind { kWords, kSlotX, kSlotY };
  Kind kind = Kind::kWords;
  // kWords: each alternative is a sequence of words; an optional group has an empty one.
  std::vector<std::vector<std::string>> alternatives;
};

// Lowercases ASCII letters and the Vietnamese capital Đ, which is enough for sentence
// starts ("Ai", "Những", "Đâu"); entity names keep their case in the captures.
std::string FoldWord(absl::string_view word) {
  std::string folded = absl::AsciiStrToLower(word);
  return absl::StrReplaceAll(folded, {{"\xC4\x90", "\xC4\x91"}});  // Đ -> đ
}

std::vector<std::string> Words(absl::string_view text) {
  std::vector<std::string> words;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    words.push_back(FoldWord(word));
  }
  return words;
}

std::vector<Element> CompilePattern(absl::string_view pattern) {
  std::vector<Element> elements;
  size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    Element element;
    if (c == '(' || c == '[') {
      const char close = c == '(' ? ')' : ']';
      const size_t end = pattern.find(close, i);
      absl::string_view body = pattern.substr(i + 1, end - i - 1);
      for (absl::string_view alternative : absl::StrSplit(body, '|')) {
        element.alternatives.push_back(Words(alternative));
      }
      if (c == '[') element.alternatives.push_back({});
      i = end + 1;
    } else if (pattern.substr(i, 3) == "{X}" || pattern.substr(i, 3) == "{Y}") {
      element.kind = pattern[i + 1] == 'X' ? Element::Kind::kSlotX : Element::Kind::kSlotY;
      i += 3;
    } else {
      size_t end = pattern.find(' ', i);
      if (end == absl::string_view::npos) end = pattern.size();
      element.alternatives.push_back(Words(pattern.substr(i, end - i)));
      i = end;
    }
    elements.push_back(std::move(element));
  }
  return elements;
}

struct Token {
  std::string folded;
  std::string original;
};

// Splits the question into words, dropping punctuation at the ends and splitting a
// possessive 's (or ’s) into its own token.
std::vector<Token> Tokenize(absl::string_view question) {
  std::string text = absl::StrReplaceAll(question, {{"\xE2\x80\x99", "'"},  // ’
                                                    {"\xEF\xBC\x9F", " "},  // ？
                                                    {"\t", " "},
                                                    {"\n", " "},
                                                    {"\r", " "}});
  std::vector<Token> tokens;
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    while (!word.empty() &&
           absl::string_view("?!.,;:\"").find(word.back()) != absl::string_view::npos) {
      word.remove_suffix(1);
    }
    while (!word.empty() &&
           absl::string_view("\"(").find(word.front()) != absl::string_view::npos) {
      word.remove_prefix(1);
    }
    if (word.empty()) continue;
    if (word.size() > 2 && absl::EndsWith(word, "'s")) {
      absl::string_view base = word.substr(0, word.size() - 2);
      tokens.push_back({FoldWord(base), std::string(base)});
      tokens.push_back({"'s", "'s"});
      continue;
    }
    tokens.push_back({FoldWord(word), std::string(word)});
  }
  return tokens;
}

struct Capture {
  size_t begin = 0;
  size_t end = 0;
};

constexpr size_t kMaxReadingsPerTemplate = 8;

// Depth-first match of elements[e..] against tokens[t..]; every full match is added to
// `out` as the pair of captures (X, Y).
void Match(const std::vector<Element>& elements, size_t e, const std::vector<Token>& tokens,
           size_t t, Capture x, Capture y, std::vector<std::pair<Capture, Capture>>* out) {
  if (out->size() >= kMaxReadingsPerTemplate) return;
  if (e == elements.size()) {
    if (t == tokens.size()) out->push_back({x, y});
    return;
  }
  const Element& element = elements[e];
  if (element.kind != Element::Kind::kWords) {
    for (size_t end = t + 1; end <= tokens.size(); ++end) {
      // A possessive marker never belongs to a name.
      if (tokens[end - 1].folded == "'s") break;
      Capture capture{t, end};
      if (element.kind == Element::Kind::kSlotX) {
        Match(elements, e + 1, tokens, end, capture, y, out);
      } else {
        Match(elements, e + 1, tokens, end, x, capture, out);
      }
    }
    return;
  }
  for (const std::vector<std::string>& words : element.alternatives) {
    if (t + words.size() > tokens.size()) continue;
    bool same = true;
    for (size_t k = 0; k < words.size() && same; ++k) same = tokens[t + k].folded == words[k];
    if (same) Match(elements, e + 1, tokens, t + words.size(), x, y, out);
  }
}

std::string Join(const std::vector<Token>& tokens, Capture capture) {
  std::string joined;
  for (size_t i = capture.begin; i < capture.end; ++i) {
    if (i > capture.begin) absl::StrAppend(&joined, " ");
    absl::StrAppend(&joined, tokens[i].original);
  }
  return joined;
}

struct CompiledTemplate {
  std::string pattern;
  std::vector<Element> elements;
  const QueryShape* shape;
};

const std::vector<CompiledTemplate>& CompiledTemplates() {
  static const auto* templates = [] {
    auto* compiled = new std::vector<CompiledTemplate>();
    for (const QuestionTemplate& t : kTemplates) {
      compiled->push_back({t.pattern, CompilePattern(t.pattern), t.shape});
    }
    return compiled;
  }();
  return *templates;
}

}  // namespace

std::vector<std::string> UnderstoodQuestionForms() {
  return {kInvestedInByX.example, kInvestorsOfX.example,  kFoundersOfX.example,
          kFoundedByX.example,    kHqOfX.example,         kHeadquarteredInX.example,
          kAlumniOfX.example,     kFormerOrgsOfX.example, kFoundedByAlumniOfX.example,
          kConnection.example};
}

absl::StatusOr<std::vector<ParsedQuestion>> ParseQuestion(absl::string_view question) {
  const std::vector<Token> tokens = Tokenize(question);
  std::vector<ParsedQuestion> readings;
  if (!tokens.empty()) {
    for (const CompiledTemplate& t : CompiledTemplates()) {
      std::vector<std::pair<Capture, Capture>> matches;
      Match(t.elements, 0, tokens, 0, Capture{}, Capture{}, &matches);
      for (const auto& [x, y] : matches) {
        ParsedQuestion parsed;
        parsed.kind = t.shape->steps.empty() ? ParsedQuestion::Kind::kConnection
                                             : ParsedQuestion::Kind::kTraversal;
        parsed.entity = Join(tokens, x);
        if (parsed.kind == ParsedQuestion::Kind::kConnection) parsed.other_entity = Join(tokens, y);
        parsed.steps = t.shape->steps;
        parsed.description = t.shape->description;
        parsed.pattern = t.pattern;
        readings.push_back(std::move(parsed));
      }
    }
  }
  if (readings.empty()) {
    std::string message = absl::StrCat("cannot understand the question \"", question,
                                       "\"; ask one of these forms, with any entity name: ");
    absl::StrAppend(&message, absl::StrJoin(UnderstoodQuestionForms(), "; "));
    return absl::InvalidArgumentError(message);
  }
  return readings;
}

}  // namespace kg::server
