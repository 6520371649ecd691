package io.fanzha.outreach.spotcheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Draws a spot check's sample (docs/outreach.md, "Spot checks"). Each visit's rank is the SHA-256 of the seed and its
 * id: the same seed over the same visits draws the same sample on any machine, and a visit logged later does not
 * reshuffle the others. Each village gets its lowest-ranked visits up to the percentage (rounded up) and at least its
 * minimum; then each worker with fewer than their minimum gets their next-ranked visits.
 */
final class Sampler {

    record Visit(UUID id, String village, String worker) {
    }

    record Drawn(Visit visit, String rank) {
    }

    private Sampler() {
    }

    static List<Drawn> draw(List<Visit> visits, long seed, int percent, int minimumPerVillage, int minimumPerWorker) {
        List<Drawn> ranked = visits.stream().map(visit -> new Drawn(visit, rank(seed, visit.id())))
                .sorted(Comparator.comparing(Drawn::rank)).toList();
        Set<Drawn> chosen = new LinkedHashSet<>();
        Map<String, List<Drawn>> byVillage = ranked.stream().collect(Collectors.groupingBy(drawn -> drawn.visit().village()));
        byVillage.values().forEach(village -> {
            int share = (int) Math.ceil(village.size() * percent / 100.0);
            chosen.addAll(village.subList(0, Math.min(village.size(), Math.max(share, minimumPerVillage))));
        });
        Map<String, List<Drawn>> byWorker = ranked.stream().collect(Collectors.groupingBy(drawn -> drawn.visit().worker()));
        byWorker.values().forEach(worker -> {
            long have = worker.stream().filter(chosen::contains).count();
            for (Drawn drawn : worker) {
                if (have >= minimumPerWorker) {
                    break;
                }
                if (chosen.add(drawn)) {
                    have++;
                }
            }
        });
        List<Drawn> sample = new ArrayList<>(chosen);
        sample.sort(Comparator.comparing(Drawn::rank));
        return sample;
    }

    static String rank(long seed, UUID id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((seed + ":" + id).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
