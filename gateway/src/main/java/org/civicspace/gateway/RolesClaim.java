package org.civicspace.gateway;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller's roles, read from the claim a provider puts them in, each becoming {@code ROLE_<role>}.
 * The path is dotted for nested claims ({@code realm_access.roles} in Keycloak,
 * {@code resource_access.civicspace.roles} for a client's roles); a claim whose own name contains dots
 * ({@code https://civicspace.example/roles}) is found by its whole name first. The value may be a JSON
 * array or a string of roles separated by spaces or commas; anything else gives no roles.
 */
final class RolesClaim implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String path;

    RolesClaim(String path) {
        this.path = path.strip();
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Object value = jwt.getClaims().containsKey(path) ? jwt.getClaims().get(path) : nested(jwt.getClaims());
        return roles(value).map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    private Object nested(Map<String, Object> claims) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    private static Stream<String> roles(Object value) {
        Stream<String> names;
        if (value instanceof Collection<?> many) {
            names = many.stream().filter(String.class::isInstance).map(String.class::cast);
        } else if (value instanceof String text) {
            names = Arrays.stream(text.split("[\\s,]+"));
        } else {
            names = Stream.of();
        }
        return names.map(String::strip).filter(name -> !name.isEmpty()).distinct();
    }

    @Override
    public String toString() {
        return "roles from claim " + path;
    }
}
