// The tagged PDF: the structure tree as poppler reads it (pdfinfo
// -struct-text), the objects as qpdf reads them (qpdf --json), and the
// marked content of the pages.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "parse/load.hpp"
#include "render/outline.hpp"
#include "render/pdf/emit_pdf.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/measure.hpp"
#include "render/pdf/structure.hpp"
#include "style.hpp"
#include "test_support.hpp"

namespace handout {
namespace {

using nlohmann::json;
using test::have_program;
using test::quote;
using test::run;

const std::string sample = test::source_dir() + "/input/ai-2019-review.txt";

// Whitespace (ASCII and the ideographic space) removed.
std::string squeeze(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\u3000") == 0) {
      i += 2;
    } else if (!std::isspace(static_cast<unsigned char>(s[i]))) {
      out += s[i];
    }
  }
  return out;
}

// A PDF of `deck` made by the CLI into `dir`, with `style` when not empty.
std::string convert(const test::temp_dir& dir, const std::string& deck,
                    const std::string& style = "") {
  auto r = run("env -u SOURCE_DATE_EPOCH " + test::handout_binary() + " convert " + quote(deck) +
               " -o " + quote(dir.path()) + " --formats pdf -q" +
               (style.empty() ? "" : " --style " + style));
  EXPECT_EQ(r.status, 0) << r.err;
  std::string stem = deck.substr(deck.rfind('/') + 1);
  return dir / (stem.substr(0, stem.rfind('.')) + ".pdf");
}

// An element of `pdfinfo -struct-text`: its type and its text (everything
// below it but nested lists, whitespace removed), in document order.
struct tagged_text {
  std::string type, text;
};

std::vector<tagged_text> struct_text(const std::string& pdf) {
  auto r = run("pdfinfo -struct-text " + quote(pdf));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "") << "poppler complained";
  struct open_element {
    std::size_t depth, index;
  };
  std::vector<tagged_text> out;
  std::vector<open_element> open;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    const std::size_t depth = line.find_first_not_of(' ');
    if (depth == std::string::npos) continue;
    while (!open.empty() && open.back().depth >= depth) open.pop_back();
    if (line[depth] == '"') {
      std::string text = squeeze(line.substr(depth + 1, line.rfind('"') - depth - 1));
      // A hyphen of the text ending a line is drawn as U+2010 (linebreak.cpp).
      for (std::size_t at; (at = text.find("\u2010")) != std::string::npos;)
        text.replace(at, 3, "-");
      for (const open_element& e : open) {
        // Only the elements this text is no nested list's of.
        bool nested = false;
        for (const open_element& below : open) {
          if (below.depth > e.depth && out[below.index].type == "L") nested = true;
        }
        if (!nested) out[e.index].text += text;
      }
    } else if (line.compare(depth, 7, "Object ") != 0 && line.find(':') == std::string::npos) {
      const std::string type = line.substr(depth, line.find(' ', depth) - depth);
      open.push_back({depth, out.size()});
      out.push_back({type, ""});
    }
  }
  return out;
}

// `expected` appear in `actual` in this order, each as an element of its type
// whose text is the expected text (or, when `prefix`, starts with it).
struct expectation {
  std::string type, text;
  bool prefix = false;
};

void expect_in_order(const std::vector<tagged_text>& actual,
                     const std::vector<expectation>& expected) {
  std::size_t at = 0;
  for (const expectation& e : expected) {
    const std::size_t from = at;
    while (at < actual.size() &&
           !(actual[at].type == e.type &&
             (e.prefix ? actual[at].text.compare(0, e.text.size(), e.text) == 0
                       : actual[at].text == e.text))) {
      ++at;
    }
    ASSERT_LT(at, actual.size()) << "no " << e.type << " \"" << e.text << "\" after element "
                                 << from << " (" << actual[std::min(from, actual.size() - 1)].type
                                 << " \"" << actual[std::min(from, actual.size() - 1)].text
                                 << "\")";
    ++at;
  }
}

