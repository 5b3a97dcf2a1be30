// `handout parse FILE [-o FILE]`: the XML intermediate of one deck.
#include <cerrno>
#include <cstring>
#include <iostream>

#include "commands/commands.hpp"
#include "diagnostic.hpp"
#include "io.hpp"
#include "parse/load.hpp"
#include "parse/metadata.hpp"
#include "parse/xml_writer.hpp"

namespace handout::commands {

namespace {

struct parse_request {
  std::string output;  // a file, or empty for standard output
  text_dialect dialect = text_dialect::detect;
};

command_spec make_spec(parse_request& request) {
  return {"parse",
          "handout parse FILE [-o FILE] [--from pdftotext]",
          R"(Reads a text deck (NAME.txt, with NAME.meta.yaml beside it if present) or an
XML intermediate and writes its XML intermediate to standard output, or to
the file given with -o (written whole or not at all). FILE - is standard
input (a text deck named stdin, without a sidecar); a pipe or fifo named as
FILE (/dev/stdin, <(...)) is read to its end. -o - is standard output.
)",
          {{"options",
            {{"output", 'o', "FILE", "write to FILE instead of standard output",
              store_in(request.output)},
             {"from", 0, "KIND",
              "how a text deck is laid out: txt (the canonical layout) or\npdftotext (text "
              "extracted from slides); default: pdftotext\nwhen form feeds part it into pages "
              "that start unindented",
              [&request](const std::string& v) {
                if (v == "txt") {
                  request.dialect = text_dialect::canonical;
                } else if (v == "pdftotext") {
                  request.dialect = text_dialect::pdftotext;
                } else {
                  return "--from takes txt or pdftotext, not '" + v + "'";
                }
                return std::string();
              }}}}},
          ""};
}

}  // namespace

const command_spec& parse_spec() { return documented_spec(&make_spec); }

int run_parse(const std::vector<std::string>& args) {
  parse_request request;
  const command_spec spec = make_spec(request);
  auto read = read_args(spec, args);
  if (const int* status = std::get_if<int>(&read)) return *status;
  const auto& operands = std::get<std::vector<std::string>>(read);
  if (operands.empty()) return usage_error("parse needs a file", "parse");
  if (operands.size() > 1) return usage_error("parse takes one file", "parse");
  if (is_standard_stream(request.output)) request.output.clear();

  diagnostics diags;
  const std::vector<std::string> inputs = {operands[0], sidecar_path(operands[0])};
  if (output_overwrites_input(request.output, inputs, diags)) {
    print_diagnostics(diags);
    return exit_code::bad_input;
  }
  auto r = load_input(operands[0], diags, request.dialect);
  bool ok = r.has_value();
  if (ok && request.output.empty()) {
    write_xml(*r, [](std::string_view piece) { std::cout << piece; });
    if (!std::cout.flush()) {
      diags.error("handout", 0, 0,
                  std::string("cannot write to standard output: ") + std::strerror(errno));
      ok = false;
    }
  } else if (ok) {
    ok = write_xml_file(*r, request.output, diags);
  }
  print_diagnostics(diags);
  return exit_status(!ok, false);
}

}  // namespace handout::commands
