// The online link check: its pieces (JSON, address rule, cache,
// options, exit status) and the CLI against a real HTTP server on 127.0.0.1
// (tests/tools/http_fixture.py) that stands in for YouTube and web pages.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <thread>

#include "commands/online_options.hpp"
#include "json.hpp"
#include "links/fail_policy.hpp"
#include "links/online/address.hpp"
#include "links/online/cache.hpp"
#include "test_support.hpp"

namespace handout::test {
namespace {

using namespace handout::links;
using clock_type = std::chrono::steady_clock;

// --- JSON (src/json.hpp: oEmbed answers, the cache, reports) ---------------------

TEST(Json, ReadsNestedValuesAndDecodesEscapes) {
  auto r = parse_json(R"( {"a": [1, -2.5e1, true, null], "s": "x\"\\\/\n\u00e9\ud83d\ude00"} )");
  ASSERT_TRUE(r.value) << r.error;
  const json* a = json_member(*r.value, "a");
  ASSERT_TRUE(a && a->is_array());
  ASSERT_EQ(a->size(), 4u);
  EXPECT_EQ((*a)[1].get<double>(), -25.0);
  EXPECT_EQ(json_integer<int>((*a)[0]), 1);
  EXPECT_EQ(json_integer<int>((*a)[1]), std::nullopt);  // not an integer
  EXPECT_TRUE((*a)[2].get<bool>());
  EXPECT_TRUE((*a)[3].is_null());
  ASSERT_NE(json_string_member(*r.value, "s"), nullptr);
  EXPECT_EQ(*json_string_member(*r.value, "s"), "x\"\\/\n\u00e9\U0001F600");
  EXPECT_EQ(json_string_member(*r.value, "a"), nullptr);  // another type
  EXPECT_EQ(json_member(*r.value, "missing"), nullptr);
  EXPECT_EQ(json_member(*a, "a"), nullptr);  // not an object
}

TEST(Json, IntegersOutOfRangeAreNone) {
  auto r = parse_json(R"({"big": 3000000000, "huge": 18446744073709551615, "neg": -1})");
  ASSERT_TRUE(r.value) << r.error;
  EXPECT_EQ(json_integer_member<int>(*r.value, "big"), std::nullopt);
  EXPECT_EQ(json_integer_member<std::int64_t>(*r.value, "big"), 3000000000);
  EXPECT_EQ(json_integer_member<std::int64_t>(*r.value, "huge"), std::nullopt);
  EXPECT_EQ(json_integer_member<std::uint64_t>(*r.value, "huge"), 18446744073709551615u);
  EXPECT_EQ(json_integer_member<std::uintmax_t>(*r.value, "neg"), std::nullopt);
  EXPECT_EQ(json_integer_member<int>(*r.value, "neg"), -1);
}

TEST(Json, FieldsNameTheFirstMemberThatIsMissingOrOfAnotherType) {
  auto r = parse_json(R"({"s": "x", "n": null, "a": [{"line": "3"}], "o": {}})");
  ASSERT_TRUE(r.value) << r.error;
  json_fields in;
  EXPECT_EQ(in.text(*r.value, "s", ""), "x");
  EXPECT_EQ(in.text_or_null(*r.value, "n", ""), "");
  EXPECT_TRUE(in.object(*r.value, "o", "").empty());
  EXPECT_TRUE(in.ok());
  const json& a = in.array(*r.value, "a", "");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(in.integer<int>(a[0], "line", "/a/0"), 0);
  EXPECT_FALSE(in.ok());
  EXPECT_EQ(in.text(*r.value, "missing", ""), "");
  EXPECT_TRUE(in.array(*r.value, "s", "").empty());
  EXPECT_EQ(in.problem(), "/a/0/line is missing or not an integer");  // the first one
}

TEST(Json, RejectsMalformedInputAtItsLineAndColumn) {
  for (const char* bad : {"", "{", "{\"title\": oops}", "[1,]", "{\"a\" 1}", "\"\\ud800\"",
                          "\"tab\there\"", "01", "1 2", "\"\xff\"", "{\"a\":1,}", "1e999"}) {
    auto r = parse_json(bad);
    EXPECT_FALSE(r.value) << bad;
    EXPECT_FALSE(r.error.empty()) << bad;
    EXPECT_GE(r.line, 1) << bad;
    EXPECT_GE(r.column, 1) << bad;
  }
  auto r = parse_json("{\"title\": oops}");
  EXPECT_EQ(r.line, 1);
  EXPECT_EQ(r.column, 11);
  EXPECT_EQ(r.error.find("[json.exception"), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find("syntax error while parsing value"), 0u) << r.error;
  // Columns count code points, as in every diagnostic of the tool.
  r = parse_json("{\n  \"\u6807\u9898\": \u00e9}");
  EXPECT_EQ(r.line, 2);
  EXPECT_EQ(r.column, 9);
}

TEST(Json, DeepNestingNeedsNoStack) {
  // The parser and the destructor of nlohmann-json are iterative: no depth
  // limit is needed to keep a hostile answer from overflowing the stack.
  std::string deep(200000, '[');
  EXPECT_FALSE(parse_json(deep).value);
  deep += std::string(200000, ']');
  EXPECT_TRUE(parse_json(deep).value);
}

TEST(Json, WritesUtf8AndEscapesOnlyWhatJsonRequires) {
  json j = {{"s", "\"\\/\n\r\t\x01\x08\x0c\x1f\x7f \u00e9\U0001F600"},
            {"empty_object", json::object()},
            {"empty_array", json::array()},
            {"n", -3},
            {"list", {1, 2}}};
  EXPECT_EQ(json_text(j),
            "{\n"
            "  \"s\": \"\\\"\\\\/\\n\\r\\t\\u0001\\b\\f\\u001f\x7f \u00e9\U0001F600\",\n"
            "  \"empty_object\": {},\n"
            "  \"empty_array\": [],\n"
            "  \"n\": -3,\n"
            "  \"list\": [\n"
            "    1,\n"
            "    2\n"
            "  ]\n"
            "}\n");
  EXPECT_EQ(json_text(json::array({1}), 1), "[\n 1\n]\n");
  // Bytes that are not UTF-8 cannot be written as JSON: U+FFFD stands for them.
  EXPECT_EQ(json_text(json("a\xff"
                           "b")),
            "\"a\uFFFDb\"\n");
}

TEST(Json, AppendMemberKeepsTheOrderGiven) {
  json j = json::object();
  append_member(j, "b", 1);
  append_member(j, "a", 2);
  EXPECT_EQ(json_text(j, -1), "{\"b\":1,\"a\":2}\n");  // -1: on one line
  EXPECT_EQ(json_integer_member<int>(j, "a"), 2);
}

// --- address rule ----------------------------------------------------------------

// One address per row of the IANA special-purpose registries (and of the
// ranges around them), with what the guard must answer.
struct address_case {
  const char* address;
  bool non_public;
  const char* row;
};

void PrintTo(const address_case& c, std::ostream* os) { *os << c.address << " (" << c.row << ")"; }

class AddressRule : public ::testing::TestWithParam<address_case> {};

std::string address_case_name(const ::testing::TestParamInfo<address_case>& info) {
  std::string name = info.param.row;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

TEST_P(AddressRule, IsClassifiedByItsSpecialPurposeRange) {
  EXPECT_EQ(online::is_non_public(GetParam().address), GetParam().non_public)
      << GetParam().address << " (" << GetParam().row << ")";
}

INSTANTIATE_TEST_SUITE_P(
    Ipv4, AddressRule,
    ::testing::Values(
        address_case{"8.8.8.8", false, "public"},
        address_case{"142.250.72.14", false, "public, another"},
        address_case{"0.1.2.3", true, "this network"}, address_case{"0.0.0.0", true, "this host"},
        address_case{"10.255.0.1", true, "private 10/8"},
        address_case{"100.64.0.1", true, "shared 100.64/10"},
        address_case{"100.128.0.1", false, "just past shared"},
        address_case{"127.8.9.10", true, "loopback"},
        address_case{"169.254.169.254", true, "link local, cloud metadata"},
        address_case{"172.31.255.255", true, "private 172.16/12"},
        address_case{"172.32.0.1", false, "just past 172.16/12"},
        address_case{"192.0.0.77", true, "IETF protocol assignments"},
        address_case{"192.0.0.3", true, "IPv4 service continuity"},
        address_case{"192.0.0.8", true, "IPv4 dummy address"},
        address_case{"192.0.0.9", false, "PCP anycast"},
        address_case{"192.0.0.10", false, "TURN anycast"},
        address_case{"192.0.0.171", true, "NAT64/DNS64 discovery"},
        address_case{"192.0.2.1", true, "TEST-NET-1"},
        address_case{"192.31.196.1", false, "AS112-v4"}, address_case{"192.52.193.1", false, "AMT"},
        address_case{"192.88.99.1", true, "deprecated 6to4 relay anycast"},
        address_case{"192.168.1.1", true, "private 192.168/16"},
        address_case{"192.175.48.1", false, "direct delegation AS112"},
        address_case{"198.19.255.255", true, "benchmarking"},
        address_case{"198.51.100.7", true, "TEST-NET-2"},
        address_case{"203.0.113.7", true, "TEST-NET-3"},
        address_case{"224.0.0.1", true, "multicast"}, address_case{"240.1.2.3", true, "reserved"},
        address_case{"255.255.255.255", true, "limited broadcast"}),
    address_case_name);

INSTANTIATE_TEST_SUITE_P(
    Ipv6, AddressRule,
    ::testing::Values(
        address_case{"2607:f8b0:4005::200e", false, "global unicast"},
        address_case{"4000::1", true, "outside 2000::/3"}, address_case{"::", true, "unspecified"},
        address_case{"::1", true, "loopback"},
        address_case{"::127.0.0.1", true, "IPv4-compatible loopback"},
        address_case{"::ffff:127.0.0.1", true, "IPv4-mapped loopback"},
        address_case{"::ffff:10.0.0.1", true, "IPv4-mapped private"},
        address_case{"::ffff:8.8.8.8", false, "IPv4-mapped public"},
        address_case{"::ffff:0:7f00:1", true, "IPv4-translated loopback"},
        address_case{"::ffff:0:a00:1", true, "IPv4-translated private"},
        address_case{"::ffff:0:808:808", false, "IPv4-translated public"},
        address_case{"64:ff9b::a00:1", true, "NAT64 of a private address"},
        address_case{"64:ff9b::808:808", false, "NAT64 of a public address"},
        address_case{"64:ff9b:1::808:808", true, "NAT64 local use"},
        address_case{"100::1", true, "discard-only"}, address_case{"100:0:0:1::1", true, "dummy"},
        address_case{"2001:100::1", true, "IETF protocol assignments"},
        address_case{"2001:0:4136:e378:8000:63bf:3fff:fdd2", true, "TEREDO"},
        address_case{"2001:1::1", false, "PCP anycast"},
        address_case{"2001:1::2", false, "TURN anycast"},
        address_case{"2001:1::3", false, "DNS-SD SRP anycast"},
        address_case{"2001:2::1", true, "benchmarking"}, address_case{"2001:3::1", false, "AMT"},
        address_case{"2001:4:112::1", false, "AS112-v6"},
        address_case{"2001:10::1", true, "deprecated ORCHID"},
        address_case{"2001:20::1", false, "ORCHIDv2"},
        address_case{"2001:30::1", false, "drone remote ID"},
        address_case{"2001:db8::1", true, "documentation 2001:db8::/32"},
        address_case{"2002:7f00:1::1", true, "6to4 of loopback"},
        address_case{"2002:c0a8:101::1", true, "6to4 of a private address"},
        address_case{"2002:808:808::1", false, "6to4 of a public address"},
        address_case{"2620:4f:8000::1", false, "direct delegation AS112"},
        address_case{"3fff::1", true, "documentation 3fff::/20"},
        address_case{"5f00::1", true, "SRv6 SIDs"},
        address_case{"fd12:3456::1", true, "unique local"},
        address_case{"fe80::1", true, "link local"}, address_case{"fec0::1", true, "site local"},
        address_case{"ff02::1", true, "multicast"}, address_case{"not an address", true, "text"}),
    address_case_name);

// --- options and exit status -------------------------------------------------------

TEST(OnlineOptions, AgesTakeUnits) {
  EXPECT_EQ(commands::parse_age("90"), 90);
  EXPECT_EQ(commands::parse_age("90s"), 90);
  EXPECT_EQ(commands::parse_age("15m"), 900);
  EXPECT_EQ(commands::parse_age("2h"), 7200);
  EXPECT_EQ(commands::parse_age("1d"), 86400);
  EXPECT_EQ(commands::parse_age("0"), 0);
  for (const char* bad : {"", "d", "-1", "1w", "1.5h", "99999999999d"}) {
    EXPECT_FALSE(commands::parse_age(bad)) << bad;
  }
}

TEST(OnlineOptions, OtherOptionsNeedOnline) {
  commands::online_state state;
  commands::command_spec spec{"links", "", "", {commands::online_option_group(state)}, ""};
  auto parsed = commands::parse_args(spec, {"--cache", "x.json", "deck.txt"});
  EXPECT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.operands, std::vector<std::string>{"deck.txt"});
  auto choice = commands::finish_online(state);
  EXPECT_FALSE(choice.options);
  EXPECT_EQ(choice.error, "--cache needs --online");
}

TEST(FailOn, UnknownIsSeparateFromLevels) {
  auto p = parse_fail_policy("warning");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->level, fail_level::warning);
  EXPECT_FALSE(p->unknown);
  p = parse_fail_policy("unknown");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->level, fail_level::error);
  EXPECT_TRUE(p->unknown);
  p = parse_fail_policy("none,unknown");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->level, fail_level::none);
  EXPECT_TRUE(p->unknown);
  EXPECT_FALSE(parse_fail_policy("unknown,unknown"));
  EXPECT_FALSE(parse_fail_policy("error,warning"));
  EXPECT_FALSE(parse_fail_policy(""));
}

