#include <pugixml.hpp>
#include <sstream>

#include "links/format.hpp"
#include "links/online/verdict.hpp"

namespace handout::links {

namespace {

std::string slide_name(const slide_info& s) {
  return s.title.empty() ? "(untitled slide)" : s.title;
}

void count_attributes(pugi::xml_node node, std::size_t tests, std::size_t failures) {
  node.append_attribute("tests") = static_cast<unsigned long long>(tests);
  node.append_attribute("failures") = static_cast<unsigned long long>(failures);
  node.append_attribute("errors") = 0;
  node.append_attribute("skipped") = 0;
}

}  // namespace

std::string format_junit(const std::vector<audit_result>& audits) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  suites.append_attribute("name") = "handout links";
  std::size_t all_tests = 0, all_failures = 0;
  for (const auto& a : audits) {
    std::vector<std::vector<const finding*>> by_link(a.links.size());
    std::string loose;  // findings about no link (slide-without-links)
    for (const auto& f : a.findings) {
      std::string text = std::string(level_name(f.severity)) + " " +
                         std::string(rule_of(f.rule).name) + " (line " + std::to_string(f.line) +
                         "): " + f.message + "\n";
      if (f.link) {
        by_link[*f.link].push_back(&f);
      } else {
        loose += text;
      }
    }
    auto suite = suites.append_child("testsuite");
    suite.append_attribute("name") = a.source.c_str();
    std::size_t failures = 0;
    for (std::size_t i = 0; i < a.links.size(); ++i) {
      const audited_link& l = a.links[i];
      auto testcase = suite.append_child("testcase");
      std::string classname = a.source + " › " + slide_name(a.slides[l.slide]);
      std::string name = "line " + std::to_string(l.line) + ": " + l.href;
      testcase.append_attribute("classname") = classname.c_str();
      testcase.append_attribute("name") = name.c_str();
      testcase.append_attribute("file") = a.source.c_str();
      testcase.append_attribute("line") = l.line;
      if (l.online) {
        auto properties = testcase.append_child("properties");
        auto property = [&](const char* key, const std::string& value) {
          if (value.empty()) return;
          auto p = properties.append_child("property");
          p.append_attribute("name") = key;
          p.append_attribute("value") = value.c_str();
        };
        property("online", std::string(verdict_name(l.online->verdict)));
        property("title", l.online->title);
        property("channel", l.online->channel);
      }
      std::string others;
      bool failed = false;
      for (const finding* f : by_link[i]) {
        std::string rule(rule_of(f->rule).name);
        if (f->severity == level::error) {
          auto failure = testcase.append_child("failure");
          failure.append_attribute("type") = rule.c_str();
          failure.append_attribute("message") = f->message.c_str();
          std::string body =
              rule + " at " + a.source + ":" + std::to_string(f->line) + "\n" + f->message;
          failure.append_child(pugi::node_pcdata).set_value(body.c_str());
          failed = true;
        } else {
          others += std::string(level_name(f->severity)) + " " + rule + ": " + f->message + "\n";
        }
      }
      if (failed) ++failures;
      if (!others.empty()) {
        testcase.append_child("system-out")
            .append_child(pugi::node_pcdata)
            .set_value(others.c_str());
      }
    }
    count_attributes(suite, a.links.size(), failures);
    if (!loose.empty()) {
      suite.append_child("system-out").append_child(pugi::node_pcdata).set_value(loose.c_str());
    }
    all_tests += a.links.size();
    all_failures += failures;
  }
  count_attributes(suites, all_tests, all_failures);
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace handout::links
