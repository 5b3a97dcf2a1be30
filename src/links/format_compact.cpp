// `FILE:LINE:COL: LEVEL: RULE: MESSAGE`, one line per finding (as gcc and
// ruff print), for editors and CI problem matchers.
#include "links/format.hpp"
#include "links/rules.hpp"

namespace handout::links {

std::string format_compact(const std::vector<audit_result>& audits) {
  std::string out;
  for (const auto& a : audits) {
    for (const auto& f : a.findings) {
      out += a.source;
      if (f.line > 0) out += ":" + std::to_string(f.line);
      if (f.line > 0 && f.column > 0) out += ":" + std::to_string(f.column);
      out += ": " + std::string(level_name(f.severity)) + ": " + std::string(rule_of(f.rule).name) +
             ": ";
      for (char c : f.message) out += c == '\n' || c == '\r' ? ' ' : c;  // one line each
      out += "\n";
    }
  }
  return out;
}

}  // namespace handout::links
