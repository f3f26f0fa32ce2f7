#pragma once
// The user's config file of profiles ($XDG_CONFIG_HOME/gomo/config.yaml): which platform each named
// profile reaches (a base URL, or the local workspace), with which key and settings, and which one is
// current. Read with gomo's positioned YAML reader (errors carry path:line:col), edited as a tree so
// other profiles, unknown top-level keys and comments survive, and written with yaml-cpp's emitter:
// mode 0600, through a temporary file renamed over the old one.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace gomo::document {
struct Document;
struct Value;
}  // namespace gomo::document

namespace gomo::profile {

// The built-in profile: the local SQLite workspace. The default until `gomo config use` picks another.
inline constexpr const char* kLocalProfile = "local";
// Where a remote profile without `baseUrl` sends its requests.
inline constexpr const char* kDefaultBaseUrl = "https://api.gomobile.ma/api";
// Profile kinds (`provider`): the Gomobile platform (default), or mobtexting's outgoing-call API, which
// only `gomo call --provider mobtexting` uses (baseUrl default kMobtextingBaseUrl, apiKey, bridge).
inline constexpr const char* kGomobileProvider = "gomobile";
inline constexpr const char* kMobtextingProvider = "mobtexting";
inline constexpr const char* kMobtextingBaseUrl = "https://portal.mobtexting.com/api/v2/";

// Looks up an environment variable; nullopt when unset or empty. Tests pass their own.
using Env = std::function<std::optional<std::string>(const std::string& name)>;
// The process environment (getenv).
Env process_env();

// The keys a profile may hold, in display order: baseUrl apiKey auth insecure rateLimit timeout
// workspace defaultRegion provider bridge sipUser sipPassword sipProxy.
const std::vector<std::string>& profile_keys();

struct Profile {
  std::string name;
  std::optional<std::string> base_url;
  std::optional<std::string> api_key;
  bool bearer = false;  // auth: bearer (default x-api-key)
  std::optional<bool> insecure;
  std::optional<double> rate_limit;     // requests per second; 0: none
  std::optional<long long> timeout_ms;  // deadline of one request, retries included; 0: none
  std::optional<std::string> workspace;
  // defaultRegion: the region (ISO 3166 alpha-2, two letters, any case) of phone numbers written
  // without + or 00, for commands that read many (contacts upsert).
  std::optional<std::string> default_region;
  // allowTypes: the phone number types contacts upsert accepts (its --allow-types, e.g.
  // "mobile,fixed_line"); the names are checked by the command that uses them.
  std::optional<std::string> allow_types;
  // provider: gomobile (unset) or mobtexting; bridge: a mobtexting profile's bridge (caller) number.
  std::optional<std::string> provider;
  std::optional<std::string> bridge;
  // A SIP account for `flow run --softphone --sip-account PROFILE`: digest user and password (NEVER
  // printed: mask_key), and the outbound proxy (a sip: URI).
  std::optional<std::string> sip_user;
  std::optional<std::string> sip_password;
  std::optional<std::string> sip_proxy;
  // Key -> "path:line:col" of its value in the config file (for provenance). Absent: not set.
  std::map<std::string, std::string> where;

  // The local workspace (the built-in `local`, or a profile with `workspace` and no `baseUrl`);
  // otherwise a remote platform at base_url (default kDefaultBaseUrl).
  bool is_local() const;
  // provider: mobtexting (never the local workspace, never a Gomobile platform).
  bool is_mobtexting() const { return provider && *provider == kMobtextingProvider; }
  // The value of `key` (one of profile_keys()) as text, or nullopt when unset. apiKey and sipPassword unmasked.
  std::optional<std::string> get(const std::string& key) const;
};

// The config file's path: $GOMO_CONFIG, else $XDG_CONFIG_HOME/gomo/config.yaml (an absolute
// XDG_CONFIG_HOME only, as the XDG spec says), else $HOME/.config/gomo/config.yaml. Fails without HOME.
Result<std::string> config_path(const Env& env);

class ConfigFile;
// The config file at config_path(env), read with ConfigFile::load. Without HOME (nor GOMO_CONFIG or
// XDG_CONFIG_HOME) there is no file to read: an empty config whose path() is "", so that commands
// that need no config file work without HOME. Writing such a config fails.
Result<ConfigFile> load_config(const Env& env);

// Profile names: a letter or digit, then letters, digits, `_`, `-` or `.`; at most 64 characters.
bool valid_profile_name(const std::string& name);

class ConfigFile {
 public:
  // Reads `path`; a missing file is an empty config. Fails (kInvalidArgument, "path:line:col: ...")
  // on a YAML error, a value of the wrong type or an unknown profile key (with "did you mean"), and
  // when the file is readable or writable by anyone but its owner (mode & 077: "run chmod 600 PATH").
  // Unknown top-level keys are kept and ignored (a newer gomo's settings).
  static Result<ConfigFile> load(const std::string& path);
  // An empty config that would be written to `path`.
  explicit ConfigFile(std::string path);
  ConfigFile(ConfigFile&&) noexcept;
  ConfigFile& operator=(ConfigFile&&) noexcept;
  ~ConfigFile();

  const std::string& path() const { return path_; }
  bool exists() const { return exists_; }
  // The `current:` profile name ("" when unset) and where it is written ("path:line:col").
  const std::string& current() const { return current_; }
  const std::string& current_at() const { return current_at_; }
  // The profiles written in the file, in file order (the built-in `local` only when the file has it).
  const std::vector<Profile>& profiles() const { return profiles_; }
  const Profile* find(const std::string& name) const;
  // Every profile name the user may use: `local` first, then the file's.
  std::vector<std::string> names() const;

  // Sets `key` of profile `name` to `value` (text, checked against the key's type: auth is
  // x-api-key|bearer, insecure true|false, rateLimit a number >= 0, timeout a duration such as
  // 30s, 500ms or plain seconds), creating the profile when missing. Refused: unknown keys, baseUrl on
  // `local`, baseUrl and workspace in one profile, and (as the client would refuse it) a plain http
  // baseUrl to a host that is not loopback unless the profile has insecure: true; set insecure first to
  // allow one, and it cannot go back to false (or be unset) while such a baseUrl is there.
  Status set(const std::string& name, const std::string& key, const std::string& value);
  // Removes `key` from profile `name` (nothing to do when unset).
  Status unset(const std::string& name, const std::string& key);
  // Makes `name` current; it must be `local` or a profile of the file.
  Status use(const std::string& name);
  // Removes profile `name` (not `local`); when it was current, `local` becomes current again.
  Status remove(const std::string& name);

  // Writes the file: its directory created 0700 when missing, the file 0600, through a temporary
  // file in the same directory renamed over it (a symlink is followed). Comments are kept.
  Status save() const;

 private:
  Status parse();
  document::Value& profiles_node();

  std::string path_;
  bool exists_ = false;
  std::unique_ptr<document::Document> doc_;
  std::string current_, current_at_;
  std::vector<Profile> profiles_;
};

}  // namespace gomo::profile
