"""The ``kiosk`` command as an operator types it: help, the admin PIN, validating the exhibit."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from kiosk import __version__
from kiosk.cli import COMMANDS, main
from kiosk.pin import check_pin, hash_pin

REPO = Path(__file__).resolve().parents[1]
KIOSK = Path(sys.executable).with_name("kiosk")


def kiosk(*args: str, stdin: str = "", cwd: Path = REPO) -> subprocess.CompletedProcess:
    """Run the installed ``kiosk`` script, as an operator would."""
    return subprocess.run([str(KIOSK), *args], input=stdin, cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_the_kiosk_script_is_installed():
    assert KIOSK.is_file()


@pytest.mark.parametrize("args", [["--help"], ["-h"]] + [[command, "--help"] for command in COMMANDS],
                         ids=lambda args: " ".join(args))
def test_help_exits_0(args, capsys):
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: kiosk")


def test_the_main_help_names_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("    ") and line.split()}
    assert listed >= set(COMMANDS)


def stamp(folder: Path, when: str) -> None:
    """Every file in ``folder`` saved at ``when`` (local time, 'YYYY-MM-DD HH:MM')."""
    moment = datetime.strptime(when, "%Y-%m-%d %H:%M").timestamp()
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (moment, moment))


def version(folder: Path, monkeypatch, capsys) -> tuple[str, str]:
    """``kiosk --version`` run in ``folder``: its two lines."""
    monkeypatch.chdir(folder)
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    kiosk_line, content_line = capsys.readouterr().out.splitlines()
    return kiosk_line, content_line


def test_version_names_the_kiosk_and_the_content_found_here(content_copy, monkeypatch, capsys):
    stamp(content_copy, "2026-12-01 09:15")
    os.utime(content_copy / "exhibit.yaml", (0, datetime(2026, 12, 2, 19, 38).timestamp()))
    kiosk_line, content_line = version(content_copy / "chapters", monkeypatch, capsys)
    assert kiosk_line == f"kiosk {__version__}"
    assert re.fullmatch(rf"content {re.escape(str(content_copy))}: [0-9a-f]{{8}}, last changed 2026-12-02 19:38",
                        content_line), content_line


def test_the_contents_version_is_its_files_bytes_wherever_and_whenever_they_were_copied(
        content_copy, tmp_path, monkeypatch, capsys):
    def content_hash(folder: Path) -> str:
        return version(folder, monkeypatch, capsys)[1].split(": ")[1].split(",")[0]

    first = content_hash(content_copy)
    elsewhere = tmp_path / "elsewhere" / "content"
    shutil.copytree(content_copy, elsewhere, copy_function=shutil.copyfile)  # new dates
    stamp(elsewhere, "2027-01-05 08:00")
    assert content_hash(elsewhere) == first
    assert version(elsewhere, monkeypatch, capsys)[1].endswith("last changed 2027-01-05 08:00")
    chapter = elsewhere / "chapters" / "02-secret-police" / "chapter.yaml"
    chapter.write_bytes(chapter.read_bytes().replace(b"105000", b"105001", 1))
    assert content_hash(elsewhere) != first
    shutil.copyfile(content_copy / chapter.relative_to(elsewhere), chapter)
    assert content_hash(elsewhere) == first
    chapter.rename(chapter.with_name("chapter.yml"))
    assert content_hash(elsewhere) != first


def test_version_through_the_installed_script_names_the_shipped_exhibit_outside_any_content(tmp_path):
    done = kiosk("--version", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    kiosk_line, content_line = done.stdout.splitlines()
    assert kiosk_line == f"kiosk {__version__}"
    assert content_line.startswith(f"content {REPO / 'content'}: ")


def test_help_through_the_installed_script():
    done = kiosk("--help")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("usage: kiosk")


# --- kiosk admin-pin ----------------------------------------------------------------------------


def test_admin_pin_sets_the_kiosks_own_pin_in_its_data_folder(tmp_path):
    from kiosk.pin_file import PinFile

    data = tmp_path / "data"  # not made yet: the command makes it
    done = kiosk("admin-pin", "--data-dir", str(data), stdin="2468\n2468\n")
    assert (done.returncode, done.stdout) == (0, "")
    kept = data / "admin-pin"
    assert done.stderr.splitlines()[-1] == (f"The admin PIN of this kiosk is set (kept in {kept}). It opens the "
                                            "PIN pad at once, even on a kiosk that is running.")
    assert kept.stat().st_mode & 0o777 == 0o600  # a hash only, and for the kiosk's user alone
    assert "2468" not in kept.read_text(encoding="utf-8")
    assert check_pin("2468", PinFile(kept).read()) and not check_pin("2469", PinFile(kept).read())
    assert [p.name for p in data.iterdir()] == ["admin-pin"]  # no partial file left


def test_a_damaged_pin_file_is_logged_and_opens_nothing(tmp_path, caplog):
    from kiosk.pin_file import PinFile

    kept = tmp_path / "admin-pin"
    kept.write_text("pbkdf2-sha256$200000$cut", encoding="utf-8")
    assert PinFile(kept).read() == ""
    assert caplog.messages == [f"admin: ignoring the kiosk's PIN in {kept}: it is not a line that 'kiosk "
                               "admin-pin' writes (damaged, or changed by hand): set the PIN again with "
                               "'kiosk admin-pin'"]


def test_admin_pin_print_prints_a_line_that_checks_the_pin():
    done = kiosk("admin-pin", "--print", stdin="2468\n2468\n")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith('  pin_hash: "')
    stored = yaml.safe_load(lines[0])["pin_hash"]  # the line pastes into exhibit.yaml as it is
    assert check_pin("2468", stored)
    assert not check_pin("2469", stored)
    assert "Paste this line under 'admin:' in exhibit.yaml" in done.stderr


def test_admin_pin_makes_a_new_salt_each_time():
    first, second = (kiosk("admin-pin", "--print", stdin="2468\n2468\n").stdout for _ in range(2))
    assert first != second


DIGITS_ONLY = ("kiosk admin-pin: the PIN must be 4 to 12 of the digits 0 to 9 (the pad has only those); "
               "nothing was made")
LOOK_ALIKE = ("kiosk admin-pin: the PIN must be typed with the digits 0 to 9, the only keys the pad has (these "
              "look like digits but are other characters); nothing was made")


@pytest.mark.parametrize("stdin, says", [
    ("2468\n1357\n", "kiosk admin-pin: the two PINs differ; nothing was made"),
    ("2468\n", "kiosk admin-pin: the PIN was not typed again (the input ended); nothing was made"),
    ("", "kiosk admin-pin: no PIN was typed (the input ended); nothing was made"),
    ("12\n12\n", DIGITS_ONLY),
    ("24a8\n24a8\n", DIGITS_ONLY),
    ("١٢٣٤\n١٢٣٤\n", LOOK_ALIKE),  # Arabic-Indic digits: str.isdigit takes them, the pad has none
    ("①②③④\n①②③④\n", LOOK_ALIKE),
    ("１２３４\n１２３４\n", LOOK_ALIKE),  # full-width digits, as a Japanese keyboard types them
    ("1921\n1921\n", "kiosk admin-pin: 1921 is the PIN that earlier kiosks shipped with, which anyone could "
                     "read in their guide: choose another; nothing was made"),
], ids=["mismatch", "second-missing", "no-input", "too-short", "not-digits", "arabic-indic", "circled",
        "full-width", "shipped"])
def test_admin_pin_refuses(stdin, says, tmp_path):
    done = kiosk("admin-pin", "--data-dir", str(tmp_path), stdin=stdin)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines()[-1] == says
    assert list(tmp_path.iterdir()) == []  # nothing was made


# At a terminal the PIN is read by getpass from the terminal itself (/dev/tty), not from stdin:
# these run the command on a pseudo-terminal of its own, as an operator's shell would.


def at_terminal(*answers: bytes) -> tuple[int, str]:
    """``kiosk admin-pin`` on a new pseudo-terminal; each answer is typed after the next prompt
    appears. The exit code and everything the terminal showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its controlling terminal
        os.execv(str(KIOSK), [str(KIOSK), "admin-pin", "--print"])
    shown = b""
    try:
        for number, answer in enumerate(answers, 1):
            shown = _read_until(fd, shown, lambda text: text.count(b": ") >= number)
            os.write(fd, answer)
        shown = _read_until(fd, shown, lambda text: False)  # to the end of the output
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode().replace("\r\n", "\n")


