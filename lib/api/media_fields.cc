// Field tables of caller-ID numbers, audio and dictionaries (Gomobile docs: Audio management, Dictionaries, DIDs).
#include "api/resource_tables.h"

namespace gomo::api::fields {

template <>
const Table<Did>& table_of<Did>() {
  static const Table<Did> table = {
      field<&Did::id>("id"),
      field<&Did::number>("number"),
      field<&Did::country>("country"),
      field<&Did::description>("description"),
      field<&Did::is_shared>("isShared"),
      field<&Did::organization_id>("organizationId"),
      field<&Did::status>("status"),
      field<&Did::created_at>("createdAt"),
      field<&Did::updated_at>("updatedAt"),
  };
  return table;
}

template <>
const Table<AudioUpload>& table_of<AudioUpload>() {
  using U = AudioUpload;
  // Multipart parts, not JSON: the table gives their names and the checks of the text parts.
  static const Table<U> table = {
      custom<U>("file", nullptr, nullptr),
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
      field<&D::id>("id"),
      field<&D::name>("name"),
      field<&D::description>("description"),
      field<&D::language>("language"),
      field<&D::organization_id>("organizationId"),
      field<&D::is_system>("isSystem"),
      field<&D::entry_count>("entryCount"),
      field<&D::created_at>("createdAt"),
      field<&D::updated_at>("updatedAt"),
      deleted_at<D>(),
  };
  return table;
}

}  // namespace gomo::api::fields
