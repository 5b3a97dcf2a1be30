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
struct hb_set_deleter {
  void operator()(hb_set_t* s) const { hb_set_destroy(s); }
};
struct hb_buffer_deleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
struct hb_shape_plan_deleter {
  void operator()(hb_shape_plan_t* p) const { hb_shape_plan_destroy(p); }
};
using blob_ptr = std::unique_ptr<hb_blob_t, hb_blob_deleter>;
using face_ptr = std::unique_ptr<hb_face_t, hb_face_deleter>;
using hb_font_ptr = std::unique_ptr<hb_font_t, hb_font_deleter>;
using set_ptr = std::unique_ptr<hb_set_t, hb_set_deleter>;
using buffer_ptr = std::unique_ptr<hb_buffer_t, hb_buffer_deleter>;
using shape_plan_ptr = std::unique_ptr<hb_shape_plan_t, hb_shape_plan_deleter>;

}  // namespace handout::pdf
