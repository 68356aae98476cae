package org.civicspace.deploy;

import java.util.Locale;

/**
 * Spring Boot's relaxed binding from environment variables, run backwards: the one name an
 * environment variable must have to set a property ({@code spring.mail.host} ←
 * {@code SPRING_MAIL_HOST}, {@code jwt.jwk-set-uri} ← {@code JWT_JWKSETURI}, {@code list[0]} ←
 * {@code LIST_0}).
 */
final class RelaxedNames {

    private RelaxedNames() {
    }

    static String environmentName(String propertyKey) {
        return propertyKey.replace("-", "")
                .replace("[", ".")
                .replace("]", "")
                .replace('.', '_')
                .toUpperCase(Locale.ROOT);
    }
}
