package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document describes exactly the operations the gateway routes, for the same roles. */
class OpenApiDocumentTest {

    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void documentsEveryRoutedOperationAndNothingElseWithTheRolesTheGatewayLetsThrough() throws IOException {
        Map<String, Object> document = document();
        assertThat(document.get("openapi")).isEqualTo("3.1.0");

        Map<String, Set<String>> documented = new TreeMap<>();
        Set<String> servedByGateway = new TreeSet<>();
        paths(document).forEach((path, item) -> item.forEach((method, described) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = (Map<String, Object>) described;
            if (!METHODS.contains(method)) {
                return;
            }
            if ("gateway".equals(operation.get("x-served-by"))) {
                servedByGateway.add(method.toUpperCase() + " /api/v1" + path);
                return;
            }
            @SuppressWarnings("unchecked")
            Set<String> roles = Set.copyOf((java.util.List<String>) operation.get("x-roles"));
            documented.put(method.toUpperCase() + " /api/v1" + path, roles);
        }));
        Map<String, Set<String>> routed = PublicApi.OPERATIONS.stream()
                .collect(Collectors.toMap(PublicApi.Operation::id, PublicApi.Operation::roles, (a, b) -> a, TreeMap::new));

        assertThat(documented).isEqualTo(routed);
        assertThat(servedByGateway).containsExactly("GET /api/v1/sign-in", "POST /api/v1/sign-in/token");
    }

    @Test
    void everySchemaItRefersToIsServedBesideIt() throws IOException {
        String text = StreamUtils.copyToString(ApiDocsConfiguration.OPENAPI.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8);
        Matcher schemas = Pattern.compile("/api/v1/docs/schemas/([a-z0-9.-]+\\.json)").matcher(text);
        int found = 0;
        while (schemas.find()) {
            assertThat(new ClassPathResource("schemas/" + schemas.group(1)).exists()).as(schemas.group(1)).isTrue();
            found++;
        }
        assertThat(found).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> paths(Map<String, Object> document) {
        return (Map<String, Map<String, Object>>) document.get("paths");
    }

    private static Map<String, Object> document() throws IOException {
        try (InputStream in = ApiDocsConfiguration.OPENAPI.getInputStream()) {
            return new Yaml().load(in);
        }
    }
}
