"""A raw form (``mentah``) understood as the project's source, with a record of how each field was read.

Labels are matched to the form's fields by their variants; values are kept
as written, and checked the way the loader will check them: a date or a
Waktu the loader cannot read is left empty and its text kept in a note, so
that the imported source passes ``make check`` without deleting anything.
Nothing is invented: what the document does not give stays empty and is
reported; what is guessed (a list split where its items ran together, a
step number taken from the Kegiatan text, an agency matched by its kop) is
reported with where it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..durations import KonvensiWaktu, parse_waktu
from ..model import Handbook, Instansi, Unit, by_id
from ..organisasi import nip_grouped
from ..tanggal import is_mark, parse_tanggal
from .label import kunci
from .mentah import Asal, BarisMentah, FormulirMentah, Isian
from .sitasi import Sitasi, baca_sitasi, cocok, usulan_id

# label as compared (see teks._key) -> the source's key
IDENTITAS = {
    "nomor sop": "nomor",
    "no sop": "nomor",
    "tanggal pembuatan": "tanggal_pembuatan",
    "tgl pembuatan": "tanggal_pembuatan",
    "tanggal revisi": "tanggal_revisi",
    "tgl revisi": "tanggal_revisi",
    "tanggal direvisi": "tanggal_revisi",
    "tanggal efektif": "tanggal_efektif",
    "tanggal efektive": "tanggal_efektif",
    "tgl efektif": "tanggal_efektif",
    "tgl pengesahan": "tanggal_efektif",
    "tanggal pengesahan": "tanggal_efektif",
    "disahkan oleh": "disahkan_oleh",
    "nama sop": "nama",
}
DAFTAR = {
    "dasar hukum": "dasar_hukum",
    "kualifikasi pelaksana": "kualifikasi_pelaksana",
    "keterkaitan": "keterkaitan",
    "keterkaitan sop": "keterkaitan",
    "peralatan": "peralatan_perlengkapan",
    "peringatan": "peringatan",
    "pencatatan": "pencatatan_pendataan",
}
LABEL = {
    "nomor": "Nomor SOP",
    "tanggal_pembuatan": "Tanggal Pembuatan",
    "tanggal_revisi": "Tanggal Revisi",
    "tanggal_efektif": "Tanggal Efektif",
    "disahkan_oleh": "Disahkan oleh",
    "nama": "Nama SOP",
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
}
_NIP = re.compile(r"NIP\.?\s*:?\s*((?:\d\s?){18})")
_NIP_TANDA = re.compile(r"\bNIP\.?\s*:?\s*([-–—]|\.{2,})\s*$")  # "NIP. -": the form marks it as not stated
_PANGKAT = re.compile(
    r"(?:(?:Pembina|Penata|Pengatur|Juru|Perencana)(?:\s+(?:Utama|Madya|Muda|Tk\.?|Tingkat))*(?:\s+I{1,2})?"
    r"|Pemula,?\s+\w+\s+Madya)\s*/?\s*(?:\((?:I{1,3}|IV)\s*[./]?\s*[a-e]\))?"
)
_GELAR = re.compile(r"(?:(?:Drs?|Ir|Hj?|Prof|dr|drh|Dra)\.\s*)+[A-Z][^,]*(?:,\s*[A-Z][\w.]*\.?)*")
_SELESAI = {"selesai", "akhir", "end"}


@dataclass(frozen=True)
class Catatan:
    """One line of the report about one field: ``jenis`` "terbaca", "kosong", "dugaan" or "periksa"."""

    jenis: str
    kunci: str  # the source's key, as authors write it: "tanggal_efektif", "langkah 3.pelaksana"
    teks: str
    asal: Asal | None = None


@dataclass
class SopImpor:
    """One imported SOP: its source data in the project's key order, and how each field was read."""

    id: str
    asal: Asal
    data: dict[str, Any]
    catatan: list[Catatan] = field(default_factory=list)


