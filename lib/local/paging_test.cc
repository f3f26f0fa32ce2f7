#include "local/paging.h"

#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "local/local_operations.h"
#include "store/workspace.h"
#include "tests/support/test_support.h"

namespace gomo::local {

namespace {

// A workspace with `n` contacts of one organisation, written in batches of 50 (one created_at per
// batch: ties on the default sort key), first names from a set of four or none (ties and NULLs),
// emails on every third contact only.
struct PagingFixture {
  explicit PagingFixture(int n) {
    auto opened = store::Workspace::open(test::scratch_dir() + "/paging.db");
    REQUIRE(opened);
    store = std::move(opened.value());
    auto org = store->create_organization("Paging", "paging");
    REQUIRE(org);
    org_id = org->organization.id;
    auto writer = make_platform(store, org_id);
    const char* names[] = {"Amina", "Omar", "Zoé", "Karim"};
    std::vector<api::ContactFields> batch;
    for (int i = 0; i < n; ++i) {
      api::ContactFields f;
      f.primary_phone = "+2126" + std::to_string(10000000 + i * 37);
      if (i % 5 != 0) f.first_name = names[i % 4];
      if (i % 3 == 0) f.primary_email = "c" + std::to_string(i % 7) + "@example.com";
      batch.push_back(f);
      if (batch.size() == 50 || i == n - 1) {
        REQUIRE(writer->upsert_contacts(batch));
        batch.clear();
      }
    }
  }
  // A platform sharing `pager` (as gomo serve's per-request platforms share the workspace's).
  std::unique_ptr<api::Platform> platform(std::shared_ptr<Pager> pager) { return make_platform(store, org_id, pager); }

