// The DOCX writer: the package is valid (schemas, references), both forms
// hold the same parts, and real consumers (pandoc, LibreOffice) read back
// what the model holds.
#include "render/docx/docx.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "parse/load.hpp"
#include "render/docx/fonts.hpp"
#include "render/docx/ooxml.hpp"
#include "render/link_label.hpp"
#include "test_support.hpp"

namespace handout {
namespace {

namespace fs = std::filesystem;
using test::quote;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* sample_epoch = "1577750400";  // 2019-12-31

std::string sample() { return test::source_dir() + "/input/ai-2019-review.txt"; }

std::string collapse_spaces(const std::string& s) {
  std::istringstream in(s);
  std::string word, out;
  while (in >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

report load_sample() {
  diagnostics diags;
  auto r = load_input(sample(), diags);
  EXPECT_TRUE(r.has_value());
  return *r;
}

std::unique_ptr<pugi::xml_document> parse_file(const std::string& path) {
  auto doc = std::make_unique<pugi::xml_document>();
  pugi::xml_parse_result ok = doc->load_file(path.c_str());
  EXPECT_TRUE(ok) << path << ": " << ok.description();
  return doc;
}

std::string raw(const pugi::xml_node& node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw);
  return out.str();
}

// The part of a package built in-process, by name; a part written while
// built (document.xml) parsed back from its bytes.
const pugi::xml_document& part_xml(const docx::package& pkg, const std::string& name) {
  static std::deque<pugi::xml_document> parsed;
  for (const auto& p : pkg.parts) {
    if (p.name != name) continue;
    if (!p.written) return p.xml;
    EXPECT_TRUE(parsed.emplace_back().load_string(p.file.joined().c_str())) << name;
    return parsed.back();
  }
  ADD_FAILURE() << "no part " << name;
  static pugi::xml_document empty;
  return empty;
}

bool has_part(const docx::package& pkg, const std::string& name) {
  for (const auto& p : pkg.parts) {
    if (p.name == name) return true;
  }
  return false;
}

bool font_installed(const std::string& family) {
  auto r = test::run("fc-list " + quote(family) + " family");
  return r.status == 0 && !r.out.empty();
}

std::string query(const pugi::xml_document& doc, const char* xpath) {
  return doc.select_node(xpath).node() ? raw(doc.select_node(xpath).node()) : std::string();
}

std::string attribute(const pugi::xml_document& doc, const char* xpath, const char* name) {
  return doc.select_node(xpath).node().attribute(name).value();
}

// The texts of all paragraphs with style `style` in a document part.
std::vector<std::string> paragraphs_with_style(const pugi::xml_document& doc, const char* style) {
  std::vector<std::string> out;
  std::string xpath = std::string("//w:p[w:pPr/w:pStyle/@w:val='") + style + "']";
  for (const auto& hit : doc.select_nodes(xpath.c_str())) {
    std::string text;
    for (const auto& t : hit.node().select_nodes(".//w:t")) text += t.node().text().get();
    out.push_back(text);
  }
  return out;
}

// The sample converted once by the CLI, its zip unpacked, and its Flat OPC
// file turned into a second .docx by this test (not by the writer).
class SampleDocx : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::temp_dir();
    auto r =
        test::run("SOURCE_DATE_EPOCH=" + std::string(sample_epoch) + " " + test::handout_binary() +
                  " convert " + quote(sample()) + " -o " + quote(out_dir()) + " --formats docx");
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_EQ(r.err, "");
    fs::create_directories(zip_dir());
    auto u = test::run("cd " + quote(zip_dir()) + " && unzip -q " + quote(docx_path()));
    ASSERT_EQ(u.status, 0) << u.err;
    unpack_flat_opc();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static std::string out_dir() { return *dir_ / "out"; }
  static std::string docx_path() { return out_dir() + "/ai-2019-review.docx"; }
  static std::string flat_path() { return out_dir() + "/ai-2019-review.docx.xml"; }
  static std::string zip_dir() { return *dir_ / "zip"; }
  static std::string flat_dir() { return *dir_ / "flat"; }
  static std::string flat_zipped() { return *dir_ / "flat.docx"; }

  // Every file of the unpacked zip, relative to its root.
  static std::vector<std::string> zip_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(zip_dir())) {
      if (e.is_regular_file()) out.push_back(fs::relative(e.path(), zip_dir()).string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  // Writes each pkg:part of the Flat OPC file as a file, adds the content
  // types it declares, and zips the lot with the zip program.
  static void unpack_flat_opc() {
    pugi::xml_document flat;
    ASSERT_TRUE(flat.load_file(flat_path().c_str()));
    pugi::xml_document types;
    pugi::xml_node root = types.append_child("Types");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
    for (const auto& hit : flat.select_nodes("/pkg:package/pkg:part")) {
      pugi::xml_node part = hit.node();
      std::string name = part.attribute("pkg:name").value();
      fs::path file = fs::path(flat_dir()) / name.substr(1);
      fs::create_directories(file.parent_path());
      if (pugi::xml_node data = part.child("pkg:binaryData")) {
        test::write_all(file.string() + ".b64", data.text().get());
        auto d =
            test::run("(base64 -d " + quote(file.string() + ".b64") + " > " + quote(file) + ")");
        ASSERT_EQ(d.status, 0) << d.err;
        fs::remove(file.string() + ".b64");
      } else {
        pugi::xml_document doc;
        doc.append_copy(part.child("pkg:xmlData").first_child());
        ASSERT_TRUE(doc.save_file(file.c_str()));
      }
      pugi::xml_node o = root.append_child("Override");
      o.append_attribute("PartName") = name.c_str();
      o.append_attribute("ContentType") = part.attribute("pkg:contentType").value();
    }
    ASSERT_TRUE(types.save_file((flat_dir() + "/[Content_Types].xml").c_str()));
    if (test::have_program("zip")) {
      auto z =
          test::run("cd " + quote(flat_dir()) + " && zip -q -X -r " + quote(flat_zipped()) + " .");
      ASSERT_EQ(z.status, 0) << z.err;
    }
  }

  static test::temp_dir* dir_;
};

test::temp_dir* SampleDocx::dir_ = nullptr;

// ---- the package -----------------------------------------------------------

// The schema that validates each file of the package, or empty.
std::string schema_for(const std::string& file, const std::string& core_schema) {
  const std::string s = test::shared_dir() + "/ooxml-schemas/schemas/";
  if (file == "[Content_Types].xml") return s + "ecma/fouth-edition/opc-contentTypes.xsd";
  if (file.ends_with(".rels")) return s + "ecma/fouth-edition/opc-relationships.xsd";
  if (file == "docProps/core.xml") return core_schema;
  if (file == "docProps/app.xml") {
    return s + "ISO-IEC29500-4_2016/shared-documentPropertiesExtended.xsd";
  }
  if (file.starts_with("word/")) return s + "ISO-IEC29500-4_2016/wml.xsd";
  return {};
}

// Embedded fonts and pictures: parts no XML schema covers.
bool is_binary_part(const std::string& file) {
  return file.starts_with("word/fonts/") || file.starts_with("word/media/");
}

// opc-coreProperties.xsd imports the Dublin Core schemas from the network:
// a copy that imports the local stand-ins in tests/data/docx instead.
std::string offline_core_schema(const test::temp_dir& tmp) {
  const std::string s = test::shared_dir() + "/ooxml-schemas/schemas/";
  std::string xsd = test::read_all(s + "ecma/fouth-edition/opc-coreProperties.xsd");
  const std::string data = test::data_path("docx/");
  xsd =
      std::regex_replace(xsd, std::regex("http://dublincore.org/schemas/xmls/qdc/[0-9/]+/"), data);
  xsd = std::regex_replace(
      xsd, std::regex(R"(<xs:import id="xml" namespace="http://www.w3.org/XML/1998/namespace"/>)"),
      R"(<xs:import id="xml" namespace="http://www.w3.org/XML/1998/namespace" schemaLocation=")" +
          s + R"(ISO-IEC29500-4_2016/xml.xsd"/>)");
  test::write_all(tmp / "core.xsd", xsd);
  return tmp / "core.xsd";
}

bool can_validate() {
  return fs::exists(test::shared_dir() + "/ooxml-schemas") && test::have_program("xmllint");
}

TEST_F(SampleDocx, EveryPartValidatesAgainstTheSchemas) {
  if (!can_validate()) GTEST_SKIP() << "needs ../shared/ooxml-schemas and xmllint";
  test::temp_dir tmp;
  const std::string core = offline_core_schema(tmp);
  std::map<std::string, std::vector<std::string>> by_schema;
  for (const auto& file : zip_files()) {
    if (is_binary_part(file)) continue;
    std::string schema = schema_for(file, core);
    ASSERT_FALSE(schema.empty()) << "no schema for " << file;
    by_schema[schema].push_back(file);
  }
  for (const auto& [schema, files] : by_schema) {
    std::string cmd =
        "cd " + quote(zip_dir()) + " && xmllint --noout --nonet --schema " + quote(schema);
    for (const auto& f : files) cmd += " " + quote(f);
    auto r = test::run(cmd);
    EXPECT_EQ(r.status, 0) << r.err;
    for (const auto& f : files) EXPECT_THAT(r.err, HasSubstr(f + " validates")) << r.err;
  }
  // The check can fail: wml.xsd rejects w:jc before w:pStyle.
  test::write_all(tmp / "bad.xml",
                  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
                  "main\"><w:body><w:p><w:pPr><w:jc w:val=\"left\"/><w:pStyle w:val=\"Normal\"/>"
                  "</w:pPr></w:p></w:body></w:document>");
  auto bad = test::run("xmllint --noout --nonet --schema " +
                       quote(schema_for("word/document.xml", core)) + " " + quote(tmp / "bad.xml"));
  EXPECT_NE(bad.status, 0);
}

TEST_F(SampleDocx, EveryReferenceBetweenPartsResolves) {
  const std::string word = zip_dir() + "/word/";
  auto styles = parse_file(word + "styles.xml");
  auto numbering = parse_file(word + "numbering.xml");
  auto rels = parse_file(word + "_rels/document.xml.rels");
  auto types = parse_file(zip_dir() + "/[Content_Types].xml");

  // Content types: one per part, and each names an existing part.
  std::set<std::string> overridden;
  for (const auto& o : types->select_nodes("//*[local-name()='Override']")) {
    std::string name = o.node().attribute("PartName").value();
    overridden.insert(name);
    EXPECT_TRUE(fs::exists(zip_dir() + name)) << name;
  }
  for (const auto& file : zip_files()) {
    if (file.ends_with(".rels") || file == "[Content_Types].xml") continue;
    EXPECT_TRUE(overridden.count("/" + file)) << file << " has no content type";
  }

  // Relationships: internal targets exist, external ones are web links.
  std::set<std::string> rel_ids;
  for (const std::string rels_file :
       {"_rels/.rels", "word/_rels/document.xml.rels", "word/_rels/fontTable.xml.rels"}) {
    auto doc = parse_file(zip_dir() + "/" + rels_file);
    const fs::path base = fs::path(zip_dir()) / fs::path(rels_file).parent_path().parent_path();
    std::set<std::string> ids;
    for (const auto& hit : doc->select_nodes("//*[local-name()='Relationship']")) {
      pugi::xml_node r = hit.node();
      EXPECT_TRUE(ids.insert(r.attribute("Id").value()).second) << "duplicate id";
      std::string target = r.attribute("Target").value();
      if (std::string(r.attribute("TargetMode").value()) == "External") {
        EXPECT_TRUE(target.starts_with("http")) << target;
      } else {
        EXPECT_TRUE(fs::exists(base / target)) << rels_file << ": " << target;
      }
    }
    if (rels_file == "word/_rels/document.xml.rels") rel_ids = ids;
  }

  // Styles by type, and every style a style points at.
  std::map<std::string, std::string> style_type;
  for (const auto& s : styles->select_nodes("//w:style")) {
    style_type[s.node().attribute("w:styleId").value()] = s.node().attribute("w:type").value();
  }
  for (const auto& s : styles->select_nodes("//w:basedOn/@w:val | //w:next/@w:val")) {
    EXPECT_TRUE(style_type.count(s.attribute().value())) << s.attribute().value();
  }
  std::set<std::string> nums, abstracts;
  for (const auto& n : numbering->select_nodes("//w:abstractNum")) {
    abstracts.insert(n.node().attribute("w:abstractNumId").value());
    EXPECT_EQ(n.node().select_nodes("w:lvl").size(), 3u);
  }
  for (const auto& n : numbering->select_nodes("//w:num")) {
    nums.insert(n.node().attribute("w:numId").value());
    EXPECT_TRUE(abstracts.count(n.node().child("w:abstractNumId").attribute("w:val").value()));
  }

  int checked = 0;
  for (const char* part : {"document.xml", "header1.xml", "footer1.xml", "numbering.xml"}) {
    auto doc = parse_file(word + part);
    for (const auto& a : doc->select_nodes("//@r:id")) {
      EXPECT_TRUE(rel_ids.count(a.attribute().value())) << part << ": " << a.attribute().value();
      ++checked;
    }
    for (const auto& a : doc->select_nodes("//w:pStyle/@w:val")) {
      EXPECT_EQ(style_type[a.attribute().value()], "paragraph")
          << part << ": " << a.attribute().value();
      ++checked;
    }
    for (const auto& a : doc->select_nodes("//w:rStyle/@w:val")) {
      EXPECT_EQ(style_type[a.attribute().value()], "character")
          << part << ": " << a.attribute().value();
      ++checked;
    }
    for (const auto& a : doc->select_nodes("//w:numPr")) {
      EXPECT_TRUE(nums.count(a.node().child("w:numId").attribute("w:val").value()));
      EXPECT_LT(a.node().child("w:ilvl").attribute("w:val").as_int(), 3);
      ++checked;
    }
    // Internal hyperlinks reach a bookmark; bookmarks open and close once.
    std::set<std::string> bookmarks, open_ids, closed_ids;
    for (const auto& b : doc->select_nodes("//w:bookmarkStart")) {
      bookmarks.insert(b.node().attribute("w:name").value());
      EXPECT_TRUE(open_ids.insert(b.node().attribute("w:id").value()).second);
    }
    for (const auto& b : doc->select_nodes("//w:bookmarkEnd")) {
      EXPECT_TRUE(closed_ids.insert(b.node().attribute("w:id").value()).second);
    }
    EXPECT_EQ(open_ids, closed_ids);
    for (const auto& a : doc->select_nodes("//w:hyperlink/@w:anchor")) {
      EXPECT_TRUE(bookmarks.count(a.attribute().value())) << a.attribute().value();
      ++checked;
    }
  }
  // 21 links + header and footer, 17 headings, 57 bullets, 17 contents entries...
  EXPECT_GT(checked, 21 + 2 + 17 + 57 + 17);
}

TEST_F(SampleDocx, FlatOpcHoldsTheSamePartsAsTheZip) {
  const std::string flat_text = test::read_all(flat_path());
  EXPECT_THAT(flat_text, HasSubstr("<?mso-application progid=\"Word.Document\"?>\n<pkg:package"));
  pugi::xml_document flat;
  ASSERT_TRUE(flat.load_file(flat_path().c_str()));
  std::vector<std::string> names;
  for (const auto& hit : flat.select_nodes("/pkg:package/pkg:part")) {
    std::string name = hit.node().attribute("pkg:name").value();
    names.push_back(name.substr(1));
    if (is_binary_part(name.substr(1))) {
      EXPECT_EQ(hit.node().child("pkg:xmlData"), pugi::xml_node()) << name;
      EXPECT_TRUE(test::read_all(flat_dir() + name) == test::read_all(zip_dir() + name)) << name;
      continue;
    }
    auto zipped = parse_file(zip_dir() + name);
    EXPECT_EQ(raw(hit.node().child("pkg:xmlData").first_child()), raw(zipped->document_element()))
        << name;
  }
  names.push_back("[Content_Types].xml");
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, zip_files());
}

TEST_F(SampleDocx, ZipHasContentTypesFirstAndFixedTimes) {
  auto r = test::run("unzip -Z -T " + quote(docx_path()));
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::string> entries;
  while (std::getline(lines, line)) {
    if (line.starts_with("-")) {
      entries.push_back(line);
      EXPECT_THAT(line, HasSubstr(" 19800101.000000 ")) << line;
    }
  }
  ASSERT_FALSE(entries.empty());
  EXPECT_THAT(entries.front(), HasSubstr("[Content_Types].xml"));
}

TEST_F(SampleDocx, OutputsAreByteIdenticalAcrossRuns) {
  sleep(1);  // a clock-based timestamp would now differ
  test::temp_dir again;
  auto r =
      test::run("SOURCE_DATE_EPOCH=" + std::string(sample_epoch) + " " + test::handout_binary() +
                " convert " + quote(sample()) + " -o " + quote(again.path()) + " --formats docx");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(test::read_all(again / "ai-2019-review.docx") == test::read_all(docx_path()));
  EXPECT_TRUE(test::read_all(again / "ai-2019-review.docx.xml") == test::read_all(flat_path()));
}

// The whole Flat OPC file of the sample, reviewed: any change to what the
// writer produces shows up as a diff of this file. Binary parts (the font
// subset) stand there as their size; FlatOpcHoldsTheSamePartsAsTheZip and
// the readers check their bytes.
TEST_F(SampleDocx, FlatOpcMatchesTheReviewedGoldenFile) {
  std::string flat = test::read_all(flat_path());
  std::string shown;
  std::size_t pos = 0;
  for (std::size_t at; (at = flat.find("<pkg:binaryData>", pos)) != std::string::npos;) {
    const std::size_t start = at + std::strlen("<pkg:binaryData>");
    const std::size_t end = flat.find("</pkg:binaryData>", start);
    ASSERT_NE(end, std::string::npos);
    shown += flat.substr(pos, start - pos) + "[" + std::to_string(end - start) + " characters]";
    pos = end;
  }
  shown += flat.substr(pos);
  test::expect_golden(test::source_dir() + "/tests/golden/ai-2019-review.docx.xml", shown);
}

// ---- real consumers --------------------------------------------------------

// What pandoc_summary.py should print for `r`.
void expect_items(const std::vector<item>& items, int depth, std::vector<std::string>& out) {
  for (const auto& it : items) {
    for (const auto& u : it.urls) out.push_back("LINK " + it.text.substr(u.offset, u.length));
    out.push_back("ITEM " + std::to_string(depth) + " " + collapse_spaces(it.text));
    expect_items(it.children, depth + 1, out);
  }
}

std::string expected_summary(const report& r) {
  std::vector<std::string> out = {"TITLE " + r.meta.title};
  if (!r.meta.subtitle.empty()) out.push_back("SUBTITLE " + r.meta.subtitle);
  std::vector<std::string> anchors;
  for (const auto& sec : r.sections) {
    if (sec.number || !sec.title.empty()) {  // a numbered untitled section shows its number
      std::string h = sec.number.value_or("");
      if (!sec.title.empty()) h += (h.empty() ? "" : " ") + sec.title;
      out.push_back("H1 " + h);
      anchors.push_back("ANCHOR " + h);
    }
    for (const auto& sl : sec.slides) {
      if (!sl.title.empty()) {
        out.push_back("H2 " + sl.title);
        anchors.push_back("ANCHOR " + sl.title);
      }
      if (!sl.items.empty()) out.push_back("LIST");
      expect_items(sl.items, 1, out);
      std::set<std::string> shown;  // a link repeated on a slide is shown once
      for (const auto& l : sl.links) {
        if (shown.insert(l.href).second) out.push_back("LINK " + l.href);
      }
    }
  }
  out.insert(out.end(), anchors.begin(), anchors.end());
  std::string text;
  for (const auto& line : out) text += line + "\n";
  return text;
}

std::string pandoc_summary(const std::string& docx) {
  auto r = test::run("pandoc -f docx -t json " + quote(docx) + " | python3 " +
                     quote(test::data_path("docx/pandoc_summary.py")));
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

int count_prefix(const std::string& text, const std::string& prefix) {
  int n = 0;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) n += line.starts_with(prefix);
  return n;
}

TEST_F(SampleDocx, PandocFindsHeadingsNestedBulletsAndLinks) {
  if (!test::have_program("pandoc") || !test::have_program("python3")) {
    GTEST_SKIP() << "needs pandoc and python3";
  }
  const std::string summary = pandoc_summary(docx_path());
  EXPECT_EQ(count_prefix(summary, "H1 "), 6);
  EXPECT_EQ(count_prefix(summary, "H2 "), 11);
  EXPECT_EQ(count_prefix(summary, "LINK "), 19);  // 21 link lines, two repeated on their slide
  EXPECT_EQ(count_prefix(summary, "ITEM "), 57);
  EXPECT_EQ(count_prefix(summary, "ANCHOR "), 17);  // the contents, each reaching its heading
  EXPECT_EQ(summary, expected_summary(load_sample()));
}

TEST_F(SampleDocx, FlatOpcZippedReadsTheSameInPandoc) {
  if (!test::have_program("pandoc") || !test::have_program("python3") ||
      !test::have_program("zip")) {
    GTEST_SKIP() << "needs pandoc, python3 and zip";
  }
  EXPECT_EQ(pandoc_summary(flat_zipped()), pandoc_summary(docx_path()));
}

std::string no_space(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

// pdftotext's text of a PDF without the running header (the first line of
// every page but the cover) and the page number (`3 / 6`, the last line), and with
// all white space removed (LibreOffice wraps and spaces CJK text).
std::string pdf_text_without_margins(const std::string& pdf, const std::string& header) {
  auto r = test::run("pdftotext " + quote(pdf) + " -");
  EXPECT_EQ(r.status, 0) << r.err;
  std::string out;
  std::istringstream pages(r.out);
  std::string page;
  for (int n = 1; std::getline(pages, page, '\f'); ++n) {
    std::vector<std::string> lines;
    std::istringstream in(page);
    std::string line;
    while (std::getline(in, line)) {
      if (!no_space(line).empty()) lines.push_back(no_space(line));
    }
    if (n > 1 && !lines.empty() && lines.front() == header) lines.erase(lines.begin());
    if (!lines.empty() && std::regex_match(lines.back(), std::regex(R"(\d+/\d+)"))) {
      lines.pop_back();
    }
    for (const auto& l : lines) out += l;
  }
  return out;
}

void collect_texts(const std::vector<item>& items, std::vector<std::string>& out) {
  for (const auto& it : items) {
    out.push_back(it.text);
    collect_texts(it.children, out);
  }
}

// On a machine without the style's font (a fontconfig that sees only
// DejaVu), LibreOffice renders the text with the embedded subset.
TEST_F(SampleDocx, LibreOfficeUsesTheEmbeddedFontWhereItIsNotInstalled) {
  if (!test::have_program("soffice") || !test::have_program("pdffonts") ||
      !test::have_program("fc-list") || !fs::exists("/usr/share/fonts/truetype/dejavu")) {
    GTEST_SKIP() << "needs soffice, pdffonts, fc-list and fonts-dejavu-core";
  }
  test::temp_dir tmp;
  test::write_all(tmp / "fonts.conf",
                  "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                  "<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>" +
                      tmp.path() + "/fc-cache</cachedir></fontconfig>\n");
  const std::string env =
      "HOME=" + quote(tmp.path()) + " FONTCONFIG_FILE=" + quote(tmp / "fonts.conf") + " ";
  auto fonts = test::run(env + "fc-list");
  ASSERT_EQ(fonts.status, 0) << fonts.err;
  ASSERT_THAT(fonts.out, Not(HasSubstr("WenQuanYi")));  // the font is missing here
  auto r = test::run(env + "soffice -env:UserInstallation=file://" + tmp.path() +
                     "/profile --headless --convert-to pdf --outdir " + quote(tmp / "pdf") + " " +
                     quote(docx_path()));
  ASSERT_EQ(r.status, 0) << r.err;
  auto used = test::run("pdffonts " + quote(tmp / "pdf/ai-2019-review.pdf"));
  ASSERT_EQ(used.status, 0) << used.err;
  EXPECT_THAT(used.out, HasSubstr("WenQuanYiMicroHei"));
  EXPECT_THAT(used.out, Not(HasSubstr("DejaVuSans-Bold")));  // what it substitutes otherwise
}

// mammoth (the DOCX to HTML converter many web tools use) reads the
// headings, bullets and links.
TEST_F(SampleDocx, MammothReadsHeadingsBulletsAndLinks) {
  if (!test::have_program("mammoth")) {
    GTEST_SKIP() << "needs mammoth (npm; scripts/setup.sh --test installs it)";
  }
  test::temp_dir tmp;
  auto r = test::run("mammoth " + quote(docx_path()) + " " + quote(tmp / "out.html"));
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string html = test::read_all(tmp / "out.html");
  const report doc = load_sample();
  auto has = [&](const std::string& piece) { return html.find(piece) != std::string::npos; };
  // Headings carry their bookmark: <h1><a id="_Toc1"></a>01 ...</h1>.
  const section& first = doc.sections[0];
  EXPECT_TRUE(has("</a>" + *first.number + " " + first.title + "</h1>")) << first.title;
  EXPECT_TRUE(has("</a>" + first.slides[0].title + "</h2>")) << first.slides[0].title;
  int items = 0;
  for (std::size_t at = 0; (at = html.find("<li>", at)) != std::string::npos; ++at) ++items;
  EXPECT_EQ(items, 57);
  const std::string href = first.slides[0].links[0].href;
  EXPECT_TRUE(has("<a href=\"" + href.substr(0, href.find('&')))) << href;
}

TEST_F(SampleDocx, LibreOfficePdfShowsEveryTitleBulletAndLink) {
  if (!test::have_program("soffice") || !test::have_program("pdftotext")) {
    GTEST_SKIP() << "needs soffice (libreoffice-writer-nogui) and pdftotext (poppler-utils)";
  }
  test::temp_dir tmp;
  auto r = test::run("soffice -env:UserInstallation=file://" + tmp.path() +
                     "/profile --headless --convert-to pdf --outdir " + quote(tmp / "pdf") + " " +
                     quote(docx_path()));
  ASSERT_EQ(r.status, 0) << r.err;
  const report doc = load_sample();
  const std::string text =
      pdf_text_without_margins(tmp / "pdf/ai-2019-review.pdf", no_space(doc.meta.title));
  // Never trust the exit status alone: a file LibreOffice cannot read
  // becomes a PDF of its XML source.
  EXPECT_EQ(text.find("w:document"), std::string::npos);
  std::vector<std::string> expected = {doc.meta.title, doc.meta.subtitle};
  int bullets = 0;
  for (const auto& sec : doc.sections) {
    expected.push_back(sec.title);
    for (const auto& sl : sec.slides) {
      expected.push_back(sl.title);
      std::vector<std::string> texts;
      collect_texts(sl.items, texts);
      bullets += static_cast<int>(texts.size());
      expected.insert(expected.end(), texts.begin(), texts.end());
      for (const auto& l : sl.links) expected.push_back(link_label(l.href));
    }
  }
  EXPECT_EQ(bullets, 57);
  for (const auto& e : expected) {
    EXPECT_NE(text.find(no_space(e)), std::string::npos) << "missing from the PDF: " << e;
  }
}

// ---- the writer, in-process ------------------------------------------------

report small_report() {
  report r;
  r.source = "small.txt";
  r.meta.title = "Small";
  r.meta.lang = "en";
  section numbered;
  numbered.number = "01";
  numbered.title = "Numbered";
  numbered.line = 1;
  slide s;
  s.title = "Slide";
  s.line = 3;
  item top;
  top.level = 1;
  top.line = 4;
  top.text = "Top";
  item child;
  child.level = 2;
  child.line = 5;
  child.text = "Child";
  item grandchild;
  grandchild.level = 3;
  grandchild.line = 6;
  grandchild.text = "Grandchild";
  child.children.push_back(grandchild);
  top.children.push_back(child);
  s.items.push_back(top);
  s.links.push_back({"https://www.youtube.com/watch?v=t45S_MwAcOw&t=527s", 7});
  numbered.slides.push_back(s);
  r.sections.push_back(numbered);
  section unnumbered;
  unnumbered.title = "Unnumbered";
  unnumbered.line = 8;
  r.sections.push_back(unnumbered);
  return r;
}

TEST(DocxWriter, SectionsAreHeading1WithTheirNumberAndSlidesHeading2) {
  report r = small_report();
  section untitled;  // content before any divider
  slide untitled_slide;
  item it;
  it.text = "Loose";
  it.line = 1;
  untitled_slide.items.push_back(it);
  untitled.slides.push_back(untitled_slide);
  r.sections.insert(r.sections.begin(), untitled);
  diagnostics diags;
  auto pkg = docx::build_package(r, default_style(), diags);
  const auto& doc = part_xml(pkg, "/word/document.xml");
  EXPECT_EQ(paragraphs_with_style(doc, "Heading1"),
            (std::vector<std::string>{"01 Numbered", "Unnumbered"}));
  EXPECT_EQ(paragraphs_with_style(doc, "Heading2"), std::vector<std::string>{"Slide"});
  // The untitled section starts its page through its first paragraph.
  EXPECT_EQ(query(doc, "//w:p[w:pPr/w:pageBreakBefore][.//w:t='Loose']").empty(), false);
  EXPECT_TRUE(diags.all().empty());
}

// document.xml is written slide by slide, never held whole as a tree: its
// bytes must be what printing the whole tree gives, in the zip's raw form
// and in the Flat OPC's indented one, with and without the QR namespaces.
TEST(DocxWriter, DocumentWrittenSlideBySlideIsWhatTheWholeTreePrints) {
  for (const bool qr : {false, true}) {
    style look = default_style();
    look.qr_codes = qr;
    diagnostics diags;
    const auto pkg = docx::build_package(load_sample(), look, diags);
    const docx::part* document = nullptr;
    for (const auto& p : pkg.parts) {
      if (p.name == "/word/document.xml") document = &p;
    }
    ASSERT_NE(document, nullptr);
    ASSERT_TRUE(document->written);
    ASSERT_GT(document->file.pieces().size(), 1u) << "the sample is small: pieces of 16 KiB";
    const std::string file = document->file.joined();
    pugi::xml_document whole;
    ASSERT_TRUE(whole.load_string(file.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    std::ostringstream raw_form, nested_form;
    raw_form << docx::xml_declaration;
    whole.save(raw_form, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    whole.document_element().print(nested_form, " ", pugi::format_indent, pugi::encoding_utf8, 3);
    EXPECT_TRUE(raw_form.str() == file) << "qr " << qr;
    EXPECT_TRUE(nested_form.str() == document->nested.joined()) << "qr " << qr;
    EXPECT_EQ(whole.select_nodes("//w:body/w:p").size() > 100, true);
  }
}

TEST(DocxWriter, BulletsAreListParagraphsOfThreeLevels) {
  diagnostics diags;
  style look = default_style();
  look.bullets = {"A", "B", "C"};
  auto pkg = docx::build_package(small_report(), look, diags);
  const auto& doc = part_xml(pkg, "/word/document.xml");
  const auto& numbering = part_xml(pkg, "/word/numbering.xml");
  std::vector<std::string> levels;
  for (const auto& p : doc.select_nodes("//w:p[w:pPr/w:numPr]")) {
    levels.push_back(std::string(p.node().select_node(".//w:t").node().text().get()) + "@" +
                     p.node().select_node(".//w:ilvl/@w:val").attribute().value());
  }
  EXPECT_EQ(levels, (std::vector<std::string>{"Top@0", "Child@1", "Grandchild@2"}));
  std::vector<std::string> glyphs;
  for (const auto& g : numbering.select_nodes("//w:lvl/w:lvlText/@w:val")) {
    glyphs.push_back(g.attribute().value());
  }
  EXPECT_EQ(glyphs, (std::vector<std::string>{"A", "B", "C"}));
}

TEST(DocxWriter, LinksAreHyperlinksWithTheShortLabelUnderTheirSlide) {
  diagnostics diags;
  auto pkg = docx::build_package(small_report(), default_style(), diags);
  const auto& doc = part_xml(pkg, "/word/document.xml");
  const std::string href = "https://www.youtube.com/watch?v=t45S_MwAcOw&t=527s";
  EXPECT_EQ(paragraphs_with_style(doc, "LinkLine"), std::vector<std::string>{link_label(href)});
  EXPECT_EQ(link_label(href), "youtu.be/t45S_MwAcOw ▶ 8:47");
  pugi::xml_node link =
      doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='LinkLine']/w:hyperlink").node();
  ASSERT_TRUE(link);
  std::string id = link.attribute("r:id").value();
  const auto& rels = part_xml(pkg, "/word/_rels/document.xml.rels");
  pugi::xml_node rel = rels.select_node(("//Relationship[@Id='" + id + "']").c_str()).node();
  EXPECT_EQ(std::string(rel.attribute("Target").value()), href);
  EXPECT_EQ(std::string(rel.attribute("TargetMode").value()), "External");
  EXPECT_EQ(std::string(link.select_node(".//w:rStyle/@w:val").attribute().value()), "Hyperlink");
  // The link line follows the slide's last bullet.
  pugi::xml_node before = link.parent().previous_sibling();
  EXPECT_EQ(std::string(before.select_node(".//w:t").node().text().get()), "Grandchild");
}

TEST(DocxWriter, UrlsInBulletTextBecomeHyperlinks) {
  report r = small_report();
  item& top = r.sections[0].slides[0].items[0];
  top.text = "See https://example.org/a for more";
  top.urls = {{4, 21}};
  diagnostics diags;
  auto pkg = docx::build_package(r, default_style(), diags);
  const auto& doc = part_xml(pkg, "/word/document.xml");
  pugi::xml_node p = doc.select_node("//w:p[w:pPr/w:numPr][1]").node();
  std::string text;
  for (const auto& t : p.select_nodes(".//w:t")) text += t.node().text().get();
  EXPECT_EQ(text, "See https://example.org/a for more");
  EXPECT_EQ(std::string(p.select_node("w:hyperlink//w:t").node().text().get()),
            "https://example.org/a");
}

TEST(DocxWriter, HyperlinksOfIrisTargetTheirUri) {
  report r = small_report();
  item& top = r.sections[0].slides[0].items[0];
  top.text = "见https://例子.测试/路径";
  top.urls = {{3, top.text.size() - 3}};
  r.sections[0].slides[0].links = {{"https://zh.wikipedia.org/wiki/机器学习", 9}};
  diagnostics diags;
  auto pkg = docx::build_package(r, default_style(), diags);
  std::vector<std::string> targets;
  for (const auto& t : part_xml(pkg, "/word/_rels/document.xml.rels")
                           .select_nodes("//Relationship[@TargetMode='External']/@Target")) {
    targets.emplace_back(t.attribute().value());
  }
  EXPECT_EQ(targets, (std::vector<std::string>{
                         "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84",
                         "https://zh.wikipedia.org/wiki/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0"}));
}

TEST(DocxWriter, ContentsIsATocFieldWithAHeadingThatIsNoHeading) {
  diagnostics diags;
  const std::vector<int> no_pages;
  auto pkg = docx::build_package(small_report(), default_style(), diags, &no_pages);
  const auto& doc = part_xml(pkg, "/word/document.xml");
  EXPECT_EQ(std::string(doc.select_node("//w:instrText").node().text().get()),
            R"( TOC \o "1-2" \h )");
  EXPECT_EQ(paragraphs_with_style(doc, "TOCHeading"), std::vector<std::string>{"Contents"});
  EXPECT_EQ(paragraphs_with_style(doc, "TOC1"),
            (std::vector<std::string>{"01 Numbered", "Unnumbered"}));
  EXPECT_EQ(paragraphs_with_style(doc, "TOC2"), std::vector<std::string>{"Slide"});
  const auto& styles = part_xml(pkg, "/word/styles.xml");
  EXPECT_EQ(query(styles, "//w:style[@w:styleId='TOCHeading']//w:outlineLvl"), "");
  EXPECT_EQ(attribute(styles, "//w:style[@w:styleId='Heading1']//w:outlineLvl", "w:val"), "0");
  EXPECT_EQ(attribute(styles, "//w:style[@w:styleId='Heading2']//w:outlineLvl", "w:val"), "1");
  EXPECT_EQ(attribute(styles, "//w:style[@w:styleId='Heading1']/w:name", "w:val"), "heading 1");
}

// The cached contents carry page numbers: those given (the PDF's, when it
// was rendered first), else handout's own pagination of the same style.
TEST(DocxWriter, ContentsEntriesShowTheirPageAfterTheDottedTab) {
  diagnostics diags;
  const std::vector<int> pages = {3, 3, 4};  // 01 Numbered, Slide, Unnumbered
  auto pkg = docx::build_package(small_report(), default_style(), diags, &pages);
  const auto& doc = part_xml(pkg, "/word/document.xml");
  EXPECT_EQ(paragraphs_with_style(doc, "TOC1"),
            (std::vector<std::string>{"01 Numbered3", "Unnumbered4"}));
  EXPECT_EQ(paragraphs_with_style(doc, "TOC2"), std::vector<std::string>{"Slide3"});
  EXPECT_EQ(doc.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='TOC1']/w:hyperlink/w:r/w:tab").size(),
            2u);
  EXPECT_EQ(attribute(part_xml(pkg, "/word/styles.xml"), "//w:style[@w:styleId='TOC1']//w:tab",
                      "w:leader"),
            "dot");
}

TEST(DocxWriter, WithoutGivenPagesTheContentsArePaginatedAsThePdf) {
  if (!font_installed("WenQuanYi Micro Hei")) GTEST_SKIP() << "needs fonts-wqy-microhei";
  diagnostics diags;
  const report r = load_sample();
  auto pkg = docx::build_package(r, default_style(), diags);
  std::vector<int> numbers;
  for (const auto& t :
       part_xml(pkg, "/word/document.xml")
           .select_nodes("//w:p[w:pPr/w:pStyle/@w:val='TOC1' or w:pPr/w:pStyle/@w:val='TOC2']"
                         "/w:hyperlink/w:r[w:tab]/following-sibling::w:r[1]/w:t")) {
    numbers.push_back(std::stoi(t.node().text().get()));
  }
  ASSERT_EQ(numbers.size(), 17u);  // every heading
  EXPECT_EQ(numbers.front(), 3);   // after the cover and the contents page
  EXPECT_TRUE(std::is_sorted(numbers.begin(), numbers.end()));
  EXPECT_EQ(numbers.back(), 6);  // the sample's PDF has 6 pages
}

TEST(DocxWriter, PageLookAndPartsComeFromTheStyle) {
  style look = default_style();
  look.page_width = 500;
  look.page_height = 700;
  look.margin_left = 30;
  look.margin_top = 40;
  look.fonts = {{"", "/some/file.ttf", 0}, {"Noto Sans CJK SC", "", 0}};
  look.heading_color = hex_rgb(0x123456);
  look.heading1_size = 20;
  look.justify = false;
  look.cjk_latin_space = false;
  diagnostics diags;
  auto pkg = docx::build_package(small_report(), look, diags);
  const auto& doc = part_xml(pkg, "/word/document.xml");
  const auto& styles = part_xml(pkg, "/word/styles.xml");
  EXPECT_EQ(attribute(doc, "//w:sectPr/w:pgSz", "w:w"), "10000");
  EXPECT_EQ(attribute(doc, "//w:sectPr/w:pgSz", "w:h"), "14000");
  EXPECT_EQ(attribute(doc, "//w:sectPr/w:pgMar", "w:left"), "600");
  EXPECT_EQ(attribute(doc, "//w:sectPr/w:pgMar", "w:top"), "800");
  EXPECT_EQ(attribute(styles, "//w:rPrDefault//w:rFonts", "w:eastAsia"), "Noto Sans CJK SC");
  EXPECT_EQ(attribute(styles, "//w:style[@w:styleId='Heading1']//w:color", "w:val"), "123456");
  EXPECT_EQ(attribute(styles, "//w:style[@w:styleId='Heading1']//w:sz", "w:val"), "40");
  EXPECT_EQ(query(styles, "//w:style[@w:styleId='Normal']//w:jc"), "");
  EXPECT_EQ(attribute(styles, "//w:style[@w:styleId='Normal']//w:autoSpaceDE", "w:val"), "0");

  look.cover = look.contents = look.header = look.footer = false;
  pkg = docx::build_package(small_report(), look, diags);
  const auto& bare = part_xml(pkg, "/word/document.xml");
  EXPECT_TRUE(paragraphs_with_style(bare, "Title").empty());
  EXPECT_EQ(query(bare, "//w:instrText"), "");
  EXPECT_EQ(query(bare, "//w:headerReference | //w:footerReference | //w:titlePg"), "");
  EXPECT_FALSE(has_part(pkg, "/word/header1.xml"));
  EXPECT_FALSE(has_part(pkg, "/word/footer1.xml"));
}

TEST(DocxWriter, ChineseGetsEastAsianFontLanguageAndRunHints) {
  report r = small_report();
  r.meta.lang = "zh-CN";
  r.sections[0].slides[0].items[0].text = "中文 text";
  diagnostics diags;
  auto pkg = docx::build_package(r, default_style(), diags);
  const auto& styles = part_xml(pkg, "/word/styles.xml");
  const auto& doc = part_xml(pkg, "/word/document.xml");
  EXPECT_EQ(attribute(styles, "//w:rPrDefault//w:lang", "w:eastAsia"), "zh-CN");
  EXPECT_EQ(attribute(styles, "//w:rPrDefault//w:rFonts", "w:eastAsia"), "WenQuanYi Micro Hei");
  const auto& fonts = part_xml(pkg, "/word/fontTable.xml");
  EXPECT_EQ(attribute(fonts, "//w:font", "w:name"), "WenQuanYi Micro Hei");
  EXPECT_EQ(attribute(fonts, "//w:font/w:charset", "w:val"), "86");  // GB2312
  EXPECT_EQ(attribute(doc, "//w:r[w:t='中文 text']/w:rPr/w:rFonts", "w:hint"), "eastAsia");
  EXPECT_EQ(query(doc, "//w:r[w:t='Child']/w:rPr/w:rFonts"), "");
  EXPECT_EQ(paragraphs_with_style(doc, "TOCHeading"), std::vector<std::string>{"目录"});
}

TEST(DocxWriter, ControlCharactersAreDroppedWithAWarning) {
  report r = small_report();
  r.sections[0].slides[0].items[0].text = "Bell\x07 and\x1B escape";
  r.sections[0].slides[0].title = "Bad\x01title";
  r.meta.title = "Title\x02";  // on the cover, in the header and the properties: one warning
  diagnostics diags;
  auto pkg = docx::build_package(r, default_style(), diags);
  const std::string flat = docx::to_flat_opc(pkg);
  EXPECT_THAT(flat, HasSubstr("Bell and escape"));
  EXPECT_THAT(flat, HasSubstr("Badtitle"));
  EXPECT_THAT(flat, Not(HasSubstr("&#")));
  EXPECT_EQ(flat.find('\x07'), std::string::npos);
  pugi::xml_document reread;
  EXPECT_TRUE(reread.load_string(flat.c_str()));
  std::vector<std::string> messages;
  for (const auto& d : diags.all()) {
    EXPECT_EQ(d.level, severity::warning);
    messages.push_back(format(d));
  }
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr(
                            "small.txt:4: warning: docx: dropped 2 character(s) that XML 1.0 "
                            "cannot carry from a bullet (first: U+0007)")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("small.txt:3: warning:")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("small.txt: warning: docx: dropped 1 "
                                                      "character(s) that XML 1.0 cannot carry "
                                                      "from the title (first: U+0002)")));
  EXPECT_EQ(messages.size(), 3u);
}

TEST(DocxWriter, CorePropertiesComeFromTheMetadataNeverTheClock) {
  report r = small_report();
  r.meta.author = "Ada";
  r.meta.date = "2019-12-31";
  diagnostics diags;
  auto pkg = docx::build_package(r, default_style(), diags);
  const auto& core = part_xml(pkg, "/docProps/core.xml");
  EXPECT_EQ(std::string(core.select_node("//dc:title").node().text().get()), "Small");
  EXPECT_EQ(std::string(core.select_node("//dc:creator").node().text().get()), "Ada");
  EXPECT_EQ(std::string(core.select_node("//dcterms:created").node().text().get()),
            "2019-12-31T00:00:00Z");
  EXPECT_EQ(attribute(core, "//dcterms:modified", "xsi:type"), "dcterms:W3CDTF");
  EXPECT_EQ(paragraphs_with_style(part_xml(pkg, "/word/document.xml"), "Date"),
            std::vector<std::string>{"2019-12-31"});

  r.meta.date.clear();
  pkg = docx::build_package(r, default_style(), diags);
  EXPECT_EQ(query(part_xml(pkg, "/docProps/core.xml"), "//dcterms:created"), "");
}

TEST(DocxWriter, HeaderShowsTitleAndSectionFooterShowsPageOfPages) {
  diagnostics diags;
  auto pkg = docx::build_package(small_report(), default_style(), diags);
  auto instructions = [&](const char* name) {
    std::vector<std::string> out;
    for (const auto& t : part_xml(pkg, name).select_nodes("//w:instrText")) {
      out.push_back(t.node().text().get());
    }
    return out;
  };
  EXPECT_EQ(instructions("/word/header1.xml"), std::vector<std::string>{" STYLEREF 1 "});
  EXPECT_EQ(instructions("/word/footer1.xml"), (std::vector<std::string>{" PAGE ", " NUMPAGES "}));
  // The field's cached result is the first section's title (one header part
  // serves every page), which readers that do not update fields show.
  EXPECT_EQ(paragraphs_with_style(part_xml(pkg, "/word/header1.xml"), "Header"),
            std::vector<std::string>{"Small01 Numbered"});
  EXPECT_EQ(query(part_xml(pkg, "/word/header1.xml"),
                  "//w:r[w:fldChar/@w:fldCharType='separate']/following-sibling::w:r[1]/w:t"),
            "<w:t>01 Numbered</w:t>");
  // The cover page has neither.
  EXPECT_NE(query(part_xml(pkg, "/word/document.xml"), "//w:sectPr/w:titlePg"), "");
}

// ---- fonts -----------------------------------------------------------------

const docx::part* find_part(const docx::package& pkg, const std::string& name) {
  for (const auto& p : pkg.parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

TEST(DocxFonts, ObfuscationXorsTheKeyLastByteFirstOverThe32FirstBytes) {
  std::string data(40, '\0');
  const std::string key = "{00112233-4455-6677-8899-AABBCCDDEEFF}";
  const std::string out = docx::deobfuscate_font(data, key);  // XOR: its own inverse
  EXPECT_EQ(static_cast<unsigned char>(out[0]), 0xFF);
  EXPECT_EQ(static_cast<unsigned char>(out[1]), 0xEE);
  EXPECT_EQ(static_cast<unsigned char>(out[15]), 0x00);
  EXPECT_EQ(static_cast<unsigned char>(out[16]), 0xFF);
  EXPECT_EQ(static_cast<unsigned char>(out[31]), 0x00);
  EXPECT_EQ(out.substr(32), std::string(8, '\0'));
  EXPECT_EQ(docx::deobfuscate_font(out, key), data);
}

TEST(DocxFonts, FontKeyIsAGuidDerivedFromTheFontBytes) {
  const auto a = docx::obfuscate_font(std::string(64, 'a'));
  const auto again = docx::obfuscate_font(std::string(64, 'a'));
  const auto b = docx::obfuscate_font(std::string(64, 'b'));
  EXPECT_TRUE(std::regex_match(
      a.font_key,
      std::regex(R"(\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\})")))
      << a.font_key;
  EXPECT_EQ(a.font_key, again.font_key);
  EXPECT_EQ(a.data, again.data);
  EXPECT_NE(a.font_key, b.font_key);
  EXPECT_EQ(docx::deobfuscate_font(a.data, a.font_key), std::string(64, 'a'));
}

TEST(DocxFonts, TheStylesFontIsEmbeddedAsAnObfuscatedSubset) {
  if (!font_installed("WenQuanYi Micro Hei")) GTEST_SKIP() << "needs fonts-wqy-microhei";
  diagnostics diags;
  auto pkg = docx::build_package(small_report(), default_style(), diags);
  EXPECT_TRUE(diags.all().empty()) << format(diags.all().at(0));
  const auto& table = part_xml(pkg, "/word/fontTable.xml");
  const std::string key =
      attribute(table, "//w:font[@w:name='WenQuanYi Micro Hei']/w:embedRegular", "w:fontKey");
  ASSERT_FALSE(key.empty()) << query(table, "/w:fonts");
  EXPECT_EQ(attribute(table, "//w:embedRegular", "w:subsetted"), "true");
  const std::string rel = attribute(table, "//w:embedRegular", "r:id");
  EXPECT_EQ(attribute(part_xml(pkg, "/word/_rels/fontTable.xml.rels"),
                      ("//Relationship[@Id='" + rel + "']").c_str(), "Target"),
            "fonts/font1.odttf");
  const docx::part* font = find_part(pkg, "/word/fonts/font1.odttf");
  ASSERT_NE(font, nullptr);
  EXPECT_EQ(font->content_type, "application/vnd.openxmlformats-officedocument.obfuscatedFont");
  const std::string ttf = docx::deobfuscate_font(font->data, key);
  EXPECT_EQ(ttf.substr(0, 4), std::string("\0\1\0\0", 4));  // a TrueType font once undone
  EXPECT_NE(font->data.substr(0, 32), ttf.substr(0, 32));
  EXPECT_EQ(font->data.substr(32), ttf.substr(32));
  EXPECT_EQ(docx::obfuscate_font(ttf).font_key, key);  // the key comes from the bytes
  // A subset: a small part of the 5 MB font.
  EXPECT_LT(font->data.size(), 400'000u);
  // The fonts travel with the document.
  const auto& settings = part_xml(pkg, "/word/settings.xml");
  EXPECT_NE(query(settings, "//w:embedTrueTypeFonts"), "");
  EXPECT_NE(query(settings, "//w:saveSubsetFonts"), "");
  EXPECT_EQ(attribute(table, "//w:font/w:charset", "w:val"), "86");
  EXPECT_EQ(attribute(table, "//w:font/w:altName", "w:val"), "文泉驿微米黑");
  EXPECT_EQ(attribute(table, "//w:font/w:family", "w:val"), "swiss");
  EXPECT_EQ(attribute(table, "//w:font/w:panose1", "w:val").size(), 20u);
}

TEST(DocxFonts, SubsetHoldsEveryCharacterTheDocumentShows) {
  if (!font_installed("WenQuanYi Micro Hei") || !test::have_program("fc-scan")) {
    GTEST_SKIP() << "needs fonts-wqy-microhei and fc-scan";
  }
  report r = small_report();
  r.sections[0].slides[0].items[0].text = "汉字 Top";
  diagnostics diags;
  auto pkg = docx::build_package(r, default_style(), diags);
  const auto& table = part_xml(pkg, "/word/fontTable.xml");
  const docx::part* font = find_part(pkg, "/word/fonts/font1.odttf");
  ASSERT_NE(font, nullptr);
  test::temp_dir tmp;
  test::write_all(
      tmp / "f.ttf",
      docx::deobfuscate_font(font->data, attribute(table, "//w:embedRegular", "w:fontKey")));
  auto scan = test::run("fc-scan --format '%{family}|%{charset}' " + quote(tmp / "f.ttf"));
  ASSERT_EQ(scan.status, 0) << scan.err;
  EXPECT_THAT(scan.out, HasSubstr("WenQuanYi Micro Hei|"));
  // fontconfig's charset: hex ranges; 汉 is U+6C49, 字 U+5B57, and ASCII is there.
  EXPECT_THAT(scan.out, HasSubstr("6c49"));
  EXPECT_THAT(scan.out, HasSubstr("5b57"));
  EXPECT_THAT(scan.out, HasSubstr("20-7e"));
  EXPECT_THAT(scan.out, Not(HasSubstr("4e00")));  // 一 is not in the document
}

TEST(DocxFonts, LatinAndEastAsianSlotsTakeTheFirstFontOfTheirScript) {
  if (!font_installed("WenQuanYi Micro Hei") || !font_installed("DejaVu Sans")) {
    GTEST_SKIP() << "needs fonts-wqy-microhei and fonts-dejavu-core";
  }
  style look = default_style();
  look.fonts = {{"DejaVu Sans", "", 0}, {"WenQuanYi Micro Hei", "", 0}};
  diagnostics diags;
  auto pkg = docx::build_package(small_report(), look, diags);
  const auto& styles = part_xml(pkg, "/word/styles.xml");
  EXPECT_EQ(attribute(styles, "//w:docDefaults//w:rFonts", "w:ascii"), "DejaVu Sans");
  EXPECT_EQ(attribute(styles, "//w:docDefaults//w:rFonts", "w:hAnsi"), "DejaVu Sans");
  EXPECT_EQ(attribute(styles, "//w:docDefaults//w:rFonts", "w:eastAsia"), "WenQuanYi Micro Hei");
  const auto& table = part_xml(pkg, "/word/fontTable.xml");
  EXPECT_EQ(attribute(table, "//w:font[@w:name='DejaVu Sans']/w:charset", "w:val"), "00");
  EXPECT_EQ(attribute(table, "//w:font[@w:name='DejaVu Sans']/w:family", "w:val"), "swiss");
  EXPECT_EQ(attribute(table, "//w:font[@w:name='WenQuanYi Micro Hei']/w:charset", "w:val"), "86");
  EXPECT_EQ(table.select_nodes("//w:embedRegular").size(), 2u);
  EXPECT_NE(find_part(pkg, "/word/fonts/font2.odttf"), nullptr);
}

TEST(DocxFonts, FontThatCannotBeOpenedIsNamedNotEmbeddedWithAWarning) {
  style look = default_style();
  look.fonts = {{"No Such Font Family", "", 0}};
  diagnostics diags;
  auto pkg = docx::build_package(small_report(), look, diags);
  ASSERT_FALSE(diags.all().empty());
  EXPECT_EQ(diags.all()[0].level, severity::warning);
  EXPECT_THAT(diags.all()[0].message, HasSubstr("names the font without embedding it"));
  const auto& table = part_xml(pkg, "/word/fontTable.xml");
  EXPECT_NE(query(table, "//w:font[@w:name='No Such Font Family']"), "");
  EXPECT_EQ(query(table, "//w:embedRegular"), "");
  EXPECT_EQ(query(part_xml(pkg, "/word/settings.xml"), "//w:embedTrueTypeFonts"), "");
  EXPECT_FALSE(has_part(pkg, "/word/_rels/fontTable.xml.rels"));
}

// ---- contrast and QR codes ---------------------------------------------------

TEST(DocxWriter, HeaderAndFooterTextIsTheMutedTextColourNotTheRuleColour) {
  diagnostics diags;
  auto pkg = docx::build_package(small_report(), default_style(), diags);
  const auto& styles = part_xml(pkg, "/word/styles.xml");
  for (const char* id : {"Header", "Footer"}) {
    const std::string xpath = std::string("//w:style[@w:styleId='") + id + "']/w:rPr/w:color";
    const std::string colour = attribute(styles, xpath.c_str(), "w:val");
    ASSERT_EQ(colour.size(), 6u) << id;
    EXPECT_NE(colour, "999999");
    const rgb c = hex_rgb(static_cast<unsigned>(std::stoul(colour, nullptr, 16)));
    EXPECT_GE(contrast_ratio(c, page_color), min_text_contrast) << id << " " << colour;
  }
}

style handout_style() {
  diagnostics diags;
  auto s = load_style(test::source_dir() + "/styles/handout.yaml", diags);
  EXPECT_TRUE(s);
  return *s;
}

report report_with_video() {
  report r = small_report();
  r.sections[0].slides[0].links = {{"https://youtu.be/h4SS_MwAcOw", 7},
                                   {"https://example.org/a", 8}};
  return r;
}

TEST(DocxQr, HandoutStyleShowsAQrPictureBeforeEachLinkWithAltText) {
  const style look = handout_style();
  ASSERT_TRUE(look.qr_codes);
  diagnostics diags;
  auto pkg = docx::build_package(report_with_video(), look, diags);
  const auto& doc = part_xml(pkg, "/word/document.xml");
  auto pictures = doc.select_nodes("//w:drawing/wp:inline");
  ASSERT_EQ(pictures.size(), 2u);
  EXPECT_EQ(std::string(pictures[0].node().child("wp:docPr").attribute("descr").value()),
            "QR code: youtu.be/h4SS_MwAcOw");
  EXPECT_EQ(std::string(pictures[1].node().child("wp:docPr").attribute("descr").value()),
            "QR code: example.org/a");
  EXPECT_NE(std::string(pictures[0].node().child("wp:docPr").attribute("id").value()),
            std::string(pictures[1].node().child("wp:docPr").attribute("id").value()));
  // The label beside the code at its middle: raised (46 / 2 - 0.35 * 9.5) pt, in half points.
  EXPECT_EQ(attribute(doc, "//w:hyperlink[1]//w:position", "w:val"), "39");
  // qr_size 46pt: 584200 EMU square.
  EXPECT_EQ(std::string(pictures[0].node().child("wp:extent").attribute("cx").value()), "584200");
  const std::string rel = attribute(doc, "//a:blip", "r:embed");
  EXPECT_EQ(attribute(part_xml(pkg, "/word/_rels/document.xml.rels"),
                      ("//Relationship[@Id='" + rel + "']").c_str(), "Target"),
            "media/qr1.png");
  const docx::part* png = find_part(pkg, "/word/media/qr1.png");
  ASSERT_NE(png, nullptr);
  EXPECT_EQ(png->content_type, "image/png");
  EXPECT_EQ(png->data.substr(0, 8), "\x89PNG\r\n\x1a\n");
  // The same link gives the same bytes.
  auto again = docx::build_package(report_with_video(), look, diags);
  EXPECT_TRUE(find_part(again, "/word/media/qr1.png")->data == png->data);
}

TEST(DocxQr, QrPictureDecodesToTheLink) {
  if (!test::have_program("zbarimg")) GTEST_SKIP() << "needs zbarimg (zbar-tools)";
  diagnostics diags;
  auto pkg = docx::build_package(report_with_video(), handout_style(), diags);
  test::temp_dir tmp;
  test::write_all(tmp / "qr.png", find_part(pkg, "/word/media/qr1.png")->data);
  auto r = test::run("zbarimg --quiet --raw " + quote(tmp / "qr.png"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "https://youtu.be/h4SS_MwAcOw\n");
}

TEST(DocxQr, StylesWithoutQrCodesHaveNoPictures) {
  diagnostics diags;
  auto pkg = docx::build_package(report_with_video(), default_style(), diags);
  EXPECT_EQ(part_xml(pkg, "/word/document.xml").select_nodes("//w:drawing").size(), 0u);
  EXPECT_FALSE(has_part(pkg, "/word/media/qr1.png"));
}

TEST(DocxWriter, LinkTargetsAreEscapedIntoValidUris) {
  report r = small_report();
  r.sections[0].slides[0].links = {{"https://example.org/路径 x?a=\"b\"&c=%20", 7}};
  diagnostics diags;
  auto pkg = docx::build_package(r, default_style(), diags);
  const auto& rels = part_xml(pkg, "/word/_rels/document.xml.rels");
  EXPECT_EQ(attribute(rels, "//Relationship[@TargetMode='External']", "Target"),
            "https://example.org/%E8%B7%AF%E5%BE%84%20x?a=%22b%22&c=%20");
}

// Edge cases the sample does not have, each checked against the schemas.
TEST(DocxWriter, EveryVariantValidatesAgainstTheSchemas) {
  if (!can_validate()) GTEST_SKIP() << "needs ../shared/ooxml-schemas and xmllint";
  test::temp_dir tmp;
  const std::string core = offline_core_schema(tmp);
  std::vector<std::pair<report, style>> variants;
  report empty;
  empty.source = "empty.txt";
  variants.emplace_back(empty, default_style());  // no sections, no title
  style bare = default_style();
  bare.cover = bare.contents = bare.header = bare.footer = bare.justify = false;
  bare.cjk_latin_space = false;
  variants.emplace_back(small_report(), bare);
  report odd = small_report();
  odd.meta = {"标题\x01", "副标题", "作者", "2020-02-29", "zh-TW"};
  odd.sections[0].slides[0].items[0].text = "tab\there, line\nbreak and https://example.org/x";
  odd.sections[0].slides[0].items[0].urls = {{25, 21}};
  odd.sections[0].slides.push_back(slide{});  // an empty untitled slide
  variants.emplace_back(odd, default_style());
  variants.emplace_back(report_with_video(), handout_style());  // QR pictures
  style two_fonts = default_style();
  two_fonts.fonts = {{"DejaVu Sans", "", 0}, {"WenQuanYi Micro Hei", "", 0}};
  variants.emplace_back(small_report(), two_fonts);
  int n = 0;
  for (const auto& [r, look] : variants) {
    diagnostics diags;
    auto pkg = docx::build_package(r, look, diags);
    const std::string dir = tmp / ("v" + std::to_string(++n));
    std::map<std::string, std::vector<std::string>> by_schema;
    for (const auto& p : pkg.parts) {
      const std::string file = dir + p.name;
      fs::create_directories(fs::path(file).parent_path());
      test::write_all(file, docx::part_bytes(p));
      if (is_binary_part(p.name.substr(1))) continue;
      by_schema[schema_for(p.name.substr(1), core)].push_back(file);
    }
    for (const auto& [schema, files] : by_schema) {
      ASSERT_FALSE(schema.empty());
      std::string cmd = "xmllint --noout --nonet --schema " + quote(schema);
      for (const auto& f : files) cmd += " " + quote(f);
      auto v = test::run(cmd);
      EXPECT_EQ(v.status, 0) << "variant " << n << ": " << v.err;
    }
  }
}

// Reusing the PDF's pagination changes nothing: the DOCX alone paginates
// the same way.
TEST(DocxCli, DocxBesideThePdfIsByteIdenticalToTheDocxAlone) {
  test::temp_dir tmp;
  const std::string epoch = "SOURCE_DATE_EPOCH=" + std::string(sample_epoch) + " ";
  auto both = test::run(epoch + test::handout_binary() + " convert " + quote(sample()) + " -o " +
                        quote(tmp / "both") + " --formats pdf,docx");
  ASSERT_EQ(both.status, 0) << both.err;
  auto alone = test::run(epoch + test::handout_binary() + " convert " + quote(sample()) + " -o " +
                         quote(tmp / "alone") + " --formats docx");
  ASSERT_EQ(alone.status, 0) << alone.err;
  EXPECT_TRUE(test::read_all(tmp / "both/ai-2019-review.docx") ==
              test::read_all(tmp / "alone/ai-2019-review.docx"));
}

TEST(DocxCli, DefaultFormatsWriteBothDocxFiles) {
  test::temp_dir tmp;
  auto r = test::run_handout("convert " + quote(sample()) + " -o " + quote(tmp.path()));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(tmp / "ai-2019-review.docx"));
  EXPECT_TRUE(fs::exists(tmp / "ai-2019-review.docx.xml"));
  // Nothing but the outputs: the temp files were renamed away.
  for (const auto& e : fs::directory_iterator(tmp.path())) {
    EXPECT_THAT(e.path().filename().string(), Not(HasSubstr(".tmp-"))) << e.path();
  }
}

}  // namespace
}  // namespace handout
