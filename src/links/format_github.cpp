#include <filesystem>

#include "count_text.hpp"
#include "links/format.hpp"
#include "terminal_text.hpp"

namespace handout::links {

namespace {

// As the Actions toolkit's escapeData(): % CR LF, after terminal_text(),
// which already leaves no line break (nor ESC, C1 or bidi control) in the
// text, so that nothing untrusted starts a line (a forged `::error`).
std::string escape_data(std::string_view raw) {
  const std::string s = terminal_text(raw);
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

// As the toolkit's escapeProperty(): also ':' and ','.
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view command_of(level l) {
  return l == level::error ? "error" : l == level::warning ? "warning" : "notice";
}

// The file as annotations name it: relative to the root, or absolute when
// outside it.
std::string annotated_file(const std::string& source, const std::string& root) {
  if (root.empty()) return source;
  if (auto relative = path_in_root(source, root)) return *relative;
  std::error_code ec;
  return std::filesystem::absolute(source, ec).lexically_normal().string();
}

}  // namespace

std::string format_github(const std::vector<audit_result>& audits, const format_options& options) {
  const std::string& root = options.root;
  std::string out;
  auto annotate = [&](const diagnostic& e, std::string_view title) {
    out += (e.level == severity::error ? "::error file=" : "::warning file=") +
           escape_property(annotated_file(e.file, root));
    if (e.line > 0) out += ",line=" + std::to_string(e.line);
    if (e.column > 0) out += ",col=" + std::to_string(e.column);
    out += ",title=" + escape_property(title) + "::" + escape_data(e.message) + "\n";
  };
  for (const auto& e : options.input_errors) annotate(e, "unreadable input");
  for (const auto& w : options.tool_warnings) annotate(w, "unused ignore entry");
  for (const auto& a : audits) {
    const std::string file = escape_property(annotated_file(a.source, root));
    for (const auto& f : a.findings) {
      out += "::" + std::string(command_of(f.severity)) + " file=" + file;
      if (f.line > 0) out += ",line=" + std::to_string(f.line);
      if (f.line > 0 && f.column > 0) out += ",col=" + std::to_string(f.column);
      out +=
          ",title=" + escape_property(rule_of(f.rule).name) + "::" + escape_data(f.message) + "\n";
    }
  }
  audit_summary t = total(audits);
  out += "handout links: " + count_text(t.links, "link") + ", " + count_text(t.errors, "error") +
         ", " + count_text(t.warnings, "warning") + ", " + count_text(t.infos, "info") + "\n";
  return out;
}

}  // namespace handout::links
