package org.trafficsafety.analysis.index;

/** Risk level of an index value (design section 6): low &lt; 60, medium 60–75, high &gt; 75 (a "high-risk minute"). */
public enum RiskLevel {
    LOW("low"), MEDIUM("medium"), HIGH("high");

    public static final double MEDIUM_FROM = 60.0;
    public static final double HIGH_ABOVE = 75.0;

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    /** Lower-case name as the API and filters spell it. */
    public String label() {
        return label;
    }

    public static RiskLevel of(double index) {
        if (index > HIGH_ABOVE) {
            return HIGH;
        }
        return index >= MEDIUM_FROM ? MEDIUM : LOW;
    }
}
