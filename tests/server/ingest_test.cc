#include "server/ingest.h"

#include <string>

#include "gtest/gtest.h"
#include "server/kg_server.h"

namespace kg::server {
namespace {

TEST(IngestTest, ValidUtf8Passes) {
  EXPECT_TRUE(ValidateUtf8("").ok());
  EXPECT_TRUE(ValidateUtf8("Alibaba đã đầu tư vào Moonshot AI 🚀").ok());
}

TEST(IngestTest, InvalidUtf8NamesTheByteOffset) {
  absl::Status status = ValidateUtf8(std::string("abc\xff", 4));
  ASSERT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("byte offset 3"), std::string::npos) << status;
  // "đ" is two bytes; a truncated sequence at the end is caught where it starts.
  status = ValidateUtf8(std::string("đa\xe1\xba", 5));
  EXPECT_NE(status.message().find("byte offset 3"), std::string::npos) << status;
  // Overlong encoding of '/' and a UTF-16 surrogate are not UTF-8.
  EXPECT_FALSE(ValidateUtf8(std::string("\xc0\xaf", 2)).ok());
  EXPECT_FALSE(ValidateUtf8(std::string("\xed\xa0\x80", 3)).ok());
}

TEST(IngestTest, ArticleIdFromTextIsStableAndDistinct) {
  EXPECT_EQ(ArticleIdFromText("one text"), ArticleIdFromText("one text"));
  EXPECT_NE(ArticleIdFromText("one text"), ArticleIdFromText("another text"));
  EXPECT_EQ(ArticleIdFromText("").substr(0, 5), "text-");
  EXPECT_EQ(ArticleIdFromText("x").size(), 5u + 16u);
}

TEST(IngestTest, TitleIsTheFirstNonEmptyLine) {
  EXPECT_EQ(FirstLineTitle("\n  \n  Tiêu đề bài báo  \nthân bài"), "Tiêu đề bài báo");
  EXPECT_EQ(FirstLineTitle(""), "");
  std::string long_line;
  for (int i = 0; i < 150; ++i) long_line += "đ";  // 300 bytes.
  const std::string title = FirstLineTitle(long_line);
  EXPECT_LE(title.size(), 200u);
  EXPECT_TRUE(ValidateUtf8(title).ok());  // Cut on a character boundary.
}

TEST(ServerOptionsTest, LoopbackAddresses) {
  EXPECT_TRUE(IsLoopbackListenAddress("127.0.0.1:50051"));
  EXPECT_TRUE(IsLoopbackListenAddress("localhost:0"));
  EXPECT_TRUE(IsLoopbackListenAddress("[::1]:50051"));
  EXPECT_TRUE(IsLoopbackListenAddress("unix:/tmp/kg.sock"));
  EXPECT_FALSE(IsLoopbackListenAddress("0.0.0.0:50051"));
  EXPECT_FALSE(IsLoopbackListenAddress("[::]:50051"));
  EXPECT_FALSE(IsLoopbackListenAddress("10.1.2.3:50051"));
  EXPECT_FALSE(IsLoopbackListenAddress("example.com:50051"));
}

}  // namespace
}  // namespace kg::server
