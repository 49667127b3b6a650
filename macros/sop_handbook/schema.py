"""Validate source data against the JSON Schemas in ``schema/``.

The schemas are the one description of the source format: editors use them
through the ``yaml-language-server`` line, and the loader uses them here. The
validator's messages are rewritten in Indonesian with the fix attached.

Two libraries share the work. ``jsonschema`` is the reference: its errors are
what ``_explain`` rewrites, so every message comes from it. It is also slow
(about 4 ms per SOP, most of the validation time of a 1000-SOP build), while
almost every file of a build is valid. So a file first goes through a check
compiled by ``fastjsonschema``, which only answers "valid or not": when valid,
there is nothing to say; otherwise jsonschema runs as before. The fast check is
trusted only where its answer is provably jsonschema's (see ``compile_fast``
and ``fast_valid``); anywhere else jsonschema decides alone.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from .problems import KeyPath, did_you_mean, valid_values
from .yamlsource import Source

_TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "array": "daftar (butir diawali '- ')",
    "object": "pemetaan (baris 'kunci: nilai')",
    "boolean": "true atau false",
    "null": "kosong (null)",
}

_PATTERN_HINTS = {
    "^selesai$": "tulis nomor langkah tujuan, atau 'selesai' bila cabang ini mengakhiri prosedur",
    "^[a-z0-9]+(?:[-_][a-z0-9]+)*$": "harus berupa id: huruf kecil, angka dan tanda hubung (mis. 'penyusunan-lkpj')",
    "\\S": "tidak boleh kosong",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "tanggal ditulis TTTT-BB-HH (mis. 2023-08-31)",
    "^[0-9]{8} ?[0-9]{6} ?[0-9] ?[0-9]{3}$": (
        "NIP ditulis 18 angka, dengan atau tanpa spasi di antara kelompoknya: '19650809 198603 1 012' "
        "atau '196508091986031012'"
    ),
    "^[A-Za-z0-9][A-Za-z0-9./-]*$": (
        "singkatan ditulis tanpa spasi: huruf, angka, titik, garis miring atau tanda hubung (mis. 'SKPD', 'Renja')"
    ),
    "^[0-9A-Za-z./-]+$": (
        "nomor peraturan ditulis tanpa spasi dan tanpa tahunnya: angka, huruf, titik, garis miring "
        'atau tanda hubung (mis. "23")'
    ),
    "^https?://": "tautan harus diawali http:// atau https:// (mis. 'https://peraturan.bpk.go.id/...')",
}

# Values that were valid once and name no single thing: a guess between their successors would be wrong half
# the time, so the message names both.
_RETIRED = {
    "peraturan-bupati-walikota": "; tulis 'peraturan-bupati' untuk kabupaten, 'peraturan-wali-kota' untuk kota",
    "peraturan-daerah-kabupaten-kota": (
        "; tulis 'peraturan-daerah-kabupaten' untuk kabupaten, 'peraturan-daerah-kota' untuk kota"
    ),
}

# Items that need one key of several (``anyOf`` of ``required``): what each alternative is for.
_ANY_OF_HINTS = {
    ("peraturan", "tertulis"): (
        ": `peraturan:` dengan id dari peraturan.yaml, atau, bila peraturannya belum dicatat, `tertulis:` dengan "
        "kutipannya seperti di dokumen"
    ),
    ("sop", "nama"): (
        ": `sop:` dengan id SOP di buku ini, atau, untuk SOP di luar buku ini, `nama:` dengan namanya seperti di "
        "dokumen (dan `instansi:`/`url:` bila ada)"
    ),
}


@functools.cache
def validator(schema_file: Path) -> jsonschema.protocols.Validator:
    """A validator for one schema file (read once per process)."""
    return strict_validator(json.loads(schema_file.read_text(encoding="utf-8")))


def strict_validator(schema: Any) -> jsonschema.protocols.Validator:
    """jsonschema's validator for ``schema``, its ``integer`` refusing floats."""
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    # JSON Schema counts 1.0 as an integer; a step number or a year written 1.0 is a typo here.
    strict = cls.TYPE_CHECKER.redefine("integer", lambda _, value: type(value) is int)
    strict_cls: type[jsonschema.protocols.Validator] = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        cls, type_checker=strict
    )
    return strict_cls(schema)


