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

// The online check of a link as testcase properties (empty ones left out).
void append_online_properties(pugi::xml_node testcase, const link_check& check) {
  auto properties = testcase.append_child("properties");
  auto property = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    auto p = properties.append_child("property");
    p.append_attribute("name") = key;
    p.append_attribute("value") = value.c_str();
  };
  property("online", std::string(verdict_name(check.verdict)));
  property("title", check.title);
  property("channel", check.channel);
}

// One link as a testcase: each error finding a failure, the other findings
// its output. True when it failed.
bool append_link_case(pugi::xml_node suite, const audit_result& a, const audited_link& l,
                      const std::vector<const finding*>& findings) {
  auto testcase = suite.append_child("testcase");
  std::string classname = a.source + " › " + slide_name(a.slides[l.slide]);
  std::string name = "line " + std::to_string(l.line) + ": " + l.href;
  testcase.append_attribute("classname") = classname.c_str();
  testcase.append_attribute("name") = name.c_str();
  testcase.append_attribute("file") = a.source.c_str();
  testcase.append_attribute("line") = l.line;
  if (l.online) append_online_properties(testcase, *l.online);
  std::string others;
  bool failed = false;
  for (const finding* f : findings) {
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
  if (!others.empty()) {
    testcase.append_child("system-out").append_child(pugi::node_pcdata).set_value(others.c_str());
  }
  return failed;
}

// One file as a testsuite of its links; the findings about no link go to
// the suite's output. The number of failed links.
std::size_t append_file_suite(pugi::xml_node suites, const audit_result& a) {
  std::vector<std::vector<const finding*>> by_link(a.links.size());
  std::string loose;  // findings about no link (slide-without-links)
  for (const auto& f : a.findings) {
    if (f.link) {
      by_link[*f.link].push_back(&f);
    } else {
      loose += std::string(level_name(f.severity)) + " " + std::string(rule_of(f.rule).name) +
               " (line " + std::to_string(f.line) + "): " + f.message + "\n";
    }
  }
  auto suite = suites.append_child("testsuite");
  suite.append_attribute("name") = a.source.c_str();
  std::size_t failures = 0;
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    if (append_link_case(suite, a, a.links[i], by_link[i])) ++failures;
  }
  count_attributes(suite, a.links.size(), failures);
  if (!loose.empty()) {
    suite.append_child("system-out").append_child(pugi::node_pcdata).set_value(loose.c_str());
  }
  return failures;
}

// An input that could not be read: a suite with one test case in error.
void append_unreadable_suite(pugi::xml_node suites, const diagnostic& e) {
  auto suite = suites.append_child("testsuite");
  suite.append_attribute("name") = e.file.c_str();
  suite.append_attribute("tests") = 1;
  suite.append_attribute("failures") = 0;
  suite.append_attribute("errors") = 1;
  suite.append_attribute("skipped") = 0;
  auto testcase = suite.append_child("testcase");
  testcase.append_attribute("classname") = e.file.c_str();
  testcase.append_attribute("name") = "read the input";
  testcase.append_attribute("file") = e.file.c_str();
  if (e.line > 0) testcase.append_attribute("line") = e.line;
  auto error = testcase.append_child("error");
  error.append_attribute("type") = "unreadable-input";
  error.append_attribute("message") = e.message.c_str();
  error.append_child(pugi::node_pcdata).set_value(format(e).c_str());
}

}  // namespace

std::string format_junit(const std::vector<audit_result>& audits, const format_options& options) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  suites.append_attribute("name") = "handout links";
  std::size_t all_tests = 0, all_failures = 0;
  for (const auto& a : audits) {
    all_failures += append_file_suite(suites, a);
    all_tests += a.links.size();
  }
  for (const auto& e : options.input_errors) append_unreadable_suite(suites, e);
  count_attributes(suites, all_tests + options.input_errors.size(), all_failures);
  suites.attribute("errors") = static_cast<unsigned long long>(options.input_errors.size());
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace handout::links
