"""mermaid2's post-page step done without parsing (``sop_handbook.mermaid_scripts``) gives mermaid2's pages.

mermaid2 re-serialises every page that mentions "mermaid" through
BeautifulSoup; the fast step keeps the page and only inserts the scripts. So
for every such page of three real builds (the handbook, the hostile fixture, a
generated handbook), mermaid2's own ``on_post_page`` on the same input must
equal BeautifulSoup's re-serialisation of the fast output, with the same
messages, and the fast output must be the input plus the scripts.
"""

from __future__ import annotations

import importlib.metadata
import logging
import posixpath
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import mermaid2.plugin
import pytest
from bs4 import BeautifulSoup
from mermaid2 import fence_mermaid, fence_mermaid_custom
from mermaid2.plugin import MarkdownMermaidPlugin
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from sop_handbook import mermaid_scripts

from .conftest import ROOT, fixture_sources, make_project, real_sources

MERMAID2 = "mkdocs-mermaid2-plugin"
JAVASCRIPT = "assets/javascripts/mermaid/mermaid.js"  # mkdocs.yml's mermaid2 javascript
ORIGINAL = MarkdownMermaidPlugin.on_post_page


@dataclass
class Call:
    """One page through the installed handler: its input and what the handler returned."""

    output: str
    page: Any
    result: str


@dataclass
class Recording:
    """A build in this process, with every call of the installed post-page step."""

    config: Any
    site: Path
    calls: list[Call] = field(default_factory=list)

    @property
    def plugin(self) -> Any:
        return self.config.plugins["mermaid2"]


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("mermaid2 parsed a page with BeautifulSoup")


def build_recording(project: Path) -> Recording:
    """``mkdocs build --strict`` of ``project`` in this process, as the command line runs it.

    mermaid2's BeautifulSoup refuses to run: the installed step must never fall back on it here.
    """
    recording = Recording(None, project / "site")
    fast = mermaid_scripts.post_page

    def record(plugin: Any, output: str, config: Any, page: Any) -> str:
        result = fast(plugin, output, config, page)
        recording.calls.append(Call(output, page, result))
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mermaid_scripts, "post_page", record)
        patch.setattr(mermaid2.plugin, "BeautifulSoup", refuse)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        patch.chdir(project)
        recording.config = load_config(str(project / "mkdocs.yml"), site_dir=str(recording.site))
        recording.config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(recording.config)
        recording.config.plugins.on_shutdown()
    return recording


