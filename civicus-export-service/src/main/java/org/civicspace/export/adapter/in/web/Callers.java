package org.civicspace.export.adapter.in.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.export.domain.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The {@link Caller} a checked token stands for: its subject and the roles its authorities carry. */
public final class Callers {

    private static final String ROLE_PREFIX = "ROLE_";

    private Callers() {
    }

    public static Caller of(JwtAuthenticationToken authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(authentication.getToken().getSubject(), roles);
    }
}
