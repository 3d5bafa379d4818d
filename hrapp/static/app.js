// Confirmation before destructive actions: <form data-confirm="message">.
document.addEventListener("submit", function (event) {
  var message = event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) { event.preventDefault(); }
});

// "Select all": <input type="checkbox" data-check-all="name"> ticks (or clears) every checkbox called `name` in its form.
document.addEventListener("change", function (event) {
  var name = event.target.getAttribute("data-check-all");
  if (!name || !event.target.form) { return; }
  event.target.form.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
    box.checked = event.target.checked;
  });
});
