// The local platform's DIDs, audio and dictionaries, and the data a workspace is seeded with.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "api/audio_probe.h"
#include "api/validate.h"
#include "api/validate_programs.h"
#include "base/utf8.h"
#include "engine/say.h"
#include "local/local_operations.h"
#include "local/paging.h"
#include "local/query.h"
#include "local/table_sql.h"
#include "store/sql.h"
#include "store/workspace.h"

namespace gomo::local {

using nlohmann::json;
using namespace store::sql;  // NOLINT: written in terms of the workspace's SQL helpers

namespace {

const std::vector<SortSpec> kDidSorts = {
    {"number", "number"}, {"country", "country"}, {"status", "status"}, {"createdAt", "created_at"}};
const std::vector<SortSpec> kAudioSorts = {
    {"createdAt", "created_at"}, {"title", "title"}, {"durationSeconds", "duration_seconds", true}};
const std::vector<SortSpec> kDictionarySorts = {
    {"name", "name"}, {"createdAt", "created_at"}, {"updatedAt", "updated_at"}};

// DIDs and dictionaries are stored one field per column (table_sql.h); a dictionary's entryCount is
// counted from dictionary_entries. Audio is not: its file's members are columns of the audio row,
// text from older gomo versions is repaired on reading, and the row keeps the bytes.
const SqlTable<api::Did>& dids_table() {
  static const SqlTable<api::Did> table("dids");
  return table;
}
const SqlTable<api::Dictionary>& dictionaries_table() {
  static const SqlTable<api::Dictionary> table =
      SqlTable<api::Dictionary>("dictionaries", "d")
          .computed("entryCount", "(SELECT COUNT(*) FROM dictionary_entries e WHERE e.dictionary_id = d.id)");
  return table;
}

constexpr const char* kAudioColumns =
    "id, organization_id, title, description, usage_type, tags, duration_seconds, file_name, mime_type, size_bytes, "
    "playable, downloadable, created_at, updated_at";

api::Audio read_audio(Stmt& s) {
  api::Audio a;
  a.id = s.text(0);
  a.organization_id = s.text(1);
  // An older gomo stored titles, descriptions and file names from multipart fields unchecked: bytes
  // that are not UTF-8 come back as U+FFFD, so the row can still be listed and printed.
  a.title = to_valid_utf8(s.text(2));
  a.description = s.opt_text(3);
  if (a.description) a.description = to_valid_utf8(*a.description);
  a.usage_type = s.opt_text(4);
  a.tags = json::parse(s.text(5)).get<std::vector<std::string>>();
  if (!s.is_null(6)) a.duration_seconds = s.real(6);
  a.file.name = to_valid_utf8(s.text(7));
  a.file.mime_type = s.text(8);
  a.file.size_bytes = s.integer(9);
  a.file.playable = s.integer(10) != 0;
  a.file.downloadable = s.integer(11) != 0;
  a.created_at = s.text(12);
  a.updated_at = s.text(13);
  return a;
}

}  // namespace

void seed_system_dictionaries(sqlite3* db) {
  Stmt any(db, "SELECT COUNT(*) FROM dictionaries WHERE is_system = 1");
  any.step();
  if (any.integer(0) > 0) return;
  const std::string now = "2026-01-01T00:00:00.000Z";
  struct Lang {
    const char* code;
    const char* id;
    const char* name;
  };
  const Lang langs[] = {{"ar", "00000000-0000-4000-8000-0000000d1c01", "System numbers and dates (Arabic)"},
                        {"fr", "00000000-0000-4000-8000-0000000d1c02", "System numbers and dates (French)"},
                        {"en", "00000000-0000-4000-8000-0000000d1c03", "System numbers and dates (English)"}};
  for (const auto& l : langs) {
    api::Dictionary d;
    d.id = l.id;
    d.name = l.name;
    d.description = "The clips gomo's engine plays for number and date items (keys such as 100, and, mon-2)";
    d.language = l.code;
    d.is_system = true;
    d.created_at = d.updated_at = now;
    dictionaries_table().insert(db, d);
    for (const auto& clip : engine::vocabulary(l.code)) {
      Stmt(db, "INSERT OR IGNORE INTO dictionary_entries VALUES (?, ?, ?, ?, NULL)")
          .bind(1, new_uuid())
          .bind(2, l.id)
          .bind(3, clip.key)
          .bind(4, clip.text)
          .step();
    }
  }
}

LocalOperations::LocalOperations(std::shared_ptr<store::Workspace> workspace, std::string organization_id,
                                 std::shared_ptr<Pager> pager)
    : ops_store_(std::move(workspace)),
      ops_db_(ops_store_->connection()),
      ops_mutex_(ops_store_->mutex()),
      ops_org_(std::move(organization_id)),
      ops_pager_(std::move(pager)) {}

api::Result<api::Page<api::Did>> LocalOperations::list_available_dids(const api::DidQuery& q) {
  if (auto e = api::validate_page_query(q.page, api_names(kDidSorts))) return *e;
  if (!q.status.empty() && std::none_of(std::begin(api::kDidStatuses), std::end(api::kDidStatuses),
                                        [&](const char* s) { return q.status == s; })) {
    return api::validation_error(
        {{"status", {"status must be one of the following values: active, inactive, reserved"}}});
  }
  return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::Did>> {
    std::string where =
        " FROM dids WHERE (organization_id = ?1 OR is_shared = 1) AND (?2 = '' OR number LIKE ?3 ESCAPE '\\' OR "
        "description LIKE ?3 ESCAPE '\\') AND (?4 = '' OR status = ?4) AND (?5 < 0 OR is_shared = ?5)";
    ListQuery list{"SELECT " + dids_table().list(),
                   where,
                   {ops_org_, q.page.search, like_pattern(q.page.search), q.status,
                    q.is_shared ? (*q.is_shared ? 1LL : 0LL) : -1LL},
                   sort_column(q.page, kDidSorts, "")};
    return ops_pager_->page<api::Did>(ops_db_, list, q.page, [](Stmt& s) { return dids_table().read(s); });
  });
}