FastCheck = Callable[[Any], object]
"""A validation function compiled by fastjsonschema: returns when valid, raises otherwise."""

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The only draft fastjsonschema is trusted with: the one of the schema files, checked keyword by keyword below."""
# Keywords whose meaning, for data of plain YAML types without whole floats, is
# the same in fastjsonschema's draft-2019 code (its default, which it uses for a
# 2020-12 schema) as in jsonschema's 2020-12 validator configured above. Any
# other keyword (prefixItems, dependentRequired, unevaluatedProperties, ...)
# would be silently ignored by fastjsonschema, so a schema using one is left to
# jsonschema.
_ANNOTATIONS = frozenset(
    # "format" asserts nothing in jsonschema without a format checker; fastjsonschema is told not to check it.
    # "default" changes nothing in jsonschema; fastjsonschema is told not to insert it.
    {"title", "description", "$comment", "examples", "deprecated", "readOnly", "writeOnly", "format", "default"}
)
_ROOT_ONLY = frozenset({"$schema", "$id"})
_ASSERTIONS = frozenset(
    {"type", "enum", "const", "required", "minItems", "maxItems", "minLength", "maxLength"}
    | {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "pattern"}
)
_ONE_SUBSCHEMA = frozenset({"items", "additionalProperties", "not", "if", "then", "else"})
_SUBSCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf"})
_SUBSCHEMA_MAPS = frozenset({"properties", "$defs"})
# "#" or "#/$defs/<name>": a reference into the same file that needs no escaping.
_LOCAL_REF = re.compile(r"#(?:/\$defs/[A-Za-z0-9_-]+)?")
# fastjsonschema's own finder (draft04.DOLLAR_FINDER, documented in its README):
# every unescaped "$" of a pattern becomes "\Z" there, but jsonschema uses
# re.search, where "$" also matches before a final newline ("abc\n" is a valid id).
_DOLLAR = re.compile(r"(?<!\\)\$")
_PYTHON_DOLLAR = r"(?=\n?\Z)"  # what "$" means to re without MULTILINE, written without "$"
_MULTILINE = re.compile(r"\(\?[A-Za-z]*m")  # an inline (?m) flag: "$" would mean more than _PYTHON_DOLLAR
_PLAIN_TYPES = frozenset({str, int, bool, type(None)})


@functools.cache
def fast_validator(schema_file: Path) -> FastCheck | None:
    """fastjsonschema's check for one schema file (compiled once per process), or None: jsonschema alone."""
    return compile_fast(json.loads(schema_file.read_text(encoding="utf-8")))


def compile_fast(schema: Any) -> FastCheck | None:
    """A fastjsonschema check of ``schema`` that is exactly jsonschema's, or None when that cannot be vouched for.

    fastjsonschema implements drafts 4 to 7 (and compiles a 2020-12 schema with
    its draft-07-based default), so the schema is first rewritten into what that
    code means by it (``_for_fastjsonschema``); a schema it cannot be rewritten
    for, or that fastjsonschema fails to compile for whatever reason (its code
    generator can raise more than its own exception), is left to jsonschema
    rather than stopping the build.
    """
    if not isinstance(schema, dict) or schema.get("$schema") != _DRAFT:
        return None
    try:
        rewritten = _for_fastjsonschema(schema, root=True)
        check: FastCheck = fastjsonschema.compile(rewritten, use_default=False, use_formats=False)
    except Exception:  # _Unsupported, or any failure to compile: no fast path for this schema
        return None
    return check


def fast_valid(check: FastCheck, data: Any) -> bool:
    """Whether ``data`` is surely valid: False means invalid, or not for fastjsonschema to say.

    fastjsonschema counts 1.0 as an integer (draft 6 onwards) where ``validator``
    does not, and 1.0 can meet ``integer`` inside ``not``, ``oneOf`` or ``if``
    in either direction; it also takes tuples for arrays and Decimals for
    numbers. Data holding any of these is left to jsonschema, which costs only
    time: YAML gives only dicts, lists, strings, ints, floats, booleans and
    nulls, and a whole float (``8.0``) is rare in a source.
    """
    stack = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            stack.extend(value.values())  # keys are compared by name alike in both; YAML gives string keys
        elif kind is list:
            stack.extend(value)
        elif kind is float:
            if value.is_integer():
                return False
        elif kind not in _PLAIN_TYPES:
            return False
    try:
        check(data)
    except Exception:  # JsonSchemaValueException, or anything else: jsonschema decides
        return False
    return True