TEST(FailOn, LinkUnreachableFailsOnlyWithUnknown) {
  audit_result a;
  finding f;
  f.rule = rule_id::link_unreachable;
  f.severity = level::warning;
  a.findings.push_back(f);
  const auto counts = count_findings({&a, 1});
  EXPECT_EQ(counts.unknown, 1);
  EXPECT_EQ(counts.warnings, 0);
  EXPECT_FALSE(fails(counts, {fail_level::error, false}));
  EXPECT_FALSE(fails(counts, {fail_level::warning, false}));
  EXPECT_FALSE(fails(counts, {fail_level::info, false}));
  EXPECT_TRUE(fails(counts, {fail_level::error, true}));
  EXPECT_TRUE(fails(counts, {fail_level::none, true}));
}

TEST(FailOn, EachLevelFailsOnItselfAndAbove) {
  const finding_counts warning_only{0, 1, 0, 0};
  EXPECT_FALSE(fails(warning_only, {fail_level::error, false}));
  EXPECT_TRUE(fails(warning_only, {fail_level::warning, false}));
  EXPECT_TRUE(fails(warning_only, {fail_level::info, false}));
  EXPECT_FALSE(fails(warning_only, {fail_level::none, false}));
  EXPECT_TRUE(fails({1, 0, 0, 0}, {fail_level::error, false}));
  EXPECT_FALSE(fails({0, 0, 1, 0}, {fail_level::warning, false}));
}

