#include "engine/engine.h"

#include <algorithm>
#include <cmath>

#include "base/strings.h"
#include "engine/condition.h"

namespace gomo::engine {

using document::Kind;
using model::NodeType;

int CallReport::visits_of(std::string_view node_id) const {
  if (!flow) return 0;
  const model::Node* n = flow->find(node_id);
  return n ? node_visits[static_cast<size_t>(n - flow->nodes.data())] : 0;
}

std::string Contact::name() const {
  auto get = [&](const char* k) {
    auto it = fields.find(k);
    return it == fields.end() ? std::string() : it->second.text();
  };
  std::string full = get("fullName");
  if (!full.empty()) return full;
  std::string first = get("firstName"), last = get("lastName");
  return first.empty() ? last : last.empty() ? first : first + " " + last;
}

namespace {

// Estimated lengths, for prompts whose audio gomo does not have.
constexpr Millis kAudioFileMs = 3000;
constexpr Millis kClipMs = 550;
constexpr Millis kTtsMsPerChar = 65;  // about 15 characters a second

// The next step of a node: an output name to follow, or the end of the call.
struct Step {
  std::string output;  // "" = the call ends here
  std::string reason;  // why the call ends (when output is "")
};

class Runner {
 public:
  Runner(const model::Flow& flow, const Contact& contact, Softphone& phone, const EngineOptions& options)
      : flow_(flow), contact_(contact), phone_(phone), opts_(options) {
    report_.call_id = options.call_id;
    report_.flow_name = flow.name;
    report_.flow = &flow;
    report_.node_visits.assign(flow.nodes.size(), 0);
    report_.path.reserve(16);
    report_.edges_taken.reserve(16);
    vars_ = options.variables;
  }

  CallReport run() {
    int index = flow_.start_index;
    if (index < 0) return finish("failed", "the flow has no start node \"" + flow_.start_node_id + "\"");
    // A flow that starts with `answer` is an inbound call: the callee is already there.
    if (flow_.nodes[index].type == NodeType::kAnswer) inbound_ = true;
    // Without a dial or answer node first, the platform has already connected the call.
    if (flow_.nodes[index].type != NodeType::kAnswer && flow_.nodes[index].type != NodeType::kDial) {
      answered_ = true;
      outcome_ = "completed";
      call_status_ = "answered";
    }
    int visits = 0;
    while (true) {
      const model::Node& node = flow_.nodes[index];
      if (++visits > opts_.max_node_visits)
        return finish("failed", "loop guard: more than " + std::to_string(opts_.max_node_visits) +
                                    " node visits (last: " + node.id + ")");
      report_.node_visits[static_cast<size_t>(index)]++;
      report_.path.push_back({node.id, node.type_name, node.label, "", now_});
      if (opts_.record_events)
        event(CallEvent::Kind::kNode, node.id, node.type_name + (node.label.empty() ? "" : " \"" + node.label + "\""));
      Step step = execute(node);
      if (step.output.empty()) return finish_after(node, step.reason);
      // A missing output falls back to `default`; without either the call ends.
      const model::Edge* edge = find_edge(node, step.output);
      std::string taken = step.output;
      if (!edge && step.output.rfind("branches.", 0) != 0) {
        edge = find_edge(node, "default");
        if (edge) taken = "default";
      }
      if (!edge && step.output.rfind("branches.", 0) == 0) {
        // A branch digit without its own edge goes on as onSuccess (docs/decisions.md), else default.
        edge = find_edge(node, "onSuccess");
        taken = "onSuccess";
        if (!edge) {
          edge = find_edge(node, "default");
          taken = "default";
        }
      }
      if (!edge || edge->target_index < 0) {
        report_.path.back().output_path = step.output;
        return finish(answered_ || outcome_.empty() ? "failed" : outcome_,
                      "flow ended without hangup at " + node.id + ": no `" + step.output + "` output" +
                          (step.output == "default" ? "" : " and no `default`"));
      }
      report_.edges_taken.emplace_back(index, taken);
      if (opts_.record_events) event(CallEvent::Kind::kOutput, node.id, taken + " -> " + edge->target);
      report_.path.back().output_path = std::move(taken);
      index = edge->target_index;
    }
  }

