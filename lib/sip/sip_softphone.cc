// The libre adapter: the only file that includes libre (its headers leak macros such as MIN, MAX and
// ARRAY_SIZE, and name a struct and a function rtp_sock). Written for libre 1.x (Debian bookworm);
// upstream re 3.x changed signatures (sipsess_connect), so a port touches this file only.
//
// Threading: none. libre's event loop (re_main) runs on the caller's thread inside each engine step
// until the step is done; handlers record what happened and call re_cancel() to return to the step.
// Signals: re_main gets no signal handler (libre 1.x would install its own and never restore the old
// ones); CallInterrupt's self-pipe is one more fd in libre's loop, and every wait checks its flag.
#include "sip/sip_softphone.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>

#include "sip/call_interrupt.h"
#include "sip/digit_collector.h"
#include "sip/g711.h"
#include "sip/sip_uri.h"
#include "sip/speech_meter.h"

// libre: C headers, configured by these (its .pc file does not carry them).
#ifndef HAVE_INTTYPES_H
#define HAVE_INTTYPES_H 1
#endif
#ifndef HAVE_STDBOOL_H
#define HAVE_STDBOOL_H 1
#endif
#include <re.h>

namespace gomo::sip {
namespace {

using engine::Millis;
using Clock = std::chrono::steady_clock;

constexpr int kFrameSamples = 160;  // 20 ms of 8 kHz audio: one RTP packet
constexpr Millis kFrameMs = 20;
constexpr Millis kBeepMs = 500;               // as the platform (and the scripted softphone) times it
constexpr Millis kDrainMs = 3000;             // at most this long to let BYE/CANCEL transactions finish
constexpr Millis kInterruptedDrainMs = 2000;  // the same after Ctrl-C: the user is waiting for the prompt

Millis since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

std::string pl_string(const pl& p) { return std::string(p.p ? p.p : "", p.l); }

// The user part of the From URI: the caller number's digits and '+' ("" -> the default).
std::string from_user(std::string_view caller, const std::string& fallback) {
  std::string user;
  for (char c : caller)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '+') user += c;
  return user.empty() ? fallback : user;
}

void wake(void*) { re_cancel(); }

}  // namespace

struct SipSoftphone::Call {
  SipOptions options;
  SipUri target;
  std::string request_uri;  // where the INVITE goes
  std::string route;        // "<sip:proxy;lr>" or ""
  std::string local_ip;

  // libre objects (ref-counted: mem_deref).
  struct sip* stack = nullptr;
  sipsess_sock* sock = nullptr;
  sipsess* sess = nullptr;
  struct rtp_sock* rtp = nullptr;
  sdp_session* sdp = nullptr;
  sdp_media* media = nullptr;
  telev* tel = nullptr;
  tmr timer{};

  // What the handlers saw.
  bool ringing = false;
  bool heard_back = false;  // any response to the INVITE (a 100 Trying is enough)
  bool established = false;
  bool closed = false;  // the session ended (a final failure, or BYE from the callee)
  bool stack_exited = false;
  uint16_t final_status = 0;
  std::string final_reason;
  int close_error = 0;
  std::deque<char> keys;  // received and not yet collected (type-ahead)
  bool key_down = false;  // an RFC 4733 event has started and not ended

  // Media.
  sa remote_rtp{};
  bool have_remote_rtp = false;
  uint8_t send_pt = 0;
  G711 send_law = G711::kPcmu;
  int telev_pt = -1;
  uint32_t timestamp = 0;
  Clock::time_point media_start;
  bool recording = false;
  std::vector<int16_t> recorded;
  SpeechMeter* meter = nullptr;
  Clock::time_point record_start;

  // Ctrl-C: installed by open(), restored by the destructor once the last transaction is done.
  std::unique_ptr<CallInterrupt> interrupt;
  bool watching_interrupt = false;  // interrupt->fd() is in libre's fd set
  int signal = 0;                   // the signal that interrupted the call; 0 = none
  bool caller_ended = false;        // gomo hung up (CANCEL or BYE) because of that signal