def generated_project(out: Path) -> Path:
    command = [sys.executable, str(ROOT / "bench" / "generate.py"), "--sops", "20", "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
    return out


PROJECTS: dict[str, Callable[[Path], Path]] = {
    "real": lambda target: make_project(target, real_sources()),
    "multi": lambda target: make_project(target, fixture_sources("multi")),
    "generated": generated_project,
}


@pytest.fixture(scope="module", params=list(PROJECTS))
def recording(request, tmp_path_factory) -> Recording:
    """One of the three handbooks, built with the installed step."""
    return build_recording(PROJECTS[request.param](tmp_path_factory.mktemp(request.param)))


class Messages(logging.Handler):
    """The messages mermaid2 logs (at INFO, which the command line shows)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def run_logged(step: Callable[[], str]) -> tuple[str, list[str]]:
    """What ``step`` returns and logs through mermaid2's logger."""
    logger, messages = logging.getLogger("mkdocs.plugins.mermaid2.util"), Messages()
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(messages)
    try:
        return step(), messages.lines
    finally:
        logger.removeHandler(messages)
        logger.setLevel(level)
        logger.propagate = propagate


def assert_mermaid2s_result(plugin: Any, output: str, config: Any, page: Any) -> str:
    """mermaid2's own step and the fast one agree on ``output``; the fast result is returned."""
    original, original_messages = run_logged(lambda: ORIGINAL(plugin, output, config, page))
    fast, fast_messages = run_logged(lambda: mermaid_scripts.post_page(plugin, output, config, page))
    if "mermaid" in output:  # mermaid2 parsed and re-serialised the page
        assert str(BeautifulSoup(fast, "html.parser")) == original, f"page {page.url!r}"
    else:
        assert fast == original == output, f"page {page.url!r}"
    assert fast_messages == original_messages, f"page {page.url!r}"
    return fast


def expected_scripts(page_url: str) -> str:
    """What mkdocs.yml's mermaid2 configuration adds to a page at ``page_url``, as mermaid2 writes it."""
    src = posixpath.relpath(JAVASCRIPT, posixpath.dirname(page_url) or ".")
    config = "window.mermaidConfig = {default: {\n    startOnLoad: false\n}};"
    return f'<script src="{src}"></script><script>{config}</script>'


@pytest.mark.build
def test_every_page_is_mermaid2s_page(recording):
    pages = {call.page.file.dest_uri for call in recording.calls}
    assert len(pages) == len(recording.calls) > 10
    built = {page.relative_to(recording.site).as_posix(): page for page in recording.site.rglob("*.html")}
    assert {name for name, page in built.items() if "mermaidConfig" in page.read_text(encoding="utf-8")} <= pages
    for call in recording.calls:
        fast = assert_mermaid2s_result(recording.plugin, call.output, recording.config, call.page)
        assert fast == call.result


@pytest.mark.build
def test_only_pages_with_diagrams_get_the_scripts_and_nothing_else_changes(recording):
    with_diagrams = 0
    for call in recording.calls:
        diagrams = BeautifulSoup(call.output, "html.parser").select("pre.mermaid code")
        if diagrams:
            with_diagrams += 1
            head, body_end, tail = call.output.rpartition("</body>")
            assert call.result == head + expected_scripts(call.page.url) + body_end + tail, call.page.url
        else:
            assert call.result == call.output, call.page.url
        # What the site holds (later post_page handlers may change other parts of the page).
        written = (recording.site / call.page.file.dest_uri).read_text(encoding="utf-8")
        assert written.count("mermaidConfig") == written.count(expected_scripts(call.page.url)) == bool(diagrams)
    assert 0 < with_diagrams < len(recording.calls)


def test_the_installed_step_stands_in_mermaid2s_place():
    config = load_config(str(ROOT / "mkdocs.yml"))
    handlers = list(config.plugins.events["post_page"])
    index = next(i for i, h in enumerate(handlers) if getattr(h, "__self__", None) is config.plugins["mermaid2"])
    mermaid_scripts.install(config)
    installed = config.plugins.events["post_page"]
    assert isinstance(installed[index], mermaid_scripts.FastPostPage)
    assert installed[index].plugin is config.plugins["mermaid2"]
    assert installed[:index] + installed[index + 1 :] == handlers[:index] + handlers[index + 1 :]
    assert config.plugins._event_origins[installed[index]] == "mermaid2"


def test_without_mermaid2_nothing_is_installed():
    config = load_config(str(ROOT / "mkdocs.yml"), plugins=["search"])
    handlers = list(config.plugins.events["post_page"])
    mermaid_scripts.install(config)
    assert config.plugins.events["post_page"] == handlers


def test_another_mermaid2_keeps_its_own_step(monkeypatch):
    monkeypatch.setattr(mermaid_scripts, "version", lambda name: "1.2.4")
    config = load_config(str(ROOT / "mkdocs.yml"))
    handlers = list(config.plugins.events["post_page"])
    mermaid_scripts.install(config)
    assert config.plugins.events["post_page"] == handlers


def test_mermaid2_is_the_version_the_equivalence_was_proven_with():
    # Another version may write other scripts: run these tests, then change PROVEN_WITH.
    assert importlib.metadata.version(MERMAID2) == mermaid_scripts.PROVEN_WITH
    pins = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"{MERMAID2}=={mermaid_scripts.PROVEN_WITH}" in pins


# --- Configurations and pages the handbook does not have -------------------------------------------------------------


def mermaid2_plugin(docs: Path, javascript: str | None = None, custom: bool = True, **full: Any) -> Any:
    """A mermaid2 plugin after ``on_config``, with its options and the MkDocs options it reads."""
    plugin = MarkdownMermaidPlugin()
    errors, warnings = plugin.load_config({"javascript": javascript} if javascript else {})
    assert not errors and not warnings
    fence = fence_mermaid_custom if custom else fence_mermaid
    plugin.on_config(
        {
            "docs_dir": str(docs),
            "markdown_extensions": ["pymdownx.superfences"],
            "mdx_configs": {"pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "format": fence}]}},
            **full,
        }
    )
    assert plugin.activate_custom_loader is custom  # its first reading logs what it found: read it now
    return plugin


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
    """A docs folder with Mermaid libraries; remote libraries are taken to exist (no network)."""
    for name in ("mermaid.min.js", "mermaid.esm.min.mjs"):
        (tmp_path / "js" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "js" / name).write_text("", encoding="utf-8")
    monkeypatch.setattr(mermaid2.plugin, "url_exists", lambda url, local_base_dir="": True)
    return tmp_path


CONFIGURATIONS: dict[str, dict[str, Any]] = {
    "local script": {"javascript": "js/mermaid.min.js"},
    "local module": {"javascript": "js/mermaid.esm.min.mjs"},
    "remote module (default)": {},
    "remote script": {"javascript": "https://cdn.invalid/mermaid@9/mermaid.min.js?a=1&b=2"},
    "odd script path": {"javascript": 'js/<a href="x">\'&amp;mermaid.js'},
    "extra_javascript": {"extra_javascript": ["js/mermaid.min.js", "js/other.js"]},
    "no custom loader": {"javascript": "js/mermaid.min.js", "custom": False},
}
DIAGRAM = '<pre  class="mermaid"><code>graph TD\nA --&gt; B\n</code></pre>'
BODY = '<!doctype html>\n<html><head><meta charset="utf-8"></head>\n<body class="x">\n{}\n<br>\n</body>\n</html>\n'
PAGES = {
    "one diagram": BODY.format(DIAGRAM),
    "two diagrams and code": BODY.format(DIAGRAM + "<pre><code>x</code></pre>" + DIAGRAM),
    "the word only": BODY.format("<p>mermaid</p>"),
    "the word and code": BODY.format("<p>mermaid</p><pre><code>x</code></pre>"),
    "a diagram written by hand": BODY.format("<pre class='mermaid' id=d><code>graph TD</code></pre>"),
    "the fence's text escaped": BODY.format('<p>&lt;pre  class="mermaid"&gt;&lt;code&gt;</p>'),
    "no mention": BODY.format("<p>flowchart</p>"),
    "two bodies": BODY.format(DIAGRAM + "<script>'</body>'</script>"),
    "no body": f"<html>{DIAGRAM}</html>",
    "entities and accents": BODY.format(DIAGRAM + '<div data-x="a&amp;b">&amp; &eacute; é &#x3C;</div>'),
}
URLS = ["", "sop/a/b/", "404.html", "a b/c/"]
# Pages the fast step handles itself when the custom loader is on; on the others it runs mermaid2's method.
FAST_PAGES = {
    *("one diagram", "two diagrams and code", "entities and accents"),
    *("the word only", "the fence's text escaped", "no mention"),
}


@pytest.mark.parametrize("configuration", list(CONFIGURATIONS))
@pytest.mark.parametrize("page_name", list(PAGES))
def test_other_configurations_and_pages_give_mermaid2s_result(docs, configuration, page_name):
    options = dict(CONFIGURATIONS[configuration])
    plugin = mermaid2_plugin(docs, **options)
    plugin.mermaid_args.update({"theme": "dark", "flowchart": {"htmlLabels": False}, "init": "^function(){}"})
    for url in URLS:
        page = SimpleNamespace(url=url, title=f"Judul <{url}>")
        fast = mermaid_scripts.add_scripts(PAGES[page_name], url, plugin) is not None
        assert fast == (page_name in FAST_PAGES and configuration != "no custom loader")
        try:
            assert_mermaid2s_result(plugin, PAGES[page_name], None, page)
        except AttributeError:  # mermaid2 fails on a page without <body>: so must the fast step
            assert page_name == "no body"
            with pytest.raises(AttributeError):
                mermaid_scripts.post_page(plugin, PAGES[page_name], None, page)


def test_a_script_end_in_the_arguments_leaves_the_page_to_mermaid2(docs):
    plugin = mermaid2_plugin(docs, javascript="js/mermaid.min.js")
    plugin.mermaid_args["x"] = "</script><script>alert(1)"
    page = SimpleNamespace(url="a/", title="a")
    assert mermaid_scripts.add_scripts(PAGES["one diagram"], "a/", plugin) is None
    assert mermaid_scripts.post_page(plugin, PAGES["one diagram"], None, page) == ORIGINAL(
        plugin, PAGES["one diagram"], None, page
    )


def test_the_fence_writes_what_the_step_looks_for():
    written = fence_mermaid_custom("graph TD\n", "mermaid", "mermaid", {}, None, classes=[], id_value="", attrs={})
    assert written.startswith(mermaid_scripts.DIAGRAM)
    assert mermaid_scripts.DIAGRAM == '<pre  class="mermaid"><code>'
