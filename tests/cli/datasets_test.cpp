// Datasets at scale (issue 7): threads, CSV, JSON and SQLite outputs, filters, accounting,
// and the JSONL filter mode that distributed engines run, on the corpora of the project.
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "test_support.h"

namespace sosu {
namespace {

std::string cli() { return std::string(SOSU_CLI_PATH) + " "; }
std::string corpora() { return (testing::source_dir() / "corpora").string(); }
std::string corpus(const std::string& name) { return (testing::source_dir() / "corpora" / name).string(); }

// RFC 4180: fields split at commas outside quotes, "" inside quotes is one quote, records end
// at CRLF outside quotes.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    lines.push_back(nlohmann::json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

TEST(Threads, TheOutputIsTheSameOnOneThreadOrFour) {
  std::string one, four, err;
  ASSERT_EQ(testing::run_command(cli() + "extract --jobs 1 " + corpora(), &one, &err), 0) << err;
  ASSERT_EQ(testing::run_command(cli() + "extract --jobs 4 " + corpora(), &four, &err), 0) << err;
  EXPECT_GT(one.size(), 100000u);
  EXPECT_EQ(one, four);
}

TEST(Threads, AHugeDocumentIsSplitAndNumberedAsOne) {
  // 3 MiB in one document: six pieces of 512 KiB on two threads, sentences numbered across them.
  const std::filesystem::path big =
      std::filesystem::temp_directory_path() / ("sosu-big-document-" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(big, std::ios::binary);
    for (int i = 0; i < 36000; ++i) out << "올해 " << i << "번째 조사에서 당원 1,061명과 단위 4,925개가 확인됐다.\n";
  }
  std::string one, two, err;
  ASSERT_EQ(testing::run_command(cli() + "extract --jobs 1 --kinds count " + big.string(), &one, &err), 0) << err;
  ASSERT_EQ(testing::run_command(cli() + "extract --jobs 2 --kinds count " + big.string(), &two, &err), 0) << err;
  EXPECT_EQ(one, two);
  const auto last = nlohmann::json::parse(one.substr(one.rfind('\n', one.size() - 2) + 1));
  EXPECT_EQ(last["sentence"], 35999);
  EXPECT_EQ(last["text"], "4,925개");
  // CSV rows are written on the worker threads too, and renumbered the same way.
  std::string csv;
  ASSERT_EQ(testing::run_command(cli() + "extract --format csv --jobs 2 --kinds count " + big.string(), &csv, &err), 0)
      << err;
  auto rows = parse_csv(csv);
  ASSERT_EQ(rows.size(), 72001u);  // the header and two counts a line
  const auto& header = rows[0];
  const auto sentence = static_cast<std::size_t>(std::find(header.begin(), header.end(), "sentence") - header.begin());
  EXPECT_EQ(rows[72000][sentence], "35999");
  EXPECT_EQ(rows[36001][sentence], "18000");
  // --format json streams the document's object: one object, its figures across the pieces.
  std::string json;
  ASSERT_EQ(testing::run_command(cli() + "extract --format json --jobs 2 --kinds count " + big.string(), &json, &err), 0)
      << err;
  auto documents = json_lines(json);
  ASSERT_EQ(documents.size(), 1u);
  ASSERT_EQ(documents[0]["figures"].size(), 72000u);
  EXPECT_EQ(documents[0]["figures"][71999]["sentence"], 35999);
  EXPECT_EQ(documents[0]["bytes"], std::filesystem::file_size(big));
  std::filesystem::remove(big);
}

TEST(Csv, ParsesBackWithTheRecordsFields) {
  std::string csv, jsonl, err;
  ASSERT_EQ(testing::run_command(cli() + "extract --format csv --bom --with-sentence " + corpus("ko/employment-mixed.txt"),
                                 &csv, &err),
            0)
      << err;
  ASSERT_EQ(testing::run_command(cli() + "extract " + corpus("ko/employment-mixed.txt"), &jsonl, &err), 0);
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);  // the BOM for Excel
  auto rows = parse_csv(std::string_view(csv).substr(3));
  auto records = json_lines(jsonl);
  ASSERT_EQ(rows.size(), records.size() + 1);
  const std::vector<std::string>& header = rows[0];
  ASSERT_EQ(header.front(), "v");
  ASSERT_EQ(header.back(), "sentence_text");
  auto column = [&](const char* name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  for (std::size_t k = 0; k < records.size(); ++k) {
    const auto& row = rows[k + 1];
    ASSERT_EQ(row.size(), header.size());
    const auto& r = records[k];
    EXPECT_EQ(row[column("text")], r["text"].get<std::string>());
    EXPECT_EQ(row[column("kind")], r["kind"].get<std::string>());
    EXPECT_EQ(row[column("value")], r["value"].is_null() ? "" : r["value"].dump());
    EXPECT_EQ(row[column("subject")], r["subject"].is_null() ? "" : r["subject"].get<std::string>());
    EXPECT_EQ(row[column("time_text")], r["time"].is_null() ? "" : r["time"]["text"].get<std::string>());
    EXPECT_NE(row[column("sentence_text")].find(row[column("text")]), std::string::npos);
  }
}

TEST(Json, OneObjectPerDocumentWithItsFigures) {
  std::string out, err;
  ASSERT_EQ(testing::run_command(cli() + "extract --format json " + corpus("vi"), &out, &err), 0) << err;
  auto documents = json_lines(out);
  ASSERT_GE(documents.size(), 4u);
  for (const auto& d : documents) {
    EXPECT_TRUE(d["figures"].is_array());
    for (const auto& f : d["figures"]) EXPECT_EQ(f["doc"], d["doc"]);
  }
  EXPECT_EQ(documents[0]["decimal_mark"], ",");
}

TEST(Sqlite, TablesAnswerTheReadmeQueryAndARerunAddsNothing) {
  const std::filesystem::path db =
      std::filesystem::temp_directory_path() / ("sosu-test-" + std::to_string(::getpid()) + ".sqlite");
  std::filesystem::remove(db);
  std::string out, err;
  const std::string command = cli() + "extract --sqlite " + db.string() + " " + corpus("ko") + " " + corpus("vi");
  ASSERT_EQ(testing::run_command(command, &out, &err), 0) << err;
  ASSERT_EQ(testing::run_command(command, &out, &err), 0) << err;
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &handle), SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(handle, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(handle);
    std::string value;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return value;
  };
  const std::string documents = scalar("SELECT count(*) FROM documents");
  EXPECT_EQ(documents, scalar("SELECT count(DISTINCT id) FROM documents"));
  EXPECT_EQ(std::stoi(documents), 22);  // 11 texts and their 11 expected-record files
  EXPECT_EQ(scalar("SELECT count(*) FROM figures WHERE doc LIKE '%seed%'"), "0");
  // The README's query: the figures of sentences that mention 취업자, largest first.
  EXPECT_EQ(scalar("SELECT f.text FROM figures f JOIN sentences_fts s ON s.doc = f.doc AND s.idx = f.sentence "
                   "WHERE sentences_fts MATCH '취업자' AND f.kind = 'count' ORDER BY f.value DESC LIMIT 1"),
            "4,543만1000명");  // 15세 이상 인구는 4,543만1000명으로 이 가운데 취업자 비율을 …
  EXPECT_EQ(scalar("SELECT decimal_mark FROM documents WHERE id LIKE '%ngan-sach-thuong-mai.txt'"), ",");
  EXPECT_NE(scalar("SELECT tool FROM documents LIMIT 1").find("sosu "), std::string::npos);
  sqlite3_close(handle);
  std::filesystem::remove(db);
}

TEST(Filters, KindsLanguageAndValue) {
  std::string out, err;
  ASSERT_EQ(testing::run_command(cli() + "extract --kinds money,percent --only-lang vi --min-value 1000 " + corpora(),
                                 &out, &err),
            0)
      << err;
  auto records = json_lines(out);
  ASSERT_FALSE(records.empty());
  for (const auto& r : records) {
    EXPECT_TRUE(r["kind"] == "money" || r["kind"] == "percent");
    EXPECT_EQ(r["lang"], "vi");
    EXPECT_GE(r["value"].get<double>(), 1000);
  }
  EXPECT_EQ(testing::run_command(cli() + "extract --kinds counts x", &out, &err), 2);
  EXPECT_NE(err.find("--kinds: no kind counts"), std::string::npos);
}

TEST(Accounting, StatsAddUpAndErrorsAreRecords) {
  const std::filesystem::path errors =
      std::filesystem::temp_directory_path() / ("sosu-errors-" + std::to_string(::getpid()) + ".jsonl");
  std::string out, err;
  const std::string inputs = corpus("ko") + " " + (testing::test_data_dir() / "errors").string();
  EXPECT_EQ(testing::run_command(cli() + "extract --stats --errors " + errors.string() + " " + inputs, &out, &err), 2);
  std::smatch m;
  const std::regex counts("documents: ([0-9]+) read, ([0-9]+) ok, ([0-9]+) failed");
  ASSERT_TRUE(std::regex_search(err, m, counts)) << err;
  EXPECT_EQ(std::stoi(m[1]), std::stoi(m[2]) + std::stoi(m[3]));
  EXPECT_GT(std::stoi(m[3]), 0);
  auto logged = json_lines(testing::read_file(errors));
  EXPECT_EQ(logged.size(), static_cast<std::size_t>(std::stoi(m[3])));
  for (const auto& e : logged) {
    EXPECT_TRUE(e.contains("doc") && e.contains("code") && e.contains("message"));
  }
  std::filesystem::remove(errors);
}

TEST(FilterMode, JsonlInThroughGnuParallelEqualsOneProcess) {
  if (testing::run_command("command -v parallel >/dev/null") != 0) GTEST_SKIP() << "GNU parallel is not installed";
  const std::filesystem::path input =
      std::filesystem::temp_directory_path() / ("sosu-docs-" + std::to_string(::getpid()) + ".jsonl");
  {
    std::ofstream out(input, std::ios::binary);
    for (const char* name : {"ko/employment-release.txt", "ko/population-statistics.txt", "vi/kinh-te-xa-hoi-tinh.txt",
                             "vi/ngan-sach-thuong-mai.txt", "ko/employment-mixed.txt", "vi/tin-han-quoc-tieng-viet.txt"}) {
      nlohmann::json doc = {{"id", name}, {"text", testing::read_file(corpus(name))}, {"date", "2024-11-27"}};
      out << doc.dump() << '\n';
    }
  }
  std::string single, merged, err;
  ASSERT_EQ(testing::run_command(cli() + "extract --jsonl-in " + input.string(), &single, &err), 0) << err;
  ASSERT_EQ(testing::run_command("parallel --pipe -N 1 -j 3 --keep-order " + cli() + "extract --jsonl-in - < " +
                                     input.string(),
                                 &merged, &err),
            0)
      << err;
  EXPECT_GT(single.size(), 10000u);
  EXPECT_EQ(single, merged);
  // The "date" of each line is the document's date: relative times resolve against it.
  EXPECT_NE(single.find("\"doc_date\":\"2024-11-27\""), std::string::npos);
  std::filesystem::remove(input);
}

}  // namespace
}  // namespace sosu
