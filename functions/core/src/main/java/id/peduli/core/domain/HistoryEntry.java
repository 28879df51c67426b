package id.peduli.core.domain;

import java.time.Instant;

/** One officer decision on an appeal, as the history shows it. */
public record HistoryEntry(Instant at, String actor, String action, String reason, String fromRegionCode,
                           String toRegionCode) {}
