import type { CommandDef } from '../commands/command.js';

/** Options a shell completes after a command: every option, as `--name`. */
const optionWords = (def: CommandDef) => def.options.map((o) => `--${o.name}`).join(' ');

/** The global options of virsh 9 that take a value. */
const GLOBAL_WITH_VALUE = '-c|--connect|-d|--debug|-e|--escape|-k|--keepalive-interval|-K|--keepalive-count|-l|--log';
const GLOBAL_WORDS = '-c --connect -d --debug -e --escape -h --help -k --keepalive-interval -K --keepalive-count -l --log -q --quiet -r --readonly -t --timing -v -V --version';

/**
 * A bash completion script generated from the command table: command names and
 * option names come from the table itself; option values (domain names, files)
 * come from `virsh complete`, which asks the live connection.
 */
export function bashCompletion(commands: readonly CommandDef[]): string {
  const visible = commands.filter((c) => !c.hidden);
  const cases = visible.map((c) => `    ${c.name}) echo '${optionWords(c)}' ;;`).join('\n');
  return `# bash completion for virsh (libvirt-ts), generated from its command table.
# Install: virsh completion bash > /etc/bash_completion.d/virsh  (or source it)

_virsh_options() {
  case "$1" in
${cases}
  esac
}

_virsh() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local i=1 cmd="" conn=()
  while [ $i -lt $COMP_CWORD ]; do
    case "\${COMP_WORDS[i]}" in
      -c|--connect) conn=(-c "\${COMP_WORDS[i+1]}"); i=$((i + 2)); continue ;;
      ${GLOBAL_WITH_VALUE}) i=$((i + 2)); continue ;;
      -*) i=$((i + 1)); continue ;;
    esac
    cmd=\${COMP_WORDS[i]}
    break
  done
  if [ -z "$cmd" ]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W '${GLOBAL_WORDS}' -- "$cur"))
    else
      COMPREPLY=($(compgen -W '${visible.map((c) => c.name).join(' ')}' -- "$cur"))
    fi
    return 0
  fi
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_virsh_options "$cmd")" -- "$cur"))
    return 0
  fi
  local IFS=$'\\n'
  # one argument a word, as virsh's complete reads them: the last is the word to complete
  COMPREPLY=($("\${COMP_WORDS[0]}" -q "\${conn[@]}" complete -- "\${COMP_WORDS[@]:i:COMP_CWORD-i}" "$cur" 2>/dev/null))
  [ \${#COMPREPLY[@]} -eq 0 ] && COMPREPLY=($(compgen -f -- "$cur"))
  return 0
}

complete -o filenames -F _virsh virsh
`;
}

/** A zsh completion script generated from the command table (commands, options, help texts). */
export function zshCompletion(commands: readonly CommandDef[]): string {
  const visible = commands.filter((c) => !c.hidden);
  const quote = (text: string) => text.replaceAll("'", "'\\''").replaceAll(':', '\\:').replaceAll('\n', ' ').replace(/ {2,}/g, ' ');
  const commandList = visible.map((c) => `    '${c.name}:${quote(c.summary)}'`).join('\n');
  const optionCases = visible
    .map((c) => {
      const opts = c.options.map((o) => `'--${o.name}[${quote(o.help).replaceAll('[', '\\[').replaceAll(']', '\\]')}]'`).join(' ');
      return `      ${c.name}) _arguments -s ${opts} '*:value:_virsh_values' ;;`;
    })
    .join('\n');
  return `#compdef virsh
# zsh completion for virsh (libvirt-ts), generated from its command table.
# Install: virsh completion zsh > "\${fpath[1]}/_virsh"

_virsh_values() {
  local -a values
  values=(\${(f)"$(virsh -q complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)"})
  if (( \${#values} )); then
    compadd -a values
  else
    _files
  fi
}

_virsh() {
  local -a commands
  commands=(
${commandList}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'virsh command' commands
    return
  fi
  case "\${words[2]}" in
${optionCases}
  esac
}

_virsh "$@"
`;
}
