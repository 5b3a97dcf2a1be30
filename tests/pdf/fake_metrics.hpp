// Font metrics for layout tests: one font; CJK and full-width characters are
// 1 em wide, everything else half an em.
#pragma once

#include "render/pdf/linebreak.hpp"
#include "render/pdf/metrics.hpp"

namespace handout::pdf::test {

class fake_metrics final : public font_metrics {
 public:
  int font_for(char32_t) const override { return 0; }
  int advance(int, char32_t cp) const override { return is_cjk(cp) || cp >= 0x2E80 ? 1000 : 500; }
};

}  // namespace handout::pdf::test
