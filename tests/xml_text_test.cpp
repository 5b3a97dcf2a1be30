// xml_text() and sanitise_xml_tree(): the one XML sanitiser.
#include "xml_text.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <sstream>

namespace handout {
namespace {

TEST(XmlText, TextXmlCanCarryIsUnchanged) {
  auto r = xml_text("tab\tLF\nCR\r <&> \u202e 日本");
  EXPECT_EQ(r.text, "tab\tLF\nCR\r <&> \u202e 日本");
  EXPECT_EQ(r.dropped, 0u);
}

TEST(XmlText, ControlCharactersNonCharactersAndBadBytesAreDropped) {
  auto r = xml_text(
      "a\x1b[31mb\x01\xef\xbf\xbe\xef\xbf\xbf\xff"
      "c");
  EXPECT_EQ(r.text, "a[31mbc");
  EXPECT_EQ(r.dropped, 5u);
  EXPECT_EQ(r.first, "U+001B");
  EXPECT_EQ(xml_text("\xc0\xaf").first, "a byte that is not UTF-8");
}

// The quick check that skips most values must not skip these.
TEST(XmlText, NonCharactersAloneAreDroppedBesideFullWidthFormsAndTheReplacementCharacter) {
  auto r = xml_text("\uFF08\xef\xbf\xbe\uFF09\uFFFD\uFFEE");
  EXPECT_EQ(r.text, "\uFF08\uFF09\uFFFD\uFFEE");
  EXPECT_EQ(r.dropped, 1u);
  EXPECT_EQ(r.first, "U+FFFE");
  pugi::xml_document doc;
  doc.append_child("e").append_attribute("a") = "\xef\xbf\xbf";
  EXPECT_EQ(sanitise_xml_tree(doc), 1u);
  EXPECT_STREQ(doc.child("e").attribute("a").value(), "");
}

TEST(XmlText, SanitisedTreePrintsAsWellFormedXml) {
  pugi::xml_document doc;
  auto e = doc.append_child("e");
  e.append_attribute("a") = "x\x1by";
  e.append_child(pugi::node_pcdata).set_value("p\x07q");
  EXPECT_EQ(sanitise_xml_tree(doc), 2u);
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  EXPECT_EQ(out.str(), "<e a=\"xy\">pq</e>");
}

}  // namespace
}  // namespace handout
