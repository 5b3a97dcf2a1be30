#include "limits.hpp"

#include <atomic>

namespace handout::limits {

namespace {
std::atomic<std::size_t> input_limit{default_max_input_bytes};
}  // namespace

std::size_t max_input_bytes() { return input_limit.load(std::memory_order_relaxed); }

void set_max_input_bytes(std::size_t bytes) { input_limit.store(bytes, std::memory_order_relaxed); }

}  // namespace handout::limits
