package org.trafficsafety.store.archive;

import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bucket settings {@code tsi archive init} applies (design section 7): object versioning, public-access
 * prevention, and lifecycle rules by key prefix.
 */
public record BucketPolicy(boolean versioning, boolean publicAccessPreventionEnforced, List<LifecycleRule> lifecycleRules) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public BucketPolicy {
        lifecycleRules = List.copyOf(lifecycleRules);
    }

    /** Versioning on, public access prevented, raw/ to NEARLINE at 30 d and COLDLINE at 365 d, processed/ deleted at 730 d. */
    public static BucketPolicy standard() {
        return new BucketPolicy(true, true, List.of(
                LifecycleRule.moveTo("raw/", 30, "NEARLINE"),
                LifecycleRule.moveTo("raw/", 365, "COLDLINE"),
                LifecycleRule.delete("processed/", 730)));
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    public static BucketPolicy fromJson(String json) {
        return JSON.readValue(json, BucketPolicy.class);
    }

    /**
     * One lifecycle rule: objects under {@code matchesPrefix} older than {@code ageDays} are moved to
     * {@code storageClass} ({@link Action#SET_STORAGE_CLASS}) or deleted ({@link Action#DELETE}, storage class "").
     */
    public record LifecycleRule(String matchesPrefix, int ageDays, Action action, String storageClass) {

        public LifecycleRule {
            storageClass = storageClass == null ? "" : storageClass;
            if (matchesPrefix == null || ageDays < 0 || action == null
                    || (action == Action.SET_STORAGE_CLASS) == storageClass.isEmpty()) {
                throw new IllegalArgumentException("invalid lifecycle rule: " + action + " " + storageClass
                        + " for '" + matchesPrefix + "' at " + ageDays + " d");
            }
        }

        public static LifecycleRule moveTo(String prefix, int ageDays, String storageClass) {
            return new LifecycleRule(prefix, ageDays, Action.SET_STORAGE_CLASS, storageClass);
        }

        public static LifecycleRule delete(String prefix, int ageDays) {
            return new LifecycleRule(prefix, ageDays, Action.DELETE, "");
        }
    }

    public enum Action { SET_STORAGE_CLASS, DELETE }
}