  std::string problem;
  std::vector<std::string> recordings;
  std::map<std::string, int> record_visits;

  ~Call();
  // Hangs up if the call is still up, lets libre finish its transactions, restores the signal
  // handlers and frees libre's objects. Idempotent.
  void close();
  Status open();
  // Runs libre's loop until `done()` or `deadline`; handlers wake it (re_cancel) when something happens.
  template <typename Done>
  void run_until(Done done, Clock::time_point deadline);
  void negotiate();
  void send_frame(std::span<const int16_t> samples, bool marker);
  void end_session();
  // True once SIGINT or SIGTERM came (noted in `signal`). Cheap: a flag read.
  bool interrupted();
  // When interrupted: hangs up (CANCEL while ringing, BYE once answered) and returns true.
  bool hang_up_if_interrupted();
  bool stop() { return closed || interrupted(); }  // what ends a wait inside a step
  // Silence in the recording up to `at_ms` when packets stopped (a callee that sends no RTP while
  // silent): the WAV keeps the call's timing. Gaps up to 60 ms are jitter and left alone.
  void pad_recording(Millis at_ms);

  // libre's handlers; `arg` is the Call.
  static int on_answer(const sip_msg* msg, void* arg);
  static void on_progress(const sip_msg* msg, void* arg);
  static void on_established(const sip_msg* msg, void* arg);
  static void on_info(struct sip* sip, const sip_msg* msg, void* arg);
  static void on_close(int err, const sip_msg* msg, void* arg);
  static void on_rtp(const sa* src, const rtp_header* hdr, mbuf* mb, void* arg);
  static int on_auth(char** user, char** password, const char* realm, void* arg);
  static void on_incoming(const sip_msg* msg, void* arg);
  static void on_exit(void* arg);
  static void on_interrupt(int flags, void* arg);
};

template <typename Done>
void SipSoftphone::Call::run_until(Done done, Clock::time_point deadline) {
  while (!done()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) break;
    tmr_start(&timer, static_cast<uint64_t>(left), wake, nullptr);
    re_main(nullptr);
  }
  tmr_cancel(&timer);
}

Status SipSoftphone::Call::open() {
  static std::once_flag once;
  static int init_error = 0;
  std::call_once(once, [] { init_error = libre_init(); });
  if (init_error) return Status::internal(std::string("libre_init failed: ") + std::strerror(init_error));
  tmr_init(&timer);

  sa local{};
  if (int err = sa_set_str(&local, local_ip.c_str(), 0))
    return Status::internal("bad local address " + local_ip + ": " + std::strerror(err));
  int err = sip_alloc(&stack, nullptr, 32, 32, 32, options.user_agent.c_str(), on_exit, this);
  if (!err) err = sip_transp_add(stack, SIP_TRANSP_UDP, &local);
  if (!err) err = sipsess_listen(&sock, stack, 32, on_incoming, this);
  if (err) return Status::io_error("cannot open a SIP socket on " + local_ip + ": " + std::strerror(err));
  // RTP on an even port; RTCP off (nothing here reads reports).
  err = rtp_listen(&rtp, IPPROTO_UDP, &local, 10000, 60000, false, on_rtp, nullptr, this);
  if (err) return Status::io_error("cannot open an RTP socket on " + local_ip + ": " + std::strerror(err));
  err = telev_alloc(&tel, kFrameMs);
  if (!err) err = sdp_session_alloc(&sdp, &local);
  if (!err) err = sdp_media_add(&media, sdp, "audio", sa_port(rtp_local(rtp)), "RTP/AVP");
  // The offer: PCMU, PCMA and telephone-event; the answer may name its own event PT (SIPp: 96).
  if (!err)
    err = sdp_format_add(nullptr, media, false, "0", "PCMU", 8000, 1, nullptr, nullptr, nullptr, false, nullptr);
  if (!err)
    err = sdp_format_add(nullptr, media, false, "8", "PCMA", 8000, 1, nullptr, nullptr, nullptr, false, nullptr);
  if (!err)
    err = sdp_format_add(nullptr, media, false, "101", telev_rtpfmt, 8000, 1, nullptr, nullptr, nullptr, false, "0-15");
  if (err) return Status::internal(std::string("cannot build the SDP offer: ") + std::strerror(err));
  auto watch = CallInterrupt::install();
  if (!watch) return watch.error();
  interrupt = std::move(*watch);
  if (int fd_err = fd_listen(interrupt->fd(), FD_READ, on_interrupt, this))
    return Status::internal(std::string("cannot watch for Ctrl-C in libre's loop: ") + std::strerror(fd_err));
  watching_interrupt = true;
  return Status::ok();
}

