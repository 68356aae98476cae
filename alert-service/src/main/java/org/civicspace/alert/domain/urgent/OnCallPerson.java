package org.civicspace.alert.domain.urgent;

/**
 * One of a country's on-call advocacy staff, reached by e-mail, webhook or both; the roster's
 * order is the escalation order.
 */
public record OnCallPerson(String name, String email, String webhookUrl, String webhookSecret) {

    public OnCallPerson {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an on-call person needs a name");
        }
        if ((email == null || email.isBlank()) && (webhookUrl == null || webhookUrl.isBlank())) {
            throw new IllegalArgumentException("on-call person " + name + " needs an email or a webhook-url");
        }
    }

    /** Leaves the webhook secret out. */
    @Override
    public String toString() {
        return "OnCallPerson[" + name + "]";
    }
}
