"""Reading YAML: data as written, the line of every key, refused constructs."""

from pathlib import Path

from sop_handbook.yamlsource import read_source


def read(tmp_path: Path, content: bytes | str):
    path = tmp_path / "x.yaml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return read_source(path, "sop_source/x.yaml")


def test_lines_of_nested_keys(tmp_path):
    source, problems = read(tmp_path, "id: a\nlangkah:\n  - no: 1\n    mutu_baku:\n      waktu: 2 Jam\n")
    assert problems == []
    assert source.line(("langkah", 0, "mutu_baku", "waktu")) == 5
    assert source.line(("langkah", 0, "no")) == 3
    # A path that is not in the file falls back to its nearest parent.
    assert source.line(("langkah", 0, "mutu_baku", "output")) == 4


def test_dates_and_nip_stay_as_written(tmp_path):
    source, _ = read(tmp_path, "tanggal: 2023-08-31\nnip: 19650809 198603 1 012\nno: 3\n")
    assert source.data == {"tanggal": "2023-08-31", "nip": "19650809 198603 1 012", "no": 3}


def test_duplicate_key_is_an_error_at_its_line(tmp_path):
    _, problems = read(tmp_path, "id: a\nnomor: 1\nid: b\n")
    assert [str(p) for p in problems] == ["sop_source/x.yaml:3: id: kunci 'id' ditulis dua kali; hapus salah satunya"]


def test_aliases_are_refused(tmp_path):
    _, problems = read(tmp_path, "a: &x [1, 2]\nb: *x\n")
    assert [str(p) for p in problems] == [
        "sop_source/x.yaml:2: b: anchor/alias YAML (& dan *) tidak didukung; tulis nilainya langsung"
    ]


def test_tab_indentation_gets_a_plain_message(tmp_path):
    source, problems = read(tmp_path, "langkah:\n\t- no: 1\n")
    assert source is None
    assert [str(p) for p in problems] == [
        "sop_source/x.yaml:2: (berkas): karakter tab tidak boleh dipakai untuk indentasi; ganti dengan spasi"
    ]


def test_syntax_error_names_the_line(tmp_path):
    _, problems = read(tmp_path, 'id: a\nnama: "tanpa penutup\nnomor: 1\n')
    assert len(problems) == 1
    assert problems[0].line in (2, 3, 4)
    assert "YAML tidak valid" in problems[0].message


def test_empty_file(tmp_path):
    _, problems = read(tmp_path, "# hanya komentar\n")
    assert [p.message for p in problems] == ["berkas kosong; isi dengan data SOP sesuai skema"]


def test_byte_order_mark_and_windows_line_endings_are_read(tmp_path):
    source, problems = read(tmp_path, "\ufeffid: a\r\nnama: B\r\n".encode())
    assert problems == []
    assert source.data == {"id": "a", "nama": "B"}
    assert source.line(("nama",)) == 2


def test_invalid_utf8_names_the_line(tmp_path):
    _, problems = read(tmp_path, b"id: a\nnama: \xff\xfe\n")
    assert [str(p) for p in problems] == [
        "sop_source/x.yaml:2: (berkas): berkas bukan teks UTF-8; simpan ulang sebagai UTF-8"
    ]
