package id.peduli.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an officer may act on, from the verified token's {@code cognito:groups}: {@code officer:64.74} covers that
 * regency or city, {@code officer:64} every regency of the province. API Gateway passes the claim as a string such
 * as {@code [officer:64 officer:64.74]}; a JSON array or a comma-separated list is read as well.
 */
public record OfficerScope(String subject, List<RegionCode> regions) {
    private static final String PREFIX = "officer:";

    /** Null when there are no verified claims at all (the authorizer did not run or let nothing through). */
    public static OfficerScope fromClaims(Map<String, String> claims) {
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            return null;
        }
        List<RegionCode> regions = new ArrayList<>();
        String groups = claims.getOrDefault("cognito:groups", "");
        for (String raw : groups.replace("[", " ").replace("]", " ").replace("\"", " ").split("[\\s,]+")) {
            if (raw.startsWith(PREFIX) && RegionCode.isValid(raw.substring(PREFIX.length()))) {
                RegionCode region = new RegionCode(raw.substring(PREFIX.length()));
                if (regions.stream().noneMatch(r -> r.covers(region))) {
                    regions.removeIf(region::covers);
                    regions.add(region);
                }
            }
        }
        return new OfficerScope(subject, List.copyOf(regions));
    }

    public boolean covers(RegionCode region) {
        return regions.stream().anyMatch(r -> r.covers(region));
    }
}
