// Starts Swagger UI on /api/docs (a static file: the content security policy allows no inline script).
document.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  if (!root || typeof SwaggerUIBundle !== "function") { return; }
  SwaggerUIBundle({
    url: root.dataset.specUrl,
    domNode: root,
    deepLinking: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null,
    tryItOutEnabled: false,
  });
});
