// reportgen: drag and drop, upload progress, finding <-> page box links. No inline scripts (CSP).
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn); }
  ready(function () {
    var form = document.getElementById("upload");
    if (form) {
      var input = document.getElementById("files");
      ["dragenter", "dragover"].forEach(function (t) {
        form.addEventListener(t, function (e) { e.preventDefault(); form.classList.add("over"); });
      });
      ["dragleave", "drop"].forEach(function (t) {
        form.addEventListener(t, function (e) { e.preventDefault(); form.classList.remove("over"); });
      });
      form.addEventListener("drop", function (e) {
        if (!e.dataTransfer || !e.dataTransfer.files.length) return;
        input.files = e.dataTransfer.files;
        window.htmx.trigger(form, "submit");
      });
      var bar = document.getElementById("upload-progress");
      form.addEventListener("htmx:xhr:progress", function (e) {
        if (!e.detail.lengthComputable) return;
        bar.hidden = false; bar.value = Math.round(e.detail.loaded / e.detail.total * 100);
      });
      form.addEventListener("htmx:afterRequest", function () { bar.hidden = true; form.reset(); });
      // A refused upload answers 400 with rows to show: let htmx swap them in.
      document.body.addEventListener("htmx:beforeSwap", function (e) {
        if (e.detail.xhr.status === 400) { e.detail.shouldSwap = true; e.detail.isError = false; }
      });
    }
    function activate(finding, box, scrollTo) {
      document.querySelectorAll(".finding.active, .box.active").forEach(function (el) { el.classList.remove("active"); });
      if (finding) finding.classList.add("active");
      if (box) box.classList.add("active");
      if (scrollTo) scrollTo.scrollIntoView({ behavior: "smooth", block: "center" });
    }
    document.querySelectorAll(".finding").forEach(function (li) {
      li.addEventListener("click", function () {
        var box = li.dataset.box ? document.getElementById(li.dataset.box) : null;
        activate(li, box, box);
      });
    });
    document.querySelectorAll(".box").forEach(function (box) {
      box.addEventListener("click", function (e) {
        e.preventDefault();
        var li = document.getElementById(box.dataset.finding);
        activate(li, box, li);
      });
    });
    // Charts: a canvas with data-chart holds its configuration as JSON.
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (!window.Chart) return;
      var cfg = JSON.parse(canvas.dataset.chart);
      canvas.chart = new window.Chart(canvas, cfg);
      canvas.dataset.ready = "1";
    });
  });
})();
