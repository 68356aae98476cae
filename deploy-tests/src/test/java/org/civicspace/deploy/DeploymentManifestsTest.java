package org.civicspace.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.civicspace.events.Topics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml and every rendering of k8s/ checked against the services as built: the
 * environment each reads (its {@code <module>.yml} and the configuration metadata of the
 * libraries in its executable jar), the topics of civic-events and each service's bindings.
 */
class DeploymentManifestsTest {

    private static final List<String> MODULES = List.of("monitor-ingest-service", "classification-service",
            "alert-service", "civicus-export-service", "gateway");

    private static Path root;
    private static final Map<String, ServiceConfiguration> services = new LinkedHashMap<>();
    private static ManifestChecker checker;
    private static Map<String, Object> compose;
    private static String unbuilt;

    @BeforeAll
    static void readTheServices() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertThat(root).as("the repository root, with docker-compose.yml").isNotNull();
        }
        compose = Yaml.document(Files.readString(root.resolve("docker-compose.yml")));
        for (String module : MODULES) {
            Path jar = executableJar(module);
            if (jar == null) {
                unbuilt = "the executable jar of " + module + " is not built yet (mvn test stops before package);"
                        + " run ./mvnw -pl deploy-tests -am verify";
                return;
            }
            String yml = Files.readString(root.resolve(module + "/src/main/resources/" + module + ".yml"));
            services.put(module, ServiceConfiguration.read(module, yml, ConfigurationMetadata.ofExecutableJar(jar)));
        }
        checker = new ManifestChecker(services.values(), contractTopics());
    }

    @BeforeEach
    void theServicesAreBuilt() {
        if (unbuilt != null) {
            cannotCheck(unbuilt);
        }
    }

    @Test
    void readsWhatEachServiceReadsAndNothingOfTheOthers() {
        ServiceConfiguration ingest = services.get("monitor-ingest-service");
        assertThat(ingest.reads("KAFKA_BROKERS")).isTrue();
        assertThat(ingest.reads("INGEST_MONGODB_URI")).isTrue();
        assertThat(ingest.reads("SPRING_MONGODB_DATABASE")).isTrue();
        assertThat(ingest.reads("SPRING_CLOUD_STREAM_KAFKA_BINDER_PRODUCERPROPERTIES_ENABLE_IDEMPOTENCE")).isTrue();
        assertThat(ingest.reads("ALERT_MONGODB_URI")).isFalse();
        assertThat(ingest.reads("SPRING_MAIL_HOST")).as("only alert-service sends mail").isFalse();
        assertThat(services.get("alert-service").reads("SPRING_MAIL_HOST")).isTrue();
        assertThat(services.get("classification-service").reads("SPRING_MONGODB_DATABASE"))
                .as("the classifier has no store").isFalse();
        assertThat(services.get("gateway").reads("KAFKA_BROKERS")).isFalse();
        assertThat(services.get("gateway").reads("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI")).isTrue();
    }

    @Test
    void theComposeFileAgreesWithTheServices() {
        assertThat(checker.checkCompose(compose)).isEmpty();
        Set<String> images = new TreeSet<>();
        Yaml.map(compose, "services").values().forEach(definition -> {
            String image = Yaml.string(definition, "image");
            if (image != null && image.startsWith(ManifestChecker.IMAGE_PREFIX)) {
                images.add(ManifestChecker.repository(image));
                assertThat(root.resolve(Yaml.string(definition, "build.dockerfile"))).isRegularFile();
            }
        });
        assertThat(images).containsExactlyInAnyOrderElementsOf(
                MODULES.stream().map(module -> ManifestChecker.IMAGE_PREFIX + module).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyRenderingAgreesWithTheCodeAndTheComposeFile(String directory) {
        List<Map<String, Object>> objects = render(directory);
        assertThat(ManifestChecker.ofKind(objects, "Deployment")).hasSize(MODULES.size());
        assertThat(checker.checkKubernetes(objects)).isEmpty();
        assertThat(checker.checkAgreement(compose, objects)).isEmpty();
    }

    @Test
    void productionWaitsForTheReplicasOnEveryWrite() {
        List<Map<String, Object>> objects = render("overlays/prod");
        for (Map<String, Object> configMap : ManifestChecker.ofKind(objects, "ConfigMap")) {
            Map<String, Object> data = Yaml.map(configMap, "data");
            if (data.containsKey("KAFKA_BROKERS")) {
                assertThat(data).as(ManifestChecker.name(configMap))
                        .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_REQUIREDACKS", "all")
                        .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_PRODUCERPROPERTIES_ENABLE_IDEMPOTENCE", "true");
            }
        }
        assertThat(ManifestChecker.ofKind(objects, "MongoDBCommunity")).singleElement()
                .satisfies(mongo -> assertThat(Yaml.string(mongo, "spec.additionalConnectionStringConfig.w"))
                        .isEqualTo("majority"));
    }

    private static List<Map<String, Object>> render(String directory) {
        var kubectl = Kustomize.kubectl();
        if (kubectl.isEmpty()) {
            cannotCheck("kubectl is not on the PATH, so k8s/" + directory + " cannot be rendered and checked"
                    + " (CI needs kubectl with its built-in kustomize on the PATH, see .ci/run)");
        }
        return Kustomize.render(kubectl.get(), root.resolve("k8s").resolve(directory));
    }

    /** Skipped where a developer lacks what the check needs; never on CI, where it fails instead. */
    private static void cannotCheck(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        Assumptions.abort(why);
    }

    private static Set<String> contractTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.matches("civic\\.[a-z-]+\\.[a-z-]+\\.v\\d+")) {
                        topics.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(topics).as("the topics of civic-events").contains(Topics.REPORT_RECEIVED);
        return topics;
    }

    /** The service's executable jar, on this test's class path through its Maven dependency; null before package. */
    private static Path executableJar(String module) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (name.startsWith(module + "-") && name.endsWith("-exec.jar")) {
                return path;
            }
        }
        return null;
    }
}
