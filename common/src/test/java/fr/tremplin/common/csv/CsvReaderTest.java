package fr.tremplin.common.csv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {

    @Test
    void quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_rows_keep_their_line() throws IOException {
        List<CsvReader.Row> rows = CsvReader.read(new StringReader("""
                \uFEFFuai,name,city
                0590001A,"Jean Jaurès, annexe",Lille
                0590002B,"Le ""Phare""\",Roubaix
                0590003C,"deux
                lignes",Tourcoing
                0590004D, Victor Hugo ,Douai
                """));
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(2, 3, 4, 6);
        assertThat(rows.get(0).get("uai")).isEqualTo("0590001A"); // the byte order mark left the header
        assertThat(rows.get(0).get("name")).isEqualTo("Jean Jaurès, annexe");
        assertThat(rows.get(1).get("name")).isEqualTo("Le \"Phare\"");
        assertThat(rows.get(2).get("name")).isEqualTo("deux\nlignes");
        assertThat(rows.get(3).get("name")).isEqualTo("Victor Hugo");
    }

    @Test
    void a_row_with_a_wrong_number_of_fields_is_kept_and_marked_and_blank_lines_are_skipped() throws IOException {
        List<CsvReader.Row> rows = CsvReader.read(new StringReader("a;b;c\n1;2\n\n4;5;6\n"), ';');
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("__fields")).isEqualTo("2");
        assertThat(rows.get(0).get("c")).isNull();
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).get("__fields")).isNull();
        assertThat(rows.get(1).get("c")).isEqualTo("6");
    }
}
