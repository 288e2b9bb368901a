"""Reads an HTML report with Python's own HTML parser and checks what a browser would make of it.

Usage: check_html.py REPORT.html LITERALS.json

- The only script is the report's own: one <script> element, and no event-handler attribute
  (onerror=, onload=, ...) anywhere.
- Nothing is fetched: no <img>, <link>, <iframe>, <object>, <embed>, <base>; no src= attribute;
  every href is a fragment (#...) of the page itself; no url( in the style sheet.
- Every string of LITERALS.json (hostile names and ids) appears verbatim in the page's text.
Exit 0 when all hold; otherwise each problem is printed and the exit status is 1.
"""
import json
import sys
from html.parser import HTMLParser

FETCHING = {"img", "link", "iframe", "object", "embed", "base", "audio", "video", "source", "frame"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.scripts = 0
        self.text = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag in FETCHING:
            self.problems.append(f"element <{tag}> would fetch or embed")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has event handler {name}")
            if name == "src":
                self.problems.append(f"<{tag}> has src")
            if name in ("href", "xlink:href") and not (value or "").startswith("#"):
                self.problems.append(f"<{tag}> links outside the page: {value!r}")
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style and "url(" in data:
            self.problems.append("the style sheet has url(")
        self.text.append(data)


def main():
    page = Page()
    with open(sys.argv[1], encoding="utf-8") as f:
        page.feed(f.read())
    page.close()
    with open(sys.argv[2], encoding="utf-8") as f:
        literals = json.load(f)
    if page.scripts != 1:
        page.problems.append(f"{page.scripts} <script> elements, expected the report's one")
    text = "".join(page.text)
    for literal in literals:
        if literal not in text:
            page.problems.append(f"text {literal!r} is not in the page as text")
    for p in page.problems:
        print(p)
    sys.exit(1 if page.problems else 0)


main()
