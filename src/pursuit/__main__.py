"""`python -m pursuit`, and the `pursuit` script's entry point (`pursuit.__main__:main`).

`pursuit status` runs after every shell command when it sits in a prompt, so it is
answered here, before the CLI (argparse, typing) is even imported.
"""

import os
import sys


def main() -> int:
    from pursuit.cli.status_line import fast_status

    try:
        code = fast_status(sys.argv[1:])
        if code is not None:
            sys.stdout.flush()
            return code
    except BrokenPipeError:
        # `pursuit status | head -c0`: the reader went away, which is not an error (as in
        # the CLI); point stdout at devnull so the final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    from pursuit.cli.dispatch import main as cli_main

    return cli_main(fast_status_tried=True)


if __name__ == "__main__":
    raise SystemExit(main())
