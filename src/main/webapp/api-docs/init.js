// Kept out of index.html so that the page works under a Content-Security-Policy without inline scripts.
window.ui = SwaggerUIBundle({
  url: "/openapi",
  dom_id: "#swagger-ui",
  deepLinking: true,
});
