"""Revision history: which revision is in force and since when; overdue reviews."""

import os
import subprocess
from datetime import date

from sop_handbook import render_sop, site

from .conftest import FIXTURES, HARI_INI, load


def test_the_latest_revision_in_effect_is_in_force(tmp_path):
    sop = load(FIXTURES / "multi", tmp_path).sop("pemeriksaan-berkas")
    assert sop.revisi_berlaku(HARI_INI).revisi == 1  # revision 2 takes effect on 1 January 2027
    assert sop.revisi_berlaku(date(2027, 1, 1)).revisi == 2
    assert sop.revisi_berlaku(date(2024, 1, 31)) is None  # revision 0 took effect on 1 February 2024


def test_page_says_what_is_in_force_what_comes_and_when_the_source_changed(tmp_path):
    handbook = load(FIXTURES / "multi", tmp_path)
    text = render_sop.riwayat_revisi(handbook.sop("pemeriksaan-berkas"), HARI_INI, date(2026, 11, 20))
    assert "<strong>Berlaku: revisi 1</strong>, sejak 2 Juni 2025 (tanggal pengesahan; tanggal efektif" in text
    assert "Revisi 2 akan berlaku mulai 1 Januari 2027." in text
    assert "Berkas sumber terakhir diubah 20 November 2026." in text
    assert text.count("<tr><td>") == 3


def test_seed_sops_are_in_force_as_first_issue(handbook):
    for sop in handbook.sops:
        assert sop.revisi_berlaku(HARI_INI).revisi == 0
    page = render_sop.sop_page(handbook.sop("penyusunan-lkpj"), handbook)
    assert "<strong>Berlaku: revisi 0</strong>, sejak 31 Agustus 2023 (tanggal pengesahan" in page


def test_overdue_review_is_flagged_on_the_page_and_for_reviewers(tmp_path):
    handbook = load(FIXTURES / "multi", tmp_path)
    sop = handbook.sop("teks-berbahaya")
    assert sop.tinjauan_lewat(HARI_INI)
    assert "Perlu ditinjau" in render_sop.sop_page(sop, handbook)
    assert [p.message for p in handbook.catatan_mutu if p.path == ("tanggal_revisi",) and p.file == sop.file] == [
        "Tanggal Revisi (rencana peninjauan) 1 Januari 2025 sudah lewat; tinjau SOP ini"
    ]
    assert not handbook.sop("pemeriksaan-berkas").tinjauan_lewat(HARI_INI)


def test_source_dates_come_from_one_git_log(tmp_path):
    (tmp_path / "sop_source").mkdir()

    def commit(file: str, day: str) -> None:
        (tmp_path / "sop_source" / file).write_text(day, encoding="utf-8")
        env = os.environ | {"GIT_COMMITTER_DATE": f"{day}T10:00:00", "GIT_AUTHOR_DATE": f"{day}T10:00:00"}
        for args in (["add", "."], ["-c", "user.name=U", "-c", "user.email=u@x", "commit", "-q", "-m", day]):
            subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit("a.yaml", "2024-01-02")
    commit("b.yaml", "2024-03-04")
    commit("a.yaml", "2025-05-06")
    assert site.source_dates(tmp_path) == {
        "sop_source/a.yaml": date(2025, 5, 6),
        "sop_source/b.yaml": date(2024, 3, 4),
    }
    outside = tmp_path.parent / f"{tmp_path.name}-bukan-git"
    outside.mkdir()
    assert site.source_dates(outside) == {}


def test_outside_git_pages_claim_no_date(real_site):
    page = (real_site.site / "sop/diskopukm/sekretariat/penyusunan-lkpj/index.html").read_text(encoding="utf-8")
    assert "Berkas sumber terakhir diubah" not in page
