package org.civicspace.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicspace.events.Topics;

/**
 * Checks deployment descriptions — rendered Kubernetes manifests, the compose file — against
 * what the services read and use. Each problem is one sentence that names the object and what is
 * wrong; no problems means the description agrees with the code.
 */
final class ManifestChecker {

    static final String IMAGE_PREFIX = "civicspace/";
    static final String GATEWAY = "gateway";
    private static final Pattern COMPOSE_TOPIC = Pattern.compile("create\\s+\\d+\\s+(\\S+)");

    private final Map<String, ServiceConfiguration> services = new LinkedHashMap<>();
    private final Set<String> contractTopics;

    /**
     * @param services every service, by the configuration it reads
     * @param contractTopics the topics of civic-events ({@link Topics})
     */
    ManifestChecker(Collection<ServiceConfiguration> services, Set<String> contractTopics) {
        services.forEach(service -> this.services.put(service.module(), service));
        this.contractTopics = Set.copyOf(contractTopics);
    }

    /** The problems of one rendered set of Kubernetes objects. */
    List<String> checkKubernetes(List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        for (Map<String, Object> object : objects) {
            if ("ConfigMap".equals(kind(object))) {
                configMaps.put(name(object), object);
            }
            if ("Secret".equals(kind(object))) {
                problems.add("Secret " + name(object) + " is written in the manifests; secrets are referred to, never"
                        + " given values here");
            }
        }
        List<Map<String, Object>> policies = ofKind(objects, "NetworkPolicy");
        checkDefaultDeny(policies, problems);
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            checkDeployment(deployment, objects, configMaps, policies, problems);
        }
        checkOpenPolicies(policies, ofKind(objects, "Deployment"), problems);
        checkExposure(objects, problems);
        checkTopics(objects, problems);
        checkKafkaUsers(ofKind(objects, "KafkaUser"), problems);
        return problems;
    }

    /** The problems of the compose file on its own. */
    List<String> checkCompose(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        Yaml.map(compose, "services").forEach((name, definition) -> {
            String image = Yaml.string(definition, "image");
            if (image == null || !image.startsWith(IMAGE_PREFIX)) {
                return;
            }
            String module = repository(image).substring(IMAGE_PREFIX.length());
            ServiceConfiguration service = services.get(module);
            if (service == null) {
                problems.add("compose service " + name + " runs " + image + ", which is the image of no service");
                return;
            }
            String dockerfile = Yaml.string(definition, "build.dockerfile");
            if (!(module + "/Dockerfile").equals(dockerfile)) {
                problems.add("compose service " + name + " builds from " + dockerfile + ", not " + module
                        + "/Dockerfile");
            }
            composeEnvironment(definition).forEach((variable, value) -> {
                if (!service.reads(variable)) {
                    problems.add(unread("compose service " + name, variable, module));
                }
                if (variable.endsWith("MONGODB_URI")
                        && !(value.contains("replicaSet=") && value.contains("w=majority"))) {
                    problems.add("compose service " + name + " sets " + variable
                            + " without replicaSet= and w=majority");
                }
            });
        });
        return problems;
    }

    /** Whether the compose file and one rendered set agree on our images and on the topics. */
    List<String> checkAgreement(Map<String, Object> compose, List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        Set<String> composeImages = new TreeSet<>();
        Yaml.map(compose, "services").values().forEach(definition -> {
            String image = Yaml.string(definition, "image");
            if (image != null && image.startsWith(IMAGE_PREFIX)) {
                composeImages.add(repository(image));
            }
        });
        Set<String> kubernetesImages = new TreeSet<>();
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            for (Object container : Yaml.list(deployment, "spec.template.spec.containers")) {
                kubernetesImages.add(repository(Yaml.string(container, "image")));
            }
        }
        if (!composeImages.equals(kubernetesImages)) {
            problems.add("images differ: compose runs " + composeImages + ", Kubernetes runs " + kubernetesImages);
        }
        Set<String> composeTopics = new TreeSet<>();
        Object init = Yaml.at(compose, "services.kafka-topics.command");
        Matcher created = COMPOSE_TOPIC.matcher(String.valueOf(init));
        while (created.find()) {
            composeTopics.add(created.group(1));
        }
        Set<String> kafkaTopics = kafkaTopics(objects).keySet();
        if (!composeTopics.equals(kafkaTopics)) {
            problems.add("topics differ: compose's kafka-topics makes " + composeTopics + ", the KafkaTopics are "
                    + kafkaTopics);
        }
        return problems;
    }

    private void checkDeployment(Map<String, Object> deployment, List<Map<String, Object>> objects,
            Map<String, Map<String, Object>> configMaps, List<Map<String, Object>> policies, List<String> problems) {
        String name = "Deployment " + name(deployment);
        Map<String, Object> pod = Yaml.map(deployment, "spec.template.spec");
        Map<String, Object> labels = Yaml.map(deployment, "spec.template.metadata.labels");
        List<Object> containers = Yaml.list(pod, "containers");
        if (containers.isEmpty()) {
            problems.add(name + " has no containers");
        }
        ServiceConfiguration service = null;
        for (Object container : containers) {
            String image = Yaml.string(container, "image");
            String repository = image == null ? "" : repository(image);
            service = repository.startsWith(IMAGE_PREFIX) ? services.get(repository.substring(IMAGE_PREFIX.length()))
                    : null;
            if (service == null) {
                problems.add(name + " runs " + image + ", which is the image of no service");
                continue;
            }
            checkContainer(name, service, pod, Yaml.cast((Map<?, ?>) container), configMaps, problems);
        }
        if (selecting(ofKind(objects, "Service"), "spec.selector", labels).isEmpty()) {
            problems.add(name + " has no Service selecting its pods");
        }
        if (selecting(ofKind(objects, "PodDisruptionBudget"), "spec.selector.matchLabels", labels).isEmpty()) {
            problems.add(name + " has no PodDisruptionBudget");
        }
        // the default deny selects every pod; a pod also needs a policy that names it
        boolean covered = selecting(policies, "spec.podSelector.matchLabels", labels).stream()
                .anyMatch(policy -> Yaml.list(policy, "spec.policyTypes").containsAll(List.of("Ingress", "Egress")));
        if (!covered) {
            problems.add(name + " is covered by no NetworkPolicy of its own for both ingress and egress");
        }
        if (service != null) {
            checkScaling(name(deployment), service, objects, problems);
        }
    }

    private void checkContainer(String name, ServiceConfiguration service, Map<String, Object> pod,
            Map<String, Object> container, Map<String, Map<String, Object>> configMaps, List<String> problems) {
        String module = service.module();
        checkProbe(name, container, "readinessProbe", "/actuator/health/readiness", problems);
        checkProbe(name, container, "livenessProbe", "/actuator/health/liveness", problems);
        boolean listens = Yaml.list(container, "ports").stream()
                .anyMatch(port -> String.valueOf(service.port()).equals(Yaml.string(port, "containerPort")));
        if (!listens) {
            problems.add(name + " does not expose port " + service.port() + ", where " + module + " listens");
        }
        for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            if (Yaml.string(container, "resources." + resource) == null) {
                problems.add(name + " sets no resources." + resource);
            }
        }
        Map<String, Object> security = Yaml.map(container, "securityContext");
        if (!"true".equals(either(security, pod, "runAsNonRoot"))) {
            problems.add(name + " does not require runAsNonRoot");
        }
        if (!"false".equals(Yaml.string(security, "allowPrivilegeEscalation"))) {
            problems.add(name + " does not set allowPrivilegeEscalation: false");
        }
        if (!"true".equals(Yaml.string(security, "readOnlyRootFilesystem"))) {
            problems.add(name + " does not set readOnlyRootFilesystem: true");
        }
        if ("true".equals(Yaml.string(security, "privileged"))) {
            problems.add(name + " runs privileged");
        }
        if (!Yaml.list(security, "capabilities.drop").contains("ALL")) {
            problems.add(name + " does not drop ALL capabilities");
        }
        if (!"RuntimeDefault".equals(either(security, pod, "seccompProfile.type"))) {
            problems.add(name + " has no RuntimeDefault seccomp profile");
        }
        checkTmp(name, pod, container, problems);
        for (Object variable : Yaml.list(container, "env")) {
            String variableName = Yaml.string(variable, "name");
            if (!service.reads(variableName)) {
                problems.add(unread(name, variableName, module));
            }
        }
        for (Object source : Yaml.list(container, "envFrom")) {
            if (Yaml.at(source, "secretRef") != null) {
                problems.add(name + " takes envFrom a whole Secret; name each variable (env with secretKeyRef) so"
                        + " that it can be checked");
            }
            String configMap = Yaml.string(source, "configMapRef.name");
            if (configMap == null) {
                continue;
            }
            if (!configMaps.containsKey(configMap)) {
                problems.add(name + " takes envFrom ConfigMap " + configMap + ", which is not in the manifests");
                continue;
            }
            for (String variable : Yaml.map(configMaps.get(configMap), "data").keySet()) {
                if (!service.reads(variable)) {
                    problems.add(unread(name + " (ConfigMap " + configMap + ")", variable, module));
                }
            }
        }
    }

    private static void checkProbe(String name, Map<String, Object> container, String probe, String path,
            List<String> problems) {
        if (!path.equals(Yaml.string(container, probe + ".httpGet.path"))) {
            problems.add(name + " has no " + probe + " on " + path);
        }
    }

    private static void checkTmp(String name, Map<String, Object> pod, Map<String, Object> container,
            List<String> problems) {
        for (Object mount : Yaml.list(container, "volumeMounts")) {
            if ("/tmp".equals(Yaml.string(mount, "mountPath"))) {
                String volume = Yaml.string(mount, "name");
                boolean emptyDir = Yaml.list(pod, "volumes").stream()
                        .anyMatch(v -> Objects.equals(volume, Yaml.string(v, "name")) && Yaml.at(v, "emptyDir") != null);
                if (emptyDir) {
                    return;
                }
            }
        }
        problems.add(name + " mounts no emptyDir on /tmp, the one place its read-only container writes");
    }

    private void checkScaling(String deployment, ServiceConfiguration service, List<Map<String, Object>> objects,
            List<String> problems) {
        if (!service.consumers().isEmpty()) {
            List<Map<String, Object>> scalers = ofKind(objects, "ScaledObject").stream()
                    .filter(scaler -> deployment.equals(Yaml.string(scaler, "spec.scaleTargetRef.name"))).toList();
            boolean onLag = scalers.stream().flatMap(scaler -> Yaml.list(scaler, "spec.triggers").stream())
                    .anyMatch(trigger -> "kafka".equals(Yaml.string(trigger, "type"))
                            && service.consumers().stream().filter(consumer -> !consumer.anonymous()).anyMatch(consumer ->
                                    consumer.group().equals(Yaml.string(trigger, "metadata.consumerGroup"))
                                    && consumer.topic().equals(Yaml.string(trigger, "metadata.topic"))));
            if (!onLag) {
                problems.add("Deployment " + deployment + " consumes " + service.consumers()
                        + " but no KEDA ScaledObject scales it on that group's lag");
            }
        }
        if (GATEWAY.equals(service.module())) {
            boolean onCpu = ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .filter(hpa -> deployment.equals(Yaml.string(hpa, "spec.scaleTargetRef.name")))
                    .flatMap(hpa -> Yaml.list(hpa, "spec.metrics").stream())
                    .anyMatch(metric -> "cpu".equals(Yaml.string(metric, "resource.name")));
            if (!onCpu) {
                problems.add("Deployment " + deployment + " has no HorizontalPodAutoscaler on CPU");
            }
        }
    }

    private static void checkDefaultDeny(List<Map<String, Object>> policies, List<String> problems) {
        boolean denyAll = policies.stream().anyMatch(policy -> Yaml.map(policy, "spec.podSelector").isEmpty()
                && Yaml.list(policy, "spec.policyTypes").containsAll(List.of("Ingress", "Egress"))
                && Yaml.list(policy, "spec.ingress").isEmpty() && Yaml.list(policy, "spec.egress").isEmpty());
        if (!denyAll) {
            problems.add("no default-deny NetworkPolicy (every pod, Ingress and Egress, no rule)");
        }
    }

    /** Only the gateway may be reached from outside: from anywhere (no from) or from an address block. */
    private static void checkOpenPolicies(List<Map<String, Object>> policies, List<Map<String, Object>> deployments,
            List<String> problems) {
        for (Map<String, Object> policy : policies) {
            boolean open = Yaml.list(policy, "spec.ingress").stream().anyMatch(rule -> {
                List<Object> from = Yaml.list(rule, "from");
                return from.isEmpty() || from.stream().anyMatch(peer -> Yaml.at(peer, "ipBlock") != null);
            });
            if (!open) {
                continue;
            }
            Map<String, Object> selector = Yaml.map(policy, "spec.podSelector.matchLabels");
            List<String> exposed = deployments.stream()
                    .filter(deployment -> selector.isEmpty() || matches(selector,
                            Yaml.map(deployment, "spec.template.metadata.labels")))
                    .map(ManifestChecker::name).toList();
            if (selector.isEmpty() || exposed.stream().anyMatch(name -> !name.equals(GATEWAY))) {
                problems.add("NetworkPolicy " + name(policy) + " lets outside traffic reach "
                        + (selector.isEmpty() ? "every pod" : exposed) + "; only the gateway may be reached");
            }
        }
    }

    /** Only the gateway's Service may be published: by an Ingress, a load balancer or a node port. */
    private static void checkExposure(List<Map<String, Object>> objects, List<String> problems) {
        for (Map<String, Object> service : ofKind(objects, "Service")) {
            String type = Yaml.string(service, "spec.type");
            if (("LoadBalancer".equals(type) || "NodePort".equals(type)) && !GATEWAY.equals(name(service))) {
                problems.add("Service " + name(service) + " is published as " + type + "; only the gateway may be");
            }
        }
        for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
            List<String> backends = new ArrayList<>();
            String fallback = Yaml.string(ingress, "spec.defaultBackend.service.name");
            if (fallback != null) {
                backends.add(fallback);
            }
            for (Object rule : Yaml.list(ingress, "spec.rules")) {
                for (Object path : Yaml.list(rule, "http.paths")) {
                    backends.add(Yaml.string(path, "backend.service.name"));
                }
            }
            backends.stream().filter(backend -> !GATEWAY.equals(backend)).forEach(backend -> problems.add(
                    "Ingress " + name(ingress) + " routes to " + backend + "; only the gateway may be reached"));
        }
    }

    private void checkTopics(List<Map<String, Object>> objects, List<String> problems) {
        Map<String, Map<String, Object>> topics = kafkaTopics(objects);
        Set<String> deadLetters = new TreeSet<>();
        services.values().forEach(service -> service.consumers().stream()
                .filter(consumer -> !consumer.anonymous())
                .forEach(consumer -> deadLetters.add(Topics.deadLetter(consumer.topic(), consumer.group()))));
        topics.forEach((topic, object) -> {
            if (!contractTopics.contains(topic) && !deadLetters.contains(topic)) {
                problems.add("KafkaTopic " + topic + " is neither a topic of civic-events nor the dead-letter topic"
                        + " of a consumer group");
            }
            int replicas = number(Yaml.string(object, "spec.replicas"));
            // the key has dots of its own, so it is looked up, not walked to
            Object minInSyncValue = Yaml.map(object, "spec.config").get("min.insync.replicas");
            int minInSync = minInSyncValue == null ? 0 : number(String.valueOf(minInSyncValue));
            if (replicas < 3 || minInSync < 2 || minInSync >= replicas) {
                problems.add("KafkaTopic " + topic + " has " + replicas + " replicas and min.insync.replicas "
                        + minInSync + "; it needs at least 3, and at least 2 in sync with one to spare");
            }
            if (number(Yaml.string(object, "spec.partitions")) < 1) {
                problems.add("KafkaTopic " + topic + " sets no partitions");
            }
        });
        Set<String> used = new TreeSet<>(contractTopics);
        services.values().forEach(service -> used.addAll(service.topics()));
        for (String topic : used) {
            if (!topics.containsKey(topic)) {
                problems.add("topic " + topic + " is used by the code but has no KafkaTopic");
            }
        }
        for (Map<String, Object> scaler : ofKind(objects, "ScaledObject")) {
            int most = number(Yaml.string(scaler, "spec.maxReplicaCount"));
            for (Object trigger : Yaml.list(scaler, "spec.triggers")) {
                Map<String, Object> topic = topics.get(Yaml.string(trigger, "metadata.topic"));
                if (topic != null && most > number(Yaml.string(topic, "spec.partitions"))) {
                    problems.add("ScaledObject " + name(scaler) + " may run " + most + " pods, more than the "
                            + Yaml.string(topic, "spec.partitions") + " partitions they share");
                }
            }
        }
    }

    /** Each service's Kafka user may touch exactly its own topics and groups; any other user only describe. */
    private void checkKafkaUsers(List<Map<String, Object>> users, List<String> problems) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        users.forEach(user -> byName.put(name(user), user));
        for (ServiceConfiguration service : services.values()) {
            if (service.topics().isEmpty()) {
                continue;
            }
            Map<String, Object> user = byName.remove(service.module());
            if (user == null) {
                problems.add("no KafkaUser " + service.module() + " for the service of that name");
                continue;
            }
            Set<String> topics = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (Object acl : Yaml.list(user, "spec.authorization.acls")) {
                String type = Yaml.string(acl, "resource.type");
                String resource = Yaml.string(acl, "resource.name");
                boolean anonymousGroups = "group".equals(type) && ServiceConfiguration.ANONYMOUS_GROUPS.equals(resource)
                        && "prefix".equals(Yaml.string(acl, "resource.patternType"));
                if (!anonymousGroups && !"literal".equals(Yaml.string(acl, "resource.patternType"))) {
                    problems.add("KafkaUser " + service.module() + " has a non-literal ACL on " + resource);
                }
                ("group".equals(type) ? groups : topics).add(resource);
            }
            if (!topics.equals(service.topics()) || !groups.equals(service.groups())) {
                problems.add("KafkaUser " + service.module() + " may use topics " + topics + " and groups " + groups
                        + "; the service uses topics " + service.topics() + " and groups " + service.groups());
            }
        }
        byName.forEach((name, user) -> {
            boolean describeOnly = Yaml.list(user, "spec.authorization.acls").stream()
                    .allMatch(acl -> Yaml.list(acl, "operations").equals(List.of("Describe")));
            if (!describeOnly) {
                problems.add("KafkaUser " + name + " belongs to no service and may do more than describe");
            }
        });
    }

    private static Map<String, Map<String, Object>> kafkaTopics(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
        for (Map<String, Object> topic : ofKind(objects, "KafkaTopic")) {
            String name = Yaml.string(topic, "spec.topicName");
            topics.put(name != null ? name : name(topic), topic);
        }
        return topics;
    }

    private static Map<String, String> composeEnvironment(Object definition) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = Yaml.at(definition, "environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return environment;
    }

    private static String unread(String where, String variable, String module) {
        return where + " sets " + variable + ", which " + module + " does not read (no ${" + variable + "} in "
                + module + ".yml and no property of its libraries binds to it)";
    }

    private static String either(Map<String, Object> container, Map<String, Object> pod, String path) {
        String value = Yaml.string(container, path);
        return value != null ? value : Yaml.string(pod, "securityContext." + path);
    }

    private static List<Map<String, Object>> selecting(List<Map<String, Object>> objects, String selectorPath,
            Map<String, Object> labels) {
        return objects.stream().filter(object -> matches(Yaml.map(object, selectorPath), labels)).toList();
    }

    /** A selector with labels matches pods that carry all of them. */
    private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(entry -> Objects.equals(String.valueOf(entry.getValue()),
                        labels.get(entry.getKey()) == null ? null : String.valueOf(labels.get(entry.getKey()))));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(kind(object))).toList();
    }

    private static String kind(Map<String, Object> object) {
        return Yaml.string(object, "kind");
    }

    static String name(Map<String, Object> object) {
        return Yaml.string(object, "metadata.name");
    }

    /** An image's repository, without its tag. */
    static String repository(String image) {
        int tag = image.lastIndexOf(':');
        return tag > image.lastIndexOf('/') ? image.substring(0, tag) : image;
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
