#pragma once
// The network module's boundary (it also holds the time zone database, date-tz): a plain C ABI. The binary links
// libstdc++ statically and the module uses the system's shared one, so nothing of C++ crosses here (no std::string,
// std::function, containers, exceptions or allocations freed on the other side). Strings are `const char*` plus a
// length and are only borrowed for the duration of the call; text coming back is handed to a
// caller's callback (`gomo_ext_text_fn`) during the call, or written into a caller's buffer.
// The C++ API for lib/ is ext/module.h and ext/time_zone.h; their wrappers (client.cc, time_zone.cc) are the
// only users of this table.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Bumped on any change to the structs or function signatures below; the binary refuses a module
// with another version (they are built together, so a mismatch means a stale build).
#define GOMO_EXT_ABI_VERSION 6u

// Receives text the module produces; `data` is valid only during the call (copy it).
typedef void (*gomo_ext_text_fn)(void* user, int which, const char* data, size_t size);

// A borrowed string: `data` may hold NULs; when documented as NUL-terminated, data[size] == '\0'.
typedef struct gomo_ext_str {
  const char* data;
  size_t size;
} gomo_ext_str;

// One multipart/form-data part: a plain field, or a file when file_name.size > 0. name, file_name and
// content_type are NUL-terminated (libcurl wants C strings); value is bytes.
typedef struct gomo_ext_form_part {
  gomo_ext_str name, value, file_name, content_type;
} gomo_ext_form_part;

// ---- HTTP client (libcurl) ----

typedef struct gomo_ext_http_options {
  const char* user_agent;      // NUL-terminated
  const char* const* headers;  // "Name: value", NUL-terminated, sent with every request
  size_t header_count;
  int insecure;  // non-zero: no TLS verification
  long connect_timeout_ms, timeout_ms;
} gomo_ext_http_options;

typedef struct gomo_ext_http_exchange {
  const char* method;  // NUL-terminated: GET POST PUT PATCH DELETE
  const char* url;     // NUL-terminated
  gomo_ext_str body;   // JSON; ignored for GET and when form_count > 0 or has_form
  int has_form;        // non-zero: multipart/form-data body from `form` (POST)
  const gomo_ext_form_part* form;
  size_t form_count;
  long timeout_ms;  // this exchange's limit, connecting included; 0: the transport's timeout_ms
} gomo_ext_http_exchange;

// Text of an outcome, passed to the exchange's gomo_ext_text_fn as `which`.
enum { GOMO_EXT_HTTP_BODY = 1, GOMO_EXT_HTTP_RETRY_AFTER = 2, GOMO_EXT_HTTP_ERROR = 3 };

typedef struct gomo_ext_http_outcome {
  int answered;           // an HTTP status line came back
  int never_sent;         // failed before the request could reach a server
  int certificate_error;  // the server's TLS certificate was refused (or could not be checked)
  int timed_out;          // the exchange's time limit ran out
  int status;
} gomo_ext_http_outcome;

typedef struct gomo_ext_http_transport gomo_ext_http_transport;  // opaque; one connection

// ---- HTTP server (cpp-httplib) ----

typedef struct gomo_ext_header {
  gomo_ext_str name, value;
} gomo_ext_header;

typedef struct gomo_ext_server_request {
  gomo_ext_str method, path;     // path without the query string
  const gomo_ext_header* query;  // decoded name/value pairs
  size_t query_count;
  gomo_ext_str api_key, authorization, body;
  int multipart;  // the parts are in `form`
  const gomo_ext_form_part* form;
  size_t form_count;
  int refused_status;  // see ext::ServerRequest::refused_status
} gomo_ext_server_request;

typedef struct gomo_ext_server_reply {
  int status;
  gomo_ext_str body;  // JSON; empty: no body
  const gomo_ext_header* headers;
  size_t header_count;
  int drop;  // send the headers, then close before the body (fault injection)
} gomo_ext_server_reply;

