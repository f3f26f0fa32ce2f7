// `gomo dids list` and `gomo audio list|upload|download` through the binary, against the local workspace and
// against `gomo serve`: output formats, the summary line naming the target, local checks of the
// files before anything is sent, and exit codes.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tests/support/serve_support.h"
#include "tests/support/test_support.h"
#include "tests/support/wav_bytes.h"

namespace gomo::test {
namespace {

using nlohmann::json;

}  // namespace

TEST_CASE("cli: dids list and audio list|upload, local workspace and gomo serve alike") {
  std::string dir = scratch_dir();
  auto init = run_gomo({"serve", "--init", "--org-name", "Media Org"}, "", {}, dir);
  REQUIRE(init.exit_code == 0);
  std::string key = init.out.substr(0, init.out.find('\n'));
  const std::vector<std::string> local_env = {"GOMO_API_KEY="};

  // DIDs: three of the organisation's own and the shared one.
  auto dids = run_gomo({"dids", "list", "-o", "json"}, "", local_env, dir);
  REQUIRE_MESSAGE(dids.exit_code == 0, dids.err);
  auto did_json = json::parse(dids.out);
  REQUIRE(did_json.size() == 4);
  auto shared = run_gomo({"dids", "list", "--shared", "-q"}, "", local_env, dir);
  REQUIRE(shared.exit_code == 0);
  CHECK(shared.out == "00000000-0000-4000-8000-00000000d1d0\n");
  auto table = run_gomo({"dids", "list", "--own"}, "", local_env, dir);
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.rfind("ID\tNUMBER\tCOUNTRY\tSTATUS\tSHARED\tDESCRIPTION\n", 0) == 0);
  CHECK(table.out.find("\tMA\tactive\tfalse\t") != std::string::npos);
  CHECK(run_gomo({"dids", "list", "--own", "--shared"}, "", local_env, dir).exit_code == 2);
  CHECK(run_gomo({"dids", "list", "--status", "gone"}, "", local_env, dir).exit_code == 2);

  // Upload: checked locally, then stored; one summary line per file naming the target.
  write_file(dir, "welcome.wav", silent_wav(8000, 4000));
  write_file(dir, "music.wav", silent_wav(44100, 44100));
  write_file(dir, "notes.txt", "not a sound at all");
  auto up = run_gomo({"audio", "upload", "welcome.wav", "--name", "Welcome", "--usage-type", "welcome", "--tag",
                      "greeting", "-o", "json"},
                     "", local_env, dir);
  REQUIRE_MESSAGE(up.exit_code == 0, up.err);
  auto uploaded = json::parse(up.out);
  REQUIRE(uploaded.size() == 1);
  CHECK(uploaded[0]["title"] == "Welcome");
  CHECK(uploaded[0]["durationSeconds"] == 0.5);
  CHECK(up.err.find("uploaded audio " + uploaded[0]["id"].get<std::string>() + " \"Welcome\"") != std::string::npos);
  CHECK(up.err.find("local workspace") != std::string::npos);
  CHECK(up.err.find("note:") == std::string::npos);  // 8 kHz 16-bit mono needs no note

  auto not_audio = run_gomo({"audio", "upload", "music.wav", "notes.txt"}, "", local_env, dir);
  CHECK(not_audio.exit_code == 2);
  CHECK(not_audio.err.find("notes.txt: not a WAV, MP3 or OGG audio file") != std::string::npos);
  CHECK(not_audio.err.find("nothing uploaded") != std::string::npos);
  auto two_names = run_gomo({"audio", "upload", "welcome.wav", "music.wav", "--name", "X"}, "", local_env, dir);
  CHECK(two_names.exit_code == 2);
  CHECK(run_gomo({"audio", "upload", "missing.wav"}, "", local_env, dir).exit_code == 2);
  auto listed = run_gomo({"audio", "list", "-o", "json"}, "", local_env, dir);
  REQUIRE(listed.exit_code == 0);
  CHECK(json::parse(listed.out).size() == 1);  // the refused runs uploaded nothing

  // The same through gomo serve: a WAV that is not telephony-shaped gets a note.
  ServeProcess server({"--workspace", dir + "/.gomo/workspace.db"});
  REQUIRE(server.started());
  const std::vector<std::string> remote = {"--base-url", server.base_url()};
  auto add = [&](std::vector<std::string> args) {
    args.insert(args.end(), remote.begin(), remote.end());
    return run_gomo(args, "", {"GOMO_API_KEY=" + key}, dir);
  };
  auto music = add({"audio", "upload", "music.wav", "--usage-type", "hold_music", "--tag", "music"});
  REQUIRE_MESSAGE(music.exit_code == 0, music.err);
  CHECK(music.err.find("note: music.wav is 44100 Hz") != std::string::npos);
  CHECK(music.err.find("→ " + server.base_url()) != std::string::npos);
  CHECK(music.out.rfind("ID\tTITLE\tUSAGE\tSECONDS\tBYTES\tTAGS\n", 0) == 0);
  CHECK(music.out.find("\tmusic\thold_music\t1") != std::string::npos);
  auto remote_list = add({"audio", "list", "--tag", "music", "-q"});
  REQUIRE(remote_list.exit_code == 0);
  CHECK(std::count(remote_list.out.begin(), remote_list.out.end(), '\n') == 1);
  // Download: the bytes as uploaded, under the file's own name, over HTTP and from the workspace alike.
  const std::string music_id = remote_list.out.substr(0, remote_list.out.find('\n'));
  auto fetched = add({"audio", "download", music_id, "-O", "fetched.wav"});
  REQUIRE_MESSAGE(fetched.exit_code == 0, fetched.err);
  CHECK(read_file(dir + "/fetched.wav") == silent_wav(44100, 44100));
  CHECK(fetched.err.find("to fetched.wav (") != std::string::npos);
  auto again = add({"audio", "download", music_id, "-O", "fetched.wav"});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("fetched.wav exists; pass --clobber") != std::string::npos);
  CHECK(add({"audio", "download", music_id, "-O", "fetched.wav", "--clobber"}).exit_code == 0);
  auto to_stdout = run_gomo({"audio", "download", uploaded[0]["id"].get<std::string>(), "-O", "-"}, "", local_env, dir);
  REQUIRE(to_stdout.exit_code == 0);
  CHECK(to_stdout.out == silent_wav(8000, 4000));
  auto own_name = run_gomo({"audio", "download", uploaded[0]["id"].get<std::string>()}, "", local_env, dir);
  CHECK(own_name.exit_code == 2);  // welcome.wav is there already
  auto unknown = add({"audio", "download", "00000000-0000-4000-8000-000000000000"});
  CHECK(unknown.exit_code == 3);
  auto remote_dids = add({"dids", "list", "-o", "json"});
  REQUIRE(remote_dids.exit_code == 0);
  CHECK(json::parse(remote_dids.out) == did_json);
  auto bad_sort = add({"audio", "list", "--sort-by", "size"});
  CHECK(bad_sort.exit_code == 2);  // checked before sending
  CHECK(bad_sort.err.find("cannot sort by `size`; expected `createdAt`, `title` or `durationSeconds`") !=
        std::string::npos);
  auto no_key =
      run_gomo({"dids", "list", "--base-url", server.base_url(), "--api-key-env", "NOPE"}, "", {"NOPE=wrong"}, dir);
  CHECK(no_key.exit_code == 4);
  CHECK(server.stop() == 0);
  auto down = add({"audio", "list"});
  CHECK(down.exit_code == 5);
}

}  // namespace gomo::test
