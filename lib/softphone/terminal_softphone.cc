#include "softphone/terminal_softphone.h"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <thread>

namespace gomo::softphone {

using engine::Millis;
using Clock = std::chrono::steady_clock;

struct TerminalSoftphone::Saved {
  termios settings;
};

TerminalSoftphone::TerminalSoftphone(std::ostream& out, TerminalOptions options) : out_(out), options_(options) {
  if (options_.speed <= 0) options_.speed = 1;
  termios t;
  if (isatty(options_.input_fd) && tcgetattr(options_.input_fd, &t) == 0) {
    saved_ = new Saved{t};
    t.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    raw_ = tcsetattr(options_.input_fd, TCSANOW, &t) == 0;
  }
}

TerminalSoftphone::~TerminalSoftphone() {
  if (saved_) {
    tcsetattr(options_.input_fd, TCSANOW, &saved_->settings);
    delete saved_;
  }
}

Millis TerminalSoftphone::scaled(Millis ms) const { return static_cast<Millis>(static_cast<double>(ms) / options_.speed); }

Millis TerminalSoftphone::elapsed_since(Clock::time_point start) const {
  double real = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return static_cast<Millis>(real * options_.speed);
}

char TerminalSoftphone::read_key(Millis timeout_ms) {
  auto deadline = Clock::now() + std::chrono::milliseconds(scaled(timeout_ms));
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return 0;
    pollfd p{options_.input_fd, POLLIN, 0};
    int r = poll(&p, 1, static_cast<int>(left));
    if (r <= 0) {
      if (r < 0 && errno == EINTR) continue;
      return 0;
    }
    char c = 0;
    ssize_t n = read(options_.input_fd, &c, 1);
    if (n <= 0) return 'h';  // end of input: the callee is gone
    return c;
  }
}

engine::RingReply TerminalSoftphone::ring(const engine::CallSetup& call, Millis ring_timeout_ms, bool amd) {
  out_ << "\n📞 Incoming call from " << call.caller << " to " << (call.callee_name.empty() ? "you" : call.callee_name) << " ("
       << call.callee << ")\n   [a] answer   [m] let voicemail answer" << (amd ? "" : " (AMD is off: counts as an answer)")
       << "   [r] reject   [b] busy   (wait " << ring_timeout_ms / 1000 << " s = no answer)\n"
       << std::flush;
  auto start = Clock::now();
  while (true) {
    Millis left = ring_timeout_ms - elapsed_since(start);
    char c = left > 0 ? read_key(left) : 0;
    engine::RingReply r;
    r.after_ms = std::min(elapsed_since(start), ring_timeout_ms);
    switch (std::tolower(static_cast<unsigned char>(c))) {
      case 0: r.answer = engine::Answer::kNoAnswer; r.after_ms = ring_timeout_ms; break;
      case 'a': r.answer = engine::Answer::kHuman; break;
      case 'm': r.answer = engine::Answer::kMachine; break;
      case 'r': case 'h': r.answer = engine::Answer::kRejected; break;
      case 'b': r.answer = engine::Answer::kBusy; break;
      default: continue;
    }
    return r;
  }
}

engine::PlayReply TerminalSoftphone::play(const engine::Prompt& prompt) {
  engine::PlayReply r;
  for (const auto& part : prompt.parts) {
    out_ << "   ♪ " << (part.kind == engine::PromptPart::Kind::kAudio ? "[audio " + std::string(part.audio_id) + "]" : part.text)
         << "\n" << std::flush;
  }
  // The prompt plays in real time; [h] hangs up, other keys are ignored (no barge-in on the platform).
  auto start = Clock::now();
  Millis total = prompt.duration_ms();
  while (elapsed_since(start) < total) {
    char c = read_key(total - elapsed_since(start));
    if (c == 'h' || c == 'H') {
      r.hung_up = true;
      break;
    }
  }
  r.elapsed_ms = std::min(elapsed_since(start), total);
  if (r.hung_up) out_ << "   (you hung up)\n" << std::flush;
  return r;
}

engine::DigitReply TerminalSoftphone::collect_digits(const engine::DigitRequest& req) {
  engine::DigitReply r;
  out_ << "   ⌨  " << (req.single_digit ? "press a key" : "type digits" + std::string(req.terminator ? std::string(", then ") + req.terminator : ""))
       << " (" << req.timeout_ms / 1000 << " s; [h] hangs up): " << std::flush;
  auto start = Clock::now();
  while (true) {
    char c = read_key(req.timeout_ms);
    if (c == 0) break;  // timeout: no (more) input
    if (c == 'h' || c == 'H') {
      r.hung_up = true;
      break;
    }
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '*' || c == '#')) continue;
    out_ << c << std::flush;
    if (!req.single_digit && req.terminator && c == req.terminator) break;
    r.digits += c;
    if (req.single_digit || static_cast<int>(r.digits.size()) >= req.max_digits) break;
  }
  out_ << (r.digits.empty() && !r.hung_up ? "(nothing)" : "") << "\n" << std::flush;
  r.elapsed_ms = elapsed_since(start);
  return r;
}

engine::RecordReply TerminalSoftphone::record(const engine::RecordRequest& req) {
  engine::RecordReply r;
  if (req.beep) out_ << "   ♪ beep\n";
  out_ << "   ● recording: type to \"speak\" (any key but " << (req.finish_key ? std::string(1, req.finish_key) : std::string("h"))
       << "), " << (req.finish_key ? std::string(1, req.finish_key) + " to finish, " : "") << req.silence_timeout_ms / 1000
       << " s of silence ends it, [h] hangs up\n" << std::flush;
  auto start = Clock::now();
  Clock::time_point first{}, last{};
  bool spoke = false;
  while (elapsed_since(start) < req.max_duration_ms) {
    char c = read_key(std::min(req.silence_timeout_ms, req.max_duration_ms - elapsed_since(start)));
    if (c == 0) break;  // silence
    if (c == 'h' || c == 'H') {
      r.hung_up = true;
      break;
    }
    if (req.finish_key && c == req.finish_key) {
      r.finished_by_key = true;
      break;
    }
    if (!spoke) first = Clock::now();
    spoke = true;
    last = Clock::now();
  }
  if (spoke) r.spoken_ms = std::max<Millis>(1, static_cast<Millis>(std::chrono::duration<double, std::milli>(last - first).count() * options_.speed));
  r.elapsed_ms = elapsed_since(start);
  return r;
}

void TerminalSoftphone::hang_up(const std::string& reason) { out_ << "\n☎  call ended: " << reason << "\n" << std::flush; }

}  // namespace gomo::softphone
