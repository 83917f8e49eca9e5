"""The CLI contracts that tools outside the project rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from reader.cli import main
from reader.config import seeds_dir
from tests.loaded_modules import modules_loaded_by

SEED_000 = seeds_dir() / "000_3ec1d81f3cd0b893.txt"


def _run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_parse_json_contract(capsys):
    code, out, _ = _run(capsys, "parse", str(SEED_000), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"source", "publication", "date", "articles", "unassigned"}  # keys may be added
    assert data["source"] == SEED_000.name
    assert data["date"] == "2021-11"
    article = data["articles"][0]
    assert set(article) == {"title", "kicker", "subtitle", "kind", "byline", "reporters", "paragraphs", "page"}
    assert article["paragraphs"][0].startswith("本报讯(记者 霍吕)")


def test_parse_gives_each_article_the_page_its_running_head_names(capsys, tmp_path):
    issue = tmp_path / "云岫时报_2022-05-10.txt"
    issue.write_text(
        "云岫时报 2022年5月10日 星期二 第2版 要闻\n\n\n第一篇报道的标题\n\n本报讯 第一篇的正文。\n\n\n"
        "云岫时报 2022年5月10日 星期二 第3版 综合\n\n\n第二篇报道的标题\n\n本报讯 第二篇的正文。\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "parse", str(issue), "--json")
    assert code == 0
    assert [(a["title"], a["page"]) for a in json.loads(out)["articles"]] == [
        ("第一篇报道的标题", "2"),
        ("第二篇报道的标题", "3"),
    ]


def test_parse_explain_names_each_line_role(capsys, tmp_path):
    issue = tmp_path / "样报_2022-05-10.txt"
    issue.write_text(
        "样报 2022年5月10日 星期二 第2版\n\n标题在这里\n\n本报讯(记者 张三)正文。\n(下转3版)\n", encoding="utf-8"
    )
    code, out, _ = _run(capsys, "parse", str(issue), "--explain")
    assert code == 0
    roles = {line.split()[0]: line.split()[1] for line in out.splitlines()}
    assert roles == {"1": "furniture", "3": "headline", "5": "lead", "6": "furniture"}
    assert "running head" in out and "jump" in out


def test_import_list_search_contracts(capsys, tmp_path):
    data_dir = str(tmp_path / "库")
    code, out, err = _run(capsys, "--data-dir", data_dir, "import", str(seeds_dir()), "--json")
    assert code == 0 and err == ""
    assert len(json.loads(out)["imported"]) == 5

    code, out, _ = _run(capsys, "list", "--json", "--data-dir", data_dir)
    issues = json.loads(out)["issues"]
    assert len(issues) == 5
    assert set(issues[0]) == {"id", "source", "publication", "date", "articles"}

    code, out, _ = _run(capsys, "search", '"核酸检测采样"', "--json", "--data-dir", data_dir)
    result = json.loads(out)
    assert result["query"] == '"核酸检测采样"' and result["total"] == 2
    hit = result["hits"][0]
    assert set(hit) == {"issue", "source", "ordinal", "title", "publication", "date", "score", "snippet"}
    assert "«核酸检测采样»" in hit["snippet"]
    # ordinal is the index of the article in that file's parse output
    code, out, _ = _run(capsys, "parse", str(seeds_dir() / hit["source"]), "--json")
    article = json.loads(out)["articles"][hit["ordinal"]]
    assert article["title"] == hit["title"]


def test_search_limit_and_readable_listing(capsys, tmp_path):
    data_dir = str(tmp_path / "库")
    _run(capsys, "import", str(seeds_dir()), "--data-dir", data_dir)
    code, out, _ = _run(capsys, "search", "疫情", "--limit", "2", "--json", "--data-dir", data_dir)
    result = json.loads(out)
    assert len(result["hits"]) == 2 and result["total"] > 2
    code, out, _ = _run(capsys, "search", "疫情", "--data-dir", data_dir)
    assert code == 0 and "«疫情»" in out
    assert "facets" not in result and "by publication" not in out


def test_search_facets_count_all_matches_per_publication_year_and_month(capsys, seeded_paths):
    data_dir = str(seeded_paths.data_dir)
    code, out, _ = _run(capsys, "search", "疫情", "--limit", "1", "--facets", "--json", "--data-dir", data_dir)
    result = json.loads(out)
    facets = result["facets"]
    assert code == 0 and len(result["hits"]) == 1
    assert sum(entry["count"] for entry in facets["publications"]) == result["total"]
    assert sum(entry["count"] for entry in facets["years"]) == result["total"]
    assert sum(entry["count"] for entry in facets["months"]) == result["total"]
    narrowed = facets["publications"][0]
    code, out, _ = _run(
        capsys, "search", "疫情", f"publication:{narrowed['publication']}", "--json", "--data-dir", data_dir
    )
    assert json.loads(out)["total"] == narrowed["count"]
    code, out, _ = _run(capsys, "search", "疫情", "--facets", "--data-dir", data_dir)
    assert f"by publication: {narrowed['publication']} {narrowed['count']}" in out


def test_import_rejections_are_one_line_each_and_exit_1(capsys, tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    code, out, err = _run(capsys, "import", str(empty), str(tmp_path / "无.txt"), str(SEED_000))
    assert code == 1
    lines = err.strip().split("\n")
    assert len(lines) == 2
    assert all(line.startswith("reader: ") for line in lines)
    assert "Traceback" not in err
    assert "1 imported" in out


def test_duplicate_import_is_not_an_error(capsys):
    _run(capsys, "import", str(SEED_000))
    code, out, err = _run(capsys, "import", str(SEED_000))
    assert code == 0 and err == ""
    assert "already present" in out


def test_parse_of_a_bad_file_exits_1_without_traceback(capsys, tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01" * 50)
    code, _, err = _run(capsys, "parse", str(binary))
    assert code == 1 and "binary" in err and "Traceback" not in err


def test_reindex(capsys):
    _run(capsys, "import", str(SEED_000))
    code, out, _ = _run(capsys, "reindex")
    assert code == 0 and "1 issues" in out


def test_bad_query_syntax_is_one_line(capsys):
    _run(capsys, "import", str(SEED_000))
    code, _, err = _run(capsys, "search", "date:昨天")
    assert code == 1 and err.count("\n") == 1


@pytest.mark.parametrize("entry", [["-m", "reader"], ["-c", "from reader.cli import main; raise SystemExit(main())"]])
def test_python_dash_m_reader_works(entry, tmp_path):
    env = dict(os.environ, READER_DATA_DIR=str(tmp_path / "d"))
    done = subprocess.run(
        [sys.executable, *entry, "parse", str(SEED_000), "--json"], capture_output=True, env=env, timeout=60
    )
    assert done.returncode == 0
    assert json.loads(done.stdout.decode("utf-8"))["source"] == SEED_000.name


def test_parse_json_shows_how_metadata_was_obtained(capsys):
    _, out, _ = _run(capsys, "parse", str(SEED_000), "--json")
    data = json.loads(out)
    assert (data["publication"], data["publication_origin"]) == ("北碚报", "inferred")
    assert (data["date_precision"], data["date_origin"], data["page"]) == ("month", "inferred", None)


def test_correct_command(capsys):
    _run(capsys, "import", str(SEED_000))
    _, out, _ = _run(capsys, "list", "--json")
    issue_id = json.loads(out)["issues"][0]["id"]
    code, out, _ = _run(capsys, "correct", issue_id, "--date", "2021-11-09", "--json")
    assert code == 0 and json.loads(out)["date"] == "2021-11-09"
    code, _, err = _run(capsys, "correct", issue_id, "--date", "11月")
    assert code == 1 and "not a date" in err
    code, _, err = _run(capsys, "correct", "nonexistent")
    assert code == 2


def test_search_without_an_index_says_so(capsys):
    code, _, err = _run(capsys, "search", "疫苗")
    assert code == 1 and "no up-to-date search index" in err


def test_remove_contract_and_exit_codes(capsys, tmp_path):
    data_dir = str(tmp_path / "文库")
    _run(capsys, "import", str(seeds_dir()), "--data-dir", data_dir)
    _, out, _ = _run(capsys, "list", "--json", "--data-dir", data_dir)
    issues = json.loads(out)["issues"]
    first, second, third = issues[0], issues[1], issues[2]

    code, out, err = _run(capsys, "remove", first["id"], "--json", "--data-dir", data_dir)
    assert code == 0 and err == ""
    assert json.loads(out) == {"removed": [{"id": first["id"], "source": first["source"]}], "unknown": []}

    code, out, err = _run(capsys, "remove", second["id"][:8], "--data-dir", data_dir)  # a prefix as listed
    assert code == 0 and err == ""
    assert f"removed {second['id']}  {second['source']}" in out

    # Any unknown id: nothing is removed, one line on stderr per unknown id, exit 1.
    code, out, err = _run(capsys, "remove", third["id"], "不存在", first["id"], "--json", "--data-dir", data_dir)
    assert code == 1
    assert json.loads(out) == {"removed": [], "unknown": ["不存在", first["id"]]}
    lines = err.strip().split("\n")
    assert len(lines) == 2 and all(line.startswith("reader: ") for line in lines)
    assert "Traceback" not in err
    _, out, _ = _run(capsys, "list", "--json", "--data-dir", data_dir)
    assert [issue["id"] for issue in json.loads(out)["issues"]] == [issue["id"] for issue in issues[2:]]


def test_remove_without_an_id_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["remove"])
    assert exit_info.value.code == 2


def _run_into_closed_pipe(argv: list[str], env: dict) -> subprocess.CompletedProcess:
    """Run the CLI with its stdout a pipe whose reading end is already closed (as after `| head -0`)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "reader", *argv], stdout=write_end, stderr=subprocess.PIPE, env=env, timeout=120
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("argv", [["search", "碚"], ["list"], ["list", "--json"], ["parse", str(SEED_000), "--json"]])
def test_a_closed_stdout_ends_every_command_quietly(seeded_paths, argv):
    env = dict(os.environ, READER_DATA_DIR=str(seeded_paths.data_dir))
    done = _run_into_closed_pipe(argv, env)
    assert done.stderr.decode("utf-8") == ""  # no traceback, no "Exception ignored" at exit
    assert done.returncode == 141


