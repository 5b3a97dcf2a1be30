#include "render/pdf/hyphenate.hpp"

#include <hyphen.h>
#include <unicode/uchar.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "utf8.hpp"

namespace handout::pdf {

namespace {

constexpr int left_min = 2, right_min = 3;

// Every hyphenator made, by language tag; null for a language without one.
struct cache {
  std::mutex mutex;
  std::map<std::string, std::unique_ptr<hyphenator>, std::less<>> by_language;
};

cache& the_cache() {
  static cache c;
  return c;
}

// hyph_en_US.dic, hyph_en.dic for "en-US"; hyph_de.dic, hyph_de_DE.dic for "de".
std::vector<std::string> file_names(std::string_view lang) {
  std::string language, region;
  std::size_t i = 0;
  while (i < lang.size() && std::isalpha(static_cast<unsigned char>(lang[i]))) {
    language += static_cast<char>(std::tolower(static_cast<unsigned char>(lang[i++])));
  }
  // The first two-letter subtag after the language is the region (a script
  // subtag such as "Latn" has four).
  while (i < lang.size()) {
    std::size_t start = ++i;
    while (i < lang.size() && lang[i] != '-' && lang[i] != '_') ++i;
    if (i - start == 2 && region.empty()) {
      for (char ch : lang.substr(start, 2))
        region += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
  }
  std::vector<std::string> names;
  if (language.empty()) return names;
  if (!region.empty()) names.push_back("hyph_" + language + "_" + region + ".dic");
  names.push_back("hyph_" + language + ".dic");
  std::string upper;
  for (char ch : language) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  names.push_back("hyph_" + language + "_" + upper + ".dic");
  return names;
}

}  // namespace

const hyphenator* hyphenator::for_language(std::string_view lang) {
  cache& c = the_cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  if (auto it = c.by_language.find(lang); it != c.by_language.end()) return it->second.get();
  auto& slot = c.by_language[std::string(lang)];
  for (const std::string& name : file_names(lang)) {
    std::string path = std::string(hyphenation_directory) + "/" + name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
      slot = std::make_unique<hyphenator>(path);
      break;
    }
  }
  return slot.get();
}

hyphenator::~hyphenator() {
  if (dict_) hnj_hyphen_free(static_cast<HyphenDict*>(dict_));
}

std::vector<std::size_t> hyphenator::points(std::string_view word) const {
  std::call_once(loaded_, [this] { dict_ = hnj_hyphen_load(path_.c_str()); });
  auto* dict = static_cast<HyphenDict*>(dict_);
  if (!dict) return {};
  // The word lower-cased in the dictionary's encoding (UTF-8 or Latin-1),
  // and the byte offset in `word` where each of its characters ends.
  std::string lower;
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < word.size();) {
    char32_t cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8::decode(word, i))));
    if (dict->utf8) {
      utf8::append(lower, cp);
    } else if (cp <= 0xFF) {
      lower += static_cast<char>(cp);
    } else {
      return {};  // not in the dictionary's alphabet
    }
    ends.push_back(i);
  }
  const int count = static_cast<int>(ends.size());
  std::vector<std::size_t> out;
  if (count < left_min + right_min) return out;
  std::vector<char> hyphens(lower.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  int failed =
      hnj_hyphen_hyphenate3(dict, lower.data(), static_cast<int>(lower.size()), hyphens.data(),
                            nullptr, &rep, &pos, &cut, left_min, right_min, left_min, right_min);
  if (rep) {
    // A non-standard break (a letter changes, as in German "Schiffahrt"):
    // not taken, the word keeps its letters.
    for (std::size_t k = 0; k < lower.size(); ++k) {
      if (rep[k]) hyphens[k] = '0';
      std::free(rep[k]);
    }
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  if (failed) return out;
  // UTF-8 dictionaries number the positions by characters, Latin-1 ones by
  // bytes, which are characters there too.
  for (int k = left_min - 1; k < count - right_min; ++k) {
    if (hyphens[static_cast<std::size_t>(k)] & 1) out.push_back(ends[static_cast<std::size_t>(k)]);
  }
  return out;
}

}  // namespace handout::pdf