bool SipSoftphone::Call::interrupted() {
  if (signal == 0 && interrupt) signal = interrupt->signal();
  return signal != 0;
}

bool SipSoftphone::Call::hang_up_if_interrupted() {
  if (!interrupted()) return false;
  if (!caller_ended) {
    caller_ended = true;
    end_session();
  }
  return true;
}

SipSoftphone::Call::~Call() { close(); }

void SipSoftphone::Call::close() {
  end_session();
  if (stack) {
    // Let BYE or CANCEL (and the 487's ACK) finish before the stack goes: sip_close(false) calls on_exit
    // when no transaction is left.
    sip_close(stack, false);
    // Nobody ever answered at that address: no transaction there will finish; do not wait for it.
    Millis drain_ms = !(heard_back || established || closed) ? 200 : interrupted() ? kInterruptedDrainMs : kDrainMs;
    run_until([this] { return stack_exited; }, Clock::now() + std::chrono::milliseconds(drain_ms));
    sip_close(stack, true);
  }
  tmr_cancel(&timer);
  if (watching_interrupt) fd_close(interrupt->fd());
  watching_interrupt = false;
  interrupted();      // a signal during that wait counts too
  interrupt.reset();  // the previous handlers again: the call is over
  // mem_deref returns null: a second close() does nothing.
  sock = static_cast<sipsess_sock*>(mem_deref(sock));
  media = static_cast<sdp_media*>(mem_deref(media));
  sdp = static_cast<sdp_session*>(mem_deref(sdp));
  tel = static_cast<telev*>(mem_deref(tel));
  rtp = static_cast<struct rtp_sock*>(mem_deref(rtp));
  stack = static_cast<struct sip*>(mem_deref(stack));
}

void SipSoftphone::Call::end_session() {
  // mem_deref of a session sends BYE when it is established and CANCEL while it is ringing.
  if (sess) sess = static_cast<sipsess*>(mem_deref(sess));
}

void SipSoftphone::Call::pad_recording(Millis at_ms) {
  size_t at = audio::samples_for(at_ms);
  if (at > recorded.size() + audio::samples_for(60)) recorded.resize(at);
}

void SipSoftphone::Call::negotiate() {
  const sa* raddr = sdp_media_raddr(media);
  have_remote_rtp = raddr && sa_isset(raddr, SA_ALL) && sa_port(raddr) != 0;
  if (have_remote_rtp) remote_rtp = *raddr;
  bool codec_chosen = false;
  for (le* e = list_head(sdp_media_format_lst(media, false)); e; e = e->next) {
    const auto* fmt = static_cast<const sdp_format*>(e->data);
    std::string name = fmt->name ? fmt->name : "";
    // Static payload types may come without an rtpmap line (linphone): 0 and 8 name themselves.
    if (name.empty() && fmt->pt == 0) name = "PCMU";
    if (name.empty() && fmt->pt == 8) name = "PCMA";
    if (!str_casecmp(name.c_str(), telev_rtpfmt)) {
      if (telev_pt < 0) telev_pt = fmt->pt;
    } else if (!codec_chosen && (!str_casecmp(name.c_str(), "PCMU") || !str_casecmp(name.c_str(), "PCMA"))) {
      codec_chosen = true;
      send_pt = static_cast<uint8_t>(fmt->pt);
      send_law = !str_casecmp(name.c_str(), "PCMU") ? G711::kPcmu : G711::kPcma;
    }
  }
}

