"""Search in the real search box, in headless Chromium, against the built handbook.

The queries and where they must lead are in ``cases/search.yaml``. Each query
is opened as Material's search link (``?q=``, which fills the search box and
searches as typing does); one test types into the box key by key. A report
of hits in the first five results and of false hits is written to
``tests/output/search-report.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

pytestmark = pytest.mark.browser

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "search.yaml").read_text(encoding="utf-8"))
REPORT = Path(__file__).parent / "output" / "search-report.md"
TOP = 5

ANSWERED = """() => /dokumen/.test(document.querySelector(".md-search-result__meta")?.textContent || "")"""
RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")]
    .map(item => [...item.querySelectorAll("a")].map(a => a.href))"""


@dataclass
class Outcome:
    """What one query found: per expected target its rank (1-based) or None, and the false hits."""

    case: dict
    ranks: dict[str, int | None] = field(default_factory=dict)
    false_hits: list[str] = field(default_factory=list)
    top: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        expected = self.case.get("expect", [])
        found_any = not self.case.get("any") or any(self.ranks[t] for t in self.case["any"])
        return all(self.ranks[t] for t in expected) and found_any and not self.false_hits


def ranks(groups: list[list[str]], base: str) -> dict[str, int]:
    """The rank of every page and step among the results, as site-relative URLs."""
    found: dict[str, int] = {}
    for rank, links in enumerate(groups, 1):
        for href in links:
            target = href.removeprefix(base).split("?")[0] + ("#" + href.split("#")[1] if "#" in href else "")
            found.setdefault(target, rank)
    return found


def judge(case: dict, groups: list[list[str]], base: str) -> Outcome:
    """Compare the first five results with what the case expects and rejects."""
    found = ranks(groups[:TOP], base)
    outcome = Outcome(case)
    for target in [*case.get("expect", []), *case.get("any", [])]:
        outcome.ranks[target] = found.get(target)
    pages = {target.split("#")[0] for target in found}
    outcome.false_hits = [target for target in case.get("reject", []) if target in pages]
    outcome.top = [group[0].removeprefix(base).split("?")[0] for group in groups[:TOP] if group]
    return outcome


@pytest.fixture(scope="module")
def search_page(browser, real_url) -> Iterator:
    context = browser.new_context()
    context.route(
        "**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url.split("/")[2] else route.abort()
    )

    def search(query: str) -> list[list[str]]:
        page = context.new_page()
        page.goto(f"{real_url}?q={quote(query)}")
        page.wait_for_function(ANSWERED, timeout=10_000)
        groups = page.evaluate(RESULTS)
        page.close()
        return groups

    yield search
    context.close()


@pytest.fixture(scope="module")
def report() -> Iterator[list[Outcome]]:
    outcomes: list[Outcome] = []
    yield outcomes
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(render_report(outcomes), encoding="utf-8")


def render_report(outcomes: list[Outcome]) -> str:
    """A Markdown table of every query: ranks of what it must find, false hits, verdict."""
    targets = [rank for o in outcomes for rank in o.ranks.values()]
    lines = [
        "# Pencarian: hasil uji kueri",
        "",
        f"{sum(o.passed for o in outcomes)} dari {len(outcomes)} kueri lulus "
        f"(target di {TOP} hasil teratas, tanpa hasil palsu). "
        f"Target di {TOP} teratas: {sum(1 for r in targets if r)} dari {len(targets)}; "
        f"di peringkat 1: {sum(1 for r in targets if r == 1)}. "
        f"Hasil palsu: {sum(len(o.false_hits) for o in outcomes)}.",
        "",
        "| Kueri | Jenis | Peringkat target | Hasil palsu | Lulus | Lima hasil teratas |",
        "|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        ranked = ", ".join(f"{t.split('sekretariat/')[-1]} → {r or '–'}" for t, r in o.ranks.items()) or "–"
        lines.append(
            f"| {o.case['query']} | {o.case['kind']} | {ranked} | {', '.join(o.false_hits) or '–'} | "
            f"{'ya' if o.passed else 'TIDAK'} | {'<br>'.join(o.top) or '(tidak ada)'} |"
        )
    return "\n".join(lines) + "\n"


def test_the_query_set_is_large_and_covers_every_kind():
    kinds = {case["kind"] for case in CASES}
    assert len(CASES) >= 40
    assert kinds == {"morfologi", "singkatan", "nomor", "pelaksana", "salah-ketik", "mirip"}
    assert all(case.get("expect") or case.get("any") or case.get("reject") for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["query"] for c in CASES])
def test_query_finds_its_pages_in_the_top_five(search_page, report, real_url, case):
    groups = search_page(case["query"])
    outcome = judge(case, groups, real_url)
    report.append(outcome)
    assert outcome.passed, (outcome.ranks, outcome.false_hits, [g[:3] for g in groups[:TOP]])


def test_typing_in_the_search_box_finds_affixed_forms(visit, real_url):
    seen = visit(real_url, diagram=False)
    page = seen.page
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("susun renja", delay=20)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    page.wait_for_function(ANSWERED)
    assert "penyusunan-renja-renstra" in first.locator("a").first.get_attribute("href")
    marks = page.locator(".md-search-result__item mark").all_text_contents()
    assert any(mark.lower().startswith(("penyusun", "menyusun")) for mark in marks), marks
    assert seen.outside == []
    assert seen.errors == []


def test_a_step_result_opens_the_step_row(visit, real_url):
    seen = visit(f"{real_url}?q={quote('pendokumentasian renja')}", diagram=False)
    page = seen.page
    page.wait_for_function(ANSWERED)
    step = page.locator('.md-search-result__item a[href*="#langkah-"]').first
    row = step.get_attribute("href").split("#")[1]
    step.click()
    page.wait_for_url(f"**/penyusunan-renja-renstra/**#{row}")
    assert page.locator(f"tr#{row}").is_visible()
    assert "mendokumentasikan" in page.locator(f"tr#{row}").inner_text().lower()
