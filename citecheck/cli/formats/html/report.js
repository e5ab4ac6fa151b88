(function () {
  "use strict";
  var root = document.getElementById("report");
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  var status = document.getElementById("status");
  var LABEL = {
    supported: "supported", partially_supported: "partial", unsupported: "unsupported",
    unverifiable: "unverifiable", uncited: "uncited", cited: "cited, not verified"
  };
  var STOP = {};
  ("a an and are as at be been by for from has have he her his in is it its of on or she " +
   "that the their they this to was were which will with").split(" ").forEach(function (w) {
    STOP[w] = true;
  });
  var WORD = /[\p{L}\p{N}]+/gu;
  var cache = {};
  var hiddenRules = {};
  var current = null;
  var opened = null;

  function fileData(fid) {
    if (!Object.prototype.hasOwnProperty.call(cache, fid)) {
      var blob = document.getElementById("d" + fid);
      cache[fid] = blob ? JSON.parse(blob.textContent) : { claims: [], refs: {} };
    }
    return cache[fid];
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function link(url, text) {
    if (!url) { return el("code", null, text); }
    var a = el("a", null, text);
    a.href = url;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }

  // The passage with the words for which keep(word, start, end) holds in <mark>.
  function marked(text, keep, cls) {
    var frag = document.createDocumentFragment();
    var last = 0;
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (keep(m[0].toLowerCase(), m.index, m.index + m[0].length)) {
        frag.appendChild(document.createTextNode(text.slice(last, m.index)));
        frag.appendChild(el("mark", cls, m[0]));
        last = m.index + m[0].length;
      }
    }
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  function claimText(span) {
    var copy = span.cloneNode(true);
    var notes = copy.querySelectorAll(".n");
    for (var i = 0; i < notes.length; i++) { notes[i].remove(); }
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function refLine(refs, key) {
    var ref = refs[key] || {};
    var p = el("p", "meta");
    p.appendChild(document.createTextNode("[" + key + "] "));
    p.appendChild(link(ref.u, ref.t || "(no title)"));
    return p;
  }

  function open(span) {
    var file = span.closest(".file");
    var fid = file.getAttribute("data-file");
    var data = fileData(fid);
    var n = Array.prototype.indexOf.call(file.querySelectorAll(".c"), span);
    var claim = data.claims[n] || { v: "cited", c: [], f: [] };
    var text = claimText(span);
    var words = {};
    (text.toLowerCase().match(WORD) || []).forEach(function (w) {
      if (!STOP[w] && (w.length > 1 || /\d/.test(w))) { words[w] = true; }
    });
    panelBody.textContent = "";
    var head = el("h2", null, "Claim ");
    head.id = "panel-h";
    head.appendChild(el("span", "vl v-" + claim.v, LABEL[claim.v] || claim.v));
    if (typeof claim.s === "number") {
      head.appendChild(document.createTextNode(" \u00b7 score " + claim.s.toFixed(2)));
    }
    panelBody.appendChild(head);
    panelBody.appendChild(el("p", "meta", file.getAttribute("data-path")));
    panelBody.appendChild(el("blockquote", null, text));
    if (claim.c.length) {
      panelBody.appendChild(el("h3", null, "Cites"));
      claim.c.forEach(function (key) { panelBody.appendChild(refLine(data.refs, key)); });
    }
    var ev = claim.e || [];
    if (ev.length) {
      panelBody.appendChild(el("h3", null, "Evidence"));
    }
    ev.forEach(function (e) {
      var box = el("div", "ev");
      var meta = el("p", "meta");
      var ref = data.refs[e.k] || {};
      meta.appendChild(document.createTextNode("[" + e.k + "] " + (ref.t || "") + " \u00b7 score " +
        Number(e.s).toFixed(2) + " \u00b7 "));
      var src = data.srcs[e.src] || {};
      meta.appendChild(link(src.u, src.s));
      box.appendChild(meta);
      var p = el("p");
      p.appendChild(marked(e.t, function (w) { return words[w] === true; }));
      box.appendChild(p);
      panelBody.appendChild(box);
    });
    (claim.mq || []).forEach(function (q) {
      var box = el("div", "ev");
      box.appendChild(el("p", "meta", "Quotation not found: \u201c" + q.q + "\u201d"));
      box.appendChild(el("p", "meta", "Closest passage" + (q.k ? " in [" + q.k + "]" : "") +
        ", the words that differ marked:"));
      var differ = {};
      (q.dw || []).forEach(function (w) { differ[w.toLowerCase()] = true; });
      var ranges = q.dr || [];
      var p = el("p");
      p.appendChild(marked(q.cl, function (w, s, t) {
        for (var i = 0; i < ranges.length; i++) {
          if (s < ranges[i][1] && t > ranges[i][0]) { return true; }
        }
        return differ[w] === true;
      }, "diff"));
      box.appendChild(p);
      panelBody.appendChild(box);
    });
    if ((claim.mn || []).length) {
      panelBody.appendChild(el("p", null, "Numbers in none of the cited sources: " +
        claim.mn.join(", ")));
    }
    if ((claim.cap || []).length) {
      panelBody.appendChild(el("p", "meta", "The verdict is held at partial by: " +
        claim.cap.join(", ")));
    }
    if (!ev.length && claim.v === "cited") {
      panelBody.appendChild(el("p", null,
        "Not verified: run citecheck verify to read the cited sources."));
    } else if (claim.v === "uncited") {
      panelBody.appendChild(el("p", null, "No citation covers this claim."));
    } else if (!ev.length && !(claim.mq || []).length) {
      panelBody.appendChild(el("p", null, "No passage of the cited sources backs this claim."));
    }
    if (claim.f.length) {
      panelBody.appendChild(el("h3", null, "Findings"));
      var list = el("ul");
      claim.f.forEach(function (i) {
        var note = document.getElementById("f" + fid + "-n" + i);
        if (note) { list.appendChild(el("li", null, note.textContent)); }
      });
      panelBody.appendChild(list);
    }
    if (opened) { opened.classList.remove("open"); }
    opened = span;
    span.classList.add("open");
    panel.hidden = false;
    document.body.classList.add("panel-open");
    document.getElementById("close").focus({ preventScroll: true });
  }

  function close() {
    if (panel.hidden) { return; }
    panel.hidden = true;
    document.body.classList.remove("panel-open");
    if (opened) {
      opened.classList.remove("open");
      opened.focus({ preventScroll: true });
    }
  }

  function ownerClaim(note) {
    var c = note.getAttribute("data-c");
    if (c === null) { return null; }
    return note.closest(".file").querySelectorAll(".c")[Number(c)] || null;
  }

  // The next (step 1) or previous (step -1) finding that the filters show, in page order.
  function move(step) {
    var all = Array.prototype.slice.call(root.querySelectorAll(".n"));
    var shown = all.filter(function (n) { return !hiddenRules[n.getAttribute("data-rule")]; });
    var i = all.indexOf(current);
    if (i < 0) { i = step > 0 ? -1 : all.length; }
    do { i += step; } while (i >= 0 && i < all.length && hiddenRules[all[i].getAttribute("data-rule")]);
    if (i < 0 || i >= all.length) {
      status.textContent = shown.length ? "No more findings this way." : "No findings shown.";
      return;
    }
    if (current) { current.classList.remove("cur"); }
    current = all[i];
    current.classList.add("cur");
    current.focus({ preventScroll: true });
    current.scrollIntoView({ block: "center" });
    status.textContent = "Finding " + (shown.indexOf(current) + 1) + " of " + shown.length +
      ": " + current.querySelector("b").textContent;
  }

  document.addEventListener("click", function (event) {
    var t = event.target;
    if (t.closest("#panel") || t.closest("a")) { return; }
    var note = t.closest(".n");
    var span = note ? ownerClaim(note) : t.closest(".c");
    if (span) { open(span); }
  });
  document.getElementById("close").addEventListener("click", close);
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var t = event.target;
    if (t.closest && t.closest("input:not([type=checkbox]), select, textarea")) { return; }
    var key = event.key;
    if (key === "j" || key === "n") { move(1); event.preventDefault(); }
    else if (key === "k" || key === "p") { move(-1); event.preventDefault(); }
    else if (key === "Escape") { close(); }
    else if (key === "Enter" && t.classList) {
      var span = t.classList.contains("n") ? ownerClaim(t) : (t.classList.contains("c") ? t : null);
      if (span) { open(span); event.preventDefault(); }
    }
  });
  var filters = document.querySelectorAll("#controls input[type=checkbox]");
  Array.prototype.forEach.call(filters, function (box) {
    box.addEventListener("change", function () {
      var v = box.getAttribute("data-v");
      var r = box.getAttribute("data-r");
      if (v) { root.classList.toggle("hide-v-" + v, !box.checked); }
      if (r) {
        hiddenRules[r] = !box.checked;
        root.classList.toggle("hide-r-" + r, !box.checked);
      }
    });
  });
})();
