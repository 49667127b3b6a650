"""Role pages (Pelaksana): every step of a role, grouped by SOP, with its time."""

import dataclasses

from sop_handbook import links, render_roles

from .conftest import FIXTURES, load


def unit_and_roles(handbook):
    ((instansi, unit, _),) = handbook.per_unit()
    return instansi, unit, {p.id: p for p in unit.pelaksana}


def test_every_step_of_the_six_sops_belongs_to_exactly_one_role_page(handbook):
    instansi, unit, roles = unit_and_roles(handbook)
    counted = {role: sum(len(s) for _, s in handbook.tugas(instansi, unit, peran)) for role, peran in roles.items()}
    assert sum(counted.values()) == 66
    # Counted by hand from the reconstruction in the sources.
    assert counted == {"ketua-tim": 15, "anggota-tim": 28, "sekretaris": 16, "kepala-dinas": 7}


def test_role_page_groups_steps_by_sop_with_times(handbook):
    instansi, unit, roles = unit_and_roles(handbook)
    page = render_roles.peran_page(instansi, unit, roles["kepala-dinas"], handbook)
    assert page.count("\n## ") == 7  # Ringkasan and the six SOPs
    assert "<td>2 dari 16</td> <td>2 jam kerja</td>" in page  # RKA/DPA steps 9 and 14, 1 jam each
    assert '<a href="../../../../sop/diskopukm/sekretariat/penyusunan-rka-dpa/#langkah-14">14</a>' in page
    assert "Total waktu peran ini dalam SOP ini" in page


def test_a_role_without_steps_says_so(tmp_path):
    handbook = load(FIXTURES / "multi", tmp_path)
    instansi = handbook.instansi[0]
    unit = instansi.cari_unit("bidang-koperasi")
    idle = render_roles.peran_page(instansi, unit, unit.peran("bendahara"), handbook)
    assert "Peran ini tidak melaksanakan langkah apa pun dalam SOP yang ada." in idle
    busy = render_roles.peran_page(instansi, unit, unit.peran("kabid"), handbook)
    assert "Memeriksa kelengkapan berkas" in busy
    assert "Pelaksana direkonstruksi" not in busy  # the fixture's steps name their pelaksana


def test_index_lists_each_role_with_its_step_count(handbook):
    text = render_roles.daftar_peran(handbook, links.PELAKSANA)
    assert 'href="diskopukm/sekretariat/anggota-tim/">Anggota Tim Kerja</a>' in text
    assert "<td>28</td>" in text


def test_same_unit_in_two_agencies_keeps_its_own_steps(handbook):
    """Every agency has a "Sekretariat" with the same roles: a role page shows its own agency's SOPs only."""
    instansi, unit, roles = unit_and_roles(handbook)
    twin = dataclasses.replace(instansi, id="dinas-kembar", nama="Dinas Kembar")
    copied = dataclasses.replace(handbook.sops[0], id="sop-kembar", instansi=twin, judul="SOP Dinas Kembar")
    both = dataclasses.replace(handbook, instansi=(instansi, twin), sops=(*handbook.sops, copied))
    assert unit in twin.unit  # the same unit, field for field
    own = [sop.id for sop, _ in both.tugas(instansi, unit, roles["kepala-dinas"])]
    assert "sop-kembar" not in own and len(own) == 6
    assert [sop.id for sop, _ in both.tugas(twin, unit, roles["kepala-dinas"])] == ["sop-kembar"]
    page = render_roles.peran_page(instansi, unit, roles["kepala-dinas"], both)
    assert "SOP Dinas Kembar" not in page
