"""The query language."""

from __future__ import annotations

import pytest

from reader.core.errors import QuerySyntaxError
from reader.core.search.query import DateRange, Term, parse_query


def test_words_separated_by_spaces_must_all_match():
    query = parse_query("疫苗 接种")
    assert query.groups == [[Term("疫苗")], [Term("接种")]]


def test_or_joins_neighbours_into_one_group():
    query = parse_query("疫苗 OR 核酸 志愿者")
    assert query.groups == [[Term("疫苗"), Term("核酸")], [Term("志愿者")]]


def test_minus_and_not_exclude():
    query = parse_query("疫苗 -儿童 NOT 医院")
    assert query.groups == [[Term("疫苗")]]
    assert query.excluded == [Term("儿童"), Term("医院")]


def test_quoted_phrase_keeps_its_spaces():
    query = parse_query('"文明旅游 共同呵护" 景区')
    assert query.groups[0] == [Term("文明旅游 共同呵护", quoted=True)]


def test_title_field_and_quoted_title():
    assert parse_query("title:文明").groups == [[Term("文明", headline_only=True)]]
    assert parse_query('title:"文明 城区"').groups == [[Term("文明 城区", headline_only=True, quoted=True)]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date:2021-11", DateRange("2021-11-01", "2021-11-31")),
        ("date:2021", DateRange("2021-01-01", "2021-12-31")),
        ("date:2021-01-01..2021-12-31", DateRange("2021-01-01", "2021-12-31")),
        ("date:2022-3..", DateRange("2022-03-01", "9999-12-31")),
    ],
)
def test_date_filters(text, expected):
    assert parse_query(text).dates == expected


@pytest.mark.parametrize("text", ["date:昨天", "date:2021-13", 'foo:"x"'])
def test_bad_syntax_is_explained(text):
    with pytest.raises(QuerySyntaxError):
        parse_query(text)


def test_lowercase_or_is_an_ordinary_word():
    assert parse_query("or").groups == [[Term("or")]]