// What the structure tree must hold of `deck`, in reading order: the
// contents' entries, every section and slide heading at its level, every
// bullet's body, every URL in a bullet and every link under a slide as a Link.
std::vector<expectation> expected_structure(const std::string& deck, bool cover,
                                            bool contents = true) {
  diagnostics diags;
  auto r = load_input(deck, diags);
  EXPECT_TRUE(r);
  if (!r) return {};
  const outline o = plan_outline(*r);
  const int section_level = cover ? 2 : 1;
  std::vector<expectation> out;
  if (cover) out.push_back({"H1", squeeze(r->meta.title)});
  if (contents) {
    for (const heading& h : o.headings) out.push_back({"Link", squeeze(h.text), true});
  }
  std::function<void(const item&)> visit = [&](const item& it) {
    out.push_back({"LBody", squeeze(it.text)});
    for (const url_span& u : it.urls) {
      out.push_back({"Link", squeeze(it.text.substr(u.offset, u.length))});
    }
    for (const item& child : it.children) visit(child);
  };
  for (const section_outline& sec : o.sections) {
    if (sec.heading >= 0) {
      out.push_back({"H" + std::to_string(section_level),
                     squeeze(o.headings[static_cast<std::size_t>(sec.heading)].text)});
    }
    for (const slide_outline& sl : sec.slides) {
      if (sl.heading >= 0) {
        out.push_back({"H" + std::to_string(section_level + (sec.heading >= 0 ? 1 : 0)),
                       squeeze(o.headings[static_cast<std::size_t>(sl.heading)].title)});
      }
      for (const item& it : sl.source->items) visit(it);
      for (const link_row& l : sl.links) out.push_back({"Link", squeeze(l.caption)});
    }
  }
  return out;
}

#define REQUIRE_TOOLS()                                  \
  if (!have_program("pdfinfo") || !have_program("qpdf")) \
  GTEST_SKIP() << "needs pdfinfo and qpdf (scripts/setup.sh --test installs them)"

// Every object of the file, by "N 0 R", with streams' data decoded (base64).
json objects_of(const std::string& pdf) {
  auto r =
      run("qpdf --json=2 --json-key=qpdf --decode-level=generalized --json-stream-data=inline " +
          quote(pdf));
  EXPECT_EQ(r.status, 0) << r.err;
  json all = json::parse(r.out, nullptr, false);
  json out = json::object();
  if (all.is_discarded()) return out;
  for (auto& [key, value] : all["qpdf"][1].items()) {
    if (key.rfind("obj:", 0) == 0) out[key.substr(4)] = value;
    if (key == "trailer") out[key] = value;
  }
  return out;
}

