#include "statements/train/corpus.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "statements/tagger.h"

namespace newsmill::statements {
namespace fs = std::filesystem;
namespace {

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Byte offset of every code point index (brat counts code points).
std::vector<size_t> CodePointOffsets(const std::string& text) {
  std::vector<size_t> at;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  at.push_back(text.size());
  return at;
}

std::vector<Span> ParseRanges(const std::string& ranges,
                              const std::vector<size_t>& cp) {
  std::vector<Span> out;
  std::stringstream ss(ranges);
  std::string part;
  while (std::getline(ss, part, ';')) {
    size_t b = 0, e = 0;
    if (std::sscanf(part.c_str(), "%zu %zu", &b, &e) != 2) continue;
    if (b >= cp.size() || e >= cp.size() || b >= e) continue;
    out.push_back({cp[b], cp[e]});
  }
  return out;
}

void ParseAnn(const std::string& ann, const std::vector<size_t>& cp,
                     std::vector<Attribution>* out) {
  std::map<std::string, std::vector<Span>> spans;
  std::vector<std::string> events;
  std::stringstream ss(ann);
  std::string line;
  while (std::getline(ss, line)) {
    if (line.empty()) continue;
    const size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    const std::string id = line.substr(0, t1);
    const size_t t2 = line.find('\t', t1 + 1);
    const std::string mid = line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
    if (id[0] == 'T') {
      const size_t sp = mid.find(' ');
      if (sp != std::string::npos) spans[id] = ParseRanges(mid.substr(sp + 1), cp);
    } else if (id[0] == 'E') {
      events.push_back(mid);
    }
  }
  for (const std::string& ev : events) {
    Attribution a;
    std::stringstream es(ev);
    std::string arg;
    while (es >> arg) {
      const size_t colon = arg.find(':');
      if (colon == std::string::npos) continue;
      const std::string role = arg.substr(0, colon), ref = arg.substr(colon + 1);
      auto it = spans.find(ref);
      if (it == spans.end()) continue;
      if (role.starts_with("Source")) a.source = it->second;
      else if (role.starts_with("Cue")) a.cue = it->second;
      else if (role.starts_with("Content")) a.content = it->second;
    }
    out->push_back(std::move(a));
  }
}

void Mark(const std::vector<Token>& tokens, const std::vector<Span>& spans,
          uint8_t b_label, std::vector<uint8_t>* labels) {
  for (const Span& s : spans) {
    bool first = true;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].end <= s.begin || tokens[i].begin >= s.end) continue;
      (*labels)[i] = first ? b_label : static_cast<uint8_t>(b_label + 1);
      first = false;
    }
  }
}

// The sentences of a multi-sentence paragraph as examples of their own,
// labelled the way CofeNet's sentences are: a span that runs across a
// sentence break starts again with B- in the next sentence. The tagger is
// scored on such sentences and runs on paragraphs, so it learns from both.
void AddSentences(const Example& paragraph, std::vector<Example>* out) {
  const size_t n = paragraph.tokens.size();
  std::vector<size_t> cuts = {0};
  for (size_t i = 0; i + 1 < n; ++i) {
    if (EndsSentence(paragraph.tokens, i)) cuts.push_back(i + 1);
  }
  if (cuts.size() < 2) return;
  cuts.push_back(n);
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    Example s;
    s.tokens.assign(paragraph.tokens.begin() + cuts[k], paragraph.tokens.begin() + cuts[k + 1]);
    s.labels.assign(paragraph.labels.begin() + cuts[k], paragraph.labels.begin() + cuts[k + 1]);
    const uint8_t l = s.labels[0];
    if (l == kISource || l == kICue || l == kIContent) s.labels[0] = static_cast<uint8_t>(l - 1);
    out->push_back(std::move(s));
  }
}

}  // namespace

