package id.peduli.core.domain;

/** An amount of money in whole rupiah. Never negative; IDR has no minor unit in practice. */
public record Rupiah(long value) implements Comparable<Rupiah> {
    public static final Rupiah ZERO = new Rupiah(0);

    public Rupiah {
        if (value < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
    }

    public static Rupiah of(long value) {
        return new Rupiah(value);
    }

    public Rupiah plus(Rupiah other) {
        return new Rupiah(Math.addExact(value, other.value));
    }

    @Override
    public int compareTo(Rupiah other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "Rp " + value;
    }
}
