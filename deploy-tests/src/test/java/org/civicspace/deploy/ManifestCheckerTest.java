package org.civicspace.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The checker on a small system of its own (a consumer, "worker", and the gateway): the valid
 * description passes, and each real mistake is reported, naming what is wrong.
 */
class ManifestCheckerTest {

    private static final Set<String> CONTRACT = Set.of("civic.ingest.report-received.v1", "civic.alert.alert-raised.v1");

    private final ManifestChecker checker = new ManifestChecker(List.of(
            ServiceConfiguration.read("worker", resource("worker.yml"), ConfigurationMetadata.parse(resource("metadata.json"))),
            ServiceConfiguration.read("gateway", resource("gateway.yml"), List.of())), CONTRACT);

    private final String manifests = resource("manifests.yaml");
    private final String compose = resource("compose.yaml");

    @Test
    void findsNothingWrongWithAValidDescription() {
        assertThat(kubernetesProblems(manifests)).isEmpty();
        assertThat(checker.checkCompose(Yaml.document(compose))).isEmpty();
        assertThat(checker.checkAgreement(Yaml.document(compose), Yaml.documents(manifests))).isEmpty();
    }

    @Test
    void reportsAnEnvironmentVariableThatNoPropertyOfTheServiceBindsTo() {
        assertThat(kubernetesProblems(change(manifests, "  SPRING_MAIL_HOST: smtp", "  SPRING_MAIL_HOTS: smtp")))
                .singleElement().asString()
                .contains("Deployment worker (ConfigMap worker-abc) sets SPRING_MAIL_HOTS, which worker does not read");
    }

    @Test
    void reportsAVariableSetOnAServiceWhenOnlyAnotherServiceReadsIt() {
        String onGateway = change(manifests, "  WORKER_URI: http://worker:8090", "  WORKER_MONGODB_URI: mongodb://x");
        assertThat(kubernetesProblems(onGateway)).singleElement().asString()
                .contains("sets WORKER_MONGODB_URI, which gateway does not read");
    }

    @Test
    void reportsAnUnreadVariableInTheComposeFileAndAMongoUriWithoutMajorityWrites() {
        String wrong = change(change(compose, "SPRING_MAIL_HOST: mailpit", "MAIL_HOST: mailpit"),
                "replicaSet=rs0&w=majority", "replicaSet=rs0");
        assertThat(checker.checkCompose(Yaml.document(wrong))).containsExactlyInAnyOrder(
                "compose service worker sets MAIL_HOST, which worker does not read (no ${MAIL_HOST} in worker.yml"
                        + " and no property of its libraries binds to it)",
                "compose service worker sets WORKER_MONGODB_URI without replicaSet= and w=majority");
    }

    @Test
    void reportsAMissingProbe() {
        assertThat(kubernetesProblems(changeFirst(manifests, "path: /actuator/health/readiness", "path: /")))
                .containsExactly("Deployment worker has no readinessProbe on /actuator/health/readiness");
    }

    @Test
    void reportsMissingLimits() {
        assertThat(kubernetesProblems(changeFirst(manifests, "              memory: 512Mi\n", "")))
                .containsExactly("Deployment worker sets no resources.limits.memory");
    }

