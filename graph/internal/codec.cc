#include "graph/internal/codec.h"

#include <cstring>

#include "absl/strings/str_format.h"

namespace kg::graph::internal {

std::string MetaKey(absl::string_view name) {
  std::string key(1, kMetaPrefix);
  key.append(name.data(), name.size());
  return key;
}

void PutFixed64BE(std::string* dst, uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  dst->append(buf, 8);
}

void PutFixed32BE(std::string* dst, uint32_t v) {
  char buf[4];
  for (int i = 3; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  dst->append(buf, 4);
}

uint64_t DecodeFixed64BE(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

uint32_t DecodeFixed32BE(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

void PutVarint64(std::string* dst, uint64_t v) {
  char buf[10];
  int n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  dst->append(buf, n);
}

void PutLengthPrefixed(std::string* dst, absl::string_view s) {
  PutVarint64(dst, s.size());
  dst->append(s.data(), s.size());
}

bool GetVarint64(absl::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    uint8_t byte = static_cast<uint8_t>((*in)[0]);
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

bool GetLengthPrefixed(absl::string_view* in, absl::string_view* s) {
  uint64_t len = 0;
  if (!GetVarint64(in, &len) || len > in->size()) return false;
  *s = in->substr(0, len);
  in->remove_prefix(len);
  return true;
}

bool GetByte(absl::string_view* in, uint8_t* b) {
  if (in->empty()) return false;
  *b = static_cast<uint8_t>((*in)[0]);
  in->remove_prefix(1);
  return true;
}

bool GetFixed32BE(absl::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = DecodeFixed32BE(in->data());
  in->remove_prefix(4);
  return true;
}

bool GetFixed64BE(absl::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  *v = DecodeFixed64BE(in->data());
  in->remove_prefix(8);
  return true;
}

std::string EntityKey(uint64_t id) {
  std::string key(1, kEntityPrefix);
  PutFixed64BE(&key, id);
  return key;
}

std::string NameKey(absl::string_view folded, uint64_t id) {
  std::string key(1, kNamePrefix);
  key.append(folded.data(), folded.size());
  key.push_back('\0');
  PutFixed64BE(&key, id);
  return key;
}

namespace {
std::string IdDirRelKey(char prefix, uint64_t id, Direction dir, RelationType rel) {
  std::string key(1, prefix);
  PutFixed64BE(&key, id);
  key.push_back(static_cast<char>(dir));
  key.push_back(static_cast<char>(rel));
  return key;
}
}  // namespace

std::string AdjacencyKey(uint64_t id, Direction dir, RelationType rel) {
  return IdDirRelKey(kAdjacencyPrefix, id, dir, rel);
}

std::string DegreeKey(uint64_t id, Direction dir, RelationType rel) {
  return IdDirRelKey(kDegreePrefix, id, dir, rel);
}

std::string EdgeKey(char prefix, uint64_t subject, RelationType rel, uint64_t object) {
  std::string key(1, prefix);
  PutFixed64BE(&key, subject);
  key.push_back(static_cast<char>(rel));
  PutFixed64BE(&key, object);
  return key;
}

std::string EvidenceKey(uint64_t subject, RelationType rel, uint64_t object,
                        absl::string_view article_id, uint32_t seq) {
  std::string key = EdgeKey(kEvidencePrefix, subject, rel, object);
  key.append(article_id.data(), article_id.size());
  key.push_back('\0');
  PutFixed32BE(&key, seq);
  return key;
}

bool DecodeEvidenceKey(absl::string_view key, EvidenceKeyParts* parts) {
  // prefix(1) s(8) rel(1) o(8) article(>=1) 0x00 seq(4)
  if (key.size() < 1 + 8 + 1 + 8 + 1 + 1 + 4 || key[0] != kEvidencePrefix) return false;
  parts->subject = DecodeFixed64BE(key.data() + 1);
  parts->relation = static_cast<RelationType>(static_cast<uint8_t>(key[9]));
  parts->object = DecodeFixed64BE(key.data() + 10);
  absl::string_view article = key.substr(18, key.size() - 18 - 5);
  if (key[key.size() - 5] != '\0') return false;
  parts->article_id = article;
  parts->seq = DecodeFixed32BE(key.data() + key.size() - 4);
  return true;
}

std::string ArticleKey(absl::string_view article_id) {
  std::string key(1, kArticlePrefix);
  key.append(article_id.data(), article_id.size());
  return key;
}

std::string EncodeEntity(const Entity& entity) {
  std::string value;
  value.push_back(static_cast<char>(entity.type));
  PutLengthPrefixed(&value, entity.name);
  PutVarint64(&value, entity.aliases.size());
  for (const std::string& alias : entity.aliases) PutLengthPrefixed(&value, alias);
  return value;
}

bool DecodeEntity(uint64_t id, absl::string_view value, Entity* entity) {
  uint8_t type = 0;
  absl::string_view name;
  uint64_t n = 0;
  if (!GetByte(&value, &type) || !GetLengthPrefixed(&value, &name) || !GetVarint64(&value, &n)) {
    return false;
  }
  entity->id = id;
  entity->type = static_cast<EntityType>(type);
  entity->name = std::string(name);
  entity->aliases.clear();
  for (uint64_t i = 0; i < n; ++i) {
    absl::string_view alias;
    if (!GetLengthPrefixed(&value, &alias)) return false;
    entity->aliases.emplace_back(alias);
  }
  return true;
}

namespace {
void PutSpan(std::string* dst, const ByteSpan& span) {
  PutVarint64(dst, span.begin);
  PutVarint64(dst, span.end);
}
bool GetSpan(absl::string_view* in, ByteSpan* span) {
  uint64_t b = 0, e = 0;
  if (!GetVarint64(in, &b) || !GetVarint64(in, &e)) return false;
  span->begin = static_cast<uint32_t>(b);
  span->end = static_cast<uint32_t>(e);
  return true;
}
}  // namespace

std::string EncodeEvidence(const Evidence& evidence) {
  std::string value;
  value.push_back(evidence.confirmed ? 1 : 0);
  uint32_t bits = 0;
  std::memcpy(&bits, &evidence.confidence, sizeof(bits));
  PutFixed32BE(&value, bits);
  PutLengthPrefixed(&value, evidence.sentence);
  PutSpan(&value, evidence.sentence_span);
  PutSpan(&value, evidence.subject_span);
  PutSpan(&value, evidence.object_span);
  PutLengthPrefixed(&value, evidence.rule);
  PutVarint64(&value, evidence.qualifiers.size());
  for (const auto& [k, v] : evidence.qualifiers) {
    PutLengthPrefixed(&value, k);
    PutLengthPrefixed(&value, v);
  }
  return value;
}

bool DecodeEvidence(absl::string_view value, Evidence* evidence) {
  uint8_t confirmed = 0;
  uint32_t bits = 0;
  absl::string_view sentence, rule;
  uint64_t n = 0;
  if (!GetByte(&value, &confirmed) || !GetFixed32BE(&value, &bits) ||
      !GetLengthPrefixed(&value, &sentence) || !GetSpan(&value, &evidence->sentence_span) ||
      !GetSpan(&value, &evidence->subject_span) || !GetSpan(&value, &evidence->object_span) ||
      !GetLengthPrefixed(&value, &rule) || !GetVarint64(&value, &n)) {
    return false;
  }
  evidence->confirmed = confirmed != 0;
  std::memcpy(&evidence->confidence, &bits, sizeof(bits));
  evidence->sentence = std::string(sentence);
  evidence->rule = std::string(rule);
  evidence->qualifiers.clear();
  for (uint64_t i = 0; i < n; ++i) {
    absl::string_view k, v;
    if (!GetLengthPrefixed(&value, &k) || !GetLengthPrefixed(&value, &v)) return false;
    evidence->qualifiers.emplace(std::string(k), std::string(v));
  }
  return true;
}

bool EvidenceValueConfirmed(absl::string_view value) { return !value.empty() && value[0] != 0; }

std::string EncodeArticle(const ArticleRecord& record) {
  std::string value;
  PutLengthPrefixed(&value, record.title);
  PutLengthPrefixed(&value, record.source_url);
  PutLengthPrefixed(&value, record.content_hash);
  PutVarint64(&value, record.text_bytes);
  PutVarint64(&value, record.fact_count);
  int64_t ts = record.ingested_unix_seconds;
  PutVarint64(&value, (static_cast<uint64_t>(ts) << 1) ^ static_cast<uint64_t>(ts >> 63));
  PutVarint64(&value, record.evidence.size());
  for (const EvidenceRef& ref : record.evidence) {
    PutFixed64BE(&value, ref.subject);
    value.push_back(static_cast<char>(ref.relation));
    PutFixed64BE(&value, ref.object);
    PutFixed32BE(&value, ref.seq);
  }
  return value;
}

bool DecodeArticle(absl::string_view value, ArticleRecord* record) {
  absl::string_view title, url, hash;
  uint64_t text_bytes = 0, fact_count = 0, ts = 0, n = 0;
  if (!GetLengthPrefixed(&value, &title) || !GetLengthPrefixed(&value, &url) ||
      !GetLengthPrefixed(&value, &hash) || !GetVarint64(&value, &text_bytes) ||
      !GetVarint64(&value, &fact_count) || !GetVarint64(&value, &ts) ||
      !GetVarint64(&value, &n)) {
    return false;
  }
  record->title = std::string(title);
  record->source_url = std::string(url);
  record->content_hash = std::string(hash);
  record->text_bytes = text_bytes;
  record->fact_count = static_cast<uint32_t>(fact_count);
  record->ingested_unix_seconds = static_cast<int64_t>((ts >> 1) ^ (~(ts & 1) + 1));
  record->evidence.clear();
  if (n > value.size() / 21) return false;
  record->evidence.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    EvidenceRef ref;
    uint8_t rel = 0;
    if (!GetFixed64BE(&value, &ref.subject) || !GetByte(&value, &rel) ||
        !GetFixed64BE(&value, &ref.object) || !GetFixed32BE(&value, &ref.seq)) {
      return false;
    }
    ref.relation = static_cast<RelationType>(rel);
    record->evidence.push_back(ref);
  }
  return true;
}

std::string EncodeAdjacencyList(const std::vector<uint64_t>& sorted_ids) {
  std::string value;
  PutVarint64(&value, sorted_ids.size());
  uint64_t prev = 0;
  for (uint64_t id : sorted_ids) {
    PutVarint64(&value, id - prev);
    prev = id;
  }
  return value;
}

bool DecodeAdjacencyList(absl::string_view value, std::vector<uint64_t>* ids) {
  uint64_t n = 0;
  ids->clear();
  if (!GetVarint64(&value, &n) || n > value.size()) return false;
  ids->reserve(n);
  uint64_t prev = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t delta = 0;
    if (!GetVarint64(&value, &delta)) return false;
    prev += delta;
    ids->push_back(prev);
  }
  return value.empty();
}

std::string ContentHash(absl::string_view text) {
  // Not cryptographic: it only tells "same text again" from "changed text".
  uint64_t a = 0xcbf29ce484222325ULL;
  uint64_t b = 0x84222325cbf29ce4ULL ^ text.size();
  for (unsigned char c : text) {
    a = (a ^ c) * 0x100000001b3ULL;
    b = (b + c + 1) * 0x9e3779b97f4a7c15ULL;
    b ^= b >> 29;
  }
  return absl::StrFormat("%016x%016x", a, b);
}

bool IsValidRelation(RelationType rel) {
  uint8_t v = static_cast<uint8_t>(rel);
  return v >= 1 && v <= 4;
}

bool IsValidEntityType(EntityType type) { return static_cast<uint8_t>(type) <= 3; }

}  // namespace kg::graph::internal
