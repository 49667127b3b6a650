"""The fast schema check (fastjsonschema) never says "valid" where jsonschema finds an error.

``schema_messages`` skips jsonschema for files that fastjsonschema's compiled
check finds valid, so the messages stay jsonschema's only if the two verdicts
agree. They are compared here on every file the loader checks in the corpus of
bad sources, the real sources, the fixture handbook and a generated one; on
values built to hit the known differences of the two libraries (1.0 and true as
integers, "$" before a final newline, siblings of ``$ref``, ...); and on real
sources with one value changed, by Hypothesis. Schemas the fast check cannot
vouch for must fall back to jsonschema.

A verdict here is "valid" or not. The fast check may also say "not valid"
because it cannot tell (a whole float such as 8.0 anywhere in the data): then
jsonschema decides, which costs time only, so that case is allowed to differ
and asserted as such.
"""

from __future__ import annotations

import contextlib
import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
import sop_handbook.loader as loader
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sop_handbook import schema
from sop_handbook.problems import SourceError
from sop_handbook.yamlsource import Source, read_source

from .conftest import FIXTURES, ROOT, load, real_sources
from .test_source_errors import CASES, sources_with

SCHEMA_DIR = ROOT / "schema"
SCHEMA_FILES = sorted(SCHEMA_DIR.glob("*.schema.json"))
DRAFT = "https://json-schema.org/draft/2020-12/schema"
Checked = tuple[str, Any, Path]  # (where, data, schema file)


def jsonschema_valid(data: Any, schema_file: Path) -> bool:
    """The reference verdict: jsonschema as configured by ``schema.validator``."""
    return next(iter(schema.validator(schema_file).iter_errors(data)), None) is None


def fast_says_valid(data: Any, schema_file: Path) -> bool:
    check = schema.fast_validator(schema_file)
    assert check is not None, f"{schema_file.name} has no fast check"
    return schema.fast_valid(check, data)


def has_whole_float(value: Any) -> bool:
    """Whether the fast check must leave ``value`` to jsonschema (see ``schema.fast_valid``)."""
    if isinstance(value, dict):
        return any(has_whole_float(v) for v in value.values())
    if isinstance(value, list):
        return any(has_whole_float(v) for v in value)
    return isinstance(value, float) and value.is_integer()


def disagreements(checked: list[Checked]) -> list[str]:
    """The checked files on which the two verdicts differ, for the failure message."""
    return [
        f"{where} ({schema_file.name}): fast={fast}, jsonschema={slow}"
        for where, data, schema_file in checked
        if (fast := fast_says_valid(data, schema_file)) != (slow := jsonschema_valid(data, schema_file))
    ]


def checked_by_loader(load_them: Any) -> list[Checked]:
    """Every (file, data, schema file) that the loader validates while ``load_them()`` runs."""
    checked: list[Checked] = []
    original = loader.schema_messages

    def recording(source: Source, schema_file: Path) -> Iterator[tuple[Any, str]]:
        checked.append((source.file, copy.deepcopy(source.data), schema_file))
        return original(source, schema_file)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "schema_messages", recording)
        with contextlib.suppress(SourceError):  # a case of the corpus stops the load: its files were checked
            load_them()
    return checked


def test_every_schema_file_has_a_fast_check():
    """Otherwise schema_messages is as slow as before, and the tests below compare jsonschema with itself."""
    assert len(SCHEMA_FILES) == 4
    for schema_file in SCHEMA_FILES:
        assert json.loads(schema_file.read_text(encoding="utf-8"))["$schema"] == DRAFT
        assert schema.fast_validator(schema_file) is not None, schema_file.name


# --- the verdicts agree on every file the loader checks ---------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_checked(tmp_path_factory) -> list[Checked]:
    """Every file validated while loading each case of tests/cases/errors/ (with the real sources beside it)."""
    checked: list[Checked] = []
    for case in CASES:
        tmp_path = tmp_path_factory.mktemp(case.name)
        source_dir, _ = sources_with(tmp_path, case)
        found = checked_by_loader(lambda: load(source_dir, tmp_path))  # noqa: B023 - called at once
        checked += [(f"{case.name}: {where}", data, schema_file) for where, data, schema_file in found]
    return checked


