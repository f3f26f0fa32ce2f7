#include "profile/config_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "base/private_files.h"
#include "base/strings.h"
#include "base/time.h"
#include "document/document.h"
#include "document/limits.h"
#include "document/writer.h"
#include "remote/http_client.h"

namespace gomo::profile {

namespace fs = std::filesystem;
using document::Kind;
using document::Member;
using document::Value;

Env process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
}

const std::vector<std::string>& profile_keys() {
  static const std::vector<std::string> kKeys = {"baseUrl", "apiKey",    "auth",          "insecure",   "rateLimit",
                                                 "timeout", "workspace", "defaultRegion", "allowTypes", "provider",
                                                 "bridge",  "sipUser",   "sipPassword",   "sipProxy"};
  return kKeys;
}

bool Profile::is_local() const { return name == kLocalProfile || (workspace && !base_url); }

std::optional<std::string> Profile::get(const std::string& key) const {
  auto number = [](double d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", d);
    return std::string(buf);
  };
  if (key == "baseUrl") return base_url;
  if (key == "apiKey") return api_key;
  if (key == "auth")
    return where.count("auth") ? std::optional<std::string>(bearer ? "bearer" : "x-api-key") : std::nullopt;
  if (key == "insecure") return insecure ? std::optional<std::string>(*insecure ? "true" : "false") : std::nullopt;
  if (key == "rateLimit") return rate_limit ? std::optional<std::string>(number(*rate_limit)) : std::nullopt;
  if (key == "timeout") return timeout_ms ? std::optional<std::string>(format_duration_ms(*timeout_ms)) : std::nullopt;
  if (key == "workspace") return workspace;
  if (key == "defaultRegion") return default_region;
  if (key == "allowTypes") return allow_types;
  if (key == "provider") return provider;
  if (key == "bridge") return bridge;
  if (key == "sipUser") return sip_user;
  if (key == "sipPassword") return sip_password;
  if (key == "sipProxy") return sip_proxy;
  return std::nullopt;
}

Result<std::string> config_path(const Env& env) {
  if (auto explicit_path = env("GOMO_CONFIG")) return *explicit_path;
  if (auto xdg = env("XDG_CONFIG_HOME"); xdg && (*xdg)[0] == '/') return *xdg + "/gomo/config.yaml";
  if (auto home = env("HOME")) return *home + "/.config/gomo/config.yaml";
  return Status::invalid_argument("cannot find the config file: HOME is not set (set GOMO_CONFIG or XDG_CONFIG_HOME)");
}

