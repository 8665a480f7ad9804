// The API reference page: Swagger UI on the document the server publishes (the proxy passes it on as
// /api/docs/openapi.yaml). "Try it out" calls the document's server, the public URL: sign in with
// POST /api/sessions, paste the token under "Authorize", then call a bearer route.
window.ui = SwaggerUIBundle({
    url: '/api/docs/openapi.yaml',
    dom_id: '#reference',
    deepLinking: true,
    persistAuthorization: false,
    tryItOutEnabled: false,
    // No validator badge: it would send the document to validator.swagger.io.
    validatorUrl: null,
});
