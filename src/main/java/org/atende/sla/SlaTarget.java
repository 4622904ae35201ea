package org.atende.sla;

/** A target such as "12 business hours" or "2 business days". */
public record SlaTarget(int amount, TargetUnit unit) {

    public SlaTarget {
        if (amount <= 0) {
            throw new IllegalArgumentException("a target must be positive: " + amount + " " + unit);
        }
    }

    public static SlaTarget hours(int amount) {
        return new SlaTarget(amount, TargetUnit.HOURS);
    }

    public static SlaTarget days(int amount) {
        return new SlaTarget(amount, TargetUnit.DAYS);
    }

    @Override
    public String toString() {
        return amount + " business " + (unit == TargetUnit.HOURS ? "hour" : "day") + (amount == 1 ? "" : "s");
    }
}
