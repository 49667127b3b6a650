"""The coupling to mkdocs-print-site-plugin's internals holds for the version it was proven with."""

import importlib.metadata

from sop_handbook import print_site

from .conftest import ROOT


def test_print_site_is_the_version_the_coupling_was_proven_with():
    # Another version may keep its pages or its context elsewhere: check print_site.py's functions
    # against it (the book tests of test_build.py and test_print.py), then change PROVEN_WITH.
    assert importlib.metadata.version(print_site.DISTRIBUTION) == print_site.PROVEN_WITH
    pins = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert f"{print_site.DISTRIBUTION}=={print_site.PROVEN_WITH}" in pins