 private:
  const model::Edge* find_edge(const model::Node& node, std::string_view output) const {
    constexpr std::string_view kBranch = "branches.";
    const bool branch = output.substr(0, kBranch.size()) == kBranch;
    for (const auto& e : node.edges) {
      if (branch ? (e.name == "branches" && e.digit == output.substr(kBranch.size())) : e.name == output) return &e;
    }
    return nullptr;
  }

  void event(CallEvent::Kind kind, const std::string& node, std::string text, std::vector<Clip> clips = {}) {
    if (!opts_.record_events) return;
    report_.events.push_back({kind, now_, node, std::move(text), std::move(clips)});
  }

  CallReport finish_after(const model::Node&, const std::string& reason) {
    // Reached when a node ends the call: a hangup, the callee hanging up, or a dial not answered.
    return finish(outcome_, reason);
  }

  CallReport finish(std::string outcome, std::string reason) {
    if (!ended_by_callee_) phone_.hang_up(reason);
    report_.outcome = std::move(outcome);
    report_.outcome_reason = std::move(reason);
    report_.duration_ms = now_;
    report_.final_variables = std::move(vars_);
    report_.answered = answered_;
    report_.answered_by = answered_by_.empty() ? "unknown" : answered_by_;
    return std::move(report_);
  }

  // ---- values ----
  Result<Value> resolve(const document::Value& v) {
    if (!v.is_mapping()) return Value::from_document(v);
    std::string_view source = v.string_at("source");
    if (source == "literal") {
      const document::Value* lit = v.find("value");
      return lit ? Value::from_document(*lit) : Value();
    }
    if (source == "variable") return lookup(vars_, std::string(v.string_at("name")));
    if (source == "contactField") {
      std::string field(v.string_at("field"));
      if (field == "primaryPhone") return Value(contact_.phone);
      if (field == "id") return Value(contact_.id);
      return lookup(contact_.fields, field);
    }
    if (source == "customAttribute") return lookup(contact_.attributes, std::string(v.string_at("attributeName")));
    if (source == "system") return system_variable(v.string_at("name"));
    return Status::invalid_argument("unknown value source \"" + std::string(source) + "\"");
  }

  // sys.* values, computed when read (most calls never read one).
  Value system_variable(std::string_view name) const {
    if (name == "sys.callId") return Value(opts_.call_id);
    if (name == "sys.callStatus") return Value(call_status_);
    if (name == "sys.callDirection") return Value(inbound_ ? "inbound" : "outbound");
    if (name == "sys.answeredBy") return answered_by_.empty() ? Value() : Value(answered_by_);
    if (name == "sys.contactId") return Value(contact_.id);
    if (name == "sys.contactPhone") return Value(contact_.phone);
    if (name == "sys.contactName") return Value(contact_.name());
    if (name == "sys.organizationId") return Value(opts_.organization_id);
    if (name == "sys.programId") return Value(opts_.program_id);
    return Value();
  }

  static Value lookup(const Variables& vars, const std::string& name) {
    auto it = vars.find(name);
    return it == vars.end() ? Value() : it->second;
  }