@dataclass
class Usulan:
    """What the imported SOPs need in organisasi.yaml and peraturan.yaml that is not there yet."""

    instansi: dict[str, dict[str, Any]] = field(default_factory=dict)
    pejabat: dict[str, dict[str, Any]] = field(default_factory=dict)
    peraturan: dict[str, dict[str, Any]] = field(default_factory=dict)


def slug(text: str, limit: int = 60) -> str:
    """An id from a name: lower case, words joined by '-', cut at a word within ``limit`` characters."""
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-").split("-")
    kept = [words[0]]
    for word in words[1:]:
        if len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    return "-".join(kept)


def normalisasi(
    form: FormulirMentah,
    handbook: Handbook | None,
    usulan: Usulan,
    instansi_id: str | None = None,
    unit_id: str | None = None,
) -> SopImpor:
    """The source of one form, reading its fields against the handbook's organisasi and catalogue."""
    judul = _judul(form)
    sop = SopImpor(slug(judul.teks if judul else "sop") or "sop", form.asal, {})
    notes = sop.catatan
    instansi, unit, kolom = _organisasi(form, handbook, usulan, instansi_id, unit_id, notes)
    data = sop.data
    data["id"] = sop.id
    data["instansi"], data["unit"] = instansi, unit
    data["judul"] = judul.teks if judul else None
    if judul is None:
        notes.append(Catatan("periksa", "judul", "judul prosedur tidak ditemukan; tulis judulnya", form.asal))
    values = {IDENTITAS.get(kunci(label)): value for label, value in form.identitas.items()}
    blocks = {_block_key(label): items for label, items in form.daftar.items()}
    data["nomor"] = _text(values.get("nomor"), "nomor", notes)
    data["nama"] = _text(values.get("nama"), "nama", notes)
    for key in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
        data[key] = _date(values.get(key), key, notes)
    data["disahkan_oleh"] = _pengesah(values.get("disahkan_oleh"), handbook, instansi, usulan, notes)
    data["dasar_hukum"] = _dasar_hukum(blocks.get("dasar_hukum", []), handbook, usulan, notes)
    for key in ("kualifikasi_pelaksana", "peralatan_perlengkapan", "pencatatan_pendataan"):
        data[key] = _list(blocks.get(key), key, notes)
    data["keterkaitan"] = [{"nama": item["teks"]} for item in _items(blocks.get("keterkaitan"), "keterkaitan", notes)]
    peringatan = _items(blocks.get("peringatan"), "peringatan", notes)
    data["peringatan"] = " ".join(item["teks"] for item in peringatan) or None
    data["catatan_sumber"] = [f"Diimpor dari {form.asal}.", *form.catatan]
    konvensi = _konvensi(handbook, instansi)
    marked = any(row.pelaksana for row in form.baris)  # if none is, the reader's note says so once
    data["langkah"] = [_step(row, n, kolom, konvensi, marked, notes) for n, row in enumerate(form.baris, 1)]
    for text in form.catatan:
        notes.append(Catatan("periksa", "langkah", text, form.asal))
    return sop


def _judul(form: FormulirMentah) -> Isian | None:
    """The procedure's title: the flowchart's title without "SOP", else Nama SOP."""
    if form.judul is not None:
        text = re.sub(r"(?i)^(?:sop|standar operasional prosedur)\s*[:.]?\s+", "", form.judul.teks).strip()
        return Isian(text, form.judul.asal)
    nama = next((v for label, v in form.identitas.items() if IDENTITAS.get(kunci(label)) == "nama"), None)
    return nama if nama and nama.teks else None


def _block_key(label: str) -> str | None:
    words = kunci(label)
    return next((key for start, key in DAFTAR.items() if words.startswith(start)), None)


def _text(value: Isian | None, key: str, notes: list[Catatan]) -> str | None:
    if value is None or not value.teks.strip():
        notes.append(Catatan("kosong", key, f"{LABEL[key]} tidak tercantum di dokumen", value.asal if value else None))
        return None
    notes.append(Catatan("terbaca", key, value.teks, value.asal))
    return value.teks.strip()


