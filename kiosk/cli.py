"""The ``kiosk`` command: run the kiosk, or one of the curators' and operators' tools."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

COMMANDS = ("run", "validate", "schema", "admin-pin", "proof", "preview")
CONTENT_HELP = ("the content folder (default: the one found here or in a folder above, as git finds "
                "its repository: a folder that holds exhibit.yaml, or its content/ folder; else the "
                "exhibit shipped with the kiosk)")


class VersionAction(argparse.Action):
    """``--version``: the kiosk's version, and the version of the content it would run (found
    as the kiosk finds it), for a bug report or a check that an update arrived."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from .paths import content_dir
        from .snapshot import version_text

        print(version_text(content_dir(None)))
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="A full-screen touch kiosk for museum exhibits. With no command, runs the kiosk.",
        epilog="Run 'kiosk COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action=VersionAction,
                        help="show the kiosk's version and the content's (a hash of its files, and "
                             "when they last changed), then exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="run the kiosk (the default)", description="Run the kiosk.")
    run.add_argument("content", nargs="?", help=CONTENT_HELP)
    run.add_argument("--windowed", action="store_true", help="run in a window, for laptops and development")
    run.add_argument("--size", metavar="WxH", help="window size with --windowed, e.g. 1366x768")
    run.add_argument("--data-dir", metavar="DIR",
                     help="where the kiosk keeps the last good content (default: the user data folder)")

    validate = commands.add_parser(
        "validate", help="check a content folder and report every problem",
        description="Check a content folder. Exit 0: no errors; 1: errors; 2: not a content folder.",
    )
    validate.add_argument("content", nargs="?", help=CONTENT_HELP)
    validate.add_argument("--strict", action="store_true", help="fail on warnings too")

    schema = commands.add_parser(
        "schema", help="print a JSON Schema of the content files, for editors",
        description="Print a JSON Schema of the content files (see content/README.md).",
    )
    schema.add_argument("--file", choices=("exhibit", "chapter"),
                        help="the schema of exhibit.yaml or chapter.yaml only (default: either)")

    admin_pin = commands.add_parser(
        "admin-pin", help="set this kiosk's admin PIN",
        description="Ask for a new admin PIN and set it as this kiosk's, in its data folder (only its "
                    "salted hash is kept). With --print, print the line for exhibit.yaml instead.",
    )
    admin_pin.add_argument("--data-dir", metavar="DIR",
                           help="the data folder of the kiosk to set it for: the one given to the kiosk "
                                "with --data-dir (default: the user data folder, as the kiosk's)")
    admin_pin.add_argument("--print", dest="print_line", action="store_true",
                           help="print the pin_hash line for exhibit.yaml (one PIN for every kiosk that "
                                "runs the content) and set nothing here")

    proof = commands.add_parser(
        "proof", help="render every screen to PNG for review",
        description="Render every screen a visitor can reach to PNG offscreen, plus a contact sheet; "
                    "with --pdf, one PDF of them all for a review meeting.",
    )
    proof.add_argument("content", nargs="?", help=CONTENT_HELP)
    proof.add_argument("--out", metavar="DIR", help="folder for the PNG files")
    proof.add_argument("--pdf", metavar="FILE", help="write a review PDF: every screen, with the notes, "
                       "sources, word counts and warnings of its page")
    proof.add_argument("--size", default="1920x1080", metavar="WxH", help="screen size (default 1920x1080)")
    proof.add_argument("--lang", help="language code (default: the exhibit's first)")

    preview = commands.add_parser(
        "preview", help="show the kiosk in a window that follows every save, for curators",
        description="Show the kiosk in a window beside your editor. Each time a file in the content "
                    "folder is saved, the preview reloads and stays on the same page; problems are "
                    "listed above it.",
    )
    preview.add_argument("content", nargs="?", help=CONTENT_HELP)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    misspelt = _misspelt_command(argv)
    if misspelt:
        print(f"kiosk: unknown command '{argv[0]}': did you mean '{misspelt}'?", file=sys.stderr)
        return 2
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "run")
    try:
        code = _dispatch(build_parser().parse_args(argv))
        sys.stdout.flush()  # here, so that a closed pipe is noticed inside the try
    except BrokenPipeError:
        # The reader went away (kiosk validate | head -1). Python's documented remedy: point
        # stdout at devnull, so that the flush at exit does not raise again, and stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return code


def _misspelt_command(argv: list[str]) -> Optional[str]:
    """The command meant by a first argument that is no command, option or folder, if any is
    close: 'kiosk validat' would otherwise start the kiosk on a folder called 'validat'."""
    first = argv[0] if argv else ""
    if not first or first in COMMANDS or first.startswith("-") or "/" in first or os.sep in first \
            or Path(first).is_dir():
        return None
    close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "validate":
        from .commands.validate import run_validate
        return run_validate(args.content, args.strict)
    if args.command == "schema":
        from .commands.schema import run_schema
        return run_schema(args.file)
    if args.command == "admin-pin":
        from .commands.adminpin import run_admin_pin
        from .paths import data_dir
        return run_admin_pin(data_dir(args.data_dir), args.print_line)
    if args.command == "preview":
        from .ui.preview import run_preview
        return run_preview(args.content)
    if args.command == "proof":
        from .ui.proof import run_proof
        return run_proof(args.content, args.out, args.size, args.lang, args.pdf)
    if args.size is not None:
        from .screen_size import parse_size, size_problem
        try:
            parse_size(args.size)
        except ValueError:
            print(f"kiosk: {size_problem('--size', args.size)}", file=sys.stderr)
            return 2
    from .ui.app import run_kiosk
    return run_kiosk(args.content, args.windowed, args.size, args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