// --- cache -------------------------------------------------------------------------

link_check verdict(link_verdict v, std::string title = {}) {
  link_check c;
  c.verdict = v;
  c.http_status = 200;
  c.detail = "d";
  c.title = std::move(title);
  return c;
}

TEST(VerdictCache, KeepsOnlyDefiniteVerdictsAndRoundTrips) {
  temp_dir tmp;
  const std::string path = tmp / "cache.json";
  online::verdict_cache c;
  c.put("video:a", verdict(link_verdict::ok, "T\u00e9 \"x\""), 1000);
  c.put("video:b", verdict(link_verdict::broken), 1000);
  c.put("video:c", verdict(link_verdict::restricted), 1000);
  c.put("video:d", verdict(link_verdict::unknown), 1000);
  diagnostics diags;
  ASSERT_TRUE(c.save(path, 1000, std::chrono::seconds(86400), diags));
  auto cache = online::verdict_cache::load(path, diags);
  ASSERT_TRUE(cache);
  const online::verdict_cache& loaded = *cache;
  EXPECT_TRUE(diags.all().empty());
  EXPECT_EQ(loaded.size(), 3u);
  const link_check* a = loaded.find("video:a", 1010, std::chrono::seconds(86400));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->title, "T\u00e9 \"x\"");
  EXPECT_EQ(a->verdict, link_verdict::ok);
  EXPECT_EQ(loaded.find("video:d", 1010, std::chrono::seconds(86400)), nullptr);
  // Too old, or from the future.
  EXPECT_EQ(loaded.find("video:a", 1000 + 86401, std::chrono::seconds(86400)), nullptr);
  EXPECT_EQ(loaded.find("video:a", 999, std::chrono::seconds(86400)), nullptr);
}

