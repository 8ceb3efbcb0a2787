/// The page's inline style sheet and script: the export must open offline, so nothing is linked.
enum HTMLPageAssets {
  static var style: String {
    let colours = HTMLColour.palette.map { colour in
      ".c-\(colour.name){--fg:\(colour.hex);--bg:\(colour.hex)2e}"
    }
    return """
      [hidden]{display:none !important}
      :root{font-family:system-ui,"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",sans-serif;color:#1d1d1f}
      body{margin:0;background:#f4f4f5;line-height:1.9}
      header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ddd;padding:.4rem 1rem}
      header h1{font-size:1.1rem;margin:0}
      .meta{color:#666;font-size:.8rem;margin:0}
      .legend{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;font-size:.85rem;margin:.3rem 0}
      .legend .layer{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem}
      .swatch{padding:0 .4em;border-radius:3px;background:var(--bg);border-bottom:2px solid var(--fg)}
      .controls{font-size:.85rem}
      main{max-width:1150px;margin:0 auto;padding:1rem}
      article{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:.8rem 1.5rem;margin-bottom:1.5rem}
      article h2{font-size:1.25rem;margin:.2rem 0}
      article p{font-size:1.1rem;margin:.5rem 0}
      mark.hl{color:inherit;background:var(--bg);border-bottom:2px solid var(--fg);border-radius:2px;padding:.12em 0;cursor:pointer}
      mark.hl mark.hl{padding-bottom:.3em}
      mark.hl.author-off,mark.hl.layer-off{background:none;border-bottom-color:transparent;cursor:text}
      .columns{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem}
      .columns h3{font-size:.9rem;margin:.3rem 0;color:#444;direction:ltr}
      #popup{position:fixed;z-index:5;max-width:440px;background:#fff;border:1px solid #bbb;border-radius:6px;
        box-shadow:0 6px 20px rgba(0,0,0,.2);padding:.5rem .8rem;font-size:.85rem;line-height:1.5}
      #popup .item+.item{border-top:1px solid #eee;margin-top:.4rem;padding-top:.4rem}
      #popup .head{font-weight:600}
      .pager{font-size:.9rem;margin:.1rem 0}
      table.toc{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}
      table.toc th,table.toc td{border-bottom:1px solid #e2e2e2;padding:.3rem .6rem;text-align:start}
      table.toc .uid{color:#888;font-size:.8rem}

      """ + colours.joined(separator: "\n") + "\n"
  }

  /// Builds the author pickers, the side-by-side columns, layer toggles and the detail popup.
  ///
  /// It ends by setting `data-ready` on the root element, which the browser test looks for.
  static let script = #"""
    (function () {
      "use strict";
      var authors = JSON.parse(document.getElementById("hashiya-authors").textContent);
      var pickA = document.getElementById("author-a");
      var pickB = document.getElementById("author-b");
      var compare = document.getElementById("compare");
      authors.forEach(function (author) {
        [pickA, pickB].forEach(function (pick) {
          var option = document.createElement("option");
          option.value = author;
          option.textContent = author;
          pick.appendChild(option);
        });
      });
      if (authors.length > 1) {
        pickB.selectedIndex = 1;
      } else {
        compare.disabled = true;
        document.getElementById("compare-note").textContent = "(needs annotations by two people)";
      }
      var details = {};
      document.querySelectorAll("script.hashiya-details").forEach(function (block) {
        details[block.getAttribute("data-report")] = JSON.parse(block.textContent);
      });
      var hiddenLayers = {};
      function applyLayers() {
        document.querySelectorAll("mark.hl").forEach(function (mark) {
          mark.classList.toggle("layer-off", hiddenLayers[mark.getAttribute("data-layer")] === true);
        });
      }
      document.querySelectorAll("input.layer-toggle").forEach(function (box) {
        box.addEventListener("change", function () {
          hiddenLayers[box.value] = !box.checked;
          applyLayers();
        });
      });
      function render() {
        document.querySelectorAll("article").forEach(function (article) {
          var single = article.querySelector(".single");
          var columns = article.querySelector(".columns");
          columns.textContent = "";
          if (!compare.checked) {
            single.hidden = false;
            columns.hidden = true;
            return;
          }
          [pickA.value, pickB.value].forEach(function (author) {
            var column = document.createElement("section");
            var heading = document.createElement("h3");
            heading.textContent = author;
            column.appendChild(heading);
            var copy = single.cloneNode(true);
            copy.hidden = false;
            copy.querySelectorAll("mark.hl").forEach(function (mark) {
              mark.classList.toggle("author-off", mark.getAttribute("data-author") !== author);
            });
            column.appendChild(copy);
            columns.appendChild(column);
          });
          single.hidden = true;
          columns.hidden = false;
        });
        applyLayers();
      }
      [pickA, pickB, compare].forEach(function (control) {
        control.addEventListener("change", render);
      });
      var popup = document.getElementById("popup");
      function line(parent, text, className) {
        var div = document.createElement("div");
        if (className) { div.className = className; }
        div.textContent = text;
        parent.appendChild(div);
      }
      function describe(info) {
        var item = document.createElement("div");
        item.className = "item";
        line(item, "#" + info.handle + " " + info.label + " (" + info.layer + ") by " + info.author, "head");
        line(item, "\u201C" + info.text + "\u201D");
        Object.keys(info.attributes).forEach(function (name) {
          line(item, name + ": " + info.attributes[name]);
        });
        info.links.forEach(function (link) { line(item, link); });
        info.reviews.forEach(function (review) { line(item, review); });
        return item;
      }
      document.addEventListener("click", function (event) {
        var mark = event.target.closest ? event.target.closest("mark.hl") : null;
        if (!mark || mark.classList.contains("author-off") || mark.classList.contains("layer-off")) {
          popup.hidden = true;
          return;
        }
        var report = details[mark.closest("article").getAttribute("data-report")] || {};
        popup.textContent = "";
        for (var node = mark; node; node = node.parentElement ? node.parentElement.closest("mark.hl") : null) {
          var info = report[node.getAttribute("data-handle")];
          if (info && !node.classList.contains("author-off") && !node.classList.contains("layer-off")) {
            popup.appendChild(describe(info));
          }
        }
        popup.style.left = Math.max(8, Math.min(event.clientX, window.innerWidth - 460)) + "px";
        popup.style.top = Math.min(event.clientY + 14, window.innerHeight - 120) + "px";
        popup.hidden = false;
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { popup.hidden = true; }
      });
      render();
      document.documentElement.setAttribute("data-ready", "1");
    })();

    """#
}
