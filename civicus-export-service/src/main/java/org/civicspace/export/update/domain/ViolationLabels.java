package org.civicspace.export.update.domain;

import org.civicspace.events.ViolationType;

/** Violation types in the words of an update: "HRD detained", "protest banned". */
public final class ViolationLabels {

    private ViolationLabels() {
    }

    public static String of(ViolationType type) {
        return switch (type) {
            case HRD_DETAINED -> "HRD detained";
            case JOURNALIST_DETAINED -> "journalist detained";
            case JOURNALIST_ATTACKED -> "journalist attacked";
            case PROTESTER_DETAINED -> "protesters detained";
            case EXCESSIVE_FORCE -> "excessive force";
            case PROTEST_BANNED_OR_DISRUPTED -> "protest banned";
            case CENSORSHIP -> "censorship";
            case INTERNET_SHUTDOWN -> "internet shutdown";
            case RESTRICTIVE_LAW -> "restrictive law";
            case NGO_CLOSURE_OR_RAID -> "NGO raided or closed";
            case FOREIGN_AGENT_LABEL -> "\"foreign agent\" label";
            case JUDICIAL_HARASSMENT -> "judicial harassment";
            case TRAVEL_BAN -> "travel ban";
            case TORTURE_ILL_TREATMENT -> "torture or ill-treatment";
            case KILLING -> "killing";
            case ENFORCED_DISAPPEARANCE -> "enforced disappearance";
            case SURVEILLANCE -> "surveillance";
            case INTIMIDATION_THREATS -> "intimidation";
            case POSITIVE_DEVELOPMENT -> "positive development";
        };
    }
}
