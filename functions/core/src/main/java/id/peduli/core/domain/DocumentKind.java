package id.peduli.core.domain;

/** What a supporting document shows: identity card, family card, doctor's letter, hospital bill, photo, other. */
public enum DocumentKind {
    KTP, KK, MEDICAL_LETTER, HOSPITAL_BILL, PHOTO, OTHER
}