void SipSoftphone::Call::send_frame(std::span<const int16_t> samples, bool marker) {
  timestamp += kFrameSamples;
  if (!have_remote_rtp) return;
  std::vector<uint8_t> payload = g711_encode(send_law, samples);
  payload.resize(kFrameSamples, send_law == G711::kPcmu ? 0xFF : 0xD5);  // pad the last frame with silence
  mbuf* mb = mbuf_alloc(RTP_HEADER_SIZE + payload.size());
  if (!mb) return;
  mb->pos = mb->end = RTP_HEADER_SIZE;  // rtp_send writes the header in front
  (void)mbuf_write_mem(mb, payload.data(), payload.size());
  mb->pos = RTP_HEADER_SIZE;
  if (int err = rtp_send(rtp, &remote_rtp, false, marker, send_pt, timestamp, mb); err && problem.empty())
    problem = std::string("RTP send failed: ") + std::strerror(err);
  mem_deref(mb);
}

int SipSoftphone::Call::on_answer(const sip_msg* msg, void* arg) {
  auto* c = static_cast<Call*>(arg);
  if (int err = sdp_decode(c->sdp, msg->mb, false)) {
    c->problem = std::string("the callee's SDP answer is unreadable: ") + std::strerror(err);
    return err;
  }
  c->negotiate();
  return 0;
}

void SipSoftphone::Call::on_progress(const sip_msg* msg, void* arg) {
  auto* c = static_cast<Call*>(arg);
  c->heard_back = true;
  if (msg->scode == 180 || msg->scode == 183) c->ringing = true;
  // Early media (183 with SDP) is not played: prompts start at the answer.
}

void SipSoftphone::Call::on_established(const sip_msg*, void* arg) {
  auto* c = static_cast<Call*>(arg);
  c->established = true;
  c->media_start = Clock::now();
  re_cancel();
}

void SipSoftphone::Call::on_info(struct sip* stack, const sip_msg* msg, void* arg) {
  auto* c = static_cast<Call*>(arg);
  std::string type = pl_string(msg->ctyp.type) + "/" + pl_string(msg->ctyp.subtype);
  std::string body(reinterpret_cast<const char*>(mbuf_buf(msg->mb)), mbuf_get_left(msg->mb));
  char key = dtmf_from_info(type, body);
  (void)sip_treply(nullptr, stack, msg, key ? 200 : 415, key ? "OK" : "Unsupported Media Type");
  if (key) {
    c->keys.push_back(key);
    re_cancel();
  }
}

void SipSoftphone::Call::on_close(int err, const sip_msg* msg, void* arg) {
  auto* c = static_cast<Call*>(arg);
  c->closed = true;
  c->heard_back = c->heard_back || msg;
  c->close_error = err;
  if (msg && !msg->req) {
    c->final_status = msg->scode;
    c->final_reason = pl_string(msg->reason);
  }
  // The session is over (libre sends no BYE for it); it is released outside this handler (end_session).
  re_cancel();
}

void SipSoftphone::Call::on_rtp(const sa*, const rtp_header* hdr, mbuf* mb, void* arg) {
  auto* c = static_cast<Call*>(arg);
  if (c->telev_pt >= 0 && hdr->pt == c->telev_pt) {
    int event = 0;
    bool end = false;
    if (telev_recv(c->tel, mb, &event, &end)) return;  // a repeat of a packet already seen
    int digit = telev_code2digit(event);
    // One key per press: at its start, or at its end when the start packets were lost.
    if (digit > 0 && (!end || !c->key_down)) {
      c->keys.push_back(static_cast<char>(digit));
      re_cancel();
    }
    c->key_down = !end;
    return;
  }
  if (!c->recording || (hdr->pt != 0 && hdr->pt != 8)) return;  // others: e.g. SIPp's PT-97 fillers
  std::span<const uint8_t> codes(mbuf_buf(mb), mbuf_get_left(mb));
  std::vector<int16_t> samples = g711_decode(hdr->pt == 0 ? G711::kPcmu : G711::kPcma, codes);
  Millis at_ms = since(c->record_start);
  c->meter->add(samples, at_ms);
  c->pad_recording(at_ms);
  c->recorded.insert(c->recorded.end(), samples.begin(), samples.end());
}

