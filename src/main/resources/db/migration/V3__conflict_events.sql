-- One row per conflict (design section 6), partitioned by the UTC day it started in.
CREATE TABLE conflict_events (
    intersection_id  integer NOT NULL,
    start_time       timestamptz NOT NULL,
    end_time         timestamptz NOT NULL,
    conflict_type    text NOT NULL CHECK (conflict_type IN ('rear_end', 'angle', 'crossing', 'opposing')),
    first_user_id    bigint NOT NULL CHECK (first_user_id BETWEEN 0 AND 4294967295),
    first_user_kind  text NOT NULL CHECK (first_user_kind IN ('vehicle', 'pedestrian', 'cyclist', 'other_vru')),
    second_user_id   bigint NOT NULL CHECK (second_user_id BETWEEN 0 AND 4294967295),
    second_user_kind text NOT NULL CHECK (second_user_kind IN ('vehicle', 'pedestrian', 'cyclist', 'other_vru')),
    min_ttc_s        double precision CHECK (min_ttc_s >= 0),
    min_ttc_time     timestamptz,
    min_pet_s        double precision CHECK (min_pet_s >= 0),
    min_pet_time     timestamptz,
    first_speed_mps  double precision NOT NULL CHECK (first_speed_mps >= 0),
    second_speed_mps double precision NOT NULL CHECK (second_speed_mps >= 0),
    location         geometry(Point, 4326),
    ingested_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT conflict_events_ends_after_start CHECK (end_time >= start_time),
    CONSTRAINT conflict_events_has_a_measure CHECK (min_ttc_s IS NOT NULL OR min_pet_s IS NOT NULL),
    CONSTRAINT conflict_events_ttc_has_a_time CHECK ((min_ttc_s IS NULL) = (min_ttc_time IS NULL)),
    CONSTRAINT conflict_events_pet_has_a_time CHECK ((min_pet_s IS NULL) = (min_pet_time IS NULL)),
    PRIMARY KEY (intersection_id, start_time, first_user_id, second_user_id)
) PARTITION BY RANGE (start_time);
CREATE TABLE conflict_events_default PARTITION OF conflict_events DEFAULT;
CREATE INDEX conflict_events_start_time ON conflict_events (start_time);
CREATE INDEX conflict_events_location_gist ON conflict_events USING gist (location);
