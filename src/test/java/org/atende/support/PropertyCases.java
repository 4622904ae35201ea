package org.atende.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * Property tests as plain JUnit 5 dynamic tests: a generator draws a value from a seeded
 * {@link SplittableRandom}, a check asserts on it, once per case. No shrinking: a failing case is
 * rerun from its seed.
 *
 * <p>Case {@code i} of a property gets the seed {@code mix(hash(property) + (i + 1) * gamma)}, and the
 * case is drawn from {@code new SplittableRandom(seed)} alone, so the seed shown in the test's name
 * regenerates it. System properties:
 * <ul>
 * <li>{@code property.seed=<seed>} runs only the case with that seed (one per property run; pick
 * the property with {@code -Dtest='SomeProperties#property'});</li>
 * <li>{@code property.tries=<factor>} multiplies every property's number of cases (say 10 for a long
 * hunt, 0.1 for a quick look).</li>
 * </ul>
 */
public final class PropertyCases {

    /** How often one case may draw again after its check called {@link #assume} with false. */
    static final int MAX_DRAWS = 100;
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private PropertyCases() {
    }

    /** {@code tries} cases of the property (scaled by {@code property.tries}), each named with its seed. */
    public static <T> Stream<DynamicTest> cases(String property, int tries, Function<SplittableRandom, T> generator,
            Consumer<? super T> check) {
        String rerun = "-Dtest='" + StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .getCallerClass().getSimpleName() + "#" + property + "' -Dproperty.seed=";
        String fixed = System.getProperty("property.seed", "").trim();
        if (!fixed.isEmpty()) {
            long seed = Long.parseLong(fixed);
            return Stream.of(DynamicTest.dynamicTest("seed=" + seed, () -> run(property, seed, rerun, generator, check)));
        }
        long base = hash(property);
        int count = Math.max(1, (int) Math.ceil(tries * Double.parseDouble(System.getProperty("property.tries", "1"))));
        return IntStream.range(0, count).mapToObj(i -> {
            long seed = mix(base + (i + 1) * GAMMA);
            return DynamicTest.dynamicTest("#" + i + " seed=" + seed, () -> run(property, seed, rerun, generator, check));
        });
    }

    /**
     * Inside a check: the value does not qualify, so the case draws again from
     * its random, which keeps it reproducible from its seed and keeps the number of checked cases.
     */
    public static void assume(boolean holds) {
        if (!holds) {
            throw Rejected.INSTANCE;
        }
    }

    private static <T> void run(String property, long seed, String rerun, Function<SplittableRandom, T> generator,
            Consumer<? super T> check) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int draw = 1; draw <= MAX_DRAWS; draw++) {
            T value = generator.apply(random);
            try {
                check.accept(value);
                return;
            } catch (Rejected again) {
                // the next draw from the same random
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(property + " fails on seed " + seed + " (rerun: " + rerun + seed + ")\n"
                        + failure.getMessage() + "\nsample: " + value, failure);
            }
        }
        throw new AssertionError(property + ": " + MAX_DRAWS + " draws rejected in a row on seed " + seed);
    }

    private static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Rejected extends RuntimeException {
        static final Rejected INSTANCE = new Rejected();

        private Rejected() {
            super("rejected", null, false, false);
        }
    }

    // ================================================================ generators

    /** A generator with its weight, for {@link #frequency}. */
    public record Weighted<T>(int weight, Function<SplittableRandom, ? extends T> generator) {
    }

    public static <T> Weighted<T> weight(int weight, Function<SplittableRandom, ? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /** A constant as a weighted choice. */
    public static <T> Weighted<T> weight(int weight, T value) {
        return new Weighted<>(weight, r -> value);
    }

    /** One of the generators, chosen with probability proportional to its weight. */
    @SafeVarargs
    public static <T> T frequency(SplittableRandom r, Weighted<? extends T>... choices) {
        return frequency(r, List.of(choices));
    }

    public static <T> T frequency(SplittableRandom r, List<? extends Weighted<? extends T>> choices) {
        int total = choices.stream().mapToInt(Weighted::weight).sum();
        int ticket = r.nextInt(total);
        for (Weighted<? extends T> choice : choices) {
            ticket -= choice.weight();
            if (ticket < 0) {
                return choice.generator().apply(r);
            }
        }
        throw new IllegalStateException("weights sum to " + total);
    }

    /** Uniform in [min, max], both included. */
    public static int between(SplittableRandom r, int min, int max) {
        return r.nextInt(min, max + 1);
    }

    /** Uniform in [min, max], both included. */
    public static long between(SplittableRandom r, long min, long max) {
        return r.nextLong(min, max + 1);
    }

    /** A whole-second instant in [from, to). */
    public static Instant instant(SplittableRandom r, Instant from, Instant to) {
        return Instant.ofEpochSecond(r.nextLong(from.getEpochSecond(), to.getEpochSecond()));
    }

    /** A whole-second duration in [0, max]. */
    public static Duration duration(SplittableRandom r, Duration max) {
        return Duration.ofSeconds(between(r, 0, max.getSeconds()));
    }

    /** One of the values, uniformly (bias comes from {@link #frequency} over lists of special values). */
    public static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** {@code size} values of the generator. */
    public static <T> List<T> listOf(SplittableRandom r, int size, Function<SplittableRandom, ? extends T> element) {
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(r));
        }
        return list;
    }

    /** Between {@code min} and {@code max} values of the generator. */
    public static <T> List<T> listOf(SplittableRandom r, int min, int max, Function<SplittableRandom, ? extends T> element) {
        return listOf(r, between(r, min, max), element);
    }

    /** The generator's first value that passes {@code test}: for rare rejections (a filter, not a search). */
    public static <T> T suchThat(SplittableRandom r, Function<SplittableRandom, ? extends T> generator, Predicate<? super T> test) {
        for (int i = 0; i < 10_000; i++) {
            T value = generator.apply(r);
            if (test.test(value)) {
                return value;
            }
        }
        throw new IllegalStateException("10000 values in a row failed the filter");
    }
}
