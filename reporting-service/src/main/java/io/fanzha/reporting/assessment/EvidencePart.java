package io.fanzha.reporting.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fanzha.reporting.unit.UnitRow;

/**
 * Evidence quality: of the unit's records in the period's days (voided ones left out), the share no check found
 * fault with, times the confirmation rate of its spot-checked visits (confirmed / (confirmed + denied); 1 while
 * none was checked). The points lost to faults are laid on the faulted records alike; those lost to the rate on the
 * denied visits alike, so a denied visit costs twice: as a faulted record and as a sample that says others may be
 * faked too.
 */
final class EvidencePart {

    private EvidencePart() {
    }

    static Part assess(UnitRow unit, Window window, Findings findings) {
        long records = findings.recordsOf(unit.id());
        if (records == 0) {
            return Part.notApplicable(Part.Kind.EVIDENCE_QUALITY, "The unit logged no record in the period's days.");
        }
        List<Findings.Finding> faulted = findings.ofUnit(unit.id(), window.from(), window.to());
        Findings.SpotChecks checks = findings.spotChecksOf(unit.id());
        double clean = 1 - (double) faulted.size() / records;
        long checked = checks.confirmed() + checks.denied();
        double rate = checked == 0 ? 1 : (double) checks.confirmed() / checked;
        Map<UUID, Double> shares = new LinkedHashMap<>();
        Map<UUID, Findings.Finding> byRecord = new LinkedHashMap<>();
        for (Findings.Finding finding : faulted) {
            shares.merge(finding.recordId(), 1.0 / records, Double::sum);
            byRecord.put(finding.recordId(), finding);
        }
        for (UUID denied : checks.deniedRecords()) {
            shares.merge(denied, clean * (1 - rate) / checks.denied(), Double::sum);
        }
        List<Part.Cost> costs = new ArrayList<>();
        shares.forEach((record, share) -> {
            Findings.Finding finding = byRecord.get(record);
            costs.add(new Part.Cost("OUTREACH", record.toString(), "/api/v1/outreach/" + record, share,
                    finding == null ? Part.facts("findings", List.of(Findings.DENIED))
                            : Part.facts("kind", finding.kind(), "occurredOn", finding.occurredOn(), "findings",
                                    finding.reasons())));
        });
        return new Part(Part.Kind.EVIDENCE_QUALITY, clean * rate, null, Part.facts("records", records,
                "recordsWithFindings", faulted.size(), "spotChecksConfirmed", checks.confirmed(), "spotChecksDenied",
                checks.denied(), "confirmationRate", checked == 0 ? null : Part.percent(rate)), costs);
    }
}
