"""`python -m pursuit`, and the `pursuit` script's entry point (`pursuit.__main__:main`).

`pursuit status` runs after every shell command when it sits in a prompt, so it is
answered here, before the CLI (argparse, typing) is even imported.
"""

import sys


def main() -> int:
    from pursuit.status_line import fast_status

    code = fast_status(sys.argv[1:])
    if code is not None:
        return code
    from pursuit.cli import main as cli_main

    return cli_main(fast_status_tried=True)


if __name__ == "__main__":
    raise SystemExit(main())
