package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RolesFromClaimTest {

    @Test
    void readsOurOwnTopLevelRolesClaim() {
        assertThat(roles("roles", Map.of("roles", List.of("analyst", "editor")))).containsExactly("ROLE_analyst", "ROLE_editor");
    }

    @Test
    void readsKeycloakRealmRolesThroughADottedPath() {
        Map<String, Object> keycloak = Map.of(
                "realm_access", Map.of("roles", List.of("advocacy", "offline_access")),
                "resource_access", Map.of("civicspace", Map.of("roles", List.of("editor")),
                        "account", Map.of("roles", List.of("manage-account"))));
        assertThat(roles("realm_access.roles", keycloak)).containsExactly("ROLE_advocacy", "ROLE_offline_access");
        assertThat(roles("resource_access.civicspace.roles", keycloak)).containsExactly("ROLE_editor");
    }

    @Test
    void findsAClaimWhoseOwnNameHasDotsBeforeWalkingThePath() {
        assertThat(roles("https://civicspace.example/roles",
                Map.of("https://civicspace.example/roles", List.of("partner")))).containsExactly("ROLE_partner");
    }

    @Test
    void splitsARolesStringOnSpacesAndCommas() {
        assertThat(roles("roles", Map.of("roles", "analyst, editor advocacy")))
                .containsExactly("ROLE_analyst", "ROLE_editor", "ROLE_advocacy");
    }

    @Test
    void givesNoRolesForAMissingPathOrAValueOfAnotherShape() {
        assertThat(roles("realm_access.roles", Map.of("roles", List.of("admin")))).isEmpty();
        assertThat(roles("realm_access.roles", Map.of("realm_access", "admin"))).isEmpty();
        assertThat(roles("roles", Map.of("roles", Map.of("admin", true)))).isEmpty();
        assertThat(roles("roles", Map.of("roles", List.of(42, "editor")))).containsExactly("ROLE_editor");
    }

    private static List<String> roles(String path, Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").claims(all -> all.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return SecurityConfiguration.rolesFrom(path).convert(jwt).block().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }
}
