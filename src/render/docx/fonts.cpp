#include "render/docx/fonts.hpp"

#include <hb-ot.h>
#include <hb.h>
#include <openssl/evp.h>

#include <cstdio>
#include <map>
#include <mutex>
#include <tuple>

#include "limits.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/hb_handles.hpp"

namespace handout::docx {

namespace {

std::uint32_t u32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         p[3];
}

// The OS/2 code page bits of the East Asian charsets (ulCodePageRange1)
// and Word's charset for each.
struct east_asian_charset {
  int bit;
  const char* charset;
  const char* lang;  // the language prefix it serves
};
constexpr east_asian_charset east_asian_charsets[] = {
    {18, "86", "zh"}, {20, "88", "zh-TW"}, {17, "80", "ja"}, {19, "81", "ko"}};

// Panose, family, pitch, signature and charset from the font's OS/2 table.
void describe(hb_face_t* face, const std::string& east_asian_lang, bool east_asian_slot,
              font_entry& e) {
  pdf::blob_ptr os2(hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2')));
  unsigned length = 0;
  const auto* d = reinterpret_cast<const unsigned char*>(hb_blob_get_data(os2.get(), &length));
  e.family = "auto";
  e.charset = "00";
  if (length < 58) return;
  char hex[21];
  for (int i = 0; i < 10; ++i) std::snprintf(hex + 2 * i, 3, "%02X", d[32 + i]);
  const bool has_panose = std::string_view(hex) != "00000000000000000000";
  if (has_panose) e.panose = hex;
  // The IBM family class first (its high byte), then panose.
  const unsigned family_class = d[30];
  const unsigned family_type = d[32], serif_style = d[33], proportion = d[35];
  e.fixed_pitch = proportion == 9;
  if (e.fixed_pitch) {
    e.family = "modern";
  } else if (family_class == 8) {
    e.family = "swiss";
  } else if ((family_class >= 1 && family_class <= 5) || family_class == 7) {
    e.family = "roman";
  } else if (family_class == 10) {
    e.family = "script";
  } else if (family_class == 9 || family_class == 12) {
    e.family = "decorative";
  } else if (family_type == 2) {
    e.family = serif_style >= 11 && serif_style <= 13 ? "swiss" : "roman";
  } else if (family_type == 3) {
    e.family = "script";
  } else if (family_type == 4 || family_type == 5) {
    e.family = "decorative";
  }
  if (length < 86) return;  // version 0: no code page ranges
  std::array<std::uint32_t, 6> sig{u32(d + 42), u32(d + 46), u32(d + 50),
                                   u32(d + 54), u32(d + 78), u32(d + 82)};
  e.sig = sig;
  if (!east_asian_slot) return;
  // The charset of the document's East Asian language if the font has it,
  // else the first East Asian one it has.
  const char* first = nullptr;
  for (const auto& c : east_asian_charsets) {
    if ((sig[4] >> c.bit & 1) == 0) continue;
    if (first == nullptr) first = c.charset;
    if (east_asian_lang.starts_with(c.lang) &&
        (c.bit != 18 ||
         (!east_asian_lang.starts_with("zh-TW") && !east_asian_lang.starts_with("zh-HK") &&
          east_asian_lang.find("Hant") == std::string::npos))) {
      e.charset = c.charset;
      return;
    }
  }
  if (first != nullptr) e.charset = first;
}

// The font's family name (name ID 1) in `language`, or "".
std::string family_name(hb_face_t* face, const char* language = "en") {
  char buf[256];
  unsigned size = sizeof buf;
  unsigned n = hb_ot_name_get_utf8(face, HB_OT_NAME_ID_FONT_FAMILY,
                                   hb_language_from_string(language, -1), &size, buf);
  return n == 0 ? std::string() : std::string(buf, size);
}

// The family name in an East Asian language, when the font has one that
// differs from `name` (Word matches fonts by either: w:altName).
std::string east_asian_family_name(hb_face_t* face, const std::string& name) {
  for (const char* language : {"zh-cn", "zh-tw", "ja", "ko"}) {
    std::string alt = family_name(face, language);
    if (!alt.empty() && alt != name) return alt;
  }
  return {};
}

bool has(hb_font_t* font, char32_t cp) {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font, cp, &glyph);
}

void xor_key(std::string& data, const unsigned char key[16]) {
  for (std::size_t i = 0; i < 32 && i < data.size(); ++i) {
    data[i] = static_cast<char>(static_cast<unsigned char>(data[i]) ^ key[15 - i % 16]);
  }
}

}  // namespace

embedded_font obfuscate_font(std::string data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned digest_length = 0;
  EVP_Digest(data.data(), data.size(), digest, &digest_length, EVP_sha256(), nullptr);
  // A name-based UUID: version 5's bits, the variant of RFC 4122.
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x50);
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);
  char key[39];
  std::snprintf(
      key, sizeof key, "{%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
      digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
      digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]);
  xor_key(data, digest);
  return {key, std::move(data)};
}

