package org.civicspace.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's HTML report: the figures, throughput per second over time and the latency
 * percentiles, as SVG drawn here — one self-contained file, no script, nothing fetched.
 */
final class BenchPage {

    private static final String[] COLOURS = {"#1f6f8b", "#d1495b", "#edae49", "#66a182"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int TOP = 20;
    private static final int RIGHT = 20;

    private BenchPage() {
    }

    static void write(Path file, PipelineBench.Outcome outcome) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, html(outcome, Instant.now()), StandardCharsets.UTF_8);
    }

    static String html(PipelineBench.Outcome outcome, Instant at) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>civicspace bench</title>
                <style>body{font-family:sans-serif;max-width:760px;margin:2em auto;color:#222}
                table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:left}
                td.n{text-align:right;font-variant-numeric:tabular-nums}</style></head><body>
                <h1>civicspace bench</h1>
                """);
        page.append("<p>").append(escape(at.toString())).append("</p>\n<h2>Figures</h2>\n<table>\n");
        for (Map.Entry<String, Object> figure : outcome.figures().entrySet()) {
            row(page, figure.getKey(), figure.getValue() == null ? "not measured" : figure.getValue().toString());
        }
        outcome.notes().forEach((key, value) -> row(page, key, value));
        page.append("</table>\n<h2>Kafka alone: records consumed per second</h2>\n")
                .append(lines(outcome.rawSeries(), "seconds", "records/s"))
                .append("<h2>The pipeline: reports per second at each stage</h2>\n")
                .append(lines(outcome.pipelineSeries(), "seconds", "reports/s"))
                .append("<h2>End-to-end latency percentiles (ms, logarithmic)</h2>\n")
                .append(percentiles(List.of(outcome.kafka(), outcome.pipeline()),
                        List.of("Kafka alone, produce to consume", "pipeline, submit to alert on the stream")))
                .append("</body></html>\n");
        return page.toString();
    }

    private static void row(StringBuilder page, String key, String value) {
        page.append("<tr><th>").append(escape(key)).append("</th><td class=\"n\">").append(escape(value))
                .append("</td></tr>\n");
    }

    /** Each series' change per second as a line, on one linear scale. */
    static String lines(List<Series> series, String xLabel, String yLabel) {
        List<List<Long>> rates = series.stream().map(Series::perSecond).toList();
        int points = rates.stream().mapToInt(List::size).max().orElse(0);
        double highest = Math.max(1, rates.stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(1));
        StringBuilder svg = frame(xLabel, yLabel);
        axisTicks(svg, points, highest, false);
        for (int s = 0; s < rates.size(); s++) {
            List<String> xy = new ArrayList<>();
            List<Long> values = rates.get(s);
            for (int i = 0; i < values.size(); i++) {
                xy.add(fmt(x(i + 1, points)) + "," + fmt(y(values.get(i), highest)));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[s % COLOURS.length])
                    .append("\" points=\"").append(String.join(" ", xy)).append("\"/>\n");
        }
        legend(svg, series.stream().map(Series::name).toList());
        return svg.append("</svg>\n").toString();
    }

    /** The percentiles of each summary (and its maximum) as points joined by a line, on a logarithmic scale. */
    static String percentiles(List<Latencies.Summary> summaries, List<String> names) {
        List<String> labels = new ArrayList<>();
        for (double p : Latencies.PERCENTILES) {
            labels.add("p" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)));
        }
        labels.add("max");
        double highest = 1;
        double lowest = Double.MAX_VALUE;
        for (Latencies.Summary summary : summaries) {
            for (double v : values(summary)) {
                highest = Math.max(highest, v);
                lowest = Math.min(lowest, Math.max(v, 0.01));
            }
        }
        double low = Math.log10(Math.min(lowest, 1));
        double high = Math.log10(highest) + 0.1;
        StringBuilder svg = frame("percentile", "milliseconds");
        for (int i = 0; i < labels.size(); i++) {
            svg.append(text(x(i, labels.size() - 1), HEIGHT - BOTTOM + 16, labels.get(i), "middle"));
        }
        for (int decade = (int) Math.ceil(low); decade <= (int) Math.floor(high); decade++) {
            double y = logY(Math.pow(10, decade), low, high);
            svg.append("<line stroke=\"#eee\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>\n")
                    .append(text(LEFT - 6, y + 4, number(Math.pow(10, decade)), "end"));
        }
        for (int s = 0; s < summaries.size(); s++) {
            List<Double> values = values(summaries.get(s));
            List<String> xy = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                double px = x(i, labels.size() - 1);
                double py = logY(Math.max(values.get(i), 0.01), low, high);
                xy.add(fmt(px) + "," + fmt(py));
                svg.append("<circle r=\"3\" fill=\"").append(COLOURS[s % COLOURS.length]).append("\" cx=\"").append(fmt(px))
                        .append("\" cy=\"").append(fmt(py)).append("\"><title>").append(escape(number(values.get(i))))
                        .append(" ms</title></circle>\n");
            }
            if (!xy.isEmpty()) {
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[s % COLOURS.length])
                        .append("\" points=\"").append(String.join(" ", xy)).append("\"/>\n");
            }
        }
        List<String> legends = new ArrayList<>();
        for (int s = 0; s < summaries.size(); s++) {
            legends.add(names.get(s) + " (" + summaries.get(s).count() + ")");
        }
        legend(svg, legends);
        return svg.append("</svg>\n").toString();
    }

    private static List<Double> values(Latencies.Summary summary) {
        List<Double> values = new ArrayList<>();
        if (summary.count() > 0) {
            summary.percentiles().forEach(p -> values.add(p.ms()));
            values.add(summary.maxMs());
        }
        return values;
    }

    private static StringBuilder frame(String xLabel, String yLabel) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\""
                + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" font-size=\"11\" role=\"img\">\n");
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
                .append("\" fill=\"none\" stroke=\"#999\"/>\n");
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 6, xLabel, "middle"));
        svg.append("<text transform=\"rotate(-90)\" x=\"").append(-(TOP + HEIGHT - BOTTOM) / 2).append("\" y=\"14\" text-anchor=\"middle\">")
                .append(escape(yLabel)).append("</text>\n");
        return svg;
    }

    private static void axisTicks(StringBuilder svg, int points, double highest, boolean unused) {
        for (int i = 0; i <= 4; i++) {
            double value = highest * i / 4;
            double y = y(value, highest);
            svg.append("<line stroke=\"#eee\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>\n")
                    .append(text(LEFT - 6, y + 4, number(value), "end"));
        }
        int step = Math.max(1, points / 10);
        for (int i = 0; i <= points; i += step) {
            svg.append(text(x(i, points), HEIGHT - BOTTOM + 16, String.valueOf(i), "middle"));
        }
    }

    private static void legend(StringBuilder svg, List<String> names) {
        for (int s = 0; s < names.size(); s++) {
            double y = TOP + 14 + s * 14;
            svg.append("<rect x=\"").append(LEFT + 10).append("\" y=\"").append(fmt(y - 8)).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(COLOURS[s % COLOURS.length]).append("\"/>\n")
                    .append(text(LEFT + 26, y + 1, names.get(s), "start"));
        }
    }

    private static double x(int i, int points) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (points == 0 ? 0 : (double) i / points);
    }

    private static double y(double value, double highest) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * value / highest;
    }

    private static double logY(double value, double low, double high) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (Math.log10(value) - low) / (high - low);
    }

    private static String text(double x, double y, String text, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">" + escape(text) + "</text>\n";
    }

    private static String number(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
