// Bulk-issuing progress: poll the job's JSON counters until it finishes.
(function () {
  var root = document.getElementById("job");
  if (!root) { return; }
  var bar = document.getElementById("job-bar");
  function paint(p) {
    bar.style.width = p.percent + "%";
    bar.textContent = p.percent + "%";
    var status = document.getElementById("job-status");
    status.textContent = p.status_label;
    status.setAttribute("data-status", p.status);
    document.getElementById("job-count").textContent = p.done;
    document.getElementById("job-total").textContent = p.total;
  }
  function poll() {
    fetch(root.getAttribute("data-status-url"), {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (p) { paint(p); if (!p.finished) { setTimeout(poll, 1000); } else { window.location.reload(); } })
      .catch(function () { setTimeout(poll, 3000); });
  }
  bar.style.width = bar.getAttribute("data-percent") + "%";
  var initial = document.getElementById("job-status").getAttribute("data-status");
  if (initial !== "done" && initial !== "failed") { setTimeout(poll, 1000); }
}());
