package dev.ciamkit.common.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotes_cells_with_separators_and_doubles_quotes() {
        assertThat(Csv.line(Arrays.asList("kim", "My \"work\" phone", "a,b", null, 6)))
                .isEqualTo("kim,\"My \"\"work\"\" phone\",\"a,b\",,6\r\n");
    }

    @Test
    void defuses_cells_a_spreadsheet_would_run_as_formulas() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+8210")).isEqualTo("'+8210");
        assertThat(Csv.cell("@sum")).isEqualTo("'@sum");
    }
}