TEST(VerdictCache, FileThatIsNotACacheIsRefused) {
  temp_dir tmp;
  for (const std::string text : {"{\"version\": 1, \"entries\": {", " T\n\u2022 a deck\n",
                                 "{\"version\": 1, \"entries\": {}}"}) {
    write_all(tmp / "cache.json", text);
    diagnostics diags;
    EXPECT_FALSE(online::verdict_cache::load(tmp / "cache.json", diags)) << text;
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].level, severity::error);
    EXPECT_EQ(diags.all()[0].message.rfind("is not a verdict cache (", 0), 0u) << text;
  }
}

TEST(VerdictCache, OtherVersionIsAWarningAndAnEmptyCache) {
  temp_dir tmp;
  write_all(tmp / "cache.json",
            "{\"version\": 0, \"tool\": \"handout links --online\", \"entries\": {}}");
  diagnostics diags;
  auto c = online::verdict_cache::load(tmp / "cache.json", diags);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->size(), 0u);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].level, severity::warning);
}

TEST(VerdictCache, SavingReplacesACacheSymlinkNotItsTarget) {
  temp_dir tmp;
  write_all(tmp / "victim", "keep me");
  std::filesystem::create_symlink(tmp / "victim", tmp / "cache.json");
  online::verdict_cache c;
  c.put("video:a", verdict(link_verdict::ok), 1000);
  diagnostics diags;
  ASSERT_TRUE(c.save(tmp / "cache.json", 1000, std::chrono::seconds(86400), diags));
  EXPECT_FALSE(std::filesystem::is_symlink(tmp / "cache.json"));
  EXPECT_EQ(read_all(tmp / "victim"), "keep me");
}

// --- against a local server --------------------------------------------------------

// tests/tools/http_fixture.py on a free port of 127.0.0.1, stopped at the end.
class fixture_server {
 public:
  explicit fixture_server(const std::string& log) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      std::string script = source_dir() + "/tests/tools/http_fixture.py";
      execlp("python3", "python3", script.c_str(), "--log", log.c_str(), nullptr);
      _exit(127);
    }
    close(fds[1]);
    std::string line;
    char c;
    while (read(fds[0], &c, 1) == 1 && c != '\n') line += c;
    close(fds[0]);
    port_ = line;
  }
  ~fixture_server() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool ok() const { return pid_ > 0 && !port_.empty(); }
  std::string base() const { return "http://127.0.0.1:" + port_; }
  // The same server under another host name, so it counts as another host.
  std::string web(const std::string& path) const { return "http://localhost:" + port_ + path; }

 private:
  pid_t pid_ = -1;
  std::string port_;
};

struct online_run {
  command_result result;
  double seconds = 0;
  std::optional<handout::json> json;
};

class OnlineCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_program("python3")) GTEST_SKIP() << "needs python3 for the HTTP fixture";
    server_ = std::make_unique<fixture_server>(log());
    ASSERT_TRUE(server_->ok()) << "the HTTP fixture did not start";
  }

  std::string log() const { return tmp_ / "requests.log"; }
  std::string cache() const { return tmp_ / "cache.json"; }

  // A deck with one slide holding `links`.
  std::string deck(const std::vector<std::string>& links, const std::string& name = "deck.txt") {
    std::string text = "Links\n\u2022 every case of the fixture\n";
    for (const auto& l : links) text += l + "\n";
    write_all(tmp_ / name, text);
    return tmp_ / name;
  }

  online_run run_online(const std::string& deck_path, const std::string& options) {
    online_run r;
    auto start = clock_type::now();
    r.result =
        run_handout("links " + quote(deck_path) + " --format json --online --youtube-endpoint " +
                    server_->base() + " " + options);
    r.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    auto parsed = parse_json(r.result.out);
    if (parsed.value) r.json = std::move(*parsed.value);
    return r;
  }

  // The `online` object of the link whose href is `href`.
  static const handout::json* online_of(const online_run& r, const std::string& href) {
    if (!r.json) return nullptr;
    for (const auto& file : r.json->at("files")) {
      for (const auto& slide : file.at("slides")) {
        for (const auto& link : slide.at("links")) {
          if (link.at("href") == href) return &link.at("online");
        }
      }
    }
    return nullptr;
  }

  static std::string verdict_of(const online_run& r, const std::string& href) {
    const handout::json* o = online_of(r, href);
    const std::string* v = o ? json_string_member(*o, "verdict") : nullptr;
    return v ? *v : "(none)";
  }

  static std::string field_of(const online_run& r, const std::string& href, const char* key) {
    const handout::json* o = online_of(r, href);
    const std::string* v = o ? json_string_member(*o, key) : nullptr;
    return v ? *v : "(null)";
  }

  int requests_for(const std::string& what) const {
    std::string text = read_all(log());
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
      ++n;
    }
    return n;
  }

  temp_dir tmp_;
  std::unique_ptr<fixture_server> server_;
};

std::string video(const std::string& id) { return "https://www.youtube.com/watch?v=" + id; }