    @Test
    void reportsALooserSecurityContext() {
        String looser = changeFirst(changeFirst(manifests, "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true"),
                "drop: [ALL]", "drop: [NET_RAW]");
        assertThat(kubernetesProblems(looser)).containsExactly(
                "Deployment worker does not set allowPrivilegeEscalation: false",
                "Deployment worker does not drop ALL capabilities");
        assertThat(kubernetesProblems(changeFirst(manifests, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")))
                .containsExactly("Deployment worker does not set readOnlyRootFilesystem: true");
        assertThat(kubernetesProblems(changeFirst(manifests, "type: RuntimeDefault", "type: Unconfined")))
                .containsExactly("Deployment worker has no RuntimeDefault seccomp profile");
    }

    @Test
    void reportsAPodThatNoNetworkPolicyOfItsOwnCovers() {
        String uncovered = change(manifests, "  name: worker\nspec:\n  podSelector:\n    matchLabels:\n"
                + "      app.kubernetes.io/name: worker", "  name: worker\nspec:\n  podSelector:\n    matchLabels:\n"
                + "      app.kubernetes.io/name: wroker");
        assertThat(kubernetesProblems(uncovered))
                .containsExactly("Deployment worker is covered by no NetworkPolicy of its own for both ingress and egress");
    }

    @Test
    void reportsAServiceOtherThanTheGatewayReachableFromOutside() {
        String open = change(manifests, "  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n"
                + "              app.kubernetes.io/name: gateway", "  ingress:\n    - from:\n        - ipBlock:\n"
                + "            cidr: 0.0.0.0/0");
        assertThat(kubernetesProblems(open)).singleElement().asString()
                .isEqualTo("NetworkPolicy worker lets outside traffic reach [worker]; only the gateway may be reached");
    }

    @Test
    void reportsAServiceOtherThanTheGatewayPublishedByAnIngressOrALoadBalancer() {
        String ingress = "---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n"
                + "    - http:\n        paths:\n          - path: /\n            backend:\n              service:\n"
                + "                name: %s\n";
        assertThat(kubernetesProblems(manifests + ingress.formatted("gateway"))).isEmpty();
        assertThat(kubernetesProblems(manifests + ingress.formatted("worker")))
                .containsExactly("Ingress web routes to worker; only the gateway may be reached");
        String balanced = change(manifests, "  name: worker\nspec:\n  selector:", "  name: worker\nspec:\n"
                + "  type: LoadBalancer\n  selector:");
        assertThat(kubernetesProblems(balanced))
                .containsExactly("Service worker is published as LoadBalancer; only the gateway may be");
    }

    @Test
    void reportsAMisspelledTopicAndTheTopicThatThenHasNone() {
        String misspelled = manifests.replace("civic.alert.alert-raised.v1\nspec:\n  topicName: civic.alert.alert-raised.v1",
                "civic.alert.alert-rasied.v1\nspec:\n  topicName: civic.alert.alert-rasied.v1");
        assertThat(misspelled).isNotEqualTo(manifests);
        assertThat(kubernetesProblems(misspelled)).containsExactly(
                "KafkaTopic civic.alert.alert-rasied.v1 is neither a topic of civic-events nor the dead-letter topic of a"
                        + " consumer group",
                "topic civic.alert.alert-raised.v1 is used by the code but has no KafkaTopic");
    }

    @Test
    void reportsADeadLetterTopicOfAGroupThatDoesNotExist() {
        String unknownGroup = manifests.replace("error.civic.ingest.report-received.v1.worker\nspec:\n  topicName: "
                + "error.civic.ingest.report-received.v1.worker", "error.civic.ingest.report-received.v1.nobody\nspec:\n"
                + "  topicName: error.civic.ingest.report-received.v1.nobody");
        assertThat(kubernetesProblems(unknownGroup)).contains(
                "KafkaTopic error.civic.ingest.report-received.v1.nobody is neither a topic of civic-events nor the"
                        + " dead-letter topic of a consumer group",
                "topic error.civic.ingest.report-received.v1.worker is used by the code but has no KafkaTopic");
    }

    @Test
    void reportsATopicWithTooFewReplicas() {
        assertThat(kubernetesProblems(changeFirst(manifests, "replicas: 3", "replicas: 1"))).containsExactly(
                "KafkaTopic civic.ingest.report-received.v1 has 1 replicas and min.insync.replicas 2; it needs at least 3,"
                        + " and at least 2 in sync with one to spare");
    }

    @Test
    void reportsAKafkaUserAllowedATopicItsServiceDoesNotUse() {
        String wider = change(manifests, "resource: {type: topic, name: civic.alert.alert-raised.v1, patternType: literal}",
                "resource: {type: topic, name: civic.classification.report-classified.v1, patternType: literal}");
        assertThat(kubernetesProblems(wider)).singleElement().asString()
                .startsWith("KafkaUser worker may use topics [civic.classification.report-classified.v1,");
    }

    @Test
    void reportsAPrefixAclUnlessItIsTheAnonymousGroupsOfABroadcastConsumer() {
        String prefixed = changeFirst(manifests, "resource: {type: group, name: worker, patternType: literal}",
                "resource: {type: group, name: work, patternType: prefix}");
        assertThat(kubernetesProblems(prefixed)).contains("KafkaUser worker has a non-literal ACL on work");

        String anonymous = changeFirst(manifests, "resource: {type: group, name: worker, patternType: literal}",
                "resource: {type: group, name: anonymous., patternType: prefix}");
        assertThat(kubernetesProblems(anonymous)).as("a service with no group-less binding may not read as anonymous")
                .singleElement().asString().startsWith("KafkaUser worker may use topics")
                .doesNotContain("non-literal");
    }

    @Test
    void reportsSecretValuesAndWholeSecretsTakenAsEnvironment() {
        String withSecret = manifests + "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: mongo-worker\n"
                + "data:\n  uri: bW9uZ28=\n";
        assertThat(kubernetesProblems(withSecret)).containsExactly(
                "Secret mongo-worker is written in the manifests; secrets are referred to, never given values here");
        String wholeSecret = changeFirst(manifests, "          envFrom:\n", "          envFrom:\n            - secretRef:\n"
                + "                name: worker-secrets\n");
        assertThat(kubernetesProblems(wholeSecret)).singleElement().asString()
                .startsWith("Deployment worker takes envFrom a whole Secret");
    }

    @Test
    void reportsAConsumerWithoutLagScalingAndAGatewayWithoutCpuScaling() {
        String noScaling = change(change(manifests, "consumerGroup: worker", "consumerGroup: someone-else"),
                "        name: cpu", "        name: memory");
        assertThat(kubernetesProblems(noScaling)).containsExactly(
                "Deployment worker consumes [Consumer[topic=civic.ingest.report-received.v1, group=worker,"
                        + " deadLetterTopic=error.civic.ingest.report-received.v1.worker]] but no KEDA ScaledObject"
                        + " scales it on that group's lag",
                "Deployment gateway has no HorizontalPodAutoscaler on CPU");
    }

    @Test
    void reportsImagesAndTopicsOnWhichComposeAndKubernetesDisagree() {
        String renamed = change(compose, "image: civicspace/worker:0.1.0", "image: civicspace/werker:0.1.0");
        assertThat(checker.checkAgreement(Yaml.document(renamed), Yaml.documents(manifests))).containsExactly(
                "images differ: compose runs [civicspace/gateway, civicspace/werker], Kubernetes runs"
                        + " [civicspace/gateway, civicspace/worker]");
        String fewerTopics = change(compose, "        create 6 civic.alert.alert-raised.v1\n", "");
        assertThat(checker.checkAgreement(Yaml.document(fewerTopics), Yaml.documents(manifests))).singleElement()
                .asString().startsWith("topics differ:");
    }

    private List<String> kubernetesProblems(String text) {
        return checker.checkKubernetes(Yaml.documents(text));
    }

    /** Every occurrence replaced; the text must contain it, so that a test cannot pass by changing nothing. */
    private static String change(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    private static String changeFirst(String text, String from, String to) {
        assertThat(text).contains(from);
        int at = text.indexOf(from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static String resource(String name) {
        try (InputStream in = ManifestCheckerTest.class.getResourceAsStream("/checker/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
