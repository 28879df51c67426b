package id.peduli.core.store;

import java.util.List;
import java.util.Map;

/** One page of a query and where the next one starts ({@code null} at the end). */
public record Page<T>(List<T> items, Map<String, String> next) {}
