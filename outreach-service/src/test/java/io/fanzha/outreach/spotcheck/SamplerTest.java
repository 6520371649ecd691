package io.fanzha.outreach.spotcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SamplerTest {

    /** 10 visits in village A by worker a, 15 in B by b, 5 in C by c. */
    static List<Sampler.Visit> visits() {
        List<Sampler.Visit> visits = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String village = i < 10 ? "A" : i < 25 ? "B" : "C";
            visits.add(new Sampler.Visit(UUID.nameUUIDFromBytes(("visit " + i).getBytes()), village, village.toLowerCase()));
        }
        return visits;
    }

    static List<UUID> ids(List<Sampler.Drawn> drawn) {
        return drawn.stream().map(d -> d.visit().id()).toList();
    }

    @Test
    void theSameSeedDrawsTheSameSampleWhateverOrderTheVisitsComeIn() {
        List<Sampler.Visit> shuffled = new ArrayList<>(visits());
        Collections.shuffle(shuffled);
        assertEquals(ids(Sampler.draw(visits(), 42, 20, 0, 0)), ids(Sampler.draw(shuffled, 42, 20, 0, 0)));
        assertNotEquals(ids(Sampler.draw(visits(), 42, 20, 0, 0)), ids(Sampler.draw(visits(), 43, 20, 0, 0)));
    }

    @Test
    void eachVillageGetsItsShareRoundedUpAndAtLeastItsMinimum() {
        Map<String, Long> perVillage = Sampler.draw(visits(), 7, 10, 0, 0).stream()
                .collect(Collectors.groupingBy(d -> d.visit().village(), Collectors.counting()));
        assertEquals(Map.of("A", 1L, "B", 2L, "C", 1L), perVillage);
        perVillage = Sampler.draw(visits(), 7, 10, 3, 0).stream()
                .collect(Collectors.groupingBy(d -> d.visit().village(), Collectors.counting()));
        assertEquals(Map.of("A", 3L, "B", 3L, "C", 3L), perVillage);
        assertEquals(30, Sampler.draw(visits(), 7, 100, 0, 0).size());
        assertEquals(30, Sampler.draw(visits(), 7, 1, 50, 0).size(), "a minimum above a village's visits takes them all");
    }

    @Test
    void eachWorkerGetsAtLeastTheirMinimumAndTheSampleIsInRankOrder() {
        List<Sampler.Drawn> drawn = Sampler.draw(visits(), 7, 10, 0, 4);
        Map<String, Long> perWorker = drawn.stream()
                .collect(Collectors.groupingBy(d -> d.visit().worker(), Collectors.counting()));
        assertEquals(Map.of("a", 4L, "b", 4L, "c", 4L), perWorker);
        List<String> ranks = drawn.stream().map(Sampler.Drawn::rank).toList();
        assertEquals(ranks.stream().sorted().toList(), ranks);
        assertEquals(Sampler.rank(7, drawn.get(0).visit().id()), drawn.get(0).rank());
    }
}