// The handler answers by calling `respond(reply_ctx, &reply)` once before returning; the module copies
// the reply there. Called from the server's worker threads: must be thread-safe, must not throw.
typedef void (*gomo_ext_respond_fn)(void* reply_ctx, const gomo_ext_server_reply* reply);
typedef void (*gomo_ext_handler_fn)(void* user, const gomo_ext_server_request* request, void* reply_ctx,
                                    gomo_ext_respond_fn respond);

typedef struct gomo_ext_http_server gomo_ext_http_server;  // opaque

// ---- phone numbers (libphonenumber) ----

// A number's type, libphonenumber's PhoneNumberType in its order (ext::PhoneType has the same values).
enum {
  GOMO_EXT_PHONE_TYPE_FIXED_LINE = 0,
  GOMO_EXT_PHONE_TYPE_MOBILE = 1,
  GOMO_EXT_PHONE_TYPE_FIXED_LINE_OR_MOBILE = 2,
  GOMO_EXT_PHONE_TYPE_TOLL_FREE = 3,
  GOMO_EXT_PHONE_TYPE_PREMIUM_RATE = 4,
  GOMO_EXT_PHONE_TYPE_SHARED_COST = 5,
  GOMO_EXT_PHONE_TYPE_VOIP = 6,
  GOMO_EXT_PHONE_TYPE_PERSONAL_NUMBER = 7,
  GOMO_EXT_PHONE_TYPE_PAGER = 8,
  GOMO_EXT_PHONE_TYPE_UAN = 9,
  GOMO_EXT_PHONE_TYPE_VOICEMAIL = 10,
  GOMO_EXT_PHONE_TYPE_UNKNOWN = 11
};

typedef struct gomo_ext_phone_parse {
  int stage;           // see ext::PhoneParse; -1: GOMO_EXT_PHONE_FAST_ONLY and the fast reader declined
  const char* reason;  // static string inside the module ("" when accepted)
  int country_code;
  char e164[32];  // NUL-terminated when accepted
  int fast;       // non-zero: the fast reader decided (not libphonenumber)
  int type;       // GOMO_EXT_PHONE_TYPE_* when accepted (GetNumberType); GOMO_EXT_PHONE_TYPE_UNKNOWN otherwise
} gomo_ext_phone_parse;

// Which reader parse_phone uses. AUTO: the fast reader (RE2 over libphonenumber's own metadata) for the
// common shapes, libphonenumber for the rest; both give the same answers (a differential test holds them
// together). LIBPHONENUMBER: libphonenumber alone. FAST_ONLY: the fast reader alone (stage -1 when it
// declines), for tests and benchmarks.
enum { GOMO_EXT_PHONE_AUTO = 0, GOMO_EXT_PHONE_LIBPHONENUMBER = 1, GOMO_EXT_PHONE_FAST_ONLY = 2 };

// ---- time zones (date-tz, reading the system's /usr/share/zoneinfo) ----

// Instants are seconds since 1970-01-01T00:00:00Z. Every tz_* entry is thread-safe and reports an
// unknown zone, a machine without tz database or an unreadable zone file as 0 (nothing), never by an
// exception.

// An instant on a zone's wall clock (ext::LocalTime).
typedef struct gomo_ext_local_time {
  int year, month, day;  // month 1-12, day 1-31
  int weekday;           // 0 = Sunday ... 6 = Saturday
  int hour, minute, second;
  int64_t utc_offset_seconds;  // local = UTC + this
  int dst;                     // non-zero: a daylight-saving rule is in force
} gomo_ext_local_time;

// A date and wall-clock time as a person writes it (ext::WallClock).
typedef struct gomo_ext_wall_clock {
  int year, month, day, hour, minute, second;
} gomo_ext_wall_clock;

// How often a wall-clock time happens (ext::WallClockKind has the same values).
enum { GOMO_EXT_WALL_UNIQUE = 0, GOMO_EXT_WALL_SKIPPED = 1, GOMO_EXT_WALL_REPEATED = 2 };