def _date(value: Isian | None, key: str, notes: list[Catatan]) -> str | None:
    text = _text(value, key, notes)
    if text is None or is_mark(text):
        return text
    try:
        parse_tanggal(text)
    except ValueError as error:
        notes[-1] = Catatan("periksa", key, f"tertulis {text!r}, bukan tanggal yang terbaca ({error}); dikosongkan")
        return None
    return text


def _items(items: list[Isian] | None, key: str, notes: list[Catatan]) -> list[dict[str, str]]:
    if not items:
        notes.append(Catatan("kosong", key, f"{LABEL[key]} tidak tercantum di dokumen"))
        return []
    guessed = [item for item in items if item.dugaan]
    if guessed:  # one note for the list: the items as split, for the author to compare with the document
        listed = "; ".join(repr(item.teks) for item in guessed)
        notes.append(Catatan("dugaan", key, f"{len(guessed)} butir, {guessed[0].dugaan}: {listed}", guessed[0].asal))
    notes += [Catatan("terbaca", key, item.teks, item.asal) for item in items if not item.dugaan]
    return [{"teks": item.teks} for item in items]


def _list(items: list[Isian] | None, key: str, notes: list[Catatan]) -> list[str]:
    return [item["teks"] for item in _items(items, key, notes)]


def _dasar_hukum(
    items: list[Isian], handbook: Handbook | None, usulan: Usulan, notes: list[Catatan]
) -> list[dict[str, str]]:
    """Each citation as written, with the catalogue's id of the same regulation (or a proposed entry)."""
    result = []
    katalog = handbook.peraturan if handbook else ()
    for item in _items(items, "dasar_hukum", notes):
        text = item["teks"]
        sitasi = baca_sitasi(text)
        if sitasi is None:
            notes.append(Catatan("periksa", "dasar_hukum", f"jenis, nomor atau tahun tidak terbaca: {text!r}"))
            result.append({"tertulis": text})
            continue
        entry = cocok(sitasi, katalog)
        peraturan_id = entry.id if entry else usulan_id(sitasi)
        if entry is None:
            usulan.peraturan.setdefault(peraturan_id, _entry(peraturan_id, sitasi))
            notes.append(Catatan("periksa", "dasar_hukum", f"'{peraturan_id}' belum ada di katalog: lihat usulan"))
        result.append({"peraturan": peraturan_id, "tertulis": text})
    return result


def _entry(peraturan_id: str, sitasi: Sitasi) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": peraturan_id, "jenis": sitasi.jenis}
    if sitasi.penerbit:
        entry["penerbit"] = sitasi.penerbit
    entry |= {"nomor": sitasi.nomor, "tahun": sitasi.tahun, "tentang": sitasi.tentang}
    return entry


def _pengesah(
    value: Isian | None, handbook: Handbook | None, instansi: str, usulan: Usulan, notes: list[Catatan]
) -> dict[str, Any] | None:
    """Disahkan oleh split into office, name, rank and NIP as written; the official matched by NIP."""
    text = _text(value, "disahkan_oleh", notes)
    if text is None:  # the fields to fill in if the document has them; all empty reads "tidak tercantum"
        return {"tertulis": {"jabatan": None, "nama": None, "nip": None}}
    rest = " ".join(text.split())
    nip_found = _NIP.search(rest) or _NIP_TANDA.search(rest)
    nip = None
    if nip_found:
        digits = nip_found.group(1).replace(" ", "")
        nip = nip_grouped(digits) if digits.isdigit() else digits  # a mark such as "-" as written
    rest = (rest[: nip_found.start()] + rest[nip_found.end() :]).strip() if nip_found else rest
    pangkat_found = _PANGKAT.search(rest)
    pangkat = rest[pangkat_found.start() :].strip() if pangkat_found else None  # the rank, up to the NIP
    before = rest[: pangkat_found.start()].strip() if pangkat_found else rest
    nama_found = _GELAR.search(before)
    nama = nama_found.group(0).strip(" ,") if nama_found else None
    jabatan = (before[: nama_found.start()] if nama_found else before).strip(" ,") or None
    tertulis = {"jabatan": jabatan, "nama": nama, "pangkat": pangkat, "nip": nip}
    tertulis = {k: v for k, v in tertulis.items() if v is not None or k in ("jabatan", "nama", "nip")}
    parts = ", ".join(f"{k}: {v}" for k, v in tertulis.items() if v)
    notes.append(Catatan("dugaan", "disahkan_oleh", f"dipisah menjadi {parts}; periksa batas-batasnya"))
    found = next((p for p in handbook.pejabat if nip and p.nip == nip), None) if handbook else None
    if found:
        return {"pejabat": found.id, "tertulis": tertulis}
    nip_angka = nip if nip and nip.replace(" ", "").isdigit() else None
    if jabatan and (nip_angka or nama):  # organisasi.yaml records an official by office, with name or NIP
        pejabat_id = slug(f"{jabatan} {instansi}")
        usulan.pejabat.setdefault(pejabat_id, {"id": pejabat_id, "instansi": instansi, **tertulis, "nip": nip_angka})
    return {"tertulis": tertulis}


