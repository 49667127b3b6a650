"""Validate source data against the JSON Schemas in ``schema/``.

The schemas are the one description of the source format: editors use them
through the ``yaml-language-server`` line, and the loader uses them here. The
validator's messages are rewritten in Indonesian with the fix attached.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    "^[a-z0-9]+(?:[-_][a-z0-9]+)*$": "harus berupa id: huruf kecil, angka dan tanda hubung (mis. 'penyusunan-lkpj')",
    "\\S": "tidak boleh kosong",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "tanggal ditulis TTTT-BB-HH (mis. 2023-08-31)",
    "^[0-9]{8} [0-9]{6} [0-9] [0-9]{3}$": "NIP ditulis 18 angka dengan spasi: '19650809 198603 1 012'",
    "^[A-Za-z0-9][A-Za-z0-9./-]*$": (
        "singkatan ditulis tanpa spasi: huruf, angka, titik, garis miring atau tanda hubung (mis. 'SKPD', 'Renja')"
    ),
    "^[0-9A-Za-z./-]+$": (
        "nomor peraturan ditulis tanpa spasi dan tanpa tahunnya: angka, huruf, titik, garis miring "
        'atau tanda hubung (mis. "23")'
    ),
    "^https?://": "tautan harus diawali http:// atau https:// (mis. 'https://peraturan.bpk.go.id/...')",
}


@functools.cache
def validator(schema_file: Path) -> jsonschema.protocols.Validator:
    """A validator for one schema file (read once per process)."""
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    # JSON Schema counts 1.0 as an integer; a step number or a year written 1.0 is a typo here.
    strict = cls.TYPE_CHECKER.redefine("integer", lambda _, value: type(value) is int)
    strict_cls: type[jsonschema.protocols.Validator] = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        cls, type_checker=strict
    )
    return strict_cls(schema)


def schema_messages(source: Source, schema_file: Path) -> Iterator[tuple[KeyPath, str]]:
    """Every schema violation in ``source`` as (key path, Indonesian message)."""
    for error in validator(schema_file).iter_errors(source.data):
        yield from _explain(error)


def _explain(error: jsonschema.ValidationError) -> Iterator[tuple[KeyPath, str]]:
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
        yield path, f"harus berupa {wanted}, bukan {_describe(value)}{_type_fix(names, value)}"
    elif kind == "enum":
        choices = [str(c) for c in expected]
        hint = did_you_mean(str(value), choices)
        yield path, f"nilai '{value}' tidak sah (pilihan: {valid_values(choices)}){hint}"
    elif kind == "pattern":
        hint = _PATTERN_HINTS.get(expected, f"bentuk tidak sah: {expected}")
        yield path, f"{hint} (tertulis: {value!r})"
    elif kind == "minItems":
        yield path, "daftar ini tidak boleh kosong; tulis paling sedikit satu butir '- ...'"
    elif kind in ("minimum", "exclusiveMinimum", "maximum"):
        sign = {"minimum": "≥", "exclusiveMinimum": ">", "maximum": "≤"}[kind]
        yield path, f"harus {sign} {expected} (tertulis: {value})"
    else:
        yield path, f"tidak sesuai skema ({kind}: {error.message})"


def _type_fix(names: list[str], value: Any) -> str:
    """How to write the value so that it has the type the schema wants."""
    if value is None:
        return "; isi nilainya"
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
