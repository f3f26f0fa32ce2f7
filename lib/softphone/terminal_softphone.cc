#include "softphone/terminal_softphone.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "audio/prompt_audio.h"

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
  if (!sound_file_.empty()) std::remove(sound_file_.c_str());
  if (saved_) {
    tcsetattr(options_.input_fd, TCSANOW, &saved_->settings);
    delete saved_;
  }
}

std::string TerminalSoftphone::seconds(Millis call_ms) const {
  auto number = [](double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", x);
    std::string text = buf;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    return text;
  };
  const double s = static_cast<double>(call_ms) / 1000;
  if (options_.speed == 1) return number(s) + " s";
  return number(s) + " s [" + number(s / options_.speed) + " s real at --speed " + number(options_.speed) + "]";
}

Millis TerminalSoftphone::scaled(Millis ms) const {
  return static_cast<Millis>(static_cast<double>(ms) / options_.speed);
}

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
  out_ << "\n📞 Incoming call from " << call.caller << " to " << (call.callee_name.empty() ? "you" : call.callee_name)
       << " (" << call.callee << ")\n   [a] answer   [m] let voicemail answer"
       << (amd ? "" : " (AMD is off: counts as an answer)") << "   [r] reject   [b] busy   (wait "
       << seconds(ring_timeout_ms) << " = no answer)\n"
       << std::flush;
  auto start = Clock::now();
  while (true) {
    Millis left = ring_timeout_ms - elapsed_since(start);
    char c = left > 0 ? read_key(left) : 0;
    engine::RingReply r;
    r.after_ms = std::min(elapsed_since(start), ring_timeout_ms);
    switch (std::tolower(static_cast<unsigned char>(c))) {
      case 0:
        r.answer = engine::Answer::kNoAnswer;
        r.after_ms = ring_timeout_ms;
        break;
      case 'a': r.answer = engine::Answer::kHuman; break;
      case 'm': r.answer = engine::Answer::kMachine; break;
      case 'r':
      case 'h': r.answer = engine::Answer::kRejected; break;
      case 'b': r.answer = engine::Answer::kBusy; break;
      default: continue;
    }
    return r;
  }
}

std::string find_audio_player(const std::string& requested) {
  if (!requested.empty()) return requested;
  if (const char* env = std::getenv("GOMO_AUDIO_PLAYER"); env && *env) return env;
  const char* path = std::getenv("PATH");
  if (!path) return "";
  for (const char* candidate : {"paplay", "aplay", "play", "ffplay"}) {
    std::string dirs = path;
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!dir.empty() && access((dir + "/" + candidate).c_str(), X_OK) == 0) return candidate;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return "";
}

std::string TerminalSoftphone::audio_file(std::string_view audio_id) const {
  if (options_.audio_dir.empty() || options_.player.empty() || audio_id.empty()) return "";
  for (const char* ext : {".wav", ".mp3", ".ogg"}) {
    std::filesystem::path p = std::filesystem::path(options_.audio_dir) / (std::string(audio_id) + ext);
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

namespace {

// Starts `player file` quietly; returns its pid, or -1.
pid_t start_player(const std::string& player, const std::string& file) {
  std::vector<std::string> args = {player};
  if (player == "ffplay") args.insert(args.end(), {"-nodisp", "-autoexit", "-loglevel", "quiet"});
  if (player == "play" || player == "aplay") args.push_back("-q");
  args.push_back(file);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  if (posix_spawnp(&pid, player.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

}  // namespace

std::string TerminalSoftphone::rendered_sound(const engine::Prompt& prompt, Millis& length_ms) {
  if (!options_.audio || options_.player.empty()) return "";
  auto samples = options_.audio->render(prompt);
  if (!samples) {
    if (!sound_note_)
      out_ << "   (no sound: " << samples.error().message() << "; such prompts are shown)\n" << std::flush;
    sound_note_ = true;
    return "";
  }
  if (sound_file_.empty()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "gomo-prompt-XXXXXX.wav").string();
    int fd = mkstemps(pattern.data(), 4);
    if (fd < 0) return "";
    close(fd);
    sound_file_ = pattern;
  }
  if (!audio::write_wav(sound_file_, *samples)) return "";
  length_ms = audio::millis_of(samples->size());
  return sound_file_;
}

bool TerminalSoftphone::play_file(const std::string& file) {
  pid_t pid = start_player(options_.player, file);
  while (pid > 0) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) break;
    char c = read_key(50);
    if (c == 'h' || c == 'H') {
      kill(pid, SIGTERM);
      waitpid(pid, &status, 0);
      out_ << "   (you hung up)\n" << std::flush;
      return true;
    }
  }
  return false;
}

engine::PlayReply TerminalSoftphone::play(const engine::Prompt& prompt) {
  engine::PlayReply r;
  auto start = Clock::now();
  Millis total = prompt.duration_ms();
  // The whole prompt as sound when it renders; else parts with a real audio file are heard through the
  // player, one after the other, and the rest is shown.
  const std::string sound = rendered_sound(prompt, total);
  for (const auto& part : prompt.parts) {
    std::string file = sound.empty() && part.kind == engine::PromptPart::Kind::kAudio ? audio_file(part.audio_id) : "";
    out_ << "   ♪ "
         << (part.kind == engine::PromptPart::Kind::kAudio ? "[audio " + std::string(part.audio_id) + "]" : part.text)
         << (file.empty() ? "" : "  (playing " + file + ")") << "\n"
         << std::flush;
    if (!file.empty() && play_file(file)) {
      r.hung_up = true;
      r.elapsed_ms = elapsed_since(start);
      return r;
    }
  }
  if (!sound.empty() && play_file(sound)) {
    r.hung_up = true;
    r.elapsed_ms = std::min(elapsed_since(start), total);
    return r;
  }
  if (elapsed_since(start) > 0 && total <= elapsed_since(start)) {
    r.elapsed_ms = sound.empty() ? elapsed_since(start) : total;
    return r;
  }
  // The rest of the prompt plays in real time (also when the player could not play it: no sound
  // card); [h] hangs up, other keys are ignored (no barge-in).
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
  out_ << "   ⌨  "
       << (req.single_digit
               ? "press a key"
               : "type digits" + std::string(req.terminator ? std::string(", then ") + req.terminator : ""))
       << " (" << seconds(req.timeout_ms) << "; [h] hangs up): " << std::flush;
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
  out_ << "   ● recording: type to \"speak\" (any key but "
       << (req.finish_key ? std::string(1, req.finish_key) : std::string("h")) << "), "
       << (req.finish_key ? std::string(1, req.finish_key) + " to finish, " : "") << seconds(req.silence_timeout_ms)
       << " of silence ends it, [h] hangs up\n"
       << std::flush;
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
  if (spoke)
    r.spoken_ms = std::max<Millis>(
        1, static_cast<Millis>(std::chrono::duration<double, std::milli>(last - first).count() * options_.speed));
  r.elapsed_ms = elapsed_since(start);
  return r;
}

void TerminalSoftphone::hang_up(const std::string& reason) {
  out_ << "\n☎  call ended: " << reason << "\n" << std::flush;
}

}  // namespace gomo::softphone
