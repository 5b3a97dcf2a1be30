#include "links/online/http.hpp"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "links/online/address.hpp"

namespace handout::links::online {

const char* outcome_name(http_outcome outcome) {
  switch (outcome) {
    case http_outcome::response:
      return "response";
    case http_outcome::timed_out:
      return "timed out";
    case http_outcome::network_error:
      return "network error";
    case http_outcome::blocked:
      return "blocked";
    case http_outcome::redirect_loop:
      return "too many redirects";
    case http_outcome::deadline:
      return "deadline";
    case http_outcome::bad_url:
      return "bad URL";
  }
  return "network error";
}

namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

struct host_state;

// One request, across its tries.
struct transfer {
  http_request request;
  http_client::callback done;
  const http_settings* settings = nullptr;
  host_state* host = nullptr;
  int tries = 0;

  // The current try.
  CURL* easy = nullptr;
  std::string body;
  std::size_t dropped = 0;
  bool body_too_large = false;
  std::size_t header_bytes = 0;   // of the current response
  bool header_too_large = false;  // more than max_header_bytes
  bool dropped_enough = false;    // stopped reading a body we do not keep
  bool blocked = false;
  bool clipped = false;   // the try's timeout was cut short by the deadline
  long retry_after = -1;  // seconds, from the last response's header
};

struct host_state {
  std::deque<transfer*> queue;  // ready to start, in order
  int active = 0;
  clock::time_point not_before{};  // after a 429 or 503 with Retry-After
};

// The scheduling key of `url` (scheme://host:port), or nothing when curl
// cannot parse it or it is not http or https.
std::optional<std::string> host_key(const std::string& url) {
  CURLU* u = curl_url();
  if (!u) return std::nullopt;
  std::optional<std::string> key;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* scheme = nullptr;
    char* host = nullptr;
    char* port = nullptr;
    if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
      std::string s = scheme;
      if (s == "http" || s == "https") key = s + "://" + host + ":" + port;
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
  }
  curl_url_cleanup(u);
  return key;
}

bool starts_with_nocase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != lower_prefix[i]) return false;
  }
  return true;
}

// Retry-After: delay-seconds or an HTTP date; -1 when unreadable.
long parse_retry_after(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) {
    value.remove_suffix(1);
  }
  if (value.empty()) return -1;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return 999'999'999;
    return std::stol(std::string(value));
  }
  std::string text(value);
  time_t when = curl_getdate(text.c_str(), nullptr);
  if (when < 0) return -1;
  time_t now = std::time(nullptr);
  return when > now ? static_cast<long>(when - now) : 0;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<transfer*>(user);
  const std::size_t n = size * count;
  if (t->request.keep_body) {
    if (t->body.size() + n > t->settings->max_body_bytes) {
      t->body_too_large = true;
      return 0;  // curl ends the transfer with CURLE_WRITE_ERROR
    }
    t->body.append(data, n);
    return n;
  }
  t->dropped += n;
  if (t->dropped > t->settings->max_discarded_bytes) {
    t->dropped_enough = true;
    return 0;
  }
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<transfer*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  if (starts_with_nocase(line, "http/")) {
    t->retry_after = -1;  // a new response (after a redirect)
    t->header_bytes = 0;
  }
  t->header_bytes += n;
  if (t->header_bytes > t->settings->max_header_bytes) {
    t->header_too_large = true;
    return 0;  // curl ends the transfer with CURLE_WRITE_ERROR
  }
  if (starts_with_nocase(line, "retry-after:")) {
    t->retry_after = parse_retry_after(line.substr(12));
  }
  return n;
}

// Whether the address guard applies to what `t` connects to now. A trusted
// request (to --youtube-endpoint) is trusted on its own scheme, host and port
// only: a redirect to another host is checked like any other request.
bool guarded(const transfer& t) {
  if (t.settings->allow_private) return false;
  if (!t.request.trusted) return true;
  char* now = nullptr;
  if (t.easy == nullptr || curl_easy_getinfo(t.easy, CURLINFO_EFFECTIVE_URL, &now) != CURLE_OK ||
      now == nullptr) {
    return true;
  }
  return host_key(now) != host_key(t.request.url);
}

// Refuses to connect to non-public addresses where the guard applies.
curl_socket_t on_open_socket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* t = static_cast<transfer*>(user);
  if (purpose == CURLSOCKTYPE_IPCXN && guarded(*t) && is_non_public(&address->addr)) {
    t->blocked = true;
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

// The same rule for connections curl reuses (no socket is opened for them).
int on_before_request(void* user, char* primary_ip, char*, int, int) {
  auto* t = static_cast<transfer*>(user);
  if (guarded(*t) && is_non_public(primary_ip)) {
    t->blocked = true;
    return CURL_PREREQFUNC_ABORT;
  }
  return CURL_PREREQFUNC_OK;
}

bool transient(CURLcode code) {
  return code == CURLE_OPERATION_TIMEDOUT || code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR ||
         code == CURLE_GOT_NOTHING || code == CURLE_PARTIAL_FILE || code == CURLE_HTTP2 ||
         code == CURLE_HTTP2_STREAM;
}

}  // namespace

