-- One column per type query_postgres maps, for the PostgreSQL tests; each
-- type has a NULL in some row. Loaded by pg_fixture.sh after data/waic2025.sql.
CREATE TABLE type_samples (
  id        integer PRIMARY KEY,
  small     smallint,
  big       bigint,
  ratio     double precision,
  real4     real,
  amount    numeric(30, 10),
  flag      boolean,
  day       date,
  label     text,
  code      varchar(10),
  stamp     timestamp,
  tags      text[]
);

INSERT INTO type_samples VALUES
  (1, 7, 700000000000, 0.402, 1.5, 12345678901234567890.0123456789, true, '2025-07-26', '東京', '007',
   '2025-07-26 09:30:00', '{a,b}'),
  (2, NULL, -9223372036854775808, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL),
  (3, -32768, NULL, 1e-300, -0.25, -0.5, NULL, '1970-01-01', 'Qwen (通義千問)', '', NULL, '{}');

-- Values a dataset cannot hold, each in its own table.
CREATE TABLE odd_values (what text PRIMARY KEY, num double precision, day date, dec numeric);
INSERT INTO odd_values VALUES
  ('nan', 'NaN', NULL, NULL),
  ('infinity', 'Infinity', NULL, NULL),
  ('day_infinity', NULL, 'infinity', NULL),
  ('day_bc', NULL, '0044-03-15 BC', NULL),
  ('dec_nan', NULL, NULL, 'NaN');
