package org.civicspace.export.update.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

public class CsvUpdateRendererTest {

    private final CsvUpdateRenderer renderer = new CsvUpdateRenderer();

    @Test
    void writesOneRowPerDevelopmentInSectionAndDateOrder() {
        byte[] csv = renderer.render(SampleUpdates.kazakhstan(false));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = parse(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).isEqualTo(CsvUpdateRenderer.HEADER);
        assertThat(rows).hasSize(5);
        assertThat(rows.subList(1, 5)).extracting(row -> row.get(1) + " " + row.get(2)).containsExactly(
                "Association 2026-09-05", "Association 2026-10-02",
                "Peaceful Assembly 2026-09-20", "Peaceful Assembly 2026-10-14");
        List<String> detention = rows.get(1);
        assertThat(detention.get(0)).isEqualTo("KZ");
        assertThat(detention.get(3)).isEqualTo(SampleUpdates.DETENTION);
        assertThat(detention.get(4)).isEqualTo("hrd_detained; judicial_harassment");
        assertThat(detention.get(5)).isEqualTo("Rights coordinator held after picket\n" + SampleUpdates.SCRIPT_TITLE);
        assertThat(detention.get(6)).isEqualTo("https://news.example.org/2026/09/picket\n");
        assertThat(rows.get(2).get(3)).isEqualTo(SampleUpdates.RAID);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(CsvUpdateRenderer.HEADER.size()));
        assertThat(rows.subList(1, 5)).allSatisfy(row -> assertThat(row.get(7)).isEmpty());
    }

    @Test
    void everyRowOfAnInternalExportCarriesTheMarking() {
        byte[] csv = renderer.render(SampleUpdates.kazakhstan(true));

        List<List<String>> rows = parse(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.subList(1, rows.size())).hasSize(4)
                .allSatisfy(row -> assertThat(row.get(7)).isEqualTo(Wording.INTERNAL));
    }

    @Test
    void noCellStartsWithAFormulaCharacter() {
        byte[] csv = renderer.render(SampleUpdates.kazakhstan(false));

        List<List<String>> rows = parse(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("\t").doesNotStartWith("\r");
                assertThat(cell.stripLeading()).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@");
            }
        }
        List<String> formulaRow = rows.get(4);
        assertThat(formulaRow.get(3)).isEqualTo("'" + SampleUpdates.FORMULA_TEXT);
        assertThat(formulaRow.get(5)).isEqualTo("'" + SampleUpdates.FORMULA);
        assertThat(formulaRow.get(6)).isEqualTo("javascript:alert(1)");
    }

    @Test
    void neutralisesEveryFormulaStart() {
        for (String cell : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "   =1", "\u00A0@x", "＝1")) {
            assertThat(CsvUpdateRenderer.neutralised(cell)).as(cell).startsWith("'");
        }
        for (String cell : List.of("", "Police detained", "2026-09-05", "a=b", "Обыск")) {
            assertThat(CsvUpdateRenderer.neutralised(cell)).as(cell).isEqualTo(cell);
        }
    }

    /** A strict RFC 4180 reader: every record ends with CRLF, quotes only around whole fields. */
    public static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            if (csv.charAt(i) == '"') {
                i++;
                while (true) {
                    char c = csv.charAt(i++);
                    if (c == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
            }
            char c = csv.charAt(i);
            if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                i++;
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).isEqualTo('\n');
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("a quote inside an unquoted field").isNotEqualTo('"');
                cell.append(c);
                i++;
            }
        }
        assertThat(row).as("the last record ends with CRLF").isEmpty();
        return rows;
    }
}