def _organisasi(
    form: FormulirMentah,
    handbook: Handbook | None,
    usulan: Usulan,
    instansi_id: str | None,
    unit_id: str | None,
    notes: list[Catatan],
) -> tuple[str, str, list[str]]:
    """The agency and unit ids and the pelaksana columns' ids: the handbook's where they match the form,
    else proposed from the kop and the columns."""
    lines = [line.teks for line in form.kop]
    pemerintah = lines[0] if lines and re.match(r"(?i)pemerintah|kementerian", lines[0]) else None
    body = lines[1:] if pemerintah else lines
    unit_line = body[-1] if len(body) > 1 else None
    agency_lines = body[:-1] if unit_line else body
    found, unit_lines = _find_instansi(handbook, instansi_id, lines)
    if found is not None:
        unit_line = unit_lines[-1] if unit_lines else None
    named = [line for line in agency_lines if not _ALAMAT.search(line)]  # the kop's address is not its name
    instansi = found.id if found else instansi_id or slug(" ".join(named) or "instansi")
    unit = found.cari_unit(unit_id) if found and unit_id else _find_unit(found, unit_lines)
    unit_key = unit.id if unit else unit_id or slug(unit_line or "unit")
    names = [c.teks for c in form.kolom]
    ids = [_column_id(unit, name) for name in names]
    if found is None:
        usulan.instansi.setdefault(
            instansi,
            {
                "id": instansi,
                "nama": _nama(" ".join(named)) or instansi,
                "pemerintah": pemerintah and _nama(pemerintah),
                "kop": agency_lines,
                "unit": [],
            },
        )
        notes.append(
            Catatan("periksa", "instansi", f"instansi '{instansi}' belum ada di organisasi.yaml: lihat usulan")
        )
    if unit is None:
        entry = usulan.instansi.setdefault(instansi, {"id": instansi, "unit": []})
        if not any(u["id"] == unit_key for u in entry["unit"]):
            columns = [{"id": i, "nama": n} for i, n in zip(ids, names, strict=True)]
            entry["unit"].append(
                {"id": unit_key, "nama": _nama(unit_line) if unit_line else None, "pelaksana": columns}
            )
        notes.append(Catatan("periksa", "unit", f"unit '{unit_key}' belum ada di organisasi.yaml: lihat usulan"))
    else:
        how = f"dari kop ({' / '.join(unit_lines)})" if unit_lines else "sebagai satu-satunya unit tanpa nama di kop"
        notes.append(Catatan("dugaan", "unit", f"unit '{unit.id}' dikenali {how}"))
    return instansi, unit_key, ids


def _words_upper(lines: Iterable[str]) -> list[str]:
    return " ".join(lines).upper().split()