TEST_F(OnlineCheck, EachServerBehaviourGetsItsVerdict) {
  const std::vector<std::string> web = {"/page",     "/no-head", "/missing", "/gone", "/login",
                                        "/redirect", "/loop",    "/big",     "/slow"};
  std::vector<std::string> links = {video("okokokokokA"),
                                    "https://youtu.be/embedOff00A",
                                    video("removed000A"),
                                    video("badRequestA"),
                                    video("notPublic0A"),
                                    video("rateOnce00A"),
                                    video("rateAlwaysA"),
                                    video("flaky50000A"),
                                    video("down503000A"),
                                    video("loopLoop00A"),
                                    video("hugeBody00A"),
                                    video("badJson000A"),
                                    video("unicode000A"),
                                    "https://www.youtube.com/playlist?list=PLgone",
                                    "https://www.youtube.com/playlist?list=PLprivate",
                                    "https://www.youtube.com/playlist?list=PLfine"};
  for (const auto& w : web) links.push_back(server_->web(w));
  auto r =
      run_online(deck(links),
                 "--allow-private --timeout 1 --retries 1 --deadline 20 --cache " + quote(cache()));
  ASSERT_TRUE(r.json) << r.result.out << r.result.err;
  EXPECT_EQ(r.result.status, 1);  // broken videos are errors

  EXPECT_EQ(verdict_of(r, video("okokokokokA")), "ok");
  EXPECT_EQ(json_integer_member<int>(*online_of(r, video("okokokokokA")), "status"), 200);
  EXPECT_EQ(field_of(r, video("okokokokokA"), "title"), "Title of okokokokokA");
  EXPECT_EQ(field_of(r, video("okokokokokA"), "channel"), "Channel oko");
  EXPECT_EQ(verdict_of(r, "https://youtu.be/embedOff00A"), "restricted");  // oEmbed 401
  EXPECT_EQ(verdict_of(r, video("removed000A")), "broken");                // 404 and thumbnail 404
  EXPECT_EQ(verdict_of(r, video("badRequestA")), "broken");                // 400 and thumbnail 404
  EXPECT_EQ(verdict_of(r, video("notPublic0A")), "restricted");            // 404, thumbnail exists
  EXPECT_EQ(verdict_of(r, video("rateOnce00A")), "ok");                    // 429, then 200
  EXPECT_EQ(verdict_of(r, video("rateAlwaysA")), "unknown");               // 429 after retries
  EXPECT_EQ(verdict_of(r, video("flaky50000A")), "ok");                    // 500, then 200
  EXPECT_EQ(field_of(r, video("flaky50000A"), "title"), "Title of flaky50000A");
  EXPECT_EQ(verdict_of(r, video("down503000A")), "ok");  // 503 always; the thumbnail exists
  EXPECT_EQ(field_of(r, video("down503000A"), "title"), "(null)");
  EXPECT_EQ(verdict_of(r, video("loopLoop00A")), "unknown");  // redirect loop
  EXPECT_EQ(verdict_of(r, video("hugeBody00A")), "ok");       // 10 MB body: no title
  EXPECT_EQ(field_of(r, video("hugeBody00A"), "title"), "(null)");
  EXPECT_EQ(verdict_of(r, video("badJson000A")), "ok");  // malformed JSON: no title
  EXPECT_EQ(field_of(r, video("badJson000A"), "title"), "(null)");
  EXPECT_EQ(field_of(r, video("unicode000A"), "title"),
            "\u6df1\u5ea6\u4f2a\u9020 \U0001F600 \"quoted\"");  // control characters dropped
  EXPECT_EQ(verdict_of(r, "https://www.youtube.com/playlist?list=PLgone"), "broken");
  EXPECT_EQ(verdict_of(r, "https://www.youtube.com/playlist?list=PLprivate"), "restricted");
  EXPECT_EQ(field_of(r, "https://www.youtube.com/playlist?list=PLfine", "title"),
            "Playlist PLfine");

  EXPECT_EQ(verdict_of(r, server_->web("/page")), "ok");
  EXPECT_EQ(verdict_of(r, server_->web("/no-head")), "ok");  // HEAD 405, GET 200
  EXPECT_EQ(verdict_of(r, server_->web("/missing")), "broken");
  EXPECT_EQ(verdict_of(r, server_->web("/gone")), "broken");
  EXPECT_EQ(verdict_of(r, server_->web("/login")), "restricted");
  EXPECT_EQ(verdict_of(r, server_->web("/redirect")), "ok");
  EXPECT_EQ(verdict_of(r, server_->web("/loop")), "unknown");
  EXPECT_EQ(verdict_of(r, server_->web("/big")), "ok");
  EXPECT_EQ(verdict_of(r, server_->web("/slow")), "unknown");  // slower than --timeout 1

  // Each rule once per link concerned.
  const std::string& out = r.result.out;
  EXPECT_NE(out.find("\"rule\": \"video-unavailable\""), std::string::npos);
  EXPECT_NE(out.find("\"rule\": \"video-restricted\""), std::string::npos);
  EXPECT_NE(out.find("\"rule\": \"link-broken\""), std::string::npos);
  EXPECT_NE(out.find("\"rule\": \"link-restricted\""), std::string::npos);
  EXPECT_NE(out.find("\"rule\": \"link-unreachable\""), std::string::npos);

  // The cache holds the definite verdicts only.
  std::string c = read_all(cache());
  for (const char* id : {"okokokokokA", "embedOff00A", "removed000A", "notPublic0A", "rateOnce00A",
                         "hugeBody00A", "PLgone"}) {
    EXPECT_NE(c.find(id), std::string::npos) << id;
  }
  for (const char* id : {"rateAlwaysA", "loopLoop00A", "/loop", "/slow"}) {
    EXPECT_EQ(c.find(id), std::string::npos) << id;
  }
  EXPECT_NE(c.find("/missing"), std::string::npos);
  EXPECT_LT(r.seconds, 20.0);

  // The report, with every verdict in it, follows the documented schema.
  write_all(tmp_ / "report.json", r.result.out);
  auto v = run("python3 " + source_dir() + "/tests/tools/check_json_schema.py " + source_dir() +
               "/docs/links.schema.json " + quote(tmp_ / "report.json"));
  EXPECT_EQ(v.status, 0) << v.out << v.err;

  // Retry-After: 1 was honoured, and the User-Agent names the tool.
  std::string text = read_all(log());
  std::vector<double> times;
  for (std::size_t at = text.find("rateOnce00A"); at != std::string::npos;
       at = text.find("rateOnce00A", at + 1)) {
    std::size_t time_at = text.find(' ', at) + 1;
    times.push_back(std::stod(text.substr(time_at)));
  }
  ASSERT_EQ(times.size(), 2u) << text;
  EXPECT_GE(times[1] - times[0], 0.95);
  EXPECT_NE(text.find("handout/"), std::string::npos) << text;
  EXPECT_NE(text.find("(link check)"), std::string::npos) << text;
}

// The most requests the server was answering at once for `host` (a Host header).
int most_in_flight(const std::string& log_text, const std::string& path_part) {
  int most = 0;
  std::size_t start = 0;
  while (start < log_text.size()) {
    std::size_t end = log_text.find('\n', start);
    std::string line = log_text.substr(start, end - start);
    start = end == std::string::npos ? log_text.size() : end + 1;
    if (line.find(path_part) == std::string::npos) continue;
    // METHOD PATH SECONDS INFLIGHT USER-AGENT
    std::size_t a = line.find(' ');
    std::size_t b = line.find(' ', a + 1);
    std::size_t c = line.find(' ', b + 1);
    most = std::max(most, std::stoi(line.substr(c + 1)));
  }
  return most;
}

