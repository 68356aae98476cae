package org.civicspace.export.update.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.civicspace.events.Freedom;
import org.civicspace.export.update.domain.Development;
import org.civicspace.export.update.domain.Footnote;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateSection;
import org.springframework.stereotype.Component;

/**
 * An update as one self-contained HTML5 page, styled for reading and for print: every text
 * escaped, links only to http(s) addresses, no script and no event attribute anywhere, the
 * monthly chart as inline SVG. The page carries its own Content-Security-Policy, which allows
 * its one style element by hash and nothing else, so even a file opened from disk runs nothing.
 */
@Component
final class HtmlUpdateRenderer implements UpdateRenderer {

    static final String STYLE = """
            :root{color-scheme:light;--ink:#1d1d1f;--muted:#5b5b66;--rule:#d9d9e0;--accent:#0b5c8a}
            *{box-sizing:border-box}
            body{margin:0;background:#fbfbfd;color:var(--ink);font:17px/1.6 Georgia,"DejaVu Serif","Times New Roman",serif}
            main{max-width:44rem;margin:0 auto;padding:2.5rem 1.25rem 4rem}
            header{border-bottom:2px solid var(--ink);margin-bottom:1.5rem}
            .country{margin:0;font:600 .85rem/1.4 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:var(--accent)}
            h1{font-size:2rem;line-height:1.2;margin:.3rem 0 .8rem}
            h2{font:700 1.35rem/1.3 system-ui,sans-serif;margin:2.5rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}
            .facts,.version,.date,.tags,figcaption{font:.85rem/1.5 system-ui,sans-serif;color:var(--muted)}
            .facts{margin:.25rem 0}.version{margin:0 0 1rem}
            .internal{border:2px solid #a4161a;color:#a4161a;background:#fff5f5;padding:.6rem .9rem;font:700 .95rem/1.4 system-ui,sans-serif}
            .intro{font-size:1.1rem}
            article{margin:0 0 1.4rem}
            article p{margin:.2rem 0}
            .date{margin:0;font-weight:600}
            .tags{margin:.25rem 0 0}
            .empty{font-style:italic;color:var(--muted)}
            sup{line-height:0}
            sup a{text-decoration:none;font:600 .75em system-ui,sans-serif;color:var(--accent)}
            a{color:var(--accent);overflow-wrap:anywhere}
            .sources{font-size:.9rem}
            .sources li{margin:0 0 .4rem}
            .sources li:target{background:#fff8d6}
            figure{margin:1.5rem 0}
            svg{width:100%;height:auto;font:11px system-ui,sans-serif}
            .legend span{display:inline-block;margin-right:1rem}
            .legend svg.swatch{width:.8em;height:.8em;margin-right:.35em;vertical-align:-.05em}
            @media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}h2{break-after:avoid}article{break-inside:avoid}}
            """;

