package id.peduli.core.domain;

public enum LedgerEntryType { DONATION, REFUND, DISBURSEMENT }
