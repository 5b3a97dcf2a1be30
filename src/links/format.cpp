#include "links/format.hpp"

namespace handout::links {

std::optional<output_format> parse_output_format(std::string_view name) {
  if (name == "text") return output_format::text;
  if (name == "json") return output_format::json;
  if (name == "markdown") return output_format::markdown;
  if (name == "junit") return output_format::junit;
  if (name == "sarif") return output_format::sarif;
  if (name == "github") return output_format::github;
  return std::nullopt;
}

std::string format_audit(const std::vector<audit_result>& audits, output_format format,
                         bool colour) {
  switch (format) {
    case output_format::text:
      return format_text(audits, colour);
    case output_format::json:
      return format_json(audits);
    case output_format::markdown:
      return format_markdown(audits);
    case output_format::junit:
      return format_junit(audits);
    case output_format::sarif:
      return format_sarif(audits);
    case output_format::github:
      return format_github(audits);
  }
  return {};
}

}  // namespace handout::links
