package id.peduli.core.domain;

import java.util.regex.Pattern;

/**
 * An existing Kemendagri province ({@code 64}) or regency/city ({@code 64.74}) code.
 * Districts are not regions an appeal or an officer can belong to.
 */
public record RegionCode(String value) {
    private static final Pattern FORMAT = Pattern.compile("\\d{2}(\\.\\d{2})?");

    public RegionCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an existing province or regency code");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches() && Regions.exists(value);
    }

    public static boolean isRegency(String value) {
        return isValid(value) && value.length() == 5;
    }

    public boolean isProvince() {
        return value.length() == 2;
    }

    public RegionCode province() {
        return isProvince() ? this : new RegionCode(value.substring(0, 2));
    }

    /** True when this region is {@code other} or contains it. */
    public boolean covers(RegionCode other) {
        return other.value.equals(value) || (isProvince() && other.value.startsWith(value + "."));
    }

    public String name() {
        return Regions.name(value).orElseThrow();
    }

    @Override
    public String toString() {
        return value;
    }
}
