package org.actionlearning.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void rowsAreCommaSeparatedWithCrLfAndNumbersAtFullPrecision() {
        String csv = new Csv("name", "amount", "rate", "isolated")
                .row("venue", 1500.0, 0.34000000000000002, true)
                .row("none", null, 1.0E-7, false)
                .text();
        assertThat(csv).isEqualTo("name,amount,rate,isolated\r\nvenue,1500,0.34,true\r\nnone,,0.0000001,false\r\n");
    }

    @Test
    void textIsQuotedWhereNeededAndNeverRunsAsAFormula() {
        assertThat(Csv.cell("delay, hours")).isEqualTo("\"delay, hours\"");
        assertThat(Csv.cell("the \"big\" one")).isEqualTo("\"the \"\"big\"\" one\"");
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("-5 shifts")).isEqualTo("'-5 shifts");
        assertThat(Csv.cell(-5.0)).isEqualTo("-5");
    }

    @Test
    void aLeadingTabOrCarriageReturnIsNeutralisedToo() {
        assertThat(Csv.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(Csv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(Csv.cell("a\tb")).isEqualTo("a\tb");
    }
}
