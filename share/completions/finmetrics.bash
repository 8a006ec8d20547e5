# bash completion for finmetrics (installed to share/bash-completion/completions/).
# Commands and options are read from the binary's own --help, so they never go stale.
_finmetrics() {
  local cur prev cmd words
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  local i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      -*) ;;
      *) cmd="${COMP_WORDS[i]}"; break ;;
    esac
  done
  local commands
  commands="$("${COMP_WORDS[0]}" --help 2>/dev/null | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p') help"
  if [ -z "$cmd" ]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W "--help --help-all --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    fi
    return
  fi
  if [ "$cmd" = help ]; then
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    return
  fi
  case "$prev" in
    --format)
      COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "$cmd" --help 2>/dev/null | sed -n 's/.*--format[^:]*format: \(.*\)$/\1/p' | tr -d ',' | sed 's/([^)]*)//g')" -- "$cur"))
      return ;;
    --rounding)
      COMPREPLY=($(compgen -W "half_even half_up half_down down up floor ceiling" -- "$cur"))
      return ;;
  esac
  if [[ "$cur" == -* ]]; then
    local options
    options="$("${COMP_WORDS[0]}" "$cmd" --help 2>/dev/null | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,' | sort -u)"
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    compopt -o default 2>/dev/null
    COMPREPLY=()
  fi
}
complete -F _finmetrics finmetrics