def test_output_cut_short_by_its_reader_ends_quietly(tmp_path):
    """`reader parse --explain BIG | head -1`: the reader closes the pipe while the CLI is still writing."""
    big = tmp_path / "长篇_2023-01-05.txt"
    paragraph = "本报讯 北碚区的志愿者走进社区，为居民讲解垃圾分类的办法，现场发放宣传册两百余份。\n\n"
    big.write_text("长篇报道的标题\n\n" + paragraph * 4000, encoding="utf-8")  # far more than a pipe holds
    env = dict(os.environ, READER_DATA_DIR=str(tmp_path / "库"))
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "parse", "--explain", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 141
    assert error == ""


def test_import_json_reports_duplicates_with_the_existing_issue_and_imports_nothing_twice(capsys, tmp_path):
    code, out, err = _run(capsys, "import", str(SEED_000), str(SEED_000), "--json")
    first = json.loads(out)
    assert code == 0 and err == ""
    [imported] = first["imported"]
    issue_id = imported["id"]
    assert imported["path"] == str(SEED_000)
    assert first["duplicates"] == [{"path": str(SEED_000), "id": issue_id, "existing": SEED_000.name}]

    recoded = tmp_path / "北碚报 重存(GB18030).txt"  # the same text in another encoding
    recoded.write_bytes(SEED_000.read_text(encoding="utf-8").encode("gb18030"))
    code, out, err = _run(capsys, "import", str(SEED_000), str(recoded), "--json")
    again = json.loads(out)
    assert code == 0 and err == ""
    assert again["imported"] == [] and again["rejected"] == []
    assert again["duplicates"] == [
        {"path": str(SEED_000), "id": issue_id, "existing": SEED_000.name},
        {"path": str(recoded), "id": issue_id, "existing": SEED_000.name},
    ]
    code, out, _ = _run(capsys, "list", "--json")
    assert [issue["id"] for issue in json.loads(out)["issues"]] == [issue_id]


