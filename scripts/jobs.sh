# Sourced by run.sh and test.sh: `-j N` / `-jN` / `--jobs N` sets how many
# compile and test jobs run at once (default: CMAKE_BUILD_PARALLEL_LEVEL, else
# one per core); it is exported as CMAKE_BUILD_PARALLEL_LEVEL for cmake --build.
jobs=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}
while [ $# -gt 0 ]; do
  case "$1" in
    -j|--jobs) jobs=${2:?"$1 needs a number"}; shift 2 ;;
    -j*) jobs=${1#-j}; shift ;;
    *) echo "usage: $0 [-j N]" >&2; exit 2 ;;
  esac
done
case "$jobs" in ''|*[!0-9]*|0) echo "$0: -j takes a number from 1, not '$jobs'" >&2; exit 2 ;; esac
export CMAKE_BUILD_PARALLEL_LEVEL=$jobs
