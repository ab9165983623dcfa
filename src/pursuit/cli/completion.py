"""Shell completion scripts, generated from the argument parser so they never drift from
the verbs: `source <(pursuit completion bash)` or `pursuit completion zsh`.

Company arguments complete from the database through the hidden `pursuit _companies`,
which reads names only (no migration, no ORM) so a Tab press costs milliseconds.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from pursuit.domain.status import Status

STATUSES = tuple(s.value for s in Status)
CHANNELS = ("email", "phone", "letter", "message", "meeting")
FILE_VERBS = ("import", "restore", "backup")
FILE_OPTIONS = ("--db", "-o", "--output")
WORD_CHOICES = {
    "completion": ("bash", "zsh"),
    "config": ("path", "show"),
}


@dataclass(frozen=True)
class VerbInfo:
    name: str
    help: str
    flags: tuple[str, ...]
    """Every option string, with or without a value."""
    valued: tuple[str, ...]
    """Options that take a value (the next word is theirs)."""
    choices: dict[str, tuple[str, ...]]
    company_first: bool


def describe(parser: argparse.ArgumentParser) -> list[VerbInfo]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {a.dest: a.help or "" for a in sub._choices_actions}
    verbs = []
    for name, p in sub.choices.items():
        if name.startswith("_"):
            continue
        flags: list[str] = []
        valued: list[str] = []
        choices: dict[str, tuple[str, ...]] = {}
        positionals = []
        for action in p._actions:
            if not action.option_strings:
                positionals.append(action.dest)
                continue
            flags.extend(action.option_strings)
            if action.nargs != 0:
                valued.extend(action.option_strings)
                if action.choices:
                    for opt in action.option_strings:
                        choices[opt] = tuple(str(c) for c in action.choices)
        for opt, words in (("--status", STATUSES), ("--channel", CHANNELS)):
            if opt in flags and opt not in choices:
                choices[opt] = words
        verbs.append(
            VerbInfo(
                name=name,
                help=helps.get(name, ""),
                flags=tuple(flags),
                valued=tuple(valued),
                choices=choices,
                company_first=bool(positionals) and positionals[0] == "company",
            )
        )
    return verbs


def _words(items: tuple[str, ...] | list[str]) -> str:
    return " ".join(items)


def bash_script(parser: argparse.ArgumentParser) -> str:
    verbs = describe(parser)
    valued = sorted({o for v in verbs for o in v.valued} | {"--db"})
    company = "|".join(v.name for v in verbs if v.company_first)
    flag_cases = "\n".join(f"        {v.name}) flags='{_words(v.flags)}' ;;" for v in verbs)
    choice_cases = []
    for v in verbs:
        for opt, words in v.choices.items():
            choice_cases.append(f"        {v.name}:{opt}) words='{_words(words)}' ;;")
    word_cases = "\n".join(
        f"        {verb}) words='{_words(words)}' ;;" for verb, words in WORD_CHOICES.items()
    )
    return f"""# pursuit completion for bash. Load it with: source <(pursuit completion bash)