int SipSoftphone::Call::on_auth(char** user, char** password, const char*, void* arg) {
  auto* c = static_cast<Call*>(arg);
  if (c->options.auth_user.empty()) {
    c->problem = "the SIP server asks for authentication: give --sip-user and GOMO_SIP_PASSWORD";
    return EACCES;
  }
  int err = str_dup(user, c->options.auth_user.c_str());
  if (!err) err = str_dup(password, c->options.auth_password.c_str());
  return err;
}

void SipSoftphone::Call::on_incoming(const sip_msg* msg, void* arg) {
  // gomo places calls; it does not take them.
  (void)sip_treply(nullptr, static_cast<Call*>(arg)->stack, msg, 603, "Decline");
}

void SipSoftphone::Call::on_exit(void* arg) {
  static_cast<Call*>(arg)->stack_exited = true;
  re_cancel();
}

void SipSoftphone::Call::on_interrupt(int, void* arg) {
  // In libre's loop, so re_cancel is safe here (it is not in a signal handler). The step sees the flag.
  auto* c = static_cast<Call*>(arg);
  c->interrupt->drain();
  re_cancel();
}

Result<std::unique_ptr<SipSoftphone>> SipSoftphone::create(SipOptions options) {
  if (!options.render) return Status::internal("SipSoftphone needs a prompt renderer");
  auto target = parse_sip_uri(options.target, "--softphone", true);
  if (!target) return target.error();
  auto call = std::make_unique<Call>();
  call->target = *target;
  std::string next_hop_host = target->host;
  uint16_t next_hop_port = target->port;
  if (!options.proxy.empty()) {
    auto proxy = parse_sip_uri(options.proxy, "--sip-proxy", false);
    if (!proxy) return proxy.error();
    auto proxy_ip = resolve_host(proxy->host);
    if (!proxy_ip) return proxy_ip.error();
    SipUri hop{"", *proxy_ip, proxy->port};
    call->route = "<" + hop.text() + ";lr>";
    call->request_uri = target->text();  // the proxy resolves the target's host
    next_hop_host = *proxy_ip;
    next_hop_port = proxy->port;
  } else {
    auto ip = resolve_host(target->host);
    if (!ip) return ip.error();
    call->request_uri = SipUri{target->user, *ip, target->port}.text();
    next_hop_host = *ip;
  }
  auto local = local_address_for(next_hop_host, next_hop_port);
  if (!local) return local.error();
  call->local_ip = *local;
  call->options = std::move(options);
  if (Status s = call->open(); !s) return s;
  return std::unique_ptr<SipSoftphone>(new SipSoftphone(std::move(call)));
}

SipSoftphone::SipSoftphone(std::unique_ptr<Call> call) : call_(std::move(call)) {}
SipSoftphone::~SipSoftphone() = default;

const std::string& SipSoftphone::last_problem() const { return call_->problem; }
const std::vector<std::string>& SipSoftphone::recordings() const { return call_->recordings; }
void SipSoftphone::close() { call_->close(); }
bool SipSoftphone::caller_hung_up() const { return call_->caller_ended; }
int SipSoftphone::interrupted_by() const {
  call_->interrupted();
  return call_->signal;
}

