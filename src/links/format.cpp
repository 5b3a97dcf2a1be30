#include "links/format.hpp"

#include <filesystem>

namespace handout::links {

std::optional<output_format> parse_output_format(std::string_view name) {
  if (name == "text") return output_format::text;
  if (name == "json") return output_format::json;
  if (name == "markdown") return output_format::markdown;
  if (name == "junit") return output_format::junit;
  if (name == "sarif") return output_format::sarif;
  if (name == "github") return output_format::github;
  if (name == "compact") return output_format::compact;
  return std::nullopt;
}

std::optional<std::string> path_in_root(const std::string& path, const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec) return std::nullopt;
  const fs::path relative = absolute.lexically_relative(fs::path(root).lexically_normal());
  if (relative.empty() || *relative.begin() == ".." || relative == ".") return std::nullopt;
  return relative.generic_string();
}

std::string format_audit(const std::vector<audit_result>& audits, output_format format,
                         const format_options& options) {
  switch (format) {
    case output_format::text:
      return format_text(audits, options.colour);
    case output_format::json:
      return format_json(audits, options);
    case output_format::markdown:
      return format_markdown(audits);
    case output_format::junit:
      return format_junit(audits, options);
    case output_format::sarif:
      return format_sarif(audits, options);
    case output_format::github:
      return format_github(audits, options);
    case output_format::compact:
      return format_compact(audits);
  }
  return {};
}

}  // namespace handout::links
