"""Reads a workbook back with openpyxl, as the people who receive one would
open it, for xlsx_test.sh (run by Debian's /usr/bin/python3, which has
python3-openpyxl).

  xlsx_read.py dump FILE
      every sheet: "sheet NAME", "freeze CELL", "filter RANGE", then each
      cell that holds a value as "CELL<TAB>TYPE VALUE<TAB>FORMAT" and each
      column's width as "width LETTER W" (W rounded to one place)
  xlsx_read.py compare FILE SHEET CSV
      the sheet's header and rows equal the CSV's, value by value: integers
      and numbers as numbers, YYYY-MM-DD as dates, YYYY-MM as the month's
      first day, true/false as booleans, an empty field as an empty cell
"""
import csv
import datetime
import re
import sys

import openpyxl


def shown(value):
    if isinstance(value, bool):
        return "bool " + str(value).lower()
    if isinstance(value, int):
        return "int %d" % value
    if isinstance(value, float):
        return "float %r" % value
    if isinstance(value, datetime.datetime):
        return "date " + value.strftime("%Y-%m-%d")
    return "str " + str(value)


def dump(path):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        print("sheet " + ws.title)
        print("freeze %s" % ws.freeze_panes)
        print("filter %s" % ws.auto_filter.ref)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    bold = " bold" if cell.font is not None and cell.font.b else ""
                    print("%s\t%s\t%s%s" % (cell.coordinate, shown(cell.value), cell.number_format, bold))
        for letter, dim in sorted(ws.column_dimensions.items()):
            if dim.width:
                print("width %s %.1f" % (letter, dim.width))


def expected(text):
    if text == "":
        return None
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+(\.\d*)?([eE][-+]?\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return datetime.datetime.strptime(text, "%Y-%m-%d")
    if re.fullmatch(r"\d{4}-\d\d", text):
        return datetime.datetime.strptime(text + "-01", "%Y-%m-%d")
    return text


def compare(path, sheet, csv_path):
    ws = openpyxl.load_workbook(path)[sheet]
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    got = [[c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=len(rows))]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            want = text if r == 0 else expected(text)
            have = got[r][c] if c < len(got[r]) else None
            same = have == want and type(have) is type(want)
            if isinstance(want, float) and isinstance(have, (int, float)):
                same = float(have) == want
            if not same:
                sys.exit("row %d column %d: %r in the workbook, %r in the data" % (r + 1, c + 1, have, want))
    print("same %d rows" % len(rows))


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(sys.argv[2])
    else:
        compare(sys.argv[2], sys.argv[3], sys.argv[4])
