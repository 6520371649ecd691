// Swagger UI on the gateway's one API document, with login through Keycloak: authorization code with PKCE, as the
// public client named below (the gateway writes its id in at startup, from fanzha.gateway.openapi.ui-client-id).
window.addEventListener('load', function () {
    var page = window.location.href;
    window.ui = SwaggerUIBundle({
        url: new URL('../openapi?format=json', page).href,
        dom_id: '#swagger-ui',
        deepLinking: true,
        // No document is sent to the public validator (the page's policy would refuse the call anyway).
        validatorUrl: null,
        oauth2RedirectUrl: new URL('oauth2-redirect.html', page).href,
        // Without the standalone top bar: its box for loading other documents has nothing to offer here (the
        // policy lets the page call this gateway and Keycloak only), and its logo brings an inline style.
        presets: [SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout'
    });
    window.ui.initOAuth({
        clientId: __CLIENT_ID__,
        usePkceWithAuthorizationCodeGrant: true,
        scopes: 'openid'
    });
});