def _read_until(fd: int, shown: bytes, done, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while not done(shown) and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                more = os.read(fd, 4096)
            except OSError:  # the child has closed its end: all is read
                return shown
            if not more:
                return shown
            shown += more
    return shown


PROMPT = "New admin PIN (4–12 digits, 0–9): "


def test_admin_pin_at_a_terminal_hides_the_pin_and_prints_the_line():
    code, shown = at_terminal(b"2468\r", b"2468\r")
    assert code == 0
    lines = shown.splitlines()
    assert lines[:3] == [PROMPT, "The same PIN again: ",
                         "Paste this line under 'admin:' in exhibit.yaml, in place of any old pin_hash:"]
    assert "2468" not in "\n".join(lines[:3])  # not echoed
    assert check_pin("2468", yaml.safe_load(lines[3])["pin_hash"])


@pytest.mark.parametrize("key, code, says", [
    (b"\x03", 130, "kiosk admin-pin: cancelled; nothing was made"),
    (b"\x04", 1, "kiosk admin-pin: no PIN was typed (the input ended); nothing was made"),
], ids=["ctrl-c", "ctrl-d"])
def test_admin_pin_at_a_terminal_ends_on_ctrl_c_and_ctrl_d_with_one_line(key, code, says):
    done, shown = at_terminal(key)
    assert (done, shown) == (code, f"{PROMPT}\n{says}\n")


def test_admin_pin_at_a_terminal_refuses_digits_the_pad_cannot_type():
    code, shown = at_terminal("١٢٣٤\r".encode())
    assert (code, shown) == (1, f"{PROMPT}\n{LOOK_ALIKE}\n")


# --- kiosk validate -----------------------------------------------------------------------------


def what_the_content_holds(content: Path, warnings: int = 0) -> str:
    """The summary line, counted from the YAML itself rather than from the loader."""
    exhibit = yaml.safe_load((content / "exhibit.yaml").read_text(encoding="utf-8"))
    chapters = [(p.parent, yaml.safe_load(p.read_text(encoding="utf-8")))
                for p in sorted(content.glob("chapters/*/chapter.yaml"))]
    pages = [page for _, chapter in chapters for page in chapter["pages"]]
    images = {(folder / chapter["artwork"]).resolve() for folder, chapter in chapters if chapter.get("artwork")}
    images |= {(folder / page["file"]).resolve()
               for folder, chapter in chapters for page in chapter["pages"] if page["type"] == "image"}
    counts = [(len(chapters), "chapter"), (len(pages), "page"),
              (sum(page["type"] == "chart" for page in pages), "chart"),
              (len(images), "image"), (len(exhibit["languages"]), "language")]
    held = ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)
    return f"{held}: 0 errors, {warnings} warning{'' if warnings == 1 else 's'}"