bool valid_profile_name(const std::string& name) {
  if (name.empty() || name.size() > 64 || !std::isalnum(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') return false;
  return true;
}

namespace {

std::string position(const std::string& path, const Value& v) {
  return path + ":" + std::to_string(v.begin.line) + ":" + std::to_string(v.begin.col);
}

Status error_at(const std::string& path, const Value& v, const std::string& msg) {
  if (path.empty()) return Status::invalid_argument(msg);
  if (v.begin.line == 0) return Status::invalid_argument(path + ": " + msg);
  return Status::invalid_argument(position(path, v) + ": " + msg);
}

Status bad_name(const std::string& name) {
  return Status::invalid_argument("invalid profile name `" + name +
                                  "`: use letters, digits, `_`, `-` and `.` (starting with a letter or digit)");
}

Status unknown_key(const std::string& path, const Value* at, const std::string& key) {
  std::string msg = "unknown profile key `" + key + "`: expected one of " + join(profile_keys(), ", ");
  std::string guess = closest_match(key, profile_keys());
  if (!guess.empty()) msg += "; did you mean " + guess + "?";
  return at ? error_at(path, *at, msg) : Status::invalid_argument(msg);
}

bool is_url(const std::string& s) { return starts_with(s, "https://") || starts_with(s, "http://"); }

// A profile's `timeout`: a number of seconds, or a duration string ("30s", "500ms").
constexpr const char* kTimeoutExpected =
    "`timeout` must be a duration such as 30s, 500ms or 2m, or a number of seconds (0: none)";
std::optional<long long> timeout_of(const Value& v) {
  if (v.is_number() || v.is_string()) return parse_duration_ms(v.text);
  return std::nullopt;
}

// As the client: plain http carries the key in clear, so only to a loopback host unless the profile
// says `insecure: true`. `url` and `insecure` are the profile's values after the change.
Status check_transport(const std::string& name, const std::optional<std::string>& url, bool insecure,
                       bool setting_url) {
  if (!url || !starts_with(*url, "http://") || remote::is_loopback_url(*url) || insecure) return Status::ok();
  if (setting_url)
    return Status::invalid_argument("refusing plain http to " + *url +
                                    ": the API key would travel in clear; use https, "
                                    "or allow it for profile " +
                                    name + " with --insecure (gomo config set baseUrl " + *url +
                                    " --insecure --profile " + name + ")");
  return Status::invalid_argument("profile " + name + "'s baseUrl " + *url +
                                  " is plain http to a host that is not loopback, which needs insecure: true; "
                                  "change baseUrl to https first");
}

// Checks one profile value; `name` is the profile's.
Status check_value(const std::string& path, const std::string& name, const std::string& key, const Value& v) {
  if (key == "baseUrl") {
    if (name == kLocalProfile)
      return error_at(path, v,
                      "`local` is the built-in local workspace profile and has no baseUrl; "
                      "give the platform its own profile (gomo config set baseUrl URL --profile prod)");
    if (!v.is_string() || !is_url(v.text))
      return error_at(path, v, "`baseUrl` must be an http(s) URL, e.g. " + std::string(kDefaultBaseUrl));
  } else if (key == "apiKey" || key == "workspace" || key == "sipUser" || key == "sipPassword") {
    if (!v.is_string() || v.text.empty()) return error_at(path, v, "`" + key + "` must be a non-empty string");
  } else if (key == "auth") {
    if (!v.is_string() || (v.text != "x-api-key" && v.text != "bearer"))
      return error_at(path, v, "`auth` must be `x-api-key` or `bearer`");
  } else if (key == "insecure") {
    if (v.kind != Kind::kBool) return error_at(path, v, "`insecure` must be true or false");
  } else if (key == "rateLimit") {
    if (!v.is_number() || v.number < 0)
      return error_at(path, v, "`rateLimit` must be a number of requests per second >= 0 (0: none)");
  } else if (key == "timeout") {
    if (!timeout_of(v)) return error_at(path, v, kTimeoutExpected);
  } else if (key == "defaultRegion") {
    if (!v.is_string() || v.text.size() != 2 || !std::isalpha(static_cast<unsigned char>(v.text[0])) ||
        !std::isalpha(static_cast<unsigned char>(v.text[1])))
      return error_at(path, v, "`defaultRegion` must be a two-letter region code (ISO 3166), e.g. MA or FR");
  } else if (key == "allowTypes") {
    // The type names are lib/contacts' (checked where they are used); here only their shape.
    if (!v.is_string() || v.text.empty() ||
        v.text.find_first_not_of("abcdefghijklmnopqrstuvwxyz_,") != std::string::npos)
      return error_at(path, v,
                      "`allowTypes` must be a comma-separated list of phone number types, e.g. "
                      "mobile,fixed_line (or all)");
  } else if (key == "provider") {
    if (name == kLocalProfile && v.text == kMobtextingProvider)
      return error_at(path, v,
                      "`local` is the built-in local workspace profile; give mobtexting its own profile "
                      "(gomo config set provider mobtexting --profile mt)");
    if (!v.is_string() || (v.text != kGomobileProvider && v.text != kMobtextingProvider))
      return error_at(path, v, "`provider` must be `gomobile` (the default) or `mobtexting`");
  } else if (key == "bridge") {
    const std::string digits = starts_with(v.text, "+") ? v.text.substr(1) : v.text;
    if (!(v.is_string() || v.is_number()) || digits.size() < 6 || digits.size() > 15 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      return error_at(path, v, "`bridge` must be the bridge phone number with its country code, e.g. 918068280000");
  } else if (key == "sipProxy") {
    if (!v.is_string() || !starts_with(v.text, "sip:"))
      return error_at(path, v, "`sipProxy` must be a SIP URI, e.g. sip:proxy.example.com:5060");
  } else {
    return unknown_key(path, nullptr, key);
  }
  return Status::ok();
}

std::string mobtexting_workspace_message(const std::string& name) {
  return "profile `" + name + "` has provider: mobtexting and a workspace: mobtexting is reached over the network " +
         "(baseUrl, default " + kMobtextingBaseUrl + "), never a local workspace";
}

Result<Profile> parse_profile(const std::string& path, const Value& key, const Value& body) {
  Profile p;
  p.name = key.text;
  if (!key.is_string() || !valid_profile_name(p.name))
    return error_at(path, key, bad_name(key.scalar_text()).message());
  if (body.is_null()) return p;
  if (!body.is_mapping())
    return error_at(path, body, "profile `" + p.name + "` must be a mapping (e.g. `baseUrl: " + kDefaultBaseUrl + "`)");
  for (const auto& m : body.members) {
    const std::string& k = m.key.text;
    const Value& v = m.value;
    if (std::find(profile_keys().begin(), profile_keys().end(), k) == profile_keys().end())
      return unknown_key(path, &m.key, k);
    if (Status s = check_value(path, p.name, k, v); !s) return s;
    p.where[k] = position(path, v);
    if (k == "baseUrl") p.base_url = v.text;
    if (k == "apiKey") p.api_key = v.text;
    if (k == "auth") p.bearer = v.text == "bearer";
    if (k == "insecure") p.insecure = v.boolean;
    if (k == "rateLimit") p.rate_limit = v.number;
    if (k == "timeout") p.timeout_ms = timeout_of(v);
    if (k == "workspace") p.workspace = v.text;
    if (k == "defaultRegion") p.default_region = v.text;
    if (k == "allowTypes") p.allow_types = v.text;
    if (k == "provider") p.provider = v.text;
    if (k == "bridge") p.bridge = v.text;
    if (k == "sipUser") p.sip_user = v.text;
    if (k == "sipPassword") p.sip_password = v.text;
    if (k == "sipProxy") p.sip_proxy = v.text;
    if (p.is_mobtexting() && p.workspace) return error_at(path, m.key, mobtexting_workspace_message(p.name));
    if (p.base_url && p.workspace)
      return error_at(
          path, m.key,
          "profile `" + p.name +
              "` has both baseUrl and workspace: a profile is either a platform (baseUrl) or a local workspace");
  }
  return p;
}

Value string_value(const std::string& text) {
  Value v;
  v.kind = Kind::kString;
  v.text = text;
  return v;
}

Value mapping_value() {
  Value v;
  v.kind = Kind::kMapping;
  return v;
}

Member* find_member(Value& map, const std::string& key) {
  for (auto& m : map.members)
    if (m.key.text == key) return &m;
  return nullptr;
}

// The mapping at `key` of `map`, created (empty) when missing or null.
Value& child_mapping(Value& map, const std::string& key) {
  Member* m = find_member(map, key);
  if (!m) {
    map.members.push_back(Member{string_value(key), mapping_value()});
    return map.members.back().value;
  }
  if (m->value.is_null()) {
    document::Mark begin = m->value.begin;
    m->value = mapping_value();
    m->value.begin = begin;
  }
  return m->value;
}

}  // namespace

ConfigFile::ConfigFile(std::string path) : path_(std::move(path)), doc_(document::read_yaml(path_, "")) {}
ConfigFile::ConfigFile(ConfigFile&&) noexcept = default;
ConfigFile& ConfigFile::operator=(ConfigFile&&) noexcept = default;
ConfigFile::~ConfigFile() = default;

Result<ConfigFile> ConfigFile::load(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return ConfigFile(path);
    return Status::io_error(path + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) return Status::invalid_argument(path + ": not a regular file");
  if (st.st_mode & 077) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return Status::invalid_argument(path + " is accessible by other users (mode " + mode +
                                    ") and may hold API keys; gomo refuses to read it: run chmod 600 " + path);
  }
  auto read = document::read_document_file(path, document::Format::kYaml);
  if (!read) return Status::io_error(path + ": cannot read the config file");
  ConfigFile cfg(path);
  cfg.exists_ = true;
  cfg.doc_ = std::move(read.value());
  if (!cfg.doc_->problems.empty()) {
    const auto& p = cfg.doc_->problems.front();
    return Status::invalid_argument(path + ":" + std::to_string(p.begin.line) + ":" + std::to_string(p.begin.col) +
                                    ": " + p.message);
  }
  if (Status s = cfg.parse(); !s) return s;
  return cfg;
}

Result<ConfigFile> load_config(const Env& env) {
  auto path = config_path(env);
  if (!path) return ConfigFile("");
  return ConfigFile::load(*path);
}

Status ConfigFile::parse() {
  current_.clear();
  current_at_.clear();
  profiles_.clear();
  const Value& root = doc_->root;
  if (root.is_null()) return Status::ok();
  if (!root.is_mapping())
    return error_at(path_, root, "the config file must be a mapping (`current:` and `profiles:`)");
  for (const auto& top : root.members) {
    if (top.key.text == "current") {
      if (!top.value.is_string() || !valid_profile_name(top.value.text))
        return error_at(path_, top.value, "`current` must be a profile name");
      current_ = top.value.text;
      current_at_ = position(path_, top.value);
    } else if (top.key.text == "profiles") {
      if (top.value.is_null()) continue;
      if (!top.value.is_mapping())
        return error_at(path_, top.value, "`profiles` must map profile names to their settings");
      for (const auto& m : top.value.members) {
        auto p = parse_profile(path_, m.key, m.value);
        if (!p) return p.error();
        profiles_.push_back(std::move(*p));
      }
    }
    // Other top-level keys are kept as they are (settings of a newer gomo).
  }
  return Status::ok();
}

const Profile* ConfigFile::find(const std::string& name) const {
  for (const auto& p : profiles_)
    if (p.name == name) return &p;
  return nullptr;
}

std::vector<std::string> ConfigFile::names() const {
  std::vector<std::string> out{kLocalProfile};
  for (const auto& p : profiles_)
    if (p.name != kLocalProfile) out.push_back(p.name);
  return out;
}

Value& ConfigFile::profiles_node() {
  if (doc_->root.is_null()) doc_->root = mapping_value();
  return child_mapping(doc_->root, "profiles");
}

Status ConfigFile::set(const std::string& name, const std::string& key, const std::string& text) {
  if (!valid_profile_name(name)) return bad_name(name);
  if (std::find(profile_keys().begin(), profile_keys().end(), key) == profile_keys().end())
    return unknown_key(path_, nullptr, key);
  if (!doc_->root.is_null() && !doc_->root.is_mapping())
    return error_at(path_, doc_->root, "the config file must be a mapping");
  Value value;
  if (key == "insecure") {
    if (text != "true" && text != "false") return Status::invalid_argument("`insecure` must be true or false");
    value.kind = Kind::kBool;
    value.boolean = text == "true";
    value.text = text;
  } else if (key == "timeout" && !parse_duration_ms(text)) {
    return Status::invalid_argument(kTimeoutExpected);
  } else if (key == "rateLimit" || (key == "timeout" && std::isdigit(static_cast<unsigned char>(text.back())))) {
    char* end = nullptr;
    double d = std::strtod(text.c_str(), &end);
    if (text.empty() || *end || d < 0 || d != d)
      return Status::invalid_argument("`rateLimit` must be a number of requests per second >= 0 (0: none)");
    bool integral = text.find_first_not_of("0123456789") == std::string::npos;
    value.kind = integral ? Kind::kInt : Kind::kFloat;
    value.number = d;
    value.integer = integral ? static_cast<int64_t>(d) : 0;
    value.text = text;
  } else {
    value = string_value(text);
  }
  if (Status s = check_value("", name, key, value); !s) return s;
  const Profile* existing = find(name);
  if (key == "baseUrl" || key == "insecure") {
    auto url = key == "baseUrl" ? std::optional<std::string>(text) : existing ? existing->base_url : std::nullopt;
    bool insecure = key == "insecure" ? value.boolean : existing && existing->insecure.value_or(false);
    if (Status s = check_transport(name, url, insecure, key == "baseUrl"); !s) return s;
  }
  if (existing && key == "baseUrl" && existing->workspace)
    return Status::invalid_argument("profile `" + name + "` is a local workspace (workspace: " + *existing->workspace +
                                    "); a profile is either a platform (baseUrl) or a local workspace");
  if (existing && key == "workspace" && existing->base_url)
    return Status::invalid_argument("profile `" + name + "` is a platform (baseUrl: " + *existing->base_url +
                                    "); a profile is either a platform (baseUrl) or a local workspace");
  if (existing && ((key == "workspace" && existing->is_mobtexting()) ||
                   (key == "provider" && text == kMobtextingProvider && existing->workspace)))
    return Status::invalid_argument(mobtexting_workspace_message(name));
  Value& profile = child_mapping(profiles_node(), name);
  if (Member* m = find_member(profile, key)) {
    value.begin = m->value.begin;  // comments on that line stay with it
    m->value = std::move(value);
  } else {
    profile.members.push_back(Member{string_value(key), std::move(value)});
  }
  doc_->link();
  return parse();
}

Status ConfigFile::unset(const std::string& name, const std::string& key) {
  if (std::find(profile_keys().begin(), profile_keys().end(), key) == profile_keys().end())
    return unknown_key(path_, nullptr, key);
  const Profile* existing = find(name);
  if (!existing) return Status::not_found("no profile `" + name + "` in " + path_);
  if (key == "insecure") {
    if (Status s = check_transport(name, existing->base_url, false, false); !s) return s;
  }
  Value& profile = child_mapping(profiles_node(), name);
  auto& ms = profile.members;
  ms.erase(std::remove_if(ms.begin(), ms.end(), [&](const Member& m) { return m.key.text == key; }), ms.end());
  doc_->link();
  return parse();
}

Status ConfigFile::use(const std::string& name) {
  if (name != kLocalProfile && !find(name)) {
    std::string msg = "no profile `" + name + "`; profiles: " + join(names(), ", ");
    std::string guess = closest_match(name, names());
    if (!guess.empty()) msg += "; did you mean " + guess + "?";
    return Status::not_found(msg);
  }
  if (doc_->root.is_null()) doc_->root = mapping_value();
  if (!doc_->root.is_mapping()) return error_at(path_, doc_->root, "the config file must be a mapping");
  if (Member* m = find_member(doc_->root, "current")) {
    document::Mark begin = m->value.begin;
    m->value = string_value(name);
    m->value.begin = begin;
  } else {
    doc_->root.members.insert(doc_->root.members.begin(), Member{string_value("current"), string_value(name)});
  }
  doc_->link();
  return parse();
}

Status ConfigFile::remove(const std::string& name) {
  if (name == kLocalProfile)
    return Status::invalid_argument("`local` is the built-in local workspace profile; it cannot be deleted");
  if (!find(name)) return Status::not_found("no profile `" + name + "` in " + path_);
  auto& ps = profiles_node().members;
  ps.erase(std::remove_if(ps.begin(), ps.end(), [&](const Member& m) { return m.key.text == name; }), ps.end());
  if (current_ == name) {
    auto& top = doc_->root.members;
    top.erase(std::remove_if(top.begin(), top.end(), [](const Member& m) { return m.key.text == "current"; }),
              top.end());
  }
  doc_->link();
  return parse();
}

Status ConfigFile::save() const {
  if (path_.empty()) return config_path([](const std::string&) { return std::optional<std::string>(); }).error();
  Value root = doc_->root.is_null() ? mapping_value() : doc_->root;
  auto text = document::write_yaml(root, doc_->parsed && doc_->has_comments ? doc_.get() : nullptr);
  if (!text) return text.error();
  std::error_code ec;
  fs::path target = path_;
  if (fs::is_symlink(target, ec)) {
    fs::path resolved = fs::canonical(target, ec);
    if (!ec) target = resolved;
  }
  fs::path dir = target.parent_path();
  if (Status s = make_private_dirs(dir.string()); !s) return s;
  std::string tmp = (dir.empty() ? fs::path(".") : dir).string() + "/.config.yaml.XXXXXX";
  int fd = ::mkstemp(tmp.data());  // created 0600
  if (fd < 0) return Status::io_error("cannot write in " + dir.string() + ": " + std::strerror(errno));
  auto fail = [&](const std::string& what) {
    int e = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return Status::io_error("cannot write " + path_ + ": " + what + ": " + std::strerror(e));
  };
  if (::fchmod(fd, 0600) != 0) return fail("chmod");
  const std::string& data = *text;
  for (size_t done = 0; done < data.size();) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("fsync");
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Status::io_error("cannot write " + path_ + ": " + std::strerror(errno));
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    return Status::io_error("cannot write " + path_ + ": " + std::strerror(e));
  }
  return Status::ok();
}

}  // namespace gomo::profile