TEST_F(OnlineCheck, AtMostTwoRequestsPerHostAndConcurrencyOverall) {
  std::vector<std::string> links;
  for (int i = 0; i < 8; ++i) links.push_back(video("lag000000" + std::to_string(i) + "A"));
  for (int i = 0; i < 8; ++i) links.push_back(server_->web("/lag?n=" + std::to_string(i)));
  auto r = run_online(deck(links), "--no-cache --allow-private");
  EXPECT_EQ(verdict_of(r, video("lag0000007A")), "ok");
  EXPECT_EQ(verdict_of(r, server_->web("/lag?n=7")), "ok");
  std::string text = read_all(log());
  EXPECT_EQ(most_in_flight(text, "/oembed"), 2) << text;  // the endpoint, one host
  EXPECT_EQ(most_in_flight(text, "/lag?"), 2) << text;    // localhost, another host
  // The two hosts were asked at the same time: 16 × 0.2 s in well under 16 × 0.2 / 2.
  EXPECT_LT(r.seconds, 2.4);

  write_all(log(), "");  // the server appends to the same file
  links = {video("lag0000000A"), video("lag0000001A"), server_->web("/lag?n=0"),
           server_->web("/lag?n=1")};
  auto one = run_online(deck(links), "--no-cache --allow-private --concurrency 1");
  EXPECT_EQ(verdict_of(one, server_->web("/lag?n=1")), "ok");
  EXPECT_EQ(most_in_flight(read_all(log()), "/"), 1);
}

TEST_F(OnlineCheck, TheRunStaysWithinItsDeadline) {
  auto r = run_online(deck({video("slowSlow00A"), "https://www.youtube.com/playlist?list=PLslow"}),
                      "--no-cache --timeout 10 --deadline 1");
  EXPECT_LT(r.seconds, 2.0);
  EXPECT_EQ(verdict_of(r, video("slowSlow00A")), "unknown");
  EXPECT_NE(field_of(r, video("slowSlow00A"), "detail").find("deadline"), std::string::npos);
  EXPECT_EQ(verdict_of(r, "https://www.youtube.com/playlist?list=PLslow"), "unknown");
  EXPECT_EQ(r.result.status, 0);  // unknown is a warning that fails only with --fail-on unknown
}

TEST_F(OnlineCheck, PrivateAddressesAreNotRequestedUnlessAllowed) {
  const std::string loopback = "http://127.0.0.1:" + server_->base().substr(17) + "/page";
  auto r = run_online(deck({server_->web("/page"), loopback}), "--no-cache");
  EXPECT_EQ(verdict_of(r, server_->web("/page")), "unknown");
  EXPECT_NE(field_of(r, loopback, "detail").find("not requested"), std::string::npos);
  EXPECT_EQ(requests_for("/page"), 0);
  EXPECT_EQ(r.result.status, 0);
  auto strict = run_online(deck({server_->web("/page")}), "--no-cache --fail-on unknown");
  EXPECT_EQ(strict.result.status, 1);
  auto allowed = run_online(deck({server_->web("/page")}), "--no-cache --allow-private");
  EXPECT_EQ(verdict_of(allowed, server_->web("/page")), "ok");
  EXPECT_EQ(requests_for("/page"), 1);
}

// A 1 MiB header (one line, which curl itself refuses, or 20,000 lines) is
// named for what it is, not "Unsupported protocol" or "Out of memory".
TEST_F(OnlineCheck, AnOversizedResponseHeaderIsNamedAsSuch) {
  const std::string one_line = server_->web("/huge-header");
  const std::string many_lines = server_->web("/many-headers");
  auto r = run_online(deck({one_line, many_lines}), "--no-cache --allow-private --retries 0");
  const std::string expected = "response header too large (over 65536 bytes)";
  for (const auto& link : {one_line, many_lines}) {
    EXPECT_EQ(verdict_of(r, link), "unknown") << link;
    EXPECT_NE(field_of(r, link, "detail").find(expected), std::string::npos)
        << link << ": " << field_of(r, link, "detail");
  }
}

TEST_F(OnlineCheck, AnIriIsRequestedAsItsPercentEncodedUri) {
  const std::string iri = server_->web("/wiki/机器学习");
  auto r = run_online(deck({iri}), "--no-cache --allow-private");
  EXPECT_EQ(verdict_of(r, iri), "broken");  // the fixture has no such page: it was asked
  EXPECT_EQ(requests_for("/wiki/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0"), 2);  // HEAD, then GET
  EXPECT_EQ(requests_for("/wiki/机器"), 0);
}

// --youtube-endpoint is trusted (it may be local), but only itself: its
// redirect to another host (here "localhost", a loopback name) is checked
// like any other request, and no connection is made.
TEST_F(OnlineCheck, ARedirectFromTheEndpointToAnotherHostIsGuarded) {
  auto r = run_online(deck({video("elsewhere0A")}), "--no-cache");
  EXPECT_GT(requests_for("/oembed"), 0);
  EXPECT_EQ(requests_for("/page"), 0) << "the redirect's target was connected to";
  // The same redirect with the guard lifted does reach the server: the test
  // would see a connection.
  run_online(deck({video("elsewhere0A")}), "--no-cache --allow-private");
  EXPECT_EQ(requests_for("/page"), 1);
}

