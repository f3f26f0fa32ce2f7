#include "flow/format.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include "tests/support/test_support.h"

using namespace gomo;

TEST_CASE("format: comments kept by fmt; a conversion that cannot place them refuses unless told") {
  auto doc = document::read_document("f.yaml",
                                     "startNodeId: a\nnodes:\n  - type: hangup  # the end\n    # named a\n    id: a\n");
  auto kept = flow::format_document(*doc, {});
  REQUIRE(kept.has_value());
  CHECK(kept->comments_kept == 2);
  CHECK(kept->text == "startNodeId: a\nnodes:\n  # named a\n  - id: a\n    type: hangup  # the end\n");

  // In map form the id field disappears, and the comment above it has nowhere to go.
  flow::FormatOptions to_map;
  to_map.canonical.nodes = flow::NodesForm::kMap;
  auto refused = flow::format_document(*doc, to_map);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().message() ==
        "1 of 2 comments could not be kept; pass --drop-comments to write the file without them");
  to_map.drop_comments = true;
  auto dropped = flow::format_document(*doc, to_map);
  REQUIRE(dropped.has_value());
  CHECK(dropped->comments_dropped == 2);
  CHECK(dropped->text == "startNodeId: a\nnodes:\n  a:\n    type: hangup\n");
}

TEST_CASE("format: YAML to JSON drops comments and says so; JSON stays JSON") {
  auto doc = document::read_document("f.yaml", "# c\nstartNodeId: a\nnodes: []\n");
  flow::FormatOptions to_json;
  to_json.to = document::Format::kJson;
  auto out = flow::format_document(*doc, to_json);
  REQUIRE(out.has_value());
  CHECK(out->comments_dropped == 1);
  CHECK(out->text == "{\n  \"startNodeId\": \"a\",\n  \"nodes\": []\n}\n");
}

TEST_CASE("format: replace_file writes atomically and keeps permission bits") {
  std::string dir = test::scratch_dir();
  std::string path = test::write_file(dir, "f.yaml", "old\n");
  REQUIRE(chmod(path.c_str(), 0640) == 0);
  REQUIRE(flow::replace_file(path, "new\n").is_ok());
  CHECK(test::read_file(path) == "new\n");
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  CHECK_FALSE(flow::replace_file(dir + "/no/such/dir/f.yaml", "x").is_ok());
}
