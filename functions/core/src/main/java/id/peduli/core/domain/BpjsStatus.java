package id.peduli.core.domain;

/** The patient's national health insurance (BPJS Kesehatan) membership as reported. */
public enum BpjsStatus { NONE, INACTIVE, ACTIVE }