std::string base64_decoded(const std::string& in) {
  static const std::string chars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (char c : in) {
    std::size_t v = chars.find(c);
    if (v == std::string::npos) continue;
    value = (value << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// The decoded content stream of every page, in page order.
std::vector<std::string> page_contents(const json& objects) {
  std::vector<std::string> out;
  std::string ref = objects["trailer"]["value"]["/Root"];
  std::function<void(const std::string&)> walk = [&](const std::string& node) {
    const json& d = objects[node]["value"];
    if (d.contains("/Kids")) {
      for (const auto& kid : d["/Kids"]) walk(kid.get<std::string>());
    } else {
      const json& s = objects[d["/Contents"].get<std::string>()]["stream"];
      out.push_back(base64_decoded(s["data"].get<std::string>()));
    }
  };
  walk(objects[ref]["value"]["/Pages"].get<std::string>());
  return out;
}

// The marks around items: one per stretch of one element, none around nothing.
TEST(TaggedPdf, MarksWrapEachStretchOfOneElementAndNothingElse) {
  std::vector<pdf::page_item> items{pdf::rule{}};
  pdf::tag(items, 1, 7);
  EXPECT_EQ(items.size(), 1u) << "nothing drawn, no mark";
  for (double x : {0.0, 1.0, 2.0, 3.0}) {
    pdf::text_run t;
    t.x = x;
    items.push_back(t);
  }
  pdf::tag_each(items, 1, [](const pdf::page_item& item) {
    return std::get<pdf::text_run>(item).x == 2.0 ? 5 : 4;
  });
  std::string shape;
  for (const pdf::page_item& item : items) {
    if (const auto* m = std::get_if<pdf::mark_begin>(&item))
      shape += "<" + std::to_string(m->element);
    if (std::holds_alternative<pdf::mark_end>(item)) shape += ">";
    if (std::holds_alternative<pdf::text_run>(item)) shape += "t";
    if (std::holds_alternative<pdf::rule>(item)) shape += "r";
  }
  EXPECT_EQ(shape, "r<4tt><5t><4t>");
  pdf::tag_artifact(items, 0, pdf::artifact_kind::footer);
  ASSERT_TRUE(std::holds_alternative<pdf::mark_begin>(items.front()));
  EXPECT_EQ(std::get<pdf::mark_begin>(items.front()).element, -1);
  EXPECT_EQ(std::get<pdf::mark_begin>(items.front()).artifact, pdf::artifact_kind::footer);
}

TEST(TaggedPdf, SampleSaysTaggedAndHasLangTitleAndDisplayDocTitle) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  const std::string pdf = convert(dir, sample);
  auto info = run("pdfinfo " + quote(pdf));
  EXPECT_NE(info.out.find("Tagged:          yes"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("Metadata Stream: yes"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("PDF version:     1.7"), std::string::npos) << info.out;
  const json objects = objects_of(pdf);
  const json& catalog = objects[objects["trailer"]["value"]["/Root"].get<std::string>()]["value"];
  EXPECT_EQ(catalog["/Lang"], "u:zh-CN") << "from the sidecar's lang";
  EXPECT_EQ(catalog["/MarkInfo"]["/Marked"], true);
  EXPECT_EQ(catalog["/ViewerPreferences"]["/DisplayDocTitle"], true);
  const json& tree = objects[catalog["/StructTreeRoot"].get<std::string>()]["value"];
  EXPECT_EQ(tree["/Type"], "/StructTreeRoot");
  EXPECT_TRUE(tree["/ParentTreeNextKey"].is_number());
  const std::string xmp =
      base64_decoded(objects[catalog["/Metadata"].get<std::string>()]["stream"]["data"]);
  EXPECT_NE(xmp.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">2019 年人工智能回顾"),
            std::string::npos)
      << xmp;
  EXPECT_NE(xmp.find("<rdf:li>zh-CN</rdf:li>"), std::string::npos) << xmp;
  auto check = run("qpdf --check " + quote(pdf));
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

TEST(TaggedPdf, SampleHeadingsBulletsAndLinksAreUnderTheirTagsInReadingOrder) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  expect_in_order(struct_text(convert(dir, sample)), expected_structure(sample, true));
}

TEST(TaggedPdf, EnglishDeckHeadingsBulletsAndLinksAreUnderTheirTagsInReadingOrder) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  const std::string deck = test::data_path("english-deck.txt");
  expect_in_order(struct_text(convert(dir, deck)), expected_structure(deck, true));
}

TEST(TaggedPdf, MixedDeckUrlsInBulletsAreLinksInsideTheirListBodies) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  const std::string deck = test::data_path("tagged-mixed.txt");
  const auto actual = struct_text(convert(dir, deck));
  expect_in_order(actual, expected_structure(deck, true));
  // The wrapped URL is one Link, not one per line.
  int wrapped = 0;
  for (const tagged_text& t : actual) {
    if (t.type == "Link" && t.text.find("example.org") != std::string::npos) {
      ++wrapped;
      EXPECT_NE(t.text.find("/wraps"), std::string::npos) << t.text;
    }
  }
  EXPECT_EQ(wrapped, 1);
}

TEST(TaggedPdf, WithoutACoverSectionsAreH1AndSlidesH2) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  test::write_all(dir / "plain.yaml", "parts: {cover: false, contents: false}\n");
  const std::string deck = test::data_path("tagged-mixed.txt");
  const auto actual = struct_text(convert(dir, deck, quote(dir / "plain.yaml")));
  expect_in_order(actual, expected_structure(deck, false, false));
  for (const tagged_text& t : actual) EXPECT_NE(t.type, "H3") << t.text;
}

TEST(TaggedPdf, EveryDrawnThingIsTaggedOrAnArtifact) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  const auto pages = page_contents(objects_of(convert(dir, sample, "handout")));
  ASSERT_FALSE(pages.empty());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::istringstream lines(pages[p]);
    std::string line;
    int depth = 0, drawn = 0;
    while (std::getline(lines, line)) {
      if (line.size() >= 4 && line.compare(line.size() - 4, 4, " BDC") == 0) ++depth;
      if (line == "EMC") --depth;
      ASSERT_GE(depth, 0) << "page " << p + 1;
      ASSERT_LE(depth, 1) << "page " << p + 1 << ": marks do not nest";
      for (const char* op : {" Tj", " TJ", " re", " l", " S", "f"}) {
        const std::string o(op);
        if (line.size() >= o.size() && line.compare(line.size() - o.size(), o.size(), o) == 0 &&
            (line == "f" || o[0] == ' ')) {
          ++drawn;
          EXPECT_EQ(depth, 1) << "page " << p + 1 << ": `" << line << "` outside any mark";
        }
      }
    }
    EXPECT_EQ(depth, 0) << "page " << p + 1 << " ends inside a mark";
    EXPECT_GT(drawn, 0) << "page " << p + 1;
  }
}

