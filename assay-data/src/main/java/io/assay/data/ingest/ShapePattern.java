package io.assay.data.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contract pattern that is only a sequence of literals and character classes with counts
 * ({@code C[0-9]{8}}, {@code [A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}}), matched without the regex
 * engine: ids are checked on every row and the general matcher costs several times more.
 * Any other pattern keeps {@link Pattern}; a test holds both to the same answers.
 */
final class ShapePattern {
    private record Step(boolean[] allowed, int min, int max) {
    }

    private final Step[] steps;
    /** For a pattern of fixed counts only, what each position allows; null otherwise. */
    private final boolean[][] fixed;

    private ShapePattern(Step[] steps) {
        this.steps = steps;
        this.fixed = fixedPositions(steps);
    }

    private static boolean[][] fixedPositions(Step[] steps) {
        List<boolean[]> positions = new ArrayList<>();
        for (Step step : steps) {
            if (step.min() != step.max()) {
                return null;
            }
            for (int i = 0; i < step.min(); i++) {
                positions.add(step.allowed());
            }
        }
        return positions.toArray(boolean[][]::new);
    }

    /** Whether any position of the pattern allows {@code c}. */
    boolean admits(char c) {
        for (Step step : steps) {
            if (c < step.allowed().length && step.allowed()[c]) {
                return true;
            }
        }
        return false;
    }

    /** The fast matcher for {@code regex}, or empty when it uses more than literals, classes and counts. */
    static Optional<ShapePattern> compile(String regex) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < regex.length()) {
            boolean[] allowed = new boolean[128];
            char c = regex.charAt(i);
            if (c == '[') {
                int end = regex.indexOf(']', i);
                if (end < 0 || !parseClass(regex.substring(i + 1, end), allowed)) {
                    return Optional.empty();
                }
                i = end + 1;
            } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '_')) {
                allowed[c] = true;
                i++;
            } else {
                return Optional.empty();
            }
            int min = 1;
            int max = 1;
            if (i < regex.length() && regex.charAt(i) == '{') {
                int end = regex.indexOf('}', i);
                if (end < 0) {
                    return Optional.empty();
                }
                String[] bounds = regex.substring(i + 1, end).split(",", -1);
                try {
                    min = Integer.parseInt(bounds[0]);
                    max = bounds.length == 1 ? min : Integer.parseInt(bounds[1]);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (bounds.length > 2 || min > max) {
                    return Optional.empty();
                }
                i = end + 1;
            }
            steps.add(new Step(allowed, min, max));
        }
        return Optional.of(new ShapePattern(steps.toArray(Step[]::new)));
    }

    boolean matches(String value) {
        if (fixed == null) {
            return matchFrom(value, 0, 0);
        }
        if (value.length() != fixed.length) {
            return false;
        }
        for (int i = 0; i < fixed.length; i++) {
            char c = value.charAt(i);
            if (c >= 128 || !fixed[i][c]) {
                return false;
            }
        }
        return true;
    }

    /** Greedy with backtracking over the variable counts; contract patterns have at most one or two. */
    private boolean matchFrom(String value, int position, int stepIndex) {
        if (stepIndex == steps.length) {
            return position == value.length();
        }
        Step step = steps[stepIndex];
        int count = 0;
        while (count < step.max() && position + count < value.length() && allowed(step, value.charAt(position + count))) {
            count++;
        }
        for (; count >= step.min(); count--) {
            if (matchFrom(value, position + count, stepIndex + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowed(Step step, char c) {
        return c < 128 && step.allowed()[c];
    }

    private static boolean parseClass(String body, boolean[] allowed) {
        if (body.isEmpty() || body.charAt(0) == '^') {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            char from = body.charAt(i);
            if (from == '\\' || from >= 128) {
                return false;
            }
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char to = body.charAt(i + 2);
                if (to >= 128 || to < from) {
                    return false;
                }
                for (char c = from; c <= to; c++) {
                    allowed[c] = true;
                }
                i += 2;
            } else {
                allowed[from] = true;
            }
        }
        return true;
    }
}
