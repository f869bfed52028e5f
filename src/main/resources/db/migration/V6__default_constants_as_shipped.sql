-- Row 1 is the shipped defaults, NormalizationConstants.defaults() of analysis.index: V2 seeded an earlier draft
-- (volume_ref 100, speed_std_ref 8); the code, the methodology's worked example and the tests use 40 and 5.
UPDATE normalization_constants
SET constants = jsonb_set(jsonb_set(constants, '{volume_ref}', '40.0'), '{speed_std_ref}', '5.0')
WHERE id = 1;