TEST(TaggedPdf, RunningHeadsPageNumbersAndRulesAreArtifacts) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  const std::string pdf = convert(dir, sample);
  const auto pages = page_contents(objects_of(pdf));
  ASSERT_GE(pages.size(), 3u);
  const std::string& body = pages[2];
  EXPECT_NE(body.find("/Artifact <</Type /Pagination /Subtype /Header>> BDC"), std::string::npos);
  EXPECT_NE(body.find("/Artifact <</Type /Pagination /Subtype /Footer>> BDC"), std::string::npos);
  EXPECT_NE(body.find("/Artifact <</Type /Layout>> BDC"), std::string::npos);
  EXPECT_NE(pages[1].find("/Artifact <</Type /Pagination /Subtype /Footer>> BDC"),
            std::string::npos)
      << "the contents' roman page number";
  for (const tagged_text& t : struct_text(pdf)) {
    EXPECT_EQ(t.text.find("1/4"), std::string::npos) << t.type << ": the footer is no content";
    EXPECT_EQ(t.text.find("......"), std::string::npos) << t.type << ": dot leaders are no content";
  }
}

TEST(TaggedPdf, EveryLinkAnnotationIsAnObjectOfALinkElementAndHasContents) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  const json objects = objects_of(convert(dir, sample));
  const json& catalog = objects[objects["trailer"]["value"]["/Root"].get<std::string>()]["value"];
  const json& tree = objects[catalog["/StructTreeRoot"].get<std::string>()]["value"];
  const json& nums = objects[tree["/ParentTree"].get<std::string>()]["value"]["/Nums"];
  std::map<int, json> parents;
  for (std::size_t i = 0; i + 1 < nums.size(); i += 2) parents[nums[i].get<int>()] = nums[i + 1];
  int annotations = 0, pages = 0;
  for (const auto& [ref, object] : objects.items()) {
    const json& d = object["value"];
    if (!d.is_object()) continue;
    if (d.value("/Type", "") == "/Page") {
      ++pages;
      EXPECT_EQ(d.value("/Tabs", ""), "/S") << ref;
      EXPECT_TRUE(d["/StructParents"].is_number()) << ref;
    }
    if (d.value("/Subtype", "") != "/Link") continue;
    ++annotations;
    EXPECT_TRUE(d["/Contents"].is_string() && d["/Contents"].get<std::string>().size() > 2) << ref;
    ASSERT_TRUE(d["/StructParent"].is_number()) << ref;
    const int key = d["/StructParent"].get<int>();
    ASSERT_TRUE(parents.count(key)) << ref;
    const json& link = objects[parents[key].get<std::string>()]["value"];
    EXPECT_EQ(link["/S"], "/Link") << ref;
    // …whose kids name this annotation.
    const std::string kids = link["/K"].dump();
    EXPECT_NE(kids.find("\"/Obj\":\"" + ref + "\""), std::string::npos) << ref << ": " << kids;
  }
  diagnostics diags;
  auto r = load_input(sample, diags);
  ASSERT_TRUE(r);
  const outline o = plan_outline(*r);
  std::size_t shown = o.headings.size();  // the contents' entries
  for (const section_outline& sec : o.sections) {
    for (const slide_outline& sl : sec.slides) shown += sl.links.size();
  }
  EXPECT_EQ(annotations, static_cast<int>(shown)) << "the contents' entries and the links";
  EXPECT_EQ(tree["/ParentTreeNextKey"], pages + annotations);
}

TEST(TaggedPdf, QrCodesAreFiguresWithAltTextAndABoundingBox) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  const json objects = objects_of(convert(dir, sample, "handout"));
  int figures = 0;
  for (const auto& [ref, object] : objects.items()) {
    const json& d = object["value"];
    if (!d.is_object() || d.value("/S", "") != "/Figure") continue;
    ++figures;
    EXPECT_EQ(d.value("/Alt", "").rfind("u:QR code: youtu.be/", 0), 0u) << d.dump();
    EXPECT_EQ(d.value("/Lang", ""), "u:en") << "English alt text in a Chinese document";
    ASSERT_TRUE(d["/A"].is_object()) << d.dump();
    EXPECT_EQ(d["/A"]["/O"], "/Layout");
    ASSERT_EQ(d["/A"]["/BBox"].size(), 4u);
    EXPECT_LT(d["/A"]["/BBox"][0].get<double>(), d["/A"]["/BBox"][2].get<double>());
    EXPECT_EQ(objects[d["/P"].get<std::string>()]["value"]["/S"], "/Link");
  }
  EXPECT_EQ(figures, 19) << "the sample's distinct links under its slides";
}

