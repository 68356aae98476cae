package org.civicspace.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to civic space, as the classifier tags it. */
public enum ViolationType implements WireName {
    HRD_DETAINED("hrd_detained"),
    JOURNALIST_DETAINED("journalist_detained"),
    JOURNALIST_ATTACKED("journalist_attacked"),
    PROTESTER_DETAINED("protester_detained"),
    EXCESSIVE_FORCE("excessive_force"),
    PROTEST_BANNED_OR_DISRUPTED("protest_banned_or_disrupted"),
    CENSORSHIP("censorship"),
    INTERNET_SHUTDOWN("internet_shutdown"),
    RESTRICTIVE_LAW("restrictive_law"),
    NGO_CLOSURE_OR_RAID("ngo_closure_or_raid"),
    FOREIGN_AGENT_LABEL("foreign_agent_label"),
    JUDICIAL_HARASSMENT("judicial_harassment"),
    TRAVEL_BAN("travel_ban"),
    TORTURE_ILL_TREATMENT("torture_ill_treatment"),
    KILLING("killing"),
    ENFORCED_DISAPPEARANCE("enforced_disappearance"),
    SURVEILLANCE("surveillance"),
    INTIMIDATION_THREATS("intimidation_threats"),
    POSITIVE_DEVELOPMENT("positive_development");

    private final String wireName;

    ViolationType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The constant with this wire name; an unknown name is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static ViolationType fromWire(String wire) {
        return WireName.parse(ViolationType.class, wire);
    }
}
