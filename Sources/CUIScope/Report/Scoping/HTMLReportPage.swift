/// The fixed parts of the HTML report: its content security policy, style sheet and filter
/// script, all inline so the file is complete on its own and opens with no network
/// (docs/DECISIONS.md 140, 142).
enum HTMLReportPage {
    /// Forbids every fetch (fonts, images, scripts, frames, forms); only the page's own inline
    /// style and script run. A defence behind the escaping, not instead of it.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"

    /// The style sheet: category colours are the diagrams' (``DiagramStyle``), so a row and its node agree.
    static var style: String {
        var css = baseStyle
        for c in Category.allCases {
            let look = DiagramStyle.look(c)
            css += ".cat-\(c.rawValue){background:\(look.fill);border-color:\(look.border)}\n"
        }
        return css
    }

    static let baseStyle = """
        [hidden]{display:none!important}
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;margin:0 auto;max-width:1280px;padding:0 24px 48px}
        h1{font-size:24px;margin:24px 0 8px}h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #ddd}h3{font-size:15px;margin:20px 0 6px}
        dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
        table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#f3f3f3}table.counts{width:auto;display:inline-table;margin-right:32px;vertical-align:top}td.num,th.num{text-align:right}code{font:12px/1.3 ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
        .badge{display:inline-block;border:1px solid #999;border-radius:3px;padding:0 5px;font-size:12px;white-space:nowrap}
        .sev-critical{background:#990000;color:#fff}.sev-high{background:#cc0000;color:#fff}.sev-medium{background:#e69138;color:#fff}
        .sev-low{background:#f1c232}.sev-info{background:#cfe2f3}.review{background:#fff;border-style:dashed}
        figure.diagram{margin:8px 0;overflow:auto;border:1px solid #ddd;max-height:80vh}figure.diagram svg{max-width:100%;height:auto}
        figcaption{font-size:12px;color:#555;padding:4px}pre.dot{white-space:pre-wrap;font-size:11px;max-height:40vh;overflow:auto}
        .notice{border-left:4px solid #cc0000;background:#fdf1f1;padding:6px 10px}
        form.filters{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:8px 0;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;z-index:1}
        form.filters input[type=search]{min-width:260px}#filter-status{color:#555}
        ul.evidence{margin:2px 0 2px 0;padding-left:18px;font-size:12px;color:#444}ul.reasons{margin:0;padding-left:18px}
        details summary{cursor:pointer;color:#555;font-size:12px}
        article.finding{border:1px solid #ddd;border-radius:4px;padding:4px 12px;margin:10px 0}article.finding h3{margin:6px 0}
        .kind{color:#666}.muted{color:#666}
        @media print{form.filters{display:none}figure.diagram{max-height:none;overflow:visible}details{display:block}}

        """

    /// Applies the filters: a text filter over each row's or finding's whole text, a category
    /// filter on assets and a severity filter on findings. Non-matching rows get the `hidden`
    /// attribute and a category section with no row left is hidden too. The state lives in the
    /// URL fragment (`#category=cui&severity=high&q=text`), so a filtered view can be linked and
    /// is applied on load; a fragment that names an element is an ordinary anchor.
    static let script = """
        (function () {
          "use strict";
          var form = document.getElementById("filters");
          var text = document.getElementById("filter-text");
          var category = document.getElementById("filter-category");
          var severity = document.getElementById("filter-severity");
          var status = document.getElementById("filter-status");
          var assets = document.querySelectorAll("tr.asset");
          var findings = document.querySelectorAll("article.finding");
          var groups = document.querySelectorAll("section.category");
          function has(el, needle) { return !needle || el.textContent.toLowerCase().indexOf(needle) >= 0; }
          function choose(select, value) {
            select.value = "";
            for (var i = 0; i < select.options.length; i++) {
              if (select.options[i].value === value) { select.value = value; }
            }
          }
          function apply() {
            var needle = text.value.trim().toLowerCase();
            var shownAssets = 0, shownFindings = 0, i;
            for (i = 0; i < assets.length; i++) {
              var a = assets[i];
              a.hidden = !((!category.value || a.getAttribute("data-category") === category.value) && has(a, needle));
              if (!a.hidden) { shownAssets++; }
            }
            for (i = 0; i < groups.length; i++) {
              groups[i].hidden = groups[i].querySelector("tr.asset:not([hidden])") === null;
            }
            for (i = 0; i < findings.length; i++) {
              var f = findings[i];
              f.hidden = !((!severity.value || f.getAttribute("data-severity") === severity.value) && has(f, needle));
              if (!f.hidden) { shownFindings++; }
            }
            status.textContent = "Showing " + shownAssets + " of " + assets.length + " assets and " +
              shownFindings + " of " + findings.length + " findings";
          }
          function fromFragment() {
            var params = new URLSearchParams(location.hash.slice(1));
            if (!params.has("q") && !params.has("category") && !params.has("severity")) { return false; }
            text.value = params.get("q") || "";
            choose(category, params.get("category") || "");
            choose(severity, params.get("severity") || "");
            return true;
          }
          function toFragment() {
            var params = new URLSearchParams();
            if (text.value) { params.set("q", text.value); }
            if (category.value) { params.set("category", category.value); }
            if (severity.value) { params.set("severity", severity.value); }
            var fragment = params.toString();
            try { history.replaceState(null, "", fragment ? "#" + fragment : location.pathname + location.search); } catch (e) {}
          }
          function revealAnchor() {
            var target = location.hash.length > 1 ? document.getElementById(location.hash.slice(1)) : null;
            if (target && target.closest("[hidden]")) {
              text.value = ""; category.value = ""; severity.value = "";
              apply();
              target.scrollIntoView();
            }
          }
          form.hidden = false;
          form.addEventListener("submit", function (e) { e.preventDefault(); });
          form.addEventListener("input", function () { apply(); toFragment(); });
          form.addEventListener("reset", function () { setTimeout(function () { apply(); toFragment(); }, 0); });
          window.addEventListener("hashchange", function () { if (fromFragment()) { apply(); } else { revealAnchor(); } });
          fromFragment();
          apply();
          document.documentElement.setAttribute("data-filters", "ready");
        })();

        """
}