SHIPPED = "checked content (the exhibit shipped with the kiosk): "


def pin_line(content: Path) -> int:
    """The line of exhibit.yaml that holds the admin PIN's hash, counted from the file itself."""
    lines = (content / "exhibit.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.strip().startswith("pin_hash:"))


SHIPPED_PIN_WARNING = ("warning: admin → pin_hash: this is 1921, the PIN that earlier kiosks shipped with and "
                       "their guide printed: remove the line and set each kiosk's own PIN with 'kiosk admin-pin', "
                       "or paste in its place the line that 'kiosk admin-pin --print' prints")


def shipped_pin_warning(shown: str, content: Path) -> str:
    return f"{shown}/exhibit.yaml:{pin_line(content)}: {SHIPPED_PIN_WARNING}"


def test_validate_strict_passes_the_shipped_content_which_holds_no_pin(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert "\n  pin_hash:" not in (REPO / "content/exhibit.yaml").read_text(encoding="utf-8")
    assert main(["validate", "--strict"]) == 0  # no folder given: ./content
    assert capsys.readouterr().out.splitlines() == [SHIPPED + what_the_content_holds(REPO / "content")]


def with_pin_line(content: Path, line: str) -> None:
    """The content's exhibit.yaml with ``line`` (a ``  pin_hash:`` line) under ``admin:``."""
    exhibit = content / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    exhibit.write_text(text.replace("\nadmin:\n", f"\nadmin:\n{line}\n", 1), encoding="utf-8")


def test_validate_strict_passes_a_changed_pin(content_copy, capsys, monkeypatch):
    with_pin_line(content_copy, f'  pin_hash: "{hash_pin("2468", iterations=1000)}"')
    monkeypatch.chdir(content_copy.parent)
    assert main(["validate", "--strict", "content"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "checked content: " + what_the_content_holds(content_copy)]


def test_validate_warns_of_the_once_shipped_pin_hashed_anew(content_copy, capsys, monkeypatch):
    """1921, the PIN earlier kiosks shipped with, hashed with any salt is still that PIN: plain
    validate warns of it, and strict fails on it."""
    with_pin_line(content_copy, f'  pin_hash: "{hash_pin("1921", iterations=1000)}"')
    monkeypatch.chdir(content_copy.parent)
    assert main(["validate", "content"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        shipped_pin_warning("content", content_copy), "checked content: " + what_the_content_holds(
            content_copy, warnings=1)]
    assert main(["validate", "--strict", "content"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == shipped_pin_warning("content", content_copy)


def test_validate_a_folder_that_is_not_content(tmp_path):
    done = kiosk("validate", str(tmp_path))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"kiosk validate: {tmp_path} is not a content folder: it has no exhibit.yaml\n"


# --- a misspelt command, a folder, no argument at all ---------------------------------------------


@pytest.mark.parametrize("typed, meant", [
    ("validat", "validate"), ("valdiate", "validate"), ("shema", "schema"), ("admin-pn", "admin-pin"),
    ("adminpin", "admin-pin"), ("prof", "proof"), ("rnu", "run"),
])
def test_a_misspelt_command_exits_2_with_the_command_meant(typed, meant, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main([typed, "content"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"kiosk: unknown command '{typed}': did you mean '{meant}'?\n")


@pytest.fixture
def kiosk_runs(monkeypatch) -> list:
    """The arguments ``run_kiosk`` is called with, instead of starting the kiosk."""
    from kiosk.ui import app

    calls = []
    monkeypatch.setattr(app, "run_kiosk", lambda *args: calls.append(args) or 0)
    return calls


@pytest.mark.parametrize("argv, runs", [
    pytest.param([], (None, False, None, None), id="no-argument"),
    pytest.param(["validat"], ("validat", False, None, None), id="a-folder-named-like-a-command"),
    pytest.param(["some/dir", "--windowed"], ("some/dir", True, None, None), id="a-folder"),
    pytest.param(["exhibit-2025"], ("exhibit-2025", False, None, None), id="a-name-like-no-command"),
    pytest.param(["run", "validat"], ("validat", False, None, None), id="run-a-folder"),
    pytest.param(["validte/"], ("validte/", False, None, None), id="a-path-is-never-a-command"),
    pytest.param(["--data-dir", "d"], (None, False, None, "d"), id="a-data-folder"),
])
def test_a_folder_or_nothing_runs_the_kiosk(argv, runs, kiosk_runs, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "validat").mkdir()
    (tmp_path / "some" / "dir").mkdir(parents=True)
    assert main(argv) == 0
    assert kiosk_runs == [runs]


def test_validate_into_a_pipe_closed_early_ends_quietly(tmp_path):
    """``kiosk validate | head -1``: no BrokenPipeError traceback when head stops reading."""
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).parent / "data" / "broken" / "base", content)
    for number in range(1500):  # far more output than a pipe holds
        (content / f"leftover-{number:04d}.txt").write_text("x")
    done = subprocess.run(["bash", "-c", f"'{KIOSK}' validate content | head -1; echo \"${{PIPESTATUS[0]}}\""],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    first = ("content/leftover-0000.txt: warning: nothing uses this file: name it in a page (file:, "
             "artwork: or data:), or move it out of the content folder")
    assert (done.stdout, done.stderr) == (f"{first}\n1\n", "")