class _Unsupported(Exception):
    """A schema construct that fastjsonschema could check differently from jsonschema."""


def _for_fastjsonschema(schema: Any, root: bool = False) -> Any:
    """A copy of ``schema`` that fastjsonschema's code checks exactly as jsonschema does.

    Only known keywords pass (``_ASSERTIONS``, ...): fastjsonschema ignores what
    it does not know. Known differences are rewritten or refused: a "$" of a
    ``pattern`` is written so that it keeps re's meaning; a ``$ref`` must have
    nothing but annotations (and ``$defs``) beside it, since draft-07 code
    ignores what stands beside a ``$ref`` while 2020-12 applies it; ``enum``
    and ``const`` values must be scalars, since fastjsonschema compares
    containers with Python's ``==`` (``[True] == [1]``). Every subschema is
    walked, so a ``$ref`` (local, into ``$defs``) lands on a checked one.
    """
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise _Unsupported(schema)
    annotations = _ANNOTATIONS | _ROOT_ONLY if root else _ANNOTATIONS
    if "$ref" in schema and set(schema) - annotations - {"$ref", "$defs"}:
        raise _Unsupported(schema)
    copy: dict[str, Any] = {}  # a copy: fastjsonschema also rewrites references in place
    for key, value in schema.items():
        if key == "$ref":
            if not (isinstance(value, str) and _LOCAL_REF.fullmatch(value)):
                raise _Unsupported(value)
            copy[key] = value
        elif key == "pattern":
            copy[key] = _python_dollars(value)
        elif key in ("enum", "const"):
            values = value if key == "enum" and isinstance(value, list) else [value]
            if not all(type(item) in _PLAIN_TYPES or type(item) is float for item in values):
                raise _Unsupported(schema)
            copy[key] = value
        elif key in annotations or key in _ASSERTIONS:
            copy[key] = value
        elif key in _ONE_SUBSCHEMA:
            copy[key] = _for_fastjsonschema(value)
        elif key in _SUBSCHEMA_LISTS and isinstance(value, list):
            copy[key] = [_for_fastjsonschema(item) for item in value]
        elif key in _SUBSCHEMA_MAPS and isinstance(value, dict):
            copy[key] = {name: _for_fastjsonschema(item) for name, item in value.items()}
        else:
            raise _Unsupported(key)
    return copy


def _python_dollars(pattern: Any) -> str:
    """``pattern`` written so that fastjsonschema's "$" to "\\Z" rewriting keeps re's meaning of "$"."""
    if not isinstance(pattern, str) or (_DOLLAR.search(pattern) and _MULTILINE.search(pattern)):
        raise _Unsupported(pattern)
    return _DOLLAR.sub(lambda _: _PYTHON_DOLLAR, pattern)


def schema_messages(source: Source, schema_file: Path) -> Iterator[tuple[KeyPath, str]]:
    """Every schema violation in ``source`` as (key path, Indonesian message).

    A file the fast check finds valid has none; any other is validated again by
    jsonschema, whose errors give every message.
    """
    strict = validator(schema_file)  # first: a broken schema file fails here as it always did
    check = fast_validator(schema_file)
    if check is not None and fast_valid(check, source.data):
        return
    optional = _optional_keys_of(schema_file)
    for error in strict.iter_errors(source.data):
        yield from _explain(error, optional)


@functools.cache
def _optional_keys_of(schema_file: Path) -> frozenset[str]:
    return _optional_keys(validator(schema_file).schema)


def _optional_keys(schema: Any) -> frozenset[str]:
    """The keys that some object of ``schema`` may leave out: an empty value there is better deleted than
    filled with something the document does not say."""
    optional: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                optional.update(set(node["properties"]) - set(node.get("required", ())))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return frozenset(optional)