TEST_F(OnlineCheck, TheSecondRunIsServedFromTheCacheWithTheSameReport) {
  const std::string d = deck({video("okokokokokA"), video("removed000A"), video("embedOff00A")});
  auto first = run_online(d, "--cache " + quote(cache()));
  const int requests = requests_for("GET ");
  EXPECT_GT(requests, 0);
  auto second = run_online(d, "--cache " + quote(cache()));
  EXPECT_EQ(requests_for("GET "), requests);  // nothing asked again
  EXPECT_EQ(second.result.out, first.result.out);
  EXPECT_EQ(second.result.status, 1);
  // Too old: asked again.
  run_online(d, "--cache " + quote(cache()) + " --max-cache-age 0");
  EXPECT_GT(requests_for("GET "), requests);
}

TEST_F(OnlineCheck, ACacheThatIsTheDeckIsRefusedAndTheDeckKept) {
  const std::string d = deck({video("okokokokokA")});
  const std::string before = read_all(d);
  auto r = run_online(d, "--cache " + quote(d));
  EXPECT_EQ(r.result.status, 2);
  EXPECT_NE(r.result.err.find(": error: is not a verdict cache (not JSON); it is left alone"),
            std::string::npos)
      << r.result.err;
  EXPECT_EQ(read_all(d), before);
}

TEST_F(OnlineCheck, TextAndMarkdownShowTitlesBesideLinksAndNoCacheWritesNoFile) {
  const std::string d = deck({video("okokokokokA")});
  auto text = run_handout("links " + quote(d) + " --online --no-cache --youtube-endpoint " +
                          server_->base());
  EXPECT_NE(text.out.find("ok \u201CTitle of okokokokokA\u201D \u2014 Channel oko"),
            std::string::npos)
      << text.out;
  auto md = run_handout("links " + quote(d) + " --format markdown --online --no-cache " +
                        "--youtube-endpoint " + server_->base());
  EXPECT_NE(md.out.find("| ok | Title of okokokokokA \u2014 Channel oko |"), std::string::npos)
      << md.out;
  // --no-cache writes no cache file, here or in the working directory.
  EXPECT_FALSE(std::filesystem::exists(cache()));
  EXPECT_FALSE(std::filesystem::exists(source_dir() + "/.handout-cache.json"));
}

TEST_F(OnlineCheck, ConvertCarriesTitlesIntoItsOutputs) {
  const std::string d = deck({video("okokokokokA"), video("removed000A")});
  auto r =
      run_handout("convert " + quote(d) + " -o " + quote(tmp_ / "out") +
                  " --formats links --online --no-cache --youtube-endpoint " + server_->base());
  EXPECT_EQ(r.status, 0) << r.err;  // findings do not fail convert
  std::string json = read_all(tmp_ / "out/deck.links.json");
  EXPECT_NE(json.find("\"title\": \"Title of okokokokokA\""), std::string::npos);
  EXPECT_NE(json.find("\"rule\": \"video-unavailable\""), std::string::npos);
}

TEST_F(OnlineCheck, PdfAndDocxShowVideoTitlesBesideTheirLinks) {
  if (!have_program("pdftotext")) GTEST_SKIP() << "needs pdftotext";
  const std::string d = deck({video("okokokokokA")});
  auto r =
      run_handout("convert " + quote(d) + " -o " + quote(tmp_ / "out") +
                  " --formats pdf,docx --online --no-cache --youtube-endpoint " + server_->base());
  ASSERT_EQ(r.status, 0) << r.err;
  auto text = run("pdftotext " + quote(tmp_ / "out/deck.pdf") + " -");
  EXPECT_NE(text.out.find("youtu.be/okokokokokA — Title of okokokokokA"), std::string::npos)
      << text.out;
  EXPECT_NE(
      read_all(tmp_ / "out/deck.docx.xml").find("youtu.be/okokokokokA — Title of okokokokokA"),
      std::string::npos);
}

TEST(OnlineCli, BadOptionsAreUsageErrors) {
  const std::string deck = "input/ai-2019-review.txt";
  EXPECT_EQ(run_handout("links " + deck + " --cache x.json").status, 2);  // without --online
  EXPECT_EQ(run_handout("links " + deck + " --online --max-cache-age soon").status, 2);
  EXPECT_EQ(run_handout("links " + deck + " --online --youtube-endpoint ftp://x").status, 2);
  EXPECT_EQ(run_handout("links " + deck + " --online --concurrency 0").status, 2);
  EXPECT_EQ(run_handout("links " + deck + " --online --timeout").status, 2);
  EXPECT_EQ(run_handout("links " + deck + " --fail-on maybe").status, 2);
  EXPECT_NE(run_handout("links --help").out.find("--youtube-endpoint"), std::string::npos);
}

}  // namespace
}  // namespace handout::test