api::Result<api::Page<api::Audio>> LocalOperations::list_audio(const api::AudioQuery& q) {
  if (auto e = api::validate_page_query(q.page, api_names(kAudioSorts))) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::Audio>> {
    // Tags are a JSON array: "any of the tags" is an EXISTS over json_each.
    std::string where =
        " FROM audio WHERE organization_id = ?1 AND (?2 = '' OR title LIKE ?3 ESCAPE '\\' OR description LIKE ?3 "
        "ESCAPE '\\' OR tags LIKE ?3 ESCAPE '\\') AND (?4 = '' OR usage_type = ?4) AND (?5 = '[]' OR EXISTS "
        "(SELECT 1 FROM json_each(audio.tags) t WHERE t.value IN (SELECT value FROM json_each(?5))))";
    ListQuery list{std::string("SELECT ") + kAudioColumns,
                   where,
                   {ops_org_, q.page.search, like_pattern(q.page.search), q.usage_type, json(q.tags).dump()},
                   sort_column(q.page, kAudioSorts, "")};
    return ops_pager_->page<api::Audio>(ops_db_, list, q.page, read_audio);
  });
}

api::Result<api::Audio> LocalOperations::upload_audio(const api::AudioUpload& u) {
  if (auto e = api::validate_audio_upload(u)) return *e;
  auto probe = api::probe_audio(u.bytes);
  if (!probe.probe)
    return api::validation_error({{"file", {"file is " + probe.error + " (WAV, MP3 or OGG expected)"}}});
  return guarded(ops_mutex_, [&]() -> api::Result<api::Audio> {
    api::Audio a;
    a.id = new_uuid();
    a.organization_id = ops_org_;
    std::string stem = u.file_name.substr(0, u.file_name.rfind('.'));
    a.title = u.title ? *u.title : (stem.empty() ? std::string("audio") : stem);
    a.description = u.description;
    a.usage_type = u.usage_type;
    a.tags = u.tags;
    a.duration_seconds = probe.probe->duration_seconds;
    a.file.name = u.file_name.empty() ? "audio." + probe.probe->format : u.file_name;
    a.file.mime_type = probe.probe->mime_type;
    a.file.size_bytes = static_cast<long long>(u.bytes.size());
    // Stored as uploaded; the local platform plays (and serves) every accepted format.
    a.file.playable = true;
    a.file.downloadable = true;
    a.created_at = a.updated_at = now_iso();
    Stmt s(ops_db_, std::string("INSERT INTO audio (") + kAudioColumns +
                        ", bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, a.id).bind(2, ops_org_).bind(3, a.title).bind(4, a.description).bind(5, a.usage_type);
    s.bind(6, json(a.tags).dump());
    if (a.duration_seconds) {
      s.bind_double(7, *a.duration_seconds);
    } else {
      s.bind_null(7);
    }
    s.bind(8, a.file.name).bind(9, a.file.mime_type).bind(10, a.file.size_bytes).bind(11, a.file.playable);
    s.bind(12, a.file.downloadable).bind(13, a.created_at).bind(14, a.updated_at).bind_blob(15, u.bytes);
    s.step();
    return a;
  });
}

api::Result<api::Audio> LocalOperations::get_audio(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<api::Audio> {
    Stmt s(ops_db_, std::string("SELECT ") + kAudioColumns + " FROM audio WHERE id = ? AND organization_id = ?");
    s.bind(1, id).bind(2, ops_org_);
    if (!s.step()) return api::not_found_error("Audio");
    return read_audio(s);
  });
}

