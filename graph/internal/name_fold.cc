#include "graph/internal/name_fold.h"

#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "unicode/translit.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"

namespace kg::graph::internal {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Appends `s` to `out`, collapsing whitespace runs and trimming; `lower` folds ASCII case.
void AppendCollapsed(absl::string_view s, bool lower, std::string* out) {
  bool pending_space = false;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
      pending_space = !out->empty();
      continue;
    }
    if (pending_space) out->push_back(' ');
    pending_space = false;
    if (lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out->push_back(c);
  }
}

// The transliterator is costly to build; one shared instance behind a mutex, used
// only for non-ASCII names.
class Folder {
 public:
  Folder() {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) transliterator_.reset();
  }

  std::string Fold(absl::string_view name) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    {
      absl::MutexLock lock(&mu_);
      if (transliterator_ != nullptr) transliterator_->transliterate(u);
    }
    u.foldCase(U_FOLD_CASE_DEFAULT);
    icu::UnicodeString mapped;
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      i += U16_LENGTH(c);
      if (c == 0x0111 || c == 0x0110) {
        mapped.append(static_cast<UChar32>('d'));
      } else if (u_isUWhiteSpace(c)) {
        mapped.append(static_cast<UChar32>(' '));
      } else {
        mapped.append(c);
      }
    }
    std::string utf8;
    mapped.toUTF8String(utf8);
    std::string out;
    AppendCollapsed(utf8, /*lower=*/false, &out);
    return out;
  }

 private:
  absl::Mutex mu_;
  std::unique_ptr<icu::Transliterator> transliterator_ ABSL_GUARDED_BY(mu_);
};

Folder& SharedFolder() {
  static Folder* folder = new Folder();
  return *folder;
}

}  // namespace

std::string FoldName(absl::string_view name) {
  bool ascii = true;
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    std::string out;
    out.reserve(name.size());
    AppendCollapsed(name, /*lower=*/true, &out);
    return out;
  }
  return SharedFolder().Fold(name);
}

std::string CleanName(absl::string_view name) {
  std::string out;
  out.reserve(name.size());
  AppendCollapsed(name, /*lower=*/false, &out);
  return out;
}

}  // namespace kg::graph::internal