_ALAMAT = re.compile(r"(?i)^(?:jl|jln|jalan)\b|\b(?:telp|telepon|fax|faks|kode pos|e-?mail|website|laman)\b|@|www\.")
_ROMAWI = re.compile(r"^[IVX]+$")


def _nama(text: str) -> str:
    """A name printed in capitals as organisasi.yaml writes names: "KELURAHAN SEI PUTIH TIMUR-II" →
    "Kelurahan Sei Putih Timur-II" (Roman numerals stay capitals)."""
    return " ".join(
        "-".join(part if _ROMAWI.match(part) else part.capitalize() for part in word.split("-"))
        if word.isupper()
        else word
        for word in text.split()
    )


def _find_instansi(
    handbook: Handbook | None, instansi_id: str | None, lines: list[str]
) -> tuple[Instansi | None, list[str]]:
    """The agency of ``organisasi.yaml`` whose kop (its government, then its own lines) or name the form's
    kop starts with, compared word by word (a PDF wraps a kop line where its cell ends); and the words
    left after it (the unit's lines, as one)."""
    if handbook is None:
        return None, []
    wanted = _words_upper(lines)
    candidates = [by_id(handbook.instansi, instansi_id)] if instansi_id else list(handbook.instansi)
    for instansi in candidates:
        if instansi is None:
            continue
        government = _words_upper([instansi.pemerintah] if instansi.pemerintah else [])
        for own in (instansi.kop, (instansi.nama,)):
            for head in (government + _words_upper(own), _words_upper(own)):  # a form may leave its government out
                if head and wanted[: len(head)] == head:
                    rest = wanted[len(head) :]
                    return instansi, [" ".join(rest)] if rest else []
    if instansi_id:
        return by_id(handbook.instansi, instansi_id), lines[-1:]
    return None, []


def _find_unit(instansi: Instansi | None, lines: list[str]) -> Unit | None:
    """The unit whose kop lines (its parents' names, its own) are ``lines``, or whose name ends them; with
    no line left for a unit, the agency's one unit without a name, or its only unit."""
    if instansi is None:
        return None
    wanted = _words_upper(lines)
    whole = [u for u in instansi.unit if _words_upper(u.jalur) == wanted]
    ending = [
        u for u in instansi.unit if wanted and u.nama and wanted[-len(u.nama.split()) :] == _words_upper([u.nama])
    ]
    for found in (whole, ending):
        if len(found) == 1:
            return found[0]
    if not wanted and len(instansi.unit) == 1:
        return instansi.unit[0]
    return None


def _column_id(unit: Unit | None, name: str) -> str:
    """The id of the unit's role that this column names, else one made from the name."""
    for peran in unit.pelaksana if unit else ():
        if name.lower() in (peran.nama.lower(), (peran.jabatan or "").lower()):
            return peran.id
    return slug(name) or "pelaksana"


def _konvensi(handbook: Handbook | None, instansi: str) -> KonvensiWaktu:
    found = by_id(handbook.instansi, instansi) if handbook else None
    return found.konvensi if found else KonvensiWaktu(7.5, 5, 20)