engine::RingReply SipSoftphone::ring(const engine::CallSetup& setup, Millis ring_timeout_ms, bool) {
  Call& c = *call_;
  engine::RingReply reply;
  auto start = Clock::now();
  if (c.hang_up_if_interrupted()) {  // Ctrl-C before the call: send nothing
    reply.answer = engine::Answer::kNoAnswer;
    return reply;
  }
  mbuf* offer = nullptr;
  int err = sdp_encode(&offer, c.sdp, true);
  std::string user = from_user(setup.caller, c.options.from_user);
  std::string from_uri = "sip:" + user + "@" + uri_host(c.local_ip);  // no port: Contact carries it
  const char* routes[] = {c.route.c_str()};
  if (!err)
    err = sipsess_connect(&c.sess, c.sock, c.request_uri.c_str(), nullptr, from_uri.c_str(), user.c_str(),
                          c.route.empty() ? nullptr : routes, c.route.empty() ? 0 : 1, "application/sdp", offer,
                          Call::on_auth, &c, false, nullptr, Call::on_answer, Call::on_progress, Call::on_established,
                          Call::on_info, nullptr, Call::on_close, &c, "%s", "");
  mem_deref(offer);
  if (err) {
    c.problem = "cannot send the INVITE to " + c.request_uri + ": " + std::strerror(err);
    reply.answer = engine::Answer::kError;
    reply.detail = c.problem;
    return reply;
  }
  c.run_until([&c] { return c.established || c.stop(); }, start + std::chrono::milliseconds(ring_timeout_ms));
  reply.after_ms = std::min(since(start), ring_timeout_ms);
  if (!c.closed && c.hang_up_if_interrupted()) {
    // CANCEL while ringing, BYE if the answer came at the same time; caller_hung_up() tells the engine.
    reply.answer = c.established ? engine::Answer::kHuman : engine::Answer::kNoAnswer;
    return reply;
  }
  if (c.established) {
    reply.answer = engine::Answer::kHuman;
    return reply;
  }
  if (!c.closed) {
    c.end_session();  // CANCEL
    if (!c.heard_back) {
      // Not even a 100 Trying: no SIP phone at that address, or the network drops the packets.
      reply.answer = engine::Answer::kError;
      reply.detail = c.problem = "nothing answered at " + c.request_uri + " within " +
                                 std::to_string(ring_timeout_ms / 1000) + " s (is a SIP phone listening there?)";
      return reply;
    }
    reply.answer = engine::Answer::kNoAnswer;
    reply.after_ms = ring_timeout_ms;
    return reply;
  }
  std::string status = c.final_status ? "SIP " + std::to_string(c.final_status) + " " + c.final_reason
                                      : std::string(std::strerror(c.close_error));
  switch (c.final_status) {
    case 486:
    case 600: reply.answer = engine::Answer::kBusy; break;
    case 403:
    case 480:
    case 603: reply.answer = engine::Answer::kRejected; break;
    case 408:
    case 487: reply.answer = engine::Answer::kNoAnswer; break;
    default:
      reply.answer = engine::Answer::kError;
      reply.detail = c.problem.empty() ? status : c.problem + " (" + status + ")";
      c.problem = reply.detail;
  }
  return reply;
}

engine::PlayReply SipSoftphone::play(const engine::Prompt& prompt) {
  Call& c = *call_;
  engine::PlayReply reply;
  if (c.closed || !c.established || c.hang_up_if_interrupted()) {
    reply.hung_up = true;
    return reply;
  }
  auto audio = c.options.render(prompt);
  // Ctrl-C at a terminal also stops espeak-ng (same process group): an interrupt, not a failed prompt.
  if (c.hang_up_if_interrupted()) {
    reply.hung_up = true;
    return reply;
  }
  if (!audio) {
    c.problem = audio.error().message();
    reply.failed = true;
    return reply;
  }
  std::span<const int16_t> samples(*audio);
  auto start = Clock::now();
  // The RTP clock runs with real time across the pause since the last prompt.
  c.timestamp = static_cast<uint32_t>(since(c.media_start) * 8);
  size_t frames = (samples.size() + kFrameSamples - 1) / kFrameSamples;
  for (size_t i = 0; i < frames; ++i) {
    // Pace against the prompt's start, not the previous packet: no drift over a long prompt.
    c.run_until([&c] { return c.stop(); }, start + std::chrono::milliseconds(kFrameMs * static_cast<Millis>(i)));
    if (c.stop()) break;
    size_t at = i * kFrameSamples;
    c.send_frame(samples.subspan(at, std::min<size_t>(kFrameSamples, samples.size() - at)), i == 0);
  }
  // The last frame is heard until its 20 ms are over.
  c.run_until([&c] { return c.stop(); }, start + std::chrono::milliseconds(kFrameMs * static_cast<Millis>(frames)));
  reply.hung_up = c.closed || c.hang_up_if_interrupted();
  reply.elapsed_ms = since(start);
  return reply;
}