@pytest.mark.slow
def test_verdicts_agree_on_the_corpus_of_bad_sources(corpus_checked):
    assert disagreements(corpus_checked) == []
    invalid = [where for where, data, schema_file in corpus_checked if not jsonschema_valid(data, schema_file)]
    # The corpus reaches the schema with many invalid files, of every kind.
    assert len(invalid) >= 30
    kinds = {schema_file.name for _, data, schema_file in corpus_checked if not jsonschema_valid(data, schema_file)}
    assert kinds == {f.name for f in SCHEMA_FILES}


def test_verdicts_agree_on_the_real_and_fixture_sources(tmp_path):
    real = checked_by_loader(lambda: load(ROOT / "sop_source", ROOT))
    multi = checked_by_loader(lambda: load(FIXTURES / "multi", tmp_path))
    assert len(real) == len(real_sources())
    assert len(multi) == len(list(FIXTURES.joinpath("multi").glob("*.yaml")))
    assert disagreements(real + multi) == []
    assert all(fast_says_valid(data, schema_file) for _, data, schema_file in real + multi)


def test_verdicts_agree_on_a_generated_handbook(tmp_path):
    out = tmp_path / "dibangkitkan"
    command = [sys.executable, str(ROOT / "bench" / "generate.py"), "--sops", "30", "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
    checked = checked_by_loader(lambda: loader.load_project(out))
    assert len(checked) >= 30
    assert disagreements(checked) == []
    assert all(fast_says_valid(data, schema_file) for _, data, schema_file in checked)


# --- values built to hit the differences between the two libraries ----------------------------------------------

SUBSCHEMAS: list[dict[str, Any]] = [
    {"type": "integer"},
    {"type": "integer", "minimum": 1},
    {"type": "number"},
    {"type": "number", "exclusiveMinimum": 0, "maximum": 24},
    {"type": "number", "exclusiveMaximum": 7},
    {"type": "boolean"},
    {"type": "string"},
    {"type": ["string", "null"]},
    {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    {"type": "array"},
    {"type": "object"},
    {"type": "null"},
    {"pattern": "\\S"},
    {"type": "string", "pattern": "^[a-z0-9]+(?:[-_][a-z0-9]+)*$"},
    {"pattern": "^https?://"},
    {"pattern": "^abc$"},
    {"pattern": "c$|^$"},
    {"pattern": "\\$"},  # an escaped "$" is a dollar sign in both
    {"pattern": "(?!abc$)^a"},  # "$" inside a negative lookahead: fastjsonschema's "\Z" alone would accept "abc\n"
    {"enum": ["proses", "keputusan"]},
    {"enum": [1, None]},
    {"enum": [True]},
    {"enum": [2.0]},
    {"const": "keputusan"},
    {"const": 1},
    {"const": False},
    {"not": {"type": "integer"}},
    {"oneOf": [{"type": "integer"}, {"type": "number"}]},
    {"anyOf": [{"type": "integer"}, {"type": "string", "minLength": 2}]},
    {"allOf": [{"type": "string"}, {"maxLength": 3}]},
    {"if": {"type": "integer"}, "then": {"minimum": 2}, "else": {"type": "string"}},
    {"type": "array", "minItems": 1, "maxItems": 2, "items": {"type": "integer"}},
    {"type": "object", "additionalProperties": False, "properties": {"a": {"type": "integer"}}},
    {"type": "object", "additionalProperties": {"type": "string"}, "properties": {"a": True}},
    {"type": "object", "required": ["a"], "properties": {"a": {"type": ["string", "null"]}}},
    {
        "type": "object",
        "properties": {"jenis": {"enum": ["proses", "keputusan"]}, "tidak": {"type": "integer"}},
        "if": {"properties": {"jenis": {"const": "keputusan"}}, "required": ["jenis"]},
        "then": {"required": ["tidak"]},
    },
    {"$ref": "#/$defs/teks", "description": "annotations may stand beside $ref", "$defs": {"teks": {"pattern": "\\S"}}},
    {"items": {"$ref": "#"}, "type": ["array", "integer"]},  # recursive
    {"type": "string", "title": "t", "format": "email", "default": 3, "examples": [1], "$comment": "annotations"},
]
VALUES: list[Any] = [
    *(0, 1, 2, -1, 3, 10**30, True, False, None),
    *(1.0, 2.0, 0.0, -0.0, 1.5, 7.5, 24.0, 24.5),
    *("", " ", "\n", " \t\n", "1", "a", "ab", "abc", "abc\n", "abc\n\n", "\nabc", "abc ", "c\n", "$"),
    *("keputusan", "proses", "penyusunan-lkpj", "Penyusunan-LKPJ", "penyusunan-lkpj\n", "a--b"),
    *("2023-08-31", "2023-08-31\n", "2023-8-31", "https://x", "ftp://x", "not an email"),
    *([], [1], [1, 2], [1, 2, 3], [1.0], [True], ["a"], [[1]], [[[1]]]),
    *({}, {"a": 1}, {"a": 1.0}, {"a": True}, {"a": None}, {"a": "x"}, {"b": 1}, {"a": 1, "b": "x"}),
    *({"jenis": "keputusan"}, {"jenis": "keputusan", "tidak": 2}, {"jenis": "keputusan", "tidak": 2.0}),
    *({"jenis": "proses"}, {"jenis": True}, {"tidak": 1}),
]


def verdicts(subschema: dict[str, Any], value: Any) -> tuple[bool, bool]:
    """(fast says valid, jsonschema finds no error) for ``value`` against a 2020-12 schema."""
    whole = {"$schema": DRAFT, **subschema}
    check = schema.compile_fast(whole)
    assert check is not None, f"no fast check for {subschema}"
    slow = next(iter(schema.strict_validator(whole).iter_errors(value)), None) is None
    return schema.fast_valid(check, value), slow


@pytest.mark.parametrize("subschema", SUBSCHEMAS, ids=lambda s: json.dumps(s)[:60])
def test_verdicts_agree_on_values_where_the_libraries_differ(subschema):
    outcomes = set()
    for value in VALUES:
        fast, slow = verdicts(subschema, copy.deepcopy(value))
        assert slow or not fast, f"fast check says valid, jsonschema does not: {value!r}"
        if has_whole_float(value):
            assert not fast, f"a whole float is jsonschema's to judge: {value!r}"
        else:
            assert fast == slow, f"{value!r}: fast={fast}, jsonschema={slow}"
        outcomes.add(slow)
    assert outcomes == {True, False}, "each schema must accept some values and refuse others"


@pytest.mark.parametrize(
    ("subschema", "value", "jsonschema_says"),
    [
        ({"type": "integer"}, 1.0, False),
        ({"not": {"type": "integer"}}, 1.0, True),
        ({"oneOf": [{"type": "integer"}, {"type": "number"}]}, 2.0, True),
        ({"pattern": "^abc$"}, "abc\n", True),
        ({"pattern": "(?!abc$)^a"}, "abc\n", False),
        ({"$ref": "#/$defs/teks", "$defs": {"teks": {"type": "string"}}, "minLength": 2}, "a", False),
        ({"type": "array"}, (1, 2), False),
    ],
)
def test_raw_fastjsonschema_differs_where_the_fast_check_does_not(subschema, value, jsonschema_says):
    """The differences are real: fastjsonschema as it comes gets these wrong, the fast check does not."""
    whole = {"$schema": DRAFT, **subschema}
    raw = fastjsonschema.compile(copy.deepcopy(whole))
    try:
        raw(value)
        raw_says = True
    except fastjsonschema.JsonSchemaValueException:
        raw_says = False
    assert raw_says != jsonschema_says
    assert (next(iter(schema.strict_validator(whole).iter_errors(value)), None) is None) == jsonschema_says
    check = schema.compile_fast(whole)
    if check is not None:  # None: left to jsonschema
        fast = schema.fast_valid(check, value)
        assert fast == jsonschema_says or (has_whole_float(value) and not fast)


@pytest.mark.parametrize(
    "subschema",
    [
        {"$ref": "#/$defs/teks", "$defs": {"teks": {"type": "string"}}, "minLength": 2},  # draft-07 ignores minLength
        {"$ref": "other.schema.json#/$defs/teks"},  # not in this file
        {"prefixItems": [{"type": "integer"}]},  # unknown to fastjsonschema: silently ignored there
        {"unevaluatedProperties": False, "properties": {"a": True}},
        {"dependentRequired": {"a": ["b"]}},
        {"uniqueItems": True},  # fastjsonschema compares with ==, where jsonschema tells true from 1
        {"patternProperties": {"^a$": {"type": "integer"}}},
        {"pattern": "(?m)^a$"},  # "$" before any newline
        {"enum": [[1], "a"]},  # a container compared with ==: [True] == [1]
        {"const": {"a": 1}},
        {"pattern": "("},  # not a regular expression: fastjsonschema cannot compile it
        {"type": "mot"},
        {"properties": {"a": {"$id": "inner", "type": "integer"}}},  # a nested $id moves the base of references
    ],
    ids=lambda s: json.dumps(s)[:60],
)
def test_a_schema_the_fast_check_cannot_vouch_for_is_left_to_jsonschema(subschema):
    assert schema.compile_fast({"$schema": DRAFT, **subschema}) is None


@pytest.mark.parametrize(
    "declared", [None, "http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-04/schema#"]
)
def test_other_drafts_are_left_to_jsonschema(declared):
    subschema = {"type": "integer"} if declared is None else {"$schema": declared, "type": "integer"}
    assert schema.compile_fast(subschema) is None


def test_a_schema_file_without_fast_check_gives_jsonschemas_messages(tmp_path):
    schema_file = tmp_path / "daftar.schema.json"
    whole = {"$schema": DRAFT, "type": "object", "prefixItems": [{"type": "integer"}], "required": ["id"]}
    schema_file.write_text(json.dumps(whole), encoding="utf-8")
    assert schema.fast_validator(schema_file) is None
    assert list(schema.schema_messages(Source("x.yaml", {"id": 1}, {}), schema_file)) == []
    assert list(schema.schema_messages(Source("x.yaml", {}, {}), schema_file)) == [
        ((), "kunci wajib 'id' tidak ada; tambahkan 'id: ...'")
    ]


def test_the_fast_check_changes_nothing_in_the_data():
    whole = {"$schema": DRAFT, "type": "object", "properties": {"a": {"type": "integer", "default": 1}}}
    check = schema.compile_fast(whole)
    assert check is not None
    data: dict[str, Any] = {}
    assert schema.fast_valid(check, data)
    assert data == {}


# --- real sources with one value changed ------------------------------------------------------------------------

SCHEMA_OF = {"organisasi.yaml": "organisasi", "peraturan.yaml": "peraturan", "glosarium.yaml": "glosarium"}


def real_documents() -> list[tuple[str, Any, Path]]:
    """(file name, data, schema file) of every real source."""
    documents = []
    for path in real_sources():
        source, problems = read_source(path, path.name)
        assert source is not None and problems == []
        documents.append((path.name, source.data, SCHEMA_DIR / f"{SCHEMA_OF.get(path.name, 'sop')}.schema.json"))
    return documents


DOCUMENTS = real_documents()


def key_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key path in ``value``, containers before their contents."""
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from key_paths(item, (*path, key))


def check_one(name: str, data: Any, schema_file: Path, messages: bool = True) -> None:
    """The verdicts agree on ``data``; and schema_messages says what jsonschema alone said before."""
    strict = schema.validator(schema_file)
    errors = list(strict.iter_errors(data))
    fast = fast_says_valid(data, schema_file)
    assert fast == (not errors) or (has_whole_float(data) and not fast), f"{name}: fast={fast}, errors={errors}"
    if messages:
        optional = schema._optional_keys(strict.schema)
        before = [message for error in errors for message in schema._explain(error, optional)]
        assert list(schema.schema_messages(Source(name, data, {}), schema_file)) == before


# One source of each schema (the smallest SOP): every value of every file would take minutes.
ONE_OF_EACH = [d for d in DOCUMENTS if d[0] in (*SCHEMA_OF, "penyusunan-lkpj.yaml")]
REPLACEMENTS: list[Any] = [1.0, 2.0, True, False, None, 0, 1, "", "abc\n", [], {}]


@pytest.mark.parametrize("replacement", REPLACEMENTS, ids=repr)
def test_each_value_of_the_real_sources_replaced(replacement):
    """Every value of a real source in turn replaced by a value the two libraries may judge apart."""
    assert len(ONE_OF_EACH) == 4
    for name, document, schema_file in ONE_OF_EACH:
        for path in list(key_paths(document))[1:]:
            data = copy.deepcopy(document)
            *parent, last = path
            container = data
            for key in parent:
                container = container[key]
            container[last] = copy.deepcopy(replacement)
            check_one(f"{name}: {path}", data, schema_file, messages=False)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 25),
    st.sampled_from([0.0, 1.0, 7.5, 24.0, 24.5, -1.0]),
    st.sampled_from(["", " ", "\n", "abc\n", "keputusan", "proses", "2023-08-31", "2023-08-31\n", "https://x"]),
    st.sampled_from(["SKPD", "penyusunan-lkpj", "19650809 198603 1 012", "23", "23 Tahun"]),
    st.text(max_size=4),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["no", "id", "x", "tidak"]), inner),
    max_leaves=5,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_real_sources_with_a_value_changed(data):
    name, document, schema_file = data.draw(st.sampled_from(DOCUMENTS))
    document = copy.deepcopy(document)
    path = data.draw(st.sampled_from(list(key_paths(document))[1:]))
    *parent, last = path
    container = document
    for key in parent:
        container = container[key]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        container[last] = data.draw(JSON_VALUES)
    elif action == "delete":
        del container[last]
    elif isinstance(container[last], dict):
        key = data.draw(st.sampled_from(["jenis", "tidak", "catatan", "kunci_baru"]))
        container[last][key] = data.draw(JSON_VALUES)
    elif isinstance(container[last], list):
        container[last].append(data.draw(JSON_VALUES))
    check_one(f"{name}: {action} {path}", document, schema_file)


EMPTY_FIXES = [
    (("judul",), "isi seperti tertulis di dokumen sumber"),
    (("kualifikasi_pelaksana",), "bila dokumen tidak mencantumkannya, tulis [] atau hapus baris ini"),
    (("langkah", 0, "label"), "bila dokumen tidak mencantumkannya, hapus baris ini"),
    (("disahkan_oleh", "pejabat"), "bila dokumen tidak mencantumkannya, hapus baris ini"),
]


@pytest.mark.parametrize(
    ("path", "fix"), EMPTY_FIXES, ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else ""
)
def test_an_empty_value_is_never_answered_with_fill_it_in(path, fix):
    """A key the form may leave out: the fix for an empty value is to delete it, never to invent one."""
    source, _ = read_source(ROOT / "sop_source" / "penyusunan-lkpj.yaml", "x.yaml")
    data = copy.deepcopy(source.data)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = None
    found = list(schema.schema_messages(Source("x.yaml", data, {}), ROOT / "schema" / "sop.schema.json"))
    assert [(where, message.rsplit("; ", 1)[-1]) for where, message in found] == [(path, fix)]