TEST(TaggedPdf, FixedWordsInAnotherLanguageCarryTheirOwnLang) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", " Erste Folie\n• Ein Punkt.\n");
  test::write_all(dir / "deck.meta.yaml", "lang: de\n");
  const json objects = objects_of(convert(dir, dir / "deck.txt"));
  const json& catalog = objects[objects["trailer"]["value"]["/Root"].get<std::string>()]["value"];
  EXPECT_EQ(catalog["/Lang"], "u:de");
  int english = 0;
  for (const auto& [ref, object] : objects.items()) {
    const json& d = object["value"];
    if (d.is_object() && d.value("/S", "") == "/Span" && d.value("/Lang", "") == "u:en") ++english;
  }
  EXPECT_EQ(english, 2) << "the contents' heading and the cover's label: English words";
  // The same deck in English needs none.
  test::write_all(dir / "deck.meta.yaml", "lang: en-GB\n");
  const json again = objects_of(convert(dir, dir / "deck.txt"));
  for (const auto& [ref, object] : again.items()) {
    const json& d = object["value"];
    EXPECT_FALSE(d.is_object() && d.contains("/Lang") && d.value("/Type", "") != "/Catalog")
        << d.dump();
  }
}

TEST(TaggedPdf, TaggingLeavesTheExtractedTextAsItWas) {
  if (!have_program("pdftotext")) GTEST_SKIP() << "needs pdftotext";
  diagnostics diags;
  auto r = load_input(sample, diags);
  ASSERT_TRUE(r);
  const style& s = default_style();
  auto fonts = pdf::font_set::open(s.fonts, diags);
  ASSERT_TRUE(fonts) << "the default style's fonts";
  pdf::harfbuzz_metrics metrics(*fonts);
  pdf::page_layout tagged = pdf::layout_report(*r, s, metrics, "test");
  ASSERT_FALSE(tagged.structure.empty());
  pdf::page_layout untagged = tagged;
  untagged.structure.clear();  // marks are then not written
  test::temp_dir dir;
  std::string text[2];
  for (int i = 0; i < 2; ++i) {
    auto bytes = pdf::emit_pdf(i == 0 ? tagged : untagged, *fonts, "x.pdf", diags);
    ASSERT_TRUE(bytes);
    test::write_all(dir / "x.pdf", *bytes);
    text[i] = run("pdftotext -enc UTF-8 " + quote(dir / "x.pdf") + " -").out;
    if (i == 1) {
      EXPECT_EQ(bytes->find("/StructTreeRoot"), std::string::npos);
      EXPECT_EQ(bytes->find(" BDC"), std::string::npos);
    }
  }
  EXPECT_FALSE(text[0].empty());
  EXPECT_EQ(text[0], text[1]);
}

TEST(TaggedPdf, HyphensAddedByHyphenationAreArtifactsNotListText) {
  REQUIRE_TOOLS();
  const std::string deck = test::data_path("typography-en.txt");
  diagnostics diags;
  auto r = load_input(deck, diags);
  ASSERT_TRUE(r);
  const style& s = default_style();
  auto fonts = pdf::font_set::open(s.fonts, diags);
  ASSERT_TRUE(fonts);
  pdf::harfbuzz_metrics metrics(*fonts);
  const pdf::page_layout layout = pdf::layout_report(*r, s, metrics, "test");
  int hyphens = 0;
  for (const pdf::page& p : layout.pages) {
    for (std::size_t i = 1; i < p.items.size(); ++i) {
      const auto* t = std::get_if<pdf::text_run>(&p.items[i]);
      const auto* m = std::get_if<pdf::mark_begin>(&p.items[i - 1]);
      if (t && t->text == "-" && m && m->element < 0) ++hyphens;
    }
  }
  EXPECT_GT(hyphens, 0) << "the deck is hyphenated, each added hyphen an artifact";
  test::temp_dir dir;
  expect_in_order(struct_text(convert(dir, deck)), expected_structure(deck, true));
}

