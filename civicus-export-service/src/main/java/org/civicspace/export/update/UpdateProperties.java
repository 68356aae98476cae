package org.civicspace.export.update;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Settings of country updates ({@code civicspace.export.updates.*}).
 *
 * @param pseudonymSecret the key of protected persons' pseudonyms; the same value as alert-service's,
 *        so a person has one pseudonym in alerts and updates
 * @param maxPeriodDays the longest period one update may cover
 * @param publishers how sources are cited: feed id or partner user name → publisher name
 * @param monthly the end-of-month drafts
 */
@Validated
@ConfigurationProperties(prefix = "civicspace.export.updates")
public record UpdateProperties(
        @NotNull @Size(min = 16) String pseudonymSecret,
        @Min(1) @Max(3660) int maxPeriodDays,
        Map<String, String> publishers,
        @Valid @NotNull Monthly monthly) {

    public UpdateProperties {
        publishers = publishers == null ? Map.of() : Map.copyOf(publishers);
    }

    /**
     * @param cron when the drafts of the month just ended are compiled (UTC), Spring cron syntax
     * @param countries the watched countries, ISO 3166-1 alpha-2
     * @param editors country code → the e-mail addresses told of its draft
     * @param mailFrom the sender of those e-mails
     * @param link the address of a draft in a mail, followed by its id
     */
    public record Monthly(@NotBlank String cron, List<String> countries, Map<String, List<String>> editors,
            @NotBlank String mailFrom, @NotBlank String link) {

        public Monthly {
            countries = countries == null ? List.of() : List.copyOf(countries);
            editors = editors == null ? Map.of() : Map.copyOf(editors);
        }
    }
}
