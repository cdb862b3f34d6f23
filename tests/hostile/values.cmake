# Awkward values in charts and sums (values.sh explains each case).
# Included from tests/hostile/CMakeLists.txt.
sumi_hostile_cases(values.sh
  chart_nan_and_infinity_in_a_series_fail_and_keep_output
  chart_pie_with_zero_total_fails_and_keeps_output
  chart_values_past_1e300_are_refused_and_keep_output
  chart_constant_series_gets_a_sensible_axis
  integer_sum_past_2_63_becomes_a_float)