TEST(TaggedPdf, LongKidListsAreGroupedAndTheParentTreeSplitWithinReadersArrayLimits) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  std::string deck = " Many links\n";
  for (int i = 0; i < 8'200; ++i) deck += "https://example.org/" + std::to_string(i) + "\n";
  test::write_all(dir / "many.txt", deck);
  const std::string pdf = convert(dir, dir / "many.txt");
  auto check = run("qpdf --check " + quote(pdf));
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  // (qpdf, not pdfinfo -struct-text: poppler takes 20 s over this tree.)
  const json objects = objects_of(pdf);
  int groups = 0, links = 0;
  for (const auto& [ref, object] : objects.items()) {
    const json& d = object["value"];
    if (!d.is_object()) continue;
    groups += d.value("/S", "") == "/NonStruct";
    links += d.value("/S", "") == "/Link";
  }
  EXPECT_EQ(groups, 2) << "8,200 links: a group of 8,000 and one of 200";
  EXPECT_EQ(links, 8'200 + 1) << "and the contents' entry of the slide";
  const json& catalog = objects[objects["trailer"]["value"]["/Root"].get<std::string>()]["value"];
  const json& tree = objects[catalog["/StructTreeRoot"].get<std::string>()]["value"];
  const json& parent_tree = objects[tree["/ParentTree"].get<std::string>()]["value"];
  ASSERT_TRUE(parent_tree["/Kids"].is_array()) << parent_tree.dump().substr(0, 200);
  EXPECT_EQ(parent_tree["/Kids"].size(), 3u) << "more than 8,200 keys, 4,000 a leaf";
}

// A word break is a space even at the end of a line (ISO 32000-1,
// 14.8.2.5), so that text read from the tags, as a screen reader reads it,
// keeps the words on either side of a line break apart.
TEST(TaggedPdf, ALineBrokenAtASpaceKeepsItInTheTaggedText) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  const std::string bullet =
      "Ownership means every value has exactly one owner at a time, and when the owner goes out "
      "of scope the value is dropped, which frees its memory without a garbage collector";
  test::write_all(dir / "words.txt", " Words\n  - " + bullet + "\n");
  auto r = run("pdfinfo -struct-text " + quote(convert(dir, dir / "words.txt")));
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line, text;
  int strings = 0;
  for (bool in_body = false; std::getline(lines, line);) {
    const std::size_t depth = line.find_first_not_of(' ');
    if (depth == std::string::npos) continue;
    if (line.compare(depth, 5, "LBody") == 0) {
      in_body = true;
    } else if (in_body && line[depth] == '"') {
      text += line.substr(depth + 1, line.rfind('"') - depth - 1);
      ++strings;
    } else if (in_body) {
      break;
    }
  }
  EXPECT_GE(strings, 2) << "the bullet wraps";
  EXPECT_EQ(text, bullet);
}

// The bookmarks and the contents' links are written by the emitter, not
// libharu: they must still lead to the same places, in the same order, with
// every bookmark open.
TEST(TaggedPdf, ContentsLinksLeadWhereTheBookmarksOfTheirTitlesLead) {
  REQUIRE_TOOLS();
  test::temp_dir dir;
  const json objects = objects_of(convert(dir, sample));
  auto value = [&](const json& ref) -> const json& {
    return objects[ref.get<std::string>()]["value"];
  };
  const json& catalog = value(objects["trailer"]["value"]["/Root"]);
  const json& root = value(catalog["/Outlines"]);
  std::vector<std::pair<json, json>> bookmarks;  // title, destination
  for (const json* section = &root["/First"]; section->is_string();
       section = &value(*section)["/Next"]) {
    const json& s = value(*section);
    bookmarks.emplace_back(s["/Title"], s["/Dest"]);
    int children = 0;
    for (const json* slide = &s["/First"]; slide->is_string(); slide = &value(*slide)["/Next"]) {
      const json& b = value(*slide);
      EXPECT_EQ(b["/Parent"], *section);
      bookmarks.emplace_back(b["/Title"], b["/Dest"]);
      ++children;
    }
    if (children > 0) {
      EXPECT_EQ(s["/Count"], children) << s["/Title"];
    }
  }
  EXPECT_EQ(root["/Count"], bookmarks.size()) << "all open";
  EXPECT_GT(bookmarks.size(), 10u);
  std::vector<std::pair<json, json>> links;  // in page order: the contents' entries
  for (const json& page : value(catalog["/Pages"])["/Kids"]) {
    if (!value(page).contains("/Annots")) continue;
    for (const json& annot : value(page)["/Annots"]) {
      const json& a = value(annot);
      if (a.contains("/Dest")) links.emplace_back(a["/Contents"], a["/Dest"]);
    }
  }
  EXPECT_EQ(links, bookmarks);
}

}  // namespace
}  // namespace handout