typedef struct gomo_ext_resolved_wall_clock {
  int kind;  // GOMO_EXT_WALL_*
  int64_t earliest, latest;
} gomo_ext_resolved_wall_clock;

// Passed to the `tz_names` callback as `which`: one call per zone or link name.
enum { GOMO_EXT_TZ_NAME = 1 };

// Passed to the `libraries` callback as `which`: one call per library, text "name version".
enum { GOMO_EXT_LIBRARY = 1 };

typedef struct gomo_ext_abi {
  uint32_t abi_version;  // GOMO_EXT_ABI_VERSION
  uint32_t struct_size;  // sizeof(gomo_ext_abi) in the module
  // "libcurl 7.88.1 (OpenSSL/3.0.11)", "cpp-httplib 0.11.3", "libphonenumber 8.12.57", "RE2 20220601",
  // "date-tz 3.0.1", one call each.
  void (*libraries)(void* user, gomo_ext_text_fn each);

  // Null when libcurl cannot be initialised. Free with http_transport_free.
  gomo_ext_http_transport* (*http_transport_new)(const gomo_ext_http_options* options);
  void (*http_transport_free)(gomo_ext_http_transport* transport);
  // Performs one exchange; body, Retry-After and the error text go to `text`. Not thread-safe per transport.
  void (*http_transport_perform)(gomo_ext_http_transport* transport, const gomo_ext_http_exchange* exchange,
                                 gomo_ext_http_outcome* outcome, void* user, gomo_ext_text_fn text);

  // `handler` and `user` must outlive the server. Free with http_server_free (stops it first).
  gomo_ext_http_server* (*http_server_new)(gomo_ext_handler_fn handler, void* user);
  void (*http_server_free)(gomo_ext_http_server* server);
  int (*http_server_bind)(gomo_ext_http_server* server, const char* host, int port);  // port, or -1
  int (*http_server_listen)(gomo_ext_http_server* server);  // blocks until stop; 0 on a socket error
  int (*http_server_running)(const gomo_ext_http_server* server);
  void (*http_server_stop)(gomo_ext_http_server* server);

  // Thread-safe. `default_region` applies to numbers without a leading + or international prefix.
  // `reader` is one of GOMO_EXT_PHONE_*.
  void (*parse_phone)(gomo_ext_str input, gomo_ext_str default_region, int reader, gomo_ext_phone_parse* out);
  // parse_phone over `count` inputs (outs[i] for inputs[i]): one call across the boundary for a batch.
  void (*parse_phones)(const gomo_ext_str* inputs, size_t count, gomo_ext_str default_region, int reader,
                       gomo_ext_phone_parse* outs);
  int (*is_known_region)(gomo_ext_str region);

  // Non-zero when `name` is a zone or link of the database (case-sensitive; never "localtime").
  int (*tz_is_known)(gomo_ext_str name);
  // Each zone and link name, in the database's order (not sorted), one `each` call per name.
  void (*tz_names)(void* user, gomo_ext_text_fn each);
  // Non-zero with *out set: instant `t` on the wall clock of `zone`.
  int (*tz_local_time)(gomo_ext_str zone, int64_t t, gomo_ext_local_time* out);
  // Non-zero with *out set: when `wall` happens in `zone` (0 too for an invalid date or time).
  int (*tz_resolve_wall_clock)(gomo_ext_str zone, const gomo_ext_wall_clock* wall, gomo_ext_resolved_wall_clock* out);
  // Non-zero with *out set: the first instant at or after `from` at which `zone`'s clock shows hour:minute.
  int (*tz_next_wall_time)(gomo_ext_str zone, int64_t from, int hour, int minute, int64_t* out);
} gomo_ext_abi;

// The module's one exported symbol (also linked directly in sanitizer builds).
const gomo_ext_abi* gomo_ext_abi_v6(void);

#ifdef __cplusplus
}
#endif
