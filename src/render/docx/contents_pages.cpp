#include "render/docx/contents_pages.hpp"

#include "render/pdf/layout.hpp"
#include "render/pdf/measure.hpp"

namespace handout::docx {

std::vector<int> paginate_headings(const report& r, const style& look, const font_plan& fonts) {
  if (fonts.opened() == nullptr) return {};
  const pdf::harfbuzz_metrics metrics(*fonts.opened(), r.meta.lang, look.ligatures);
  return pdf::layout_report(r, look, metrics, "", true).heading_pages;
}

}  // namespace handout::docx
