"""Reads an .xlsx with openpyxl (an independent reader) and prints what a person would see, as JSON.

Usage: python3 read_workbook.py FILE.xlsx
Prints {"sheets": [{"name", "freeze", "filter", "widths": {letter: width},
        "cells": [[{"value", "format", "fill", "bold"} | null, ...], ...]}]}.
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheets = []
for sheet in book.worksheets:
    rows = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            if cell.value is None:
                cells.append(None)
                continue
            fill = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == "solid" else None
            cells.append({"value": cell.value, "format": cell.number_format, "fill": fill, "bold": bool(cell.font.b)})
        rows.append(cells)
    sheets.append({
        "name": sheet.title,
        "freeze": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
        "widths": {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()},
        "cells": rows,
    })
json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)