def _step(
    row: BarisMentah, n: int, kolom: list[str], konvensi: KonvensiWaktu, marked: bool, notes: list[Catatan]
) -> dict[str, Any]:
    """One step: its number as printed (or its position), kegiatan, pelaksana from the marked columns."""
    number = int(row.no.teks) if row.no and row.no.teks.isdigit() else n
    where = f"langkah {number}"
    if row.no is None or row.no.dugaan:
        why = row.no.dugaan if row.no and row.no.dugaan else "nomor dari urutan baris"
        notes.append(Catatan("dugaan", f"{where}.no", why, row.asal))
    step: dict[str, Any] = {"no": number, "kegiatan": row.kegiatan.teks}
    if row.simbol == "keputusan":
        step["jenis"] = "keputusan"
        for branch in ("ya", "tidak"):
            target = _target(getattr(row, branch))
            if target is not None:
                step[branch] = target
                notes.append(Catatan("dugaan", f"{where}.{branch}", f"tujuan dibaca dari teks: {target}", row.asal))
        if "tidak" not in step:
            message = "keputusan: tujuan 'Tidak' tidak terbaca dari dokumen; tulis `tidak:` bila dokumen menunjukkannya"
            notes.append(Catatan("periksa", f"{where}.tidak", message, row.asal))
    ids = [kolom[i] for i in row.pelaksana if i < len(kolom)]
    step["pelaksana"] = ids[0] if len(ids) == 1 else ids or None
    if not ids and marked:
        notes.append(
            Catatan("kosong", f"{where}.pelaksana", "tidak ada simbol atau tanda di kolom pelaksana", row.asal)
        )
    mutu: dict[str, Any] = {
        "kelengkapan": row.kelengkapan.teks if row.kelengkapan else None,
        "waktu": row.waktu.teks if row.waktu else None,
        "output": row.output.teks if row.output else None,
    }
    if row.waktu:
        try:
            parse_waktu(row.waktu.teks, konvensi)
        except ValueError:
            mutu["waktu"] = None
            step["catatan"] = f"Waktu tertulis {row.waktu.teks!r}."
            message = f"waktu {row.waktu.teks!r} tidak terbaca sebagai waktu: dikosongkan, teksnya di catatan"
            notes.append(Catatan("periksa", f"{where}.waktu", message, row.waktu.asal))
    step["mutu_baku"] = mutu
    if row.keterangan:
        step["keterangan"] = row.keterangan.teks
    return step


def _target(value: Isian | None) -> int | str | None:
    if value is None:
        return None
    text = value.teks.strip().lower()
    digits = re.search(r"\d+", text)
    if digits:
        return int(digits.group(0))
    return "selesai" if text in _SELESAI else None


_BUKAN_NAMA = {"sop", "standar", "operasional", "prosedur", "dan", "serta", "tentang"}


def _kata_nama(teks: str) -> frozenset[str]:
    """The words that tell an SOP's name apart: not "SOP", "dan" and the like."""
    return frozenset(kunci(teks).split()) - _BUKAN_NAMA


def hubungkan_keterkaitan(sops: list[SopImpor], handbook: Handbook | None) -> None:
    """Link each related SOP named as written (``nama:``) to the one SOP, of this run (itself included: a
    form may name its own SOP) or of the handbook, whose title or Nama SOP is every word of it, or else
    holds them all; a guess, noted for the author to check. A name that fits several SOPs stays as
    written."""
    kandidat = {sop.id: (sop.judul, sop.nama, "di buku ini") for sop in handbook.sops} if handbook else {}
    kandidat |= {sop.id: (sop.data.get("judul") or sop.id, sop.data.get("nama"), "di impor ini") for sop in sops}
    for impor in sops:
        for i, item in enumerate(impor.data.get("keterkaitan") or []):
            found = _cocok(_kata_nama(item["nama"]), kandidat)
            if len(found) != 1:
                continue
            [target] = found
            judul, _, where = kandidat[target]
            impor.data["keterkaitan"][i] = {"sop": target, "tertulis": item["nama"]}
            what = "SOP ini sendiri, seperti tertulis" if target == impor.id else f"{judul}, {where}"
            impor.catatan.append(
                Catatan(
                    "dugaan",
                    "keterkaitan",
                    f"{item['nama']!r} dihubungkan ke SOP `{target}` ({what}); bila yang dimaksud SOP lain, ganti "
                    "`sop:` atau tulis `nama:` saja",
                )
            )


def _cocok(words: frozenset[str], kandidat: dict[str, tuple[str, str | None, str]]) -> list[str]:
    """The SOPs whose name is ``words``; if none, those whose name holds them all."""
    if not words:
        return []
    names = {id_: [_kata_nama(n) for n in (judul, nama) if n] for id_, (judul, nama, _) in kandidat.items()}
    exact = [id_ for id_, sets in names.items() if words in sets]
    return exact or [id_ for id_, sets in names.items() if any(words <= n for n in sets)]
