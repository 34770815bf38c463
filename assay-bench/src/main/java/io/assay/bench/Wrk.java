package io.assay.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, the load generator outside the JVM that the HTTP benchmarks use (a client inside the JVM
 * would measure itself): one bounded run, its rate and p99 read from wrk's report, and medians.
 */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");

    private Wrk() {}

    /** What one wrk run measured. */
    record Load(double requestsPerSecond, double p99Millis) {
    }

    /**
     * One run against {@code url}; every answer must be a 2xx, or the run does not count.
     *
     * @param token  a bearer token to send, or null
     * @param script a Lua script making the requests (a POST body), or null for GETs
     */
    static Load run(String url, String token, Path script, int seconds, int connections) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher errors = ERRORS.matcher(output);
        if (errors.find()) {
            throw new IllegalStateException(url + " answered " + errors.group(1) + " requests with an error:\n" + output);
        }
        Matcher socketErrors = SOCKET_ERRORS.matcher(output);
        if (socketErrors.find()) {
            throw new IllegalStateException(url + " had socket errors (" + socketErrors.group(1) + "):\n" + output);
        }
        Matcher rate = RATE.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!rate.find() || !p99.find()) {
            throw new IllegalStateException("wrk printed no rate or latency:\n" + output);
        }
        double latency = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> latency / 1000;
            case "s" -> latency * 1000;
            default -> latency;
        };
        return new Load(Double.parseDouble(rate.group(1)), millis);
    }

    static double median(List<Load> loads, ToDoubleFunction<Load> figure) {
        double[] values = loads.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    static void print(String what, List<Load> loads) {
        System.out.printf("%s: %,.0f requests/s median (runs %s), p99 latency %.2f ms median%n", what,
                median(loads, Load::requestsPerSecond), loads.stream().map(l -> String.format("%,.0f", l.requestsPerSecond())).toList(),
                median(loads, Load::p99Millis));
    }
}
