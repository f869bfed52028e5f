package org.trafficsafety.message;

/** PSM basicType (J2735 PersonalDeviceUserType), in code order: {@code values()[code]} is the type of a code. */
public enum VruType {
    UNAVAILABLE, PEDESTRIAN, CYCLIST, PUBLIC_SAFETY_WORKER, ANIMAL;

    public int code() {
        return ordinal();
    }
}
