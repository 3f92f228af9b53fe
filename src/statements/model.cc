// StatementModel: the tagger's weights and their file format (version 1,
// docs/statements.md). Weights are stored as int16 with one scale: a quarter
// of the float size, and the tagger's scores change by far less than the
// margins the perceptron learned.
// A loaded model keeps them so, in rows padded to 8 (StatementModel::Row).
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include "newsmill/statements.h"
#include "statements/tagger.h"

namespace newsmill {
namespace {

constexpr std::string_view kMagic = "NMSTMT1\n";

void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutF32(float f, std::string* out) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  PutU32(v, out);
}
uint32_t GetU32(std::string_view s, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
  return v;
}
float GetF32(std::string_view s, size_t at) {
  const uint32_t v = GetU32(s, at);
  float f;
  std::memcpy(&f, &v, 4);
  return f;
}

}  // namespace

StatementModel::StatementModel(uint32_t buckets)
    : buckets_(buckets),
      weights_(static_cast<size_t>(buckets) * kLabels, 0.0f),
      transitions_((kLabels + 1) * kLabels, 0.0f) {}

std::string StatementModel::ToBytes() const {
  std::string out(kMagic);
  PutU32(kVersion, &out);
  PutU32(kLabels, &out);
  PutU32(buckets_, &out);
  PutU32(statements::kFeatureSet, &out);
  for (float t : transitions_) PutF32(t, &out);
  auto put16 = [&](int16_t q) {
    out.push_back(static_cast<char>(q & 0xFF));
    out.push_back(static_cast<char>((q >> 8) & 0xFF));
  };
  out.reserve(out.size() + 4 + static_cast<size_t>(buckets_) * kLabels * 2);
  if (!rows_.empty()) {  // loaded: the file's values again
    PutF32(scale_, &out);
    for (const Row& row : rows_) {
      for (uint32_t y = 0; y < kLabels; ++y) put16(row.w[y]);
    }
    return out;
  }
  float max_abs = 0;
  for (float w : weights_) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  PutF32(scale, &out);
  for (float w : weights_) put16(static_cast<int16_t>(std::lround(w / scale)));
  return out;
}

Result<StatementModel> StatementModel::FromBytes(std::string_view bytes) {
  const size_t header = kMagic.size() + 16;
  if (bytes.size() < header || bytes.substr(0, kMagic.size()) != kMagic) {
    return Status::Corrupt("not a newsmill statements model");
  }
  const uint32_t version = GetU32(bytes, 8), labels = GetU32(bytes, 12),
                 buckets = GetU32(bytes, 16), features = GetU32(bytes, 20);
  if (version != kVersion || labels != kLabels) {
    return Status::Corrupt("statements model: unsupported version or labels");
  }
  if (features != statements::kFeatureSet) {
    return Status::Corrupt("statements model: trained on another feature set");
  }
  if (buckets == 0 || (buckets & (buckets - 1)) != 0 || buckets > (1u << 24)) {
    return Status::Corrupt("statements model: bad bucket count");
  }
  const size_t ntrans = (kLabels + 1) * kLabels;
  const size_t nweights = static_cast<size_t>(buckets) * kLabels;
  if (bytes.size() != header + 4 * ntrans + 4 + 2 * nweights) {
    return Status::Corrupt("statements model: wrong size");
  }
  StatementModel model(0);  // no float weights: the file's int16 rows
  model.buckets_ = buckets;
  size_t at = header;
  for (size_t i = 0; i < ntrans; ++i, at += 4) model.transitions_[i] = GetF32(bytes, at);
  model.scale_ = GetF32(bytes, at);
  at += 4;
  model.rows_.assign(buckets, Row{});
  for (size_t i = 0; i < nweights; ++i, at += 2) {
    const uint16_t u = static_cast<uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                             (static_cast<unsigned char>(bytes[at + 1]) << 8));
    model.rows_[i / kLabels].w[i % kLabels] = static_cast<int16_t>(u);
  }
  return model;
}

Result<StatementModel> StatementModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  return FromBytes(buf.str());
}

Status StatementModel::Save(const std::string& path) const {
  const std::string bytes = ToBytes();
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot write " + tmp);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::IoError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::IoError("cannot rename " + tmp + " to " + path);
  }
  return Status::Ok();
}

const StatementModel* DefaultStatementModel() {
  static const StatementModel* model = [] () -> const StatementModel* {
    std::string dir = NEWSMILL_DEFAULT_MODEL_DIR;
    if (const char* env = std::getenv("NEWSMILL_MODEL_DIR"); env && *env) dir = env;
    Result<StatementModel> loaded = StatementModel::Load(dir + "/statements-v1.bin");
    if (!loaded.ok()) return nullptr;
    return new StatementModel(std::move(loaded).value());
  }();
  return model;
}

}  // namespace newsmill
