package org.trafficsafety.store.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.BucketInfo.LifecycleRule.LifecycleAction;
import com.google.cloud.storage.BucketInfo.LifecycleRule.LifecycleCondition;
import com.google.cloud.storage.BucketInfo.PublicAccessPrevention;
import com.google.cloud.storage.StorageClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bucket-level half of {@code archive init}. google-cloud-nio's fake implements no bucket operations (its
 * bucket get returns null, create is unsupported), so the GCS policy is tested here as the {@link BucketInfo} the
 * client would send, and read back from one.
 */
class GcsBucketPoliciesTest {

    @Test
    void shouldTranslateTheStandardPolicyToGcsSettings() {
        BucketInfo info = GcsBucketPolicies.apply(BucketPolicy.standard(), "tsi", null);

        assertThat(info.getName()).isEqualTo("tsi");
        assertThat(info.versioningEnabled()).isTrue();
        assertThat(info.getIamConfiguration().getPublicAccessPrevention()).isEqualTo(PublicAccessPrevention.ENFORCED);
        assertThat(List.<BucketInfo.LifecycleRule>copyOf(info.getLifecycleRules())).containsExactly(
                new BucketInfo.LifecycleRule(LifecycleAction.newSetStorageClassAction(StorageClass.NEARLINE),
                        LifecycleCondition.newBuilder().setAge(30).setMatchesPrefix(List.of("raw/")).build()),
                new BucketInfo.LifecycleRule(LifecycleAction.newSetStorageClassAction(StorageClass.COLDLINE),
                        LifecycleCondition.newBuilder().setAge(365).setMatchesPrefix(List.of("raw/")).build()),
                new BucketInfo.LifecycleRule(LifecycleAction.newDeleteAction(),
                        LifecycleCondition.newBuilder().setAge(730).setMatchesPrefix(List.of("processed/")).build()));
        assertThat(GcsBucketPolicies.read(info)).isEqualTo(BucketPolicy.standard());
    }

    @Test
    void shouldBeIdempotentAndKeepTheBucketsOtherRulesAndSettings() {
        BucketInfo.LifecycleRule foreign = new BucketInfo.LifecycleRule(LifecycleAction.newDeleteAction(),
                LifecycleCondition.newBuilder().setAge(7).setMatchesPrefix(List.of("tmp/")).build());
        BucketInfo existing = BucketInfo.newBuilder("tsi").setLocation("US-EAST1")
                .setIamConfiguration(BucketInfo.IamConfiguration.newBuilder()
                        .setIsUniformBucketLevelAccessEnabled(true).build())
                .setLifecycleRules(List.of(foreign)).build();

        BucketInfo once = GcsBucketPolicies.apply(BucketPolicy.standard(), "tsi", existing);
        BucketInfo twice = GcsBucketPolicies.apply(BucketPolicy.standard(), "tsi", once);

        assertThat(twice).isEqualTo(once);
        assertThat(List.<BucketInfo.LifecycleRule>copyOf(twice.getLifecycleRules())).hasSize(4).contains(foreign);
        assertThat(twice.getLocation()).isEqualTo("US-EAST1");
        assertThat(twice.getIamConfiguration().isUniformBucketLevelAccessEnabled()).isTrue();
        assertThat(GcsBucketPolicies.read(twice)).isEqualTo(new BucketPolicy(true, true, List.of(
                BucketPolicy.LifecycleRule.delete("tmp/", 7), BucketPolicy.LifecycleRule.moveTo("raw/", 30, "NEARLINE"),
                BucketPolicy.LifecycleRule.moveTo("raw/", 365, "COLDLINE"),
                BucketPolicy.LifecycleRule.delete("processed/", 730))));
    }

    @Test
    void shouldRoundTripThePolicyThroughJson() {
        String json = BucketPolicy.standard().toJson();
        assertThat(json).contains("\"matchesPrefix\" : \"raw/\"", "\"storageClass\" : \"COLDLINE\"");
        assertThat(BucketPolicy.fromJson(json)).isEqualTo(BucketPolicy.standard());
    }
}