def test_the_cli_keeps_its_english_reasons_and_query_errors(capsys, tmp_path):
    """The window words errors in its language; the command line keeps the core's English sentences."""
    binary = tmp_path / "扫描件.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "空白稿.txt"
    empty.write_bytes(b"")
    code, _, err = _run(capsys, "import", str(binary), str(empty))
    assert code == 1
    assert err.splitlines() == [
        f"reader: {binary}: this is a binary file, not a text file",
        f"reader: {empty}: the file is empty",
    ]
    code, out, _ = _run(capsys, "import", str(binary), "--json")
    assert json.loads(out)["rejected"] == [{"path": str(binary), "reason": "this is a binary file, not a text file"}]
    _run(capsys, "import", str(SEED_000))
    code, _, err = _run(capsys, "search", "核酸 date:2021-13")
    assert (code, err) == (1, "reader: “2021-13” has no such month\n")


def test_search_batch_answers_one_json_line_per_query_with_took_ms(seeded_paths):
    """`reader search --batch`: queries on stdin, one JSON object per line, errors inline, blank lines skipped."""
    queries = '疫苗\n\n"核酸检测采样"\n碚 date:2021-13\n量子纠缠\n'
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "--batch", "--limit", "3", "--data-dir", str(seeded_paths.data_dir)],
        input=queries,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [answer["query"] for answer in answers] == ["疫苗", '"核酸检测采样"', "碚 date:2021-13", "量子纠缠"]
    assert all(answer["took_ms"] >= 0 for answer in answers)
    single = json.loads(
        subprocess.run(
            [sys.executable, "-m", "reader", "search", "疫苗", "--json", "--limit", "3"],
            env=dict(os.environ, READER_DATA_DIR=str(seeded_paths.data_dir)),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        ).stdout
    )
    assert {key: value for key, value in answers[0].items() if key != "took_ms"} == single
    assert answers[1]["total"] > 0 and len(answers[1]["hits"]) <= 3
    assert "error" in answers[2] and "month" in answers[2]["error"]
    assert answers[3]["total"] == 0 and answers[3]["hits"] == []