  // `{name}` placeholders: flow variables, sys.*, contact.<field>, contact.customAttributes.<name>.
  std::string render(const std::string& text, const std::string& node_id) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '{') {
        out += text[i];
        continue;
      }
      size_t close = text.find('}', i);
      if (close == std::string::npos) {
        out += text.substr(i);
        break;
      }
      std::string name = text.substr(i + 1, close - i - 1);
      Value v;
      if (starts_with(name, "sys.")) v = system_variable(name);
      else if (starts_with(name, "contact.customAttributes.")) v = lookup(contact_.attributes, name.substr(25));
      else if (name == "contact.primaryPhone") v = contact_.phone;
      else if (starts_with(name, "contact.")) v = lookup(contact_.fields, name.substr(8));
      else v = lookup(vars_, name);
      if (v.is_null())
        event(CallEvent::Kind::kNote, node_id, "placeholder {" + name + "} has no value: it is spoken as nothing");
      out += v.text();
      i = close;
    }
    return out;
  }

  // ---- prompts ----
  Result<Prompt> build_prompt(const model::Node& node, const document::Value* items) {
    Prompt p;
    p.node_id = node.id;
    if (!items || !items->is_sequence()) return p;
    for (const auto& item : items->items) {
      std::string_view type = item.string_at("type");
      PromptPart part;
      std::string language(item.string_at("language"));
      part.language = language;
      if (type == "audioFile") {
        part.kind = PromptPart::Kind::kAudio;
        part.audio_id = item.string_at("audioId");
        auto it = opts_.audio_durations.empty() ? opts_.audio_durations.end()
                                                : opts_.audio_durations.find(std::string(part.audio_id));
        part.duration_ms = it == opts_.audio_durations.end() ? kAudioFileMs : it->second;
      } else if (type == "number" || type == "date" || type == "word") {
        const document::Value* src = item.find("value");
        if (!src) return Status::invalid_argument(std::string(type) + " item without a value");
        auto value = resolve(*src);
        if (!value) return value.error();
        if (value->is_null()) return Status::invalid_argument(std::string(type) + " item: the value is empty");
        part.kind = PromptPart::Kind::kClips;
        part.dictionary_id = item.string_at("dictionaryId");
        if (type == "word") {
          part.clips = {Clip{value->text(), value->text()}};
        } else if (type == "number") {
          auto clips = say_number(value->text(), language.empty() ? "fr" : language,
                                  item.string_at("mode") == "digits" ? NumberMode::kDigits : NumberMode::kFull);
          if (!clips) return clips.error();
          part.clips = std::move(clips.value());
        } else {
          std::string_view f = item.string_at("format");
          DateFormat format = f == "datetime" ? DateFormat::kDateTime
                              : f == "time"   ? DateFormat::kTime
                                              : DateFormat::kDate;
          auto clips = say_date(value->text(), language.empty() ? "fr" : language, format);
          if (!clips) return clips.error();
          part.clips = std::move(clips.value());
        }
        part.text = clips_text(part.clips);
        part.duration_ms = kClipMs * static_cast<Millis>(part.clips.size());
      } else if (type == "tts") {
        part.kind = PromptPart::Kind::kText;
        part.text = render(std::string(item.string_at("text")), node.id);
        part.duration_ms = std::max<Millis>(500, kTtsMsPerChar * static_cast<Millis>(utf8_length(part.text)));
      } else {
        return Status::invalid_argument("unknown audio item type \"" + std::string(type) + "\"");
      }
      p.parts.push_back(std::move(part));
    }
    return p;
  }

  enum class Played : uint8_t { kOk, kHungUp, kFailed };

  // Plays a prompt: kHungUp when the callee hung up during it, kFailed on a system error.
  Played play(const Prompt& prompt) {
    if (prompt.parts.empty()) return Played::kOk;
    if (opts_.record_events)
      for (const auto& part : prompt.parts)
        event(CallEvent::Kind::kPlay, std::string(prompt.node_id),
              part.kind == PromptPart::Kind::kAudio ? "audio " + std::string(part.audio_id) : part.text, part.clips);
    PlayReply r = phone_.play(prompt);
    now_ += r.elapsed_ms;
    if (r.hung_up) callee_hung_up(std::string(prompt.node_id));
    if (r.failed) system_error(prompt.node_id, "could not play the prompt");
    return r.hung_up ? Played::kHungUp : r.failed ? Played::kFailed : Played::kOk;
  }

  void system_error(std::string_view node_id, const char* what) {
    if (opts_.record_events) event(CallEvent::Kind::kNote, std::string(node_id), std::string("system error: ") + what);
  }

  void callee_hung_up(const std::string& node_id) {
    ended_by_callee_ = true;
    event(CallEvent::Kind::kHangUp, node_id,
          phone_.caller_hung_up() ? "caller hung up (gomo was interrupted)" : "callee hung up");
    // Answered but the flow did not reach a hangup node: not a completed contact (docs/decisions.md).
    outcome_ = "failed";
  }

  // The end of the call in a node where the line went down: the callee hung up, or the caller's side
  // did (Softphone::caller_hung_up).
  Step hung_up_during(const std::string& node_id) {
    if (!phone_.caller_hung_up()) return {"", "callee hung up during " + node_id};
    if (!ended_by_callee_) event(CallEvent::Kind::kHangUp, node_id, "caller hung up (gomo was interrupted)");
    ended_by_callee_ = true;  // nothing left to hang up
    return {"", "interrupted during " + node_id};
  }

  void set_variable(const std::string& name, Value v, const std::string& node_id) {
    if (name.empty()) return;
    if (opts_.record_events)
      event(CallEvent::Kind::kSet, node_id, name + " = " + (v.is_string() ? "\"" + v.text() + "\"" : v.text()));
    vars_[name] = std::move(v);
  }

  static Millis int_config(const model::Node& node, const char* key, Millis fallback) {
    const document::Value* v = node.config_at(key);
    return v && v->kind == Kind::kInt ? static_cast<Millis>(v->integer) : fallback;
  }

  // ---- nodes ----
  Step execute(const model::Node& node) {
    switch (node.type) {
      case NodeType::kDial: return dial(node);
      case NodeType::kAnswer: return answer(node);
      case NodeType::kPlay: return play_node(node);
      case NodeType::kDtmf: return dtmf(node);
      case NodeType::kRecord: return record(node);
      case NodeType::kCondition: return condition(node);
      case NodeType::kSetVariable: return set_variable_node(node);
      case NodeType::kHangup: return hangup(node);
      case NodeType::kUnknown: break;
    }
    outcome_ = "failed";
    return {"", "unknown node type \"" + node.type_name + "\" at " + node.id};
  }

  Step dial(const model::Node& node) {
    Millis timeout = int_config(node, "timeout", 30000);
    const document::Value* amd_v = node.config_at("enableAMD");
    bool amd = !(amd_v && amd_v->kind == Kind::kBool && !amd_v->boolean);
    const std::string callee_name = contact_.name();
    CallSetup setup{opts_.call_id, opts_.caller, contact_.phone, callee_name};
    if (opts_.record_events)
      event(CallEvent::Kind::kRing, node.id, "dialling " + contact_.phone + (amd ? " (AMD on)" : ""));
    RingReply r = phone_.ring(setup, timeout, amd);
    now_ += std::min(r.after_ms, timeout);
    if (phone_.caller_hung_up()) {
      // Cancelled while ringing (gomo interrupted): neither an answer nor a no-answer.
      outcome_ = "failed";
      call_status_ = "failed";
      return hung_up_during(node.id);
    }
    switch (r.answer) {
      case Answer::kHuman:
      case Answer::kMachine: {
        bool machine = r.answer == Answer::kMachine;
        answered_ = true;
        call_status_ = "answered";
        answered_by_ = amd ? (machine ? "machine" : "human") : "unknown";
        event(CallEvent::Kind::kAnswer, node.id,
              machine ? (amd ? "answered by a machine (AMD)" : "answered (by a machine; AMD is off)") : "answered");
        if (machine && amd) {
          outcome_ = "voicemail";
          return {"onVoicemail", ""};
        }
        outcome_ = "completed";
        return {"onAnswer", ""};
      }
      case Answer::kBusy: return not_answered(node, "busy", "busy", "onBusy");
      case Answer::kRejected: return not_answered(node, "rejected", "rejected", "onRejected");
      case Answer::kNoAnswer:
        return not_answered(node, "no_answer", "no answer after " + std::to_string(timeout / 1000) + " s",
                            "onNoAnswer");
      case Answer::kError:
        return not_answered(node, "failed",
                            r.detail.empty() ? "call failed (network or system error)" : "call failed: " + r.detail,
                            "onError");
    }
    return {"onError", ""};
  }

  Step not_answered(const model::Node& node, const char* outcome, const std::string& text, const char* output) {
    outcome_ = outcome;
    call_status_ = outcome;
    event(CallEvent::Kind::kAnswer, node.id, text);
    return {output, ""};
  }

  Step answer(const model::Node& node) {
    answered_ = true;
    outcome_ = "completed";
    call_status_ = "answered";
    answered_by_ = "human";
    event(CallEvent::Kind::kAnswer, node.id, "inbound call answered");
    return {"onSuccess", ""};
  }

  Step play_node(const model::Node& node) {
    const document::Value* items = node.config_at("audioItems");
    document::Value legacy;
    if (!items && node.config_at("audioId")) {
      // Legacy shorthand: one audioFile item.
      legacy.kind = Kind::kSequence;
      document::Value item;
      item.kind = Kind::kMapping;
      document::Member type_m, id_m;
      type_m.key.text = "type";
      type_m.value.kind = Kind::kString;
      type_m.value.text = "audioFile";
      id_m.key.text = "audioId";
      id_m.value = *node.config_at("audioId");
      item.members = {type_m, id_m};
      legacy.items.push_back(item);
      items = &legacy;
    }
    auto prompt = build_prompt(node, items);
    if (!prompt) {
      event(CallEvent::Kind::kNote, node.id, "cannot play: " + prompt.error().message());
      return {"onError", ""};
    }
    switch (play(*prompt)) {
      case Played::kHungUp: return hung_up_during(node.id);
      case Played::kFailed: return {"onError", ""};
      case Played::kOk: break;
    }
    return {"onComplete", ""};
  }

  Step dtmf(const model::Node& node) {
    const bool multi = node.config && node.config->string_at("mode") == "multi_digit";
    DigitRequest req;
    req.node_id = node.id;
    req.single_digit = !multi;
    req.timeout_ms = int_config(node, "timeout", 5000);
    int min_digits = 1;
    // Single-digit mode: req.offered starts with the allowed digits (what validity is checked against),
    // then the branch keys follow; no second list (this runs once per dtmf visit, ~1M calls/s).
    if (!multi)
      if (const document::Value* sd = node.config_at("singleDigitConfig"))
        if (const document::Value* a = sd->find("allowedDigits"); a && a->is_sequence())
          for (const auto& d : a->items) req.offered.push_back(d.scalar_text());
    const auto allowed_count = static_cast<std::ptrdiff_t>(req.offered.size());
    if (const document::Value* md = node.config_at("multiDigitConfig"); md && multi) {
      if (const document::Value* v = md->find("maxDigits"); v && v->kind == Kind::kInt)
        req.max_digits = static_cast<int>(v->integer);
      if (const document::Value* v = md->find("minDigits"); v && v->kind == Kind::kInt)
        min_digits = static_cast<int>(v->integer);
      std::string_view t = md->string_at("terminator");
      req.terminator = t.empty() ? '#' : t[0];
    }
    for (const auto& edge : node.edges)
      if (edge.name == "branches" && std::find(req.offered.begin(), req.offered.end(), edge.digit) == req.offered.end())
        req.offered.push_back(edge.digit);
    if (multi && req.max_digits <= 1 &&
        !(node.config_at("multiDigitConfig") && node.config_at("multiDigitConfig")->find("maxDigits")))
      req.max_digits = 20;
    int max_retries = 0;
    if (const document::Value* r = node.config_at("retry"))
      if (const document::Value* m = r->find("maxRetries"); m && m->kind == Kind::kInt)
        max_retries = static_cast<int>(m->integer);
    std::string variable(node.config ? node.config->string_at("variable") : "");
    auto prompt = build_prompt(node, node.config_at("promptAudioItems"));
    if (!prompt) {
      event(CallEvent::Kind::kNote, node.id, "cannot play the prompt: " + prompt.error().message());
      return {"onError", ""};
    }
    while (true) {
      Played played = play(*prompt);
      if (played == Played::kHungUp) return hung_up_during(node.id);
      if (played == Played::kFailed) return {"onError", ""};
      DigitReply r = phone_.collect_digits(req);
      now_ += r.elapsed_ms;
      if (r.failed) {
        system_error(node.id, "could not collect keys");
        return {"onError", ""};
      }
      if (r.hung_up) {
        callee_hung_up(node.id);
        return hung_up_during(node.id);
      }
      std::string failure;  // "onTimeout" or "onInvalid"
      if (r.digits.empty()) {
        if (opts_.record_events)
          event(CallEvent::Kind::kTimeout, node.id,
                "no key pressed within " + std::to_string(req.timeout_ms / 1000) + " s");
        failure = "onTimeout";
      } else {
        if (opts_.record_events) event(CallEvent::Kind::kPress, node.id, "pressed " + r.digits);
        set_variable(variable, Value(r.digits), node.id);
        const std::string branch_output = "branches." + r.digits;
        bool branch = find_edge(node, branch_output) != nullptr;
        bool valid = multi ? static_cast<int>(r.digits.size()) >= min_digits &&
                                 static_cast<int>(r.digits.size()) <= req.max_digits
                           : allowed_count == 0 || std::find(req.offered.begin(), req.offered.begin() + allowed_count,
                                                             r.digits) != req.offered.begin() + allowed_count;
        if (branch || valid) {
          failures_[node.id] = 0;
          return {branch ? branch_output : "onSuccess", ""};
        }
        failure = "onInvalid";
      }
      // Invalid or no input: re-prompt while retries remain (through the flow's own onInvalid/onTimeout
      // path when it has one, else in place), then onMaxRetries.
      int failed = ++failures_[node.id];
      if (failed > max_retries) {
        failures_[node.id] = 0;
        if (find_edge(node, "onMaxRetries")) return {"onMaxRetries", ""};
        return {failure, ""};
      }
      if (find_edge(node, failure)) return {failure, ""};
      event(CallEvent::Kind::kNote, node.id, "retry " + std::to_string(failed) + " of " + std::to_string(max_retries));
    }
  }

  Step record(const model::Node& node) {
    RecordRequest req;
    req.node_id = node.id;
    req.max_duration_ms = int_config(node, "maxDurationMs", 60000);
    req.silence_timeout_ms = int_config(node, "silenceTimeoutMs", 5000);
    std::string_view key = node.config ? node.config->string_at("finishOnKey") : "";
    req.finish_key = key.empty() ? '#' : key[0];
    const document::Value* beep = node.config_at("beep");
    req.beep = !(beep && beep->kind == Kind::kBool && !beep->boolean);
    RecordReply r = phone_.record(req);
    now_ += r.elapsed_ms;
    if (r.failed) {
      system_error(node.id, "could not record");
      return {"onError", ""};
    }
    std::string variable(node.config ? node.config->string_at("variable") : "");
    if (r.spoken_ms > 0) {
      event(CallEvent::Kind::kRecord, node.id,
            "recorded " + std::to_string(r.spoken_ms / 1000) + "." + std::to_string(r.spoken_ms % 1000 / 100) + " s");
      set_variable(variable, Value("recording:" + opts_.call_id + "/" + node.id + ".wav"), node.id);
    } else {
      event(CallEvent::Kind::kRecord, node.id,
            r.finished_by_key ? "finish key pressed before speaking" : "nothing was said");
    }
    if (r.hung_up) {
      callee_hung_up(node.id);
      return hung_up_during(node.id);
    }
    return {r.spoken_ms > 0 ? "onComplete" : "onTimeout", ""};
  }

  Step condition(const model::Node& node) {
    if (!node.config) return {"onError", ""};
    auto lookup_source = [this](const document::Value& v) { return resolve(v); };
    auto result = evaluate_condition(*node.config, lookup_source);
    if (!result) {
      event(CallEvent::Kind::kCondition, node.id, "error: " + result.error().message());
      return {"onError", ""};
    }
    event(CallEvent::Kind::kCondition, node.id, result.value() ? "true" : "false");
    return {result.value() ? "onTrue" : "onFalse", ""};
  }

  Step set_variable_node(const model::Node& node) {
    const document::Value* value = node.config_at("value");
    std::string name(node.config ? node.config->string_at("variable") : "");
    if (!value || name.empty()) return {"onError", ""};
    auto v = resolve(*value);
    if (!v) {
      event(CallEvent::Kind::kNote, node.id, v.error().message());
      return {"onError", ""};
    }
    set_variable(name, v.value(), node.id);
    return {"onSuccess", ""};
  }

  Step hangup(const model::Node& node) {
    std::string reason(node.config ? node.config->string_at("reason") : "");
    std::string type(node.config ? node.config->string_at("hangupType") : "");
    report_.reached_hangup = true;
    if (outcome_.empty()) outcome_ = answered_ ? "completed" : "failed";
    event(CallEvent::Kind::kHangUp, node.id,
          "hang up" + (reason.empty() ? "" : ": " + reason) + (type.empty() ? "" : " (" + type + ")"));
    return {"", "hangup" + (reason.empty() ? "" : ": " + reason)};
  }

  const model::Flow& flow_;
  const Contact& contact_;
  Softphone& phone_;
  const EngineOptions& opts_;
  CallReport report_;
  Variables vars_;
  std::string call_status_ = "initiated";
  std::string answered_by_;  // human, machine, unknown; "" before an answer
  bool inbound_ = false;
  std::map<std::string, int> failures_;  // invalid/no input per dtmf node, across visits
  Millis now_ = 0;
  bool answered_ = false;
  bool ended_by_callee_ = false;
  std::string outcome_;
};

}  // namespace

CallReport run_call(const model::Flow& flow, const Contact& contact, Softphone& phone, const EngineOptions& options) {
  return Runner(flow, contact, phone, options).run();
}

}  // namespace gomo::engine
