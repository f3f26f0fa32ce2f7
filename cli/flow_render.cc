// gomo flow render: one call of a flow with a scripted callee, written as the sound the callee hears
// (lib/audio render_call): the flags of `flow run` (cli/flow_call_flags.h) plus where the audio is.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "audio/render_call.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flow_call_flags.h"

namespace gomo::cli {
namespace {

struct RenderFlags : CallFlags {
  std::string wav;
  std::string split_dir;
};

std::string render_seconds(engine::Millis ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
  return text;
}

int render_flow(Context& ctx, const RenderFlags& f) {
  int exit_code = kExitOk;
  auto loaded = load_call(ctx, f, exit_code);
  if (!loaded) return exit_code;
  audio::PromptAudio prompts(audio::files_from_dirs(f.audio_dir, f.clips_dir));
  auto call = audio::render_call(loaded->flow, loaded->prepared.contact, loaded->prepared.script,
                                 loaded->prepared.options, prompts);
  if (!call) return report_error(ctx, call.error());
  auto files = audio::write_rendered(*call, f.wav, f.split_dir);
  if (!files) return report_error(ctx, files.error());

  const engine::Millis heard_ms = audio::millis_of(call->timeline.size());
  if (ctx.output == "json") {
    nlohmann::ordered_json j = {{"file", f.wav},
                                {"sampleRate", audio::kSampleRate},
                                {"samples", call->timeline.size()},
                                {"durationMs", heard_ms},
                                {"answered", call->answered},
                                {"ringMs", call->answered ? call->answered_at_ms : 0},
                                {"callDurationMs", call->report.duration_ms},
                                {"outcome", call->report.outcome},
                                {"prompts", call->prompts},
                                {"split", nlohmann::ordered_json::array()}};
    for (size_t i = 0; i < files->size(); ++i)
      j["split"].push_back({{"file", (*files)[i]},
                            {"nodeId", call->visits[i].node_id},
                            {"atMs", call->visits[i].at_ms},
                            {"durationMs", audio::millis_of(call->visits[i].samples.size())}});
    ctx.out << j.dump(2) << "\n";
  } else if (!ctx.quiet) {
    if (call->answered)
      ctx.out << "wrote " << f.wav << ": " << render_seconds(heard_ms) << ", " << call->prompts
              << (call->prompts == 1 ? " prompt" : " prompts") << " (8 kHz mono, from the answer after "
              << render_seconds(call->answered_at_ms) << " of ringing to the hangup)\n";
    else
      ctx.out << "wrote " << f.wav << ": no sound (0 samples): the call was not answered (" << call->report.outcome
              << ")\n";
    if (!files->empty())
      ctx.out << "wrote " << files->size() << (files->size() == 1 ? " file" : " files") << " to " << f.split_dir
              << ", one per node visit that played something\n";
  }
  return call->report.reached_hangup ? kExitOk : kExitFindings;
}

}  // namespace

void add_flow_render_command(CLI::App& flow, Action& action) {
  auto f = std::make_shared<RenderFlags>();
  auto* render = flow.add_subcommand(
      "render", "Write what the callee hears in one simulated call as a WAV file (8 kHz mono, the call's timing)");
  add_call_flags(render, f);
  render->add_option("-O,--output-file", f->wav, "The WAV file to write (replaced)")->required()->type_name("FILE");
  render
      ->add_option("--split", f->split_dir,
                   "Also write one WAV per node visit that played something: DIR/01-<node>.wav, ...")
      ->type_name("DIR");
  render->callback([f, &action] { action = [f](Context& c) { return render_flow(c, *f); }; });
}

}  // namespace gomo::cli
