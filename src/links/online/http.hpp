// A polite HTTP client for the online check, on libcurl's multi interface:
// many requests in flight, at most a few per host, per-request timeouts, an
// overall deadline, retries with backoff honouring Retry-After, capped
// bodies, and no requests to non-public addresses unless allowed.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "limits.hpp"

namespace handout::links::online {

using clock = std::chrono::steady_clock;

struct http_settings {
  int concurrency = 8;                           // requests in flight at once
  int per_host = limits::max_requests_per_host;  // of which to one host (scheme, host, port)
  std::chrono::milliseconds timeout{10'000};     // per request (each try)
  clock::time_point deadline = clock::time_point::max();
  int retries = 2;  // further tries after a 429, a 5xx, a timeout or a dropped connection
  std::chrono::milliseconds backoff{
      limits::retry_backoff_ms};  // the first retry's wait; doubles each time
  std::chrono::seconds max_retry_after{
      limits::max_retry_after_seconds};  // a longer Retry-After is not waited for
  bool allow_private = false;            // may contact loopback, private and link-local addresses
  std::string user_agent = "handout";
  int max_redirects = limits::max_redirects;
  std::size_t max_body_bytes = limits::max_response_body_bytes;
  std::size_t max_discarded_bytes = limits::max_discarded_body_bytes;
  std::size_t max_header_bytes = limits::max_response_header_bytes;
};

struct http_request {
  std::string url;  // http or https
  bool head = false;
  bool keep_body = false;  // keep the body (up to max_body_bytes); else it is dropped
  bool trusted = false;    // the address rule does not apply (--youtube-endpoint)
};

enum class http_outcome {
  response,       // a final HTTP status arrived (after retries, if any)
  timed_out,      // no answer within the timeout, on every try
  network_error,  // name resolution, connection or TLS failed
  blocked,        // the host has a non-public address and allow_private is off
  redirect_loop,  // more than max_redirects redirects
  deadline,       // the overall deadline passed first
  bad_url,        // not an http or https URL curl accepts
};

struct http_response {
  http_outcome outcome = http_outcome::network_error;
  long status = 0;  // the final status of a `response`, or of the last try
  std::string body;
  bool body_too_large = false;  // keep_body, and the body exceeded the cap
  std::string error;            // why, when outcome is not `response`
  int tries = 0;
  int retry_after_refused = 0;  // a Retry-After (s) longer than allowed, or 0
};

// Counts for benchmarks and tests.
struct http_stats {
  int requests = 0;  // tries sent, retries included
  int retries = 0;
};

// Runs requests; each one's callback gets its final response and may submit
// further requests, which run in the same batch.
class http_client {
 public:
  using callback = std::function<void(const http_response&)>;

  explicit http_client(http_settings settings);
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  void submit(http_request request, callback done);

  // Runs until every request has its answer, or the deadline passes (the
  // rest are then answered `deadline`). Callbacks run on this thread.
  void run();

  const http_stats& stats() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// `http_outcome` as a word, for messages.
const char* outcome_name(http_outcome outcome);

}  // namespace handout::links::online
