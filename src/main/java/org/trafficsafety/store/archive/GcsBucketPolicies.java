package org.trafficsafety.store.archive;

import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.BucketInfo.IamConfiguration;
import com.google.cloud.storage.BucketInfo.LifecycleRule.LifecycleAction;
import com.google.cloud.storage.BucketInfo.LifecycleRule.LifecycleCondition;
import com.google.cloud.storage.BucketInfo.LifecycleRule.SetStorageClassLifecycleAction;
import com.google.cloud.storage.BucketInfo.PublicAccessPrevention;
import com.google.cloud.storage.StorageClass;
import java.util.ArrayList;
import java.util.List;

/** Translates a {@link BucketPolicy} to the GCS client's {@link BucketInfo} and back. */
final class GcsBucketPolicies {

    private GcsBucketPolicies() {
    }

    /**
     * {@code existing} (or a new bucket named {@code bucket} when null) with the policy applied: versioning and
     * public-access prevention set, the policy's lifecycle rules added to any other rules the bucket has.
     */
    static BucketInfo apply(BucketPolicy policy, String bucket, BucketInfo existing) {
        BucketInfo.Builder builder = existing == null ? BucketInfo.newBuilder(bucket) : existing.toBuilder();
        IamConfiguration.Builder iam = existing == null || existing.getIamConfiguration() == null
                ? IamConfiguration.newBuilder() : existing.getIamConfiguration().toBuilder();
        iam.setPublicAccessPrevention(policy.publicAccessPreventionEnforced()
                ? PublicAccessPrevention.ENFORCED : PublicAccessPrevention.INHERITED);
        List<BucketInfo.LifecycleRule> rules = new ArrayList<>();
        if (existing != null && existing.getLifecycleRules() != null) {
            rules.addAll(existing.getLifecycleRules());
        }
        for (BucketPolicy.LifecycleRule rule : policy.lifecycleRules()) {
            BucketInfo.LifecycleRule gcs = toGcs(rule);
            if (!rules.contains(gcs)) {
                rules.add(gcs);
            }
        }
        return builder.setVersioningEnabled(policy.versioning()).setIamConfiguration(iam.build())
                .setLifecycleRules(rules).build();
    }

    /** The policy a bucket has, counting only lifecycle rules of the shapes tsi writes. */
    static BucketPolicy read(BucketInfo bucket) {
        List<BucketPolicy.LifecycleRule> rules = new ArrayList<>();
        if (bucket.getLifecycleRules() != null) {
            for (BucketInfo.LifecycleRule rule : bucket.getLifecycleRules()) {
                fromGcs(rule).ifPresent(rules::add);
            }
        }
        IamConfiguration iam = bucket.getIamConfiguration();
        boolean enforced = iam != null && iam.getPublicAccessPrevention() == PublicAccessPrevention.ENFORCED;
        return new BucketPolicy(Boolean.TRUE.equals(bucket.versioningEnabled()), enforced, rules);
    }

    static BucketInfo.LifecycleRule toGcs(BucketPolicy.LifecycleRule rule) {
        LifecycleAction action = switch (rule.action()) {
            case SET_STORAGE_CLASS -> LifecycleAction.newSetStorageClassAction(StorageClass.valueOf(rule.storageClass()));
            case DELETE -> LifecycleAction.newDeleteAction();
        };
        return new BucketInfo.LifecycleRule(action, LifecycleCondition.newBuilder().setAge(rule.ageDays())
                .setMatchesPrefix(List.of(rule.matchesPrefix())).build());
    }

    private static java.util.Optional<BucketPolicy.LifecycleRule> fromGcs(BucketInfo.LifecycleRule rule) {
        LifecycleCondition condition = rule.getCondition();
        if (condition == null || condition.getAge() == null || condition.getMatchesPrefix() == null
                || condition.getMatchesPrefix().size() != 1) {
            return java.util.Optional.empty();
        }
        String prefix = condition.getMatchesPrefix().getFirst();
        int age = condition.getAge();
        LifecycleAction action = rule.getAction();
        if (action instanceof SetStorageClassLifecycleAction move) {
            return java.util.Optional.of(BucketPolicy.LifecycleRule.moveTo(prefix, age, move.getStorageClass().name()));
        }
        if (LifecycleAction.newDeleteAction().getActionType().equals(action.getActionType())) {
            return java.util.Optional.of(BucketPolicy.LifecycleRule.delete(prefix, age));
        }
        return java.util.Optional.empty();
    }
}
