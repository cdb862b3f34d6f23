# Which files a script may read and write, through `sumi render` (files.sh
# explains each case). Included from tests/hostile/CMakeLists.txt.
sumi_hostile_cases(files.sh
  files_reading_etc_passwd_is_refused
  files_symlink_out_of_script_folder_is_refused
  files_dotdot_cannot_leave_the_data_folder
  files_allow_read_opens_a_folder
  files_flagship_layout_reads_data_beside_scripts
  files_writing_outside_output_folders_is_refused
  files_allow_write_opens_a_folder
  files_trusted_lifts_file_rules)
