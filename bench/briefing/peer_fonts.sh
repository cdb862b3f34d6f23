# Sourced by bench/briefing.sh and bench/batch.sh: the ReportLab peer reads
# only TrueType outlines and Noto CJK is CFF, so otf2ttf.py makes TrueType
# copies of the three faces once (about 2 minutes a face, untimed) and keeps
# them in $font_dir. Needs $python, $noto, $font_dir and $bench_name.
peer_fonts() {
  mkdir -p "$font_dir"
  local face
  for face in "NotoSansCJK-Regular.ttc sans-regular" "NotoSansCJK-Bold.ttc sans-bold" \
              "NotoSerifCJK-Bold.ttc serif-bold"; do
    set -- $face
    if [ ! -s "$font_dir/$2.ttf" ]; then
      echo "$bench_name: converting $1 to TrueType outlines (once, untimed)" >&2
      "$python" bench/briefing/otf2ttf.py "$noto/$1" 0 "$font_dir/$2.ttf.part"
      mv "$font_dir/$2.ttf.part" "$font_dir/$2.ttf"
    fi
  done
}