def _explain(error: jsonschema.ValidationError, optional: frozenset[str]) -> Iterator[tuple[KeyPath, str]]:
    path: KeyPath = tuple(error.absolute_path)
    kind = error.validator
    expected: Any = error.validator_value
    value: Any = error.instance
    schema: Any = error.schema
    if kind == "required":
        for name in expected:
            if isinstance(value, dict) and name not in value:
                yield path, f"kunci wajib '{name}' tidak ada; tambahkan '{name}: ...'"
    elif kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        for key in value:
            if key not in known:
                hint = did_you_mean(key, known) or f"; kunci yang sah: {valid_values(known)}"
                if key[:1].isdigit():  # "{waktu: 1,5 Jam}": the comma ends the value inside { }
                    hint = (
                        '; koma di dalam { } memisahkan kunci: beri tanda kutip pada nilainya (mis. waktu: "1,5 Jam")'
                    )
                yield (*path, key), f"kunci '{key}' tidak dikenal{hint}"
    elif kind == "type":
        names = expected if isinstance(expected, list) else [expected]
        wanted = " atau ".join(_TYPE_NAMES[n] for n in names)
        key = path[-1] if path and isinstance(path[-1], str) else None
        fix = _empty_fix(names, key in optional) if value is None else _type_fix(names, value)
        yield path, f"harus berupa {wanted}, bukan {_describe(value)}{fix}"
    elif kind == "enum":
        choices = [str(c) for c in expected]
        hint = _RETIRED.get(str(value)) or did_you_mean(str(value), choices)
        yield path, f"nilai '{value}' tidak sah (pilihan: {valid_values(choices)}){hint}"
    elif kind == "pattern":
        hint = _PATTERN_HINTS.get(expected, f"bentuk tidak sah: {expected}")
        yield path, f"{hint} (tertulis: {value!r})"
    elif kind == "anyOf" and all(set(branch) == {"required"} for branch in expected):
        # "An item needs one of these keys": the only use of anyOf in the schemas.
        alternatives = tuple(name for branch in expected for name in branch["required"])
        keys = " atau ".join(f"`{name}:`" for name in alternatives)
        yield path, f"butir ini perlu {keys}{_ANY_OF_HINTS.get(alternatives, '')}"
    elif kind == "minItems":
        yield path, "daftar ini tidak boleh kosong; tulis paling sedikit satu butir '- ...'"
    elif kind in ("minimum", "exclusiveMinimum", "maximum"):
        sign = {"minimum": "≥", "exclusiveMinimum": ">", "maximum": "≤"}[kind]
        yield path, f"harus {sign} {expected} (tertulis: {value})"
    else:
        yield path, f"tidak sesuai skema ({kind}: {error.message})"


def _empty_fix(names: list[str], optional: bool) -> str:
    """What to do with an empty value: never fill in what the document does not say."""
    if not optional:
        return "; isi seperti tertulis di dokumen sumber"
    if "array" in names:
        return "; bila dokumen tidak mencantumkannya, tulis [] atau hapus baris ini"
    return "; bila dokumen tidak mencantumkannya, hapus baris ini"


def _type_fix(names: list[str], value: Any) -> str:
    """How to write the value so that it has the type the schema wants."""
    if "string" in names and isinstance(value, bool):
        return "; YAML membaca nilai ini sebagai true/false: beri tanda kutip bila maksudnya teks"
    if "string" in names and isinstance(value, int | float):
        return f'; bila memang begitu tulisannya, beri tanda kutip: "{value}"'
    if isinstance(value, float) and "integer" in names:
        return f"; tulis tanpa desimal (mis. {int(value)})" if value.is_integer() else "; tulis bilangan bulat (mis. 3)"
    if isinstance(value, str) and "integer" in names:
        return "; tulis bilangan bulat tanpa tanda kutip (mis. 3)"
    if isinstance(value, str) and "number" in names:
        return "; tulis angka tanpa tanda kutip, dengan titik desimal (mis. 7.5)"
    return ""


def _describe(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return f"nilai {str(value).lower()}"
    if isinstance(value, dict):
        return "pemetaan"
    if isinstance(value, list):
        return "daftar"
    kind = {int: "bilangan", float: "angka", str: "teks"}.get(type(value), "nilai")
    return f"{kind} {value!r}"
