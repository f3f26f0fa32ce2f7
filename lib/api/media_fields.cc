// Field tables of caller-ID numbers, audio and dictionaries (Gomobile docs: Audio management, Dictionaries, DIDs).
#include "api/resource_tables.h"

namespace gomo::api::fields {

template <>
const Table<Did>& table_of<Did>() {
  static const Table<Did> table = {
      field<&Did::id>("id").with_column("id"),
      field<&Did::number>("number").with_column("number"),
      field<&Did::country>("country").with_column("country"),
      field<&Did::description>("description").with_column("description"),
      field<&Did::is_shared>("isShared").with_column("is_shared"),
      field<&Did::organization_id>("organizationId").with_column("organization_id"),
      field<&Did::status>("status").with_column("status"),
      field<&Did::created_at>("createdAt").with_column("created_at"),
      field<&Did::updated_at>("updatedAt").with_column("updated_at"),
  };
  return table;
}

template <>
const Table<AudioUpload>& table_of<AudioUpload>() {
  using U = AudioUpload;
  // Multipart parts, not JSON: the table gives their names and the checks of the text parts.
  static const Table<U> table = {
      custom<U>("file", nullptr, nullptr, nullptr, {.required = true})
          .with_schema(R"({"type":"string","format":"binary"})"),
      field<&U::title>("title", {.not_empty = true, .max_chars = 255}),
      field<&U::description>("description", {.max_chars = 500}),
      field<&U::usage_type>("usageType", {.one_of = kAudioUsageTypes}),
      field<&U::tags>("tags"),
  };
  return table;
}

template <>
const Table<AudioFile>& table_of<AudioFile>() {
  static const Table<AudioFile> table = {
      field<&AudioFile::name>("name"),
      field<&AudioFile::mime_type>("mimeType"),
      field<&AudioFile::size_bytes>("sizeBytes"),
      field<&AudioFile::playable>("playable"),
      field<&AudioFile::downloadable>("downloadable"),
  };
  return table;
}

template <>
const Table<Audio>& table_of<Audio>() {
  static const Table<Audio> table = {
      field<&Audio::id>("id"),
      field<&Audio::organization_id>("organizationId"),
      field<&Audio::title>("title"),
      field<&Audio::description>("description"),
      field<&Audio::usage_type>("usageType"),
      field<&Audio::tags>("tags"),
      field<&Audio::duration_seconds>("durationSeconds"),
      field<&Audio::file>("file"),
      field<&Audio::created_at>("createdAt"),
      field<&Audio::updated_at>("updatedAt"),
  };
  return table;
}

template <>
const Table<Dictionary>& table_of<Dictionary>() {
  using D = Dictionary;
  static const Table<D> table = {
      field<&D::id>("id").with_column("id"),
      field<&D::name>("name").with_column("name"),
      field<&D::description>("description").with_column("description"),
      field<&D::language>("language").with_column("language"),
      field<&D::organization_id>("organizationId").with_column("organization_id"),
      field<&D::is_system>("isSystem").with_column("is_system"),
      field<&D::entry_count>("entryCount"),  // counted from dictionary_entries
      field<&D::created_at>("createdAt").with_column("created_at"),
      field<&D::updated_at>("updatedAt").with_column("updated_at"),
      deleted_at<D>(),
  };
  return table;
}

template <>
const Table<DictionaryFields>& table_of<DictionaryFields>() {
  using F = DictionaryFields;
  static const Table<F> table = {
      field<&F::name>("name", {.required_on_create = true, .min_chars = 1, .max_chars = 256}),  // the reference: <=256
      field<&F::description>("description", {.max_chars = 256}),
      field<&F::language>("language", {.required_on_create = true, .one_of = kDictionaryLanguages}),
  };
  return table;
}

template <>
const Table<DictionaryEntry>& table_of<DictionaryEntry>() {
  using E = DictionaryEntry;
  static const Table<E> table = {
      field<&E::id>("id"),
      field<&E::dictionary_id>("dictionaryId"),
      field<&E::key>("key"),
      field<&E::audio_id>("audioId"),
  };
  return table;
}

}  // namespace gomo::api::fields
