// `handout convert FILE|DIR... -o DIR`: every format of every deck (the
// batch does the work: src/batch/).
#include <filesystem>
#include <iostream>

#include "batch/run.hpp"
#include "commands/commands.hpp"
#include "commands/online_options.hpp"
#include "style_search.hpp"

namespace handout::commands {

namespace {

// The command line as it is read; turned into a batch::convert_request.
struct convert_args {
  batch::convert_request request;
  std::string formats;  // as given; empty: the default set
  bool formats_given = false;
  std::string style;  // a name or file; empty: the built-in style
  online_state online;
};

constexpr std::string_view description =
    R"(Converts each deck (NAME.txt, or a NAME.xml intermediate) into DIR/NAME.*.
A directory stands for the .txt files below it, found recursively in sorted
order; their outputs mirror its tree under DIR. Decks are converted in
parallel; a failing deck does not stop the others. A deck whose input,
metadata, style, fonts, tool and online options are unchanged since the last
run into DIR is left as it is, unchanged (DIR/.handout-manifest.json; with
--online, every deck is converted). A deck that was below a directory named
here and no longer exists loses the outputs the manifest says it wrote.
DIR/summary.md and DIR/summary.json describe the run, with its exit status.
)";

constexpr std::string_view epilog =
    R"(Exit status: the worst of all decks: 2 when one failed, 1 when one has a
finding at --fail-on, else 0.
)";

// The formats part of the help: one line per renderer.
std::string formats_help() {
  std::string help = "\nformats:\n";
  for (const auto& r : renderers()) {
    help += "  " + std::string(r.name) + (r.in_default_set ? " *" : "  ");
    help += std::string(10 - std::min<std::size_t>(10, r.name.size()), ' ');
    help += std::string(r.description) + "\n";
  }
  return help;
}

command_spec make_spec(convert_args& a) {
  auto& r = a.request;
  static const std::string epilog_text = std::string(epilog) + formats_help();
  return {
      "convert",
      "handout convert FILE|DIR... -o DIR [options]\n       handout convert FILE -o FILE.EXT "
      "[options]",
      description,
      {{"options",
        {
            {"output", 'o', "DIR|FILE",
             "where to write (created if missing); with one deck,\na file whose extension names "
             "the format (talk.pdf)",
             store_in(r.output_dir),
             "-o FILE writes one file when there is one deck and FILE ends with an extension "
             "of a format: .pdf, .docx, .docx.xml, .xml, .links.json or .links.md (as in "
             "pandoc, the extension decides the format; --formats, if given, must agree). "
             "Otherwise -o names a directory: always when it ends with /, is an existing "
             "directory, or there are several decks or a directory of decks. One file has "
             "no manifest or summaries and is converted on every run."},
            {"formats", 0, "LIST", "comma-separated formats (default: all marked *)",
             [&a](const std::string& v) {
               a.formats = v;
               a.formats_given = true;
               return std::string();
             }},
            {"style", 0, "NAME|FILE",
             "a style: an installed one by name (report, handout)\nor a file (default: the "
             "built-in one, as report)",
             store_in(a.style),
             "A file is a name with a slash or ending in .yaml; names are looked up in "
             "HANDOUT_STYLE_PATH, then the installed styles."},
            {"from", 0, "LIST",
             "which files of a directory are decks: txt, slides\n(.pptx, .odp, .fodp), xml, "
             "or several\n(default: txt,slides); pdftotext: .txt decks are text\nextracted "
             "from slides, as parse --from pdftotext",
             [&r](const std::string& v) {
               auto kinds = batch::parse_deck_kinds(v);
               if (!kinds) {
                 return "--from takes txt, pdftotext, slides, xml or several of them, not '" + v +
                        "'";
               }
               r.kinds = *kinds;
               return std::string();
             },
             "txt reads each .txt deck in the layout it has: the canonical one, or text "
             "extracted from slides when form feeds part it into pages that start unindented. "
             "pdftotext (instead of txt, or beside it) reads every .txt deck, named or found, "
             "as extracted text: a page is a slide, its first line the title "
             "(docs/ARCHITECTURE.md). --from pdftotext,slides keeps the slide packages."},
            {"jobs", 'j', "N", "decks converted at once (default: one per core)",
             [&r](const std::string& v) {
               if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != v.npos ||
                   std::stoi(v) < 1) {
                 return "-j takes a number of jobs from 1, not '" + v + "'";
               }
               r.jobs = std::stoi(v);
               return std::string();
             }},
            {"force", 0, "", "convert every deck, changed or not", set_to(r.force)},
            {"shard", 0, "K/N", "only the K-th of N stable parts of the decks (CI jobs)",
             [&r](const std::string& v) {
               r.shard = batch::parse_shard(v);
               if (!r.shard) return "--shard takes K/N with 1 <= K <= N, not '" + v + "'";
               return std::string();
             },
             "A deck belongs to part (h mod N) + 1, where h is the first 8 bytes (big-endian) "
             "of the SHA-256 of its path relative to the directory it was found in, without "
             "extension; so the parts are the same on every machine, and N CI jobs together "
             "convert each deck exactly once."},
            fail_on_option(
                "link audit findings that fail the run: none (default),\nerror, warning, info; "
                "add \",unknown\" (or give \"unknown\"\nalone) to fail also on links the online "
                "check could\nnot decide",
                r.fail_on),
            {"quiet", 'q', "", "no progress, only diagnostics", set_to(r.quiet),
             "Without it, standard error shows a progress bar with the counts, the current "
             "deck and an ETA on a terminal, and one line per deck elsewhere or when CI=true "
             "(for two decks or more)."},
        }},
       online_option_group(a.online)},
      epilog_text};
}

