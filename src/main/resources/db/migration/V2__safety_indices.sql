-- Per-minute indices (partitioned by UTC day), hourly (by month) and daily rollups, and the normalization
-- constants every index row references (design sections 6 and 7). Partitions are created by PartitionManager.

CREATE TABLE normalization_constants (
    id              bigserial PRIMARY KEY,
    computed_at     timestamptz NOT NULL DEFAULT now(),
    valid_from      timestamptz NOT NULL,
    valid_until     timestamptz,
    constants       jsonb NOT NULL CHECK (jsonb_typeof(constants) = 'object'),
    formula_version text NOT NULL,
    CONSTRAINT normalization_constants_valid_range CHECK (valid_until IS NULL OR valid_until > valid_from)
);

-- the shipped defaults that serve until 28 days of data exist: NormalizationConstants.defaults() of
-- analysis.index, its fields in snake_case
INSERT INTO normalization_constants (id, computed_at, valid_from, valid_until, constants, formula_version)
VALUES (1, '1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T00:00:00Z',
        '{"vru_conflict_ref": 1.0, "vehicle_conflict_ref": 2.0, "volume_ref": 100.0, "speed_ref": 15.0,
          "speed_std_ref": 8.0, "hard_braking_ref": 2.0,
          "weights": {"vru_events": 0.4, "vru_volume": 0.2, "vru_speed": 0.2, "vru_speed_std": 0.2,
                      "vehicle_events": 0.3, "vehicle_volume": 0.3, "vehicle_speed_std": 0.2,
                      "vehicle_hard_braking": 0.2, "combined_vru": 0.6, "combined_vehicle": 0.4}}',
        'tsi-1');
SELECT setval('normalization_constants_id_seq', 1);

CREATE TABLE safety_indices_realtime (
    intersection_id     integer NOT NULL,
    "timestamp"         timestamptz NOT NULL,
    vru_index           double precision NOT NULL CHECK (vru_index BETWEEN 0 AND 100),
    vehicle_index       double precision NOT NULL CHECK (vehicle_index BETWEEN 0 AND 100),
    combined_index      double precision NOT NULL CHECK (combined_index BETWEEN 0 AND 100),
    vru_index_eb        double precision NOT NULL CHECK (vru_index_eb BETWEEN 0 AND 100),
    vehicle_index_eb    double precision NOT NULL CHECK (vehicle_index_eb BETWEEN 0 AND 100),
    combined_index_eb   double precision NOT NULL CHECK (combined_index_eb BETWEEN 0 AND 100),
    traffic_volume      integer NOT NULL CHECK (traffic_volume >= 0),
    vru_count           integer NOT NULL CHECK (vru_count >= 0),
    avg_speed           double precision NOT NULL CHECK (avg_speed >= 0),
    speed_std           double precision NOT NULL CHECK (speed_std >= 0),
    hard_braking_count  integer NOT NULL CHECK (hard_braking_count >= 0),
    vehicle_event_count integer NOT NULL CHECK (vehicle_event_count >= 0),
    vru_event_count     integer NOT NULL CHECK (vru_event_count >= 0),
    hour_of_day         smallint NOT NULL CHECK (hour_of_day BETWEEN 0 AND 23),
    day_of_week         smallint NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    constants_id        bigint NOT NULL,
    formula_version     text NOT NULL,
    ingested_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (intersection_id, "timestamp")
) PARTITION BY RANGE ("timestamp");
CREATE TABLE safety_indices_realtime_default PARTITION OF safety_indices_realtime DEFAULT;
CREATE INDEX safety_indices_realtime_timestamp ON safety_indices_realtime ("timestamp");

