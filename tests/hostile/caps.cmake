# Caps on canvases, pages, text, input files and databases (caps.sh
# explains each case). Included from tests/hostile/CMakeLists.txt.
sumi_hostile_cases(caps.sh
  cap_png_pixel_count_fails_fast
  cap_pdf_page_count_is_10000
  cap_text_past_1_mib_is_refused
  cap_input_file_size_and_kind
  cap_sqlite_schema_is_untrusted_and_read_only
  cap_png_image_bomb_is_refused_before_decoding)