api::Result<std::string> LocalOperations::download_audio(const std::string& id) {
  return guarded(ops_mutex_, [&]() -> api::Result<std::string> {
    Stmt s(ops_db_, "SELECT bytes FROM audio WHERE id = ? AND organization_id = ?");
    s.bind(1, id).bind(2, ops_org_);
    if (!s.step()) return api::not_found_error("Audio");
    return s.text(0);  // reads BLOBs whole
  });
}

api::Result<api::Page<api::Dictionary>> LocalOperations::list_dictionaries(const api::DictionaryQuery& q) {
  if (auto e = api::validate_page_query(q.page, api_names(kDictionarySorts))) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::Dictionary>> {
    std::string where =
        " FROM dictionaries d WHERE (d.organization_id = ?1 OR (?4 = 1 AND d.is_system = 1)) AND (?2 = '' OR "
        "d.name LIKE ?3 ESCAPE '\\' OR d.description LIKE ?3 ESCAPE '\\')";
    ListQuery list{"SELECT " + dictionaries_table().list("d."),
                   where,
                   {ops_org_, q.page.search, like_pattern(q.page.search), q.include_system},
                   sort_column(q.page, kDictionarySorts, "d.")};
    return ops_pager_->page<api::Dictionary>(ops_db_, list, q.page,
                                             [](Stmt& s) { return dictionaries_table().read(s); });
  });
}

// Entries are read as "id, dictionary_id, key, audio_id".
static api::DictionaryEntry read_dictionary_entry(Stmt& s) { return {s.text(0), s.text(1), s.text(2), s.opt_text(3)}; }

api::Result<api::Dictionary> LocalOperations::create_dictionary(const api::DictionaryFields& f) {
  if (auto e = api::validate_dictionary(f)) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Dictionary> {
    api::Dictionary d;
    d.id = new_uuid();
    d.name = *f.name;
    d.description = f.description;
    d.language = *f.language;
    d.organization_id = ops_org_;
    d.created_at = d.updated_at = now_iso();
    dictionaries_table().insert(ops_db_, d);
    return d;
  });
}

