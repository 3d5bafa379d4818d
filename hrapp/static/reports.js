// Bulk-issuing progress: poll the job's JSON counters until it finishes.
(function () {
  var root = document.getElementById("job");
  if (!root) { return; }
  var bar = document.getElementById("job-bar");
  function paint(p) {
    bar.style.width = p.percent + "%";
    bar.textContent = p.percent + "%";
    document.getElementById("job-status").textContent = p.status;
    document.getElementById("job-count").textContent = p.done;
    document.getElementById("job-total").textContent = p.total;
  }
  function poll() {
    fetch(root.getAttribute("data-status-url"), {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (p) { paint(p); if (!p.finished) { setTimeout(poll, 1000); } else { window.location.reload(); } })
      .catch(function () { setTimeout(poll, 3000); });
  }
  paint({percent: bar.getAttribute("data-percent"), status: document.getElementById("job-status").textContent,
         done: document.getElementById("job-count").textContent, total: document.getElementById("job-total").textContent});
  if (document.getElementById("job-status").textContent !== "done" && document.getElementById("job-status").textContent !== "failed") { setTimeout(poll, 1000); }
}());
