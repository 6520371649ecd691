package io.fanzha.contracts;

/** What kind of organization a unit is (docs/units.md); a fixed list shared by every service. */
public enum UnitType {
    POLICE_STATION,
    COURT,
    PROCURATORATE,
    GOVERNMENT_DEPARTMENT,
    SCHOOL,
    BANK,
    CARRIER,
    COURIER,
    HOTEL,
    ENTERPRISE,
    SOCIAL_ORGANIZATION,
    VILLAGE_COMMITTEE,
    OTHER
}