CREATE TABLE safety_indices_hourly (
    intersection_id    integer NOT NULL,
    hour_timestamp     timestamptz NOT NULL,
    avg_si             double precision NOT NULL CHECK (avg_si BETWEEN 0 AND 100),
    min_si             double precision NOT NULL CHECK (min_si BETWEEN 0 AND 100),
    max_si             double precision NOT NULL CHECK (max_si BETWEEN 0 AND 100),
    std_si             double precision NOT NULL CHECK (std_si >= 0),
    avg_raw_si         double precision NOT NULL CHECK (avg_raw_si BETWEEN 0 AND 100),
    avg_vru_index      double precision NOT NULL CHECK (avg_vru_index BETWEEN 0 AND 100),
    avg_vehicle_index  double precision NOT NULL CHECK (avg_vehicle_index BETWEEN 0 AND 100),
    total_volume       bigint NOT NULL CHECK (total_volume >= 0),
    avg_volume         double precision NOT NULL CHECK (avg_volume >= 0),
    total_vru          bigint NOT NULL CHECK (total_vru >= 0),
    vehicle_events     bigint NOT NULL CHECK (vehicle_events >= 0),
    vru_events         bigint NOT NULL CHECK (vru_events >= 0),
    high_risk_minutes  integer NOT NULL CHECK (high_risk_minutes BETWEEN 0 AND 60),
    data_points        integer NOT NULL CHECK (data_points BETWEEN 0 AND 60),
    data_quality_score double precision NOT NULL CHECK (data_quality_score BETWEEN 0 AND 1),
    computed_at        timestamptz NOT NULL DEFAULT now(),
    -- a mean can exceed the max by rounding: allow that much
    CONSTRAINT safety_indices_hourly_avg_within_min_max CHECK (avg_si BETWEEN min_si - 1e-9 AND max_si + 1e-9),
    PRIMARY KEY (intersection_id, hour_timestamp)
) PARTITION BY RANGE (hour_timestamp);
CREATE TABLE safety_indices_hourly_default PARTITION OF safety_indices_hourly DEFAULT;
CREATE INDEX safety_indices_hourly_hour ON safety_indices_hourly (hour_timestamp);

CREATE TABLE safety_indices_daily (
    intersection_id      integer NOT NULL,
    date                 date NOT NULL,
    avg_si               double precision NOT NULL CHECK (avg_si BETWEEN 0 AND 100),
    min_si               double precision NOT NULL CHECK (min_si BETWEEN 0 AND 100),
    max_si               double precision NOT NULL CHECK (max_si BETWEEN 0 AND 100),
    std_si               double precision NOT NULL CHECK (std_si >= 0),
    avg_raw_si           double precision NOT NULL CHECK (avg_raw_si BETWEEN 0 AND 100),
    avg_vru_index        double precision NOT NULL CHECK (avg_vru_index BETWEEN 0 AND 100),
    avg_vehicle_index    double precision NOT NULL CHECK (avg_vehicle_index BETWEEN 0 AND 100),
    total_volume         bigint NOT NULL CHECK (total_volume >= 0),
    avg_volume           double precision NOT NULL CHECK (avg_volume >= 0),
    total_vru            bigint NOT NULL CHECK (total_vru >= 0),
    vehicle_events       bigint NOT NULL CHECK (vehicle_events >= 0),
    vru_events           bigint NOT NULL CHECK (vru_events >= 0),
    high_risk_minutes    integer NOT NULL CHECK (high_risk_minutes BETWEEN 0 AND 1440),
    data_points          integer NOT NULL CHECK (data_points BETWEEN 0 AND 1440),
    data_quality_score   double precision NOT NULL CHECK (data_quality_score BETWEEN 0 AND 1),
    high_risk_hours      integer NOT NULL CHECK (high_risk_hours BETWEEN 0 AND 24),
    high_risk_percentage double precision NOT NULL CHECK (high_risk_percentage BETWEEN 0 AND 100),
    peak_hour            smallint CHECK (peak_hour BETWEEN 0 AND 23),
    peak_si              double precision CHECK (peak_si BETWEEN 0 AND 100),
    computed_at          timestamptz NOT NULL DEFAULT now(),
    -- a mean can exceed the max by rounding: allow that much
    CONSTRAINT safety_indices_daily_avg_within_min_max CHECK (avg_si BETWEEN min_si - 1e-9 AND max_si + 1e-9),
    PRIMARY KEY (intersection_id, date)
);
CREATE INDEX safety_indices_daily_date ON safety_indices_daily (date);