  std::shared_ptr<store::Workspace> store;
  std::string org_id;
};

api::PageQuery query(const std::string& sort_by, const std::string& order, int page, int limit) {
  api::PageQuery q;
  q.sort_by = sort_by;
  q.sort_order = order;
  q.page = page;
  q.limit = limit;
  return q;
}

std::vector<std::string> ids_of(const api::Page<api::Contact>& page) {
  std::vector<std::string> ids;
  for (const auto& c : page.data) ids.push_back(c.id);
  return ids;
}

}  // namespace

TEST_CASE("Pager: pages read in order are the pages OFFSET gives, every contact once, in every sort order") {
  PagingFixture fx(230);
  for (const char* sort : {"createdAt", "firstName", "lastName", "primaryPhone", "primaryEmail"}) {
    for (const char* order : {"asc", "desc"}) {
      CAPTURE(sort);
      CAPTURE(order);
      auto pager = std::make_shared<Pager>();
      auto platform = fx.platform(pager);
      std::vector<std::string> all;
      int pages = 0;
      for (int p = 1;; ++p) {
        auto page = platform->list_contacts(query(sort, order, p, 7));
        REQUIRE(page);
        CHECK(page->meta.total == 230);
        // The same page from a pager that has no cursor: LIMIT/OFFSET, the reference.
        auto fresh = fx.platform(std::make_shared<Pager>())->list_contacts(query(sort, order, p, 7));
        REQUIRE(fresh);
        CHECK(ids_of(*page) == ids_of(*fresh));
        for (auto& id : ids_of(*page)) all.push_back(id);
        ++pages;
        if (!page->meta.has_next_page) break;
        REQUIRE(p < 100);
      }
      CHECK(pages == 33);
      CHECK(all.size() == 230);
      CHECK(std::set<std::string>(all.begin(), all.end()).size() == 230);
      // Every page after the first was a seek, and the total was counted once.
      CHECK(pager->stats().seeks == 32);
      CHECK(pager->stats().offsets == 1);
      CHECK(pager->stats().counts == 1);
    }
  }
}

TEST_CASE("Pager: a search keeps its own cursor; pages asked out of order use OFFSET and stay right") {
  PagingFixture fx(120);
  auto pager = std::make_shared<Pager>();
  auto platform = fx.platform(pager);
  api::PageQuery q = query("firstName", "asc", 1, 10);
  q.search = "Omar";
  auto first = platform->list_contacts(q);
  REQUIRE(first);
  int omars = first->meta.total;
  CHECK(omars == 24);  // i % 4 == 1 and i % 5 != 0
  q.page = 3;          // skips page 2: no cursor for page 3 yet
  auto third = platform->list_contacts(q);
  REQUIRE(third);
  CHECK(pager->stats().seeks == 0);
  CHECK(third->data.size() == 4);
  for (const auto& c : third->data) CHECK(*c.fields.first_name == "Omar");
  q.page = 2;
  auto second = platform->list_contacts(q);
  REQUIRE(second);
  std::set<std::string> seen;
  for (const auto* page : {&*first, &*second, &*third}) {
    for (const auto& c : page->data) seen.insert(c.id);
  }
  CHECK(seen.size() == 24);
}

TEST_CASE("Pager: writes between pages: no stale cursor or total, the pages OFFSET gives at that moment") {
  PagingFixture fx(60);
  auto pager = std::make_shared<Pager>();
  auto reader = fx.platform(pager);
  auto writer = fx.platform(pager);
  auto page1 = reader->list_contacts(query("createdAt", "asc", 1, 10));
  REQUIRE(page1);
  CHECK(page1->meta.total == 60);
  auto before = fx.platform(std::make_shared<Pager>())->list_contacts(query("createdAt", "asc", 2, 10));
  REQUIRE(before);
  // Delete the first contact of page 1 (through another platform: as in gomo serve) and add one.
  REQUIRE(writer->delete_contact(page1->data.front().id));
  api::ContactFields added;
  added.primary_phone = "+212699999999";
  REQUIRE(writer->create_contact(added));
  auto page2 = reader->list_contacts(query("createdAt", "asc", 2, 10));
  REQUIRE(page2);
  CHECK(page2->meta.total == 60);
  auto fresh = fx.platform(std::make_shared<Pager>())->list_contacts(query("createdAt", "asc", 2, 10));
  REQUIRE(fresh);
  CHECK(ids_of(*page2) == ids_of(*fresh));
  // Page 1 lost a row, so page 2's first row moved up to page 1 (OFFSET semantics: what the real
  // platform does; a seek would have served it again).
  CHECK(page2->data.front().id == before->data[1].id);
  CHECK(pager->stats().seeks == 0);
  // Without further writes, the next page seeks again.
  auto page3 = reader->list_contacts(query("createdAt", "asc", 3, 10));
  REQUIRE(page3);
  CHECK(pager->stats().seeks == 1);
  CHECK(pager->stats().counts == 2);
  // Read to the end: every contact once, the new one last.
  std::vector<std::string> all = ids_of(*fresh);
  for (int p = 3;; ++p) {
    auto page = reader->list_contacts(query("createdAt", "asc", p, 10));
    REQUIRE(page);
    for (auto& id : ids_of(*page)) all.push_back(id);
    if (!page->meta.has_next_page) break;
    REQUIRE(p < 20);
  }
  CHECK(all.size() == 50);  // pages 2.. of 60
  CHECK(std::set<std::string>(all.begin(), all.end()).size() == 50);
}

TEST_CASE("Pager: another process's write is seen (data_version), and an emptied list ends cleanly") {
  PagingFixture fx(30);
  auto pager = std::make_shared<Pager>();
  auto reader = fx.platform(pager);
  auto page1 = reader->list_contacts(query("primaryPhone", "desc", 1, 10));
  REQUIRE(page1);
  {
    // A second connection to the same file, as another gomo process.
    auto other = store::Workspace::open(fx.store->path());
    REQUIRE(other);
    std::shared_ptr<store::Workspace> shared = std::move(other.value());
    auto platform = make_platform(shared, fx.org_id);
    for (int p = 1; p <= 3; ++p) {
      auto page = platform->list_contacts(query("createdAt", "asc", 1, 10));
      REQUIRE(page);
      for (const auto& c : page->data) REQUIRE(platform->delete_contact(c.id));
    }
  }
  auto page2 = reader->list_contacts(query("primaryPhone", "desc", 2, 10));
  REQUIRE(page2);
  CHECK(page2->meta.total == 0);
  CHECK(page2->data.empty());
  CHECK_FALSE(page2->meta.has_next_page);
  CHECK(pager->stats().seeks == 0);
}

}  // namespace gomo::local