engine::DigitReply SipSoftphone::collect_digits(const engine::DigitRequest& request) {
  Call& c = *call_;
  engine::DigitReply reply;
  auto start = Clock::now();
  DigitCollector collector(request, 0);
  auto take_keys = [&] {
    while (!c.keys.empty() && !collector.done()) {
      collector.press(c.keys.front(), since(start));
      c.keys.pop_front();
    }
    return collector.done() || c.stop();
  };
  while (!take_keys()) {
    auto deadline = start + std::chrono::milliseconds(collector.deadline_ms());
    if (Clock::now() >= deadline) break;
    c.run_until([&c] { return !c.keys.empty() || c.stop(); }, deadline);
  }
  reply.digits = collector.digits();
  reply.hung_up = (c.closed && !collector.done()) || c.hang_up_if_interrupted();
  reply.elapsed_ms = since(start);
  return reply;
}

engine::RecordReply SipSoftphone::record(const engine::RecordRequest& request) {
  Call& c = *call_;
  engine::RecordReply reply;
  auto start = Clock::now();
  if (c.closed || !c.established || c.hang_up_if_interrupted()) {
    reply.hung_up = true;
    return reply;
  }
  if (request.beep) {
    audio::Samples tone = audio::tone(1000, kBeepMs);
    auto media_start = Clock::now();
    c.timestamp = static_cast<uint32_t>(since(c.media_start) * 8);
    for (size_t i = 0; i * kFrameSamples < tone.size() && !c.stop(); ++i) {
      c.run_until([&c] { return c.stop(); },
                  media_start + std::chrono::milliseconds(kFrameMs * static_cast<Millis>(i)));
      if (!c.stop()) c.send_frame(std::span<const int16_t>(tone).subspan(i * kFrameSamples, kFrameSamples), i == 0);
    }
  }
  c.keys.clear();  // what was pressed before the beep does not end the recording
  SpeechMeter meter(request);
  c.recorded.clear();
  c.meter = &meter;
  c.record_start = Clock::now();
  c.recording = true;
  while (!c.stop()) {
    auto it = std::find(c.keys.begin(), c.keys.end(), request.finish_key);
    if (request.finish_key != '\0' && it != c.keys.end()) {
      c.keys.erase(c.keys.begin(), it + 1);
      reply.finished_by_key = true;
      break;
    }
    auto end = c.record_start + std::chrono::milliseconds(meter.end_ms());
    if (Clock::now() >= end) break;
    // Wake at least every 100 ms: speech moves the end later.
    c.run_until([&c] { return !c.keys.empty() || c.stop(); },
                std::min(end, Clock::now() + std::chrono::milliseconds(100)));
  }
  c.recording = false;
  c.meter = nullptr;
  c.pad_recording(since(c.record_start));
  reply.hung_up = c.closed || c.hang_up_if_interrupted();
  reply.spoken_ms = meter.spoken_ms();
  if (!c.options.record_dir.empty()) {
    std::string node(request.node_id);
    int visit = ++c.record_visits[node];
    std::string path =
        (std::filesystem::path(c.options.record_dir) / (node + "-" + std::to_string(visit) + ".wav")).string();
    if (Status s = audio::write_wav(path, c.recorded); !s) {
      c.problem = s.message();
      reply.failed = true;
    } else {
      c.recordings.push_back(path);
    }
  }
  reply.elapsed_ms = since(start);
  return reply;
}

void SipSoftphone::hang_up(const std::string&) {
  Call& c = *call_;
  c.end_session();  // BYE (or CANCEL); the destructor lets the transaction finish
}

}  // namespace gomo::sip
