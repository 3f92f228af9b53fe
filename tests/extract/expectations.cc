#include "extract/expectations.h"

#include <simdjson.h>

#include <fstream>
#include <sstream>

namespace newsmill::testing {
namespace {

std::string Norm(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    // ’ ‘ -> ', “ ” -> " (E2 80 98/99/9C/9D)
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
        static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const auto c = static_cast<unsigned char>(s[i + 2]);
      if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D) {
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c <= 0x99 ? '\'' : '"');
        i += 2;
        continue;
      }
    }
    const char ch = s[i];
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

std::string StringOr(simdjson::dom::element e, std::string_view key) {
  std::string_view v;
  if (e[key].get_string().get(v) == simdjson::SUCCESS) return std::string(v);
  return "";
}

std::vector<std::string> Strings(simdjson::dom::element e, std::string_view key) {
  std::vector<std::string> out;
  simdjson::dom::array arr;
  if (e[key].get_array().get(arr) != simdjson::SUCCESS) return out;
  for (simdjson::dom::element x : arr) {
    std::string_view v;
    if (x.get_string().get(v) == simdjson::SUCCESS) {
      out.emplace_back(v);
    } else if (x["title"].get_string().get(v) == simdjson::SUCCESS) {
      out.emplace_back(v);
    }
  }
  return out;
}

}  // namespace

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CheckResult CheckArticleExpectations(const std::string& record_json,
                                     const std::string& expected_json) {
  CheckResult r;
  auto check = [&r](bool ok, std::string what) {
    if (ok) {
      ++r.passed;
    } else {
      r.failures.push_back(std::move(what));
    }
  };
  simdjson::dom::parser rp, ep;
  simdjson::dom::element rec, exp;
  if (rp.parse(record_json).get(rec) != simdjson::SUCCESS ||
      ep.parse(expected_json).get(exp) != simdjson::SUCCESS) {
    r.failures.push_back("record or expectations are not valid JSON");
    return r;
  }
  const std::string text = Norm(StringOr(rec, "text"));
  std::string_view v;
  if (exp["title"].get_string().get(v) == simdjson::SUCCESS) {
    check(Norm(StringOr(rec, "title")) == Norm(v), "title: got '" + StringOr(rec, "title") + "'");
  }
  if (exp["section"].get_string().get(v) == simdjson::SUCCESS) {
    check(Norm(StringOr(rec, "section")) == Norm(v),
          "section: got '" + StringOr(rec, "section") + "'");
  }
  std::vector<std::string> authors;
  for (const std::string& a : Strings(rec, "authors")) authors.push_back(Norm(a));
  for (const std::string& a : Strings(exp, "authors")) {
    check(std::find(authors.begin(), authors.end(), Norm(a)) != authors.end(),
          "author missing: " + a);
  }
  std::vector<std::string> related;
  for (const std::string& t : Strings(rec, "related")) related.push_back(Norm(t));
  for (const std::string& t : Strings(exp, "related_titles")) {
    check(std::find(related.begin(), related.end(), Norm(t)) != related.end(),
          "related missing: " + t);
  }
  if (exp["text_starts_with"].get_string().get(v) == simdjson::SUCCESS) {
    check(text.starts_with(Norm(v)), "text start: got '" + text.substr(0, 60) + "'");
  }
  if (exp["text_ends_with"].get_string().get(v) == simdjson::SUCCESS) {
    check(text.ends_with(Norm(v)),
          "text end: got '" + text.substr(text.size() > 60 ? text.size() - 60 : 0) + "'");
  }
  for (const std::string& s : Strings(exp, "text_contains")) {
    check(text.find(Norm(s)) != std::string::npos, "text lacks: " + s);
  }
  for (const std::string& s : Strings(exp, "text_must_not_contain")) {
    check(text.find(Norm(s)) == std::string::npos, "chrome left in text: " + s);
  }
  return r;
}

}  // namespace newsmill::testing
