#include "audio/resample.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

namespace gomo::audio {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kPassFraction = 0.85;  // cutoff: 3.4 kHz at 8 kHz, the top of the telephone band
constexpr int kZeroCrossings = 24;      // each side: a transition band of about 10% of the cutoff
constexpr int64_t kMaxPhases = 4096;    // a table beyond this is computed per sample instead

// libsndfile reads 16-bit PCM as v / 32768: the inverse makes decoding an 8 kHz file exact.
int16_t to_pcm16(double v) {
  double scaled = std::round(v * 32768.0);
  return static_cast<int16_t>(std::clamp(scaled, -32768.0, 32767.0));
}

// The low-pass taps for an output sample `frac` (0 <= frac < 1) input samples after input sample
// `base`: taps[i] applies to input sample base - half + 1 + i. Normalised to a DC gain of 1.
struct Kernel {
  double cutoff;  // in cycles per input sample, times 2 (1.0 = the input's Nyquist frequency)
  double half_width;
  int half;  // taps each side
  void taps(double frac, std::vector<float>& out) const {
    out.assign(static_cast<size_t>(2 * half), 0.0f);
    double sum = 0;
    for (int i = 0; i < 2 * half; ++i) {
      double x = frac - static_cast<double>(i - half + 1);  // distance from the output instant
      double u = x / half_width;
      if (std::abs(u) >= 1.0) continue;
      double arg = kPi * cutoff * x;
      double sinc = std::abs(arg) < 1e-12 ? 1.0 : std::sin(arg) / arg;
      double window = 0.42 + 0.5 * std::cos(kPi * u) + 0.08 * std::cos(2 * kPi * u);
      double h = cutoff * sinc * window;
      out[static_cast<size_t>(i)] = static_cast<float>(h);
      sum += h;
    }
    if (sum != 0)
      for (float& t : out) t = static_cast<float>(t / sum);
  }
};

}  // namespace

std::vector<int16_t> resample(const std::vector<float>& in, int from_rate, int to_rate) {
  std::vector<int16_t> out;
  if (from_rate == to_rate) {
    out.reserve(in.size());
    for (float v : in) out.push_back(to_pcm16(v));
    return out;
  }
  const int64_t g = std::gcd(from_rate, to_rate);
  const int64_t phases = to_rate / g, step = from_rate / g;  // output n sits at n * step / phases inputs
  const int64_t n_in = static_cast<int64_t>(in.size());
  const int64_t n_out = (n_in * to_rate + from_rate / 2) / from_rate;
  Kernel kernel;
  kernel.cutoff = kPassFraction * std::min(1.0, static_cast<double>(to_rate) / from_rate);
  kernel.half_width = kZeroCrossings / kernel.cutoff;
  kernel.half = static_cast<int>(std::ceil(kernel.half_width));
  const size_t width = static_cast<size_t>(2 * kernel.half);

  // One row of taps per phase, when the phases are few (every common rate); else per sample.
  std::vector<float> table;
  const bool tabled = phases <= kMaxPhases;
  std::vector<float> row;
  if (tabled) {
    table.resize(static_cast<size_t>(phases) * width);
    for (int64_t p = 0; p < phases; ++p) {
      kernel.taps(static_cast<double>(p) / static_cast<double>(phases), row);
      std::copy(row.begin(), row.end(), table.begin() + static_cast<ptrdiff_t>(p * static_cast<int64_t>(width)));
    }
  }
  out.resize(static_cast<size_t>(n_out));
  for (int64_t n = 0; n < n_out; ++n) {
    const int64_t pos = n * step;
    const int64_t base = pos / phases, phase = pos % phases;
    const float* taps;
    if (tabled) {
      taps = table.data() + phase * static_cast<int64_t>(width);
    } else {
      kernel.taps(static_cast<double>(phase) / static_cast<double>(phases), row);
      taps = row.data();
    }
    const int64_t first = base - kernel.half + 1;
    const int64_t lo = std::max<int64_t>(0, first), hi = std::min<int64_t>(n_in, first + static_cast<int64_t>(width));
    // Four partial sums: independent chains the CPU overlaps (a single sum waits on each add).
    const float* x = in.data() + lo;
    const float* h = taps + (lo - first);
    const int64_t count = hi - lo;
    float acc[4] = {0, 0, 0, 0};
    int64_t k = 0;
    for (; k + 4 <= count; k += 4)
      for (int j = 0; j < 4; ++j) acc[j] += h[k + j] * x[k + j];
    for (; k < count; ++k) acc[0] += h[k] * x[k];
    out[static_cast<size_t>(n)] = to_pcm16(static_cast<double>(acc[0] + acc[1] + acc[2] + acc[3]));
  }
  return out;
}

}  // namespace gomo::audio