// The renderers named by `--formats`, or the default set.
std::string choose_formats(const convert_args& a, std::vector<const renderer*>& formats) {
  if (!a.formats_given) {
    for (const auto& r : renderers()) {
      if (r.in_default_set) formats.push_back(&r);
    }
    return "";
  }
  std::size_t start = 0;
  while (start <= a.formats.size()) {
    std::size_t comma = a.formats.find(',', start);
    std::string name = a.formats.substr(start, comma == std::string::npos ? comma : comma - start);
    const renderer* r = find_renderer(name);
    if (!r) {
      std::string known;
      for (const auto& each : renderers())
        known += (known.empty() ? "" : ", ") + std::string(each.name);
      return "unknown format '" + name + "' (use " + known + ")";
    }
    formats.push_back(r);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return "";
}

// `-o FILE.EXT` with one deck names one file, as in pandoc: the format is
// the extension's (`.pdf`, `.docx`, `.docx.xml`, `.xml`, `.links.json`,
// `.links.md`). A directory it is when -o ends with `/`, is a directory,
// has no such extension, or there are several decks. A usage error, or "".
std::string choose_output_file(convert_args& a) {
  auto& r = a.request;
  const std::string& out = r.output_dir;
  std::error_code ec;
  if (out.back() == '/' || std::filesystem::is_directory(out, ec) || r.inputs.size() != 1 ||
      std::filesystem::is_directory(r.inputs[0], ec)) {
    return "";
  }
  const auto [format, ext] = renderer_for_file(out);
  if (!format) return "";
  if (a.formats_given && (r.formats.size() != 1 || r.formats[0] != format)) {
    return "-o " + out + " names a " + std::string(format->name) +
           " file, but --formats asks for " + a.formats + " (end -o with / to write a directory)";
  }
  r.formats = {format};
  r.output_file = out;
  r.output_dir.clear();
  return "";
}

}  // namespace

const command_spec& convert_spec() { return documented_spec(&make_spec); }

int run_convert(const std::vector<std::string>& args) {
  convert_args a;
  const command_spec spec = make_spec(a);
  auto read = read_args(spec, args);
  if (const int* status = std::get_if<int>(&read)) return *status;
  const auto& operands = std::get<std::vector<std::string>>(read);
  auto& request = a.request;
  request.inputs = operands;
  if (request.inputs.empty()) return usage_error("convert needs a file or directory", "convert");
  if (request.output_dir.empty()) return usage_error("convert needs -o DIR", "convert");
  auto online = finish_online(a.online);
  request.online = online.options;
  std::string error = online.error.empty() ? choose_formats(a, request.formats) : online.error;
  if (error.empty()) error = choose_output_file(a);
  if (!error.empty()) return usage_error(error, "convert");

  diagnostics diags;
  if (!a.style.empty()) {
    auto file = find_style(a.style, diags);
    auto s = file ? load_style(*file, diags) : std::nullopt;
    if (!s) {
      print_diagnostics(diags);
      return exit_code::bad_input;
    }
    request.style = *s;
    request.style_file = *file;
  }
  int status = batch::run_batch(request, diags);
  print_diagnostics(diags);
  return status;
}

}  // namespace handout::commands
