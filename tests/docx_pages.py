#!/usr/bin/env python3
"""Print how many pages of PDF come before the first form, ledger or
score sheet of PLAN.md (a page whose first line is that attachment's
附件N label), or all its pages when it has none.

usage: docx_pages.py PLAN.md PDF
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layout_check import attachment_types, pages_of, table_pages  # noqa: E402

md, pdf = sys.argv[1], sys.argv[2]
pages = pages_of(pdf)
tables = table_pages(pages, attachment_types(md))
print(min(tables) - 1 if tables else len(pages))