struct http_client::impl {
  http_settings settings;
  CURLM* multi = nullptr;
  std::map<std::string, host_state> hosts;
  std::multimap<clock::time_point, transfer*> delayed;  // retries waiting for their time
  std::vector<std::unique_ptr<transfer>> owned;
  int active = 0;
  http_stats stats;

  explicit impl(http_settings s) : settings(std::move(s)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    multi = curl_multi_init();
    // The scheduler enforces the limits; these keep curl's connection cache
    // in line with them.
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(settings.per_host));
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(settings.concurrency * 2));
  }

  ~impl() {
    for (auto& t : owned) release(*t);
    curl_multi_cleanup(multi);
  }

  void release(transfer& t) {
    if (!t.easy) return;
    curl_multi_remove_handle(multi, t.easy);
    curl_easy_cleanup(t.easy);
    t.easy = nullptr;
  }

  void submit(http_request request, callback done) {
    auto t = std::make_unique<transfer>();
    t->request = std::move(request);
    t->done = std::move(done);
    t->settings = &settings;
    std::optional<std::string> key = host_key(t->request.url);
    transfer* raw = t.get();
    owned.push_back(std::move(t));
    if (!key) {
      http_response r;
      r.outcome = http_outcome::bad_url;
      r.error = "not an http or https URL";
      finish(*raw, r);
      return;
    }
    raw->host = &hosts[*key];
    raw->host->queue.push_back(raw);
  }

  void finish(transfer& t, const http_response& r) {
    release(t);
    callback done = std::move(t.done);
    t.done = nullptr;
    t.body.clear();
    t.body.shrink_to_fit();
    if (done) done(r);
  }

  // Starts one try of `t`.
  void start(transfer& t, clock::time_point now) {
    t.body.clear();
    t.dropped = 0;
    t.body_too_large = t.dropped_enough = t.blocked = t.header_too_large = false;
    t.header_bytes = 0;
    t.retry_after = -1;
    ++t.tries;
    ++stats.requests;
    if (t.tries > 1) ++stats.retries;

    const auto left = duration_cast<milliseconds>(settings.deadline - now);
    const auto timeout = std::max(milliseconds(1), std::min(settings.timeout, left));
    t.clipped = timeout < settings.timeout;

    CURL* e = curl_easy_init();
    t.easy = e;
    curl_easy_setopt(e, CURLOPT_URL, t.request.url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, settings.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(settings.max_redirects));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_COOKIEFILE, "");  // cookies within one request's redirects
    curl_easy_setopt(e, CURLOPT_PROXY, "");       // environment proxies are not used
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &on_open_socket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &t);
    curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, &on_before_request);
    curl_easy_setopt(e, CURLOPT_PREREQDATA, &t);
    if (t.request.head) curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    curl_multi_add_handle(multi, e);
    ++t.host->active;
    ++active;
  }

  // Starts every transfer whose host has room, round-robin over hosts.
  void start_ready(clock::time_point now) {
    bool progress = true;
    while (progress && active < settings.concurrency) {
      progress = false;
      for (auto& [key, h] : hosts) {
        if (active >= settings.concurrency) break;
        if (h.queue.empty() || h.active >= settings.per_host || h.not_before > now) continue;
        transfer* t = h.queue.front();
        h.queue.pop_front();
        start(*t, now);
        progress = true;
      }
    }
  }

  void promote_due(clock::time_point now) {
    while (!delayed.empty() && delayed.begin()->first <= now) {
      transfer* t = delayed.begin()->second;
      delayed.erase(delayed.begin());
      t->host->queue.push_back(t);
    }
  }

  // A finished try: answer it, or schedule the next try.
  void complete(transfer& t, CURLcode code, clock::time_point now) {
    --t.host->active;
    --active;
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);

    http_response r;
    r.tries = t.tries;
    r.status = status;
    const bool stopped_reading =
        code == CURLE_WRITE_ERROR && (t.body_too_large || t.dropped_enough);
    if (t.blocked) {
      r.outcome = http_outcome::blocked;
      r.error = "not requested: the host has a non-public address";
    } else if ((code == CURLE_OK || stopped_reading) && status > 0) {
      r.outcome = http_outcome::response;
      r.body_too_large = t.body_too_large;
      if (!t.body_too_large) r.body = std::move(t.body);
    } else if (t.header_too_large || (code == CURLE_OUT_OF_MEMORY && status > 0)) {
      // A line longer than curl's own limit (CURL_MAX_HTTP_HEADER, 100 KiB)
      // fails in curl, "out of memory", before it reaches on_header.
      r.outcome = http_outcome::network_error;
      r.error = "response header too large (over " + std::to_string(settings.max_header_bytes) +
                " bytes)";
    } else if (code == CURLE_TOO_MANY_REDIRECTS) {
      r.outcome = http_outcome::redirect_loop;
      r.error = "more than " + std::to_string(settings.max_redirects) + " redirects";
    } else if (code == CURLE_OPERATION_TIMEDOUT && t.clipped) {
      r.outcome = http_outcome::deadline;
      r.error = "the overall deadline passed";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
      r.outcome = http_outcome::timed_out;
      r.error = "no answer within " + std::to_string(settings.timeout.count()) + " ms";
    } else if (code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL) {
      r.outcome = http_outcome::bad_url;
      r.error = curl_easy_strerror(code);
    } else {
      // curl's fixed message: the detailed one has timings and addresses,
      // which would make reports differ from run to run.
      r.outcome = http_outcome::network_error;
      r.error = curl_easy_strerror(code);
    }

    const bool retryable =
        (r.outcome == http_outcome::response && (status == 429 || status >= 500)) ||
        (r.outcome != http_outcome::response && r.outcome != http_outcome::deadline && !t.blocked &&
         transient(code));
    if (retryable && t.tries <= settings.retries) {
      milliseconds wait = settings.backoff * (1 << std::min(t.tries - 1, 16));
      if (r.outcome == http_outcome::response && t.retry_after >= 0) {
        if (t.retry_after > settings.max_retry_after.count()) {
          r.retry_after_refused = static_cast<int>(std::min<long>(t.retry_after, 1'000'000'000));
          release(t);
          finish(t, r);
          return;
        }
        wait = std::chrono::seconds(t.retry_after);
        // Everything else for this host waits too.
        t.host->not_before = std::max(t.host->not_before, now + wait);
      }
      if (now + wait < settings.deadline) {
        release(t);
        delayed.emplace(now + wait, &t);
        return;
      }
    }
    finish(t, r);
  }

  // Answers everything left with `deadline`, including requests that the
  // callbacks submit meanwhile.
  void expire() {
    while (true) {
      std::vector<transfer*> left;
      for (auto& t : owned) {
        if (t->done) left.push_back(t.get());
      }
      if (left.empty()) return;
      for (transfer* t : left) {
        if (t->easy) {
          --t->host->active;
          --active;
        }
        http_response r;
        r.outcome = http_outcome::deadline;
        r.tries = t->tries;
        r.error = "the overall deadline passed";
        finish(*t, r);
      }
      for (auto& [key, h] : hosts) h.queue.clear();
      delayed.clear();
    }
  }

  bool has_work() const {
    if (active > 0 || !delayed.empty()) return true;
    for (const auto& [key, h] : hosts) {
      if (!h.queue.empty()) return true;
    }
    return false;
  }

  // True when a queued transfer could start now.
  bool startable(clock::time_point now) const {
    if (active >= settings.concurrency) return false;
    for (const auto& [key, h] : hosts) {
      if (!h.queue.empty() && h.active < settings.per_host && h.not_before <= now) return true;
    }
    return false;
  }

  // How long to sleep when nothing is in flight to wake us.
  milliseconds idle_wait(clock::time_point now) const {
    clock::time_point next = settings.deadline;
    if (!delayed.empty()) next = std::min(next, delayed.begin()->first);
    for (const auto& [key, h] : hosts) {
      if (!h.queue.empty() && h.not_before > now) next = std::min(next, h.not_before);
    }
    auto wait = duration_cast<milliseconds>(next - now) + milliseconds(1);
    return std::clamp(wait, milliseconds(0), milliseconds(1000));
  }

  void run() {
    while (has_work()) {
      clock::time_point now = clock::now();
      if (now >= settings.deadline) {
        expire();
        break;
      }
      promote_due(now);
      start_ready(now);
      int running = 0;
      curl_multi_perform(multi, &running);
      int left = 0;
      while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
        if (m->msg != CURLMSG_DONE) continue;
        transfer* t = nullptr;
        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &t);
        complete(*t, m->data.result, clock::now());
      }
      if (!has_work()) break;
      // New handles and finished tries wake the poll at once (curl expires
      // an added handle immediately); otherwise it sleeps until a socket is
      // ready, curl's own timer, a retry's time or the deadline.
      now = clock::now();
      promote_due(now);
      const int wait_ms = startable(now) ? 0 : static_cast<int>(idle_wait(now).count());
      curl_multi_poll(multi, nullptr, 0, wait_ms, nullptr);
    }
  }
};

http_client::http_client(http_settings settings)
    : impl_(std::make_unique<impl>(std::move(settings))) {}

http_client::~http_client() = default;

void http_client::submit(http_request request, callback done) {
  impl_->submit(std::move(request), std::move(done));
}

void http_client::run() { impl_->run(); }

const http_stats& http_client::stats() const { return impl_->stats; }

}  // namespace handout::links::online
