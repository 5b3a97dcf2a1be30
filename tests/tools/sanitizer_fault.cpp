// A program with a heap buffer overflow, built only in the sanitizer build:
// the test harness must turn its report into a test failure (cli_test.cpp).
#include <cstdio>
#include <cstdlib>

int main() {
  std::puts("before the fault");
  std::fflush(stdout);
  volatile int* p = static_cast<int*>(std::malloc(sizeof(int)));
  p[1] = 1;
  std::free(const_cast<int*>(p));
  return 0;
}