Result<std::vector<BratArticle>> ReadPolnearSplit(const std::string& dir) {
  std::error_code ec;
  std::set<std::string> anns;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "attributions", ec)) {
    if (e.path().extension() == ".ann") anns.insert(e.path().filename().string());
  }
  if (ec || anns.empty()) return Status::NotFound("no .ann files under " + dir + "/attributions");
  std::vector<BratArticle> out;
  std::set<std::string> seen;
  for (const std::string& ann_name : anns) {
    const std::string stem = ann_name.substr(0, ann_name.rfind('_'));
    if (!seen.insert(stem).second) continue;  // another annotator's file
    Result<std::string> text = ReadFile(fs::path(dir) / "text" / (stem + ".txt"));
    if (!text.ok()) continue;
    Result<std::string> ann = ReadFile(fs::path(dir) / "attributions" / ann_name);
    if (!ann.ok()) return ann.status();
    BratArticle a;
    a.name = stem;
    a.text = std::move(*text);
    ParseAnn(*ann, CodePointOffsets(a.text), &a.attributions);
    out.push_back(std::move(a));
  }
  return out;
}

void ArticleExamples(const BratArticle& article, std::vector<Example>* out) {
  const std::string& text = article.text;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    Example ex;
    Tokenize(text, start, nl, &ex.tokens);
    if (!ex.tokens.empty()) {
      ResolveQuotes(&ex.tokens);
      ex.labels.assign(ex.tokens.size(), kO);
      for (const Attribution& a : article.attributions) Mark(ex.tokens, a.content, kBContent, &ex.labels);
      for (const Attribution& a : article.attributions) Mark(ex.tokens, a.source, kBSource, &ex.labels);
      for (const Attribution& a : article.attributions) Mark(ex.tokens, a.cue, kBCue, &ex.labels);
      AddSentences(ex, out);
      out->push_back(std::move(ex));
    }
    start = nl + 1;
  }
}

Result<std::vector<Example>> ReadCofenet(const std::string& path) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json)) {
    return Status::NotFound("cannot read " + path);
  }
  std::vector<Example> out;
  simdjson::ondemand::document_stream docs;
  if (parser.iterate_many(json).get(docs)) return Status::Corrupt("bad JSON Lines in " + path);
  static const std::map<std::string_view, uint8_t> kLabels = {
      {"O", kO}, {"B-source", kBSource}, {"I-source", kISource},
      {"B-cue", kBCue}, {"I-cue", kICue}, {"B-content", kBContent},
      {"I-content", kIContent}};
  for (auto doc : docs) {
    Example ex;
    simdjson::ondemand::object obj;
    if (doc.get_object().get(obj)) return Status::Corrupt("bad sentence in " + path);
    for (auto field : obj) {
      std::string_view key;
      if (field.unescaped_key().get(key)) continue;
      if (key != "tokens" && key != "labels") continue;
      simdjson::ondemand::array arr;
      if (field.value().get_array().get(arr)) return Status::Corrupt("bad array in " + path);
      for (auto v : arr) {
        std::string_view s;
        if (v.get_string().get(s)) return Status::Corrupt("bad string in " + path);
        if (key == "tokens") {
          ex.tokens.push_back(MakeToken(s));
        } else {
          auto it = kLabels.find(s);
          ex.labels.push_back(it == kLabels.end() ? static_cast<uint8_t>(kO) : it->second);
        }
      }
    }
    if (ex.tokens.size() != ex.labels.size()) return Status::Corrupt("tokens and labels differ in " + path);
    out.push_back(std::move(ex));
  }
  return out;
}

void CountSpans(const std::vector<uint8_t>& gold,
                const std::vector<uint8_t>& predicted, SpanCounts* counts) {
  const auto g = LabelSpans(gold), p = LabelSpans(predicted);
  for (const auto& s : g) ++counts->gold[s[0]];
  for (const auto& s : p) {
    ++counts->predicted[s[0]];
    if (std::find(g.begin(), g.end(), s) != g.end()) ++counts->correct[s[0]];
  }
}

}  // namespace newsmill::statements
