#include "diag/diagnostic.h"

#include <doctest/doctest.h>

#include <string>

using namespace gomo;

TEST_CASE("diag: visible escapes what a terminal would act on, and nothing else") {
  CHECK(diag::visible("node `menu` first defined at 12:5") == "node `menu` first defined at 12:5");
  CHECK(diag::visible("\x1b]0;pwned\x07") == "\\x1b]0;pwned\\x07");
  CHECK(diag::visible(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(diag::visible("tab\there\r\n") == "tab\\there\\r\\n");
  CHECK(diag::visible("\x7f") == "\\x7f");
  CHECK(diag::visible("\xff\xfe") == "\\xff\\xfe");  // not UTF-8
  CHECK(diag::visible("\xc2\x9b"
                      "31m") == "\\u009b31m");  // C1 CSI
  CHECK(diag::visible("\xe2\x80\xae"
                      "abc") == "\\u202eabc");  // right-to-left override
  CHECK(diag::visible("\xc3\xa9t\xc3\xa9 \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85") ==
        "\xc3\xa9t\xc3\xa9 \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85");
  CHECK(diag::visible("\xe0\x80\x80") == "\\xe0\\x80\\x80");  // overlong
  CHECK(diag::visible("\xe2\x82") == "\\xe2\\x82");           // cut short
  CHECK(diag::visible(diag::visible("\x1b")) == "\\x1b");     // idempotent
}

TEST_CASE("diag: set_snippet keeps short lines whole and cuts long ones around the column") {
  diag::Diagnostic d;
  d.location.line = 1;
  d.location.col = 3;
  diag::set_snippet(d, "  onEnd: bye");
  CHECK(d.snippet == "  onEnd: bye");
  CHECK(d.snippet_col == 1);
  CHECK_FALSE(d.snippet_cut);

  std::string line;
  for (int i = 0; i < 10000; ++i) line += "\"k" + std::to_string(i) + "\": 1, ";
  d.location.col = 50001;
  diag::set_snippet(d, line);
  CHECK(d.snippet.size() == diag::kSnippetColumns);
  CHECK(d.snippet_col == 50001 - diag::kSnippetColumns / 3);
  CHECK(d.snippet == line.substr(d.snippet_col - 1, diag::kSnippetColumns));
  CHECK(d.snippet_cut);

  // Columns count characters: two-byte letters before the column shift bytes, not columns.
  std::string arabic;
  for (int i = 0; i < 200; ++i) arabic += "\xd8\xb3";
  arabic += "onEnd";
  d.location.col = 201;
  diag::set_snippet(d, arabic);
  CHECK(d.snippet_col == 201 - diag::kSnippetColumns / 3);
  CHECK(d.snippet.size() == (diag::kSnippetColumns / 3) * 2 + 5);
  CHECK(d.snippet.substr(d.snippet.size() - 5) == "onEnd");
  CHECK_FALSE(d.snippet_cut);

  // A cursor walks a line once for findings in column order, with the same result.
  diag::SnippetCursor cursor;
  diag::Diagnostic a = d, b = d;
  a.location.col = 10;
  b.location.col = 150;
  diag::set_snippet(a, arabic, &cursor);
  diag::set_snippet(b, arabic, &cursor);
  diag::Diagnostic b2 = b;
  diag::set_snippet(b2, arabic);
  CHECK(a.snippet_col == 1);
  CHECK(b.snippet == b2.snippet);
  CHECK(b.snippet_col == b2.snippet_col);
}
