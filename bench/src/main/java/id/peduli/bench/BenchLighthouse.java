package id.peduli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lighthouse scores (performance, accessibility, best practices) of web pages the local stack serves, with
 * Lighthouse's mobile defaults (its emulated phone and simulated throttling), in Debian's chromium
 * ({@code CHROME_PATH=/usr/bin/chromium}, {@code --headless=new --no-sandbox}); best of three runs per page and
 * category. Lighthouse ({@value #VERSION}, on Node 20) lives in {@code bench/.lighthouse}; it is installed there with
 * {@code npm install --prefix} on first use when it is missing. Scores are reported, never asserted.
 */
final class BenchLighthouse {
    private BenchLighthouse() {}

    static final String VERSION = "12.2.3";
    static final String CHROME = "/usr/bin/chromium";
    static final int RUNS = 3;
    static final List<String> CATEGORIES = List.of("performance", "accessibility", "best-practices");

    /** One page: the best score of each category (0-100) and every run's scores. */
    record Page(String path, String url, Map<String, Integer> best, List<Map<String, Integer>> runs) {}

    record Result(String version, List<Page> pages) {}

    /** The Lighthouse CLI in {@code dir}, installed there first when it is missing. */
    static Path install(Path dir) throws IOException, InterruptedException {
        Path cli = dir.resolve("node_modules/lighthouse/cli/index.js");
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        Files.createDirectories(dir);
        System.out.printf("  installing lighthouse@%s into %s (once) ...%n", VERSION, dir);
        Process npm = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
                "--loglevel=error", "lighthouse@" + VERSION).inheritIO().start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(cli)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm could not install lighthouse@" + VERSION + " into " + dir);
        }
        return cli;
    }

    /** {@code pages}: the path shown in the results (e.g. {@code /a/{id}}) and the URL measured. */
    static Result run(Path dir, Map<String, String> pages, Path work) throws Exception {
        Path cli = install(dir);
        if (!Files.isExecutable(Path.of(CHROME))) {
            throw new IllegalStateException("no chromium at " + CHROME + " (apt-get install -y chromium), or run with --no-lighthouse");
        }
        List<Page> measured = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            List<Map<String, Integer>> runs = new ArrayList<>();
            Map<String, Integer> best = new LinkedHashMap<>();
            for (int i = 0; i < RUNS; i++) {
                Map<String, Integer> scores = once(cli, page.getValue(), work.resolve("lighthouse-" + measured.size() + "-" + i + ".json"));
                runs.add(scores);
                scores.forEach((category, score) -> best.merge(category, score, Math::max));
            }
            System.out.printf("  lighthouse %-10s best of %d: %s (runs %s)%n", page.getKey(), RUNS, best, runs);
            measured.add(new Page(page.getKey(), page.getValue(), best, runs));
        }
        return new Result(VERSION, measured);
    }

    private static Map<String, Integer> once(Path cli, String url, Path report) throws IOException, InterruptedException {
        List<String> command = List.of("node", cli.toString(), url, "--output=json", "--output-path=" + report,
                "--only-categories=" + String.join(",", CATEGORIES), "--chrome-flags=--headless=new --no-sandbox",
                "--quiet");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(report.resolveSibling(report.getFileName() + ".log").toFile());
        pb.environment().put("CHROME_PATH", CHROME);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("lighthouse did not finish on " + url);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(report)) {
            throw new IllegalStateException("lighthouse failed on " + url + " (exit " + p.exitValue() + "):\n"
                    + Files.readString(report.resolveSibling(report.getFileName() + ".log")));
        }
        JsonNode lhr = Json.mapper().readTree(report.toFile());
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            JsonNode score = lhr.path("categories").path(category).path("score");
            if (!score.isNumber()) {
                throw new IllegalStateException("lighthouse gave no " + category + " score for " + url
                        + (lhr.has("runtimeError") ? ": " + lhr.get("runtimeError") : ""));
            }
            scores.put(category, (int) Math.round(score.asDouble() * 100));
        }
        return scores;
    }
}
