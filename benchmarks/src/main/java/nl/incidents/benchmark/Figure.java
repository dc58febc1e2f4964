package nl.incidents.benchmark;

import java.util.List;

/**
 * One figure of issue 13's checks: what was measured, the reference measured beside it in the same run (or "-"), the
 * target as the issue words it, and whether the figure meets it ({@code null}: no target, or not measured).
 */
record Figure(String what, String measured, String reference, String target, Boolean pass) {

    static Figure of(String what, String measured, String reference, String target, boolean pass) {
        return new Figure(what, measured, reference, target, pass);
    }

    static Figure info(String what, String measured, String reference) {
        return new Figure(what, measured, reference, "-", null);
    }

    static Figure skipped(String what, String why, String target) {
        return new Figure(what, "not measured: " + why, "-", target, null);
    }

    /** The figures as one Markdown table: figure, measured, reference, target, PASS/FAIL. */
    static void print(String title, List<Figure> figures) {
        System.out.println();
        System.out.println(title);
        System.out.println();
        System.out.println("| figure | measured | reference (same run) | target | |");
        System.out.println("|---|---|---|---|---|");
        for (Figure f : figures) {
            System.out.printf("| %s | %s | %s | %s | %s |%n", f.what(), f.measured(), f.reference(), f.target(),
                    f.pass() == null ? "" : f.pass() ? "PASS" : "FAIL");
        }
        long failed = figures.stream().filter(f -> Boolean.FALSE.equals(f.pass())).count();
        long passed = figures.stream().filter(f -> Boolean.TRUE.equals(f.pass())).count();
        System.out.printf("%n%d of the targets met, %d missed%n", passed, failed);
    }

    static String ms(double millis) {
        return String.format("%,.1f ms", millis);
    }
}
