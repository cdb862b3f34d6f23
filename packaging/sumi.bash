# bash completion for sumi (installed as share/bash-completion/completions/sumi).
# The options follow each command's --help; tests/install checks them.
_sumi() {
  local cur prev words cword
  _init_completion || return
  local limits="--max-memory --timeout --max-input-size --allow-read --allow-write --trusted"
  if [[ $cword -eq 1 ]]; then
    COMPREPLY=($(compgen -W "render chart batch check new fonts --help --version" -- "$cur"))
    return
  fi
  local opts files=lua
  case ${words[1]} in
    render) opts="-o --output -p --param --strict-glyphs --previews --pdfa --watch $limits --help" ;;
    chart) opts="-f --format -s --size --preset --dpi --background -o --out -p --param --strict-glyphs --pdfa --watch $limits --help" ;;
    batch) opts="-j --jobs --shard --shards --keep-going --report --dry-run --only --merge-reports $limits --help" ;;
    check) opts="-p --param --manifest --strict-glyphs $limits --help" ;;
    new) opts="--help"; files= ;;
    fonts) opts="--help"; files= ;;
    *) return ;;
  esac
  case $prev in
    -o|--output|--report|--merge-reports) _filedir; return ;;
    --out|--allow-read|--allow-write) _filedir -d; return ;;
    --preset) COMPREPLY=($(compgen -W "slides slides-720 4:3 print" -- "$cur")); return ;;
    -f|--format) COMPREPLY=($(compgen -W "png svg pdf trace pptx" -- "$cur")); return ;;
    -p|--param|-s|--size|--dpi|--background|-j|--jobs|--shard|--shards|--only|--max-memory|--timeout|--max-input-size) return ;;
  esac
  if [[ $cur == -* || -z $files ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    _filedir "$files"
  fi
}
complete -F _sumi sumi
