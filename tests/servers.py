"""The web servers an agency publishes the handbook on, run on 127.0.0.1 for the tests.

Debian's nginx and Apache httpd (apache2) each run with a copy of the
configuration their package installs, changed only where a test must: the
address (127.0.0.1 and a free port), the folder served, and the files a
server writes (pid, logs, temporary files) in a folder of the test's own,
so that neither needs root nor touches the machine's servers. The lines an
agency adds are the README's ("Menerbitkan di intranet"), read from it.

A server's workers run as ``www-data`` when the tests run as root, so the
folder served is made readable by everyone, outside pytest's private
temporary folders.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = "/usr/sbin/nginx"
APACHE = "/usr/sbin/apache2"
NGINX_CONF = Path("/etc/nginx/nginx.conf")
NGINX_SITE = Path("/etc/nginx/sites-available/default")
APACHE_DIR = Path("/etc/apache2")
APACHE_SITE = APACHE_DIR / "sites-available" / "000-default.conf"
KIT_NGINX = ROOT / "macros/sop_handbook/kerangka/intranet/nginx.conf"  # the intranet kit's server block
SUB_PATH = "/sop/"  # the README's snippets are written for a handbook published at http://intranet/sop/


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def readme_snippet(language: str) -> str:
    """The README's snippet of ``language`` ("nginx", "apache") in "Menerbitkan di intranet"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Menerbitkan di intranet", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(rf"```{language}\n(.*?)```", section, re.S)
    assert len(blocks) == 1, f"README: one {language} snippet in Menerbitkan di intranet, found {len(blocks)}"
    return blocks[0]


def for_prefix(snippet: str, prefix: str) -> str:
    """The README's ``snippet`` for a handbook published at ``prefix`` ("/" or "/sop/") instead of /sop/."""
    assert SUB_PATH in snippet
    return snippet.replace(SUB_PATH, prefix)


def _replaced(text: str, old: str, new: str) -> str:
    """``text`` with its line ``old`` replaced: the stock configuration must still hold it."""
    assert old in text, f"the stock configuration no longer has {old!r}"
    return text.replace(old, new)


@contextmanager
def docroot(site: Path, prefix: str) -> Iterator[Path]:
    """A folder everyone can read holding ``site`` at ``prefix`` ("/", "/sop/"): the servers' document root."""
    root = Path(tempfile.mkdtemp(prefix="sop-docroot-"))
    try:
        root.chmod(0o755)
        shutil.copytree(site, root / prefix.strip("/"), dirs_exist_ok=True)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def wait(process: subprocess.Popen, url: str, log: Path, timeout: float = 20) -> None:
    """Until ``process`` answers at ``url`` (any HTTP status); its ``log`` in the error if it stops or never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped ({process.returncode}):\n{log.read_text(errors='replace')}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"the server did not answer {url}:\n{log.read_text(errors='replace')}")


@contextmanager
def _running(command: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[str]:
    with log.open("a") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait(process, url, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def nginx(root: Path, port: int, snippet: str) -> AbstractContextManager[str]:
    """Debian's nginx serving ``root`` on 127.0.0.1:``port``, its server block with ``snippet``; its URL."""
    site = NGINX_SITE.read_text()
    site = _replaced(site, "listen 80 default_server;", f"listen 127.0.0.1:{port} default_server;")
    site = _replaced(site, "listen [::]:80 default_server;", "")
    site = _replaced(site, "root /var/www/html;", f"root {root};\n\n{snippet}")
    return _nginx(root, port, site)


def nginx_kit(root: Path, port: int) -> AbstractContextManager[str]:
    """Debian's nginx with the intranet kit's server block (``sop-handbook new``: intranet/nginx.conf) serving
    ``root`` (which holds ``sop/``) on 127.0.0.1:``port``; its URL."""
    site = KIT_NGINX.read_text(encoding="utf-8")
    site = _replaced(site, "    listen 80;\n", f"    listen 127.0.0.1:{port};\n")
    site = _replaced(site, "    listen [::]:80;\n", "")
    site = _replaced(site, "    root /srv/buku-sop;\n", f"    root {root};\n")
    return _nginx(root, port, site)


@contextmanager
def _nginx(root: Path, port: int, site: str) -> Iterator[str]:
    """Debian's nginx with its stock nginx.conf, its sites replaced by ``site``, run in a folder of its own."""
    run = Path(tempfile.mkdtemp(prefix="sop-nginx-", dir=root.parent))
    try:
        run.chmod(0o755)
        conf = NGINX_CONF.read_text()
        conf = _replaced(conf, "pid /run/nginx.pid;", f"pid {run}/nginx.pid;")
        conf = _replaced(conf, "error_log /var/log/nginx/error.log;", f"error_log {run}/error.log;")
        conf = _replaced(conf, "access_log /var/log/nginx/access.log;", f"access_log {run}/access.log;")
        temporary = "".join(
            f"\t{kind}_temp_path {run}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        conf = _replaced(conf, "include /etc/nginx/sites-enabled/*;", f"{temporary}\tinclude {run}/site.conf;")
        if os.geteuid() != 0:
            conf = _replaced(conf, "user www-data;", "")  # only root switches users
        (run / "nginx.conf").write_text(conf)
        (run / "site.conf").write_text(site)
        command = [NGINX, "-p", str(run), "-c", str(run / "nginx.conf"), "-e", str(run / "error.log")]
        with _running([*command, "-g", "daemon off;"], dict(os.environ), port, run / "output.log") as url:
            yield url
    finally:
        shutil.rmtree(run, ignore_errors=True)


@contextmanager
def apache(root: Path, port: int, snippet: str) -> Iterator[str]:
    """Debian's Apache httpd serving ``root`` on 127.0.0.1:``port``, its virtual host with ``snippet``; its URL."""
    run = Path(tempfile.mkdtemp(prefix="sop-apache-", dir=root.parent))
    try:
        run.chmod(0o755)
        conf = (APACHE_DIR / "apache2.conf").read_text()
        conf = _replaced(conf, "\nInclude ports.conf\n", f"\nListen 127.0.0.1:{port}\n")
        conf = _replaced(conf, "IncludeOptional sites-enabled/*.conf", f"Include {run}/site.conf")
        site = APACHE_SITE.read_text()
        site = _replaced(site, "<VirtualHost *:80>", f"<VirtualHost *:{port}>")
        # The stock configuration grants /var/www/ alone; the tests' folder is elsewhere.
        granted = f"<Directory {root}/>\n\t\tRequire all granted\n\t</Directory>"
        site = _replaced(site, "DocumentRoot /var/www/html", f"DocumentRoot {root}\n\t{granted}\n\n{snippet}")
        (run / "apache2.conf").write_text(conf)
        (run / "site.conf").write_text(site)
        root_user = os.geteuid() == 0
        env = dict(os.environ) | {
            "APACHE_RUN_USER": "www-data" if root_user else pwd.getpwuid(os.geteuid()).pw_name,
            "APACHE_RUN_GROUP": "www-data" if root_user else grp.getgrgid(os.getegid()).gr_name,
            "APACHE_PID_FILE": str(run / "apache2.pid"),
            "APACHE_RUN_DIR": str(run),
            "APACHE_LOCK_DIR": str(run),
            "APACHE_LOG_DIR": str(run),
            "LANG": "C",
        }
        command = [APACHE, "-d", str(APACHE_DIR), "-f", str(run / "apache2.conf"), "-DFOREGROUND"]
        with _running(command, env, port, run / "output.log") as url:
            yield url
    finally:
        shutil.rmtree(run, ignore_errors=True)
