#include "diagnostic.hpp"

#include <utility>

namespace handout {

std::string format(const diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  out += d.level == severity::error ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

void diagnostics::error(std::string file, int line, int column, std::string message) {
  add({severity::error, std::move(file), line, column, std::move(message)});
}

void diagnostics::warning(std::string file, int line, int column, std::string message) {
  add({severity::warning, std::move(file), line, column, std::move(message)});
}

void diagnostics::add(diagnostic d) {
  if (d.level == severity::error) ++errors_;
  list_.push_back(std::move(d));
}

void diagnostics::append(const diagnostics& other) {
  for (const auto& d : other.list_) add(d);
}

}  // namespace handout
