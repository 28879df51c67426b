package id.peduli.core.domain;

/** Whoever raised the appeal. Personal data: officer views only. */
public record Reporter(String name, String phone, String relationship) {}