def test_search_batch_and_query_together_is_a_usage_error(capsys):
    code, _, err = _run(capsys, "search", "疫苗", "--batch")
    assert code == 2 and "--batch" in err


def test_a_search_that_needs_no_ranking_loads_neither_jieba_nor_the_parser(seeded_paths):
    """A query with no hits costs a whole process only its start: jieba, the writer, even numpy stay unloaded."""
    code = (
        "from reader.cli import main\n"
        f"assert main(['search', '量子纠缠', '--json', '--data-dir', {str(seeded_paths.data_dir)!r}]) in (0, None)"
    )
    unwanted = (
        "jieba",
        "reader.core.parsing.parse",
        "reader.core.search.pooled_writer",
        "multiprocessing",
        "numpy",
        "urllib.request",  # Whoosh's imports, left out (reader.core.search.light_imports)
        "http",
        "asyncio",
    )
    assert modules_loaded_by(code, unwanted) == []


def test_search_batch_reads_utf8_whatever_the_locale_and_skips_a_byte_order_mark(seeded_paths):
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "--batch", "--limit", "1", "--data-dir", str(seeded_paths.data_dir)],
        input="\ufeff北碚\n碚\n".encode(),
        env=dict(os.environ, PYTHONIOENCODING="cp1252"),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [answer["query"] for answer in answers] == ["北碚", "碚"]
    assert all(answer["total"] > 0 for answer in answers)