api::Result<api::Page<api::DictionaryEntry>> LocalOperations::list_dictionary_entries(const std::string& dictionary_id,
                                                                                      const api::PageQuery& q) {
  if (auto e = api::validate_page_query(q, {"key"})) return *e;
  return guarded(ops_mutex_, [&]() -> api::Result<api::Page<api::DictionaryEntry>> {
    // The organisation's own dictionaries and the shared system ones are readable; others do not exist.
    Stmt visible(ops_db_, "SELECT 1 FROM dictionaries WHERE id = ? AND (organization_id = ? OR is_system = 1)");
    visible.bind(1, dictionary_id).bind(2, ops_org_);
    if (!visible.step()) return api::not_found_error("Dictionary");
    ListQuery list{"SELECT id, dictionary_id, key, audio_id",
                   " FROM dictionary_entries WHERE dictionary_id = ?1",
                   {dictionary_id},
                   SortColumn{"key", "rowid", q.sort_order == "desc", false}};
    return ops_pager_->page<api::DictionaryEntry>(ops_db_, list, q, read_dictionary_entry);
  });
}

api::Result<api::DictionaryEntry> LocalOperations::add_dictionary_entry(const std::string& dictionary_id,
                                                                        const std::string& key,
                                                                        const api::AudioUpload& audio) {
  if (auto e = api::validate_dictionary_entry(key, audio)) return *e;
  // The dictionary is checked before the audio is stored, so a refused entry leaves no orphan upload.
  auto refused = guarded(ops_mutex_, [&]() -> api::Result<bool> {
    Stmt s(ops_db_, "SELECT is_system FROM dictionaries WHERE id = ? AND (organization_id = ? OR is_system = 1)");
    s.bind(1, dictionary_id).bind(2, ops_org_);
    if (!s.step()) return api::not_found_error("Dictionary");
    // 409 rather than 403: the caller may read it, and 403 means a credential problem (exit 4) to gomo.
    if (s.integer(0) != 0)
      return api::conflict_error("dictionary " + dictionary_id +
                                 " is a system dictionary, which is read-only; add clips to a dictionary of your own");
    return true;
  });
  if (!refused) return refused.error();
  auto stored = upload_audio(audio);
  if (!stored) return stored.error();
  return guarded(ops_mutex_, [&]() -> api::Result<api::DictionaryEntry> {
    // A new key's text is the key itself: the words of an organisation's clip are its recording.
    Stmt(ops_db_,
         "INSERT INTO dictionary_entries (id, dictionary_id, key, text, audio_id) VALUES (?, ?, ?, ?, ?) "
         "ON CONFLICT (dictionary_id, key) DO UPDATE SET audio_id = excluded.audio_id")
        .bind(1, new_uuid())
        .bind(2, dictionary_id)
        .bind(3, key)
        .bind(4, key)
        .bind(5, stored->id)
        .step();
    Stmt(ops_db_, "UPDATE dictionaries SET updated_at = ? WHERE id = ?")
        .bind(1, now_iso())
        .bind(2, dictionary_id)
        .step();
    Stmt s(ops_db_,
           "SELECT id, dictionary_id, key, audio_id FROM dictionary_entries WHERE dictionary_id = ? AND key = ?");
    s.bind(1, dictionary_id).bind(2, key);
    if (!s.step()) return api::not_found_error("Dictionary entry");
    return read_dictionary_entry(s);
  });
}

bool LocalOperations::did_available(const std::string& v) {
  Stmt s(ops_db_,
         "SELECT 1 FROM dids WHERE (id = ?1 OR number = ?1) AND status = 'active' AND (organization_id = ?2 OR "
         "is_shared = 1)");
  s.bind(1, v).bind(2, ops_org_);
  return s.step();
}

}  // namespace gomo::local
