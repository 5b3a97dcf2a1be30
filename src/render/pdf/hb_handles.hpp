// Move-only owners of HarfBuzz handles.
#pragma once

#include <hb.h>

#include <memory>

namespace handout::pdf {

struct hb_blob_deleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct hb_face_deleter {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct hb_font_deleter {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
using blob_ptr = std::unique_ptr<hb_blob_t, hb_blob_deleter>;
using face_ptr = std::unique_ptr<hb_face_t, hb_face_deleter>;
using hb_font_ptr = std::unique_ptr<hb_font_t, hb_font_deleter>;

}  // namespace handout::pdf
