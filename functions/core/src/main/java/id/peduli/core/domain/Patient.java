package id.peduli.core.domain;

import java.time.LocalDate;

/** The person an appeal is for. The NIK is personal data: officer views only. */
public record Patient(String name, Nik nik, LocalDate birthDate, String address) {}