    /** The page's own policy: nothing may load or run; only the style element above applies. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

    private static final double CHART_WIDTH = 640;
    private static final double CHART_HEIGHT = 220;
    private static final double AXIS = 36;
    private static final double TOP = 12;
    private static final double BOTTOM = 34;

    @Override
    public String format() {
        return "html";
    }

    @Override
    public String mediaType() {
        return "text/html; charset=UTF-8";
    }

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public byte[] render(UpdateDocument document) {
        String title = Wording.title(document);
        String pageLanguage = Objects.requireNonNullElse(
                SafeText.language(title + " " + SafeText.clean(document.introduction())), "en");
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(pageLanguage).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                .append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        if (document.internal()) {
            html.append("<p class=\"internal\" role=\"note\">").append(escape(Wording.INTERNAL)).append("</p>\n");
        }
        html.append("<header>\n<p class=\"country\">").append(escape(Wording.country(document))).append("</p>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n")
                .append("<p class=\"facts\">").append(escape(Wording.facts(document))).append("</p>\n")
                .append("<p class=\"version\">").append(escape(Wording.version(document))).append("</p>\n</header>\n");
        String introduction = SafeText.clean(document.introduction());
        if (!introduction.isEmpty()) {
            html.append("<div class=\"intro\"").append(lang(introduction, pageLanguage)).append(">")
                    .append(paragraphs(introduction, "")).append("</div>\n");
        }
        if (!document.chart().isEmpty()) {
            chart(html, MonthlyChart.of(document.chart(), CHART_WIDTH - AXIS - 8, CHART_HEIGHT - TOP - BOTTOM));
        }
        Map<Integer, Footnote> sources = Wording.sources(document);
        for (UpdateSection section : document.sections()) {
            section(html, section, sources, pageLanguage);
        }
        if (!sources.isEmpty()) {
            sourceList(html, sources.values());
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void section(StringBuilder html, UpdateSection section, Map<Integer, Footnote> sources,
            String pageLanguage) {
        String id = section.freedom() == null ? "section" : section.freedom().wireName();
        html.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(SafeText.line(section.title())))
                .append("</h2>\n");
        if (section.developments().isEmpty()) {
            html.append("<p class=\"empty\">").append(escape(Wording.NOTHING_RECORDED)).append("</p>\n");
        }
        for (Development development : section.developments()) {
            String text = SafeText.clean(development.text());
            html.append("<article").append(lang(text, pageLanguage)).append(">\n");
            if (development.date() != null) {
                html.append("<p class=\"date\"><time datetime=\"").append(development.date()).append("\">")
                        .append(escape(Wording.date(development.date()))).append("</time></p>\n");
            }
            List<Integer> cited = development.footnotes().stream().filter(sources::containsKey).toList();
            StringBuilder markers = new StringBuilder();
            if (!cited.isEmpty()) {
                markers.append("<sup>");
                for (int i = 0; i < cited.size(); i++) {
                    int number = cited.get(i);
                    markers.append(i == 0 ? "" : ", ").append("<a href=\"#source-").append(number)
                            .append("\" aria-label=\"Source ").append(number).append("\">").append(number).append("</a>");
                }
                markers.append("</sup>");
            }
            html.append(paragraphs(text, markers.toString()));
            if (!development.violationTypes().isEmpty()) {
                html.append("<p class=\"tags\" lang=\"en\">")
                        .append(escape(Wording.violations(development.violationTypes())))
                        .append("</p>\n");
            }
            html.append("</article>\n");
        }
        html.append("</section>\n");
    }

    private static void sourceList(StringBuilder html, Iterable<Footnote> sources) {
        html.append("<section id=\"sources\">\n<h2>").append(Wording.SOURCES).append("</h2>\n<ol class=\"sources\">\n");
        for (Footnote footnote : sources) {
            html.append("<li id=\"source-").append(footnote.number()).append("\" value=\"").append(footnote.number())
                    .append("\">").append(escape(Wording.citation(footnote)));
            String url = SafeText.line(footnote.url());
            if (!url.isEmpty()) {
                html.append(". ");
                SafeText.webLink(url).ifPresentOrElse(
                        link -> html.append("<a href=\"").append(escape(link))
                                .append("\" rel=\"noopener noreferrer nofollow\">").append(escape(url)).append("</a>"),
                        () -> html.append("<span class=\"url\">").append(escape(url)).append("</span>"));
            }
            html.append("</li>\n");
        }
        html.append("</ol>\n</section>\n");
    }

    private static void chart(StringBuilder html, MonthlyChart chart) {
        double plotHeight = CHART_HEIGHT - TOP - BOTTOM;
        double baseline = TOP + plotHeight;
        html.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(number(CHART_WIDTH)).append(' ').append(number(CHART_HEIGHT))
                .append("\" role=\"img\" aria-labelledby=\"chart-title\">\n<title id=\"chart-title\">")
                .append(Wording.CHART_TITLE).append("</title>\n");
        for (MonthlyChart.Tick tick : chart.ticks()) {
            double y = baseline - tick.y();
            html.append("<line x1=\"").append(number(AXIS)).append("\" x2=\"").append(number(CHART_WIDTH - 8))
                    .append("\" y1=\"").append(number(y)).append("\" y2=\"").append(number(y))
                    .append("\" stroke=\"").append(tick.value() == 0 ? "#1d1d1f" : "#d9d9e0").append("\"/>\n")
                    .append("<text x=\"").append(number(AXIS - 6)).append("\" y=\"").append(number(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#5b5b66\">").append(tick.value()).append("</text>\n");
        }
        for (MonthlyChart.Bar bar : chart.bars()) {
            String month = chart.months().get(bar.month()).name();
            html.append("<rect x=\"").append(number(AXIS + bar.x()))
                    .append("\" y=\"").append(number(baseline - bar.height()))
                    .append("\" width=\"").append(number(bar.width())).append("\" height=\"").append(number(bar.height()))
                    .append("\" fill=\"").append(MonthlyChart.colour(bar.freedom())).append("\"><title>")
                    .append(month).append(", ").append(Wording.freedom(bar.freedom())).append(": ").append(bar.count())
                    .append("</title></rect>\n");
        }
        for (MonthlyChart.MonthLabel label : chart.months()) {
            html.append("<text x=\"").append(number(AXIS + label.x())).append("\" y=\"").append(number(baseline + 14))
                    .append("\" text-anchor=\"middle\" fill=\"#5b5b66\">").append(label.name());
            if (!label.year().isEmpty()) {
                html.append("<tspan x=\"").append(number(AXIS + label.x())).append("\" dy=\"13\">")
                        .append(label.year()).append("</tspan>");
            }
            html.append("</text>\n");
        }
        html.append("</svg>\n<figcaption>").append(Wording.CHART_TITLE).append(". <span class=\"legend\">");
        for (Freedom freedom : Freedom.values()) {
            html.append("<span><svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\">")
                    .append("<rect width=\"10\" height=\"10\" fill=\"").append(MonthlyChart.colour(freedom))
                    .append("\"/></svg>").append(Wording.freedom(freedom)).append("</span>");
        }
        html.append("</span></figcaption>\n</figure>\n");
    }

    /** The text's paragraphs, a single line break kept as one; {@code end} (markup) closes the last paragraph. */
    private static String paragraphs(String text, String end) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : SafeText.paragraphs(text)) {
            out.append("<p>").append(escape(paragraph).replace("\n", "<br>\n")).append("</p>\n");
        }
        if (!end.isEmpty()) {
            int last = out.lastIndexOf("</p>");
            if (last < 0) {
                out.append("<p>").append(end).append("</p>\n");
            } else {
                out.insert(last, end);
            }
        }
        return out.toString();
    }

    private static String lang(String text, String pageLanguage) {
        String language = SafeText.language(text);
        return language == null || language.equals(pageLanguage) ? "" : " lang=\"" + language + "\"";
    }

    /** Escapes for text and for quoted attribute values alike. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
