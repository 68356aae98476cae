package org.civicspace.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The configuration properties that the libraries of one service declare in their Spring
 * configuration metadata ({@code META-INF/spring-configuration-metadata.json}): every key an
 * auto-configuration of that service may read, with its type.
 */
final class ConfigurationMetadata {

    /** One declared property; {@code type} is the Java type name, null where the metadata has none. */
    record Property(String name, String type) {

        /** Maps, collections and arrays take keys or indexes below their own name. */
        boolean hasChildren() {
            return type != null && (type.startsWith("java.util.Map") || type.startsWith("java.util.List")
                    || type.startsWith("java.util.Set") || type.startsWith("java.util.Collection")
                    || type.endsWith("[]"));
        }
    }

    private static final List<String> METADATA_FILES = List.of(
            "META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<Property>> LIBRARIES = new ConcurrentHashMap<>();

    private ConfigurationMetadata() {
    }

    /** The properties in one metadata JSON document. */
    static List<Property> parse(String json) {
        List<Property> properties = new ArrayList<>();
        try {
            for (JsonNode property : JSON.readTree(json).path("properties")) {
                JsonNode type = property.get("type");
                properties.add(new Property(property.path("name").asText(), type == null ? null : type.asText()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not configuration metadata: " + e.getOriginalMessage(), e);
        }
        return properties;
    }

    /**
     * The properties declared anywhere in a Spring Boot executable jar: in its own classes and in
     * every library under {@code BOOT-INF/lib}.
     */
    static List<Property> ofExecutableJar(Path jar) {
        List<Property> properties = new ArrayList<>();
        try (ZipFile outer = new ZipFile(jar.toFile())) {
            for (String file : METADATA_FILES) {
                read(outer, "BOOT-INF/classes/" + file, properties);
            }
            Path scratch = Files.createTempFile("deploy-tests-", ".jar");
            try {
                Enumeration<? extends ZipEntry> entries = outer.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                        // the services share most libraries: each is read once
                        String library = entry.getName().substring("BOOT-INF/lib/".length()) + "@" + entry.getCrc();
                        List<Property> declared = LIBRARIES.get(library);
                        if (declared == null) {
                            declared = readNested(outer, entry, scratch);
                            LIBRARIES.put(library, declared);
                        }
                        properties.addAll(declared);
                    }
                }
            } finally {
                Files.deleteIfExists(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration metadata in " + jar, e);
        }
        return properties;
    }

    private static List<Property> readNested(ZipFile outer, ZipEntry entry, Path scratch) throws IOException {
        // a nested jar is read through its central directory, which needs a file of its own
        try (InputStream nested = outer.getInputStream(entry)) {
            Files.copy(nested, scratch, StandardCopyOption.REPLACE_EXISTING);
        }
        List<Property> declared = new ArrayList<>();
        try (ZipFile library = new ZipFile(scratch.toFile())) {
            for (String file : METADATA_FILES) {
                read(library, file, declared);
            }
        }
        return List.copyOf(declared);
    }

    private static void read(ZipFile zip, String name, List<Property> into) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry != null) {
            try (InputStream in = zip.getInputStream(entry)) {
                into.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
    }
}
