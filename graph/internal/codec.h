// graph/internal/codec.h: the on-disk layout of a kg store, and its codec.
//
// Everything lives in RocksDB's default column family; the first byte of a key
// says what the key holds. Integers in keys are big-endian, so a prefix scan
// visits ids in numeric order. Values are length-prefixed (varint32) fields.
//
//   "M" "format_version"            -> decimal string; kFormatVersion. A store whose
//                                      version differs is refused with DATA_LOSS.
//   "M" "next_entity_id"            -> fixed64 (big-endian): next id to hand out.
//   "E" id:be64                     -> EntityValue: type:u8, name, n:varint, n aliases.
//   "N" folded-name 0x00 id:be64    -> "" ; name index: one key per (folded name or
//                                      alias, entity). See name_fold.h for folding.
//   "L" id:be64 dir:u8 rel:u8       -> AdjacencyList: count:varint, then ascending
//                                      neighbour ids as varint deltas. Written with the
//                                      adjacency merge operator (operands "+" id:be64
//                                      and "-" id:be64), so an append never rewrites a
//                                      supernode's list in the write path. dir is
//                                      Direction::kOut (1) in the subject's list and
//                                      Direction::kIn (2) in the object's list.
//   "D" id:be64 dir:u8 rel:u8       -> fixed64 (big-endian): the length of the "L" list
//                                      with the same suffix, written in the same batch.
//   "U" s:be64 rel:u8 o:be64        -> "" ; present iff the edge exists and none of its
//                                      evidence is confirmed.
//   "X" s:be64 rel:u8 o:be64 article 0x00 seq:be32
//                                   -> EvidenceValue: confirmed:u8, confidence:be32
//                                      (float bits), sentence, 3 spans (2 varints
//                                      each), rule, n:varint, n (key, value).
//                                      The article id is in the key; seq is the
//                                      fact's index in that article.
//   "A" article-id                  -> ArticleValue: title, source_url, content_hash,
//                                      text_bytes:varint64, fact_count:varint,
//                                      ingested_unix_seconds:varint64 (zigzag),
//                                      n:varint, n EvidenceRef (s:be64 rel:u8 o:be64
//                                      seq:be32): the "X" keys this article owns.
//
// Article ids and names never contain 0x00 (AddArticle refuses them), so the
// separators above are unambiguous. All enums stored here (RelationType,
// EntityType, Direction) are frozen in graph/model.h.
#ifndef KG_GRAPH_INTERNAL_CODEC_H_
#define KG_GRAPH_INTERNAL_CODEC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace kg::graph::internal {

// Bump when any encoding above changes; Open refuses other versions.
inline constexpr int kFormatVersion = 1;

inline constexpr char kMetaPrefix = 'M';
inline constexpr char kEntityPrefix = 'E';
inline constexpr char kNamePrefix = 'N';
inline constexpr char kAdjacencyPrefix = 'L';
inline constexpr char kDegreePrefix = 'D';
inline constexpr char kUnconfirmedPrefix = 'U';
inline constexpr char kEvidencePrefix = 'X';
inline constexpr char kArticlePrefix = 'A';

inline constexpr char kAdjacencyAdd = '+';
inline constexpr char kAdjacencyRemove = '-';

std::string MetaKey(absl::string_view name);

void PutFixed64BE(std::string* dst, uint64_t v);
void PutFixed32BE(std::string* dst, uint32_t v);
uint64_t DecodeFixed64BE(const char* p);
uint32_t DecodeFixed32BE(const char* p);
void PutVarint64(std::string* dst, uint64_t v);
void PutLengthPrefixed(std::string* dst, absl::string_view s);

// Reads from the front of `in`, advancing it; false on truncated input.
bool GetVarint64(absl::string_view* in, uint64_t* v);
bool GetLengthPrefixed(absl::string_view* in, absl::string_view* s);
bool GetByte(absl::string_view* in, uint8_t* b);
bool GetFixed32BE(absl::string_view* in, uint32_t* v);
bool GetFixed64BE(absl::string_view* in, uint64_t* v);

std::string EntityKey(uint64_t id);
std::string NameKey(absl::string_view folded, uint64_t id);
std::string AdjacencyKey(uint64_t id, Direction dir, RelationType rel);
std::string DegreeKey(uint64_t id, Direction dir, RelationType rel);
// Prefix of every "U" or "X" key of one edge (prefix is kUnconfirmedPrefix or kEvidencePrefix).
std::string EdgeKey(char prefix, uint64_t subject, RelationType rel, uint64_t object);
std::string EvidenceKey(uint64_t subject, RelationType rel, uint64_t object,
                        absl::string_view article_id, uint32_t seq);
std::string ArticleKey(absl::string_view article_id);

struct EvidenceKeyParts {
  uint64_t subject = 0;
  RelationType relation = RelationType::kFoundedBy;
  uint64_t object = 0;
  absl::string_view article_id;
  uint32_t seq = 0;
};
bool DecodeEvidenceKey(absl::string_view key, EvidenceKeyParts* parts);

std::string EncodeEntity(const Entity& entity);
bool DecodeEntity(uint64_t id, absl::string_view value, Entity* entity);

// The article id is not part of the value; callers fill it from the key.
std::string EncodeEvidence(const Evidence& evidence);
bool DecodeEvidence(absl::string_view value, Evidence* evidence);
// Cheap peek at the confirmed byte of an encoded evidence value.
bool EvidenceValueConfirmed(absl::string_view value);

struct EvidenceRef {
  uint64_t subject = 0;
  RelationType relation = RelationType::kFoundedBy;
  uint64_t object = 0;
  uint32_t seq = 0;
};

struct ArticleRecord {
  std::string title;
  std::string source_url;
  std::string content_hash;
  uint64_t text_bytes = 0;
  uint32_t fact_count = 0;
  int64_t ingested_unix_seconds = 0;
  std::vector<EvidenceRef> evidence;
};
std::string EncodeArticle(const ArticleRecord& record);
bool DecodeArticle(absl::string_view value, ArticleRecord* record);

std::string EncodeAdjacencyList(const std::vector<uint64_t>& sorted_ids);
bool DecodeAdjacencyList(absl::string_view value, std::vector<uint64_t>* ids);

// Hex digest of `text` (two independent 64-bit FNV-1a lanes, 32 hex digits).
std::string ContentHash(absl::string_view text);

bool IsValidRelation(RelationType rel);
bool IsValidEntityType(EntityType type);

}  // namespace kg::graph::internal

#endif  // KG_GRAPH_INTERNAL_CODEC_H_
