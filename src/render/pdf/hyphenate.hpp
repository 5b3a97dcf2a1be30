// Hyphenation with libhyphen (the ALTLinux/LibreOffice library) and the
// pattern dictionaries Debian installs in /usr/share/hyphen (hyphen-en-us,
// hyphen-de, …), found at run time by the deck's language.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace handout::pdf {

class hyphenator {
 public:
  // The hyphenator for BCP 47 tag `lang` ("en-US", "de", "fr-CA"): the
  // dictionary of that language and region, else of the language; null when
  // none is installed. The dictionary is read on first use, once per
  // process; thread-safe.
  static const hyphenator* for_language(std::string_view lang);

  // Where `word` (valid UTF-8, letters only) may take a hyphen: byte offsets
  // into `word` after which it may break, keeping at least two letters
  // before and three after a break (TeX's \lefthyphenmin, \righthyphenmin).
  std::vector<std::size_t> points(std::string_view word) const;

  explicit hyphenator(std::string path) : path_(std::move(path)) {}
  ~hyphenator();
  hyphenator(const hyphenator&) = delete;
  hyphenator& operator=(const hyphenator&) = delete;

 private:
  std::string path_;
  mutable std::once_flag loaded_;
  mutable void* dict_ = nullptr;  // HyphenDict*, null when it did not load
};

// The directory searched for hyph_LL_RR.dic files.
inline constexpr std::string_view hyphenation_directory = "/usr/share/hyphen";

}  // namespace handout::pdf
