"""Renders a Markdown report with markdown-it-py (CommonMark plus GFM tables) and checks that the
input text in it stayed text: no HTML element the report does not write itself, no link or image,
no @-mention outside code, every table row with its header's cell count, and each expected
literal (JSON list in argv[2]) present verbatim in the rendered text.
Usage: check_markdown.py REPORT.md LITERALS.json; prints each problem, exits 1 if any."""
import json, re, sys
from html.parser import HTMLParser
from markdown_it import MarkdownIt

ALLOWED = {"h1", "h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "code", "strong"}
MENTION = re.compile(r"(?:^|[^\w`])@[A-Za-z0-9]")


class Walk(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text, self.in_code, self.row, self.widths = [], [], 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED or (attrs and tag not in ("th", "td")):
            self.problems.append(f"unexpected element <{tag} {attrs}>")
        if tag == "code":
            self.in_code += 1
        if tag == "tr":
            self.row = 0
        if tag in ("td", "th"):
            self.row += 1

    def handle_endtag(self, tag):
        if tag == "code":
            self.in_code -= 1
        if tag == "tr":
            self.widths.append(self.row)
        if tag == "table":
            if len(set(self.widths)) > 1:
                self.problems.append(f"table rows of different widths: {sorted(set(self.widths))}")
            self.widths = []

    def handle_data(self, data):
        self.text.append(data)
        if not self.in_code and MENTION.search(data.replace("\u2060", " ")) is None:
            return
        if not self.in_code:
            self.problems.append(f"mention in text: {data!r}")


md = MarkdownIt("commonmark").enable("table")
html = md.render(open(sys.argv[1], encoding="utf-8").read())
w = Walk()
w.feed(html)
text = "".join(w.text).replace("\u2060", "")
for literal in json.load(open(sys.argv[2], encoding="utf-8")):
    if literal not in text:
        w.problems.append(f"literal not rendered as text: {literal!r}")
for p in w.problems:
    print(p)
sys.exit(1 if w.problems else 0)
