#include "cli_case.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <set>

namespace handout::test::cli {
namespace {

constexpr std::string_view no_eol = "no-eol";
constexpr std::array<std::string_view, 7> kinds = {"file",   "stdin", "command", "stdout",
                                                   "stderr", "files", "exit"};
constexpr std::array<std::string_view, 4> expectations = {"stdout", "stderr", "files", "exit"};

bool is_expectation(std::string_view kind) {
  return std::find(expectations.begin(), expectations.end(), kind) != expectations.end();
}

std::size_t leading_backticks(std::string_view line) {
  return std::min(line.find_first_not_of('`'), line.size());
}

std::string_view trim(std::string_view s) {
  std::size_t start = s.find_first_not_of(' ');
  if (start == std::string_view::npos) return {};
  return s.substr(start, s.find_last_not_of(' ') - start + 1);
}

// `KIND`, `file NAME`, either followed by `no-eol`.
bool parse_info(std::string_view info, block& b, bool& eol, std::string& error) {
  info = trim(info);
  eol = true;
  if (info.ends_with(" " + std::string(no_eol))) {
    eol = false;
    info = trim(info.substr(0, info.size() - no_eol.size()));
  }
  std::size_t space = info.find(' ');
  b.kind = info.substr(0, space);
  if (space != std::string_view::npos) b.name = trim(info.substr(space));
  if (std::find(kinds.begin(), kinds.end(), b.kind) == kinds.end()) {
    error = "unknown block '" + b.kind + "' (the kinds are file, stdin, command, stdout, " +
            "stderr, files and exit)";
    return false;
  }
  if (b.kind == "file" && b.name.empty()) {
    error = "a file block needs a name: ```file NAME";
    return false;
  }
  if (b.kind != "file" && !b.name.empty()) {
    error = "unexpected '" + b.name + "' after ```" + b.kind;
    return false;
  }
  return true;
}

bool is_safe_name(const std::string& name) {
  std::filesystem::path p(name);
  if (p.is_absolute() || name.ends_with('/')) return false;
  return std::none_of(p.begin(), p.end(), [](const auto& part) { return part == ".."; });
}

// What a case must hold beyond well-formed blocks.
bool check(const case_file& c, std::string& error) {
  for (std::string_view kind : kinds) {
    std::size_t n = c.all(kind).size();
    if (kind == "command" && n != 1) {
      error = "a case has exactly one command block, not " + std::to_string(n);
      return false;
    }
    if (kind != "file" && n > 1) {
      error = "more than one " + std::string(kind) + " block";
      return false;
    }
  }
  std::set<std::string> names;
  for (const block* f : c.all("file")) {
    if (!is_safe_name(f->name)) {
      error = "file name '" + f->name + "' is not a relative path inside the case's directory";
      return false;
    }
    if (!names.insert(f->name).second) {
      error = "file '" + f->name + "' given twice";
      return false;
    }
  }
  if (const block* e = c.find("exit")) {
    const std::string& s = e->content;
    if (s.size() < 2 || s.size() > 4 || s.back() != '\n' ||
        s.find_first_not_of("0123456789") != s.size() - 1) {
      error = "the exit block holds one number";
      return false;
    }
  }
  return true;
}

}  // namespace

const block* case_file::find(std::string_view kind) const {
  auto found = all(kind);
  return found.empty() ? nullptr : found.front();
}

std::vector<const block*> case_file::all(std::string_view kind) const {
  std::vector<const block*> out;
  for (const auto& piece : pieces) {
    if (const block* b = std::get_if<block>(&piece); b && b->kind == kind) out.push_back(b);
  }
  return out;
}

std::optional<case_file> parse_case(std::string_view text, std::string& error) {
  case_file c;
  std::string prose;
  std::size_t pos = 0;
  int line_number = 0;
  // The next line without its newline; false at the end.
  auto next_line = [&](std::string_view& line) {
    if (pos >= text.size()) return false;
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    return true;
  };
  std::string_view line;
  std::size_t start = pos;
  while (next_line(line)) {
    std::size_t fence = leading_backticks(line);
    if (fence < 3) {
      prose.append(text.substr(start, std::min(pos, text.size()) - start));
      start = pos;
      continue;
    }
    const int opened_at = line_number;
    block b;
    bool eol = true;
    if (!parse_info(line.substr(fence), b, eol, error)) {
      error = "line " + std::to_string(opened_at) + ": " + error;
      return std::nullopt;
    }
    bool closed = false;
    while (next_line(line)) {
      if (leading_backticks(line) == line.size() && line.size() >= fence) {
        closed = true;
        break;
      }
      b.content.append(line);
      b.content += '\n';
    }
    if (!closed) {
      error = "line " + std::to_string(opened_at) + ": the block is not closed";
      return std::nullopt;
    }
    if (!eol) {
      if (b.content.empty()) {
        error = "line " + std::to_string(opened_at) + ": an empty block cannot be no-eol";
        return std::nullopt;
      }
      b.content.pop_back();
    }
    if (!prose.empty()) c.pieces.emplace_back(std::move(prose));
    prose.clear();
    c.pieces.emplace_back(std::move(b));
    start = std::min(pos, text.size());
  }
  if (!prose.empty()) c.pieces.emplace_back(std::move(prose));
  if (!check(c, error)) return std::nullopt;
  return c;
}

std::string write_case(const case_file& c) {
  std::string out;
  for (const auto& piece : c.pieces) {
    if (const auto* prose = std::get_if<std::string>(&piece)) {
      out += *prose;
      continue;
    }
    const block& b = std::get<block>(piece);
    // A fence longer than any run of backticks that starts a line inside.
    std::size_t fence = 3;
    for (std::string_view rest = b.content; !rest.empty();) {
      fence = std::max(fence, leading_backticks(rest) + 1);
      std::size_t newline = rest.find('\n');
      rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    }
    const bool eol = b.content.empty() || b.content.back() == '\n';
    out += std::string(fence, '`') + b.kind + (b.name.empty() ? "" : " " + b.name) +
           (eol ? "" : " " + std::string(no_eol)) + "\n";
    out += b.content + (eol ? "" : "\n");
    out += std::string(fence, '`') + "\n";
  }
  return out;
}

case_file with_expectations(const case_file& c, const outcome& o) {
  case_file out;
  for (const auto& piece : c.pieces) {
    const auto* b = std::get_if<block>(&piece);
    if (b && is_expectation(b->kind)) continue;
    auto* last = out.pieces.empty() ? nullptr : std::get_if<std::string>(&out.pieces.back());
    if (last && std::holds_alternative<std::string>(piece)) {
      // Prose that stood around a removed block, one blank line between.
      const std::string& next = std::get<std::string>(piece);
      last->erase(last->find_last_not_of('\n') + 1);
      *last += (last->empty() ? "\n" : "\n\n") +
               next.substr(std::min(next.find_first_not_of('\n'), next.size()));
    } else {
      out.pieces.push_back(piece);
    }
  }
  // No blank lines at the end: each expectation brings its own.
  if (auto* last = std::get_if<std::string>(&out.pieces.back())) {
    last->erase(last->find_last_not_of(" \n") + 1);
    if (last->empty()) {
      out.pieces.pop_back();
    } else {
      *last += '\n';
    }
  }
  auto add = [&](std::string kind, std::string content) {
    out.pieces.emplace_back(std::string("\n"));
    out.pieces.emplace_back(block{std::move(kind), "", std::move(content)});
  };
  if (!o.out.empty()) add("stdout", o.out);
  if (!o.err.empty()) add("stderr", o.err);
  if (o.files) add("files", *o.files);
  add("exit", std::to_string(o.status) + "\n");
  return out;
}

}  // namespace handout::test::cli