_pursuit_companies() {{
    local typed=${{1//\\\\ / }} name lower IFS=$'\\n'
    typed=${{typed#[\\"\\']}}
    lower=${{typed,,}}
    for name in $(pursuit "${{_pursuit_db[@]}}" _companies 2>/dev/null); do
        [[ ${{name,,}} == "$lower"* ]] && COMPREPLY+=("$(printf '%q' "$name")")
    done
}}

_pursuit() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local verb='' w words='' flags='' i=1 arg=0
    local -a _pursuit_db=()
    COMPREPLY=()
    while (( i < COMP_CWORD )); do
        w=${{COMP_WORDS[i]}}
        case $w in
            --db) _pursuit_db=(--db "${{COMP_WORDS[i+1]}}"); (( i += 2 )); continue ;;
            {"|".join(valued)}) (( i += 2 )); continue ;;
            -*) ;;
            *) if [[ -z $verb ]]; then verb=$w; else (( arg += 1 )); fi ;;
        esac
        (( i += 1 ))
    done
    case $prev in
        {"|".join(FILE_OPTIONS)}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    if [[ -z $verb ]]; then
        if [[ $cur == -* ]]; then words='--db --help'; else words='{_words([v.name for v in verbs])}'; fi
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return
    fi
    case $verb:$prev in
{chr(10).join(choice_cases)}
    esac
    if [[ -n $words ]]; then COMPREPLY=($(compgen -W "$words" -- "$cur")); return; fi
    case " {" ".join(valued)} " in
        *" $prev "*) return ;;
    esac
    if [[ $cur == -* ]]; then
        case $verb in
{flag_cases}
        esac
        COMPREPLY=($(compgen -W "$flags --help" -- "$cur"))
        return
    fi
    case $verb in
        {company}) (( arg == 0 )) && _pursuit_companies "$cur" ;;
        {"|".join(FILE_VERBS)}) COMPREPLY=($(compgen -f -- "$cur")) ;;
{word_cases}
    esac
    if [[ $verb == move && $arg == 1 ]]; then
        COMPREPLY=($(compgen -W '{_words(STATUSES)}' -- "$cur"))
    elif [[ -n $words && $arg == 0 ]]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
}}
complete -o default -F _pursuit pursuit
"""


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def zsh_script(parser: argparse.ArgumentParser) -> str:
    verbs = describe(parser)
    valued = sorted({o for v in verbs for o in v.valued} - {"--db"})
    company = "|".join(v.name for v in verbs if v.company_first)
    described = "\n".join(
        "    " + _zsh_quote(f"{v.name}:{v.help.replace(':', ' -')}") for v in verbs
    )
    flag_cases = "\n".join(
        f"      ({v.name}) compadd -- {_words(v.flags)} --help ;;" for v in verbs
    )
    choice_cases = []
    for v in verbs:
        for opt, words in v.choices.items():
            choice_cases.append(f"    ({v.name}:{opt}) compadd -- {_words(words)}; return ;;")
    word_cases = "\n".join(
        f"    ({verb}) (( arg == 0 )) && compadd -- {_words(words)} ;;"
        for verb, words in WORD_CHOICES.items()
    )
    return f"""#compdef pursuit
# pursuit completion for zsh. Load it with: source <(pursuit completion zsh)
# (after compinit), or save it as _pursuit in a folder on your $fpath.
_pursuit() {{
  local -a verbs db names
  verbs=(
{described}
  )
  local verb='' w
  local -i i=2 arg=0
  while (( i < CURRENT )); do
    w=${{words[i]}}
    case $w in
      (--db) db=(--db "${{words[i+1]}}"); (( i += 2 )); continue ;;
      ({"|".join(valued)}) (( i += 2 )); continue ;;
      (-*) ;;
      (*) if [[ -z $verb ]]; then verb=$w; else (( arg += 1 )); fi ;;
    esac
    (( i += 1 ))
  done
  local prev=${{words[CURRENT-1]}}
  case $prev in
    ({"|".join(FILE_OPTIONS)}) _files; return ;;
  esac
  if [[ -z $verb ]]; then
    if [[ $PREFIX == -* ]]; then compadd -- --db --help; else _describe -t verbs 'pursuit verb' verbs; fi
    return
  fi
  case $verb:$prev in
{chr(10).join(choice_cases)}
  esac
  case $prev in
    ({"|".join(valued)}) return ;;
  esac
  if [[ $PREFIX == -* ]]; then
    case $verb in
{flag_cases}
    esac
    return
  fi
  # Before the case below: zsh takes the first pattern that matches, and move is also
  # one of the verbs whose first argument is a company.
  if [[ $verb == move ]] && (( arg == 1 )); then
    compadd -- {_words(STATUSES)}
    return
  fi
  case $verb in
    ({company})
      if (( arg == 0 )); then
        names=(${{(f)"$(pursuit $db _companies 2>/dev/null)"}})
        compadd -M 'm:{{a-zA-Z}}={{A-Za-z}}' -a names
      fi ;;
    ({"|".join(FILE_VERBS)}) _files ;;
{word_cases}
  esac
}}
if (( $+functions[compdef] )); then compdef _pursuit pursuit; fi
"""