std::string deobfuscate_font(std::string data, std::string_view font_key) {
  unsigned char key[16] = {};
  int n = 0;
  for (char c : font_key) {
    int v = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                   : -1;
    if (v < 0 || n >= 32) continue;
    key[n / 2] = static_cast<unsigned char>(key[n / 2] << 4 | v);
    ++n;
  }
  xor_key(data, key);
  return data;
}

font_plan::font_plan() = default;
font_plan::font_plan(font_plan&&) noexcept = default;
font_plan& font_plan::operator=(font_plan&&) noexcept = default;
font_plan::~font_plan() = default;

const std::string& font_plan::latin() const {
  static const std::string none;
  return latin_ < 0 ? none : entries_[static_cast<std::size_t>(latin_)].name;
}

const std::string& font_plan::east_asian() const {
  static const std::string none;
  return east_asian_ < 0 ? none : entries_[static_cast<std::size_t>(east_asian_)].name;
}

bool font_plan::embeds() const {
  for (const font_entry& e : entries_) {
    if (e.face >= 0) return true;
  }
  return false;
}

font_plan font_plan::make(const style& look, const std::string& east_asian_lang,
                          diagnostics& diags) {
  font_plan plan;
  diagnostics problems;
  auto set = pdf::font_set::open(look.fonts, problems);
  if (!set) {
    // Named as the style names it, not embedded: the reader's own font or
    // its substitute shows the text.
    for (diagnostic d : problems.all()) {
      d.level = severity::warning;
      d.message += "; the DOCX names the font without embedding it";
      diags.add(std::move(d));
    }
    for (const font_ref& f : look.fonts) {
      if (f.family.empty()) continue;  // Word knows fonts by family, not by file
      font_entry e;
      e.name = f.family;
      e.family = "auto";
      e.charset = "00";
      plan.entries_.push_back(e);
      plan.latin_ = plan.east_asian_ = 0;
      break;
    }
    return plan;
  }
  plan.set_ = std::make_unique<pdf::font_set>(std::move(*set));
  const char32_t east_asian_probe = east_asian_lang.starts_with("ja")   ? U'\u3042'
                                    : east_asian_lang.starts_with("ko") ? U'\uAC00'
                                                                        : U'\u4E00';
  // As the PDF chooses per character: the first font that has the script.
  int latin_face = -1, east_asian_face = -1;
  for (int i = 0; i < static_cast<int>(plan.set_->size()); ++i) {
    hb_font_t* font = plan.set_->hb_font(i);
    if (latin_face < 0 && has(font, U'A') && has(font, U'a')) latin_face = i;
    if (east_asian_face < 0 && has(font, east_asian_probe)) east_asian_face = i;
  }
  if (latin_face < 0) latin_face = 0;
  if (east_asian_face < 0) east_asian_face = latin_face;
  for (int face : {latin_face, east_asian_face}) {
    if (face == latin_face && !plan.entries_.empty()) continue;  // one font for both slots
    hb_face_t* hb_face = hb_font_get_face(plan.set_->hb_font(face));
    font_entry e;
    e.face = face;
    const font_ref& ref = look.fonts[static_cast<std::size_t>(face)];
    e.name = !ref.family.empty() ? ref.family : family_name(hb_face);
    if (e.name.empty()) e.name = ref.file;
    e.alt_name = east_asian_family_name(hb_face, e.name);
    describe(hb_face, east_asian_lang, face == east_asian_face, e);
    plan.entries_.push_back(std::move(e));
  }
  plan.latin_ = 0;
  plan.east_asian_ = static_cast<int>(plan.entries_.size()) - 1;
  return plan;
}

std::optional<embedded_font> font_plan::embed(std::size_t i,
                                              const std::set<char32_t>& code_points) const {
  if (!set_ || i >= entries_.size() || entries_[i].face < 0) return std::nullopt;
  // Decks of one series (a batch) mostly show the same characters: the last
  // few subsets are kept, shared by the batch's threads.
  const pdf::font_location& where = set_->location(entries_[i].face);
  using key = std::tuple<std::string, int, std::set<char32_t>>;
  static std::mutex mutex;
  static std::map<key, embedded_font> kept;
  key k{where.file, where.index, code_points};
  {
    std::lock_guard lock(mutex);
    if (auto it = kept.find(k); it != kept.end()) return it->second;
  }
  std::string subset = set_->subset(entries_[i].face, code_points);
  if (subset.size() < 32) return std::nullopt;
  embedded_font out = obfuscate_font(std::move(subset));
  std::lock_guard lock(mutex);
  if (kept.size() >= limits::docx_kept_font_subsets) kept.clear();
  kept.emplace(std::move(k), out);
  return out;
}

}  // namespace handout::docx
