package org.civicspace.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for an organisation's OpenID Connect provider (shaped like Keycloak's realm
 * {@code civicspace}) on 127.0.0.1 — outside our system, so a stand-in is allowed. It serves discovery
 * and keys, signs in whoever the test says is at the keyboard without a page of its own, checks the
 * PKCE verifier of every code exchange (S256), refreshes, and ends sessions. Its access tokens carry
 * the roles where Keycloak does: {@code realm_access.roles}.
 */
final class OidcProviderStandIn implements AutoCloseable {

    static final String CLIENT_ID = "civicspace-web";
    static final String AUDIENCE = "civicspace";

    /** Someone who signs in here. */
    record User(String id, String username, List<String> roles) {
    }

    private record Grant(User user, String challenge, String redirectUri, String nonce) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, User> refreshTokens = new ConcurrentHashMap<>();
    private volatile User atTheKeyboard;
    private volatile Duration accessTokenLife = Duration.ofMinutes(5);
    final AtomicInteger codeExchanges = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger signOuts = new AtomicInteger();

    OidcProviderStandIn() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("stand-in").build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/civicspace/", this::handle);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/civicspace";
    }

    /** Who the next visit to the authorization endpoint signs in. */
    void signsIn(User user) {
        atTheKeyboard = user;
    }

    void accessTokensLive(Duration life) {
        accessTokenLife = life;
    }

    /** An access token as this provider issues them, for calling the API directly. */
    String accessToken(User user, String audience) {
        return sign(new JWTClaimsSet.Builder().issuer(issuer()).subject(user.id()).audience(audience)
                .claim("azp", CLIENT_ID).claim("typ", "Bearer").claim("preferred_username", user.username())
                .claim("realm_access", Map.of("roles", user.roles()))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(accessTokenLife))).build());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/realms/civicspace".length());
            switch (exchange.getRequestMethod() + " " + path) {
                case "GET /.well-known/openid-configuration" -> json(exchange, 200, discovery());
                case "GET /protocol/openid-connect/certs" -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
                case "GET /protocol/openid-connect/auth" -> authorize(exchange, query(exchange.getRequestURI().getRawQuery()));
                case "POST /protocol/openid-connect/token" -> token(exchange,
                        query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                case "GET /protocol/openid-connect/logout" -> signOut(exchange, query(exchange.getRequestURI().getRawQuery()));
                default -> json(exchange, 404, "{\"error\":\"not_found\"}");
            }
        }
    }

    private String discovery() {
        String at = issuer() + "/protocol/openid-connect";
        return "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + at + "/auth\",\"token_endpoint\":\"" + at
                + "/token\",\"end_session_endpoint\":\"" + at + "/logout\",\"jwks_uri\":\"" + at + "/certs\","
                + "\"response_types_supported\":[\"code\"],\"code_challenge_methods_supported\":[\"S256\"]}";
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        String redirect = query.getOrDefault("redirect_uri", "");
        boolean loopback = redirect.startsWith("http://127.0.0.1:") || redirect.startsWith("http://localhost:");
        if (!"code".equals(query.get("response_type")) || !CLIENT_ID.equals(query.get("client_id")) || !loopback
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || atTheKeyboard == null) {
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(atTheKeyboard, query.get("code_challenge"), redirect, query.get("nonce")));
        redirect(exchange, redirect + "?state=" + encode(query.get("state")) + "&session_state=s1&code=" + code);
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if ("refresh_token".equals(form.get("grant_type")) && refreshTokens.containsKey(form.get("refresh_token"))) {
            refreshes.incrementAndGet();
            json(exchange, 200, tokens(refreshTokens.get(form.get("refresh_token")), null));
            return;
        }
        Grant grant = "authorization_code".equals(form.get("grant_type")) ? codes.remove(form.get("code")) : null;
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        codeExchanges.incrementAndGet();
        json(exchange, 200, tokens(grant.user(), grant.nonce()));
    }

    private String tokens(User user, String nonce) {
        String refresh = UUID.randomUUID().toString();
        refreshTokens.put(refresh, user);
        JWTClaimsSet.Builder identity = new JWTClaimsSet.Builder().issuer(issuer()).subject(user.id()).audience(CLIENT_ID)
                .claim("preferred_username", user.username()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(accessTokenLife)));
        if (nonce != null) {
            identity.claim("nonce", nonce);
        }
        return "{\"access_token\":\"" + accessToken(user, AUDIENCE) + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + accessTokenLife.toSeconds() + ",\"refresh_token\":\"" + refresh + "\",\"id_token\":\""
                + sign(identity.build()) + "\",\"session_state\":\"s1\"}";
    }

    private void signOut(HttpExchange exchange, Map<String, String> query) throws IOException {
        signOuts.incrementAndGet();
        redirect(exchange, query.getOrDefault("post_logout_redirect_uri", issuer()));
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
